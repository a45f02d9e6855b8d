/**
 * The measuring half of the store benchmark (`bench/store/run.ts` is the command): a PGlite backend with the
 * demo tenant, the bench page bundled by esbuild, headless Chromium driven by playwright-core. Returns raw
 * figures only; `report.ts` turns them into tables and the section of docs/performance.md.
 *
 * Steps: seed (or copy) a PGlite data dir (the backend analyzes after seeding, so its planner has statistics);
 * read the whole change feed once straight from the backend as it ships (server time only) and keep the
 * bodies; then, in one browser, interleaved rounds of: our first sync against the backend, our
 * first sync against a replay of the captured bodies (the client's own cost), the feed fetched without
 * applying it, and the write cases (rows in memory, only the writes timed); then warm starts and
 * revalidations on the synced caches, and cold starts after restarting the browser.
 */
import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
// @ts-expect-error: a plain ES module of our build scripts, without types
import * as findChromeModule from '../../scripts/find-chrome.mjs';
import { FeedPageEnvelope } from '../../server/app.js';
import { createBackend } from '../../server/backend.js';
import { remainingAfter } from '../../server/resources/shared.js';
import { writeCases, type WriteCaseName } from './cases.js';
import { count, duration } from './format.js';
import type { Bench, FeedResult, PipelinedResult, SyncResult, Target, TimedIds, WarmResult, WriteResult } from './page.js';
import { changePageSize } from '../../src/store/sync.js';

const { chromeArgs, findChrome } = findChromeModule as { chromeArgs: string[]; findChrome: () => string };

export type WriteCase = WriteCaseName | 'ours-apply-feed';
export const allWriteCases: WriteCase[] = [...(Object.keys(writeCases) as WriteCaseName[]), 'ours-apply-feed'];

/** The store's page size: the feed is fetched and replayed in these pages, as a first sync does. */
export const pageSize = changePageSize;

export interface MeasureOptions {
  relations: number;
  runs: number;
  warmRuns: number;
  storage: 'disk' | 'memory';
  cases: WriteCase[];
  /** Only the write cases: no syncs, warm starts or revalidations. */
  onlyWrites: boolean;
  /** A seeded data dir to copy (seeded there first when empty); null: seed anew. */
  template: string | null;
}

/** What the server saw of the API while a meter runs: requests, server time, and (when asked) body bytes. */
export interface Meter {
  requests: { method: string; path: string; status: number; bodyBytes: number; ms: number; replayed: boolean }[];
  measureBodies: boolean;
}

/** A place with its own, initially empty, IndexedDB: an origin of the on-disk profile, or an incognito context. */
export interface Slot {
  origin: string;
  /** A new page (tab) of this slot, loaded and ready. */
  open(): Promise<Page>;
  dispose(): Promise<void>;
}

export interface SyncRun {
  result: SyncResult;
  serverMs: number;
  requests: number;
}

export interface Revalidation {
  ms: number;
  /** The requests of `sync()` (GET and OPTIONS of /changes; `open`'s getMe is left out). */
  requests: Meter['requests'];
  unchanged: boolean;
  headerBytes: number[];
}

export interface Results {
  options: MeasureOptions;
  date: string;
  machine: string;
  chromeVersion: string;
  loadBefore: number[];
  loadAfter: number[];
  seededMs: number | null;
  backendReadyMs: number;
  pageSize: number;
  /** Server time per page reading the whole feed straight from the app, as shipped. */
  asShipped: { ms: number[]; changes: number };
  /** Steps of the /changes handler redone on their own over every page (ms, summed). */
  serverParts: { count: number; validate: number; stringify: number; pages: number };
  syncs: SyncRun[];
  replaySyncs: SyncRun[];
  /** The first sync as it ships where workers run (pages fetched, read and written in the sync worker), replayed. */
  workerSyncs: SyncRun[];
  /** The sync loop with fetching overlapped with writing (bench emulation), against the backend. */
  pipelinedSyncs: PipelinedResult[];
  feeds: { result: FeedResult; serverMs: number }[];
  replayFeeds: FeedResult[];
  writes: Partial<Record<WriteCase, WriteResult[]>>;
  /** Every relation read back in a new page after some write cases. */
  readBacks: Partial<Record<WriteCase, { ms: number; rows: number }[]>>;
  warm: { query: WarmResult[]; network: TimedIds[]; cursor: TimedIds[]; store: TimedIds[]; getAll: TimedIds[] };
  cold: { query: WarmResult[]; cursor: TimedIds[]; store: TimedIds[] };
  revalidations: Revalidation[];
  crossSync: SyncResult | null;
  crossPreflights: number;
  crossGets: number;
  crossRevalidations: Revalidation[];
  crossRepeat: Revalidation | null;
  pageErrors: string[];
}

