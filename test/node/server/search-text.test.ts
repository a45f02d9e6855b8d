import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { relationSearchText, searchTerms } from '../../../src/contract/index.js';
import { generateSeed, type SeedData } from '../../../server/seed/generate.js';
import { startServer, storages, type TestServer } from './harness.js';

const relations = 400;

/**
 * The backend keeps each relation's search text compacted (`compactSearchText`). The oracle here is the whole
 * text, built from the seed by the contract's definition: every search the API answers finds exactly the
 * relations whose whole text holds each term.
 */
for (const storage of storages) {
  describe(`search on ${storage.name} finds what each relation's whole search text holds`, { skip: storage.skip }, () => {
    let server: TestServer;
    let seed: SeedData;
    let texts: Map<string, string>;

    before(async () => {
      server = await startServer({ databaseUrl: storage.url, relations });
      seed = generateSeed({ tenant: 'demo', relations });
      texts = new Map(seed.relations.filter((r) => r.status !== 'archived').map((relation) => [
        relation.id, relationSearchText(relation, seed.addresses.filter((a) => a.relationId === relation.id)),
      ]));
    });
    after(() => server.close());

    async function found(q: string): Promise<string[]> {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await server.request(
          'GET', `/relations?${new URLSearchParams({ q, limit: '500', ...(cursor ? { cursor } : {}) })}`,
        );
        assert.equal(page.status, 200);
        ids.push(...page.body.items.map((item) => item.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      return ids.sort();
    }

    const expected = (q: string) =>
      [...texts].filter(([, text]) => searchTerms(q).every((term) => text.includes(term))).map(([id]) => id).sort();

    test('every word, a part of it, and two words of one relation', async () => {
      // Words a compacted text may drop (a surname the e-mail holds, a postcode beside its spaced form), parts of
      // words, and pairs: drawn from every 13th relation's whole text.
      const queries = new Set<string>();
      const all = [...texts.values()];
      for (let i = 0; i < all.length; i += 13) {
        const words = all[i]!.split(' ');
        for (const [w, word] of words.entries()) {
          if (w % 3 === 0) queries.add(word);
          if (w % 4 === 1 && word.length > 3) queries.add(word.slice(1, Math.min(word.length, 5)));
        }
        queries.add(`${words[0]} ${words.at(-1)}`);
        if (words.length > 2) queries.add(`${words[1]} ${words[2]}`);
      }
      assert.ok(queries.size > 200, `${queries.size} queries`);
      for (const q of queries) assert.deepEqual(await found(q), expected(q), `q=${q}`);
    });
  });
}
