/*
 * The first sync reads and writes the change feed in a worker where the browser allows one, and on the main
 * thread where it does not. Either way the cache must hold what the backend lists: the backend is the oracle.
 */
import { expect } from '@open-wc/testing';
import type { Relation } from '../../../src/contract/index.js';
import { ApiError, ContractError, type RelationsClient } from '../../../src/sdk/index.js';
import { RelationsStore } from '../../../src/store/index.js';
import { clientFor } from '../backend.js';
import { freshBrowser } from '../fixtures.js';

const RealWorker = globalThis.Worker;
const everyStatus = ['lead', 'active', 'archived'] as const;

/** Workers made while `replaced` stands in for the browser's own, by the URL each was asked for. */
function replaceWorker(make: (url: string | URL, options?: WorkerOptions) => Worker): string[] {
  const made: string[] = [];
  globalThis.Worker = class {
    constructor(url: string | URL, options?: WorkerOptions) {
      made.push(String(url));
      return make(url, options);
    }
  } as unknown as typeof Worker;
  return made;
}

async function everyRelation(client: RelationsClient): Promise<Relation[]> {
  const all: Relation[] = [];
  for await (const page of client.pages('listRelations', { status: [...everyStatus], limit: 100 })) all.push(...page.items);
  return all.sort((a, b) => a.id.localeCompare(b.id));
}

async function cachedRelations(store: RelationsStore): Promise<Relation[]> {
  const { items } = await store.queryRelations({ status: [...everyStatus], limit: 10_000 });
  return items.sort((a, b) => a.id.localeCompare(b.id));
}

describe('the sync worker', () => {
  const stores: RelationsStore[] = [];
  let expected: Relation[];

  async function openStore(fetcher?: typeof fetch): Promise<RelationsStore> {
    const store = await RelationsStore.open(await clientFor('demo-anna', fetcher ? { fetch: fetcher } : {}), { getToken: () => 'demo-anna' });
    stores.push(store);
    return store;
  }

  before(async () => {
    expected = await everyRelation(await clientFor('demo-anna'));
    expect(expected.length).to.be.greaterThan(100);
  });
  beforeEach(() => freshBrowser());
  afterEach(async () => {
    globalThis.Worker = RealWorker;
    for (const store of stores.splice(0)) await store.signOut().catch(() => undefined);
  });

  it('runs the first sync in a worker, and the cache holds every relation as the backend has it', async () => {
    const made = replaceWorker((url, options) => new RealWorker(url, options));
    const store = await openStore();
    await store.sync();
    expect(made).to.have.length(1);
    expect(made[0]).to.match(/\/sync-worker\.js$/);
    expect(await store.isComplete()).to.equal(true);
    expect(await cachedRelations(store)).to.deep.equal(expected);
    // One worker for the store's life: a second sync asks the same one.
    await store.sync();
    expect(made).to.have.length(1);
  });

  it('fails a request the worker makes as the page would: the same ApiError, with the backend\'s problem', async () => {
    let token = 'demo-anna';
    const store = await RelationsStore.open(await clientFor('demo-anna', { getToken: () => token }), { getToken: () => token });
    stores.push(store);
    // The host's token stops working before the first sync: the worker asks with the token as it is now.
    token = 'no-such-token';
    const error = await store.sync().then(() => undefined, (e: unknown) => e);
    expect(error).to.be.instanceOf(ApiError);
    expect([(error as ApiError).operationId, (error as ApiError).status]).to.deep.equal(['listChanges', 401]);
    expect((error as ApiError).problem.title).to.be.a('string').and.not.equal('');
    token = 'demo-anna';
    await store.sync();
    expect(await cachedRelations(store)).to.deep.equal(expected);
  });

  it('syncs on the main thread when the worker script does not load, and does not try again', async () => {
    const made = replaceWorker((url, options) => new RealWorker(new URL('./no-such-worker.js', url), options));
    const store = await openStore();
    await store.sync();
    expect(made).to.have.length(1);
    expect(await store.isComplete()).to.equal(true);
    expect(await cachedRelations(store)).to.deep.equal(expected);
    await store.sync();
    expect(made).to.have.length(1);
  });

  it('syncs on the main thread when the page forbids workers', async () => {
    const made = replaceWorker(() => {
      throw new DOMException("Refused to create a worker: the Content Security Policy has no 'worker-src'", 'SecurityError');
    });
    const store = await openStore();
    await store.sync();
    expect(made).to.have.length(1);
    expect(await cachedRelations(store)).to.deep.equal(expected);
  });

  it('names the field of a page that breaks the contract, writes nothing of it, and reads it again later', async () => {
    // The backend's first page, with one relation's version made a string, until the backend is mended.
    let mended = false;
    const broken: typeof fetch = async (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      const response = await fetch(request);
      if (mended || !new URL(request.url).pathname.endsWith('/changes')) return response;
      const page = (await response.json()) as { items: { entity: string; data: { version: unknown } | null }[] };
      const at = page.items.findIndex((change) => change.entity === 'relation' && change.data);
      page.items[at]!.data!.version = 'one';
      return new Response(JSON.stringify(page), { headers: { 'Content-Type': 'application/json' } });
    };
    const made = replaceWorker((url, options) => new RealWorker(url, options));
    const store = await openStore(broken);
    const error = await store.sync().then(() => undefined, (e: unknown) => e);
    expect(made).to.have.length(1);
    expect(error).to.be.instanceOf(ContractError);
    expect((error as ContractError).message).to.match(/^listChanges: the response breaks the contract at items\.\d+\.data\.version: /);
    expect(await store.isComplete()).to.equal(false);
    // The cursor stayed before the broken page: once the backend sends it whole, nothing is missing.
    mended = true;
    await store.sync();
    expect(await cachedRelations(store)).to.deep.equal(expected);
  });
});
