import { define } from '../../../core/define.js';
import { ContactMomentEntry } from './contact-moment-entry.component.js';

export { ContactMomentEntry };

define('contact-moment-entry', ContactMomentEntry);

declare global {
  interface HTMLElementTagNameMap {
    'contact-moment-entry': ContactMomentEntry;
  }
}
