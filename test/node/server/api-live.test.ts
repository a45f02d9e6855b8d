import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readServerSentEvents, type ServerSentEvent } from '../../../src/sdk/sse.js';
import { startServer, storages, type TestServer } from './harness.js';

/** An open event stream of one user, read event by event. */
async function openStream(server: TestServer, token: string) {
  const response = await fetch(`${server.baseUrl}/notifications/stream`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(response.status, 200);
  const iterator = readServerSentEvents(response.body!)[Symbol.asyncIterator]();
  const seen: ServerSentEvent[] = [];
  const reader = {
    seen,
    /** Resolves with the first event (from now on) that `matches`, or rejects after `ms`. */
    async next(matches: (event: ServerSentEvent) => boolean, ms = 5000): Promise<ServerSentEvent> {
      const deadline = setTimeout(() => void iterator.return?.(undefined), ms);
      try {
        for (let step = await iterator.next(); !step.done; step = await iterator.next()) {
          seen.push(step.value);
          if (matches(step.value)) return step.value;
        }
        throw new Error(`no matching event within ${ms} ms; saw ${seen.map((e) => e.event).join(', ')}`);
      } finally {
        clearTimeout(deadline);
      }
    },
    close: () => iterator.return?.(undefined),
  };
  await reader.next((event) => event.event === 'ready');
  seen.length = 0;
  return reader;
}

const named = (name: string) => (event: ServerSentEvent) => event.event === name;

for (const storage of storages) {
  describe(`reference backend on ${storage.name}: announcing changes on the event stream`, { skip: storage.skip }, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer({ databaseUrl: storage.url, relations: 20 });
    });
    after(() => server.close());

    test("a colleague's committed write is announced to the tenant's streams, and only there", async () => {
      const anna = await openStream(server, 'demo-anna');
      const olga = await openStream(server, 'acme-olga');
      await server.request('POST', '/relations', { token: 'demo-bram', body: { kind: 'organization', organization: { name: 'Aangekondigd' } } });
      await anna.next(named('changes'));
      // The announcement means: pull. The feed then has the colleague's relation.
      const feed = await server.request<{ items: { data: { displayName?: string } | null }[] }>('GET', '/changes?since=0&limit=5000');
      assert.ok(feed.body.items.some((item) => item.data?.displayName === 'Aangekondigd'));

      // Another tenant hears nothing of it: its stream's next event is its own tenant's write.
      await server.request('POST', '/relations', { token: 'acme-olga', body: { kind: 'person', person: { lastName: 'Acme' } } });
      await olga.next(named('changes'));
      assert.deepEqual(olga.seen.map((event) => event.event), ['changes'], 'one announcement, of its own tenant');
      await Promise.all([anna.close(), olga.close()]);
    });

    test("marking notifications read is announced to that user's other streams only, as `notifications`", async () => {
      const relationId = (await server.request<{ items: { id: string }[] }>('GET', '/relations?limit=1')).body.items[0]!.id;
      await server.request('POST', '/callback-requests', { token: 'demo-bram', body: { relationId, message: 'Terugbellen', assigneeId: 'user-anna' } });
      // Two devices of anna's, and a colleague.
      const laptop = await openStream(server, 'demo-anna');
      const phone = await openStream(server, 'demo-anna');
      const bram = await openStream(server, 'demo-bram');
      const read = await server.request<{ read: number }>('POST', '/notifications/read', { token: 'demo-anna' });
      assert.ok(read.body.read > 0, 'anna had unread notifications');
      await Promise.all([laptop.next(named('notifications')), phone.next(named('notifications'))]);
      // Bram's next event is his own write's announcement: anna's read state is none of his stream's business.
      await server.request('POST', '/relations', { token: 'demo-bram', body: { kind: 'organization', organization: { name: 'Na het lezen' } } });
      await bram.next(named('changes'));
      assert.ok(!bram.seen.some(named('notifications')), "a colleague's stream does not hear it");
      await Promise.all([laptop.close(), phone.close(), bram.close()]);
    });

    test('a write that fails announces nothing; a callback request announces `callbacks`', async () => {
      const bram = await openStream(server, 'demo-bram');
      const rejected = await server.request('POST', '/relations', { body: { kind: 'organization', organization: { name: '' } } });
      assert.equal(rejected.status, 422);
      const relationId = (await server.request<{ items: { id: string }[] }>('GET', '/relations?limit=1')).body.items[0]!.id;
      await server.request('POST', '/callback-requests', { body: { relationId, message: 'Bel even', assigneeId: 'user-bram' } });
      await bram.next(named('callbacks'));
      assert.ok(!bram.seen.some(named('changes')), 'the rejected write was not announced');
      assert.ok(bram.seen.some(named('notification')), 'the assignee is notified as well');
      await bram.close();
    });
  });
}

describe('two instances of the reference backend on one PostgreSQL', { skip: storages[1]!.skip }, () => {
  let first: TestServer;
  let second: TestServer;
  before(async () => {
    first = await startServer({ databaseUrl: storages[1]!.url, relations: 20 });
    second = await startServer({ databaseUrl: storages[1]!.url, relations: 20, join: true });
  });
  after(async () => {
    await second?.close();
    await first?.close();
  });

  test('a write on one instance is announced on the streams of the other, and notifications follow their user', async () => {
    const anna = await openStream(first, 'demo-anna');
    const bram = await openStream(first, 'demo-bram');
    await second.request('POST', '/relations', { token: 'demo-bram', body: { kind: 'person', person: { lastName: 'Elders' } } });
    await anna.next(named('changes'));
    const relationId = (await second.request<{ items: { id: string }[] }>('GET', '/relations?limit=1')).body.items[0]!.id;
    const created = await second.request<{ id: string }>('POST', '/callback-requests', {
      body: { relationId, message: 'Via de andere instantie', assigneeId: 'user-bram' },
    });
    const notification = await bram.next(named('notification'));
    assert.equal(JSON.parse(notification.data).callbackRequestId, created.body.id);
    await Promise.all([anna.close(), bram.close()]);
  });
});
