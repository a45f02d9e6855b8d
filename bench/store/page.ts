/**
 * The browser side of the store benchmark (`bench/store/run.ts` bundles it with esbuild and drives it with
 * playwright-core). Every step is a method of `window.bench`, called from Node with `page.evaluate`; each
 * returns plain numbers (milliseconds from `performance.now()`) and never judges them.
 *
 * What it times, all against the real reference backend over HTTP:
 * - our first sync (`RelationsStore.open` + `sync()`), with the time spent waiting on `listChanges` split from
 *   the time spent applying pages to IndexedDB;
 * - the same change feed fetched without applying it (fetch + body, `JSON.parse`, contract validation);
 * - writes only, from rows already in memory: our `applyChanges`, Dexie's `bulkPut` and raw IndexedDB;
 * - a warm start: first 50 rows by name from the cache vs from the network, and by the name index's cursor;
 * - a revalidation with nothing changed (`sync()` on a synced cache; Node counts the requests and bytes).
 */
import Dexie from 'dexie';
import type * as z from 'zod/mini';
import { ChangePage, type Change, type Relation } from '../../src/contract/index.js';
import { shapeCheck } from '../../src/contract/shape.js';
import { createRelationsClient, type RelationsClient } from '../../src/sdk/index.js';
import { applyChanges } from '../../src/store/apply.js';
import { openCache, toCached, type Cache, type CachedRelation } from '../../src/store/cache.js';
import { RelationsStore } from '../../src/store/index.js';
import { addressStores, readAllAddresses } from '../../src/store/address-blocks.js';
import { compactRelations, readAllRelations, readFirstScreen, relationStores, type RelationLogRecord } from '../../src/store/relation-blocks.js';
import { writeCases, type WriteCaseName, type WriteCaseSpec } from './cases.js';

export interface Target {
  /** The API's base URL, absolute. */
  baseUrl: string;
  token: string;
}


export interface SyncResult {
  /** From `RelationsStore.open` to `sync()` resolved. */
  total: number;
  /** `RelationsStore.open`: `getMe` over the network, opening (creating) the database, reading meta. */
  open: number;
  /** `sync()` alone. */
  sync: number;
  /** Sum of the time `sync()` waited on `client.listChanges` (network, server, JSON, contract validation). */
  listChanges: number;
  /** The rest of `sync()`: applying pages to IndexedDB, events, meta writes. */
  apply: number;
  /** From `sync()` start until the first page was in IndexedDB (the first `change` event). */
  firstPageApplied: number | null;
  pages: number;
  /** Rows in the cache after the sync, all entities; `relations` of which relations. */
  rows: number;
  relations: number;
  /** What `IDBTransaction.durability` reports for a transaction opened without options. */
  durabilityDefault: string;
}

export interface PipelinedResult {
  /** From opening the database to the last page written. */
  total: number;
  /** Time spent blocked on a page that had not arrived yet. */
  waiting: number;
  pages: number;
}

export interface FeedResult {
  /** Fetch of every page with the body read as text, sequentially, as `sync()` requests them. */
  fetch: number;
  /** `JSON.parse` of those bodies. */
  parse: number;
  /** `ChangePage` checked by shape (what the SDK does to every page of the change feed). */
  validate: number;
  pages: number;
  changes: number;
  relations: number;
  bytes: number;
}

export interface WriteResult {
  ms: number;
  rows: number;
  /** Untimed preparation: `toCached` over the rows for the cases that need them precomputed. */
  prepare: number;
}

export interface WarmResult {
  /** `RelationsStore.open` (includes `getMe` over the network, timed separately below). */
  open: number;
  getMe: number;
  /** The first query after open: loads every relation (`getAll`) and builds the in-memory index. */
  query: number;
  total: number;
  ids: string[];
  count: number;
}

export interface TimedIds {
  ms: number;
  ids: string[];
  /** Optional split: opening the database, then reading. */
  open?: number;
  read?: number;
}

export interface RevalidateResult {
  ms: number;
  /** The cursor before and after: unchanged means nothing was applied. */
  cursorBefore: unknown;
  cursorAfter: unknown;
}

const now = () => performance.now();

let feed: z.infer<typeof ChangePage>[] = [];
const feedShape = shapeCheck(ChangePage);

function client(target: Target, wrap?: Partial<Record<'getMe' | 'listChanges', (ms: number) => void>>): RelationsClient {
  const base = createRelationsClient({ baseUrl: target.baseUrl, getToken: () => target.token, retry: { limit: 0 } });
  if (!wrap) return base;
  return {
    ...base,
    async getMe(...args: Parameters<RelationsClient['getMe']>) {
      const start = now();
      try {
        return await base.getMe(...args);
      } finally {
        wrap.getMe?.(now() - start);
      }
    },
    async listChanges(...args: Parameters<RelationsClient['listChanges']>) {
      const start = now();
      try {
        return await base.listChanges(...args);
      } finally {
        wrap.listChanges?.(now() - start);
      }
    },
  };
}

