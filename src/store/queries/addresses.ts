import type { Address } from '../../contract/index.js';
import { addressesOfRelations, addressStores, byRelation, readAllAddresses } from '../address-blocks.js';
import type { Cache } from '../cache.js';
import { byId } from '../entity-blocks.js';

export async function addressesOf(cache: Cache, relationId: string): Promise<Address[]> {
  const [own] = await addressesOfRelations(cache.transaction(addressStores), [relationId]);
  return own!;
}

/**
 * The addresses of many relations at once, by relation id (for exports and address labels): every address
 * read in blocks (each request's answer a short task), those of other relations left.
 */
export async function addressesFor(cache: Cache, relationIds: Iterable<string>): Promise<Map<string, Address[]>> {
  const wanted = new Set(relationIds);
  const all = await readAllAddresses(cache.transaction(addressStores));
  const owned = byRelation(all.filter((address) => wanted.has(address.relationId)));
  // In id order, as one relation's are read (what the log changed comes after the blocks).
  for (const own of owned.values()) if (own.length > 1) own.sort(byId);
  return owned;
}
