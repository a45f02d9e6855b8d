import { define } from '../../core/define.js';
import { CallbackList } from './callback-list.component.js';

export { CallbackList };

define('callback-list', CallbackList);

declare global {
  interface HTMLElementTagNameMap {
    'callback-list': CallbackList;
  }
}
