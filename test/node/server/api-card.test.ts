import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addressReference } from '../../../server/seed/address-reference.js';
import { generateSeed } from '../../../server/seed/generate.js';
import { startServer, storages, type TestServer } from './harness.js';

/*
 * What the relation card asks the backend while someone types: the street and city at a postcode and house
 * number, and the relations that may be the one being entered.
 */

interface RelationLike {
  id: string;
  number: number;
  kind: string;
  displayName: string;
  status: string;
  email: string | null;
  iban: string | null;
  organization: { name: string; kvkNumber: string | null; vatNumber: string | null } | null;
  person: { firstName: string | null; infix: string | null; lastName: string } | null;
  version: number;
}
interface AddressLike {
  street: string | null;
  houseNumber: string | null;
  postalCode: string | null;
  city: string | null;
  country: string;
}
interface Candidate {
  relation: RelationLike;
  reasons: string[];
  score: number;
}
interface Candidates {
  items: Candidate[];
}
interface Problem {
  status: number;
  errors?: { path: string; code: string }[];
}

test('the reference table names one street per postcode and house number, and holds every Dutch street address of a large seed', () => {
  const streets = new Map<string, string>();
  for (const row of addressReference()) {
    for (let number = row.numberFrom; number <= row.numberTo; number++) {
      const key = `${row.postalCode} ${number}`;
      assert.equal(streets.get(key), undefined, `${key} is both ${streets.get(key)} and ${row.street}`);
      streets.set(key, `${row.street}, ${row.city}`);
    }
  }
  const seed = generateSeed({ tenant: 'demo', relations: 5000 });
  const dutch = seed.addresses.filter((address) => address.country === 'NL' && address.street && address.houseNumber);
  assert.ok(dutch.length > 4000);
  for (const address of dutch) {
    assert.equal(streets.get(`${address.postalCode} ${address.houseNumber}`), `${address.street}, ${address.city}`);
  }
});

