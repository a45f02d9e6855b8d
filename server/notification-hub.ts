import type { Notification } from '../src/contract/index.js';
import type { Database } from './db/database.js';
import { notificationChannel } from './resources/callback-requests.js';

type Listener = (notification: Notification) => void;

/**
 * Fans notifications out to the streams open on this instance. It hears them through the database's
 * LISTEN/NOTIFY, so a notification created on any instance reaches its user on whichever one they are.
 */
export class NotificationHub {
  private readonly listeners = new Map<string, Set<Listener>>();
  private listening: Promise<() => Promise<void>> | undefined;

  constructor(private readonly db: Database) {}

  subscribe(userId: string, listener: Listener): () => void {
    this.listening ??= this.db.listen(notificationChannel, (payload) => this.deliver(payload));
    const set = this.listeners.get(userId) ?? new Set();
    set.add(listener);
    this.listeners.set(userId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(userId);
    };
  }

  /** Resolves once this instance listens, so a test can create a notification knowing it will be heard. */
  async ready(): Promise<void> {
    this.listening ??= this.db.listen(notificationChannel, (payload) => this.deliver(payload));
    await this.listening;
  }

  async close(): Promise<void> {
    const stop = await this.listening;
    await stop?.();
  }

  private deliver(payload: string): void {
    const { userId, notification } = JSON.parse(payload) as { userId: string; notification: Notification };
    this.listeners.get(userId)?.forEach((listener) => listener(notification));
  }
}
