/*
 * The overview's in-memory index keeps only a list's rows of each relation, and builds search texts after it
 * is loaded. Whatever the moment a write arrives (before, during or after that), a query must answer what the
 * contract's own definitions give for the relations and addresses as they are: the oracle below computes
 * every answer by brute force with `relationSearchText` and `relationSortKeys`, not with the index.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  relationNameKey, relationSearchText, relationSortKeys, searchTerms, type Relation, type RelationSort,
} from '../../../src/contract/index.js';
import { toCached, type CachedRelation } from '../../../src/store/cache.js';
import type { RelationQuery } from '../../../src/store/query.js';
import { RelationIndex, type IndexedAddress } from '../../../src/store/relation-index.js';
import { appendRelations, appendRows, rowBlockOf, type IndexedRelations } from '../../../src/store/relation-rows.js';

const cities = ['Utrecht', 'Amsterdam', 'Zwolle', "'s-Hertogenbosch", null];
const lastNames = ['Bakker', 'de Vries', 'Jansen', 'Visser', 'Smit'];
const labels = ['l-news', 'l-xmas', 'l-vip'];

function relation(i: number, overrides: Partial<Relation> = {}): Relation {
  const person = i % 3 !== 0;
  const last = lastNames[i % lastNames.length]!;
  return {
    id: `r-${String(i).padStart(4, '0')}`, number: 1000 - i, kind: person ? 'person' : 'organization',
    status: i % 11 === 0 ? 'archived' : i % 7 === 0 ? 'lead' : 'active',
    displayName: person ? `${String.fromCharCode(65 + (i % 26))}. ${last}` : `${last} ${i} B.V.`,
    debtor: i % 2 ? { number: 20000 + i } : null, creditor: i % 5 ? null : { number: 30000 + i },
    organization: person ? null : { name: `${last} ${i} B.V.`, kvkNumber: null, vatNumber: null, website: null },
    person: person ? { salutation: null, initials: `${String.fromCharCode(65 + (i % 26))}.`, firstName: null, infix: null, lastName: last } : null,
    email: i % 4 ? `info${i}@example.nl` : null, phone: i % 6 ? `030-${String(100000 + i)}` : null, iban: null,
    city: cities[i % cities.length]!, labelIds: labels.filter((_, l) => (i >> l) & 1), preferences: {},
    createdAt: '2026-01-01T00:00:00.000Z', updatedAt: `2026-0${1 + (i % 9)}-01T00:00:00.000Z`, version: 1, ...overrides,
  };
}

function address(relationId: string, n: number, city: string, postalCode: string): IndexedAddress {
  return { id: `${relationId}-a${n}`, relationId, city, postalCode };
}

/** The relations and addresses as they are, and the answer the contract gives for a query over them. */
class Truth {
  readonly relations = new Map<string, Relation>();
  readonly addresses = new Map<string, IndexedAddress>();

  answer(query: RelationQuery): string[] {
    const terms = searchTerms(query.q);
    const statuses = query.status ?? ['lead', 'active'];
    const sort = query.sort ?? 'name';
    const field = sort.replace('-', '') as keyof typeof relationSortKeys;
    const key = (r: Relation) => (field === 'name' ? relationNameKey(r) : relationSortKeys[field](r));
    const matching = [...this.relations.values()].filter((r) => {
      if (!statuses.includes(r.status)) return false;
      if (query.labelIds?.some((id) => !r.labelIds.includes(id))) return false;
      const own = [...this.addresses.values()].filter((a) => a.relationId === r.id).sort((a, b) => (a.id < b.id ? -1 : 1));
      const text = relationSearchText(r, own);
      return terms.every((term) => text.includes(term));
    });
    matching.sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    });
    if (sort.startsWith('-')) matching.reverse();
    return matching.map((r) => r.id);
  }
}

const cached = (r: Relation) => toCached('relation', r) as CachedRelation;

function ids(index: RelationIndex, query: RelationQuery): string[] {
  return Array.from(index.query(query), (position) => index.relationAt(position).id);
}

const queries: RelationQuery[] = [
  {}, { q: 'bakker' }, { q: 'utrecht' }, { q: '3511' }, { q: 'info1 zwolle' }, { q: 'vries', sort: '-number' },
  { status: ['active'], sort: 'city' }, { sort: '-email', labelIds: ['l-news'] }, { q: 'b.v.', sort: 'phone' },
  { q: '030', sort: '-updatedAt' as RelationSort }, { q: '-' }, { q: '@example.nl' }, { status: ['archived'], sort: 'debtorNumber' },
];

