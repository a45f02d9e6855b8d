import type { Address } from '../../contract/index.js';
import type { Cache } from '../cache.js';

export function addressesOf(cache: Cache, relationId: string): Promise<Address[]> {
  return cache.getAllFromIndex('addresses', 'relationId', relationId);
}

/** Addresses read per request: each read is a short task, so the page stays responsive while 100,000 are read. */
const batchSize = 5000;

/**
 * The addresses of many relations at once, by relation id (for exports and address labels), read in
 * batches by key rather than in one `getAll`, whose answer would be one long task on the main thread.
 */
export async function addressesFor(cache: Cache, relationIds: Iterable<string>): Promise<Map<string, Address[]>> {
  const wanted = new Set(relationIds);
  const byRelation = new Map<string, Address[]>();
  let after: string | undefined;
  for (;;) {
    const batch = await cache.getAll('addresses', after === undefined ? null : IDBKeyRange.lowerBound(after, true), batchSize);
    for (const address of batch) {
      if (!wanted.has(address.relationId)) continue;
      const own = byRelation.get(address.relationId);
      if (own) own.push(address);
      else byRelation.set(address.relationId, [address]);
    }
    if (batch.length < batchSize) return byRelation;
    after = batch.at(-1)!.id;
  }
}
