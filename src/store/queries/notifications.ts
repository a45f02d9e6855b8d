import type { Notification } from '../../contract/index.js';
import { NetworkError, type RelationsClient } from '../../sdk/index.js';
import type { Cache } from '../cache.js';

/** The newest notifications shown in an inbox, and how many unread ones are counted exactly ("99+" beyond). */
export const inboxSize = 50;
export const unreadCountLimit = 100;

export interface Inbox {
  items: Notification[];
  /** Unread notifications, counted up to `unreadCountLimit`. */
  unread: number;
  /** False when the backend could not be reached and this is what the cache kept from the last time. */
  fresh: boolean;
}

/**
 * The user's newest notifications and their unread count, from the backend; offline, the inbox as it was
 * last seen, kept in the user's own partition (notifications are not part of the change feed).
 */
export async function inboxOf(cache: Cache, client: RelationsClient): Promise<Inbox> {
  try {
    const [recent, unread] = await Promise.all([
      client.listNotifications({ limit: inboxSize }),
      client.listNotifications({ unread: 'true', limit: unreadCountLimit }),
    ]);
    const inbox = { items: recent.items, unread: unread.items.length, fresh: true };
    await cache.put('meta', inbox, 'inbox');
    return inbox;
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    const kept = (await cache.get('meta', 'inbox')) as Inbox | undefined;
    return { items: kept?.items ?? [], unread: kept?.unread ?? 0, fresh: false };
  }
}

/** Marks one notification read. */
export async function readNotification(client: RelationsClient, id: string): Promise<void> {
  await client.readNotification({ id });
}

/** Marks every unread notification of the user read; resolves with how many that were. */
export async function readAllNotifications(client: RelationsClient): Promise<number> {
  return (await client.readAllNotifications()).read;
}
