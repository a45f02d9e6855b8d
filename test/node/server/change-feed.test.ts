import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer, storages, type TestServer } from './harness.js';

interface ChangePage {
  items: { entity: string; id: string; op: 'upsert' | 'delete'; data: { version: number } | null }[];
  nextCursor: string;
  hasMore: boolean;
  remaining: number;
}

for (const storage of storages) {
  describe(`change feed on ${storage.name}: remaining across a long feed`, { skip: storage.skip }, () => {
    let server: TestServer;
    // Enough relations (with their addresses, links and moments) for a feed of several thousand entries.
    before(async () => (server = await startServer({ databaseUrl: storage.url, relations: 700 })));
    after(() => server.close());

    /**
     * Reads the whole feed a page at a time, as a first sync does, and checks each page's `remaining`
     * against what the pages after it then deliver.
     */
    async function readFeed(limit: number): Promise<{ seen: Map<string, string>; order: ChangePage['items'] }> {
      let cursor = '0';
      const seen = new Map<string, string>();
      const order: ChangePage['items'] = [];
      const pages: ChangePage[] = [];
      for (;;) {
        const page = (await server.request<ChangePage>('GET', `/changes?since=${cursor}&limit=${limit}`)).body;
        pages.push(page);
        for (const change of page.items) seen.set(`${change.entity}:${change.id}`, change.op);
        order.push(...page.items);
        cursor = page.nextCursor;
        if (!page.hasMore) break;
      }
      pages.forEach((page, i) => {
        const after = pages.slice(i + 1).reduce((sum, later) => sum + later.items.length, 0);
        assert.equal(page.remaining, after, `page ${i + 1} of ${pages.length} says how many entries come after it`);
      });
      return { seen, order };
    }

    test('every page says exactly how many entries follow it, before and after entries move and go', async () => {
      const { seen, order } = await readFeed(500);
      assert.ok(seen.size > 2 * 1024, `the feed spans several blocks of sequence numbers (${seen.size} entries)`);

      // Two of the oldest relations move from the feed's start to its end, an old address is deleted (its
      // tombstone moves too), a relation is created: each leaves its block, if it had one, and joins the last.
      const oldest = (await server.request<{ items: { id: string; version: number }[] }>('GET', '/relations?sort=number&limit=2')).body.items;
      for (const relation of oldest) {
        const patched = await server.request('PATCH', `/relations/${relation.id}`, {
          body: { email: 'feed@example.nl' }, headers: { 'If-Match': `"${relation.version}"` },
        });
        assert.equal(patched.status, 200);
      }
      // The seed's feed has no gaps yet, so an entry's place in it is its sequence number: this address sits
      // in the second block, whose count pages ending in the first block add up.
      const gone = order.slice(1100).find((change) => change.entity === 'address')!;
      const goneId = gone.id;
      assert.equal((await server.request('DELETE', `/addresses/${goneId}`, { headers: { 'If-Match': `"${gone.data!.version}"` } })).status, 204);
      const created = await server.request<{ id: string }>('POST', '/relations', { body: { kind: 'person', person: { lastName: 'Feedblok' } } });
      assert.equal(created.status, 201);

      // Pages of another size cut the feed elsewhere: the count is right wherever a page ends.
      const again = (await readFeed(333)).seen;
      assert.equal(again.size, seen.size + 1, 'one entity more: the created one; the deleted one is a tombstone');
      assert.equal(again.get(`address:${goneId}`), 'delete');
      assert.equal(again.get(`relation:${created.body.id}`), 'upsert');
    });
  });
}