describe('the in-memory relation index', () => {
  /** Loaded from whole relations, or from the rows the cache keeps beside its blocks, one block read whole. */
  const loads = {
    'whole relations': (relations: CachedRelation[]) => RelationIndex.of(relations),
    'the cache\'s rows, one block whole': (relations: CachedRelation[]) => {
      const loaded: IndexedRelations = { rows: [], names: [], own: [] };
      for (let at = 0; at < relations.length; at += 250) {
        const block = relations.slice(at, at + 250);
        if (at === 250) appendRelations(loaded, block);
        else appendRows(loaded, rowBlockOf(block));
      }
      return new RelationIndex(loaded);
    },
  };

  for (const [loading, load] of Object.entries(loads)) test(`answers as the contract does, for writes before, during and after search texts are built (${loading})`, () => {
    const truth = new Truth();
    const initial = Array.from({ length: 700 }, (_, i) => relation(i));
    for (const r of initial) truth.relations.set(r.id, r);
    const index = load(initial.map(cached));
    const addresses: IndexedAddress[] = [];
    initial.forEach((r, i) => {
      if (i % 4 === 0) return;
      addresses.push(address(r.id, 1, cities[(i + 1) % 4]!, `35${String(i % 100).padStart(2, '0')} AB`));
      if (i % 9 === 0) addresses.push(address(r.id, 2, 'Den Haag', '2511 CV'));
    });
    for (const a of addresses) truth.addresses.set(a.id, a);
    const owners = new Map<string, IndexedAddress[]>();
    for (const a of addresses) owners.set(a.relationId, [...(owners.get(a.relationId) ?? []), a]);
    index.loadAddresses([...owners]);
    /** Addresses written or deleted: the relations `ownersOf` names, and those the written ones name, get theirs again. */
    const addressesChanged = (written: IndexedAddress[], deleted: string[]) => {
      const before = index.ownersOf([...written.map((a) => a.id), ...deleted]);
      for (const a of written) truth.addresses.set(a.id, a);
      for (const id of deleted) truth.addresses.delete(id);
      for (const owner of new Set([...before, ...written.map((a) => a.relationId)])) {
        index.setAddresses(owner, [...truth.addresses.values()].filter((a) => a.relationId === owner));
      }
      return before;
    };

    const write = (changes: [string, Relation | undefined][]) => {
      for (const [id, r] of changes) {
        if (r) truth.relations.set(id, r);
        else truth.relations.delete(id);
      }
      index.change(changes.map(([id, r]) => [id, r && cached(r)] as const));
    };
    const check = (moment: string) => {
      // The last change's keys, which rows do not carry, are read from the cache when a query first sorts by it.
      if (index.needsKeys('updatedAt')) index.setKeys('updatedAt', [...truth.relations.values()].map(cached));
      for (const query of queries) assert.deepEqual(ids(index, query), truth.answer(query), `${moment}: ${JSON.stringify(query)}`);
    };

    // Before any text is built: removals move the last relation into the removed one's place.
    write([['r-0003', undefined], ['r-0010', undefined], ['r-0500', { ...relation(500), city: 'Zwolle', displayName: 'Z. Zwart' }]]);
    write([['r-0900', relation(900)]]);
    check('before texts are built');

    // Part of the way: positions before and after the point reached change.
    index.prepare(performance.now());
    write([['r-0001', undefined], ['r-0698', undefined], ['r-0002', { ...relation(2), labelIds: ['l-vip'], email: 'nieuw@example.nl' }]]);
    addressesChanged([address('r-0005', 1, 'Maastricht', '6211 AA')], []);
    // Whose a deleted address was, the cache no longer tells: the index finds it by the id alone.
    assert.deepEqual(addressesChanged([], ['r-0009-a2']), ['r-0009']);
    assert.deepEqual(addressesChanged([], ['r-0018-a1', 'r-0027-a2']), ['r-0018', 'r-0027']);
    check('part of the way');

    // Many at once (a page of the feed: the sorted orders are made again).
    write(Array.from({ length: 40 }, (_, i) => [`r-${String(100 + i).padStart(4, '0')}`, i % 2 ? undefined : relation(100 + i, { city: 'Utrecht' })]));
    while (index.prepare(Number.POSITIVE_INFINITY));
    check('after all texts are built');

    // What stays in memory per relation is its row: no organization, person, IBAN, preferences or timestamps.
    const row = index.relationAt(index.query({})[0]!);
    assert.deepEqual(Object.keys(row).sort(), ['city', 'creditor', 'debtor', 'displayName', 'email', 'id', 'kind', 'labelIds', 'number', 'phone', 'status']);
  });

  test('takes the name order an earlier start kept only when it is exactly the order by name', () => {
    const truth = new Truth();
    const relations = Array.from({ length: 400 }, (_, i) => relation(i));
    for (const r of relations) truth.relations.set(r.id, r);
    const withOrder = (nameOrder?: Int32Array) => {
      const loaded: IndexedRelations = { rows: [], names: [], own: [], nameOrder };
      appendRows(loaded, rowBlockOf(relations.map(cached)));
      return new RelationIndex(loaded);
    };
    const first = withOrder();
    assert.deepEqual(ids(first, {}), truth.answer({}));
    const kept = first.nameOrderToKeep();
    assert.ok(kept, 'an index sorted by name since its load keeps that order');

    // Still right: used as it is, so there is nothing new to keep; also after a query in another order first.
    const again = withOrder(kept.slice());
    assert.deepEqual(ids(again, { sort: 'city' }), truth.answer({ sort: 'city' }));
    assert.deepEqual(ids(again, {}), truth.answer({}));
    assert.equal(again.nameOrderToKeep(), undefined, 'the kept order was used');

    // Wrong in any way (the cache changed since, or the record is damaged): sorted afresh, the same answer.
    const swapped = kept.slice();
    [swapped[10], swapped[11]] = [swapped[11]!, swapped[10]!];
    const twice = kept.slice();
    twice[5] = twice[6]!;
    const outside = kept.slice();
    outside[0] = relations.length;
    for (const [why, wrong] of [['two swapped', swapped], ['a position twice', twice], ['one short', kept.slice(1)], ['out of range', outside]] as const) {
      const index = withOrder(wrong);
      assert.deepEqual(ids(index, {}), truth.answer({}), why);
      assert.deepEqual(ids(index, { status: ['active'], q: 'bakker' }), truth.answer({ status: ['active'], q: 'bakker' }), why);
      assert.ok(index.nameOrderToKeep(), `${why}: the new order is kept`);
    }

    // A write since the load: its positions are no longer what a load gives, so nothing is kept.
    const written = withOrder();
    written.change([['r-0001', undefined]]);
    ids(written, {});
    assert.equal(written.nameOrderToKeep(), undefined);
  });
});
