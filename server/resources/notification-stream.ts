import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Notification } from '../../src/contract/index.js';
import type { Actor } from '../context.js';
import type { Services } from '../services.js';

/** How often an idle stream sends a comment, so proxies do not close it. */
const keepAliveMs = 25_000;

/**
 * `GET /notifications/stream`: the user's new notifications as server-sent events (`event: notification`,
 * `id` the notification's id). A client that reconnects with `Last-Event-ID` first gets what it missed.
 */
export function streamNotifications(c: Context, actor: Actor, services: Services): Response {
  return streamSSE(c, async (stream) => {
    const queue: Notification[] = [];
    let wake: (() => void) | undefined;
    const unsubscribe = services.hub.subscribe(actor.id, (notification) => {
      queue.push(notification);
      wake?.();
    });
    stream.onAbort(() => {
      unsubscribe();
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
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, keepAliveMs);
      });
      wake = undefined;
      if (queue.length === 0 && !stream.aborted) await stream.write(': keep-alive\n\n');
    }
  });
}