export async function measure(options: MeasureOptions): Promise<Results> {
  const { relations: relationsWanted, runs, warmRuns, storage, cases, template, onlyWrites } = options;
  const token = 'demo-anna';
  const loadBefore = loadavg();

  // Backend -------------------------------------------------------------------------------------------------

  const workDir = await mkdtemp(join(tmpdir(), 'store-bench-'));
  const dataDir = join(workDir, 'data');
  let seeded: { ms: number } | null = null;
  if (template) {
    const empty = !(await readdir(template).catch(() => [])).length;
    if (empty) {
      console.log(`seeding ${count(relationsWanted)} relations into ${template} (kept for later runs)…`);
      await mkdir(template, { recursive: true });
      const start = performance.now();
      const seeding = await createBackend({ dataDir: template, seedRelations: relationsWanted });
      seeded = { ms: performance.now() - start };
      await seeding.close();
    }
    // A copy, so that the run's writes never reach the template: every run starts from the database as seeded.
    await cp(template, dataDir, { recursive: true });
  }
  console.log(template ? `opening a copy of ${template}…` : `seeding ${count(relationsWanted)} relations in a new data dir…`);
  const backendStart = performance.now();
  const backend = await createBackend({ dataDir, seedRelations: relationsWanted });
  const backendReady = performance.now() - backendStart;
  if (!template) seeded = { ms: backendReady };
  console.log(`backend ready in ${duration(backendReady)}`);

  /** The change feed read straight from the app (no HTTP), page by page as `sync()` asks for it. */
  async function readFeed(): Promise<{ bodies: Map<string, string>; ms: number[]; changes: number }> {
    const bodies = new Map<string, string>();
    const ms: number[] = [];
    let since = '0';
    let changes = 0;
    for (;;) {
      const start = performance.now();
      const response = await backend.app.fetch(
        new Request(`http://backend/api/v1/changes?since=${since}&limit=${pageSize}`, { headers: { authorization: `Bearer ${token}` } }),
      );
      const body = await response.text();
      ms.push(performance.now() - start);
      if (!response.ok) throw new Error(`GET /changes?since=${since}: ${response.status} ${body.slice(0, 200)}`);
      bodies.set(since, body);
      const page = JSON.parse(body) as { items: unknown[]; nextCursor: string; hasMore: boolean };
      changes += page.items.length;
      if (bodies.size % 20 === 0) console.log(`  ${count(changes)} changes read…`);
      if (!page.hasMore) return { bodies, ms, changes };
      since = page.nextCursor;
    }
  }

  console.log('reading the whole change feed from the backend as it ships…');
  const asShipped = await readFeed();
  const feedBodies = asShipped.bodies;
  // The relation cases need only the pages up to the last relation (the seeded feed lists them early).
  let relationPages = 0;
  let relationChanges = 0;
  [...feedBodies.values()].forEach((body, index) => {
    const items = (JSON.parse(body) as { items: { entity: string; op: string }[] }).items.filter((c) => c.entity === 'relation' && c.op === 'upsert');
    relationChanges += items.length;
    if (items.length) relationPages = index + 1;
  });
  console.log(`  ${count(asShipped.changes)} changes in ${asShipped.ms.length} pages: ${duration(asShipped.ms.reduce((a, b) => a + b, 0))} of server time`);

  // Parts of the server's time, each step of the handler redone on its own over every page: the count of
  // `remaining` (as the handler runs it), the server's check of its own answer, JSON.stringify.
  const [actor] = await backend.db.query<{ tenant_id: string }>('select tenant_id from users where token = $1', [token]);
  const serverParts = { count: 0, validate: 0, stringify: 0, pages: 0 };
  for (const body of feedBodies.values()) {
    const parsed = JSON.parse(body) as { nextCursor: string; hasMore: boolean };
    let start = performance.now();
    const checked = FeedPageEnvelope['~standard'].validate(parsed);
    if (checked instanceof Promise || checked.issues) throw new Error('a captured page breaks the contract');
    serverParts.validate += performance.now() - start;
    start = performance.now();
    JSON.stringify(parsed);
    serverParts.stringify += performance.now() - start;
    if (parsed.hasMore) {
      start = performance.now();
      await remainingAfter(backend.db, actor!.tenant_id, Number(parsed.nextCursor));
      serverParts.count += performance.now() - start;
    }
    serverParts.pages++;
  }
  console.log(`  server parts: remaining counts ${duration(serverParts.count)}, validation ${duration(serverParts.validate)}, stringify ${duration(serverParts.stringify)}`);

  // Bench page and HTTP -------------------------------------------------------------------------------------

  const bundle = await build({
    entryPoints: [new URL('./page.ts', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    tsconfig: new URL('../../tsconfig.json', import.meta.url).pathname,
    logLevel: 'warning',
  });
  const script = bundle.outputFiles[0]!.text;
  // The store starts its sync worker from beside the page's script: `/sync-worker.js`.
  const workerBundle = await build({
    entryPoints: [new URL('../../src/store/sync-worker.ts', import.meta.url).pathname],
    bundle: true, format: 'esm', platform: 'browser', target: 'es2022', minify: true, write: false,
    tsconfig: new URL('../../tsconfig.json', import.meta.url).pathname, logLevel: 'warning',
  });
  const workerScript = workerBundle.outputFiles[0]!.text;
  const html = '<!doctype html><meta charset="utf-8"><title>store bench</title><script type="module" src="/page.js"></script>';

  let meter: Meter | null = null;

  async function metered<T>(measureBodies: boolean, work: () => Promise<T>): Promise<{ result: T; meter: Meter }> {
    const current: Meter = { requests: [], measureBodies };
    meter = current;
    try {
      return { result: await work(), meter: current };
    } finally {
      meter = null;
    }
  }

  const replayPrefix = '/replay';
  const corsHeaders = { 'access-control-allow-origin': '*', 'content-type': 'application/json' };

  /**
   * `/replay/api/v1/changes?since=X&limit=2000` answers the captured body of that page at once (the same bytes
   * the backend sent); everything else under `/replay` goes to the backend unchanged.
   */
  async function api(req: Request, url: URL): Promise<{ response: Response; replayed: boolean }> {
    if (url.pathname.startsWith(replayPrefix)) {
      const body = url.pathname === `${replayPrefix}/api/v1/changes` && url.searchParams.get('limit') === String(pageSize)
        ? feedBodies.get(url.searchParams.get('since') ?? '0')
        : undefined;
      if (body !== undefined && req.method === 'GET') return { response: new Response(body, { headers: corsHeaders }), replayed: true };
      const forwarded = new URL(url);
      forwarded.pathname = url.pathname.slice(replayPrefix.length);
      return { response: await backend.app.fetch(new Request(forwarded, req)), replayed: false };
    }
    return { response: await backend.app.fetch(req), replayed: false };
  }

  const server = await new Promise<ReturnType<typeof serve> & { port: number }>((resolve) => {
    const instance = serve(
      {
        hostname: '127.0.0.1',
        port: 0,
        async fetch(req: Request) {
          const url = new URL(req.url);
          if (url.pathname === '/') return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
          if (url.pathname === '/page.js') return new Response(script, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
          if (url.pathname === '/sync-worker.js') return new Response(workerScript, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
          if (!url.pathname.startsWith('/api/') && !url.pathname.startsWith(replayPrefix)) return new Response(null, { status: 404 });
          const current = meter;
          const start = performance.now();
          const { response, replayed } = await api(req, url);
          const ms = performance.now() - start;
          if (!current) return response;
          const bodyBytes = current.measureBodies && response.body ? (await response.clone().arrayBuffer()).byteLength : 0;
          current.requests.push({ method: req.method, path: `${url.pathname}${url.search}`, status: response.status, bodyBytes, ms, replayed });
          return response;
        },
      },
      (info) => resolve(Object.assign(instance, { port: info.port })),
    );
  });
  const port = server.port;

  // Browser -------------------------------------------------------------------------------------------------


  const executablePath = findChrome();
  const args = [...chromeArgs, '--host-resolver-rules=MAP *.localhost 127.0.0.1, MAP localhost 127.0.0.1'];
  const profileDir = join(workDir, 'profile');
  let persistent = null as BrowserContext | null;
  let browser = null as Browser | null;
  const pageErrors: string[] = [];

  async function launch(): Promise<void> {
    if (storage === 'disk') persistent = await chromium.launchPersistentContext(profileDir, { executablePath, args, headless: true });
    else browser = await chromium.launch({ executablePath, args, headless: true });
  }

  async function ready(page: Page, url: string): Promise<Page> {
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(url);
    await page.waitForFunction(() => 'bench' in globalThis);
    return page;
  }

  /**
   * Deletes the origin's databases, and on disk its files too: `deleteDatabase` leaves LevelDB's files to a
   * later compaction, which would otherwise run in the background of the next cases.
   */
  async function clearOrigin(page: Page): Promise<void> {
    await call(page, 'clear');
    if (storage !== 'disk') return;
    const cdp = await persistent!.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin: new URL(page.url()).origin, storageTypes: 'indexeddb' });
    await cdp.detach();
  }

  async function slot(label: string): Promise<Slot> {
    if (storage === 'disk') {
      const origin = `http://${label}.localhost:${port}`;
      const open = async () => ready(await persistent!.newPage(), `${origin}/`);
      return {
        origin,
        open,
        async dispose() {
          const page = await open();
          await clearOrigin(page);
          await page.close();
        },
      };
    }
    const context = await browser!.newContext();
    const origin = `http://127.0.0.1:${port}`;
    return { origin, open: async () => ready(await context.newPage(), `${origin}/`), dispose: () => context.close() };
  }

  /** Closes the browser and starts it again on the same profile: a cold start of the page and IndexedDB. */
  async function restart(): Promise<void> {
    await persistent?.close();
    await browser?.close();
    await launch();
  }

  type Method = keyof Bench;
  async function call<K extends Method>(page: Page, method: K, ...params: Parameters<Bench[K]>): Promise<Awaited<ReturnType<Bench[K]>>> {
    const result: unknown = await page.evaluate(
      ({ method, params }) => {
        const bench = (globalThis as unknown as { bench: Record<string, (...a: unknown[]) => unknown> }).bench;
        return bench[method]!(...params);
      },
      { method, params: params as unknown[] },
    );
    return result as Awaited<ReturnType<Bench[K]>>;
  }

  /** Runs one step in a new page of the slot and closes the page. */
  async function inPage<T>(where: Slot, work: (page: Page) => Promise<T>): Promise<T> {
    const page = await where.open();
    try {
      return await work(page);
    } finally {
      await page.close();
    }
  }

  await launch();
  const backendTarget = (where: Slot): Target => ({ baseUrl: `${where.origin}/api/v1`, token });
  const replayTarget = (where: Slot): Target => ({ baseUrl: `${where.origin}${replayPrefix}/api/v1`, token });
  const crossOrigin = storage === 'disk' ? `http://api.localhost:${port}` : `http://localhost:${port}`;

  const probe = await slot('probe');
  const info = await inPage(probe, (page) => call(page, 'info'));
  if (!info.secure || !info.locks) throw new Error(`the bench page at ${info.origin} is not a secure context with Web Locks`);
  const chromeVersion = (persistent?.browser() ?? browser)?.version() ?? /Chrome\/([\d.]+)/.exec(info.userAgent)?.[1] ?? 'unknown';
  console.log(`Chromium ${chromeVersion}, IndexedDB ${storage === 'disk' ? 'on disk (a new origin per case)' : 'in memory (a new incognito context per case)'}`);

  // Cases a and b: interleaved rounds -----------------------------------------------------------------------

  const syncs: SyncRun[] = [];
  const replaySyncs: SyncRun[] = [];
  const workerSyncs: SyncRun[] = [];
  const pipelinedSyncs: PipelinedResult[] = [];
  const feeds: { result: FeedResult; serverMs: number }[] = [];
  const replayFeeds: FeedResult[] = [];
  const writes = new Map<WriteCase, WriteResult[]>();
  const readBacks: Results['readBacks'] = {};
  const synced: Slot[] = [];
  const order: ('ours-sync' | 'ours-sync-replay' | 'ours-sync-worker' | 'ours-sync-pipelined' | 'feed' | WriteCase)[] = onlyWrites ? cases : [
    'ours-sync', 'ours-sync-replay', 'ours-sync-worker', 'ours-sync-pipelined', 'feed', ...cases,
  ];

  async function firstSync(where: Slot, target: Target, inWorker = false): Promise<SyncRun> {
    const { result, meter: seen } = await metered(false, () => inPage(where, (page) => call(page, 'firstSync', target, inWorker)));
    const changes = seen.requests.filter((r) => r.path.includes('/api/v1/changes') && !r.replayed);
    return { result, serverMs: changes.reduce((sum, r) => sum + r.ms, 0), requests: seen.requests.length };
  }

  for (let round = 0; round < runs; round++) {
    // Rotate the order each round, so no case always runs first or right after the same neighbour.
    const rotated = order.map((_, i) => order[(i + round) % order.length]!);
    for (const name of rotated) {
      const label = `r${round}-${name}`;
      const where = await slot(label);
      if (name === 'ours-sync-worker') {
        const run = await firstSync(where, replayTarget(where), true);
        workerSyncs.push(run);
        await where.dispose();
        console.log(`  ${label}: ${duration(run.result.total)} in the sync worker, ${count(run.result.rows)} rows`);
        continue;
      }
      if (name === 'ours-sync' || name === 'ours-sync-replay') {
        const run = await firstSync(where, name === 'ours-sync' ? backendTarget(where) : replayTarget(where));
        (name === 'ours-sync' ? syncs : replaySyncs).push(run);
        if (name === 'ours-sync') synced.push(where);
        else await where.dispose();
        const r = run.result;
        console.log(`  ${label}: ${duration(r.total)} (listChanges ${duration(r.listChanges)}, apply ${duration(r.apply)}), ${count(r.rows)} rows`);
        continue;
      }
      const page = await where.open();
      try {
        if (name === 'ours-sync-pipelined') {
          const result = await call(page, 'pipelinedSync', backendTarget(where), pageSize);
          pipelinedSyncs.push(result);
          console.log(`  ${label}: ${duration(result.total)} (waiting on pages ${duration(result.waiting)})`);
          await clearOrigin(page);
          continue;
        }
        if (name === 'feed') {
          const { result, meter: seen } = await metered(false, () => call(page, 'fetchFeed', backendTarget(where), pageSize));
          feeds.push({ result, serverMs: seen.requests.reduce((sum, r) => sum + r.ms, 0) });
          console.log(`  ${label}: ${duration(result.fetch + result.parse + result.validate)} for ${count(result.changes)} changes`);
          continue;
        }
        if (name === 'ours-apply-feed') replayFeeds.push(await call(page, 'fetchFeed', replayTarget(where), pageSize));
        else {
          const feed = await call(page, 'fetchFeed', replayTarget(where), pageSize, { pages: relationPages, relations: true });
          if (feed.relations !== relationChanges) throw new Error(`expected ${relationChanges} relations in ${relationPages} pages, got ${feed.relations}`);
        }
        const result = name === 'ours-apply-feed' ? await call(page, 'applyFeed') : await call(page, 'write', name);
        writes.set(name, [...(writes.get(name) ?? []), result]);
        console.log(`  ${label}: ${duration(result.ms)} for ${count(result.rows)} rows`);
        if (name === 'idb-1tx' || name === 'idb-chunks-2000') {
          // Read everything back in a new page: loading the in-memory index at start with this layout.
          const back = await inPage(where, (reader) => call(reader, 'readBack', name));
          readBacks[name] = [...(readBacks[name] ?? []), back];
        }
        await clearOrigin(page);
      } finally {
        await page.close();
        if (storage === 'memory') await where.dispose();
      }
    }
  }

  // Cases c and d on the synced caches ----------------------------------------------------------------------

  const warm: Results['warm'] = { query: [], network: [], cursor: [], store: [], getAll: [] };
  const cold: Results['cold'] = { query: [], cursor: [], store: [] };
  const revalidations: Revalidation[] = [];
  const crossRevalidations: Revalidation[] = [];
  let crossSlot: Slot | null = null;
  let crossSync: SyncResult | null = null;
  let crossRepeat: Revalidation | null = null;
  let crossPreflights = 0;
  let crossGets = 0;
  if (!onlyWrites) {
    console.log('warm starts and revalidations…');

    for (let i = 0; i < warmRuns; i++) {
      const where = synced[i % synced.length]!;
      const target = backendTarget(where);
      // Each in its own new page, in a rotating order.
      const steps: (() => Promise<void>)[] = [
        async () => void warm.query.push(await inPage(where, (page) => call(page, 'warmQuery', target))),
        async () => void warm.network.push(await inPage(where, (page) => call(page, 'networkFirst50', target))),
        async () => void warm.cursor.push(await inPage(where, (page) => call(page, 'cursorFirst50'))),
        async () => {
          const result = await inPage(where, (page) => call(page, 'storeFirst50', target));
          if (result) warm.store.push(result);
        },
        async () => void warm.getAll.push(await inPage(where, (page) => call(page, 'warmGetAll'))),
      ];
      for (let s = 0; s < steps.length; s++) await steps[(s + i) % steps.length]!();
    }


    async function revalidate(where: Slot, target: Target): Promise<Revalidation> {
      return inPage(where, async (page) => {
        const headerBytes: number[] = [];
        const sizes: Promise<void>[] = [];
        page.on('requestfinished', (request) => {
          if (request.url().includes('/changes')) sizes.push(request.sizes().then((s) => void headerBytes.push(s.responseHeadersSize)));
        });
        const { result, meter: seen } = await metered(true, () => call(page, 'revalidate', target));
        await Promise.all(sizes);
        return {
          ms: result.ms,
          requests: seen.requests.filter((r) => r.path.includes('/api/v1/changes')),
          unchanged: result.cursorAfter === result.cursorBefore,
          headerBytes,
        };
      });
    }

    for (let i = 0; i < warmRuns; i++) revalidations.push(await revalidate(synced[i % synced.length]!, backendTarget(synced[i % synced.length]!)));

    // Against a cross-origin API (an embedding host with its API elsewhere): every request carries Authorization,
    // so CORS preflights. Synced from the replay (the backend's speed is not the question here).
    console.log('first sync and revalidations against a cross-origin API…');
    crossSlot = await slot('cross');
    const crossTarget: Target = { baseUrl: `${crossOrigin}${replayPrefix}/api/v1`, token };
    const cross = crossSlot;
    const { result, meter: crossSeen } = await metered(false, () => inPage(cross, (page) => call(page, 'firstSync', crossTarget)));
    crossSync = result;
    crossPreflights = crossSeen.requests.filter((r) => r.method === 'OPTIONS').length;
    crossGets = crossSeen.requests.filter((r) => r.method === 'GET').length;
    for (let i = 0; i < Math.min(3, warmRuns); i++) {
      // Chromium keeps a preflight 5 s when the server sends no Access-Control-Max-Age: wait that out first,
      // as real revalidations (focus, reconnect) are minutes apart.
      await new Promise((resolve) => setTimeout(resolve, 5500));
      crossRevalidations.push(await revalidate(cross, crossTarget));
    }
    crossRepeat = await revalidate(cross, crossTarget);

    // Case c after a browser restart (disk only): nothing of the page or of IndexedDB is in the browser's memory
    // (the operating system's file cache still is).
    if (storage === 'disk') {
      console.log('cold starts (browser restarted before each)…');
      for (let i = 0; i < runs; i++) {
        const where = synced[i % synced.length]!;
        await restart();
        cold.query.push(await inPage(where, (page) => call(page, 'warmQuery', backendTarget(where))));
        await restart();
        cold.cursor.push(await inPage(where, (page) => call(page, 'cursorFirst50')));
        await restart();
        const result = await inPage(where, (page) => call(page, 'storeFirst50', backendTarget(where)));
        if (result) cold.store.push(result);
      }
    }
  }

  for (const where of [...synced, ...(crossSlot ? [crossSlot] : []), probe]) await where.dispose().catch(() => undefined);
  await persistent?.close();
  await browser?.close();
  server.close();
  await backend.close();
  await rm(workDir, { recursive: true, force: true });
  const loadAfter = loadavg();

  const writesRecord: Partial<Record<WriteCase, WriteResult[]>> = Object.fromEntries(writes);
  return {
    options,
    date: new Date().toISOString(),
    machine: `${cpus().length} x ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    chromeVersion,
    loadBefore,
    loadAfter,
    seededMs: seeded?.ms ?? null,
    backendReadyMs: backendReady,
    pageSize,
    asShipped: { ms: asShipped.ms, changes: asShipped.changes },
    serverParts,
    syncs,
    replaySyncs,
    workerSyncs,
    pipelinedSyncs,
    feeds,
    replayFeeds,
    writes: writesRecord,
    readBacks,
    warm,
    cold,
    revalidations,
    crossSync,
    crossPreflights,
    crossGets,
    crossRevalidations,
    crossRepeat,
    pageErrors,
  };
}