for (const storage of storages) {
  describe(`reference backend on ${storage.name}: address lookup and duplicates`, { skip: storage.skip }, () => {
    let server: TestServer;
    let relations: RelationLike[];
    const lookup = (postalCode: string, houseNumber: string, token?: string | null) =>
      server.request<Record<string, unknown>>('GET', `/address-lookup?postalCode=${encodeURIComponent(postalCode)}&houseNumber=${encodeURIComponent(houseNumber)}`, token === undefined ? {} : { token });
    const duplicates = (body: unknown, token?: string | null) =>
      server.request<Candidates>('POST', '/relations/find-duplicates', token === undefined ? { body } : { body, token });
    const ids = (response: { body: Candidates }) => response.body.items.map((item) => item.relation.id);
    const candidate = (response: { body: Candidates }, id: string) => response.body.items.find((item) => item.relation.id === id);

    before(async () => {
      server = await startServer({ databaseUrl: storage.url, relations: 60 });
      relations = (await server.request<{ items: RelationLike[] }>('GET', '/relations?status=lead,active,archived&limit=500')).body.items;
    });
    after(() => server.close());

    const uno = () => relations.find((relation) => relation.displayName === 'Bedrijf Uno B.V.')!;
    const irecteur = () => relations.find((relation) => relation.displayName === 'D. Irecteur')!;

    test('looks up the street and city of every Dutch street address in the seed', async () => {
      let checked = 0;
      for (const relation of relations) {
        const addresses = (await server.request<{ items: AddressLike[] }>('GET', `/relations/${relation.id}/addresses`)).body.items;
        for (const address of addresses) {
          if (address.country !== 'NL' || !address.street || !address.houseNumber || !address.postalCode) continue;
          const found = await lookup(address.postalCode, address.houseNumber);
          assert.equal(found.status, 200, `${address.street} ${address.houseNumber}, ${address.postalCode}`);
          assert.deepEqual(found.body, {
            postalCode: address.postalCode, houseNumber: address.houseNumber, street: address.street, city: address.city, country: 'NL',
          });
          checked++;
        }
      }
      assert.ok(checked >= 40, `only ${checked} addresses checked`);
    });

    test('normalises the postcode as the contract does: 3521cb is 3521 CB', async () => {
      const found = await lookup(' 3521cb ', '18');
      assert.equal(found.status, 200);
      assert.deepEqual(found.body, { postalCode: '3521 CB', houseNumber: '18', street: 'Croeselaan', city: 'Utrecht', country: 'NL' });
    });

    test('answers 404 as problem+json for an address it does not know', async () => {
      for (const [postalCode, houseNumber] of [['9999 ZZ', '1'], ['3521 CB', '999']] as const) {
        const missing = await lookup(postalCode, houseNumber);
        assert.equal(missing.status, 404, `${postalCode} ${houseNumber}`);
        assert.match(missing.headers.get('content-type') ?? '', /^application\/problem\+json/);
      }
    });

    test('refuses a malformed postcode or house number with 400 naming the parameter', async () => {
      for (const [postalCode, houseNumber, path] of [['12345', '1', 'postalCode'], ['0123 AB', '1', 'postalCode'], ['1234 SS', '1', 'postalCode'], ['3521 CB', '18a', 'houseNumber'], ['3521 CB', '0', 'houseNumber']] as const) {
        const bad = await lookup(postalCode, houseNumber);
        assert.equal(bad.status, 400, `${postalCode} ${houseNumber}`);
        assert.deepEqual((bad.body as unknown as Problem).errors?.map((error) => error.path), [path]);
      }
    });

    test("never answers from a tenant's addresses", async () => {
      const created = await server.request<RelationLike>('POST', '/relations', {
        token: 'acme-olga', body: { kind: 'organization', organization: { name: 'Quokka Logistiek B.V.' } },
      });
      const address = await server.request('POST', `/relations/${created.body.id}/addresses`, {
        token: 'acme-olga',
        body: { purposes: ['visiting'], street: 'Quokkapad', houseNumber: '7', postalCode: '9999 ZZ', city: 'Nergenshuizen' },
      });
      assert.equal(address.status, 201);
      assert.equal((await lookup('9999 ZZ', '7')).status, 404);
      assert.equal((await lookup('9999 ZZ', '7', 'acme-olga')).status, 404);
    });

    test('requires a token for both operations', async () => {
      assert.equal((await lookup('3521 CB', '18', null)).status, 401);
      assert.equal((await duplicates({ email: 'info@bedrijfuno.nl' }, null)).status, 401);
    });

    test('finds a relation by its KvK number, VAT number, IBAN and e-mail, each as people type them', async () => {
      const target = uno();
      const cases: [string, Record<string, unknown>][] = [
        ['kvkNumber', { organization: { kvkNumber: '3021 23.45' } }],
        ['vatNumber', { organization: { vatNumber: target.organization!.vatNumber!.slice(2).toLowerCase() } }],
        ['iban', { iban: target.iban!.toLowerCase().replace(/(.{4})/g, '$1 ') }],
        ['email', { email: '  INFO@BedrijfUno.nl ' }],
      ];
      for (const [reason, draft] of cases) {
        const found = await duplicates(draft);
        assert.equal(found.status, 200, reason);
        const match = candidate(found, target.id);
        assert.ok(match, `${reason}: ${JSON.stringify(ids(found))}`);
        assert.deepEqual(match.reasons, [reason]);
        assert.equal(match.score, 1);
        assert.equal(match.relation.version, target.version);
      }
      const all = await duplicates({
        organization: { kvkNumber: '30212345', vatNumber: target.organization!.vatNumber }, iban: target.iban, email: target.email,
      });
      assert.deepEqual(candidate(all, target.id)?.reasons, ['kvkNumber', 'vatNumber', 'iban', 'email']);
      assert.equal(all.body.items[0]?.relation.id, target.id, 'an equal key comes first');
    });

    test('half-typed values match nothing exactly, and an empty draft finds nothing', async () => {
      const partial = await duplicates({ organization: { kvkNumber: '3021' }, email: 'info@bedrijfuno', iban: 'NL' });
      assert.equal(partial.status, 200);
      assert.deepEqual(partial.body.items, []);
      assert.deepEqual((await duplicates({})).body.items, []);
      assert.deepEqual((await duplicates({ kind: 'organization', organization: { name: 'B' } })).body.items, []);
    });

    test('finds similar names within the same kind, scored below an equal key', async () => {
      const organization = await duplicates({ kind: 'organization', organization: { name: 'bedrijf uno bv' } });
      const match = candidate(organization, uno().id);
      assert.ok(match, JSON.stringify(organization.body.items.map((item) => item.relation.displayName)));
      assert.deepEqual(match.reasons, ['name']);
      assert.ok(match.score >= 0.5 && match.score < 1, String(match.score));
      assert.ok(organization.body.items.every((item) => item.relation.kind === 'organization'));

      const person = await duplicates({ kind: 'person', person: { firstName: 'Dirk', lastName: 'Irecteur' } });
      assert.deepEqual(candidate(person, irecteur().id)?.reasons, ['name']);
      const otherKind = await duplicates({ kind: 'organization', organization: { name: 'Dirk Irecteur' } });
      assert.equal(candidate(otherKind, irecteur().id), undefined, 'a person is no duplicate of an organization by name');
      assert.equal(candidate(await duplicates({ kind: 'organization', organization: { name: 'Tennisvereniging Zwolle' } }), uno().id), undefined);
    });

    test("compares a person's initials where the first name is missing: J. Jansen is not just Jansen", async () => {
      const created = await server.request<RelationLike>('POST', '/relations', {
        body: { kind: 'person', person: { initials: 'P.J.', lastName: 'Quistenbroek' }, email: null },
      });
      assert.equal(created.status, 201);
      const withInitials = await duplicates({ kind: 'person', person: { initials: 'P.J.', lastName: 'Quistenbroek' } });
      assert.equal(withInitials.status, 200, JSON.stringify(withInitials.body));
      const same = candidate(withInitials, created.body.id);
      assert.deepEqual(same?.reasons, ['name']);
      assert.equal(same?.score, 1, 'the same initials and last name: the same compared name');
      const otherInitials = candidate(await duplicates({ kind: 'person', person: { initials: 'A.', lastName: 'Quistenbroek' } }), created.body.id);
      assert.ok(!otherInitials || otherInitials.score < 1, `other initials score lower (${otherInitials?.score})`);
    });

    test('lists at most 10 candidates, best first', async () => {
      for (const draft of [{ kind: 'organization', organization: { name: 'Bedrijf' } }, { email: uno().email, organization: { name: 'Bedrijf Uno' } }]) {
        const found = await duplicates(draft);
        assert.ok(found.body.items.length <= 10);
        const scores = found.body.items.map((item) => item.score);
        assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
      }
    });

    test('leaves out the relation being edited, and includes archived relations', async () => {
      assert.equal(candidate(await duplicates({ email: uno().email, excludeId: uno().id }), uno().id), undefined);
      const created = await server.request<RelationLike>('POST', '/relations', {
        body: { kind: 'person', person: { firstName: 'Archibald', lastName: 'Oudenaarde' }, email: 'archibald@oudenaarde.nl', status: 'archived' },
      });
      assert.equal(created.status, 201);
      const found = await duplicates({ email: 'Archibald@Oudenaarde.nl' });
      assert.equal(candidate(found, created.body.id)?.relation.status, 'archived');
    });

    test("only searches the caller's tenant", async () => {
      assert.deepEqual(ids(await duplicates({ organization: { kvkNumber: '30212345' }, email: uno().email }, 'acme-olga')), []);
      const theirs = await server.request<RelationLike>('POST', '/relations', {
        token: 'acme-olga',
        body: { kind: 'organization', organization: { name: 'Zeeuwse Quokkakwekerij', kvkNumber: '87654321' }, email: 'info@quokkakwekerij.nl' },
      });
      const draft = { kind: 'organization', organization: { name: 'Zeeuwse Quokkakwekerij', kvkNumber: '87654321' }, email: 'info@quokkakwekerij.nl' };
      assert.deepEqual(candidate(await duplicates(draft, 'acme-olga'), theirs.body.id)?.reasons, ['kvkNumber', 'email', 'name']);
      assert.equal(candidate(await duplicates(draft), theirs.body.id), undefined);
    });

    test('accepts a draft as it is being typed, and refuses what is no draft with 422', async () => {
      const lenient = await duplicates({ kind: 'person', person: { firstName: '', lastName: 'J' }, email: 'j@', iban: 'NL91 ABNA' });
      assert.equal(lenient.status, 200);
      for (const body of [{ phone: '0201234567' }, { organization: { website: 'x.nl' } }, { email: 'x'.repeat(400) }, { kind: 'robot' }]) {
        const refused = await duplicates(body);
        assert.equal(refused.status, 422, JSON.stringify(body).slice(0, 60));
      }
    });

    test('changes nothing: no Idempotency-Key needed, nothing in the change feed', async () => {
      const before = (await server.request<{ nextCursor: string }>('GET', '/changes?limit=5000')).body.nextCursor;
      const first = await duplicates({ email: uno().email });
      const again = await duplicates({ email: uno().email });
      assert.deepEqual(again.body, first.body);
      const since = await server.request<{ items: unknown[] }>('GET', `/changes?since=${before}`);
      assert.deepEqual(since.body.items, []);
    });
  });
}
