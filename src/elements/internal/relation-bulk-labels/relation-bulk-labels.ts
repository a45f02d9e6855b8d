import { define } from '../../../core/define.js';
import { RelationBulkLabels } from './relation-bulk-labels.component.js';

export { RelationBulkLabels };

define('relation-bulk-labels', RelationBulkLabels);

declare global {
  interface HTMLElementTagNameMap {
    'relation-bulk-labels': RelationBulkLabels;
  }
}
