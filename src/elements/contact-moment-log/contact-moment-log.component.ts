import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { contactMomentKinds, type ContactMoment, type ContactMomentKind } from '../../contract/index.js';
import { emit } from '../../core/events.js';
import { LocaleController } from '../../i18n/locale-controller.js';
import { moments } from '../../i18n/sections/moments.js';
import type { RelationsStore } from '../../store/index.js';
import { controlStyles } from '../../theme/controls.js';
import { tokenStyles } from '../../theme/tokens.js';
import { FeedKeyboardController } from '../controllers/feed-keyboard.js';
import { StoreEventController } from '../controllers/store-event.js';
import { StoreQueryController } from '../controllers/store-query.js';
import { VirtualRowsController } from '../controllers/virtual-rows.js';
import '../internal/contact-moment-agreements/contact-moment-agreements.js';
import '../internal/contact-moment-compose/contact-moment-compose.js';
import type { RelationDialog } from '../internal/relation-dialog/relation-dialog.component.js';
import '../internal/relation-dialog/relation-dialog.js';
import { dialogContentStyles } from '../internal/relation-dialog/relation-dialog.styles.js';
import { shownText } from '../internal/text/body-text.js';
import { logStyles } from './contact-moment-log.styles.js';
import { momentEntry, type EntryActions } from './entry.js';
import { entryStyles } from './entry.styles.js';
import { agreementsShown, loadLog, MomentFilter, OpenAgreementsView, today, type LogEntry } from './log-data.js';

const noEntries: readonly LogEntry[] = [];

/**
 * @tagname contact-moment-log
 * @summary The contact moments of one relation as a timeline: compose, edit, filter, search and tick off agreements.
 *
 * @description Lists, newest first, every moment about the relation `relation-id` names and every moment
 * it was the contact person of, each naming the other party; a moment with D. Irecteur about Bedrijf Uno
 * shows in both logs. The open agreements of the listed moments come first, with their due dates, overdue
 * ones marked. Moments are written (kind, subject, plain-text body, date and time, the other party,
 * agreements, team or private) through the store's outbox, so composing works offline: a moment not yet
 * sent shows as queued, a refused one as rejected or in conflict, to resolve. Only its author edits or
 * deletes a moment; anyone who sees it ticks its agreements off. The list is virtualized: only a window
 * of rows is in the page, so thousands of moments scroll smoothly. The toolbar's callback button asks the
 * host, through `callback-request-open`, to open its callback dialog.
 *
 * @fires contact-moment-saved - A moment was created, changed, ticked off or deleted here and stored for sending: `detail.id`, `detail.relationId`, `detail.deleted`.
 * @fires callback-request-open - The user asked for a callback request about this relation: `detail.relationId`, `detail.personId` (null). Bubbles, composed.
 *
 * @csspart toolbar - The compose, filter, search and callback controls.
 * @csspart compose - The form that writes a moment.
 * @csspart agreements - The open agreements.
 * @csspart list - The scrolling timeline.
 * @csspart row - Each moment of the timeline.
 * @csspart state - Loading, empty and not-found messages.
 *
 * @cssproperty --contact-moment-log-height - Height of the scrolling timeline.
 * @cssproperty --contact-moment-log-row-height - Height of one moment in the timeline.
 */
export class ContactMomentLog extends LitElement {
  static override styles = [tokenStyles, controlStyles, dialogContentStyles, logStyles, entryStyles];

  private readonly i18n = new LocaleController(this);
  private readonly data = new StoreQueryController(this, {
    entities: ['contactMoment', 'relation', 'affiliation'],
    args: () => [this.relationId] as const,
    run: (store, [id]) => (id ? loadLog(store, id) : Promise.resolve(null)),
  });
  private readonly rows = new VirtualRowsController(this, {
    body: () => this.body,
    sample: () => this.renderRoot.querySelector<HTMLElement>('.row'),
    // A row is several lines tall: two above and below cover a wheel's turn, and a fast fling renders fewer.
    overscan: 2,
  });
  private readonly keys = new FeedKeyboardController(this, {
    count: () => this.listed.length,
    article: (index) => this.renderRoot.querySelector<HTMLElement>(`.row[data-index="${index}"]`),
    rows: this.rows,
  });
  private readonly filter = new MomentFilter();

