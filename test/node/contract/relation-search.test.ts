/*
 * The one definition of what relation search finds and how relations sort (src/contract/relation-search.ts),
 * checked against what a Dutch office types, with expectations written out by hand. Both the backend and
 * the cache use it; test/browser/search-parity.test.ts checks that they agree.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  compactSearchText, compareLabels,
  foldText, relationNameKey, relationSearchText, relationSortKeys, searchTerms, type Relation,
} from '../../../src/contract/index.js';
import { migrate } from '../../../server/db/migrations.js';
import { openPglite } from '../../../server/db/pglite.js';

const base: Relation = {
  id: 'r1', number: 7, kind: 'person', status: 'active', displayName: 'H. Müller', debtor: { number: 10007 }, creditor: null,
  organization: null, person: { salutation: null, initials: 'H.', firstName: 'Hans', infix: null, lastName: 'Müller' },
  email: 'Hans.Muller@Voorbeeld.nl', phone: '+31 20 123 4567', iban: 'NL91ABNA0417164300', city: '’s-Hertogenbosch',
  labelIds: [], preferences: {}, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z', version: 1,
};
const addresses = [{ city: '’s-Hertogenbosch', postalCode: '5211 JW' }, { city: 'Düsseldorf', postalCode: '40212' }];

/** Whether a relation is found by `q`, the way both sides match: its text contains every term. */
const finds = (q: string, relation = base) => searchTerms(q).every((term) => relationSearchText(relation, addresses).includes(term));

