import { expect } from '@open-wc/testing';
import { relationStatuses } from '../../../src/contract/index.js';
import { NetworkError, type RelationsClient } from '../../../src/sdk/index.js';
import { RelationsStore } from '../../../src/store/index.js';
import { clientFor, faultyNetwork, listedIds } from '../backend.js';

const all = { status: [...relationStatuses] };

/** Every relation `client`'s user may see, by id, as the backend lists them. */
function idsOnServer(client: RelationsClient): Promise<string[]> {
  return listedIds(client, all);
}

async function idsInStore(store: RelationsStore): Promise<string[]> {
  return (await store.selectRelations(all)).ids();
}

/** Opens the store as a provider does: the client and the token source it reads its token from. */
async function open(token: string, fetcher?: typeof fetch): Promise<RelationsStore> {
  return RelationsStore.open(await clientFor(token, fetcher ? { fetch: fetcher } : {}), { getToken: () => token });
}

async function failure(opening: Promise<RelationsStore>): Promise<unknown> {
  try {
    (await opening).close();
  } catch (error) {
    return error;
  }
  throw new Error('the store opened');
}

describe('RelationsStore opened without the network, with users of two tenants on one browser', () => {
  const opened: RelationsStore[] = [];
  const keep = (store: RelationsStore) => (opened.push(store), store);
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.signOut().catch(() => undefined);
  });

  it('opens a cached partition only for the sign-in it belongs to', async () => {
    const annaOnServer = await idsOnServer(await clientFor('demo-anna'));
    const olgaOnServer = await idsOnServer(await clientFor('acme-olga'));
    expect(annaOnServer.length).to.be.greaterThan(0);
    expect(olgaOnServer.length).to.be.greaterThan(0);
    expect(olgaOnServer.filter((id) => annaOnServer.includes(id))).to.deep.equal([], 'the tenants share nothing');

    // From a browser where olga is not signed in: test files before this one may have left her signed in.
    await (await open('acme-olga')).signOut();
    const anna = keep(await open('demo-anna'));
    await anna.sync();
    anna.close();

    const network = faultyNetwork();
    network.plan.offline = true;
    const refused = await failure(open('acme-olga', network.fetch));
    expect(refused, 'olga offline gets the offline state, not a store').to.be.instanceOf(NetworkError);

    const annaOffline = keep(await open('demo-anna', network.fetch));
    expect(annaOffline.me.id).to.equal('user-anna');
    expect(await idsInStore(annaOffline)).to.have.members(annaOnServer);
    annaOffline.close();

    const olga = keep(await open('acme-olga'));
    await olga.sync();
    expect(olga.me.tenant.id).to.equal('acme');
    expect(await idsInStore(olga)).to.have.members(olgaOnServer);
  });

  it('forgets the sign-in on signOut: the same token no longer opens anything offline', async () => {
    const anna = await open('demo-anna');
    await anna.sync();
    await anna.signOut();
    const network = faultyNetwork();
    network.plan.offline = true;
    expect(await failure(open('demo-anna', network.fetch))).to.be.instanceOf(NetworkError);
  });

  it('does not open offline for another token of the same backend, nor without a token source', async () => {
    await (await open('demo-bram')).signOut();
    keep(await open('demo-anna')).close();
    const network = faultyNetwork();
    network.plan.offline = true;
    expect(await failure(open('demo-bram', network.fetch))).to.be.instanceOf(NetworkError);
    const noTokenSource = RelationsStore.open(await clientFor('demo-anna', { fetch: network.fetch }));
    expect(await failure(noTokenSource)).to.be.instanceOf(NetworkError);
  });
});

describe('RelationsStore opened while getMe travels', () => {
  const opened: RelationsStore[] = [];
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.signOut().catch(() => undefined);
  });

  /** A fetch whose answer to GET /me is held until `release` and may be replaced by another user's. */
  function heldMe(answer?: () => Promise<Response>) {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const sent: string[] = [];
    const fetcher: typeof fetch = async (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      const path = new URL(request.url).pathname;
      sent.push(path);
      if (!path.endsWith('/me')) return fetch(request);
      await released;
      return answer ? answer() : fetch(request);
    };
    return { fetcher, release, sent };
  }

  it('is ready with the first screenful read ahead once getMe confirms the user who signed in here before', async () => {
    const client = await clientFor('demo-anna');
    const warm = await open('demo-anna');
    opened.push(warm);
    await warm.sync();
    warm.close();
    const held = heldMe();
    const opening = open('demo-anna', held.fetcher);
    let ready = false;
    void opening.then(() => (ready = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ready, 'no store before getMe answers').to.equal(false);
    expect(held.sent.filter((path) => !path.endsWith('/me')), 'nothing else is asked before getMe answers').to.deep.equal([]);
    held.release();
    const store = await opening;
    opened.push(store);
    const expected = (await client.listRelations({ status: ['active'], sort: 'name', limit: 40 })).items.map((r) => r.id);
    expect((await store.firstRelations(40)).map((r) => r.id)).to.deep.equal(expected);
  });

  it("opens the cache of the user getMe names, and lets go of the one read ahead for the token's earlier user", async () => {
    const warm = await open('demo-anna');
    await warm.sync();
    const annaPartition = warm.name;
    warm.close();
    // The same token now belongs to olga (a host that reuses token strings): getMe names her.
    const olgaMe = await (await clientFor('acme-olga')).getMe();
    const held = heldMe(async () => new Response(JSON.stringify(olgaMe), { status: 200, headers: { 'Content-Type': 'application/json' } }));
    const opening = open('demo-anna', held.fetcher);
    await new Promise((resolve) => setTimeout(resolve, 300));
    held.release();
    const store = await opening;
    opened.push(store);
    expect(store.me.id).to.equal(olgaMe.id);
    expect(store.name).to.not.equal(annaPartition);
    const annaIds = await idsOnServer(await clientFor('demo-anna'));
    expect((await store.firstRelations(40)).filter((r) => annaIds.includes(r.id)), "none of anna's rows").to.deep.equal([]);
    // Anna's cache was closed unread: deleting it is not blocked by a connection left open.
    const blocked = await new Promise<boolean>((resolve) => {
      const deleting = indexedDB.deleteDatabase(annaPartition);
      deleting.onblocked = () => resolve(true);
      deleting.onsuccess = () => resolve(false);
      deleting.onerror = () => resolve(true);
    });
    expect(blocked, "anna's early-opened cache is closed").to.equal(false);
  });
});
