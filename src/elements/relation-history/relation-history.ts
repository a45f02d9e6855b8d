import { define } from '../../core/define.js';
import { RelationHistory } from './relation-history.component.js';

export { RelationHistory };

define('relation-history', RelationHistory);

declare global {
  interface HTMLElementTagNameMap {
    'relation-history': RelationHistory;
  }
}
