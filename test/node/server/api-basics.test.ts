import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { startServer, storages, type TestServer } from './harness.js';

const organization = (name: string, extra: Record<string, unknown> = {}) => ({
  kind: 'organization',
  organization: { name, kvkNumber: '12345678', vatNumber: 'nl 0044.95.445 b01' },
  email: 'info@example.nl',
  ...extra,
});

/**
 * Posts 2 MB. The server answers 413 before reading it all and may close the socket while we still write,
 * which fetch reports as a network error; node:http lets us read the answer the server gave.
 */
function postOversized(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ kind: 'person', padding: 'x'.repeat(2_000_000) });
    const req = request(url, {
      method: 'POST',
      headers: { Authorization: 'Bearer demo-anna', 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
    }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    req.end(body);
  });
}

for (const storage of storages) {
  describe(`reference backend on ${storage.name}: requests, errors, concurrency`, { skip: storage.skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer({ databaseUrl: storage.url });
    });
    after(() => server.close());

    test('answers 401 with problem+json and a Bearer challenge without a valid token', async () => {
      for (const token of [null, 'nobody']) {
        const response = await server.request('GET', '/relations', { token });
        assert.equal(response.status, 401);
        assert.equal(response.headers.get('content-type'), 'application/problem+json');
        assert.equal(response.headers.get('www-authenticate'), 'Bearer');
        assert.equal((response.body as { status: number }).status, 401);
      }
    });

    test('creates a relation with a number, a debtor number, an ETag and normalised values', async () => {
      const response = await server.request<Record<string, any>>('POST', '/relations', {
        body: organization('Normaal B.V.', { debtor: {}, iban: 'nl91 abna 0417 1643 00' }),
      });
      assert.equal(response.status, 201);
      assert.equal(response.headers.get('etag'), '"1"');
      const relation = response.body;
      assert.ok(Number.isInteger(relation.number) && relation.number > 0);
      assert.ok(relation.debtor.number >= 10001);
      assert.equal(relation.creditor, null);
      assert.equal(relation.organization.vatNumber, 'NL004495445B01');
      assert.equal(relation.iban, 'NL91ABNA0417164300');
      assert.equal(relation.displayName, 'Normaal B.V.');
      const fetched = await server.request<Record<string, any>>('GET', `/relations/${relation.id}`);
      assert.deepEqual(fetched.body, relation);
    });

    test('rejects invalid fields with 422 naming each one, in the language asked for, and writes nothing', async () => {
      const body = { kind: 'organization', organization: { name: 'Fout B.V.', kvkNumber: '123', vatNumber: 'NL123456789B00' }, email: 'geen-mail', extra: 1 };
      const dutch = await server.request<{ errors: { path: string; message: string; code: string }[] }>('POST', '/relations', {
        body, headers: { 'Accept-Language': 'nl-NL,nl;q=0.9' },
      });
      assert.equal(dutch.status, 422);
      assert.equal(dutch.headers.get('content-type'), 'application/problem+json');
      const paths = dutch.body.errors.map((error) => error.path).sort();
      assert.deepEqual(paths, ['email', 'extra', 'organization.kvkNumber', 'organization.vatNumber']);
      const kvk = dutch.body.errors.find((error) => error.path === 'organization.kvkNumber')!;
      assert.equal(kvk.code, 'kvk');
      assert.match(kvk.message, /8 cijfers/);
      const english = await server.request<{ errors: { path: string; message: string }[] }>('POST', '/relations', {
        body, headers: { 'Accept-Language': 'en' },
      });
      assert.match(english.body.errors.find((error) => error.path === 'organization.kvkNumber')!.message, /8 digits/);
      const search = await server.request<{ items: unknown[] }>('GET', '/relations?q=Fout%20B.V.');
      assert.equal(search.body.items.length, 0);
    });

    test('answers malformed JSON, a wrong content type and an oversized body with clean 4xx', async () => {
      const malformed = await server.request('POST', '/relations', { raw: '{"kind": "organization",' });
      assert.equal(malformed.status, 400);
      const wrongType = await server.request('POST', '/relations', { raw: 'kind=organization', headers: { 'Content-Type': 'text/plain' } });
      assert.equal(wrongType.status, 415);
      assert.equal(await postOversized(`${server.baseUrl}/relations`), 413);
      const badQuery = await server.request('GET', '/relations?limit=0&sort=shoe-size');
      assert.equal(badQuery.status, 400);
      assert.deepEqual((badQuery.body as { errors: { path: string }[] }).errors.map((e) => e.path).sort(), ['limit', 'sort']);
      const unknownRoute = await server.request('GET', '/nothing-here');
      assert.equal(unknownRoute.status, 404);
    });

    test("keeps tenants apart: another tenant's ids are unknown, its lists are its own", async () => {
      const mine = await server.request<{ items: { id: string }[] }>('GET', '/relations?limit=5');
      const id = mine.body.items[0]!.id;
      const theirs = await server.request('GET', `/relations/${id}`, { token: 'acme-olga' });
      assert.equal(theirs.status, 404);
      const patch = await server.request('PATCH', `/relations/${id}`, { token: 'acme-olga', body: { email: 'x@acme.nl' }, headers: { 'If-Match': '"1"' } });
      assert.equal(patch.status, 404);
      const acmeList = await server.request<{ items: { id: string }[] }>('GET', '/relations?limit=500', { token: 'acme-olga' });
      const demoIds = new Set((await server.request<{ items: { id: string }[] }>('GET', '/relations?limit=500')).body.items.map((r) => r.id));
      assert.ok(acmeList.body.items.length > 0);
      assert.ok(acmeList.body.items.every((relation) => !demoIds.has(relation.id)));
      const acmeChanges = await server.request<{ items: { id: string }[]; nextCursor: string; hasMore: boolean }>('GET', '/changes?limit=5000', { token: 'acme-olga' });
      assert.ok(acmeChanges.body.items.every((change) => !demoIds.has(change.id)));
      assert.equal(acmeChanges.body.hasMore, false);
      assert.equal(acmeChanges.body.nextCursor, String(acmeChanges.body.items.length), "a tenant's cursor counts only its own changes");
    });

    test('requires If-Match on PATCH (428), refuses a stale one with the current resource (412), accepts the current one', async () => {
      const created = await server.request<Record<string, any>>('POST', '/relations', { body: organization('Versie B.V.') });
      const path = `/relations/${created.body.id}`;
      const missing = await server.request('PATCH', path, { body: { email: 'a@versie.nl' } });
      assert.equal(missing.status, 428);
      const first = await server.request<Record<string, any>>('PATCH', path, { body: { email: 'a@versie.nl' }, headers: { 'If-Match': '"1"' } });
      assert.equal(first.status, 200);
      assert.equal(first.headers.get('etag'), '"2"');
      assert.equal(first.body.email, 'a@versie.nl');
      const stale = await server.request<{ current: Record<string, any> }>('PATCH', path, { body: { email: 'b@versie.nl' }, headers: { 'If-Match': '"1"' } });
      assert.equal(stale.status, 412);
      assert.equal(stale.body.current.email, 'a@versie.nl');
      assert.equal(stale.body.current.version, 2);
      assert.equal(stale.headers.get('etag'), '"2"');
      const stillThere = await server.request<Record<string, any>>('GET', path);
      assert.equal(stillThere.body.email, 'a@versie.nl');
    });

    test('merges a patch into organization and preferences, and rejects what the modules do not declare', async () => {
      const created = await server.request<Record<string, any>>('POST', '/relations', { body: organization('Merge B.V.') });
      const path = `/relations/${created.body.id}`;
      const patched = await server.request<Record<string, any>>('PATCH', path, {
        body: { organization: { website: 'www.merge.nl' }, preferences: { invoices: { paymentTermDays: 14, currency: 'usd' } } },
        headers: { 'If-Match': '"1"' },
      });
      assert.equal(patched.status, 200, JSON.stringify(patched.body));
      assert.equal(patched.body.organization.name, 'Merge B.V.');
      assert.equal(patched.body.organization.kvkNumber, '12345678');
      assert.equal(patched.body.organization.website, 'https://www.merge.nl');
      assert.deepEqual(patched.body.preferences, { invoices: { paymentTermDays: 14, currency: 'USD' } });
      const wrong = await server.request<{ errors: { path: string }[] }>('PATCH', path, {
        body: { preferences: { invoices: { paymentTermDays: 400 }, quotes: { colour: 'red' } } },
        headers: { 'If-Match': '"2"' },
      });
      assert.equal(wrong.status, 422);
      assert.equal(wrong.body.errors[0]!.path, 'preferences.invoices.paymentTermDays');
      const person = await server.request('PATCH', path, { body: { person: { lastName: 'X' } }, headers: { 'If-Match': '"2"' } });
      assert.equal(person.status, 422);
    });

    test('replays a POST with the same Idempotency-Key and creates nothing twice; another body with that key is 422', async () => {
      const key = `key-${Date.now()}`;
      const body = organization('Eenmalig B.V.');
      const first = await server.request<Record<string, any>>('POST', '/relations', { body, headers: { 'Idempotency-Key': key } });
      const again = await server.request<Record<string, any>>('POST', '/relations', { body, headers: { 'Idempotency-Key': key } });
      assert.equal(first.status, 201);
      assert.equal(again.status, 201);
      assert.deepEqual(again.body, first.body);
      assert.equal(again.headers.get('etag'), '"1"');
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      const found = await server.request<{ items: unknown[] }>('GET', '/relations?q=Eenmalig');
      assert.equal(found.body.items.length, 1);
      const other = await server.request('POST', '/relations', { body: organization('Anders B.V.'), headers: { 'Idempotency-Key': key } });
      assert.equal(other.status, 422);
      // Keys belong to their user: the same key from a colleague is a new request.
      const colleague = await server.request('POST', '/relations', { body, token: 'demo-bram', headers: { 'Idempotency-Key': key } });
      assert.equal(colleague.status, 201);
    });

    test('gives concurrent creations unique, consecutive numbers', async () => {
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          server.request<Record<string, any>>('POST', '/relations', { body: organization(`Gelijktijdig ${i} B.V.`, { debtor: {} }) })),
      );
      assert.ok(responses.every((response) => response.status === 201));
      const numbers = responses.map((response) => response.body.number as number).sort((a, b) => a - b);
      const debtors = responses.map((response) => response.body.debtor.number as number).sort((a, b) => a - b);
      assert.equal(new Set(numbers).size, 20);
      assert.equal(numbers.at(-1)! - numbers[0]!, 19);
      assert.equal(new Set(debtors).size, 20);
      assert.equal(debtors.at(-1)! - debtors[0]!, 19);
    });

    test('never reuses a role number: an ended role keeps its number for when it returns', async () => {
      const created = await server.request<Record<string, any>>('POST', '/relations', { body: organization('Rol B.V.', { debtor: {} }) });
      const path = `/relations/${created.body.id}`;
      const number = created.body.debtor.number;
      const ended = await server.request<Record<string, any>>('PATCH', path, { body: { debtor: null }, headers: { 'If-Match': '"1"' } });
      assert.equal(ended.body.debtor, null);
      const other = await server.request<Record<string, any>>('POST', '/relations', { body: organization('Ander Rol B.V.', { debtor: {} }) });
      assert.notEqual(other.body.debtor.number, number);
      const back = await server.request<Record<string, any>>('PATCH', path, { body: { debtor: {} }, headers: { 'If-Match': '"2"' } });
      assert.equal(back.body.debtor.number, number);
    });

    test('converting a lead keeps its relation number; archiving hides it from the default list', async () => {
      const lead = await server.request<Record<string, any>>('POST', '/relations', { body: organization('Lead B.V.', { status: 'lead' }) });
      const path = `/relations/${lead.body.id}`;
      const active = await server.request<Record<string, any>>('PATCH', path, { body: { status: 'active', debtor: {} }, headers: { 'If-Match': '"1"' } });
      assert.equal(active.body.number, lead.body.number);
      await server.request('PATCH', path, { body: { status: 'archived' }, headers: { 'If-Match': '"2"' } });
      const list = await server.request<{ items: { id: string }[] }>('GET', '/relations?q=Lead%20B.V.');
      assert.equal(list.body.items.length, 0);
      const archived = await server.request<{ items: { id: string; number: number }[] }>('GET', '/relations?q=Lead%20B.V.&status=archived');
      assert.equal(archived.body.items[0]?.number, lead.body.number);
    });

    test('deletes an unreferenced relation, and refuses (409) to delete one that others refer to', async () => {
      const lonely = await server.request<Record<string, any>>('POST', '/relations', { body: organization('Weg B.V.') });
      const deleted = await server.request('DELETE', `/relations/${lonely.body.id}`, { headers: { 'If-Match': '"1"' } });
      assert.equal(deleted.status, 204);
      assert.equal((await server.request('GET', `/relations/${lonely.body.id}`)).status, 404);
      const referenced = await server.request<Record<string, any>>('POST', '/relations', { body: organization('Blijft B.V.') });
      await server.request('POST', '/contact-moments', { body: { relationId: referenced.body.id, kind: 'call', subject: 'Gebeld' } });
      const refused = await server.request<{ detail: string }>('DELETE', `/relations/${referenced.body.id}`, { headers: { 'If-Match': '"1"' } });
      assert.equal(refused.status, 409);
      assert.match(refused.body.detail, /archive/i);
    });
  });
}
