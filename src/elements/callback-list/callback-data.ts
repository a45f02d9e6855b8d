import type { CallbackRequest } from '../../contract/index.js';
import type { RelationsStore } from '../../store/index.js';

/** Whose callback requests a list shows. */
export type CallbackListFilter = 'assigned' | 'requested';

/** A callback request with the names the list shows, read from the store. */
export interface CallbackEntry {
  request: CallbackRequest;
  relationName: string | undefined;
  personName: string | undefined;
  requesterName: string | undefined;
  assigneeName: string | undefined;
}

/** The user's callback requests, open and most urgent first (the store's order), with the names to show. */
export async function loadCallbacks(store: RelationsStore, filter: CallbackListFilter): Promise<CallbackEntry[]> {
  const [requests, colleagues] = await Promise.all([
    store.callbackRequests(filter === 'assigned' ? { assignedTo: 'me' } : { requestedBy: 'me' }),
    store.colleagues(),
  ]);
  const names = new Map(colleagues.map((user) => [user.id, user.name]));
  names.set(store.me.id, store.me.name);
  const ids = [...new Set(requests.flatMap((request) => [request.relationId, request.personId ?? []].flat()))];
  const relations = new Map(await Promise.all(ids.map(async (id) => [id, (await store.loadRelation(id))?.displayName] as const)));
  return requests.map((request) => ({
    request,
    relationName: relations.get(request.relationId),
    personName: request.personId ? relations.get(request.personId) : undefined,
    requesterName: names.get(request.requestedById),
    assigneeName: names.get(request.assigneeId),
  }));
}

/** An open request whose due time has passed. */
export function isOverdue(request: CallbackRequest, now: number): boolean {
  return request.status === 'open' && request.dueAt !== null && new Date(request.dueAt).getTime() < now;
}

/** A phone number as a tel: link wants it: digits and a leading +, nothing else. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
