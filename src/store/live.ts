import type { Notification } from '../contract/index.js';
import { ApiError, type StreamTopic } from '../sdk/index.js';
import type { StoreHost } from './host.js';

/** How the browser hears what colleagues do: `stream` (SSE), `polling` (SSE blocked or down), or `off`. */
export type LiveMode = 'off' | 'stream' | 'polling';

/** What the live connection needs from the store around it. */
export interface LiveHost extends StoreHost {
  /** Pulls the change feed; false when another pull held the lock (and may have missed the newest). */
  pull(): Promise<boolean>;
  /** A notification arrived, or (null) the notifications may have changed: tell this tab and the others. */
  notified(notification: Notification | null): void;
  /** Callback requests changed: tell this tab and the others. */
  callbacksChanged(): void;
  setLive(mode: LiveMode): void;
}

/** Pulls while the stream is down, and how soon a pull that found the feed busy is tried again. */
export const pollMs = 5_000;
const busyRetryMs = 250;

/**
 * One connection per browser to the backend's event stream: the tab that leads (a Web Lock, taken over when
 * that tab closes) holds it, pulls the change feed when the tenant announces changes, and passes
 * notifications on; the other tabs hear the results over the BroadcastChannel, as they hear every change.
 * While the stream is not open (blocked by a proxy, refused, or reconnecting) the leader polls instead, and
 * each time it opens it pulls once, so nothing announced while it was down is missed.
 */
export class LiveConnection {
  private readonly abort = new AbortController();
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private pulling: Promise<void> | undefined;
  private pullAgain = false;
  private unread: string | undefined;

  constructor(private readonly host: LiveHost) {}

  start(): void {
    void this.host.tabs.lead('live', this.abort.signal, () => this.run());
  }

  stop(): void {
    this.abort.abort();
    this.stopPolling();
    this.host.setLive('off');
  }

  private async run(): Promise<void> {
    const { host } = this;
    const signal = this.abort.signal;
    this.startPolling();
    try {
      await host.client.streamNotifications((notification) => host.notified(notification), {
        signal,
        onReady: () => {
          this.stopPolling();
          host.setLive('stream');
          // Whatever was announced while the stream was down is not replayed: catch up once.
          this.pull();
          host.notified(null);
          host.callbacksChanged();
        },
        onAnnouncement: (topic: StreamTopic) => {
          if (topic === 'changes') this.pull();
          else if (topic === 'callbacks') host.callbacksChanged();
          // Marked read on another device: the inbox is read again, as after a new notification.
          else host.notified(null);
        },
        onDrop: () => this.startPolling(),
      });
    } catch (error) {
      // The backend refuses the stream (a 4xx, e.g. a proxy that forbids it): poll for as long as we lead.
      if (!(error instanceof ApiError)) throw error;
    }
    if (!signal.aborted) await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
  }

  /** Pulls now; a call during a pull makes one more pull after it, which sees what was announced meanwhile. */
  private pull(): void {
    if (this.pulling) {
      this.pullAgain = true;
      return;
    }
    this.pulling = (async () => {
      do {
        this.pullAgain = false;
        // Another tab's pull (the 60-second revalidation, a focus) holds the feed: try again shortly.
        while (!(await this.host.pull().catch(() => true)) && !this.host.closed()) {
          await new Promise((resolve) => setTimeout(resolve, busyRetryMs));
        }
      } while (this.pullAgain && !this.host.closed());
    })().finally(() => {
      this.pulling = undefined;
    });
  }

  private startPolling(): void {
    if (this.pollTimer !== undefined || this.abort.signal.aborted) return;
    this.host.setLive('polling');
    this.pollTimer = setInterval(() => void this.poll(), pollMs);
  }

  private stopPolling(): void {
    clearInterval(this.pollTimer);
    this.pollTimer = undefined;
  }

  /** One round without the stream: the change feed, and whether the unread notifications differ. */
  private async poll(): Promise<void> {
    this.pull();
    try {
      const page = await this.host.client.listNotifications({ unread: 'true', limit: 100 });
      const unread = page.items.map((notification) => notification.id).join();
      if (this.unread !== undefined && unread !== this.unread) {
        const known = new Set(this.unread.split(','));
        const fresh = page.items.filter((notification) => !known.has(notification.id));
        if (fresh.length) fresh.reverse().forEach((notification) => this.host.notified(notification));
        else this.host.notified(null);
        this.host.callbacksChanged();
      }
      this.unread = unread;
    } catch {
      // Offline or refused: the next round tries again.
    }
  }
}
