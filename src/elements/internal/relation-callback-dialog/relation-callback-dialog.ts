import { define } from '../../../core/define.js';
import { RelationCallbackDialog } from './relation-callback-dialog.component.js';

export { RelationCallbackDialog };

define('relation-callback-dialog', RelationCallbackDialog);

declare global {
  interface HTMLElementTagNameMap {
    'relation-callback-dialog': RelationCallbackDialog;
  }
}