describe('relation search: one definition for the backend and the cache', () => {
  test('folds accents, case, ligatures and apostrophes', () => {
    assert.equal(foldText('Müller'), 'muller');
    assert.equal(foldText('’s-Hertogenbosch'), "'s-hertogenbosch");
    assert.equal(foldText('Ærø-Straße'), 'aero-strasse');
    assert.equal(foldText('Zoë Çelik'), 'zoe celik');
  });

  test('finds a person by name with and without accents, first and last name', () => {
    for (const q of ['müller', 'muller', 'MULLER', 'hans', 'hans muller', 'H. Müller']) assert.ok(finds(q), q);
    assert.ok(!finds('mueller'), 'a spelling with another letter is another name');
  });

  test('finds by every address city and postcode, with or without the space', () => {
    for (const q of ['5211 JW', '5211jw', '5211', "'s-hertogenbosch", '’s-Hertogenbosch', 'hertogenbosch', 'dusseldorf', '40212']) {
      assert.ok(finds(q), q);
    }
  });

  test('finds a phone number in the notations people write it', () => {
    for (const q of ['+31 20 123 4567', '+31201234567', '020-1234567', '0201234567', '020 123 4567', '(020) 1234567', '1234567']) {
      assert.ok(finds(q), q);
    }
    assert.ok(!finds('020-7654321'));
    const mobile = { ...base, phone: '06-12345678' };
    for (const q of ['0612345678', '+31612345678', '+31 6 12345678', '06 12 34 56 78']) assert.ok(finds(q, mobile), q);
  });

  test('finds by numbers, e-mail and IBAN', () => {
    for (const q of ['7', '10007', 'hans.muller@voorbeeld.nl', 'voorbeeld', 'NL91ABNA0417164300', 'NL91 ABNA 0417 1643 00']) {
      assert.ok(finds(q), q);
    }
  });

  test('turns a number written with separators into its digits, and leaves other terms alone', () => {
    assert.deepEqual(searchTerms(' 020-123  Müller '), ['020123', 'muller']);
    assert.deepEqual(searchTerms('+31 (0)20'), ['31', '020']);
    assert.deepEqual(searchTerms('b.v. 5211-jw'), ['b.v.', '5211-jw']);
    assert.deepEqual(searchTerms(undefined), []);
  });

  test('a compacted search text finds exactly what the whole text finds, in fewer characters', () => {
    const organization: Relation = {
      ...base, kind: 'organization', displayName: 'Bakker & Bakker Holding B.V.', person: null, email: 'info@bakkerholding.nl', phone: '030-2345600',
      organization: { name: 'Bakker & Bakker Holding B.V.', kvkNumber: '12345678', vatNumber: 'NL123456789B01', website: null }, city: 'Utrecht',
    };
    const texts = [
      relationSearchText(base, addresses), relationSearchText(organization, [{ city: 'Utrecht', postalCode: '3511 AB' }, { city: 'Utrecht', postalCode: '3511 AB' }]),
      relationSearchText({ ...base, email: null, phone: null, iban: null, city: null }, []), '', 'een',
    ];
    for (const text of texts) {
      const compact = compactSearchText(text);
      // The oracle is the whole text: every piece of every word it holds, and pieces it does not hold.
      const terms = new Set(['zzz', 'bakker bakker', 'holding', '3511ab', '3511 ab']);
      for (const word of text.split(' ')) for (let i = 0; i < word.length; i++) for (let j = i + 1; j <= word.length; j++) terms.add(word.slice(i, j));
      for (const term of terms) {
        const found = (t: string) => searchTerms(term).every((piece) => t.includes(piece));
        assert.equal(found(compact), found(text), `"${term}" in "${text}"`);
      }
      assert.ok(compact.length <= text.length);
    }
    assert.ok(compactSearchText(texts[1]!).length < texts[1]!.length * 0.8, 'repeated and contained words go');
  });

  test('sorts persons by last name then initials, folded; empty values last', () => {
    assert.equal(relationNameKey(base), 'muller h.');
    assert.equal(relationNameKey({ displayName: 'Ärzte B.V.', person: null }), 'arzte b.v.');
    assert.equal(relationSortKeys.city(base), "'s-hertogenbosch");
    assert.ok(relationSortKeys.city({ ...base, city: null }) > 'zzz');
    assert.ok(relationSortKeys.creditorNumber(base) > 99_999_999);
    assert.equal(relationSortKeys.email(base), 'hans.muller@voorbeeld.nl');
  });

  test('a database from before the definition gets its search columns recomputed by the migration', async () => {
    const db = await openPglite(undefined);
    try {
      await migrate(db, 3);
      await db.query("insert into tenants (id, name) values ('t', 'T')");
      await db.query(
        `insert into relations (tenant_id, id, number, kind, status, is_debtor, is_creditor, name_key, city_key, debtor_key,
           creditor_key, updated_at, label_ids, search, version, data)
         values ('t', 'r1', 7, 'person', 'active', true, false, 'müller h.', 'x', 10007, 2147483647, now(), '{}', 'h. müller', 1, $1)`,
        [base],
      );
      await db.query(
        "insert into addresses (tenant_id, id, relation_id, version, data) values ('t', 'a1', 'r1', 1, $1)",
        [{ id: 'a1', relationId: 'r1', ...addresses[0] }],
      );
      await migrate(db);
      const [row] = await db.query<{ name_key: string; city_key: string; email_key: string; phone_key: string; search: string }>(
        "select name_key, city_key, email_key, phone_key, search from relations where tenant_id = 't' and id = 'r1'",
      );
      assert.equal(row?.name_key, 'muller h.');
      assert.equal(row?.city_key, "'s-hertogenbosch");
      assert.equal(row?.email_key, 'hans.muller@voorbeeld.nl');
      assert.equal(row?.phone_key, '+31 20 123 4567');
      // Every term a search may send (terms hold no spaces) is found, in the compacted text as in the whole.
      for (const part of ['hans', 'muller', '5211', 'jw', '5211jw', '0201234567']) assert.ok(row?.search.includes(part), part);
    } finally {
      await db.close();
    }
  });
});

describe('compareLabels', () => {
  test('orders labels by name as a Dutch office reads a list: case and accents aside, then as written, then by id', () => {
    const names = ['Zebra', 'été', 'apple', 'Ärger', 'Apple', 'Özel', 'b2b', 'B2B'];
    const labels = names.map((name, i) => ({ id: `l${names.length - i}`, name }));
    assert.deepEqual(labels.sort(compareLabels).map((label) => label.name), ['Apple', 'apple', 'Ärger', 'B2B', 'b2b', 'été', 'Özel', 'Zebra']);
    const twins = [{ id: 'b', name: 'VIP' }, { id: 'a', name: 'VIP' }];
    assert.deepEqual(twins.sort(compareLabels).map((label) => label.id), ['a', 'b']);
  });
});
