import { compareLabels, type Label } from '../../contract/index.js';
import type { Cache } from '../cache.js';

/** Every label, by name. */
export async function labels(cache: Cache): Promise<Label[]> {
  return (await cache.getAll('labels')).sort(compareLabels);
}
