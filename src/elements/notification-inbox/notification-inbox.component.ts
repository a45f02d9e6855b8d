import { html, LitElement, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Notification } from '../../contract/index.js';
import { emit } from '../../core/events.js';
import { LocaleController } from '../../i18n/locale-controller.js';
import { notifications } from '../../i18n/sections/notifications.js';
import type { RelationsStore } from '../../store/index.js';
import type { Inbox } from '../../store/queries/notifications.js';
import { controlStyles } from '../../theme/controls.js';
import { tokenStyles } from '../../theme/tokens.js';
import { RovingTabindexController } from '../controllers/roving-tabindex.js';
import { StoreQueryController } from '../controllers/store-query.js';
import { inboxStyles } from './notification-inbox.styles.js';
import { relativeTime } from './relative-time.js';
import { StoreEventController } from '../controllers/store-event.js';

/** Unread counts above this show as "99+". */
const shownUnread = 99;

/**
 * @tagname notification-inbox
 * @summary A bell with the number of unread notifications that opens the user's newest notifications.
 *
 * @description The bell's accessible name says how many notifications are unread ("Meldingen, 3 ongelezen";
 * "99+" above 99). It opens a list of the newest 50: each one's title, plain-text body and how long ago it
 * came, unread ones marked. Activating one marks it read and fires `notification-open`; unless the host
 * cancels that, `relation-open` follows with the notification's relation. One or all can be marked read. New
 * notifications arrive live (the provider keeps the connection) and are announced politely. Offline the
 * list shows the inbox as last seen and says it may not be current. Escape closes the list and returns
 * focus to the bell; the arrow keys, Home and End move between notifications.
 *
 * @fires notification-open - The user opens a notification: `detail.id`, `detail.relationId`, `detail.callbackRequestId`. Cancelable: then no `relation-open` follows.
 * @fires relation-open - After an uncancelled `notification-open` of a notification about a relation: `detail.id`. Cancelable.
 *
 * @csspart button - The bell.
 * @csspart badge - The unread count on the bell.
 * @csspart panel - The opened list with its heading and actions.
 * @csspart list - The list of notifications.
 * @csspart item - Each notification.
 * @csspart state - Loading, empty, offline and error messages.
 *
 * @cssproperty --notification-inbox-width - Width of the opened list.
 * @cssproperty --notification-inbox-max-height - Height the opened list scrolls beyond.
 * @cssproperty --notification-inbox-badge-color - Background of the unread count.
 */
export class NotificationInbox extends LitElement {
  static override styles = [tokenStyles, controlStyles, inboxStyles];

  private readonly i18n = new LocaleController(this);
  private readonly data = new StoreQueryController<Inbox, readonly []>(this, {
    entities: [],
    args: () => [] as const,
    run: (store) => store.inbox(),
  });
  private readonly items = new RovingTabindexController(this, {
    items: () => [...this.renderRoot.querySelectorAll<HTMLElement>('button.open')],
    orientation: 'vertical',
  });

  @query('button[aria-expanded]') private bell!: HTMLButtonElement;

  /** What the live region says: the newest notification that arrived while the page was open. */
  @state() private announcement = '';
  @state() private failed = false;
  /** Now, for "3 minutes ago": set each time the list opens or changes. */
  private now = Date.now();

  /** Whether the list of notifications is open. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** The store to read through; by default the one of the nearest `<relation-provider>`. */
  @property({ attribute: false }) store: RelationsStore | undefined;

  constructor() {
    super();
    new StoreEventController(this, 'notification', () => this.data.currentStore, (event) => {
      const { notification } = event.detail;
      if (notification) this.announcement = this.i18n.section(notifications).arrived(notification.title);
      this.data.refresh();
    });
  }

  protected override willUpdate(): void {
    this.now = Date.now();
  }

