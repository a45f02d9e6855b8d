import type { Notification, OperationId } from '../src/contract/index.js';
import type { Database } from './db/database.js';
import { notificationChannel } from './resources/callback-requests.js';

/** The channel on which every instance hears that a tenant has something new (LISTEN/NOTIFY). */
export const announcementChannel = 'relation_announcements';

/**
 * What a committed write announces to the tenant's open streams: `changes` (pull `/changes`), `callbacks`
 * (callback lists read again), or nothing (marking one's own notifications read concerns one user only, whose
 * other tabs hear it from their own browser).
 */
export type Topic = 'changes' | 'callbacks';

const unannounced = new Set<string>(['readNotification', 'readAllNotifications']);

export function announcedTopic(operationId: OperationId): Topic | undefined {
  if (unannounced.has(operationId)) return undefined;
  return operationId.endsWith('CallbackRequest') ? 'callbacks' : 'changes';
}

type Listener = (notification: Notification) => void;
type TopicListener = (topic: Topic) => void;

/**
 * Fans notifications and announcements out to the streams open on this instance. It hears them through the
 * database's LISTEN/NOTIFY, so what is committed on any instance reaches its users on whichever one they are.
 */
export class NotificationHub {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly tenants = new Map<string, Set<TopicListener>>();
  private listening: Promise<Array<() => Promise<void>>> | undefined;

  constructor(private readonly db: Database) {}

  /** The user's new notifications. */
  subscribe(userId: string, listener: Listener): () => void {
    return this.add(this.listeners, userId, listener);
  }

  /** What the tenant's writes announce. */
  subscribeTenant(tenantId: string, listener: TopicListener): () => void {
    return this.add(this.tenants, tenantId, listener);
  }

  /** Resolves once this instance listens, so a test can create a notification knowing it will be heard. */
  async ready(): Promise<void> {
    await this.listen();
  }

  async close(): Promise<void> {
    const stops = await this.listening;
    await Promise.all(stops?.map((stop) => stop()) ?? []);
  }

  private add<L>(map: Map<string, Set<L>>, key: string, listener: L): () => void {
    void this.listen();
    const set = map.get(key) ?? new Set();
    set.add(listener);
    map.set(key, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) map.delete(key);
    };
  }

  private listen() {
    this.listening ??= Promise.all([
      this.db.listen(notificationChannel, (payload) => {
        const { userId, notification } = JSON.parse(payload) as { userId: string; notification: Notification };
        this.listeners.get(userId)?.forEach((listener) => listener(notification));
      }),
      this.db.listen(announcementChannel, (payload) => {
        const { tenantId, topic } = JSON.parse(payload) as { tenantId: string; topic: Topic };
        this.tenants.get(tenantId)?.forEach((listener) => listener(topic));
      }),
    ]);
    return this.listening;
  }
}
