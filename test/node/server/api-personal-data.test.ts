import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer, storages, type TestServer } from './harness.js';

/*
 * A data subject's access (exportRelationData) and erasure (anonymizeRelation, admins only). The personal
 * values are the test's own: whatever the server answers afterwards must not hold them anywhere.
 */

type Resource = Record<string, any> & { id: string; version: number };
interface Feed {
  items: { entity: string; id: string; op: string; data: unknown }[];
  nextCursor: string;
}

const ifMatch = (resource: { version: number }) => ({ 'If-Match': `"${resource.version}"` });

for (const storage of storages) {
  describe(`personal data on ${storage.name}`, { skip: storage.skip }, () => {
    let server: TestServer;
    let made = 0;

    before(async () => {
      server = await startServer({ databaseUrl: storage.url, relations: 40 });
    });
    after(() => server.close());

    async function created(path: string, body: unknown, token = 'demo-anna'): Promise<Resource> {
      const reply = await server.request<Resource>('POST', path, { body, token });
      assert.equal(reply.status, 201, JSON.stringify(reply.body));
      return reply.body;
    }

    async function feedSince(cursor: string | undefined): Promise<Feed> {
      const items: Feed['items'] = [];
      let since = cursor;
      for (;;) {
        const page = await server.request<Feed & { items: Feed['items'] }>('GET', `/changes?limit=5000${since ? `&since=${since}` : ''}`);
        items.push(...page.body.items);
        if (page.body.items.length === 0 || page.body.nextCursor === since) return { items, nextCursor: page.body.nextCursor };
        since = page.body.nextCursor;
      }
    }

    /** A person with everything personal a relation can have, linked to an organization, with moments of two authors. */
    async function personWithData() {
      // Values of this call alone: another test's relation never holds them.
      const n = ++made;
      const personal = {
        firstName: `Wilhelmina${n}`, lastName: `Vergeetmij${n}`, email: `w.vergeetmij${n}@example.nl`, phone: `06 1234 567${n}`,
        iban: 'NL91ABNA0417164300', street: `Vergeetmijnietjeslaan${n}`, linkEmail: `wilhelmina${n}@werkgever.nl`, secret: `Geheim-gesprek-${n}q`,
      };
      const person = await created('/relations', {
        kind: 'person', person: { firstName: personal.firstName, lastName: personal.lastName },
        email: personal.email, phone: personal.phone, iban: personal.iban, debtor: {},
      });
      await created(`/relations/${person.id}/addresses`, {
        purposes: ['postal'], street: personal.street, houseNumber: '3', postalCode: '3511AB', city: 'Utrecht',
      });
      const organization = await created('/relations', { kind: 'organization', organization: { name: 'Werkgever B.V.' } });
      const link = await created('/affiliations', {
        personId: person.id, organizationId: organization.id, function: 'Inkoper', email: personal.linkEmail, phone: '030 111 2222',
      });
      const team = await created('/contact-moments', { relationId: person.id, kind: 'call', subject: `Gebeld ${personal.firstName}`, body: personal.secret });
      const annasPrivate = await created('/contact-moments', {
        relationId: person.id, kind: 'note', subject: 'Eigen notitie', body: personal.secret, visibility: 'private',
      });
      const bramsPrivate = await created('/contact-moments', {
        relationId: organization.id, personId: person.id, kind: 'note', subject: 'Van Bram', body: personal.secret, visibility: 'private',
      }, 'demo-bram');
      return { person, organization, link, personal, moments: { team, annasPrivate, bramsPrivate } };
    }

    test('an export holds the relation, its addresses, links, readable moments and history; not a colleague’s private moment', async () => {
      const { person, organization, link, personal, moments } = await personWithData();
      const reply = await server.request<Record<string, any>>('GET', `/relations/${person.id}/export`);
      assert.equal(reply.status, 200);
      const data = reply.body;
      assert.equal(data['relation'].id, person.id);
      assert.equal(data['exportedBy'].name, 'Anna de Vries');
      assert.deepEqual(data['addresses'].map((a: Resource) => a['street']), [personal.street]);
      assert.deepEqual(data['affiliations'].map((a: Resource) => a.id), [link.id]);
      assert.deepEqual(data['linkedRelations'], [{ id: organization.id, number: organization['number'], displayName: 'Werkgever B.V.' }]);
      assert.deepEqual(new Set(data['contactMoments'].map((m: Resource) => m.id)), new Set([moments.team.id, moments.annasPrivate.id]));
      assert.ok(data['history'].length >= 2, 'the creation and the address at least');
      const asBram = await server.request<Record<string, any>>('GET', `/relations/${person.id}/export`, { token: 'demo-bram' });
      assert.deepEqual(new Set(asBram.body['contactMoments'].map((m: Resource) => m.id)), new Set([moments.team.id, moments.bramsPrivate.id]));
      assert.equal((await server.request('GET', `/relations/${person.id}/export`, { token: 'acme-olga' })).status, 404);
    });

    test('a member may not anonymise: 403, and nothing changes', async () => {
      const { person } = await personWithData();
      const refused = await server.request<{ status: number }>('POST', `/relations/${person.id}/anonymize`, { token: 'demo-bram' });
      assert.equal(refused.status, 403);
      const now = await server.request<Resource>('GET', `/relations/${person.id}`);
      assert.equal(now.body['displayName'], person['displayName']);
      assert.equal(now.body.version, person.version);
    });

    test('anonymising leaves no personal value in the API, the history or the feed; keeps number, roles and links', async () => {
      const { person, organization, link, personal, moments } = await personWithData();
      const callback = await created('/callback-requests', {
        relationId: person.id, assigneeId: 'user-bram', message: `Bel ${personal.firstName} terug`, phone: personal.phone,
      });
      const edited = await server.request<Resource>('PATCH', `/relations/${person.id}`, { body: { email: 'nieuw.vergeetmij@example.nl' }, headers: ifMatch(person) });
      const { nextCursor: since } = await feedSince(undefined);

      const reply = await server.request<Resource>('POST', `/relations/${person.id}/anonymize`);
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      const anonymous = reply.body;
      assert.equal(anonymous['number'], person['number']);
      assert.deepEqual(anonymous['debtor'], person['debtor'], 'the debtor number stays');
      assert.equal(anonymous['status'], 'archived');
      assert.deepEqual([anonymous['email'], anonymous['phone'], anonymous['iban']], [null, null, null]);

      const everything = [
        await server.request('GET', `/relations/${person.id}`),
        await server.request('GET', `/relations/${person.id}/export`),
        await server.request('GET', `/relations/${person.id}/export`, { token: 'demo-bram' }),
        await server.request('GET', `/relations/${person.id}/history?limit=500`),
        await server.request('GET', `/relations/${organization.id}/history?limit=500`),
        await server.request('GET', `/affiliations?personId=${person.id}`),
        await server.request('GET', `/contact-moments?relationId=${person.id}`),
        await server.request('GET', `/contact-moments?relationId=${organization.id}`, { token: 'demo-bram' }),
        await server.request('GET', '/callback-requests?requestedById=user-anna&limit=500'),
        await server.request('GET', '/notifications?limit=500', { token: 'demo-bram' }),
        await server.request('GET', `/relations?q=${encodeURIComponent(personal.lastName.toLowerCase())}`),
        await feedSince(since),
      ].map((r) => JSON.stringify(r));
      const values = [personal.firstName, personal.lastName, personal.email, 'nieuw.vergeetmij', personal.iban, personal.street, personal.linkEmail, personal.secret, personal.phone.slice(3)];
      for (const [i, text] of everything.entries()) {
        for (const value of values) assert.ok(!text.includes(value), `answer ${i} still holds ${value}`);
      }
      // The link stays, without its e-mail and phone; the history says what happened, newest first.
      const links = (await server.request<{ items: Resource[] }>('GET', `/affiliations?personId=${person.id}`)).body.items;
      assert.deepEqual(links.map((l) => [l.id, l['function'], l['email'], l['phone']]), [[link.id, 'Inkoper', null, null]]);
      const history = (await server.request<{ items: Resource[] }>('GET', `/relations/${person.id}/history?limit=500`)).body.items;
      assert.equal(history[0]!['action'], 'anonymized');
      assert.ok(history.some((entry) => entry['changes'].some((c: Resource) => c['field'] === 'debtor.number' && c['new'] === person['debtor'].number)),
        'what is no personal value stays in the history');
      assert.ok(edited.status === 200);
      // The feed carries the relation without its name and tombstones its address.
      const feed = await feedSince(since);
      assert.ok(feed.items.some((item) => item.entity === 'relation' && item.id === person.id && item.op === 'upsert'));
      assert.ok(feed.items.some((item) => item.entity === 'address' && item.op === 'delete'));
      assert.ok(feed.items.some((item) => item.entity === 'contactMoment' && item.id === moments.team.id));
      // Every moment about the person is erased, a colleague's private one too (read straight from the database).
      const [stored] = await server.backend.db.query<{ n: number }>(
        `select count(*)::int as n from contact_moments where id = any($1::text[]) and data::text like $2`,
        [[moments.team.id, moments.annasPrivate.id, moments.bramsPrivate.id], `%${personal.secret}%`],
      );
      assert.equal(stored!.n, 0);
      const [kept] = await server.backend.db.query<{ message: string }>(`select data ->> 'message' as message from callback_requests where id = $1`, [callback.id]);
      assert.equal(kept!.message, '');

      // Again: nothing more changes.
      const again = await server.request<Resource>('POST', `/relations/${person.id}/anonymize`);
      assert.equal(again.status, 200);
      assert.equal(again.body.version, anonymous.version);
      const after = (await server.request<{ items: Resource[] }>('GET', `/relations/${person.id}/history?limit=500`)).body.items;
      assert.equal(after.length, history.length, 'no second entry');
    });
  });
}
