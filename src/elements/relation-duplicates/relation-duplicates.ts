import { define } from '../../core/define.js';
import { RelationDuplicates } from './relation-duplicates.component.js';

export { RelationDuplicates };

define('relation-duplicates', RelationDuplicates);

declare global {
  interface HTMLElementTagNameMap {
    'relation-duplicates': RelationDuplicates;
  }
}