  private async toggle(open = !this.open): Promise<void> {
    this.open = open;
    this.failed = false;
    await this.updateComplete;
    if (open) this.renderRoot.querySelector<HTMLElement>('button.open[tabindex="0"], button.open')?.focus();
    else this.bell.focus();
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || !this.open) return;
    event.preventDefault();
    event.stopPropagation();
    void this.toggle(false);
  }

  /** Runs a write; a failure (offline, refused) is said, and the inbox read again either way. */
  private async attempt(write: (store: RelationsStore) => Promise<void>): Promise<void> {
    const store = this.data.currentStore;
    if (!store) return;
    try {
      await write(store);
      this.failed = false;
    } catch {
      this.failed = true;
      this.data.refresh();
    }
  }

  private activate(notification: Notification): void {
    if (!notification.readAt) void this.attempt((store) => store.readNotification(notification.id));
    const { id, relationId, callbackRequestId } = notification;
    const allowed = emit(this, 'notification-open', { id, relationId, callbackRequestId }, { cancelable: true });
    if (allowed && relationId) emit(this, 'relation-open', { id: relationId }, { cancelable: true });
  }

  private async markRead(notification: Notification, index: number): Promise<void> {
    await this.attempt((store) => store.readNotification(notification.id));
    // The button that had focus is gone once the notification is read: focus its notification instead.
    await this.updateComplete;
    this.renderRoot.querySelectorAll<HTMLElement>('button.open')[index]?.focus();
  }

  private renderItem(notification: Notification, index: number) {
    const m = this.i18n.section(notifications);
    const unread = !notification.readAt;
    return html`<li part="item" class="item" ?data-unread=${unread}>
      <button type="button" class="open" @click=${() => this.activate(notification)}>${notification.title}</button>
      ${unread ? html`<span class="marker">${m.unread}</span>` : nothing}
      <p class="body">${notification.body}</p>
      <time datetime=${notification.createdAt}>${relativeTime(notification.createdAt, this.now, this.i18n.locale)}</time>
      ${unread
        ? html`<button type="button" class="read" @click=${() => void this.markRead(notification, index)}>${m.markRead(notification.title)}</button>`
        : nothing}
    </li>`;
  }

  private renderPanel() {
    const m = this.i18n.section(notifications);
    const { common } = this.i18n.messages;
    const { status, value } = this.data.state;
    let content;
    if (status === 'loading') content = html`<p class="state" part="state" role="status">${m.loading}</p>`;
    else if (status === 'error' || !value) {
      content = html`<p class="state" part="state" role="alert">${common.error}
        <button type="button" @click=${() => this.data.refresh()}>${common.retry}</button></p>`;
    } else {
      content = html`
        ${value.fresh ? nothing : html`<p class="state notice" part="state" role="status">${m.notCurrent}</p>`}
        ${value.items.length === 0
          ? html`<p class="state" part="state">${m.empty}</p>`
          : html`<ul part="list" aria-labelledby="inbox-heading" @keydown=${this.items.onKeydown}>
              ${repeat(value.items, (notification) => notification.id, (notification, i) => this.renderItem(notification, i))}
            </ul>`}`;
    }
    return html`<div class="panel" id="inbox-panel" part="panel">
      <div class="head">
        <h2 id="inbox-heading">${m.label}</h2>
        ${value && value.unread > 0
          ? html`<button type="button" class="all" @click=${() => void this.attempt((store) => store.readAllNotifications())}>${m.markAllRead}</button>`
          : nothing}
      </div>
      ${this.failed ? html`<p class="state error" part="state" role="alert">${m.failed}</p>` : nothing}
      ${content}
    </div>`;
  }

  protected override render() {
    const m = this.i18n.section(notifications);
    const unread = this.data.state.value?.unread ?? 0;
    const more = unread > shownUnread;
    return html`<div class="inbox" @keydown=${this.onKeydown}>
      <button type="button" part="button" class="bell" aria-expanded=${this.open} aria-controls="inbox-panel"
        aria-label=${m.bell(unread, more)} @click=${() => void this.toggle()}>
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"/>
        </svg>
        ${unread > 0 ? html`<span class="badge" part="badge" aria-hidden="true">${more ? `${shownUnread}+` : unread}</span>` : nothing}
      </button>
      ${this.open ? this.renderPanel() : nothing}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }
}
