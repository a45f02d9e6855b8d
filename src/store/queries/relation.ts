import type { Address, Relation } from '../../contract/index.js';
import { ApiError, type RelationsClient } from '../../sdk/index.js';
import { withPending } from '../apply.js';
import { entityStore, writeEntities, type Cache } from '../cache.js';
import { isLocalId } from '../ids.js';

/**
 * A relation the cache does not hold yet (a first sync still under way, a link from elsewhere): fetched
 * from the backend with its addresses and kept, so that editing it goes through the outbox with the
 * version the user saw. Null when the backend has no such relation for this user (or another tenant's).
 * Nothing newer in the cache is overwritten: the change feed may have brought it meanwhile.
 */
export async function fetchRelation(cache: Cache, client: RelationsClient, id: string): Promise<{ relation: Relation; addresses: Address[] } | null> {
  // Both at once: the relation's answer is what the card waits for; its addresses come along.
  const [answer, listed] = await Promise.allSettled([client.getRelation({ id }), client.listAddresses({ id })]);
  if (answer.status === 'rejected') {
    const error: unknown = answer.reason;
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return null;
    throw error;
  }
  const relation = answer.value;
  const addresses = listed.status === 'fulfilled' ? listed.value.items : [];
  const tx = writeEntities(cache, ['outbox']);
  const relations = entityStore(tx, 'relation');
  const cached = await relations.get(id);
  // Writes still queued for it stay on top, as a page of the change feed keeps them.
  const pending = await tx.objectStore('outbox').index('entityId').getAll(id);
  const shown = withPending(relation, pending);
  if (shown && (!cached || cached.version < relation.version)) await relations.put(shown);
  const stored = entityStore(tx, 'address');
  for (const address of addresses) {
    const known = await stored.get(address.id);
    if (!known || known.version < address.version) await stored.put(address);
  }
  await tx.done;
  return { relation: cached && cached.version >= relation.version ? cached : (shown ?? relation), addresses };
}

/**
 * The relation under the id it has now, with that id. The backend may accept a create between resolving its
 * local id and reading it: that acceptance removes the local record and maps the local id in one transaction,
 * so a miss under a local id is read once more under the backend's id.
 */
export async function relationUnderCurrentId(
  id: string, resolve: (id: string) => Promise<string>, read: (id: string) => Promise<Relation | undefined>,
): Promise<[string, Relation | undefined]> {
  const resolved = await resolve(id);
  const found = await read(resolved);
  if (found || !isLocalId(resolved)) return [resolved, found];
  const accepted = await resolve(id);
  return accepted === resolved ? [resolved, undefined] : [accepted, await read(accepted)];
}
