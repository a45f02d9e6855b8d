import { define } from '../../../core/define.js';
import { RelationCardHeader } from './relation-card-header.component.js';

export { RelationCardHeader };

define('relation-card-header', RelationCardHeader);

declare global {
  interface HTMLElementTagNameMap {
    'relation-card-header': RelationCardHeader;
  }
}