  @query('.body') private body!: HTMLElement | null;
  @query('relation-dialog') private dialog!: RelationDialog | null;

  /** The moments the filters let through, in the log's order. */
  private listed: readonly LogEntry[] = [];
  /** The entries last checked for the moment being edited or read. */
  private checked: readonly LogEntry[] | undefined;
  private counts = '';
  /** A write sent, refused or in conflict changes a row's marker without changing the moment itself. */
  private readonly status = new StoreEventController(this, 'status', () => this.data.currentStore, ({ detail }) => {
    const counts = `${detail.pending}:${detail.conflicts}:${detail.rejected}`;
    if (counts !== this.counts) this.data.refresh();
    this.counts = counts;
    this.requestUpdate();
  });

  @state() private kind: ContactMomentKind | '' = '';
  @state() private q = '';
  /** The moment in the compose form: 'new', or the id of the one being edited. */
  @state() private editing: string | undefined;
  @state() private reading: string | undefined;
  @state() private removing: ContactMoment | undefined;
  /** Every open agreement on top, or only the most urgent ones. */
  @state() private allAgreements = false;
  private readonly openAgreements = new OpenAgreementsView();
  private readonly actions = new WeakMap<ContactMoment, EntryActions>();

  /** The relation whose contact moments to show: its id, or the local id of one created offline. */
  @property({ attribute: 'relation-id', reflect: true }) relationId = '';

