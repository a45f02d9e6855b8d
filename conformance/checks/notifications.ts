import { Notification, type CallbackRequest } from '../../src/contract/index.js';
import type { Check } from '../check.js';
import { requestLine } from '../client.js';
import type { RunContext } from '../context.js';
import { conform, fail, show } from '../expect.js';
import { serverEvents, type ServerEvent } from '../sse.js';

const line = requestLine('streamNotifications');
const deliveryTimeoutMs = 8000;

interface Delivery {
  request: CallbackRequest;
  event: ServerEvent;
  notification: Notification;
}

/**
 * Opens the colleague's stream, creates a callback request for them once the stream is live (its first
 * event or comment, or after a second for a backend that sends nothing yet), and waits for its notification.
 */
async function deliver(ctx: RunContext): Promise<Delivery> {
  const colleague = ctx.colleague;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deliveryTimeoutMs);
  let created: Promise<CallbackRequest> | undefined;
  const create = () => {
    if (!created) {
      created = ctx.fixtures.callbackRequest(true, colleague);
      created.catch(() => undefined);
    }
    return created;
  };
  const fallback = setTimeout(create, 1000);
  const seen: string[] = [];
  try {
    const response = await colleague.open('streamNotifications', {}, controller.signal);
    if (response.status !== 200) fail(`${line} as the colleague: expected status 200, got ${response.status}`);
    for await (const event of serverEvents(response)) {
      const request = await create();
      if (event === 'comment' || event.event !== 'notification') continue;
      const notification = conform(Notification, JSON.parse(event.data), `${line}: data of a notification event`);
      seen.push(notification.id);
      if (notification.callbackRequestId === request.id) return { request, event, notification };
    }
    return fail(`${line}: the stream ended before the notification arrived`);
  } catch (error) {
    if (!controller.signal.aborted) throw error;
    const request = created ? ` about callback request ${(await created).id}` : '';
    return fail(`${line}: no notification event${request} within ${deliveryTimeoutMs / 1000} s${seen.length ? ` (got ${show(seen)})` : ''}`);
  } finally {
    clearTimeout(timer);
    clearTimeout(fallback);
    controller.abort();
  }
}

export const notificationChecks: Check[] = [
  {
    id: 'notifications.stream-delivers',
    area: 'Notifications',
    title: 'a callback request for a colleague arrives on their stream as a notification event, with its id as the event id',
    needs: ['colleague'],
    async run(ctx) {
      const { event, notification } = await deliver(ctx);
      if (event.id !== notification.id) fail(`${line}: event id ${show(event.id)} is not the notification's id ${show(notification.id)}`);
    },
  },
  {
    id: 'notifications.last-event-id',
    area: 'Notifications',
    title: 'a stream reopened with Last-Event-ID first delivers the notifications missed in between',
    needs: ['colleague'],
    async run(ctx) {
      const first = await deliver(ctx);
      const missed = await ctx.fixtures.callbackRequest(true, ctx.colleague);
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), deliveryTimeoutMs);
      try {
        const response = await ctx.colleague.open('streamNotifications', { headers: { 'Last-Event-ID': first.event.id ?? first.notification.id } }, controller.signal);
        for await (const event of serverEvents(response)) {
          if (event === 'comment' || event.event !== 'notification') continue;
          if ((JSON.parse(event.data) as { callbackRequestId?: unknown }).callbackRequestId === missed.id) return;
        }
        fail(`${line} with Last-Event-ID: the stream ended before the missed notification`);
      } catch (error) {
        if (!controller.signal.aborted) throw error;
        fail(`${line} with Last-Event-ID ${show(first.event.id)}: the notification about callback request ${missed.id}, made while disconnected, did not arrive within ${deliveryTimeoutMs / 1000} s`);
      } finally {
        clearTimeout(timer);
        controller.abort();
      }
    },
  },
];
