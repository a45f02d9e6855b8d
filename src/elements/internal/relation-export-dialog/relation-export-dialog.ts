import { define } from '../../../core/define.js';
import { RelationExportDialog } from './relation-export-dialog.component.js';

export { RelationExportDialog };

define('relation-export-dialog', RelationExportDialog);

declare global {
  interface HTMLElementTagNameMap {
    'relation-export-dialog': RelationExportDialog;
  }
}
