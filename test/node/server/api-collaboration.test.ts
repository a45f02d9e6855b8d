import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { readServerSentEvents, type ServerSentEvent } from '../../../src/sdk/sse.js';
import { startServer, storages, type TestServer } from './harness.js';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
interface ChangePage {
  items: { entity: string; id: string; op: 'upsert' | 'delete'; data: Record<string, unknown> | null }[];
  nextCursor: string;
  hasMore: boolean;
  remaining: number;
}

/** Reads server-sent events from a stream until `until` returns true for one of them. */
/** Reads a stream's events as they come: `next(until)` resolves with those up to the first that `until` accepts. */
function eventReader(response: Response) {
  const iterator = readServerSentEvents(response.body!)[Symbol.asyncIterator]();
  return {
    async next(until: (event: ServerSentEvent) => boolean): Promise<ServerSentEvent[]> {
      const events: ServerSentEvent[] = [];
      for (let step = await iterator.next(); !step.done; step = await iterator.next()) {
        events.push(step.value);
        if (until(step.value)) break;
      }
      return events;
    },
    /** Hangs up, as a closed tab does: an open stream would keep the test process alive. */
    async close(): Promise<void> {
      await iterator.return?.(undefined);
    },
  };
}

for (const storage of storages) {
  describe(`reference backend on ${storage.name}: contact moments, callback requests, notifications, change feed`, { skip: storage.skip }, () => {
    let server: TestServer;
    let organizationId: string;
    let personId: string;
    before(async () => {
      server = await startServer({ databaseUrl: storage.url });
      const relations = await server.request<Page<{ id: string; displayName: string }>>('GET', '/relations?limit=100&q=irecteur');
      personId = relations.body.items.find((r) => r.displayName === 'D. Irecteur')!.id;
      const uno = await server.request<Page<{ id: string }>>('GET', '/relations?q=Bedrijf%20Uno');
      organizationId = uno.body.items[0]!.id;
    });
    after(() => server.close());

    test('a moment about an organization with its contact person shows in both logs, agreements included', async () => {
      const created = await server.request<Record<string, any>>('POST', '/contact-moments', {
        body: {
          relationId: organizationId, personId, kind: 'meeting', subject: 'Jaargesprek',
          agreements: [{ text: 'Offerte sturen', dueDate: '2026-12-15' }],
        },
      });
      assert.equal(created.status, 201);
      assert.deepEqual(created.body.agreements, [{ text: 'Offerte sturen', dueDate: '2026-12-15', done: false }]);
      assert.equal(created.body.authorId, 'user-anna');
      for (const relationId of [organizationId, personId]) {
        const log = await server.request<Page<{ id: string }>>('GET', `/contact-moments?relationId=${relationId}&limit=500`);
        assert.ok(log.body.items.some((m) => m.id === created.body.id), `on the log of ${relationId}`);
      }
      const wrongPerson = await server.request<{ errors: { path: string; code: string }[] }>('POST', '/contact-moments', {
        body: { relationId: personId, personId: organizationId, kind: 'call', subject: 'x' },
      });
      assert.equal(wrongPerson.status, 422);
      assert.deepEqual(wrongPerson.body.errors.map((e) => [e.path, e.code]), [['personId', 'wrongKind']]);
      const unknown = await server.request<{ errors: { path: string }[] }>('POST', '/contact-moments', {
        body: { relationId: 'no-such-relation', kind: 'call', subject: 'x' },
      });
      assert.equal(unknown.status, 422, 'a reference in the body is a field to correct');
      assert.equal(unknown.body.errors[0]!.path, 'relationId');
    });

    test("a private moment is its author's alone: not listed, not fetched, a tombstone in others' feed", async () => {
      const before = await server.request<ChangePage>('GET', '/changes?limit=5000', { token: 'demo-bram' });
      const created = await server.request<Record<string, any>>('POST', '/contact-moments', {
        body: { relationId: organizationId, kind: 'note', subject: 'Persoonlijke notitie', visibility: 'private' },
      });
      const mine = await server.request<Page<{ id: string }>>('GET', `/contact-moments?relationId=${organizationId}&limit=500`);
      assert.ok(mine.body.items.some((m) => m.id === created.body.id));
      const theirs = await server.request<Page<{ id: string }>>('GET', `/contact-moments?relationId=${organizationId}&limit=500`, { token: 'demo-bram' });
      assert.ok(!theirs.body.items.some((m) => m.id === created.body.id));
      assert.equal((await server.request('GET', `/contact-moments/${created.body.id}`, { token: 'demo-bram' })).status, 404);
      assert.equal((await server.request('PATCH', `/contact-moments/${created.body.id}`, {
        token: 'demo-bram', body: { subject: 'gezien' }, headers: { 'If-Match': '"1"' },
      })).status, 404);
      const feed = await server.request<ChangePage>('GET', `/changes?since=${before.body.nextCursor}`, { token: 'demo-bram' });
      const entry = feed.body.items.find((c) => c.id === created.body.id);
      assert.deepEqual(entry, { entity: 'contactMoment', id: created.body.id, op: 'delete', data: null });
      const authorFeed = await server.request<ChangePage>('GET', `/changes?since=${before.body.nextCursor}`);
      assert.equal(authorFeed.body.items.find((c) => c.id === created.body.id)?.op, 'upsert');
    });

    test('the change feed: everything once on first sync, then only what changed, tombstones for deletions', async () => {
      let cursor = '0';
      const first = new Map<string, string>();
      for (;;) {
        const page = await server.request<ChangePage>('GET', `/changes?since=${cursor}&limit=200`);
        for (const change of page.body.items) {
          assert.ok(!first.has(`${change.entity}:${change.id}`), 'each entity appears once');
          first.set(`${change.entity}:${change.id}`, change.op);
        }
        cursor = page.body.nextCursor;
        if (!page.body.hasMore) break;
        assert.ok(page.body.remaining > 0, 'a page with more after it says how many');
      }
      const relations = await server.request<Page<{ id: string }>>('GET', '/relations?status=lead,active,archived&limit=500');
      assert.ok(relations.body.items.every((r) => first.get(`relation:${r.id}`) === 'upsert'));

      const quiet = await fetch(`${server.baseUrl}/changes?since=${cursor}`, { headers: { Authorization: 'Bearer demo-anna' } });
      const quietText = await quiet.text();
      assert.deepEqual(JSON.parse(quietText), { items: [], nextCursor: cursor, hasMore: false, remaining: 0 });
      assert.ok(quietText.length < 1024, 'a revalidation with nothing changed is one small response');

      const created = await server.request<Record<string, any>>('POST', '/relations', { body: { kind: 'person', person: { lastName: 'Feed' } } });
      await server.request('PATCH', `/relations/${created.body.id}`, { body: { email: 'feed@example.nl' }, headers: { 'If-Match': '"1"' } });
      const changed = await server.request<ChangePage>('GET', `/changes?since=${cursor}`);
      assert.deepEqual(changed.body.items.map((c) => [c.entity, c.id, c.op]), [['relation', created.body.id, 'upsert']]);
      assert.equal(changed.body.items[0]!.data!['email'], 'feed@example.nl');
      await server.request('DELETE', `/relations/${created.body.id}`, { headers: { 'If-Match': '"2"' } });
      const deleted = await server.request<ChangePage>('GET', `/changes?since=${changed.body.nextCursor}`);
      assert.deepEqual(deleted.body.items, [{ entity: 'relation', id: created.body.id, op: 'delete', data: null }]);
      const future = await server.request('GET', '/changes?since=999999999');
      assert.equal(future.status, 410, 'a cursor this database never issued means: sync again from the start');
    });

    test('a callback request mails the assignee, notifies them live over SSE, and can be marked done', async () => {
      const stream = await fetch(`${server.baseUrl}/notifications/stream`, { headers: { Authorization: 'Bearer demo-bram' } });
      assert.equal(stream.status, 200);
      assert.match(stream.headers.get('content-type') ?? '', /text\/event-stream/);
      const reader = eventReader(stream);
      // The stream says `ready` once it listens: a notification created before that could go unheard (on
      // PostgreSQL, LISTEN takes a connection of its own and a round trip).
      await reader.next((event) => event.event === 'ready');
      const events = reader.next((event) => event.event === 'notification');

      const created = await server.request<Record<string, any>>('POST', '/callback-requests', {
        body: { relationId: organizationId, personId, phone: '020-1234567', message: 'Wil de offerte bespreken', assigneeId: 'user-bram' },
      });
      assert.equal(created.status, 201);
      assert.equal(created.body.status, 'open');
      assert.equal(created.body.requestedById, 'user-anna');

      const received = (await events).find((event) => event.event === 'notification')!;
      const notification = JSON.parse(received.data);
      assert.equal(notification.callbackRequestId, created.body.id);
      assert.equal(received.id, notification.id);

      const mail = readdirSync(server.backend.outbox).map((name) => readFileSync(join(server.backend.outbox, name), 'utf8'));
      const message = mail.find((text) => text.includes('Wil de offerte bespreken'));
      assert.ok(message, 'an .eml file was written');
      assert.match(message, /^To: .*bram/im);
      assert.match(message, /\r\n/, 'the message has CRLF line ends');

      const listed = await server.request<Page<{ id: string; readAt: string | null }>>('GET', '/notifications?unread=true', { token: 'demo-bram' });
      assert.ok(listed.body.items.some((n) => n.id === notification.id));
      const read = await server.request<{ readAt: string | null }>('POST', `/notifications/${notification.id}/read`, { token: 'demo-bram' });
      assert.ok(read.body.readAt);
      const annaCannot = await server.request('POST', `/notifications/${notification.id}/read`);
      assert.equal(annaCannot.status, 404, "one user's notifications are not another's");

      const mine = await server.request<Page<{ id: string }>>('GET', '/callback-requests?assigneeId=me&status=open', { token: 'demo-bram' });
      assert.ok(mine.body.items.some((r) => r.id === created.body.id));
      const done = await server.request<Record<string, any>>('PATCH', `/callback-requests/${created.body.id}`, {
        token: 'demo-bram', body: { status: 'done' }, headers: { 'If-Match': '"1"' },
      });
      assert.equal(done.body.status, 'done');
      const organizationAsPerson = await server.request('POST', '/callback-requests', {
        body: { relationId: organizationId, personId: organizationId, message: 'x', assigneeId: 'user-bram' },
      });
      assert.equal(organizationAsPerson.status, 422);
      const unknownAssignee = await server.request('POST', '/callback-requests', {
        body: { relationId: organizationId, message: 'x', assigneeId: 'user-olga' },
      });
      assert.equal(unknownAssignee.status, 422, 'a colleague of another tenant cannot be assigned');
      await reader.close();
    });

    test('users, me, modules and documents', async () => {
      const me = await server.request<Record<string, any>>('GET', '/me');
      assert.deepEqual(me.body.tenant.id, 'demo');
      assert.equal(me.body.id, 'user-anna');
      const users = await server.request<Page<{ id: string }>>('GET', '/users');
      assert.deepEqual(users.body.items.map((u) => u.id).sort(), ['user-anna', 'user-bram']);
      const modules = await server.request<Page<{ key: string; name: string }>>('GET', '/modules', { headers: { 'Accept-Language': 'nl' } });
      assert.ok(modules.body.items.some((m) => m.key === 'quotes' && m.name === 'Offertes'));
      const documents = await server.request<Page<{ module: string }>>('GET', `/relations/${organizationId}/documents?module=invoices`);
      assert.equal(documents.status, 200);
      assert.ok(documents.body.items.every((d) => d.module === 'invoices'));
    });
  });
}
