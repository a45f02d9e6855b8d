import type { Cache, OutboxEntry } from '../cache.js';

/** The writes of one entity not yet accepted, oldest first: what an editor shows as saving, queued, conflict or rejected. */
export function writesOf(cache: Cache, entityId: string): Promise<OutboxEntry[]> {
  return cache.getAllFromIndex('outbox', 'entityId', entityId);
}
