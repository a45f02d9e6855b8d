import { define } from '../../core/define.js';
import { RelationPicker } from './relation-picker.component.js';

export { RelationPicker };

define('relation-picker', RelationPicker);

declare global {
  interface HTMLElementTagNameMap {
    'relation-picker': RelationPicker;
  }
}
