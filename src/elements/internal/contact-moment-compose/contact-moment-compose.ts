import { define } from '../../../core/define.js';
import { ContactMomentCompose } from './contact-moment-compose.component.js';

export { ContactMomentCompose };

define('contact-moment-compose', ContactMomentCompose);

declare global {
  interface HTMLElementTagNameMap {
    'contact-moment-compose': ContactMomentCompose;
  }
}
