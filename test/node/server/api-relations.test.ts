import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer, storages, type TestServer } from './harness.js';

interface RelationLike {
  id: string;
  number: number;
  displayName: string;
  kind: string;
  status: string;
  debtor: { number: number } | null;
  creditor: { number: number } | null;
  city: string | null;
  labelIds: string[];
  version: number;
  organization: { name: string; kvkNumber: string | null; vatNumber: string | null } | null;
  person: { lastName: string } | null;
  email: string | null;
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

for (const storage of storages) {
  describe(`reference backend on ${storage.name}: search, filters, sorting, labels, addresses`, { skip: storage.skip }, () => {
    let server: TestServer;
    let all: RelationLike[];
    const list = (query: string) => server.request<Page<RelationLike>>('GET', `/relations?${query}`);

    /** Every page of a query, following nextCursor. */
    async function walk(query: string): Promise<RelationLike[]> {
      const seen: RelationLike[] = [];
      let cursor: string | null = null;
      do {
        const response: { body: Page<RelationLike> } = await list(`${query}&limit=7${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...response.body.items);
        cursor = response.body.nextCursor;
      } while (cursor);
      return seen;
    }

    before(async () => {
      server = await startServer({ databaseUrl: storage.url, relations: 120 });
      all = await walk('status=lead,active,archived');
    });
    after(() => server.close());

    test('pages through every relation exactly once, in every sort order, both directions', async () => {
      assert.ok(all.length >= 120);
      for (const sort of ['name', '-name', 'number', '-number', 'city', '-city', 'debtorNumber', '-creditorNumber', 'updatedAt', 'kind', '-email', 'phone']) {
        const seen = await walk(`status=lead,active,archived&sort=${sort}`);
        assert.equal(seen.length, all.length, sort);
        assert.equal(new Set(seen.map((r) => r.id)).size, all.length, `${sort}: no duplicates`);
      }
      const byNumber = await walk('status=lead,active,archived&sort=-number');
      assert.deepEqual(byNumber.map((r) => r.number), [...byNumber.map((r) => r.number)].sort((a, b) => b - a));
      const debtors = (await walk('status=lead,active,archived&sort=debtorNumber')).map((r) => r.debtor?.number ?? Infinity);
      assert.deepEqual(debtors, [...debtors].sort((a, b) => a - b), 'relations without a debtor number come last');
    });

    test('lists leads apart and leaves archived relations out unless asked for', async () => {
      const active = await walk('status=active');
      const leads = await walk('status=lead');
      const fallback = await walk('sort=number');
      assert.ok(active.every((r) => r.status === 'active') && leads.every((r) => r.status === 'lead'));
      assert.ok(leads.length > 0);
      assert.ok(fallback.every((r) => r.status !== 'archived'));
      assert.equal(fallback.length, all.filter((r) => r.status !== 'archived').length);
    });

    test('filters by kind and by role', async () => {
      const persons = await walk('kind=person&status=lead,active,archived');
      assert.deepEqual(persons.map((r) => r.id).sort(), all.filter((r) => r.kind === 'person').map((r) => r.id).sort());
      const debtors = await walk('role=debtor&status=lead,active,archived');
      assert.deepEqual(debtors.map((r) => r.id).sort(), all.filter((r) => r.debtor).map((r) => r.id).sort());
      const creditors = await walk('role=creditor&status=lead,active,archived');
      assert.deepEqual(creditors.map((r) => r.id).sort(), all.filter((r) => r.creditor).map((r) => r.id).sort());
    });

    test('searches by name, relation number, debtor number, e-mail, city, postcode, KvK and VAT', async () => {
      const irecteur = all.find((r) => r.displayName === 'D. Irecteur')!;
      assert.ok(irecteur, 'the seed has D. Irecteur');
      const hit = async (q: string, expected: RelationLike) => {
        const found = await walk(`q=${encodeURIComponent(q)}&status=lead,active,archived`);
        assert.ok(found.some((r) => r.id === expected.id), `"${q}" finds ${expected.displayName}`);
        return found;
      };
      await hit('irect', irecteur);
      await hit(String(irecteur.number), irecteur);
      if (irecteur.debtor) await hit(String(irecteur.debtor.number), irecteur);
      const withMail = all.find((r) => r.email)!;
      await hit(withMail.email!.toUpperCase(), withMail);
      const organization = all.find((r) => r.organization?.kvkNumber && r.organization.vatNumber && r.city)!;
      await hit(organization.organization!.kvkNumber!, organization);
      await hit(organization.organization!.vatNumber!.toLowerCase(), organization);
      await hit(organization.city!, organization);
      const addresses = await server.request<Page<{ postalCode: string | null }>>('GET', `/relations/${organization.id}/addresses`);
      const postcode = addresses.body.items.find((a) => a.postalCode)!.postalCode!;
      await hit(postcode.replace(' ', '').toLowerCase(), organization);
      const both = await hit(`${organization.organization!.name.split(' ')[0]} ${organization.city}`, organization);
      assert.ok(both.every((r) => r.city === organization.city || r.displayName.includes(organization.organization!.name.split(' ')[0]!)));
      const none = await list('q=zzzz-bestaat-niet');
      assert.deepEqual(none.body, { items: [], nextCursor: null });
      const wildcard = await list('q=%25');
      assert.equal(wildcard.body.items.length, 0, 'a % is searched for literally, not as a wildcard');
    });

    test('labels: bulk add and remove, filter by all or any, counts kept, deleting a label takes it off', async () => {
      const a = await server.request<RelationLike & { id: string; version: number }>('POST', '/labels', { body: { name: 'Test A', color: '#AA0000' } });
      const b = await server.request<{ id: string; version: number }>('POST', '/labels', { body: { name: 'Test B', color: '#00aa00' } });
      assert.equal(a.status, 201);
      const duplicate = await server.request('POST', '/labels', { body: { name: 'test a', color: '#000000' } });
      assert.equal(duplicate.status, 409);
      const ids = all.slice(0, 10).map((r) => r.id);
      const added = await server.request<{ updated: number }>('POST', '/relations/labels', {
        body: { relationIds: ids, addLabelIds: [a.body.id] },
      });
      assert.equal(added.body.updated, 10);
      await server.request('POST', '/relations/labels', { body: { relationIds: ids.slice(5), addLabelIds: [b.body.id] } });
      const onlyA = await walk(`labelIds=${a.body.id}&status=lead,active,archived`);
      const both = await walk(`labelIds=${a.body.id},${b.body.id}&labelMode=all&status=lead,active,archived`);
      const either = await walk(`labelIds=${a.body.id},${b.body.id}&labelMode=any&status=lead,active,archived`);
      assert.equal(onlyA.length, 10);
      assert.deepEqual(both.map((r) => r.id).sort(), ids.slice(5).sort());
      assert.equal(either.length, 10);
      const labels = await server.request<Page<{ id: string; relationCount: number; version: number }>>('GET', '/labels');
      assert.equal(labels.body.items.find((l) => l.id === a.body.id)?.relationCount, 10);
      assert.equal(labels.body.items.find((l) => l.id === b.body.id)?.relationCount, 5);
      await server.request('POST', '/relations/labels', { body: { relationIds: ids.slice(0, 3), removeLabelIds: [a.body.id] } });
      const afterRemove = await server.request<Page<{ id: string; relationCount: number; version: number }>>('GET', '/labels');
      assert.equal(afterRemove.body.items.find((l) => l.id === a.body.id)?.relationCount, 7);
      const unknown = await server.request<{ errors: { path: string }[] }>('POST', '/relations/labels', {
        body: { relationIds: ['nope'], addLabelIds: [a.body.id] },
      });
      assert.equal(unknown.status, 422);
      const label = afterRemove.body.items.find((l) => l.id === b.body.id)!;
      const removed = await server.request('DELETE', `/labels/${label.id}`, { headers: { 'If-Match': `"${label.version}"` } });
      assert.equal(removed.status, 204);
      const carriers = await walk(`labelIds=${label.id}&status=lead,active,archived`);
      assert.equal(carriers.length, 0);
      const relation = await server.request<RelationLike>('GET', `/relations/${ids[9]}`);
      assert.ok(!relation.body.labelIds.includes(label.id));
    });

    test('addresses: PO boxes for post only, Dutch postcodes normalised, and the city follows the visiting address', async () => {
      const created = await server.request<RelationLike>('POST', '/relations', {
        body: { kind: 'organization', organization: { name: 'Adres B.V.' } },
      });
      const path = `/relations/${created.body.id}/addresses`;
      const poBoxVisiting = await server.request<{ errors: { path: string; code: string }[] }>('POST', path, {
        body: { purposes: ['postal', 'visiting'], poBox: '123', postalCode: '1000AA', city: 'Amsterdam' },
      });
      assert.equal(poBoxVisiting.status, 422);
      assert.equal(poBoxVisiting.body.errors[0]?.code, 'poBoxPostalOnly');
      const poBox = await server.request<Record<string, any>>('POST', path, {
        body: { purposes: ['postal'], poBox: '123', postalCode: '1000aa', city: 'Amsterdam' },
      });
      assert.equal(poBox.status, 201);
      assert.equal(poBox.body.postalCode, '1000 AA');
      assert.equal(poBox.body.country, 'NL');
      const visiting = await server.request<Record<string, any>>('POST', path, {
        body: { purposes: ['visiting', 'invoice'], street: 'Stationsplein', houseNumber: '1', postalCode: '3511 CE', city: 'Utrecht', email: 'facturen@adres.nl' },
      });
      assert.equal(visiting.status, 201);
      const relation = await server.request<RelationLike>('GET', `/relations/${created.body.id}`);
      assert.equal(relation.body.city, 'Utrecht');
      const foreign = await server.request<Record<string, any>>('POST', path, {
        body: { purposes: ['delivery'], street: 'Rue Neuve', houseNumber: '10', postalCode: '1000', city: 'Brussel', country: 'be' },
      });
      assert.equal(foreign.status, 201);
      assert.equal(foreign.body.country, 'BE');
      const badPatch = await server.request('PATCH', `/addresses/${visiting.body.id}`, {
        body: { poBox: '55' }, headers: { 'If-Match': '"1"' },
      });
      assert.equal(badPatch.status, 422, 'a PO box on a visiting address is refused on the merged result');
      const moved = await server.request<Record<string, any>>('PATCH', `/addresses/${visiting.body.id}`, {
        body: { city: 'Amersfoort', postalCode: '3811ab' }, headers: { 'If-Match': '"1"' },
      });
      assert.equal(moved.body.postalCode, '3811 AB');
      const found = await walk('q=amersfoort&status=lead,active,archived');
      assert.ok(found.some((r) => r.id === created.body.id));
    });

    test('affiliations: D. Irecteur at three organizations, each with its own function, e-mail and phone', async () => {
      const irecteur = all.find((r) => r.displayName === 'D. Irecteur')!;
      const links = await server.request<Page<{ organizationId: string; function: string; email: string; phone: string }>>(
        'GET', `/affiliations?personId=${irecteur.id}`,
      );
      assert.ok(links.body.items.length >= 3);
      const names = links.body.items.map((link) => all.find((r) => r.id === link.organizationId)?.displayName);
      assert.ok(names.includes('Bedrijf Uno B.V.') && names.includes('Bedrijf Dos B.V.'));
      assert.equal(new Set(links.body.items.map((l) => l.function)).size, links.body.items.length);
      assert.equal(new Set(links.body.items.map((l) => l.email)).size, links.body.items.length);
      assert.equal(new Set(links.body.items.map((l) => l.phone)).size, links.body.items.length);
      const uno = all.find((r) => r.displayName === 'Bedrijf Uno B.V.')!;
      const contacts = await server.request<Page<{ personId: string }>>('GET', `/affiliations?organizationId=${uno.id}`);
      assert.ok(contacts.body.items.some((c) => c.personId === irecteur.id));
      const twice = await server.request('POST', '/affiliations', { body: { personId: irecteur.id, organizationId: uno.id } });
      assert.equal(twice.status, 409);
      const wrongWayRound = await server.request('POST', '/affiliations', { body: { personId: uno.id, organizationId: irecteur.id } });
      assert.equal(wrongWayRound.status, 422);
    });
  });
}
