import { html, nothing } from 'lit';
import type { ContactMoment } from '../../contract/index.js';
import type { MomentsMessages } from '../../i18n/sections/moments.js';
import type { AgreementItem } from '../internal/contact-moment-agreements/contact-moment-agreements.component.js';
import { renderText, shownText } from '../internal/text/body-text.js';

/** Where the moment's latest write is, when the backend has not accepted it yet. */
export type EntryWrite = 'pending' | 'rejected' | 'conflict';

/** What the user can do with one moment, as the log handles it. */
export interface EntryActions {
  read: () => void;
  edit: () => void;
  remove: () => void;
  /** Ticks agreement `key` (its index, as the checklist's key) done or open. */
  toggle: (key: string, done: boolean) => void;
}

export interface EntryView {
  moment: ContactMoment;
  /** The other party, in words ("with D. Irecteur"); none for a note about this relation alone. */
  party: string | undefined;
  /** Whether the user wrote it: only then can they edit and delete it. */
  own: boolean;
  /** The colleague who wrote it, by name; shown when it is not the user's own. */
  author: string | undefined;
  /** The state of its write not yet accepted, if any. */
  write: EntryWrite | undefined;
  /** Whether the backend can be reached: a pending write is being sent, else it waits. */
  online: boolean;
  /** Everything, with agreements to tick off, instead of a row of one height. */
  full: boolean;
  /** Today in the user's time zone (`2026-11-29`): agreements due before it are overdue. */
  today: string;
  actions: EntryActions;
  messages: MomentsMessages;
}

/** What a row shows of a long body: enough for its clamped lines, never 20,000 characters in a row. */
const previewLength = 400;

function markers({ moment, own, author, write, online, messages: m }: EntryView) {
  const state = write === 'pending' ? (online ? m.state.saving : m.state.queued) : write ? m.state[write] : '';
  return html`${moment.visibility === 'private' ? html`<span class="marker private" part="marker">${m.privateMarker}</span>` : nothing}
    ${own
      ? html`<span class="marker" part="marker">${m.mine}</span>`
      : author ? html`<span class="marker author" part="marker">${m.byAuthor(author)}</span>` : nothing}
    ${state ? html`<span class="marker state" part="marker" data-write=${write!}>${state}</span>` : nothing}`;
}

function actionButtons({ own, write, full, actions, messages: m }: EntryView, subject: string) {
  const troubled = write === 'rejected' || write === 'conflict';
  return html`<div class="actions">
    ${full ? nothing : html`<button type="button" @click=${actions.read}>${m.readMore(subject)}</button>`}
    ${troubled ? html`<button type="button" @click=${actions.edit}>${m.resolve(subject)}</button>` : nothing}
    ${own && !troubled ? html`<button type="button" @click=${actions.edit}>${m.edit(subject)}</button>` : nothing}
    ${own ? html`<button type="button" class="danger" @click=${actions.remove}>${m.remove(subject)}</button>` : nothing}
  </div>`;
}

function agreementList({ moment, today, actions, messages: m }: EntryView) {
  const items: AgreementItem[] = moment.agreements.map((agreement, index) => ({
    key: String(index), text: agreement.text, dueDate: agreement.dueDate, done: agreement.done,
    overdue: !agreement.done && agreement.dueDate !== null && agreement.dueDate < today,
  }));
  return html`<contact-moment-agreements .items=${items} label=${m.fields.agreements} .toggle=${actions.toggle}></contact-moment-agreements>`;
}

/**
 * One contact moment: kind, time, the other party, subject, its text (links clickable, nothing else
 * interpreted), agreements, markers for private and for a write not yet accepted, and the actions its
 * author has. As a row of the log it has one height, with the text cut to a few lines and a button to read
 * it all; `full` shows everything, with agreements to tick off. A template in the log's own shadow root,
 * not an element: a row costs no shadow root and no style sheets of its own, which a long log scrolled
 * fast creates and drops by the dozen each frame.
 */
export function momentEntry(view: EntryView) {
  // The article and its name are the row's (in the feed) or the reading panel's.
  const { moment, party, full, messages: m } = view;
  const subject = shownText(moment.subject);
  const open = moment.agreements.filter((agreement) => !agreement.done).length;
  const body = full ? moment.body : moment.body.slice(0, previewLength);
  return html`<div class="entry ${full ? 'full' : ''}">
    <p class="meta">
      <span class="kind" data-kind=${moment.kind}>${m.kinds[moment.kind]}</span>
      <time datetime=${moment.occurredAt}>${m.occurred(moment.occurredAt)}</time>
      ${party ? html`<span class="party">${shownText(party)}</span>` : nothing}
      ${markers(view)}
    </p>
    <p class="subject" part="subject">${subject}</p>
    ${body ? html`<p class="text" part="body">${renderText(body)}</p>` : nothing}
    ${full && moment.agreements.length > 0
      ? agreementList(view)
      : moment.agreements.length > 0 ? html`<p class="agreement-count">${m.agreementCount(open, moment.agreements.length)}</p>` : nothing}
    ${actionButtons(view, subject)}
  </div>`;
}
