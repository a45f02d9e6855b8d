import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiError, ContractError, createRelationsClient, NetworkError, readChangePage, type RelationsClient } from '../../../src/sdk/index.js';
import { startServer, type TestServer } from '../server/harness.js';

/** A fetch that lets a test break the network the way real networks break. */
function faultyFetch(faults: ((url: string, init: RequestInit | undefined, attempt: number) => Response | 'drop-request' | 'drop-response' | undefined)[]) {
  let attempt = 0;
  const calls: string[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    calls.push(`${request.method} ${new URL(request.url).pathname}`);
    const fault = faults[attempt]?.(request.url, init, attempt);
    attempt++;
    if (fault === 'drop-request') throw new TypeError('network down');
    if (fault instanceof Response) return fault;
    const response = await fetch(request);
    if (fault === 'drop-response') throw new TypeError('connection reset after the server answered');
    return response;
  };
  return { fetch: wrapped, calls };
}

describe('the SDK against the reference backend', () => {
  let server: TestServer;
  let client: RelationsClient;
  before(async () => {
    server = await startServer({ relations: 40 });
    client = createRelationsClient({ baseUrl: server.baseUrl, getToken: () => 'demo-anna', locale: 'nl', retry: { maxDelayMs: 20 } });
  });
  after(() => server.close());

  test('has one typed method per operation, with query values as numbers and arrays', async () => {
    const labels = await client.listLabels();
    const label = labels.items[0]!;
    const page = await client.listRelations({ limit: 5, labelIds: [label.id], labelMode: 'any', status: ['active', 'lead'] });
    assert.ok(page.items.length <= 5);
    assert.ok(page.items.every((relation) => relation.labelIds.includes(label.id)));
    const me = await client.getMe();
    assert.equal(me.tenant.id, 'demo');
  });

  test('creates, updates with If-Match, and surfaces a stale version as a 412 ApiError with the current resource', async () => {
    const created = await client.createRelation({ body: { kind: 'person', person: { lastName: 'Jansen', initials: 'P.' } }, idempotencyKey: 'sdk-1' });
    assert.equal(created.displayName, 'P. Jansen');
    const updated = await client.updateRelation({ id: created.id, ifMatch: created.version, body: { email: 'p@jansen.nl' } });
    assert.equal(updated.version, 2);
    const stale = await client.updateRelation({ id: created.id, ifMatch: 1, body: { email: 'x@jansen.nl' } }).catch((e: unknown) => e);
    assert.ok(stale instanceof ApiError);
    assert.equal(stale.status, 412);
    assert.equal((stale.current as { email: string }).email, 'p@jansen.nl');
  });

  test('turns problem+json into an ApiError with field errors in the chosen language', async () => {
    const error = await client.createRelation({ body: { kind: 'organization', organization: { name: 'X', kvkNumber: '12' } } }).catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 422);
    assert.deepEqual(error.fieldErrors.map((f) => f.path), ['organization.kvkNumber']);
    assert.match(error.fieldErrors[0]!.message, /cijfers/);
  });

  test('retries a GET after a dropped request and a 503, and honours Retry-After on 429', async () => {
    const { fetch, calls } = faultyFetch([
      () => 'drop-request',
      () => new Response('busy', { status: 503 }),
      () => new Response('slow down', { status: 429, headers: { 'Retry-After': '0' } }),
    ]);
    const flaky = createRelationsClient({ baseUrl: server.baseUrl, getToken: () => 'demo-anna', fetch, retry: { limit: 4, maxDelayMs: 20 } });
    const me = await flaky.getMe();
    assert.equal(me.id, 'user-anna');
    assert.equal(calls.length, 4);
  });

  test('retries a POST with an idempotency key whose response was lost: the relation exists once', async () => {
    const { fetch, calls } = faultyFetch([() => 'drop-response']);
    const flaky = createRelationsClient({ baseUrl: server.baseUrl, getToken: () => 'demo-anna', fetch, retry: { maxDelayMs: 20 } });
    const created = await flaky.createRelation({ body: { kind: 'organization', organization: { name: 'Eenmaal Andermaal B.V.' } }, idempotencyKey: 'lost-response-1' });
    assert.equal(calls.length, 2, 'sent twice');
    const found = await client.listRelations({ q: 'Eenmaal Andermaal' });
    assert.deepEqual(found.items.map((r) => r.id), [created.id], 'created once');
  });

  test('does not repeat a POST without an idempotency key, and reports no answer as a NetworkError', async () => {
    const { fetch, calls } = faultyFetch([() => 'drop-request']);
    const flaky = createRelationsClient({ baseUrl: server.baseUrl, getToken: () => 'demo-anna', fetch, retry: { maxDelayMs: 20 } });
    const error = await flaky.createRelation({ body: { kind: 'person', person: { lastName: 'Nooit' } } }).catch((e: unknown) => e);
    assert.ok(error instanceof NetworkError);
    assert.equal(calls.length, 1);
  });

  test('reports a backend that breaks the contract as a ContractError naming the operation and field', async () => {
    const broken: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const body = (await response.json()) as { items: { number: unknown }[] };
      body.items[0]!.number = 'R-1';
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    const strict = createRelationsClient({ baseUrl: server.baseUrl, getToken: () => 'demo-anna', fetch: broken });
    const error = await strict.listRelations({ limit: 2 }).catch((e: unknown) => e);
    assert.ok(error instanceof ContractError);
    assert.match(error.message, /listRelations/);
    assert.match(error.message, /items\.0\.number/);
  });

  test('checks the change feed by shape: a field of the wrong type fails by name, a broken format does not', async () => {
    const tamper = (change: (item: { entity: string; data: Record<string, unknown> | null }) => void): typeof fetch => async (input, init) => {
      const response = await fetch(input, init);
      const body = (await response.json()) as { items: { entity: string; data: Record<string, unknown> | null }[] };
      change(body.items.find((item) => item.entity === 'relation' && item.data)!);
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    const wrongType = createRelationsClient({ baseUrl: server.baseUrl, getToken: () => 'demo-anna', fetch: tamper((item) => (item.data!['labelIds'] = 'vip')) });
    const error = await wrongType.listChanges({ limit: 50 }).catch((e: unknown) => e);
    assert.ok(error instanceof ContractError);
    assert.match(error.message, /listChanges/);
    assert.match(error.message, /items\.\d+\.data\.labelIds/);
    // A text that is a text: the backend checked its format when it was written, the feed passes it on.
    const oddEmail = createRelationsClient({ baseUrl: server.baseUrl, getToken: () => 'demo-anna', fetch: tamper((item) => (item.data!['email'] = 'not an e-mail')) });
    const page = await oddEmail.listChanges({ limit: 50 });
    assert.ok(page.items.some((item) => item.entity === 'relation' && item.data?.email === 'not an e-mail'));
  });

  test('gives a page of the feed as bytes for a worker to read: the same page, its errors those of listChanges', async () => {
    const page = await client.listChanges({ since: '0', limit: 30 });
    const body = await client.listChangesBody({ since: '0', limit: 30 });
    assert.deepEqual(readChangePage(new TextDecoder().decode(body)), page);
    const stranger = createRelationsClient({ baseUrl: server.baseUrl, getToken: () => 'no-such-token' });
    const refused = await stranger.listChangesBody({ since: '0', limit: 30 }).catch((e: unknown) => e);
    assert.ok(refused instanceof ApiError);
    assert.equal(refused.status, 401);
  });

  test("hands a worker its settings as they are now, and none when the host's own fetch carries the requests", async () => {
    let token = 'demo-anna';
    const own = createRelationsClient({ baseUrl: server.baseUrl, getToken: () => token, locale: () => 'nl', retry: { limit: 1 } });
    assert.deepEqual(await own.settingsForWorker(), { baseUrl: server.baseUrl, token: 'demo-anna', locale: 'nl', retry: { limit: 1 } });
    token = 'demo-bram';
    assert.equal((await own.settingsForWorker())?.token, 'demo-bram');
    // What a worker makes of them asks as the page would.
    const inWorker = createRelationsClient({ ...(await own.settingsForWorker())!, getToken: () => token });
    assert.equal((await inWorker.getMe()).id, (await own.getMe()).id);
    const hosted = createRelationsClient({ baseUrl: server.baseUrl, getToken: () => token, fetch: (input, init) => fetch(input, init) });
    assert.equal(await hosted.settingsForWorker(), undefined);
  });

  test('iterates every page of a list', async () => {
    const ids: string[] = [];
    for await (const page of client.pages('listRelations', { limit: 7, status: ['lead', 'active', 'archived'] })) {
      ids.push(...page.items.map((r) => r.id));
    }
    const all = await client.listRelations({ limit: 500, status: ['lead', 'active', 'archived'] });
    assert.deepEqual(ids.sort(), all.items.map((r) => r.id).sort());
  });

  test('streams notifications as they are created', async () => {
    const bram = createRelationsClient({ baseUrl: server.baseUrl, getToken: () => 'demo-bram' });
    const controller = new AbortController();
    const received = new Promise<string>((resolve) => {
      void bram.streamNotifications((notification) => resolve(notification.title), { signal: controller.signal });
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const relation = (await client.listRelations({ limit: 1 })).items[0]!;
    await client.createCallbackRequest({ body: { relationId: relation.id, message: 'Graag terugbellen', assigneeId: 'user-bram' } });
    const title = await received;
    controller.abort();
    assert.ok(title.includes(relation.displayName));
  });
});
