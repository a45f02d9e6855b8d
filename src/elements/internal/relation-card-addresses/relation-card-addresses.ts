import { define } from '../../../core/define.js';
import { RelationCardAddresses } from './relation-card-addresses.component.js';

export { RelationCardAddresses };

define('relation-card-addresses', RelationCardAddresses);

declare global {
  interface HTMLElementTagNameMap {
    'relation-card-addresses': RelationCardAddresses;
  }
}
