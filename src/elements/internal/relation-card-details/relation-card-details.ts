import { define } from '../../../core/define.js';
import { RelationCardDetails } from './relation-card-details.component.js';

export { RelationCardDetails };

define('relation-card-details', RelationCardDetails);

declare global {
  interface HTMLElementTagNameMap {
    'relation-card-details': RelationCardDetails;
  }
}
