import type { CallbackRequest, User } from '../../contract/index.js';
import { NetworkError, type RelationsClient } from '../../sdk/index.js';
import type { Cache } from '../cache.js';

/** Whose callback requests: assigned to me, or requested by me. */
export type CallbackFilter = { assignedTo: 'me' } | { requestedBy: 'me' };

/** Callback requests read at most for one list: a to-do list, not an archive. */
const callbackLimit = 200;

/**
 * The callback requests assigned to or requested by the user, in the backend's to-do order (open first, then by
 * due time, none last, then newest), from the backend: they are not part of the change feed. Offline, the list
 * as last seen.
 */
export async function callbackRequestsOf(
  cache: Cache,
  client: RelationsClient,
  filter: CallbackFilter,
  reached: (online: boolean) => void = () => undefined,
): Promise<CallbackRequest[]> {
  const key = `callbacks:${'assignedTo' in filter ? 'assigned' : 'requested'}`;
  try {
    const query = 'assignedTo' in filter ? { assigneeId: 'me' } : { requestedById: 'me' };
    const items: CallbackRequest[] = [];
    for await (const page of client.pages('listCallbackRequests', { ...query, limit: 100 })) {
      items.push(...page.items);
      if (items.length >= callbackLimit) break;
    }
    reached(true);
    await cache.put('meta', items, key);
    return items;
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    // No answer: the store's status says offline, so the list can say it shows what was kept.
    reached(false);
    return ((await cache.get('meta', key)) as CallbackRequest[] | undefined) ?? [];
  }
}

/** Marks a callback request done (or open again), over the version the user saw. */
export function setCallbackStatus(client: RelationsClient, request: CallbackRequest, status: CallbackRequest['status']): Promise<CallbackRequest> {
  return client.updateCallbackRequest({ id: request.id, ifMatch: request.version, body: { status } });
}

/** The colleagues of the user's tenant, to assign a callback to; offline, as last seen. */
export async function colleaguesOf(cache: Cache, client: RelationsClient): Promise<User[]> {
  try {
    const users: User[] = [];
    for await (const page of client.pages('listUsers')) users.push(...page.items);
    await cache.put('meta', users, 'colleagues');
    return users;
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    return ((await cache.get('meta', 'colleagues')) as User[] | undefined) ?? [];
  }
}
