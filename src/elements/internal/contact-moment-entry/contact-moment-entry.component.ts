import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { ContactMoment } from '../../../contract/index.js';
import { LocaleController } from '../../../i18n/locale-controller.js';
import { controlStyles } from '../../../theme/controls.js';
import { tokenStyles } from '../../../theme/tokens.js';
import type { AgreementItem } from '../contact-moment-agreements/contact-moment-agreements.component.js';
import '../contact-moment-agreements/contact-moment-agreements.js';
import { renderText, shownText } from './body-text.js';
import { entryStyles } from './contact-moment-entry.styles.js';

/** Where the moment's latest write is, when the backend has not accepted it yet. */
export type EntryWrite = 'pending' | 'rejected' | 'conflict';

/** What the row shows of a long body: enough for its clamped lines, never 20,000 characters in a row. */
const previewLength = 400;

/**
 * One contact moment: kind, time, the other party, subject, its text (links clickable, nothing else
 * interpreted), agreements, markers for private and for a write not yet accepted, and the actions its
 * author has. As a row of the log (`full` unset) it has one height, with the text cut to a few lines and a
 * button to read it all; `full` shows everything, with agreements to tick off.
 *
 * @internal
 * @tagname contact-moment-entry
 * @csspart subject - The subject.
 * @csspart body - The text.
 * @csspart marker - The private, own and write-state markers.
 */
export class ContactMomentEntry extends LitElement {
  static override styles = [tokenStyles, controlStyles, entryStyles];

  private readonly i18n = new LocaleController(this);

  /** The moment to show. */
  @property({ attribute: false }) moment: ContactMoment | undefined;

  /** The other party, in words ("with D. Irecteur"); none for a note about this relation alone. */
  @property({ attribute: false }) party: string | undefined;

  /** Whether the user wrote it: only then can they edit and delete it. */
  @property({ type: Boolean }) own = false;

  /** The colleague who wrote it, by name; shown when it is not the user's own. */
  @property({ attribute: false }) author: string | undefined;

  /** The state of its write not yet accepted, if any: queued or being sent, rejected, in conflict. */
  @property({ attribute: false }) write: EntryWrite | undefined;

  /** Whether the backend can be reached: a pending write is being sent, else it waits. */
  @property({ type: Boolean }) online = true;

  /** Everything, with agreements to tick off, instead of a row of one height. */
  @property({ type: Boolean, reflect: true }) full = false;

  /** Today in the user's time zone (`2026-11-29`): agreements due before it are overdue. */
  @property() today = '';

  /** The actions, as the log handles them. */
  @property({ attribute: false }) actions: {
    read?: () => void;
    edit?: () => void;
    remove?: () => void;
    toggle?: (index: number, done: boolean) => void;
  } = {};

  private renderMarkers(moment: ContactMoment) {
    const m = this.i18n.messages.moments;
    const state = this.write === 'pending' ? (this.online ? m.state.saving : m.state.queued) : this.write ? m.state[this.write] : '';
    return html`${moment.visibility === 'private' ? html`<span class="marker private" part="marker">${m.privateMarker}</span>` : nothing}
      ${this.own
        ? html`<span class="marker" part="marker">${m.mine}</span>`
        : this.author ? html`<span class="marker author" part="marker">${m.byAuthor(this.author)}</span>` : nothing}
      ${state ? html`<span class="marker state" part="marker" data-write=${this.write!}>${state}</span>` : nothing}`;
  }

  private renderActions(moment: ContactMoment, subject: string) {
    const m = this.i18n.messages.moments;
    const troubled = this.write === 'rejected' || this.write === 'conflict';
    return html`<div class="actions">
      ${this.full ? nothing : html`<button type="button" @click=${() => this.actions.read?.()}>${m.readMore(subject)}</button>`}
      ${troubled ? html`<button type="button" @click=${() => this.actions.edit?.()}>${m.resolve(subject)}</button>` : nothing}
      ${this.own && !troubled ? html`<button type="button" @click=${() => this.actions.edit?.()}>${m.edit(subject)}</button>` : nothing}
      ${this.own ? html`<button type="button" class="danger" @click=${() => this.actions.remove?.()}>${m.remove(subject)}</button>` : nothing}
    </div>`;
  }

  protected override render() {
    const moment = this.moment;
    if (!moment) return nothing;
    const m = this.i18n.messages.moments;
    const subject = shownText(moment.subject);
    const open = moment.agreements.filter((agreement) => !agreement.done).length;
    const items: AgreementItem[] = moment.agreements.map((agreement, index) => ({
      key: String(index), text: agreement.text, dueDate: agreement.dueDate, done: agreement.done,
      overdue: !agreement.done && agreement.dueDate !== null && agreement.dueDate < this.today,
    }));
    const body = this.full ? moment.body : moment.body.slice(0, previewLength);
    return html`<article aria-label=${subject}>
      <p class="meta">
        <span class="kind" data-kind=${moment.kind}>${m.kinds[moment.kind]}</span>
        <time datetime=${moment.occurredAt}>${m.occurred(moment.occurredAt)}</time>
        ${this.party ? html`<span class="party">${shownText(this.party)}</span>` : nothing}
        ${this.renderMarkers(moment)}
      </p>
      <p class="subject" part="subject">${subject}</p>
      ${body ? html`<p class="body" part="body">${renderText(body)}</p>` : nothing}
      ${this.full && items.length > 0
        ? html`<contact-moment-agreements .items=${items} label=${m.fields.agreements}
            .toggle=${(key: string, done: boolean) => this.actions.toggle?.(Number(key), done)}></contact-moment-agreements>`
        : moment.agreements.length > 0 ? html`<p class="count">${m.agreementCount(open, moment.agreements.length)}</p>` : nothing}
      ${this.renderActions(moment, subject)}
    </article>`;
  }
}
