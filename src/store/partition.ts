import type { Relation } from '../contract/index.js';
import { openCache, type Cache } from './cache.js';
import { firstRelations, type PrimedFirst } from './queries/relations.js';

/** What a list shows before its index is loaded, read ahead as a store opens: more than a screenful. */
const primedRows = 100;

/** A user's cache, opened with what a store reads first: when it last synced, and the first screenful. */
export interface Partition {
  name: string;
  cache: Cache;
  lastSyncAt: string | null;
  first: PrimedFirst;
}

export async function openPartition(name: string, onBlocking: () => void): Promise<Partition> {
  const cache = await openCache(name, onBlocking);
  const rows: Promise<Relation[]> = firstRelations(cache, primedRows);
  // Read whether or not anyone asks: a failure here is the first query's to report, not the opening's.
  rows.catch(() => undefined);
  const lastSyncAt = ((await cache.get('meta', 'lastSyncAt')) as string | undefined) ?? null;
  return { name, cache, lastSyncAt, first: { limit: primedRows, rows } };
}
