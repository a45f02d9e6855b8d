import { define } from '../../../core/define.js';
import { RelationDialog } from './relation-dialog.component.js';

export { RelationDialog };

define('relation-dialog', RelationDialog);

declare global {
  interface HTMLElementTagNameMap {
    'relation-dialog': RelationDialog;
  }
}
