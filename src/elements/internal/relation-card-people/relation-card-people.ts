import { define } from '../../../core/define.js';
import { RelationCardPeople } from './relation-card-people.component.js';

export { RelationCardPeople };

define('relation-card-people', RelationCardPeople);

declare global {
  interface HTMLElementTagNameMap {
    'relation-card-people': RelationCardPeople;
  }
}
