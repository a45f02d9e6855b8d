import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import type { Address, Relation } from '../../../src/contract/index.js';
import type { RelationsClient } from '../../../src/sdk/index.js';
import { addressesOfRelations, addressStores } from '../../../src/store/address-blocks.js';
import { deleteCache, openCache } from '../../../src/store/cache.js';
import { RelationsStore } from '../../../src/store/index.js';
import { logRelations, readFirstScreen, readRelations, relationStores } from '../../../src/store/relation-blocks.js';
import { clientFor, faultyNetwork } from '../backend.js';
import { freshBrowser, until } from '../fixtures.js';

const stores: RelationsStore[] = [];

async function openStore(token = 'demo-anna', fetcher?: typeof fetch): Promise<RelationsStore> {
  const store = await RelationsStore.open(await clientFor(token, fetcher ? { fetch: fetcher } : {}), { getToken: () => token });
  stores.push(store);
  return store;
}

async function serverSearch(client: RelationsClient, q: string): Promise<Relation[]> {
  return (await client.listRelations({ q, status: ['lead', 'active', 'archived'], limit: 100 })).items;
}

describe('RelationsStore', () => {
  let server: RelationsClient;
  before(async () => {
    await freshBrowser();
    server = await clientFor('demo-bram');
  });
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.signOut().catch(() => undefined);
  });

  it('fills the cache on the first sync with progress, then answers from it, and revalidates with one small request', async () => {
    const network = faultyNetwork();
    const store = await openStore('demo-anna', network.fetch);
    const progress: { received: number; total: number }[] = [];
    store.addEventListener('status', () => store.status.progress && progress.push(store.status.progress));
    expect(await store.isComplete()).to.equal(false);
    await store.sync();
    expect(await store.isComplete()).to.equal(true);
    expect(progress.length).to.be.greaterThan(0);
    expect(progress.at(-1)!.received).to.equal(progress.at(-1)!.total);

    const fromServer = await server.listRelations({ limit: 500 });
    const fromCache = await store.queryRelations({ limit: 500 });
    expect(fromCache.total).to.equal(fromServer.items.length);
    expect(fromCache.items.map((r) => r.id)).to.have.members(fromServer.items.map((r) => r.id));
    expect(fromCache.items[0]).not.to.have.property('sortName');

    network.plan.sent.length = 0;
    await store.sync();
    expect(network.plan.sent).to.deep.equal(['GET /api/v1/changes']);
  });

  it('reads a feed of many pages with the next one already on its way, its progress counting to the exact total', async () => {
    // The real backend, asked for pages of 100 so this feed of a few hundred entries takes several.
    const log: string[] = [];
    const smallPages: typeof fetch = (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      const url = new URL(request.url);
      if (!url.pathname.endsWith('/changes')) return fetch(request);
      url.searchParams.set('limit', '100');
      log.push(`request since ${url.searchParams.get('since')}`);
      return fetch(new Request(url, request));
    };
    const store = await openStore('demo-anna', smallPages);
    const progress: { received: number; total: number }[] = [];
    store.addEventListener('status', () => {
      const now = store.status.progress;
      if (now && now.received !== progress.at(-1)?.received) {
        progress.push(now);
        log.push(`applied ${now.received}`);
      }
    });
    await store.sync();

    expect(progress.length).to.be.greaterThan(2);
    // The backend's remaining is exact: every page's total is the whole feed.
    const total = progress.at(-1)!.received;
    expect(progress.map((p) => p.total)).to.deep.equal(progress.map(() => total));
    // The second page was asked for before the first was applied, and so on; never more than three pages in
    // flight (one indexed, one written, one travelling), so a slow sync does not pile up pages in memory.
    expect(log.indexOf('request since 0')).to.equal(0);
    expect(log[1]).to.match(/^request since [1-9]/, log.join('\n'));
    let requested = 0;
    let applied = 0;
    for (const line of log) {
      if (line.startsWith('request')) requested++;
      else applied++;
      expect(requested - applied, log.join('\n')).to.be.at.most(3);
    }
    expect(log.indexOf('applied 100')).to.be.greaterThan(1);
    const fromServer = await server.listRelations({ limit: 500 });
    expect((await store.queryRelations({ limit: 500 })).total).to.equal(fromServer.items.length);
  });

  it("answers lists with the backend's first page until a first sync completes, and from the cache when it cannot", async () => {
    const network = faultyNetwork();
    const store = await openStore('demo-anna', network.fetch);
    const query = { q: 'B.V.', status: ['active' as const], sort: '-name' as const };
    const firstPage = (await (await clientFor('demo-anna')).listRelations({ ...query, limit: 200 })).items.map((r) => r.id);
    expect(firstPage.length).to.be.greaterThan(0);

    const before = await store.selectRelations(query);
    expect(before.partial).to.equal(true);
    expect(before.ids()).to.deep.equal(firstPage);
    expect(before.total).to.equal(firstPage.length);

    network.plan.offline = true;
    const offline = await store.selectRelations(query);
    expect([offline.partial, offline.total]).to.deep.equal([false, 0], 'offline before any sync: the empty cache');

    network.plan.offline = false;
    await store.sync();
    const after = await store.selectRelations(query);
    expect(after.partial).to.equal(false);
    expect(after.ids().slice(0, firstPage.length)).to.deep.equal(firstPage, 'the cache lists them in the same order');
  });

  it('paints the first screenful as the backend lists it, from the first screen the cache keeps and from every relation', async () => {
    const store = await openStore('demo-anna');
    await store.sync();
    // The overview's first view: active relations by name, from the backend as the oracle.
    const expected = (await (await clientFor('demo-anna')).listRelations({ status: ['active'], sort: 'name', limit: 60 })).items.map((r) => r.id);
    expect((await store.firstRelations(60)).map((r) => r.id)).to.deep.equal(expected);
    const cache = await openCache(store.name, () => undefined);
    try {
      expect((await readFirstScreen(cache, 60))?.map((r) => r.id), 'the kept first screen').to.deep.equal(expected);
      // Without it (a cache a sync never folded), a store opened on it answers from every relation instead.
      await cache.delete('meta', 'firstScreen');
    } finally {
      cache.close();
    }
    const reopened = await openStore('demo-anna');
    expect((await reopened.firstRelations(60)).map((r) => r.id), 'from every relation').to.deep.equal(expected);
  });

  it('finds a relation the cache holds before its index has heard of it', async () => {
    const store = await openStore('demo-anna');
    await store.sync();
    const [template] = (await store.queryRelations({ limit: 1 })).items;
    // Written to the cache as another tab, or the outbox accepting a create, writes it: the index of this
    // store is told only afterwards.
    const written = { ...template!, id: `zz-written-elsewhere-${Date.now()}`, displayName: 'Elders geschreven' };
    const cache = await openCache(store.name, () => undefined);
    try {
      const tx = cache.transaction(relationStores, 'readwrite');
      await Promise.all([logRelations(tx, { put: [{ ...written, sortName: 'elders geschreven' }], deleted: [] }), tx.done]);
    } finally {
      cache.close();
    }
    expect(await store.getRelation(written.id)).to.deep.equal(written);
  });

  it('moves a cache of a record per relation and per address into blocks, re-keying names the first version sorted by lower case only', async () => {
    const name = `relation-elements:test-upgrade:${Date.now()}`;
    const relations = (await server.listRelations({ status: ['active'], sort: 'name', limit: 30 })).items;
    const [relation] = relations;
    const mueller = { ...relation!, person: { ...relation!.person!, lastName: 'Müller', initials: 'J.' }, sortName: 'müller j.' };
    // Two of these relations that have addresses, as the backend has them: the oracle of what the blocks must
    // give back per relation.
    const owners: string[] = [];
    const addresses: Address[][] = [];
    for (const { id } of relations) {
      const own = (await server.listAddresses({ id })).items;
      if (own.length) {
        owners.push(id);
        addresses.push(own);
      }
      if (owners.length === 2) break;
    }
    expect(owners.length, 'relations with addresses to move').to.equal(2);
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('relations', { keyPath: 'id' }).createIndex('sortName', 'sortName');
        db.createObjectStore('addresses', { keyPath: 'id' }).createIndex('relationId', 'relationId');
        db.createObjectStore('meta');
      },
    });
    for (const row of [mueller, ...relations.slice(1)]) await v1.put('relations', { ...row, sortName: row.displayName.toLowerCase() });
    for (const address of addresses.flat()) await v1.put('addresses', address);
    v1.close();
    const cache = await openCache(name, () => undefined);
    try {
      expect((cache.objectStoreNames as DOMStringList).contains('relations'), 'the old store is gone').to.equal(false);
      const moved = await readRelations(cache.transaction(relationStores), relations.map((r) => r.id));
      expect(moved.map((r) => r?.id)).to.deep.equal(relations.map((r) => r.id), 'every relation, found by id');
      expect(moved[0]?.sortName).to.equal('muller j.', 'as the server sorts "Müller"');
      expect((await readFirstScreen(cache, 30))?.length, 'a first screen made from them').to.equal(30);
      expect((cache.objectStoreNames as DOMStringList).contains('addresses'), 'the old address store is gone').to.equal(false);
      const byId = (list: readonly { id: string }[]) => list.map((a) => a.id).sort();
      const movedAddresses = await addressesOfRelations(cache.transaction(addressStores), owners);
      expect(movedAddresses.map(byId), 'each relation keeps its own addresses').to.deep.equal(addresses.map(byId));
    } finally {
      cache.close();
      await deleteCache(name);
    }
  });

  it('keeps each user in their own cache and deletes it on signOut', async () => {
    const anna = await openStore('demo-anna');
    const olga = await openStore('acme-olga');
    expect(anna.name).not.to.equal(olga.name);
    await Promise.all([anna.sync(), olga.sync()]);
    const annaIds = new Set((await anna.queryRelations({ limit: 1000 })).items.map((r) => r.id));
    const olgaItems = (await olga.queryRelations({ limit: 1000 })).items;
    expect(olgaItems.length).to.be.greaterThan(0);
    expect(olgaItems.some((r) => annaIds.has(r.id))).to.equal(false);
    await anna.signOut();
    stores.splice(stores.indexOf(anna), 1);
    const databases = await indexedDB.databases();
    expect(databases.map((d) => d.name)).not.to.include(anna.name);
    expect(databases.map((d) => d.name)).to.include(olga.name);
  });

  it('shows a write made offline at once, keeps it across a reload, and sends it exactly once when back online', async () => {
    const network = faultyNetwork();
    network.plan.offline = true;
    let store = await openStore('demo-anna', network.fetch).catch(async () => {
      // the very first open needs the user once; afterwards it opens offline from memory
      network.plan.offline = false;
      const s = await openStore('demo-anna', network.fetch);
      network.plan.offline = true;
      return s;
    });
    const { id } = await store.write('createRelation', { body: { kind: 'organization', organization: { name: 'Offline Opgeslagen B.V.' } } });
    expect(id).to.match(/^local-/);
    expect((await store.getRelation(id!))?.displayName).to.equal('Offline Opgeslagen B.V.');
    await until(() => store.status.online === false, 'the store to notice it is offline');
    expect(store.status.pending).to.equal(1);

    store.close();
    stores.splice(stores.indexOf(store), 1);
    store = await openStore('demo-anna', network.fetch);
    expect((await store.outbox()).length).to.equal(1, 'the write survived closing the store');
    expect((await store.getRelation(id!))?.displayName).to.equal('Offline Opgeslagen B.V.');

    network.plan.offline = false;
    await store.revalidate();
    await until(async () => (await store.outbox()).length === 0, 'the outbox to drain');
    const onServer = await serverSearch(server, 'Offline Opgeslagen');
    expect(onServer).to.have.length(1);
    expect(await store.resolveId(id!)).to.equal(onServer[0]!.id, 'the provisional entity made way for the real one');
    expect((await store.getRelation(id!))?.number).to.equal(onServer[0]!.number, 'the local id still finds it');
    const all = (await store.queryRelations({ q: 'Offline Opgeslagen' })).items;
    expect(all.map((r) => r.id)).to.deep.equal([onServer[0]!.id], 'listed once, under its real id');
  });

  it('finds a new relation by its local id at every moment, also while the backend accepts it', async () => {
    const store = await openStore('demo-anna');
    const { id } = await store.write('createRelation', { body: { kind: 'person', person: { lastName: 'Altijdvindbaar' } } });
    // Readers in a loop until after the outbox drained: the acceptance swaps the local record for the backend's.
    let accepted = false;
    let reads = 0;
    const misses: number[] = [];
    const reader = async () => {
      for (let after = 0; after < 10 && reads < 20000; reads++) {
        if ((await store.getRelation(id!))?.person?.lastName !== 'Altijdvindbaar') misses.push(reads);
        if (accepted) after++;
      }
    };
    const watcher = async () => {
      while (!accepted && reads < 20000) accepted = (await store.resolveId(id!)) !== id;
    };
    await Promise.all([reader(), reader(), reader(), watcher()]);
    expect(accepted, 'the backend accepted the create').to.equal(true);
    expect(misses, 'reads that found nothing').to.deep.equal([]);
  });

  it('creates exactly once when the answer to a create is lost after the server committed', async () => {
    const network = faultyNetwork();
    const store = await openStore('demo-anna', network.fetch);
    network.plan.next.push('drop-response');
    await store.write('createRelation', { body: { kind: 'person', person: { lastName: 'Verlorenantwoord' } } });
    await until(async () => (await store.outbox()).length === 0, 'the outbox to drain');
    expect(await serverSearch(server, 'Verlorenantwoord')).to.have.length(1);
    expect(network.plan.sent.filter((s) => s === 'POST /api/v1/relations')).to.have.length(2);
  });

  it('takes a lost answer to an update as done, not as a conflict with itself', async () => {
    const created = await server.createRelation({ body: { kind: 'person', person: { lastName: 'Bijwerken' } } });
    const network = faultyNetwork();
    const store = await openStore('demo-anna', network.fetch);
    await store.sync();
    network.plan.next.push('drop-response');
    await store.write('updateRelation', { id: created.id, body: { email: 'bijwerken@example.nl' } });
    await until(async () => (await store.outbox()).length === 0, 'the outbox to drain');
    expect(store.status.conflicts).to.equal(0);
    const onServer = await server.getRelation({ id: created.id });
    expect(onServer.email).to.equal('bijwerken@example.nl');
    expect(onServer.version).to.equal(2);
  });

  it('rides out 500s, 429s and slow answers, sending each write once', async () => {
    const network = faultyNetwork();
    const store = await openStore('demo-anna', network.fetch);
    network.plan.next.push('error-500', 'error-429', 'slow');
    await store.write('createLabel', { body: { name: `Storm ${Date.now()}`, color: '#123456' } });
    await until(async () => (await store.outbox()).length === 0, 'the outbox to drain', 10000);
    const labels = await server.listLabels();
    expect(labels.items.filter((l) => l.name.startsWith('Storm ')).length).to.equal(1);
  });

  it('turns a stale edit into a conflict with both versions, and resolves it as the user chooses', async () => {
    const created = await server.createRelation({ body: { kind: 'organization', organization: { name: 'Conflict B.V.' } } });
    const network = faultyNetwork();
    const store = await openStore('demo-anna', network.fetch);
    await store.sync();
    network.plan.offline = true;
    await store.write('updateRelation', { id: created.id, body: { email: 'anna@conflict.nl' } });
    await server.updateRelation({ id: created.id, ifMatch: 1, body: { email: 'bram@conflict.nl', phone: '030-1234567' } });
    network.plan.offline = false;
    await store.flush();
    expect(store.status.conflicts).to.equal(1);
    const [entry] = await store.outbox();
    expect(entry!.state).to.equal('conflict');
    expect((entry!.current as Relation).email).to.equal('bram@conflict.nl');
    expect((await store.getRelation(created.id))?.email).to.equal('anna@conflict.nl', 'what the user typed stays on screen');

    await store.resolveConflict(entry!.seq!, 'mine');
    await until(async () => (await store.outbox()).length === 0, 'the resolved write to be sent');
    const onServer = await server.getRelation({ id: created.id });
    expect(onServer.email).to.equal('anna@conflict.nl');
    expect(onServer.phone).to.equal('030-1234567', "their other change is kept");
  });

  it('keeps a rejected write visible with its field errors until it is corrected or discarded', async () => {
    const created = await server.createRelation({ body: { kind: 'organization', organization: { name: 'Afgewezen B.V.' } } });
    const store = await openStore('demo-anna');
    await store.sync();
    await store.write('updateRelation', { id: created.id, body: { organization: { kvkNumber: '123' } } });
    await until(() => store.status.rejected === 1, 'the rejection');
    const [entry] = await store.outbox();
    expect(entry!.error?.fieldErrors.map((f) => f.path)).to.deep.equal(['organization.kvkNumber']);
    expect((await store.getRelation(created.id))?.organization?.kvkNumber).to.equal('123');

    await store.retry(entry!.seq!, { id: created.id, body: { organization: { kvkNumber: '87654321' } } });
    await until(async () => (await store.outbox()).length === 0, 'the corrected write');
    expect((await server.getRelation({ id: created.id })).organization?.kvkNumber).to.equal('87654321');

    await store.write('updateRelation', { id: created.id, body: { email: 'geen-email' } });
    await until(() => store.status.rejected === 1, 'the second rejection');
    const [second] = await store.outbox();
    await store.discard(second!.seq!);
    expect((await store.getRelation(created.id))?.email).to.equal(null, 'discarding puts back what was there');
    expect(await store.outbox()).to.have.length(0);
  });

  it('sends writes made against a relation created offline to the real relation once it exists', async () => {
    const network = faultyNetwork();
    const store = await openStore('demo-anna', network.fetch);
    network.plan.offline = true;
    const { id } = await store.write('createRelation', { body: { kind: 'organization', organization: { name: 'Ketting B.V.' } } });
    await store.write('createAddress', { id: id!, body: { purposes: ['visiting'], street: 'Dorpsstraat', houseNumber: '1', postalCode: '1234AB', city: 'Ede' } });
    await store.write('updateRelation', { id: id!, body: { email: 'info@ketting.nl' } });
    expect((await store.addressesOf(id!))).to.have.length(1);
    network.plan.offline = false;
    await store.flush();
    await until(async () => (await store.outbox()).length === 0, 'the chain to be sent');
    const [relation] = await serverSearch(server, 'Ketting B.V.');
    expect(relation?.email).to.equal('info@ketting.nl');
    expect(relation?.city).to.equal('Ede');
    expect((await server.listAddresses({ id: relation!.id })).items).to.have.length(1);
  });

  it('tells other tabs within a second, and lets one tab sync at a time, the other waiting its turn', async () => {
    const first = await openStore('demo-anna');
    const second = await RelationsStore.open(await clientFor('demo-anna'));
    stores.push(second);
    await first.sync();
    // The first tab's sync may still be telling that it completed (relations changed): wait for the label.
    const heard = new Promise<void>((resolve) => {
      const hear = (event: CustomEvent<{ entities: string[] }>) => {
        if (!event.detail.entities.includes('label')) return;
        second.removeEventListener('change', hear);
        resolve();
      };
      second.addEventListener('change', hear);
    });
    const started = performance.now();
    await first.write('createLabel', { body: { name: `Tab ${Date.now()}`, color: '#abcdef' } });
    await heard;
    expect(performance.now() - started).to.be.lessThan(1000);

    // One pull at a time: the second tab waits for the first one's (slow) pull, then asks only for what came
    // after it, since that pull may have passed a change made after the second tab asked.
    const requests: string[] = [];
    const counting = faultyNetwork();
    const tab = (name: string): typeof fetch => async (i, o) => {
      requests.push(`${name} asks`);
      try {
        return await counting.fetch(i, o);
      } finally {
        requests.push(`${name} answered`);
      }
    };
    const a = await RelationsStore.open(await clientFor('demo-anna', { fetch: tab('a') }));
    const b = await RelationsStore.open(await clientFor('demo-anna', { fetch: tab('b') }));
    stores.push(a, b);
    counting.plan.next.push('slow');
    requests.length = 0;
    await Promise.all([a.sync(), b.sync()]);
    const [firstTab, , secondTab] = requests.map((step) => step[0]);
    expect(requests).to.deep.equal([`${firstTab} asks`, `${firstTab} answered`, `${secondTab} asks`, `${secondTab} answered`]);
    expect(secondTab).to.not.equal(firstTab);
  });
});
