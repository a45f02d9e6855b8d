import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { LocaleController } from '../../../i18n/locale-controller.js';
import { moments } from '../../../i18n/sections/moments.js';
import { controlStyles } from '../../../theme/controls.js';
import { tokenStyles } from '../../../theme/tokens.js';
import { shownText } from '../text/body-text.js';
import { agreementsStyles } from './contact-moment-agreements.styles.js';

/** An agreement as the list shows it; `key` names it to `toggle`. */
export interface AgreementItem {
  key: string;
  text: string;
  dueDate: string | null;
  done: boolean;
  /** Due before today in the user's time zone, and not done. */
  overdue: boolean;
  /** The moment it was made in, when the list holds agreements of several. */
  from?: string | undefined;
}

/**
 * Agreements as a checklist: each with its due date, overdue ones marked in words (not only colour), and a
 * checkbox named after the agreement that marks it done.
 *
 * @internal
 * @tagname contact-moment-agreements
 * @csspart agreement - Each agreement.
 * @csspart overdue - The overdue marker.
 */
export class ContactMomentAgreements extends LitElement {
  static override styles = [tokenStyles, controlStyles, agreementsStyles];

  private readonly i18n = new LocaleController(this);

  /** The agreements to list. */
  @property({ attribute: false }) items: readonly AgreementItem[] = [];

  /** The list's accessible name. */
  @property() label = '';

  /** Called when the user ticks an agreement done, or not done. */
  @property({ attribute: false }) toggle: ((key: string, done: boolean) => void) | undefined;

  protected override render() {
    const m = this.i18n.section(moments);
    return html`<ul aria-label=${this.label || nothing}>
      ${this.items.map((item) => html`<li part="agreement" ?data-overdue=${item.overdue}>
        <label>
          <input type="checkbox" .checked=${item.done} aria-label=${m.done(shownText(item.text))}
            @change=${(event: Event) => this.toggle?.(item.key, (event.target as HTMLInputElement).checked)} />
          <span class="text">${shownText(item.text)}</span>
        </label>
        <span class="due">${item.dueDate ? m.due(item.dueDate) : m.noDueDate}</span>
        ${item.overdue ? html`<strong class="overdue" part="overdue">${m.overdue}</strong>` : nothing}
        ${item.from ? html`<span class="from">${shownText(item.from)}</span>` : nothing}
      </li>`)}
    </ul>`;
  }
}