function relationRows(pages: readonly { items: readonly Change[] }[]): Change[] {
  return pages.flatMap((page) => page.items.filter((change) => change.entity === 'relation' && change.op === 'upsert'));
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
  });
}

/** A cache whose transactions all open with the given durability; `applyChanges` itself is unchanged. */
function withDurability(cache: Cache, durability: IDBTransactionDurability): Cache {
  return new Proxy(cache, {
    get(target, property) {
      if (property === 'transaction') {
        return (stores: never, mode: never, options?: IDBTransactionOptions) => target.transaction(stores, mode, { ...options, durability });
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

async function openRaw(name: string, indexes: 'all' | 'read' | 'name' | 'none'): Promise<IDBDatabase> {
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => {
    const relations = open.result.createObjectStore('relations', { keyPath: 'id' });
    if (indexes === 'none') return;
    relations.createIndex('sortName', 'sortName');
    if (indexes === 'name') return;
    relations.createIndex('labelIds', 'labelIds', { multiEntry: true });
    if (indexes === 'read') return;
    relations.createIndex('number', 'number');
    relations.createIndex('status', 'status');
  };
  return request(open);
}

async function cacheName(): Promise<string> {
  const names = (await indexedDB.databases()).map((db) => db.name ?? '').filter((name) => name.startsWith('relation-elements:'));
  if (names.length !== 1) throw new Error(`expected one store database in this origin, found ${names.length}`);
  return names[0]!;
}

const bench = {
  /** Checks the page can run the store (Web Locks need a secure context) and says which browser this is. */
  info() {
    return { userAgent: navigator.userAgent, secure: isSecureContext, locks: 'locks' in navigator, origin: location.origin };
  },

  /**
   * Case a: what a user waits for on first use: open the store and sync everything from the backend. On the
   * main thread (no worker, as where none can start), where the time on `listChanges` can be told apart; or
   * `inWorker`, as it ships where workers run (the pages are fetched in the worker, so `listChanges` is 0).
   */
  async firstSync(target: Target, inWorker = false): Promise<SyncResult> {
    let listChanges = 0;
    let pages = 0;
    const timed = client(target, { listChanges: (ms) => ((listChanges += ms), pages++) });
    const start = now();
    const Worker = globalThis.Worker;
    // The store decides when it opens whether it has a worker.
    if (!inWorker) delete (globalThis as { Worker?: unknown }).Worker;
    const store = await RelationsStore.open(timed).finally(() => (globalThis.Worker = Worker));
    const opened = now();
    let firstPageApplied: number | null = null;
    store.addEventListener('change', () => (firstPageApplied ??= now() - opened));
    await store.sync();
    const end = now();
    const usedWorker = (store as unknown as { feed: { worker: { usable: boolean } } }).feed.worker.usable;
    store.close();
    if (usedWorker !== inWorker) throw new Error(inWorker ? 'the sync worker did not run' : 'the sync worker ran');
    const cache = await openCache(await cacheName(), () => undefined);
    const relations = (await readAllRelations(cache.transaction(relationStores))).length;
    const addresses = (await readAllAddresses(cache.transaction(addressStores))).length;
    const rows = relations + addresses + (await Promise.all((['affiliations', 'contactMoments', 'labels'] as const).map((s) => cache.count(s))))
      .reduce((a, b) => a + b, 0);
    const probe = cache.transaction('meta', 'readonly');
    const durabilityDefault = (probe as unknown as { durability?: string }).durability ?? 'n/a';
    cache.close();
    const sync = end - opened;
    return {
      total: end - start, open: opened - start, sync, listChanges, apply: sync - listChanges, firstPageApplied,
      pages, rows, relations, durabilityDefault,
    };
  },

  /**
   * What `sync()` would take if it fetched page n+1 while writing page n: the same `listChanges` calls and the
   * same `applyChanges`, only overlapped (a bench emulation; the store is unchanged). No `open`/`getMe`.
   */
  async pipelinedSync(target: Target, pageSize: number): Promise<PipelinedResult> {
    const c = client(target);
    const start = now();
    const cache = await openCache('bench-pipelined', () => undefined);
    let waiting = 0;
    let pages = 0;
    let next = c.listChanges({ since: '0', limit: pageSize });
    for (;;) {
      const t0 = now();
      const page = await next;
      waiting += now() - t0;
      if (page.hasMore) next = c.listChanges({ since: page.nextCursor, limit: pageSize });
      await applyChanges(cache, page.items as Change[], page.nextCursor);
      pages++;
      if (!page.hasMore) break;
    }
    const total = now() - start;
    cache.close();
    return { total, waiting, pages };
  },

  /**
   * The same change feed as `sync()` pulls it (same page size, same order), without applying it; the pages
   * stay in memory for the write cases. `only`: stop after that many pages and keep only the relations.
   */
  async fetchFeed(target: Target, pageSize: number, only?: { pages: number; relations: true }): Promise<FeedResult> {
    feed = [];
    const result: FeedResult = { fetch: 0, parse: 0, validate: 0, pages: 0, changes: 0, relations: 0, bytes: 0 };
    const headers = { Authorization: `Bearer ${target.token}`, Accept: 'application/json', 'Accept-Language': 'en' };
    let since = '0';
    for (;;) {
      const t0 = now();
      const response = await fetch(`${target.baseUrl}/changes?since=${encodeURIComponent(since)}&limit=${pageSize}`, { headers });
      if (!response.ok) throw new Error(`GET /changes: ${response.status}`);
      const text = await response.text();
      const t1 = now();
      const json: unknown = JSON.parse(text);
      const t2 = now();
      const issue = feedShape(json);
      const t3 = now();
      if (issue) throw new Error(`a page of the change feed breaks the contract: ${JSON.stringify(issue)}`);
      const checked = { data: json as z.infer<typeof ChangePage> };
      result.fetch += t1 - t0;
      result.parse += t2 - t1;
      result.validate += t3 - t2;
      result.bytes += text.length;
      result.pages++;
      result.changes += checked.data.items.length;
      // For the relation cases, keep only the relations (less memory in the page while the writes are timed).
      feed.push(only ? { ...checked.data, items: checked.data.items.filter((change) => change.entity === 'relation') } : checked.data);
      since = checked.data.nextCursor;
      if (!checked.data.hasMore || (only && result.pages >= only.pages)) break;
    }
    result.relations = relationRows(feed).length;
    return result;
  },

  /** Case b: writes only, from the rows `fetchFeed` left in memory, into a new database of this origin. */
  async write(name: WriteCaseName): Promise<WriteResult> {
    const spec: WriteCaseSpec = writeCases[name];
    const changes = relationRows(feed);
    if (!changes.length) throw new Error('no relations in memory: call fetchFeed first');
    const dbName = `bench-${name}`;
    if (spec.kind === 'ours') {
      const opened = await openCache(dbName, () => undefined);
      const cache = spec.durability ? withDurability(opened, spec.durability) : opened;
      const start = now();
      const logged = new Map<number, RelationLogRecord>();
      for (let at = 0; at < changes.length; at += spec.pageSize) {
        const { logged: records } = await applyChanges(cache, changes.slice(at, at + spec.pageSize), String(at));
        for (const [key, record] of records) logged.set(key, record);
      }
      // As sync() ends: the log of pages folded into blocks and the first screen.
      await compactRelations(cache, logged);
      const ms = now() - start;
      opened.close();
      return { ms, rows: changes.length, prepare: 0 };
    }
    const t0 = now();
    const rows = changes.flatMap((change) => (change.entity === 'relation' && change.data ? [toCached('relation', change.data)] : []));
    const prepare = now() - t0;
    if (spec.kind === 'dexie') {
      const db = new Dexie(dbName);
      db.version(1).stores({ relations: 'id, sortName, number, *labelIds, status' });
      await db.open();
      const start = now();
      await db.table('relations').bulkPut(rows);
      const ms = now() - start;
      db.close();
      return { ms, rows: rows.length, prepare };
    }
    if (spec.kind === 'chunks') {
      // The rows the in-memory index needs, stored a page per record: what a store that always loads every
      // relation into memory could keep instead of one record (and four index entries) per relation.
      const db = await request(Object.assign(indexedDB.open(dbName, 1), {
        onupgradeneeded(this: IDBOpenDBRequest) {
          this.result.createObjectStore('relationPages');
        },
      }));
      const start = now();
      const tx = db.transaction('relationPages', 'readwrite');
      const store = tx.objectStore('relationPages');
      for (let at = 0, page = 0; at < rows.length; at += spec.chunkSize, page++) store.put(rows.slice(at, at + spec.chunkSize), page);
      await done(tx);
      const ms = now() - start;
      db.close();
      return { ms, rows: rows.length, prepare };
    }
    const db = await openRaw(dbName, spec.indexes);
    const start = now();
    for (let at = 0; at < rows.length; at += spec.pageSize) {
      const tx = db.transaction('relations', 'readwrite', { durability: spec.durability });
      const store = tx.objectStore('relations');
      const end = Math.min(rows.length, at + spec.pageSize);
      for (let i = at; i < end; i++) store.put(rows[i]!);
      await done(tx);
    }
    const ms = now() - start;
    db.close();
    return { ms, rows: rows.length, prepare };
  },

  /**
   * Reads back every relation a write case left (in a new page of its origin): what loading the in-memory
   * index at start would cost with that layout.
   */
  async readBack(name: WriteCaseName): Promise<{ ms: number; rows: number }> {
    const spec: WriteCaseSpec = writeCases[name];
    const start = now();
    if (spec.kind === 'ours') {
      const cache = await openCache(`bench-${name}`, () => undefined);
      const rows = await readAllRelations(cache.transaction(relationStores));
      const ms = now() - start;
      cache.close();
      return { ms, rows: rows.length };
    }
    const db = await request(indexedDB.open(`bench-${name}`));
    const storeName = spec.kind === 'chunks' ? 'relationPages' : 'relations';
    const all = await request(db.transaction(storeName, 'readonly').objectStore(storeName).getAll());
    const rows = spec.kind === 'chunks' ? (all as CachedRelation[][]).flat() : all;
    const ms = now() - start;
    db.close();
    return { ms, rows: rows.length };
  },

  /** Our apply path over the pages exactly as the feed delivered them (every entity, not only relations). */
  async applyFeed(): Promise<WriteResult> {
    if (!feed.length) throw new Error('no feed in memory: call fetchFeed first');
    const cache = await openCache('bench-ours-feed', () => undefined);
    const start = now();
    for (const page of feed) await applyChanges(cache, page.items as Change[], page.nextCursor);
    const ms = now() - start;
    cache.close();
    return { ms, rows: feed.reduce((sum, page) => sum + page.items.length, 0), prepare: 0 };
  },

  /** Case c, from the cache: open the store on the synced database, then the first 50 by name. */
  async warmQuery(target: Target): Promise<WarmResult> {
    let getMe = 0;
    const timed = client(target, { getMe: (ms) => (getMe += ms) });
    const start = now();
    const store = await RelationsStore.open(timed);
    const opened = now();
    const result = await store.queryRelations({ limit: 50 });
    const end = now();
    store.close();
    return { open: opened - start, getMe, query: end - opened, total: end - start, ids: result.items.map((r) => r.id), count: result.total };
  },

  /** Case c, `getAll` alone: the share of the first query that is reading every row out of IndexedDB. */
  async warmGetAll(): Promise<TimedIds> {
    const t0 = now();
    const cache = await openCache(await cacheName(), () => undefined);
    const t1 = now();
    const all = await readAllRelations(cache.transaction(relationStores));
    const t2 = now();
    cache.close();
    return { ms: t2 - t0, open: t1 - t0, read: t2 - t1, ids: [String(all.length)] };
  },

  /** Case c, from the network: the same 50, as the overview would ask the backend without a cache. */
  async networkFirst50(target: Target): Promise<TimedIds> {
    const c = client(target);
    const start = now();
    const page = await c.listRelations({ limit: 50 });
    return { ms: now() - start, ids: page.items.map((r: Relation) => r.id) };
  },

  /** Case c, the headroom: the first 50 active by name, from the first screen the cache keeps (no store). */
  async cursorFirst50(): Promise<TimedIds> {
    const t0 = now();
    const cache = await openCache(await cacheName(), () => undefined);
    const t1 = now();
    const rows = (await readFirstScreen(cache, 50)) ?? [];
    const t2 = now();
    cache.close();
    return { ms: t2 - t0, open: t1 - t0, read: t2 - t1, ids: rows.map((row) => row.id) };
  },

  /** Case c, the store's own index path, when the store has one (`firstRelations(limit)`), after open. */
  async storeFirst50(target: Target): Promise<TimedIds | null> {
    const start = now();
    const store = await RelationsStore.open(client(target));
    const opened = now();
    const first = (store as unknown as { firstRelations?: (limit: number) => Promise<Relation[]> }).firstRelations;
    if (typeof first !== 'function') {
      store.close();
      return null;
    }
    const rows = await first.call(store, 50);
    const end = now();
    store.close();
    return { ms: end - start, open: opened - start, read: end - opened, ids: rows.map((r) => r.id) };
  },

  /** Case d: `sync()` on a synced cache (the store is opened first, untimed). */
  async revalidate(target: Target): Promise<RevalidateResult> {
    const store = await RelationsStore.open(client(target));
    const name = await cacheName();
    const cursor = async () => {
      const cache = await openCache(name, () => undefined);
      const value = await cache.get('meta', 'cursor');
      cache.close();
      return value;
    };
    const cursorBefore = await cursor();
    const start = now();
    await store.sync();
    const ms = now() - start;
    store.close();
    return { ms, cursorBefore, cursorAfter: await cursor() };
  },

  /** Deletes every database of this origin (between cases, untimed). */
  async clear(): Promise<void> {
    feed = [];
    for (const db of await indexedDB.databases()) {
      if (db.name) await request(indexedDB.deleteDatabase(db.name));
    }
  },
};

export type Bench = typeof bench;

(globalThis as unknown as { bench: Bench }).bench = bench;
