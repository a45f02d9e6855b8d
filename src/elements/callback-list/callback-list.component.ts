import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { CallbackRequest } from '../../contract/index.js';
import { emit } from '../../core/events.js';
import { LocaleController } from '../../i18n/locale-controller.js';
import { callbacks } from '../../i18n/sections/callbacks.js';
import { ApiError } from '../../sdk/index.js';
import type { RelationsStore } from '../../store/index.js';
import { controlStyles } from '../../theme/controls.js';
import { tokenStyles } from '../../theme/tokens.js';
import { StoreQueryController } from '../controllers/store-query.js';
import { StoreEventController } from '../controllers/store-event.js';
import { isOverdue, loadCallbacks, telHref, type CallbackEntry, type CallbackListFilter } from './callback-data.js';
import { callbackListStyles } from './callback-list.styles.js';

/**
 * @tagname callback-list
 * @summary The user's callback requests as a to-do list: open and most urgent first, overdue ones marked.
 *
 * @description Lists the callback requests assigned to the user (`filter="assigned"`, the default) or those
 * the user asked colleagues for (`filter="requested"`), chosen with the toggle above the list. Open ones
 * come first, the earliest due on top; an open request past its due time is marked overdue. Each names
 * its relation (a button that opens it), the number to call as a `tel:` link, the message, who asked
 * (or whom it is for) and when it is due, with a button to mark it done or to reopen a done one. When a
 * colleague changed a request first, the list says so and shows it as it is now. Changes by colleagues
 * arrive live. Offline it shows the list as last seen and says so.
 *
 * @fires relation-open - The user opens the relation of a request: `detail.id`. Cancelable.
 *
 * @csspart filter - The toggle between assigned to me and requested by me.
 * @csspart list - The list of requests.
 * @csspart item - Each request.
 * @csspart state - Loading, empty, offline and error messages.
 *
 * @cssproperty --callback-list-overdue-color - Colour of the overdue marker and edge.
 */
export class CallbackList extends LitElement {
  static override styles = [tokenStyles, controlStyles, callbackListStyles];

  private readonly i18n = new LocaleController(this);
  private readonly data = new StoreQueryController(this, {
    entities: ['relation'],
    args: () => [this.filter] as const,
    run: (store, [filter]) => loadCallbacks(store, filter),
    isEmpty: (entries) => entries.length === 0,
  });

  /** What to say about the last change of a request's status, when it did not go through. */
  @state() private problem: 'changed' | 'failed' | undefined;
  /** The request whose button keeps focus once the list shows its new status. */
  private focusAfter: { id: string; status: CallbackRequest['status'] } | undefined;

  /** Whose requests to list: assigned to the user, or requested by the user. */
  @property({ reflect: true }) filter: CallbackListFilter = 'assigned';

  /** The store to read and write through; by default the one of the nearest `<relation-provider>`. */
  @property({ attribute: false }) store: RelationsStore | undefined;

  constructor() {
    super();
    new StoreEventController(this, 'callbacks', () => this.data.currentStore, () => this.data.refresh());
  }

  protected override updated(): void {
    const after = this.focusAfter;
    const entry = after && this.data.state.value?.find((candidate) => candidate.request.id === after.id);
    if (!after || entry?.request.status !== after.status) return;
    this.focusAfter = undefined;
    this.renderRoot.querySelector<HTMLElement>(`[data-request="${CSS.escape(after.id)}"] button.status`)?.focus();
  }

  private async setStatus(request: CallbackRequest, status: CallbackRequest['status']): Promise<void> {
    const store = this.data.currentStore;
    if (!store) return;
    this.problem = undefined;
    try {
      await store.setCallbackStatus(request, status);
      this.focusAfter = { id: request.id, status };
    } catch (error) {
      this.problem = error instanceof ApiError && error.status === 412 ? 'changed' : 'failed';
      this.focusAfter = { id: request.id, status: this.problem === 'changed' ? status : request.status };
      this.data.refresh();
    }
  }

  private openRelation(id: string): void {
    emit(this, 'relation-open', { id }, { cancelable: true });
  }

  private renderItem({ request, relationName, personName, requesterName, assigneeName }: CallbackEntry, now: number) {
    const m = this.i18n.section(callbacks);
    const name = relationName ?? m.unknownRelation;
    const overdue = isOverdue(request, now);
    const done = request.status === 'done';
    const who = this.filter === 'assigned' ? m.requestedBy(requesterName ?? m.unknownColleague) : m.assignedTo(assigneeName ?? m.unknownColleague);
    return html`<li part="item" class="item" data-request=${request.id} ?data-overdue=${overdue} ?data-done=${done}>
      <div class="head">
        <h3><button type="button" class="relation" @click=${() => this.openRelation(request.relationId)}>${name}</button></h3>
        ${overdue ? html`<span class="marker overdue">${m.overdue}</span>` : nothing}
        ${done ? html`<span class="marker done">${m.done}</span>` : nothing}
      </div>
      ${personName ? html`<p class="person">${personName}</p>` : nothing}
      <p class="phone">${request.phone ? html`${m.call} <a href=${telHref(request.phone)}>${request.phone}</a>` : m.noPhone}</p>
      <p class="message">${request.message}</p>
      <p class="meta">${who}${request.dueAt ? html` · <time datetime=${request.dueAt}>${m.due(request.dueAt)}</time>` : nothing}</p>
      <button type="button" class="status" @click=${() => void this.setStatus(request, done ? 'open' : 'done')}>
        ${done ? m.reopen(name) : m.markDone(name)}</button>
    </li>`;
  }

  private renderContent() {
    const m = this.i18n.section(callbacks);
    const { common } = this.i18n.messages;
    const { status, value } = this.data.state;
    if (status === 'loading') return html`<p class="state" part="state" role="status">${m.loading}</p>`;
    if (status === 'error') {
      return html`<p class="state" part="state" role="alert">${common.error}
        <button type="button" @click=${() => this.data.refresh()}>${common.retry}</button></p>`;
    }
    if (status === 'empty' || !value) return html`<p class="state" part="state">${m.empty[this.filter]}</p>`;
    const now = Date.now();
    return html`<ul part="list" aria-labelledby="callbacks-heading">
      ${repeat(value, (entry) => entry.request.id, (entry) => this.renderItem(entry, now))}
    </ul>`;
  }

  protected override render() {
    const m = this.i18n.section(callbacks);
    const { common } = this.i18n.messages;
    return html`<section class="callbacks" aria-labelledby="callbacks-heading">
      <h2 id="callbacks-heading">${m.label}</h2>
      <div class="filter" part="filter" role="group" aria-label=${m.filter.label}>
        ${(['assigned', 'requested'] as const).map((filter) => html`<button type="button" aria-pressed=${this.filter === filter}
          @click=${() => (this.filter = filter)}>${m.filter[filter]}</button>`)}
      </div>
      ${this.data.state.offline ? html`<p class="state notice" part="state" role="status">${common.offline}</p>` : nothing}
      ${this.problem ? html`<p class="state problem" part="state" role="alert">${m[this.problem]}</p>` : nothing}
      ${this.renderContent()}
    </section>`;
  }
}
