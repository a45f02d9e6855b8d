import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Notification } from '../../src/contract/index.js';
import type { Actor } from '../context.js';
import type { Topic } from '../notification-hub.js';
import type { Services } from '../services.js';

/** How often an idle stream sends a comment, so proxies do not close it. */
const keepAliveMs = 25_000;

/**
 * `GET /notifications/stream`: the user's new notifications as server-sent events (`event: notification`,
 * `id` the notification's id; a client that reconnects with `Last-Event-ID` first gets what it missed), and
 * what the tenant's writes announce: `event: changes` (the change feed moved: pull `/changes`) and
 * `event: callbacks` (callback requests changed), and to this user alone `event: notifications` (their
 * notifications were marked read, on this device or another: read the inbox again). An announcement carries
 * no data beyond its name, so a burst of writes becomes one event, and a client that was away pulls on
 * `ready` instead of replaying them.
 */
export function streamNotifications(c: Context, actor: Actor, services: Services): Response {
  return streamSSE(c, async (stream) => {
    const queue: Notification[] = [];
    const topics = new Set<Topic>();
    let wake: (() => void) | undefined;
    const unsubscribe = [
      services.hub.subscribe(actor.id, (notification) => {
        queue.push(notification);
        wake?.();
      }),
      services.hub.subscribeTenant(actor.tenantId, (topic, userId) => {
        // Another user's own announcement (they read their notifications) is not this stream's.
        if (userId && userId !== actor.id) return;
        topics.add(topic);
        wake?.();
      }),
    ];
    stream.onAbort(() => {
      unsubscribe.forEach((stop) => stop());
      wake?.();
    });
    await services.hub.ready();

    const lastId = c.req.header('last-event-id');
    if (lastId) {
      const missed = await services.db.query<{ data: Notification }>(
        `select data from notifications where tenant_id = $1 and user_id = $2
           and created_at > (select created_at from notifications where tenant_id = $1 and user_id = $2 and id = $3)
         order by created_at, id`,
        [actor.tenantId, actor.id, lastId],
      );
      queue.unshift(...missed.map((row) => row.data));
    }
    await stream.writeSSE({ event: 'ready', data: '{}', retry: 3000 });
    while (!stream.aborted) {
      const notification = queue.shift();
      if (notification) {
        await stream.writeSSE({ event: 'notification', id: notification.id, data: JSON.stringify(notification) });
        continue;
      }
      const [topic] = topics;
      if (topic) {
        topics.delete(topic);
        await stream.writeSSE({ event: topic, data: '{}' });
        continue;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, keepAliveMs);
      });
      wake = undefined;
      if (queue.length === 0 && topics.size === 0 && !stream.aborted) await stream.write(': keep-alive\n\n');
    }
  });
}
