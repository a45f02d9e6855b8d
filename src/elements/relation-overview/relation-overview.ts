import { define } from '../../core/define.js';
import { RelationOverview } from './relation-overview.component.js';

export { RelationOverview };

define('relation-overview', RelationOverview);

declare global {
  interface HTMLElementTagNameMap {
    'relation-overview': RelationOverview;
  }
}
