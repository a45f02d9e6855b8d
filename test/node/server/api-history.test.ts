import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer, storages, type TestServer } from './harness.js';

/*
 * A relation's history: every change to it, its addresses and affiliations, with who, when and each field
 * before and after. Expected values come from what the test sent and what the server answered before.
 */

interface Change {
  field: string;
  old: unknown;
  new: unknown;
}
interface Entry {
  id: string;
  relationId: string;
  at: string;
  actorId: string;
  actorName: string;
  entity: string;
  entityId: string;
  action: string;
  changes: Change[];
}
interface Page {
  items: Entry[];
  nextCursor: string | null;
}
type Resource = Record<string, any> & { id: string; version: number };

const ifMatch = (resource: { version: number }) => ({ 'If-Match': `"${resource.version}"` });

for (const storage of storages) {
  describe(`relation history on ${storage.name}`, { skip: storage.skip }, () => {
    let server: TestServer;
    let anna: { id: string; name: string };

    before(async () => {
      server = await startServer({ databaseUrl: storage.url, relations: 40 });
      anna = (await server.request<{ id: string; name: string }>('GET', '/me')).body;
    });
    after(() => server.close());

    async function history(id: string, token = 'demo-anna'): Promise<Entry[]> {
      const entries: Entry[] = [];
      let cursor: string | null = null;
      do {
        const query: URLSearchParams = new URLSearchParams({ limit: '2', ...(cursor ? { cursor } : {}) });
        const page: { status: number; body: Page } = await server.request<Page>('GET', `/relations/${id}/history?${query}`, { token });
        assert.equal(page.status, 200, JSON.stringify(page.body));
        entries.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      return entries;
    }

    async function organization(name: string): Promise<Resource> {
      const created = await server.request<Resource>('POST', '/relations', { body: { kind: 'organization', organization: { name } } });
      assert.equal(created.status, 201);
      return created.body;
    }

    test('a creation, an edit and a label, newest first, each by whom and with each field before and after', async () => {
      const relation = await organization('Historie B.V.');
      const edited = await server.request<Resource>('PATCH', `/relations/${relation.id}`, {
        token: 'demo-bram', body: { email: 'Info@Historie.nl', organization: { website: 'historie.nl' } }, headers: ifMatch(relation),
      });
      assert.equal(edited.status, 200);
      const label = (await server.request<Resource>('POST', '/labels', { body: { name: 'Historisch', color: '#336699' } })).body;
      await server.request('POST', '/relations/labels', { body: { relationIds: [relation.id], addLabelIds: [label.id] } });

      const entries = await history(relation.id);
      assert.deepEqual(entries.map((e) => [e.action, e.actorName]), [['updated', 'Anna de Vries'], ['updated', 'Bram Jansen'], ['created', anna.name]]);
      const [labelled, edit, creation] = entries;
      assert.deepEqual(labelled!.changes, [{ field: 'labelIds', old: [], new: [label.id] }]);
      const byField = new Map(edit!.changes.map((change) => [change.field, change]));
      assert.equal(edit!.changes.length, 2, JSON.stringify(edit!.changes));
      assert.deepEqual(byField.get('email'), { field: 'email', old: null, new: edited.body.email });
      assert.deepEqual(byField.get('organization.website'), { field: 'organization.website', old: null, new: edited.body.organization.website });
      assert.equal(creation!.entity, 'relation');
      assert.ok(creation!.changes.some((c) => c.field === 'organization.name' && c.old === null && c.new === 'Historie B.V.'));
      assert.ok(creation!.changes.some((c) => c.field === 'number' && c.new === relation.number));
      for (const entry of entries) assert.equal(entry.relationId, relation.id);
      const ids = entries.map((e) => Number(e.id));
      assert.deepEqual(ids, [...ids].sort((a, b) => b - a), 'newest first');
      assert.ok(Date.parse(entries.at(-1)!.at) <= Date.parse(entries[0]!.at));
    });

    test('addresses and affiliations: created, changed and deleted, an affiliation in both relations', async () => {
      const relation = await organization('Adres Historie B.V.');
      const address = (await server.request<Resource>('POST', `/relations/${relation.id}/addresses`, {
        body: { purposes: ['visiting'], street: 'Oudegracht', houseNumber: '1', postalCode: '3511AB', city: 'Utrecht' },
      })).body;
      const moved = await server.request<Resource>('PATCH', `/addresses/${address.id}`, {
        body: { city: 'Amersfoort', postalCode: '3811ab' }, headers: ifMatch(address),
      });
      assert.equal(moved.status, 200);
      await server.request('DELETE', `/addresses/${address.id}`, { headers: ifMatch(moved.body) });
      const person = (await server.request<Resource>('POST', '/relations', {
        body: { kind: 'person', person: { firstName: 'Hanna', lastName: 'Historie' } },
      })).body;
      const linked = await server.request<Resource>('POST', '/affiliations', {
        body: { personId: person.id, organizationId: relation.id, function: 'Archivaris' },
      });
      assert.equal(linked.status, 201, JSON.stringify(linked.body));
      const link = linked.body;

      const entries = await history(relation.id);
      assert.deepEqual(entries.map((e) => [e.entity, e.action]).slice(0, 4), [
        ['affiliation', 'created'], ['address', 'deleted'], ['address', 'updated'], ['address', 'created'],
      ]);
      const byName = (a: Change, b: Change) => a.field.localeCompare(b.field);
      assert.deepEqual([...entries[2]!.changes].sort(byName), [
        { field: 'postalCode', old: address.postalCode, new: moved.body.postalCode },
        { field: 'city', old: 'Utrecht', new: 'Amersfoort' },
      ].sort(byName));
      assert.ok(entries[1]!.changes.every((c) => c.new === null), 'a deletion holds what was there');
      assert.equal(entries[0]!.entityId, link.id);
      const theirs = await history(person.id);
      assert.deepEqual(theirs.map((e) => [e.entity, e.action, e.entityId])[0], ['affiliation', 'created', link.id]);
      assert.ok(theirs[0]!.changes.some((c) => c.field === 'function' && c.new === 'Archivaris'));
    });

    test('a refused or conflicting write leaves no entry, and an edit that changes nothing leaves none', async () => {
      const relation = await organization('Geen Historie B.V.');
      const stale = await server.request('PATCH', `/relations/${relation.id}`, { body: { email: 'a@b.nl' }, headers: { 'If-Match': '"99"' } });
      assert.equal(stale.status, 412);
      const invalid = await server.request('PATCH', `/relations/${relation.id}`, { body: { iban: 'NL00 FOUT' }, headers: ifMatch(relation) });
      assert.equal(invalid.status, 422);
      const same = await server.request('PATCH', `/relations/${relation.id}`, { body: { email: null }, headers: ifMatch(relation) });
      assert.equal(same.status, 200);
      assert.deepEqual((await history(relation.id)).map((e) => e.action), ['created']);
    });

    test('no private moment in anyone’s history, nothing across tenants, and gone with the relation', async () => {
      const relation = await organization('Privé Historie B.V.');
      const secret = 'Vertrouwelijk-7f3a';
      const moment = await server.request('POST', '/contact-moments', {
        body: { relationId: relation.id, kind: 'note', subject: secret, body: secret, visibility: 'private' },
      });
      assert.equal(moment.status, 201);
      for (const token of ['demo-anna', 'demo-bram']) {
        assert.ok(!JSON.stringify(await history(relation.id, token)).includes(secret), token);
      }
      const elsewhere = await server.request('GET', `/relations/${relation.id}/history`, { token: 'acme-olga' });
      assert.equal(elsewhere.status, 404);

      const plain = await organization('Weg Historie B.V.');
      await server.request('PATCH', `/relations/${plain.id}`, { body: { email: 'weg@historie.nl' }, headers: ifMatch(plain) });
      const current = (await server.request<Resource>('GET', `/relations/${plain.id}`)).body;
      assert.equal((await server.request('DELETE', `/relations/${plain.id}`, { headers: ifMatch(current) })).status, 204);
      assert.equal((await server.request('GET', `/relations/${plain.id}/history`)).status, 404);
      const [left] = await server.backend.db.query<{ n: number }>(
        'select count(*)::int as n from relation_history where relation_id = $1', [plain.id],
      );
      assert.equal(left!.n, 0, 'no entry of a deleted relation stays behind');
    });
  });
}
