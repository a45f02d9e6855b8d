import { define } from '../../core/define.js';
import { RelationCard } from './relation-card.component.js';

export { RelationCard };

define('relation-card', RelationCard);

declare global {
  interface HTMLElementTagNameMap {
    'relation-card': RelationCard;
  }
}
