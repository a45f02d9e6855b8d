import type { Affiliation } from '../../contract/index.js';
import type { Cache } from '../cache.js';

/** The organizations of a person, or the contact persons of an organization. */
export async function affiliationsOf(cache: Cache, relationId: string): Promise<Affiliation[]> {
  const [asPerson, asOrganization] = await Promise.all([
    cache.getAllFromIndex('affiliations', 'personId', relationId),
    cache.getAllFromIndex('affiliations', 'organizationId', relationId),
  ]);
  return [...asPerson, ...asOrganization];
}
