import {
  draftDuplicateKeys, duplicateLimit, exactDuplicateReasons, relationDuplicateKeys, sharedDuplicateKeys,
  type AddressLookup, type DuplicateCandidate, type DuplicateDraft,
} from '../../contract/index.js';
import { ApiError, NetworkError, type RelationsClient } from '../../sdk/index.js';
import type { RelationQuery, RelationQueryResult } from '../query.js';

/** Every status: a duplicate may be archived, and re-activating it beats entering it again. */
const allStatuses: RelationQuery['status'] = ['lead', 'active', 'archived'];
/** Relations a key's search reads at most before comparing exactly; a key is meant to be unique. */
const perKey = 50;

/**
 * Relations that may be the one being entered. The backend answers when it can be reached (equal keys and
 * similar names); offline, the cache answers the equal keys (KvK, VAT, IBAN, e-mail) by the contract's one
 * definition of them (`contract/duplicates.ts`), each found through the in-memory search index and then
 * compared exactly: the same reasons as the backend gives, score 1. A draft the backend refuses (422) has no
 * candidates.
 */
export async function findDuplicates(
  client: RelationsClient,
  query: (query: RelationQuery) => Promise<RelationQueryResult>,
  draft: DuplicateDraft,
  reached: (online: boolean) => void = () => undefined,
): Promise<DuplicateCandidate[]> {
  try {
    const { items } = await client.findDuplicates({ body: draft });
    reached(true);
    return items;
  } catch (error) {
    // No answer: the store's status says offline, so an element can say the cache answered.
    reached(!(error instanceof NetworkError));
    if (error instanceof ApiError && error.status === 422) return [];
    // A backend without the operation is treated as offline: the cache still knows the equal keys.
    if (!(error instanceof NetworkError) && !(error instanceof ApiError && (error.status === 404 || error.status === 501))) throw error;
  }
  return cachedDuplicates(query, draft);
}

/** The equal-key part of findDuplicates, from the cache. */
export async function cachedDuplicates(
  query: (query: RelationQuery) => Promise<RelationQueryResult>,
  draft: DuplicateDraft,
): Promise<DuplicateCandidate[]> {
  const keys = draftDuplicateKeys(draft);
  const found = new Map<string, DuplicateCandidate>();
  for (const reason of exactDuplicateReasons) {
    const key = keys[reason];
    if (key === undefined) continue;
    // The search text holds every key (folded), so the index narrows to the few relations to compare exactly.
    const { items } = await query({ q: key, status: allStatuses, limit: perKey });
    for (const relation of items) {
      if (relation.id === draft.excludeId || found.has(relation.id)) continue;
      const reasons = sharedDuplicateKeys(keys, relationDuplicateKeys(relation));
      if (reasons.length > 0) found.set(relation.id, { relation, reasons, score: 1 });
    }
  }
  return [...found.values()]
    .sort((a, b) => b.reasons.length - a.reasons.length || a.relation.number - b.relation.number)
    .slice(0, duplicateLimit);
}

/**
 * The street and city at a Dutch postcode and house number. Null when there is nothing to fill in: the
 * backend knows no such address (404), does not offer the lookup (501, or 404 for its path), finds the
 * postcode malformed (400, 422), or cannot be reached.
 */
export async function lookupAddress(client: RelationsClient, postalCode: string, houseNumber: string): Promise<AddressLookup | null> {
  try {
    return await client.lookupAddress({ postalCode, houseNumber });
  } catch (error) {
    if (error instanceof NetworkError) return null;
    if (error instanceof ApiError && [400, 404, 422, 501].includes(error.status)) return null;
    throw error;
  }
}
