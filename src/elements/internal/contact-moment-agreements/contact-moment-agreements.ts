import { define } from '../../../core/define.js';
import { ContactMomentAgreements } from './contact-moment-agreements.component.js';

export { ContactMomentAgreements };

define('contact-moment-agreements', ContactMomentAgreements);

declare global {
  interface HTMLElementTagNameMap {
    'contact-moment-agreements': ContactMomentAgreements;
  }
}
