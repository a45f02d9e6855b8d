import type { Address } from '../../contract/index.js';
import type { Cache } from '../cache.js';

export function addressesOf(cache: Cache, relationId: string): Promise<Address[]> {
  return cache.getAllFromIndex('addresses', 'relationId', relationId);
}

/** The addresses of many relations at once, by relation id (for exports and address labels). */
export async function addressesFor(cache: Cache, relationIds: Iterable<string>): Promise<Map<string, Address[]>> {
  const wanted = new Set(relationIds);
  const byRelation = new Map<string, Address[]>();
  for (const address of await cache.getAll('addresses')) {
    if (!wanted.has(address.relationId)) continue;
    byRelation.set(address.relationId, [...(byRelation.get(address.relationId) ?? []), address]);
  }
  return byRelation;
}
