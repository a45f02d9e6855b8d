import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { Address, Change, Relation, RelationStatus } from '../../../src/contract/index.js';
import { addressStores, readAddresses } from '../../../src/store/address-blocks.js';
import { applyChanges } from '../../../src/store/apply.js';
import { deleteCache, openCache, type Cache, type CachedRelation } from '../../../src/store/cache.js';
import { RelationsStore } from '../../../src/store/index.js';
import {
  blockSize, compactRelations, keepNameOrder, logRelations, readAllRelations, readFirstScreen, readIndexedRelations, readRelations, refreshRows,
  relationStores, type KnownLog, type RelationLogRecord,
} from '../../../src/store/relation-blocks.js';
import { ownSearchText } from '../../../src/store/relation-rows.js';
import { clientFor, listedIds } from '../backend.js';

/** The first `limit` active relations in IndexedDB's own order of [name key, id]: the oracle of the first screen. */
function firstListed(model: ReadonlyMap<string, CachedRelation>, limit: number): string[] {
  return [...model.values()]
    .filter((relation) => relation.status === 'active')
    .sort((a, b) => indexedDB.cmp([a.sortName, a.id], [b.sortName, b.id]))
    .slice(0, limit)
    .map((relation) => relation.id);
}

/** Each relation as the index must load it: id, what a list shows, name key and own search text, by id. */
function indexedOf(relations: Iterable<CachedRelation>): string[][] {
  return [...relations]
    .map((relation) => [relation.id, relation.displayName, relation.status, relation.city ?? '', relation.sortName, ownSearchText(relation)])
    .sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

/** What `readIndexedRelations` loads, in the form of `indexedOf` (a whole relation's text made as the index would). */
async function indexed(cache: Cache, known?: KnownLog): Promise<{ rows: string[][]; stale: string[] }> {
  const { rows, names, own, stale } = await readIndexedRelations(cache.transaction([...relationStores, 'meta']), known);
  return {
    rows: rows
      .map((row, i) => [row.id, row.displayName, row.status, row.city ?? '', names[i]!, own[i] ?? ownSearchText(row as CachedRelation)])
      .sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    stale,
  };
}

type Step =
  | { op: 'put'; picks: number[]; name: string; status: RelationStatus }
  | { op: 'delete'; picks: number[] }
  | { op: 'compact'; known: boolean };

const pool = 2600;
const steps: fc.Arbitrary<Step[]> = fc.array(fc.oneof(
  fc.record({
    op: fc.constant('put' as const),
    picks: fc.array(fc.nat(pool - 1), { minLength: 1, maxLength: 400 }),
    name: fc.string({ unit: fc.constantFrom('a', 'b', 'B', 'é', 'z', ' '), maxLength: 3 }),
    status: fc.constantFrom<RelationStatus>('active', 'active', 'lead', 'archived'),
  }),
  fc.record({ op: fc.constant('delete' as const), picks: fc.array(fc.nat(pool - 1), { minLength: 1, maxLength: 400 }) }),
  fc.record({ op: fc.constant('compact' as const), known: fc.boolean() }),
), { minLength: 1, maxLength: 6 });

describe('relations kept in blocks and a log', function () {
  this.timeout(300_000);
  let template: Relation;
  before(async () => {
    template = (await (await clientFor('demo-bram')).listRelations({ limit: 1 })).items[0]!;
  });

  it('reads back exactly what was written, by id, in full and as the first screen, through any writes and compactions', async () => {
    // Ids spread over the whole key space (some below every block key), so blocks split and ranges shift.
    const ids = Array.from({ length: pool }, (_, i) => `${(i * 7919 % pool).toString(36).padStart(3, '0')}-${i}`);
    // Each write of a relation distinct from every other (its step in the name), so that reading an older one shows.
    const relation = (i: number, name: string, status: RelationStatus, step = 0): CachedRelation => ({
      ...template, id: ids[i]!, displayName: `${name} ${i} #${step}`, status, sortName: `${name}${i % 7}`,
    });
    let run = 0;
    await fc.assert(fc.asyncProperty(steps, async (script) => {
      const name = `relation-elements:test-blocks:${Date.now()}:${run++}`;
      const cache: Cache = await openCache(name, () => undefined);
      try {
        const model = new Map<string, CachedRelation>();
        // The log records written since the last fold, by key: what a sync hands the fold instead of a read.
        const logged = new Map<number, RelationLogRecord>();
        const write = async (put: CachedRelation[], deleted: string[]) => {
          const tx = cache.transaction(relationStores, 'readwrite');
          const record = { put, deleted };
          const [key] = await Promise.all([logRelations(tx, record), tx.done]);
          logged.set(key, record);
        };
        // A first sync's worth: 2,300 relations in pages, folded into blocks.
        for (let at = 0; at < 2300; at += 500) {
          const page = Array.from({ length: 500 }, (_, i) => relation(at + i, 'm', (at + i) % 5 ? 'active' : 'lead'));
          await write(page, []);
          for (const row of page) model.set(row.id, row);
        }
        expect(await compactRelations(cache, logged)).to.equal(true);
        logged.clear();
        for (const [n, step] of script.entries()) {
          if (step.op === 'put') {
            const rows = step.picks.map((i) => relation(i, step.name, step.status, n + 1));
            await write(rows, []);
            for (const row of rows) model.set(row.id, row);
          } else if (step.op === 'delete') {
            const gone = step.picks.map((i) => ids[i]!);
            await write([], gone);
            for (const id of gone) model.delete(id);
          } else {
            await compactRelations(cache, step.known ? logged : undefined);
            logged.clear();
            const blocks = await blockLayout(cache);
            expect(blocks.every((block) => block.size <= 2 * blockSize), 'no block beyond twice the block size').to.equal(true);
            expect(blocks.every((block) => block.inRange), 'each block holds its own range, sorted').to.equal(true);
            expect(await readFirstScreen(cache, 40), 'a first screen that tells, after folding').not.to.equal(undefined);
          }
          // Read back from IndexedDB, and with the records this "tab" wrote taken from memory, or only some of them
          // (another tab's writes are read): all three the same.
          const some = new Map([...logged].filter(([key]) => key % 2 === 0));
          for (const [how, known] of [['read back', undefined], ['known', logged], ['partly known', some]] as const) {
            const byId = await readRelations(cache.transaction(relationStores), ids, known);
            expect(byId.map((row) => row?.displayName ?? null), how).to.deep.equal(ids.map((id) => model.get(id)?.displayName ?? null));
            const all = await readAllRelations(cache.transaction(relationStores), known);
            expect(all.map((row) => row.id).sort(), how).to.deep.equal([...model.keys()].sort());
            // The index's rows, written with each block: the latest of every relation, its text made from it.
            const loaded = await indexed(cache, known);
            expect(loaded.rows, `${how}: the index's rows`).to.deep.equal(indexedOf(model.values()));
            expect(loaded.stale, `${how}: every block has its rows`).to.deep.equal([]);
          }
          // Whenever the kept first screen answers, a short screenful or the whole of it, it is exact.
          for (const limit of [40, 100]) {
            const first = await readFirstScreen(cache, limit);
            if (first) expect(first.map((row) => row.id), `first ${limit}`).to.deep.equal(firstListed(model, limit));
          }
        }
      } finally {
        cache.close();
        await deleteCache(name);
      }
    }), { numRuns: 12 });
  });

  it('reads the blocks of a cache kept without rows (or with an older format\'s) whole, and writes their rows', async () => {
    const name = `relation-elements:test-blocks-rows:${Date.now()}`;
    const cache = await openCache(name, () => undefined);
    try {
      const relations = Array.from({ length: 1200 }, (_, i): CachedRelation => ({
        ...template, id: `rows-${String(i).padStart(4, '0')}`, displayName: `Rij ${i}`, city: i % 3 ? 'Delft' : null, sortName: `rij ${i}`,
      }));
      const tx = cache.transaction(relationStores, 'readwrite');
      await Promise.all([logRelations(tx, { put: relations, deleted: [] }), tx.done]);
      await compactRelations(cache);
      const expected = indexedOf(relations);
      const keys = await cache.getAllKeys('relationBlocks');
      expect(keys.length, 'several blocks').to.be.greaterThan(2);
      expect(await indexed(cache)).to.deep.equal({ rows: expected, stale: [] });

      // As a cache from before this version: no rows at all. And one block's rows in a format of another version.
      await cache.clear('relationRows');
      expect(await indexed(cache)).to.deep.equal({ rows: expected, stale: keys });
      await refreshRows(cache, keys, () => true);
      expect(await indexed(cache)).to.deep.equal({ rows: expected, stale: [] });
      const [first] = await cache.getAll('relationRows', IDBKeyRange.only(keys[1]!));
      await cache.put('relationRows', { ...first!, format: 'another', texts: first!.texts.map(() => 'stale') }, keys[1]!);
      expect(await indexed(cache)).to.deep.equal({ rows: expected, stale: [keys[1]] });
      await refreshRows(cache, [keys[1]!], () => true);

      // A block emptied goes, and its rows with it.
      const emptied = relations.filter((relation) => relation.id >= keys[1]! && relation.id < keys[2]!);
      const deleting = cache.transaction(relationStores, 'readwrite');
      await Promise.all([logRelations(deleting, { put: [], deleted: emptied.map((relation) => relation.id) }), deleting.done]);
      await compactRelations(cache);
      expect(await cache.getAllKeys('relationBlocks')).not.to.include(keys[1]);
      const left = relations.filter((relation) => !emptied.includes(relation));
      expect(await indexed(cache)).to.deep.equal({ rows: indexedOf(left), stale: [] });

      // The name order an index kept comes back with the rows, for the next index to check and use.
      await keepNameOrder(cache, Int32Array.from([2, 0, 1]));
      const { nameOrder } = await readIndexedRelations(cache.transaction([...relationStores, 'meta']));
      expect(nameOrder).to.be.instanceOf(Int32Array);
      expect(Array.from(nameOrder!)).to.deep.equal([2, 0, 1]);
    } finally {
      cache.close();
      await deleteCache(name);
    }
  });

  it('reads the log in its order, whichever of its records a tab holds in memory', async () => {
    const name = `relation-elements:test-blocks-known:${Date.now()}`;
    const cache = await openCache(name, () => undefined);
    try {
      const id = 'only-one';
      const records: [number, RelationLogRecord][] = [];
      const write = async (record: RelationLogRecord) => {
        const tx = cache.transaction(relationStores, 'readwrite');
        const [key] = await Promise.all([logRelations(tx, record), tx.done]);
        records.push([key, record]);
      };
      for (const version of [1, 2, 3]) await write({ put: [{ ...template, id, version, sortName: 'x' }], deleted: [] });
      const subsets = [0, 1, 2, 3, 4, 5, 6, 7].map((bits) => new Map(records.filter((_, i) => bits & (1 << i))));
      for (const known of subsets) {
        const [found] = await readRelations(cache.transaction(relationStores), [id], known);
        expect(found?.version, `with records ${[...known.keys()].join()} in memory`).to.equal(3);
      }
      await write({ put: [], deleted: [id] });
      for (const known of subsets) {
        const [found] = await readRelations(cache.transaction(relationStores), [id], known);
        expect(found, `deleted, with records ${[...known.keys()].join()} in memory`).to.equal(undefined);
      }
    } finally {
      cache.close();
      await deleteCache(name);
    }
  });

  it('writes a large page of the feed as several log records, read and folded whole, known or read back', async () => {
    const name = `relation-elements:test-blocks-page:${Date.now()}`;
    const cache = await openCache(name, () => undefined);
    const relation = (i: number, version: number): Relation => ({ ...template, id: `page-${String(i).padStart(4, '0')}`, version, displayName: `R ${i} v${version}` });
    const upsert = (data: Relation): Change => ({ entity: 'relation', op: 'upsert', id: data.id, data });
    // What the cache must hold: computed here from the pages, not by the store.
    const model = new Map<string, number>();
    const expectModel = async (known: KnownLog | undefined, when: string) => {
      const all = await readAllRelations(cache.transaction(relationStores), known);
      const sorted = (pairs: Iterable<[string, number]>) => [...pairs].map(([id, version]) => `${id} v${version}`).sort();
      expect(sorted(all.map((row) => [row.id, row.version])), when).to.deep.equal(sorted(model));
    };
    try {
      // A first page of 700 relations, an address among them.
      const first = Array.from({ length: 700 }, (_, i) => relation(i, 1));
      const address = { id: 'page-address', relationId: first[0]!.id, street: 'Markt 1', postalCode: '1234 AB', city: 'Delft' } as unknown as Address;
      const firstPage: Change[] = [...first.slice(0, 350).map(upsert), { entity: 'address', op: 'upsert', id: address.id, data: address }, ...first.slice(350).map(upsert)];
      for (const row of first) model.set(row.id, 1);
      const one = await applyChanges(cache, firstPage, '1');
      expect(one.logged.length, 'the page spans several log records').to.be.greaterThan(1);
      expect(one.relations.length).to.equal(700);
      await expectModel(new Map(one.logged), 'first page, its records in memory');
      await expectModel(undefined, 'first page, its records read back');
      expect(await compactRelations(cache, new Map(one.logged))).to.equal(true);
      await expectModel(undefined, 'first page folded');
      const [written] = await readAddresses(cache.transaction(addressStores), [address.id]);
      expect(written?.relationId).to.equal(first[0]!.id);

      // A second: 300 updated, 100 deleted, 200 new, in a mixed order.
      const secondPage: Change[] = [];
      for (let i = 0; i < 600; i++) {
        if (i < 300) secondPage.push(upsert(relation(i * 2, 2)));
        else if (i < 400) secondPage.push({ entity: 'relation', op: 'delete', id: relation((i - 300) * 2 + 1, 1).id, data: null });
        else secondPage.push(upsert(relation(700 + i, 1)));
      }
      secondPage.reverse();
      for (const change of secondPage) {
        if (change.op === 'delete') model.delete(change.id);
        else model.set(change.id, (change.data as Relation).version);
      }
      const two = await applyChanges(cache, secondPage, '2');
      expect(two.logged.length, 'the page spans several log records').to.be.greaterThan(1);
      await expectModel(new Map(two.logged), 'second page, its records in memory');
      await expectModel(new Map(two.logged.slice(1)), 'second page, some of its records in memory');
      await expectModel(undefined, 'second page, its records read back');
      expect(await compactRelations(cache, new Map(two.logged))).to.equal(true);
      await expectModel(undefined, 'second page folded');
      expect(await cache.get('meta', 'cursor')).to.equal('2');
    } finally {
      cache.close();
      await deleteCache(name);
    }
  });

  it('keeps the first screen as the backend lists it through a page of the feed, before and after folding it', async () => {
    const token = 'acme-olga';
    const store = await RelationsStore.open(await clientFor(token), { getToken: () => token });
    const client = await clientFor(token);
    const cache = await openCache(store.name, () => undefined);
    const restore: { id: string; patch: Record<string, unknown> }[] = [];
    try {
      await store.sync();
      const first = (await client.listRelations({ status: ['active'], sort: 'name', limit: 40 })).items;
      // Every relation the backend has, found by id in the blocks with the backend's version.
      const everyId = await listedIds(client, { status: ['lead', 'active', 'archived'] });
      const found = await readRelations(cache.transaction(relationStores), everyId);
      expect(found.filter((row) => !row).length, 'none missing').to.equal(0);

      // On the backend: the first listed relation archived, a later one renamed to sort first, one created.
      const archived = first[0]!;
      const renamed = first.at(-1)!;
      const updated = await client.updateRelation({ id: archived.id, ifMatch: archived.version, body: { status: 'archived' } });
      restore.push({ id: archived.id, patch: { status: 'active' } });
      const org = renamed.kind === 'organization';
      const before = org ? { organization: { name: renamed.organization!.name } } : { person: { lastName: renamed.person!.lastName } };
      const rename = org ? { organization: { name: 'Aaa first by name' } } : { person: { lastName: 'Aaa' } };
      await client.updateRelation({ id: renamed.id, ifMatch: renamed.version, body: rename });
      restore.push({ id: renamed.id, patch: before });
      const created = await client.createRelation({ body: { kind: 'organization', status: 'active', organization: { name: 'Aaab created' } } });
      restore.push({ id: created.id, patch: { status: 'archived' } });
      expect(updated.status).to.equal('archived');

      // The feed's page written as a sync writes it, not folded yet: the first screen is the kept one and the log.
      const cursor = (await cache.get('meta', 'cursor')) as string;
      const page = await client.listChanges({ since: cursor });
      await applyChanges(cache, page.items, page.nextCursor);
      const expected = (await client.listRelations({ status: ['active'], sort: 'name', limit: 40 })).items.map((r) => r.id);
      expect((await readFirstScreen(cache, 40))?.map((r) => r.id), 'from the log').to.deep.equal(expected);
      expect(await compactRelations(cache)).to.equal(true);
      expect((await readFirstScreen(cache, 40))?.map((r) => r.id), 'after folding').to.deep.equal(expected);
      const [archivedNow] = await readRelations(cache.transaction(relationStores), [archived.id]);
      expect(archivedNow?.version).to.equal(updated.version);
    } finally {
      cache.close();
      for (const { id, patch } of restore) {
        const now = await client.getRelation({ id });
        await client.updateRelation({ id, ifMatch: now.version, body: patch });
      }
      await store.signOut();
    }
  });
});

async function blockLayout(cache: Cache): Promise<{ size: number; inRange: boolean }[]> {
  const tx = cache.transaction('relationBlocks');
  const [keys, blocks] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
  return blocks.map((block, i) => ({
    size: block.length,
    inRange: block.every((row, at) => row.id >= keys[i]! && (i + 1 === keys.length || row.id < keys[i + 1]!) && (at === 0 || block[at - 1]!.id < row.id)),
  }));
}
