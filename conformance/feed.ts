import type { Change } from '../src/contract/index.js';
import type { ApiClient } from './client.js';
import { expectSuccess, fail } from './expect.js';

/** Pages a walk of the change feed reads at most: beyond this a backend is taken to loop. */
const maxPages = 10_000;

export interface FeedWalk {
  readonly items: Change[];
  /** Where the next walk continues. */
  readonly cursor: string;
  /** `entity:id` keys met more than once, which the contract forbids within one walk. */
  readonly repeated: string[];
}

/** Reads the change feed from `since` (the start when undefined) to its end, validating every page. */
export async function walkChanges(client: ApiClient, since: string | undefined, pageSize = 1000): Promise<FeedWalk> {
  const items: Change[] = [];
  const seen = new Set<string>();
  const repeated: string[] = [];
  let cursor = since;
  for (let page = 0; page < maxPages; page++) {
    const body = expectSuccess(await client.send('listChanges', { query: { since: cursor, limit: String(pageSize) } }));
    for (const item of body.items) {
      const key = `${item.entity}:${item.id}`;
      if (seen.has(key)) repeated.push(key);
      seen.add(key);
      items.push(item);
    }
    if (body.hasMore && body.items.length === 0) fail(`listChanges GET /changes: hasMore is true on a page without items (since=${cursor})`);
    cursor = body.nextCursor;
    if (!body.hasMore) return { items, cursor, repeated };
  }
  return fail(`listChanges GET /changes: still hasMore after ${maxPages} pages`);
}
