import type { ContactMoment } from '../../contract/index.js';
import type { Cache } from '../cache.js';

/** Moments about the relation or with it as the contact person, newest first. */
export async function contactMomentsOf(cache: Cache, relationId: string): Promise<ContactMoment[]> {
  const [about, with_] = await Promise.all([
    cache.getAllFromIndex('contactMoments', 'relationId', relationId),
    cache.getAllFromIndex('contactMoments', 'personId', relationId),
  ]);
  const unique = new Map([...about, ...with_].map((moment) => [moment.id, moment]));
  return [...unique.values()].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || b.id.localeCompare(a.id));
}
