import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { searchWindowRows } from '../../../server/resources/relations.js';
import { startServer, storages, type TestServer } from './harness.js';

interface Page {
  items: { id: string }[];
  nextCursor: string | null;
}

/** More relations than the first bounded walk covers, so searches cross from walking to the trigram index. */
const relations = 3 * searchWindowRows;

/** Sorts as the oracle spells them in SQL: unique `number` alone, other keys with id after. */
const sorts = {
  name: 'name_key, id',
  '-name': 'name_key desc, id desc',
  city: 'city_key, id',
  '-number': 'number desc',
  kind: 'kind, id',
} as const;

for (const storage of storages) {
  describe(`search on ${storage.name}: bounded walks, then the trigram index, give exactly the plain query's rows`, { skip: storage.skip }, () => {
    let server: TestServer;
    /** Terms by how often they match: rare, clustered in one part of the name order, medium, common. */
    let terms: string[];
    let labelId: string;

    /**
     * The oracle: a plain SQL query that no index narrows (`position`, not `like`), every match sorted. It
     * shares no code with the server's listing.
     */
    async function expected(term: string, sort: keyof typeof sorts, extra: { status?: string; labelId?: string } = {}) {
      const rows = await server.backend.db.query<{ id: string }>(
        `select id from relations where tenant_id = 'demo' and position($1 in search) > 0
           and ${extra.status ? 'status = $2' : `status <> 'archived' and $2::text is null`}
           and ($3::text is null or label_ids @> array[$3::text])
         order by ${sorts[sort]}`,
        [term, extra.status ?? null, extra.labelId ?? null],
      );
      return rows.map((row) => row.id);
    }

    /** The ids of the first `pages` pages of a search, following nextCursor. */
    async function pagesOf(query: string, pages: number): Promise<{ ids: string[]; complete: boolean }> {
      const ids: string[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < pages; page++) {
        const response: { status: number; body: Page } = await server.request<Page>(
          'GET', `/relations?${query}&limit=50${cursor ? `&cursor=${cursor}` : ''}`,
        );
        assert.equal(response.status, 200);
        ids.push(...response.body.items.map((item) => item.id));
        cursor = response.body.nextCursor;
        if (!cursor) return { ids, complete: true };
      }
      return { ids, complete: false };
    }

    async function assertSame(query: string, oracle: string[], pages = 12) {
      const { ids, complete } = await pagesOf(query, pages);
      assert.deepEqual(ids, complete ? oracle : oracle.slice(0, ids.length), query);
      if (!complete) assert.ok(oracle.length > ids.length, `${query}: a next page where the oracle has no more rows`);
    }

    before(async () => {
      server = await startServer({ databaseUrl: storage.url, relations });
      const count = async (term: string) => (await expected(term, 'name')).length;
      // Words of names, counted, to pick terms of every frequency from the data itself.
      const words = await server.backend.db.query<{ word: string }>(
        `select distinct w as word from relations, regexp_split_to_table(name_key, '[^a-z]+') w
         where tenant_id = 'demo' and length(w) >= 4 order by w`,
      );
      const counted = await Promise.all(words.slice(0, 400).map(async ({ word }) => ({ word, count: await count(word) })));
      const byCount = (min: number, max: number) => counted.find((w) => w.count >= min && w.count <= max)?.word;
      const picked = [
        byCount(1, 5), byCount(20, 60), byCount(120, 400), byCount(600, relations),
        // A fragment of "stichting": its matches cluster in the name order, under S.
        (await count('stichting')) > 0 ? 'ichti' : undefined,
        // The postcode digits of the first relation: rare, and not in any name.
        (await server.backend.db.query<{ digits: string }>(
          `select substring(search from '\\m\\d{4}') as digits from relations where tenant_id = 'demo' and search ~ '\\m\\d{4}' order by number limit 1`,
        ))[0]?.digits,
      ];
      terms = picked.filter((term): term is string => term !== undefined);
      assert.ok(terms.length >= 5, `terms of every frequency in the seed: ${JSON.stringify(counted.slice(0, 20))}`);
      const [label] = await server.backend.db.query<{ id: string }>(
        `select id from labels where tenant_id = 'demo' order by (data->>'relationCount')::int desc limit 1`,
      );
      labelId = label!.id;
    });
    after(() => server?.close());

    test('every term, in every sort, page after page: the same rows in the same order as the plain query', async () => {
      for (const term of terms) {
        for (const sort of Object.keys(sorts) as (keyof typeof sorts)[]) {
          await assertSame(`q=${encodeURIComponent(term)}&sort=${sort}`, await expected(term, sort));
        }
      }
    });

    test('with a status or a label filter as well', async () => {
      for (const term of terms) {
        await assertSame(`q=${encodeURIComponent(term)}&status=active`, await expected(term, 'name', { status: 'active' }));
        await assertSame(`q=${encodeURIComponent(term)}&labelIds=${labelId}`, await expected(term, 'name', { labelId }));
      }
    });

    test('every page to the last, in name order: no row skipped or repeated where a walk or the index takes over', async () => {
      for (const term of terms) {
        const { ids, complete } = await pagesOf(`q=${encodeURIComponent(term)}&sort=name`, 1000);
        assert.ok(complete);
        assert.deepEqual(ids, await expected(term, 'name'), term);
      }
    });
  });
}
