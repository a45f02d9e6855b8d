import { define } from '../../../core/define.js';
import { RelationPrintDialog } from './relation-print-dialog.component.js';

export { RelationPrintDialog };

define('relation-print-dialog', RelationPrintDialog);

declare global {
  interface HTMLElementTagNameMap {
    'relation-print-dialog': RelationPrintDialog;
  }
}