  /** The store to read and write through; by default the one of the nearest `<relation-provider>`. */
  @property({ attribute: false }) store: RelationsStore | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('relationId') && changed.get('relationId') !== undefined) {
      this.editing = this.reading = undefined;
      this.rows.toStart();
      this.keys.reset();
    }
    const entries = this.data.state.value?.entries ?? noEntries;
    this.listed = this.filter.apply(entries, this.kind, this.q);
    if (entries === this.checked) return;
    // A moment gone (deleted, or sent and known by the backend's id now) closes what showed it.
    this.checked = entries;
    const ids = new Set(entries.map((entry) => entry.moment.id));
    if (this.editing && this.editing !== 'new' && this.data.state.value && !ids.has(this.editing)) this.editing = undefined;
    if (this.reading && !ids.has(this.reading)) this.reading = undefined;
  }

  private setFilter(kind: ContactMomentKind | '', q: string): void {
    this.kind = kind;
    this.q = q;
    this.rows.toStart();
    this.keys.reset();
  }

  private async openCompose(id: string): Promise<void> {
    this.editing = id;
    await this.updateComplete;
    this.renderRoot.querySelector('contact-moment-compose')?.focus();
  }

  private async closeCompose(): Promise<void> {
    this.editing = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.compose-button')?.focus();
  }

  private async read(id: string | undefined): Promise<void> {
    this.reading = id;
    await this.updateComplete;
    if (id) this.renderRoot.querySelector<HTMLElement>('.reading .close')?.focus();
    else await this.keys.focusArticle(this.keys.active);
  }

  private requestCallback(): void {
    this.dispatchEvent(new CustomEvent('callback-request-open', { detail: { relationId: this.relationId, personId: null }, bubbles: true, composed: true }));
  }

  private async toggle(moment: ContactMoment, index: number, done: boolean): Promise<void> {
    const store = this.data.currentStore;
    if (!store) return;
    const agreements = moment.agreements.map((agreement, i) => (i === index ? { ...agreement, done } : agreement));
    const { id } = await store.write('updateContactMoment', { id: moment.id, body: { agreements } });
    emit(this, 'contact-moment-saved', { id: id ?? moment.id, relationId: this.relationId, deleted: false });
  }

  private async removeMoment(moment: ContactMoment): Promise<void> {
    const store = this.data.currentStore;
    this.dialog?.close();
    if (!store) return;
    await store.write('deleteContactMoment', { id: moment.id });
    emit(this, 'contact-moment-saved', { id: moment.id, relationId: this.relationId, deleted: true });
    this.renderRoot.querySelector<HTMLElement>('.compose-button')?.focus();
  }

  private partyOf(entry: LogEntry): string | undefined {
    const m = this.i18n.section(moments);
    if (!entry.other) return undefined;
    const name = entry.other.relation?.displayName ?? m.unknownParty;
    return entry.moment.relationId === entry.other.id ? m.aboutParty(name) : m.withParty(name);
  }

  private renderEntry(entry: LogEntry, full: boolean) {
    const { moment, own, author, write } = entry;
    return momentEntry({
      moment, own, author, write, full, party: this.partyOf(entry), online: this.data.currentStore?.status.online ?? true,
      today: today(), actions: this.actionsFor(moment), messages: this.i18n.section(moments),
    });
  }

  /** A row's actions, the same functions for the same moment: the log renders on every scroll frame. */
  private actionsFor(moment: ContactMoment) {
    let actions = this.actions.get(moment);
    if (!actions) {
      actions = {
        read: () => void this.read(moment.id),
        edit: () => void this.openCompose(moment.id),
        remove: () => (this.removing = moment),
        toggle: (key: string, done: boolean) => void this.toggle(moment, Number(key), done),
      };
      this.actions.set(moment, actions);
    }
    return actions;
  }

  private renderToolbar() {
    const m = this.i18n.section(moments);
    return html`<div class="toolbar" part="toolbar">
      <button type="button" class="compose-button primary" aria-expanded=${this.editing === 'new'}
        @click=${() => (this.editing === 'new' ? void this.closeCompose() : void this.openCompose('new'))}>${m.compose}</button>
      <label class="filter">${m.filterKind}
        <select @change=${(event: Event) => this.setFilter((event.target as HTMLSelectElement).value as ContactMomentKind | '', this.q)}>
          <option value="" ?selected=${this.kind === ''}>${m.allKinds}</option>
          ${contactMomentKinds.map((kind) => html`<option value=${kind} ?selected=${this.kind === kind}>${m.kinds[kind]}</option>`)}
        </select>
      </label>
      <input type="search" aria-label=${m.search} .value=${this.q}
        @input=${(event: Event) => this.setFilter(this.kind, (event.target as HTMLInputElement).value)} />
      <button type="button" @click=${() => this.requestCallback()}>${m.requestCallback}</button>
    </div>`;
  }

  private renderPanels(entries: readonly LogEntry[]) {
    const m = this.i18n.section(moments);
    const data = this.data.state.value!;
    const editing = this.editing && this.editing !== 'new' ? entries.find((entry) => entry.moment.id === this.editing) : undefined;
    const reading = this.reading ? entries.find((entry) => entry.moment.id === this.reading) : undefined;
    const open = this.openAgreements.of(this.listed);
    const items = this.openAgreements.items(this.listed, this.allAgreements ? open.length : agreementsShown, m.fromMoment);
    return html`
      ${this.editing
        ? html`<contact-moment-compose part="compose" .relation=${data.relation} .moment=${editing?.moment} .parties=${data.parties}
            .store=${this.data.currentStore} @close=${() => void this.closeCompose()}></contact-moment-compose>`
        : nothing}
      ${reading
        ? html`<article class="reading" aria-label=${shownText(reading.moment.subject)}>${this.renderEntry(reading, true)}
            <button type="button" class="close" @click=${() => void this.read(undefined)}>${m.close}</button></article>`
        : nothing}
      ${open.length > 0
        ? html`<section class="agreements" part="agreements" aria-labelledby="agreements-heading">
            <h3 id="agreements-heading">${m.openAgreements}</h3>
            <contact-moment-agreements .items=${items} .toggle=${this.toggleOpen}></contact-moment-agreements>
            ${open.length > agreementsShown
              ? html`<button type="button" aria-expanded=${this.allAgreements} @click=${() => (this.allAgreements = !this.allAgreements)}>
                  ${this.allAgreements ? m.fewerAgreements : m.allAgreements(open.length)}</button>`
              : nothing}
          </section>`
        : nothing}`;
  }

  /** Ticks off an agreement listed on top; one function, so scrolling re-renders nothing there. */
  private readonly toggleOpen = (key: string, done: boolean): void => {
    const found = this.openAgreements.find(this.listed, key);
    if (found) void this.toggle(found.entry.moment, found.index, done);
  };

  private renderList() {
    const m = this.i18n.section(moments);
    const total = this.listed.length;
    // An empty feed is no feed (it needs articles): the count above says there is nothing.
    if (total === 0) return nothing;
    const { first, last } = this.rows.window(total);
    const shown = this.listed.slice(first, last);
    // A WAI-ARIA feed: each moment an article, one of them in the Tab order, Page Down and Page Up between them.
    return html`<div class="body" part="list" @scroll=${this.rows.onScroll}>
      <div class="spacer" role="feed" aria-label=${m.list} style=${styleMap({ height: `${this.rows.height(total)}px` })}
        @keydown=${this.keys.onKeydown} @focusin=${this.keys.onFocusin}>
        ${repeat(shown, (entry) => entry.moment.id, (entry, i) => html`<div class="row" part="row" role="article" data-index=${first + i}
          tabindex=${this.keys.tabindex(first + i)} aria-label=${shownText(entry.moment.subject)} aria-setsize=${total} aria-posinset=${first + i + 1}
          style=${styleMap({ transform: `translateY(${this.rows.top(first + i)}px)` })}>${this.renderEntry(entry, false)}</div>`)}
      </div>
    </div>`;
  }

  private renderConfirm(moment: ContactMoment) {
    const m = this.i18n.section(moments);
    const { common } = this.i18n.messages;
    const question = m.confirmRemove(moment.subject);
    return html`<relation-dialog open label=${question} @close=${() => (this.removing = undefined)}>
      <p>${question}</p>
      <div class="buttons">
        <button @click=${() => this.dialog?.close()}>${common.cancel}</button>
        <button class="danger" @click=${() => void this.removeMoment(moment)}>${m.remove(moment.subject)}</button>
      </div>
    </relation-dialog>`;
  }

  protected override render() {
    const m = this.i18n.section(moments);
    const { common } = this.i18n.messages;
    const { status, value } = this.data.state;
    if (!this.relationId) return html`<p class="state" part="state">${m.noRelation}</p>`;
    if (status === 'loading') return html`<p class="state" part="state" role="status">${m.loading}</p>`;
    if (status === 'error') {
      return html`<p class="state" part="state" role="alert">${common.error}
        <button @click=${() => this.data.refresh()}>${common.retry}</button></p>`;
    }
    if (!value?.relation) return html`<p class="state" part="state" role="status">${m.notFound}</p>`;
    const total = value.entries.length;
    return html`<section class="log" aria-labelledby="heading">
      <h2 id="heading">${m.label}</h2>
      ${this.data.state.offline ? html`<p class="notice" role="status">${common.offline}</p>` : nothing}
      ${this.renderToolbar()}
      ${this.renderPanels(value.entries)}
      <p class="count" role="status">${total === 0 ? m.empty : this.listed.length === 0 ? m.noMatches : m.count(this.listed.length)}</p>
      ${this.renderList()}
      ${this.removing ? this.renderConfirm(this.removing) : nothing}
    </section>`;
  }
}
