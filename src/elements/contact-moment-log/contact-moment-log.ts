import { define } from '../../core/define.js';
import { ContactMomentLog } from './contact-moment-log.component.js';

export { ContactMomentLog };

define('contact-moment-log', ContactMomentLog);

declare global {
  interface HTMLElementTagNameMap {
    'contact-moment-log': ContactMomentLog;
  }
}
