import type { Notification, OperationId } from '../src/contract/index.js';
import type { Database } from './db/database.js';
import { notificationChannel } from './resources/callback-requests.js';

/** The channel on which every instance hears that a tenant has something new (LISTEN/NOTIFY). */
export const announcementChannel = 'relation_announcements';

/**
 * What a committed write announces to open streams: `changes` (pull `/changes`) and `callbacks` (callback
 * lists read again) to every user of the tenant; `notifications` (the inbox read again: notifications were
 * marked read) only to the user who marked them, on their other devices.
 */
export type Topic = 'changes' | 'callbacks' | 'notifications';

const ownTopic: Partial<Record<OperationId, Topic>> = { readNotification: 'notifications', readAllNotifications: 'notifications' };

export function announcedTopic(operationId: OperationId): Topic {
  return ownTopic[operationId] ?? (operationId.endsWith('CallbackRequest') ? 'callbacks' : 'changes');
}

/** Whether a topic concerns only the user whose write announced it. */
export function isOwnTopic(topic: Topic): boolean {
  return Object.values(ownTopic).includes(topic);
}

type Listener = (notification: Notification) => void;
/** `userId`: the one user an announcement is for, when it is not for the whole tenant. */
type TopicListener = (topic: Topic, userId?: string) => void;

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
        const { tenantId, topic, userId } = JSON.parse(payload) as { tenantId: string; topic: Topic; userId?: string };
        this.tenants.get(tenantId)?.forEach((listener) => listener(topic, userId));
      }),
    ]);
    return this.listening;
  }
}
