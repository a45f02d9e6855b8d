import { isDeepStrictEqual } from 'node:util';
import type { Change } from '../../src/contract/index.js';
import { addressBody } from '../bodies.js';
import type { Check } from '../check.js';
import { requestLine } from '../client.js';
import type { RunContext } from '../context.js';
import { CheckSkipped, expectProblem, expectSuccess, fail, show } from '../expect.js';
import { walkChanges } from '../feed.js';

const line = requestLine('listChanges');

/** Where the main user's feed ends now. */
async function endOfFeed(ctx: RunContext): Promise<string> {
  return (await walkChanges(ctx.main, (await ctx.firstWalk(ctx.main)).cursor)).cursor;
}

function entriesFor(items: readonly Change[], id: string): Change[] {
  return items.filter((item) => item.id === id);
}

export const changeChecks: Check[] = [
  {
    id: 'changes.first-sync',
    area: 'Change feed',
    title: 'a first sync (no since) lists every entity at most once',
    async run(ctx) {
      const walk = await ctx.firstWalk(ctx.main);
      if (walk.repeated.length) fail(`${line}: ${walk.repeated.slice(0, 5).join(', ')} appear more than once in one walk`);
    },
  },
  {
    id: 'changes.caught-up',
    area: 'Change feed',
    title: 'since=nextCursor with nothing changed returns no items, and hasMore false',
    async run(ctx) {
      let since = await endOfFeed(ctx);
      // Twice: the nextCursor of an empty page must itself be a cursor to continue from.
      for (let round = 0; round < 2; round++) {
        const page = expectSuccess(await ctx.main.send('listChanges', { query: { since } }));
        if (page.items.length || page.hasMore) {
          fail(`${line} since=${since} with nothing changed: expected no items, got ${page.items.length} (hasMore ${page.hasMore})`);
        }
        since = page.nextCursor;
      }
    },
  },
  {
    id: 'changes.latest-once',
    area: 'Change feed',
    title: 'an entity changed several times appears once, at its latest version',
    async run(ctx) {
      const relation = await ctx.fixtures.newRelation();
      const since = await endOfFeed(ctx);
      let version = relation.version;
      for (const phone of ['030 111 2222', '030 333 4444']) {
        const changed = expectSuccess(await ctx.main.send('updateRelation', {
          params: { id: relation.id }, body: { phone }, headers: { 'If-Match': `"${version}"` },
        }));
        version = changed.version;
      }
      const address = expectSuccess(await ctx.main.send('createAddress', { params: { id: relation.id }, body: addressBody() }));
      const { items } = await walkChanges(ctx.main, since);
      const entries = entriesFor(items, relation.id);
      if (entries.length !== 1) fail(`${line} since=${since}: relation ${relation.id}, changed twice, appears ${entries.length} times, expected once`);
      const [entry] = entries;
      if (entry?.op !== 'upsert' || (entry.data as { version?: number } | null)?.version !== version) {
        fail(`${line} since=${since}: expected relation ${relation.id} as an upsert at version ${version}, got ${show(entry)}`);
      }
      const addressEntries = entriesFor(items, address.id);
      if (addressEntries.length !== 1 || addressEntries[0]?.op !== 'upsert') {
        fail(`${line} since=${since}: expected the new address ${address.id} once as an upsert, got ${show(addressEntries)}`);
      }
    },
  },
  {
    id: 'changes.tombstone',
    area: 'Change feed',
    title: 'a deleted entity appears once, as a tombstone (op delete, data null)',
    async run(ctx) {
      const relation = await ctx.fixtures.newRelation();
      const since = await endOfFeed(ctx);
      expectSuccess(await ctx.main.send('deleteRelation', { params: { id: relation.id }, headers: { 'If-Match': `"${relation.version}"` } }));
      const entries = entriesFor((await walkChanges(ctx.main, since)).items, relation.id);
      const expected = { entity: 'relation', id: relation.id, op: 'delete', data: null };
      if (entries.length !== 1 || !isDeepStrictEqual(entries[0], expected)) {
        fail(`${line} since=${since}: expected ${show([expected])}, got ${show(entries)}`);
      }
    },
  },
  {
    id: 'changes.unissued-cursor',
    area: 'Change feed',
    title: 'a cursor the backend never issued answers 410 problem+json',
    async run(ctx) {
      const cursor = await endOfFeed(ctx);
      // Cursors are opaque: only a backend whose cursors are counters lets the kit make one from the future.
      if (!/^\d{1,15}$/.test(cursor)) throw new CheckSkipped(`cursors are opaque here (${show(cursor)}); none can be made up`);
      const future = String(Number(cursor) + 1_000_000_000);
      expectProblem(await ctx.main.send('listChanges', { query: { since: future } }), 410, ` since=${future}`);
    },
  },
];
