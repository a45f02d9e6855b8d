import { expect } from '@open-wc/testing';
import type { Notification } from '../../../src/contract/index.js';
import type { RelationsClient } from '../../../src/sdk/index.js';
import { RelationsStore } from '../../../src/store/index.js';
import { clientFor } from '../backend.js';
import { freshBrowser, until } from '../fixtures.js';

const stores: RelationsStore[] = [];
const streamPath = '/notifications/stream';

/**
 * A fetch that counts the event streams it opens, can cut the open ones (a dropped connection), and can
 * refuse them (a proxy that blocks server-sent events). Everything else goes through untouched.
 */
function streamControl() {
  const control = {
    opened: [] as Headers[],
    block: false,
    cuts: [] as Array<() => void>,
    cut() {
      control.cuts.splice(0).forEach((cut) => cut());
    },
    fetch: (async (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      if (!new URL(request.url).pathname.endsWith(streamPath)) return fetch(request);
      control.opened.push(request.headers);
      if (control.block) return new Response('blocked by policy', { status: 403 });
      const response = await fetch(request);
      const reader = response.body!.getReader();
      let cut!: () => void;
      const ended = new Promise<void>((resolve) => (cut = resolve));
      control.cuts.push(cut);
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const next = await Promise.race([reader.read(), ended.then(() => 'cut' as const)]);
          if (next === 'cut') {
            await reader.cancel();
            controller.error(new TypeError('network error (cut by the test)'));
          } else if (next.done) controller.close();
          else controller.enqueue(next.value);
        },
        cancel: () => reader.cancel(),
      });
      return new Response(body, { status: response.status, headers: response.headers });
    }) as typeof fetch,
  };
  return control;
}

async function openStore(token: string, fetcher?: typeof fetch): Promise<RelationsStore> {
  const store = await RelationsStore.open(await clientFor(token, fetcher ? { fetch: fetcher } : {}), { getToken: () => token });
  stores.push(store);
  return store;
}

function nextNotification(store: RelationsStore): Promise<Notification> {
  return new Promise((resolve) => {
    const listener = (event: CustomEvent<{ notification: Notification | null }>) => {
      if (!event.detail.notification) return;
      store.removeEventListener('notification', listener);
      resolve(event.detail.notification);
    };
    store.addEventListener('notification', listener);
  });
}

async function matches(store: RelationsStore, q: string): Promise<number> {
  return (await store.queryRelations({ q, status: ['lead', 'active', 'archived'] })).total;
}

