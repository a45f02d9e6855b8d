import type { ChangeEntity, Notification } from '../contract/index.js';
import type { LiveMode } from './live.js';

export interface StoreStatus {
  /** False after a request got no answer, until one does. */
  online: boolean;
  syncing: boolean;
  /** During a sync: changes received and the total known so far. */
  progress: { received: number; total: number } | null;
  /** Writes not yet accepted by the backend, by state. */
  pending: number;
  conflicts: number;
  rejected: number;
  lastSyncAt: string | null;
  /** How this browser hears colleagues' changes: over the event stream, by polling, or not (yet). */
  live: LiveMode;
}

/** The cache changed (here or in another tab): elements showing these entities read again. */
export type StoreChangeEvent = CustomEvent<{ entities: ChangeEntity[] }>;
/** The status changed: online, syncing and its progress, the outbox's counts. */
export type StoreStatusEvent = CustomEvent<StoreStatus>;

/**
 * A notification arrived (`notification`), or the user's notifications changed some other way (`null`: read in
 * another tab, or found by polling): an inbox reads them again.
 */
export type StoreNotificationEvent = CustomEvent<{ notification: Notification | null }>;

/** Every event the store fires, by type. */
export interface StoreEventMap {
  status: StoreStatusEvent;
  change: StoreChangeEvent;
  notification: StoreNotificationEvent;
  /** Callback requests of the tenant changed: a callback list reads them again. */
  callbacks: Event;
  /** The user signed out in another tab: this store is closed and its cache is going away. */
  'signed-out': Event;
}

type Listener<E extends Event> = ((event: E) => void) | { handleEvent(event: E): void };

/** An EventTarget whose listeners know the type of each event of `M`. */
export class TypedEventTarget<M extends { [K in keyof M]: Event }> extends EventTarget {
  override addEventListener<K extends keyof M & string>(type: K, listener: Listener<M[K]> | null, options?: boolean | AddEventListenerOptions): void;
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void {
    super.addEventListener(type, listener, options);
  }

  override removeEventListener<K extends keyof M & string>(type: K, listener: Listener<M[K]> | null, options?: boolean | EventListenerOptions): void;
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void {
    super.removeEventListener(type, listener, options);
  }

  /** Fires `type` with `detail`, typed by the map. */
  protected fire<K extends keyof M & string>(type: K, ...detail: M[K] extends CustomEvent<infer D> ? [D] : []): void {
    this.dispatchEvent(detail.length ? new CustomEvent(type, { detail: detail[0] }) : new Event(type));
  }
}
