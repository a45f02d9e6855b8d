import { define } from '../../core/define.js';
import { NotificationInbox } from './notification-inbox.component.js';

export { NotificationInbox };

define('notification-inbox', NotificationInbox);

declare global {
  interface HTMLElementTagNameMap {
    'notification-inbox': NotificationInbox;
  }
}
