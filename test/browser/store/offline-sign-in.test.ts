import { expect } from '@open-wc/testing';
import { relationStatuses } from '../../../src/contract/index.js';
import { NetworkError, type RelationsClient } from '../../../src/sdk/index.js';
import { RelationsStore } from '../../../src/store/index.js';
import { clientFor, faultyNetwork } from '../backend.js';

const all = { status: [...relationStatuses] };

/** Every relation `client`'s user may see, by id, as the backend lists them. */
async function idsOnServer(client: RelationsClient): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of client.pages('listRelations', { ...all, limit: 500 })) ids.push(...page.items.map((r) => r.id));
  return ids;
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