describe('RelationsStore live: colleagues and notifications', function () {
  this.timeout(60_000);
  let anna: RelationsClient;
  let bram: RelationsClient;
  before(async () => {
    await freshBrowser();
    anna = await clientFor('demo-anna');
    bram = await clientFor('demo-bram');
  });
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.signOut().catch(() => undefined);
  });

  it("shows a colleague's new relation within 2 seconds, over one stream per browser that another tab takes over", async () => {
    const control = streamControl();
    const first = await openStore('demo-anna', control.fetch);
    const second = await openStore('demo-anna', control.fetch);
    await first.sync();
    first.connect();
    second.connect();
    await until(() => first.status.live === 'stream' || second.status.live === 'stream', 'a tab streams');
    // Give a second stream every chance to open: there must not be one.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(control.opened.length).to.equal(1, 'one stream for two tabs of one user');
    const [leader, follower] = first.status.live === 'stream' ? [first, second] : [second, first];
    expect(follower.status.live).to.equal('off');

    const name = `Live ${Date.now().toString(36)}`;
    const heard = new Promise<void>((resolve) => {
      follower.addEventListener('change', async () => {
        if ((await matches(follower, name)) === 1) resolve();
      });
    });
    await bram.createRelation({ body: { kind: 'organization', organization: { name } } });
    await until(async () => (await matches(leader, name)) === 1, "the colleague's relation in the leading tab", 2000);
    await heard;

    // The leading tab closes: the other one opens the stream and hears the next change.
    leader.close();
    await until(() => follower.status.live === 'stream', 'the other tab takes the stream over');
    expect(control.opened.length).to.equal(2);
    const later = `${name} later`;
    await bram.createRelation({ body: { kind: 'person', person: { lastName: later } } });
    await until(async () => (await matches(follower, later)) === 1, 'the next change in the tab that took over', 2000);
  });

  it('reconnects a dropped stream with Last-Event-ID and misses no notification sent while it was down', async () => {
    const control = streamControl();
    const store = await openStore('demo-bram', control.fetch);
    store.connect();
    await until(() => store.status.live === 'stream', 'streaming');
    const relationId = (await anna.listRelations({ limit: 1 })).items[0]!.id;
    const users = (await anna.listUsers()).items;
    const bramId = users.find((user) => user.email.startsWith('bram'))!.id;

    const first = nextNotification(store);
    const request = await anna.createCallbackRequest({ body: { relationId, assigneeId: bramId, message: `Eerste ${Date.now()}` } });
    const heard = await first;
    expect(heard.callbackRequestId).to.equal(request.id);

    control.cut();
    await until(() => store.status.live === 'polling', 'the drop noticed');
    const missedMessage = `Tijdens de storing ${Date.now()}`;
    const second = nextNotification(store);
    const missed = await anna.createCallbackRequest({ body: { relationId, assigneeId: bramId, message: missedMessage } });
    const replayed = await second;
    expect(replayed.callbackRequestId).to.equal(missed.id);
    expect(control.opened.at(-1)!.get('Last-Event-ID')).to.equal(heard.id, 'reconnected from the last notification heard');
    // The server's own list agrees: it is unread and it is the one bram got.
    const unread = (await bram.listNotifications({ unread: 'true', limit: 100 })).items.map((n) => n.id);
    expect(unread).to.include(replayed.id);
  });

  it('falls back to polling where the stream is refused, and still shows changes and notifications', async () => {
    const control = streamControl();
    control.block = true;
    const store = await openStore('demo-bram', control.fetch);
    await store.sync();
    store.connect();
    await until(() => store.status.live === 'polling', 'polling');
    const name = `Gepeild ${Date.now().toString(36)}`;
    await anna.createRelation({ body: { kind: 'organization', organization: { name } } });
    await until(async () => (await matches(store, name)) === 1, "the colleague's relation by polling", 12_000);
    expect(store.status.live).to.equal('polling');

    const relationId = (await anna.listRelations({ limit: 1 })).items[0]!.id;
    const bramId = (await anna.listUsers()).items.find((user) => user.email.startsWith('bram'))!.id;
    const notified = nextNotification(store);
    const request = await anna.createCallbackRequest({ body: { relationId, assigneeId: bramId, message: 'Graag terugbellen' } });
    expect((await notified).callbackRequestId).to.equal(request.id);
  });

  it('keeps the unread count right in every tab: reading in one tab tells the others', async () => {
    const first = await openStore('demo-bram');
    const second = await openStore('demo-bram');
    const relationId = (await anna.listRelations({ limit: 1 })).items[0]!.id;
    const bramId = (await anna.listUsers()).items.find((user) => user.email.startsWith('bram'))!.id;
    const request = await anna.createCallbackRequest({ body: { relationId, assigneeId: bramId, message: 'Tel mee' } });
    const inbox = await first.inbox();
    const notification = inbox.items.find((n) => n.callbackRequestId === request.id)!;
    expect(notification.readAt).to.equal(null);

    const told = new Promise<void>((resolve) => second.addEventListener('notification', () => resolve(), { once: true }));
    await first.readNotification(notification.id);
    await told;
    const seen = await second.inbox();
    expect(seen.items.find((n) => n.id === notification.id)!.readAt).to.be.a('string');
    // The count is the server's: the same as its own list of unread ones.
    expect(seen.unread).to.equal((await bram.listNotifications({ unread: 'true', limit: 100 })).items.length);
  });
});
