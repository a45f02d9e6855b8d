/**
 * `npx tsx bench/card/run.ts [options]` (or `npm run bench -- card`): opening `<relation-card>` on a cached
 * relation, from the click to the first frame that paints its heading and filled-in details, against the same
 * card opening a relation its store does not hold (fetched from the backend), in one headless Chromium.
 *
 * Per run the page is loaded anew (IndexedDB on disk, so from run 2 on the provider's store opens synced);
 * the provider's store syncs (run 1: the first sync, untimed), a second store that never syncs is opened on
 * another cache partition for the network-only card, and after a warm-up each open clicks a row (a plain
 * button), alternating cached and network and which goes first. Every open is a different relation, drawn
 * with a fixed seed; the backend's own data says what the card must show. Nothing in the page judges.
 *
 * Options:
 *   --relations N   demo relations to seed (default 3000)
 *   --runs N        page loads (default 3)
 *   --opens N       timed opens of each kind per run (default 30)
 *   --warmup N      untimed opens of each kind per run first (default 5)
 *   --gap-ms N      pause after each open, card emptied again (default 200)
 *   --data-dir DIR  a seeded PGlite data dir to copy (seeded there first when empty); default: seed anew
 *   --doc / --no-doc
 *                   write our section of docs/performance.md (default: only at full length, i.e. at least
 *                   3 runs of 30 opens)
 *   --doc-path FILE write the section into this file instead of docs/performance.md
 */
import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { chromium } from 'playwright-core';
// @ts-expect-error: a plain ES module of our build scripts, without types
import * as findChromeModule from '../../scripts/find-chrome.mjs';
import { createBackend } from '../../server/backend.js';
import { changePageSize } from '../../src/store/sync.js';
import { bundlePage } from '../bundle.js';
import { sourceVersion } from '../machine.js';
import { parseArgs, positive } from '../args.js';
import { replaceSection } from '../doc.js';
import { readFeed } from '../overview/data.js';
import { seededRandom } from '../stats.js';
import type { CardBench } from './page.js';
import type { OpenResult, PageConfig, Row, SeenRequest } from './protocol.js';
import { heading, render, type Open } from './report.js';

const { chromeArgs, findChrome } = findChromeModule as { chromeArgs: string[]; findChrome: () => string };

// Options -------------------------------------------------------------------------------------------------

const { flags } = parseArgs(process.argv.slice(2));
const relationsWanted = positive(flags, 'relations', 3000);
const runs = positive(flags, 'runs', 3);
const opens = positive(flags, 'opens', 30);
const warmup = flags.get('warmup') === '0' ? 0 : positive(flags, 'warmup', 5);
const gapMs = flags.get('gap-ms') === '0' ? 0 : positive(flags, 'gap-ms', 200);
const fullLength = runs >= 3 && opens >= 30;
const writeDoc = flags.has('doc') ? true : flags.has('no-doc') ? false : fullLength;
const template = typeof flags.get('data-dir') === 'string' ? String(flags.get('data-dir')) : null;
const docPath = typeof flags.get('doc-path') === 'string' ? String(flags.get('doc-path')) : new URL('../../docs/performance.md', import.meta.url).pathname;
const token = 'demo-anna';
const loadBefore = loadavg();
const startedAt = new Date();

const source = sourceVersion();

// Backend and inputs --------------------------------------------------------------------------------------

const workDir = await mkdtemp(join(tmpdir(), 'card-bench-'));
const dataDir = join(workDir, 'data');
if (template) {
  if (!(await readdir(template).catch(() => [])).length) {
    console.log(`seeding ${relationsWanted.toLocaleString('en-US')} relations into ${template} (kept for later runs)…`);
    await mkdir(template, { recursive: true });
    await (await createBackend({ dataDir: template, seedRelations: relationsWanted })).close();
  }
  await cp(template, dataDir, { recursive: true });
}
console.log(template ? `opening a copy of ${template}…` : `seeding ${relationsWanted.toLocaleString('en-US')} relations in a new PGlite data dir…`);
const backendStart = performance.now();
const backend = await createBackend({ dataDir, seedRelations: relationsWanted });
console.log(`backend ready in ${((performance.now() - backendStart) / 1000).toFixed(1)} s`);

const fetchApi = async (path: string) => backend.app.fetch(new Request(`http://backend/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } }));
const feed = await readFeed(fetchApi, changePageSize);
const perRun = 2 * (warmup + opens);
if (feed.relations.length < runs * perRun) {
  throw new Error(`${runs} runs of ${warmup} + ${opens} opens of each kind need ${runs * perRun} different relations; the backend holds ${feed.relations.length}`);
}
// A fixed shuffle: the same relations in every run of the benchmark, each opened once.
const random = seededRandom(9);
const shuffled = feed.relations.map((relation) => ({ relation, key: random() })).sort((a, b) => a.key - b.key).map(({ relation }) => relation);
interface RunPlan {
  warm: Row[];
  timed: Row[];
}
const plans: RunPlan[] = Array.from({ length: runs }, (_, run) => {
  const slice = shuffled.slice(run * perRun, (run + 1) * perRun);
  // Pairs of one cached and one network relation, the order within a pair alternating.
  const pairs = (from: number, count: number) => Array.from({ length: count }, (_, i): Row[] => {
    const cached: Row = { kind: 'cached', relation: slice[from + 2 * i]! };
    const network: Row = { kind: 'network', relation: slice[from + 2 * i + 1]! };
    return (i + run) % 2 === 0 ? [cached, network] : [network, cached];
  }).flat();
  return { warm: pairs(0, warmup), timed: pairs(2 * warmup, opens) };
});

// Bench page and HTTP -------------------------------------------------------------------------------------

const script = await bundlePage(new URL('./page.ts', import.meta.url));

function html(config: PageConfig): string {
  const json = JSON.stringify(config).replaceAll('<', '\\u003c');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>card bench</title>
<style>html,body{margin:0;height:100%;font:14px system-ui}
relation-provider{display:grid;grid-template-columns:260px 1fr 1fr;height:100vh}
#rows{display:flex;flex-direction:column;overflow:auto}#rows button{text-align:left}
relation-card,#network-slot{overflow:auto;contain:strict}</style>
<script id="bench-config" type="application/json">${json}</script>
<script type="module" src="/card.js"></script></head>
<body><relation-provider base-url="${config.baseUrl}"><div id="rows"></div><relation-card id="cached"></relation-card><div id="network-slot"></div></relation-provider></body></html>`;
}

/** The requests of the open being timed (null between opens). */
let watching: SeenRequest[] | null = null;
/** Ids in paths become `:id`, so requests group by route. */
const route = (path: string) => path.replace(/^\/fresh-\d+/, '').replace(/\/api\/v1/, '').replace(/\/[0-9a-f-]{20,}|\/(?:rel|adr|aff|lab|cm)[-_][\w-]+/gi, '/:id');

const server = await new Promise<ReturnType<typeof serve> & { port: number }>((resolve) => {
  const instance = serve(
    {
      hostname: '127.0.0.1',
      port: 0,
      async fetch(req: Request) {
        const url = new URL(req.url);
        if (url.pathname === '/') {
          const run = url.searchParams.get('run') ?? '0';
          const config: PageConfig = { baseUrl: `${url.origin}/api/v1`, freshBaseUrl: `${url.origin}/fresh-${run}/api/v1`, token };
          return new Response(html(config), { headers: { 'content-type': 'text/html; charset=utf-8' } });
        }
        if (url.pathname === '/card.js') return new Response(script, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
        const fresh = /^\/fresh-\d+(\/api\/.*)$/.exec(url.pathname);
        if (!fresh && !url.pathname.startsWith('/api/')) return new Response(null, { status: 404 });
        const current = watching;
        const start = performance.now();
        let forwarded = req;
        if (fresh) {
          const target = new URL(url);
          target.pathname = fresh[1]!;
          forwarded = new Request(target, req);
        }
        const response = await backend.app.fetch(forwarded);
        current?.push({ method: req.method, path: route(url.pathname), status: response.status, ms: performance.now() - start });
        return response;
      },
    },
    (info) => resolve(Object.assign(instance, { port: info.port })),
  );
});
const origin = `http://127.0.0.1:${server.port}`;

// Browser -------------------------------------------------------------------------------------------------

const viewport = { width: 1440, height: 900 };
const context = await chromium.launchPersistentContext(join(workDir, 'profile'), {
  executablePath: findChrome(),
  headless: true,
  viewport,
  args: chromeArgs,
});
const page = context.pages()[0] ?? (await context.newPage());
const pageErrors: string[] = [];
page.on('pageerror', (error) => pageErrors.push(error.message));
page.setDefaultTimeout(10 * 60_000);

async function call<K extends keyof CardBench & string>(method: K, ...params: Parameters<CardBench[K]>): Promise<Awaited<ReturnType<CardBench[K]>>> {
  const result: unknown = await page.evaluate(
    ({ method, params }) => {
      const bench = (globalThis as unknown as { bench: Record<string, (...a: unknown[]) => unknown> }).bench;
      return bench[method]!(...params);
    },
    { method, params: params as unknown[] },
  );
  return result as Awaited<ReturnType<CardBench[K]>>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Clicks the row of `row` as a user would (real input events), and returns what the page measured. */
async function open(row: Row): Promise<Open> {
  watching = [];
  const requests = watching;
  let result: OpenResult;
  try {
    await page.click(`[id="row-${row.relation.id}"]`);
    result = await call('result');
  } finally {
    watching = null;
  }
  await call('close', row.kind);
  if (gapMs) await sleep(gapMs);
  return { ...result, requests };
}

const timed: Open[] = [];
let chromeVersion = context.browser()?.version() ?? 'unknown';
const syncs: number[] = [];
for (let run = 0; run < runs; run++) {
  await page.goto(`${origin}/?run=${run + 1}`);
  await page.waitForFunction(() => 'bench' in globalThis, undefined, { timeout: 60_000 }).catch((error: unknown) => {
    throw new Error(`the page did not set up its bench${pageErrors.length ? `: ${pageErrors.join('; ')}` : ''}`, { cause: error });
  });
  if (run === 0) {
    const info = await call('info');
    if (!info.secure) throw new Error('the bench page is not a secure context');
    chromeVersion = /Chrome\/([\d.]+)/.exec(info.userAgent)?.[1] ?? chromeVersion;
  }
  const synced = await call('synced', 30 * 60_000);
  syncs.push(synced.ms);
  const plan = plans[run]!;
  const { partitions } = await call('setup', [...plan.warm, ...plan.timed]);
  if (partitions.cached === partitions.network) throw new Error('the network-only store opened the synced partition');
  console.log(`run ${run + 1}/${runs}: store synced in ${(synced.ms / 1000).toFixed(1)} s; ${warmup} + ${opens} opens of each kind…`);
  for (const row of plan.warm) await open(row);
  const mark = timed.length;
  for (const row of plan.timed) timed.push({ ...(await open(row)), run: run + 1 });
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  const of = (kind: Row['kind']) => median(timed.slice(mark).filter((o) => o.kind === kind).map((o) => o.painted));
  console.log(`  click to painted, median: cached ${of('cached').toFixed(1)} ms, network ${of('network').toFixed(1)} ms`);
}

await context.close();
await new Promise<void>((resolve) => server.close(() => resolve()));
await backend.close();
await rm(workDir, { recursive: true, force: true });

// Report --------------------------------------------------------------------------------------------------

const { terminal, markdown } = render({
  machine: {
    date: startedAt,
    cpus: `${cpus().length} x ${[...new Set(cpus().map((cpu) => cpu.model.trim()))].join(', ')}`,
    cores: cpus().length,
    memory: `${Math.round(totalmem() / 1024 ** 3)} GiB`,
    node: process.version,
    chromium: chromeVersion,
    loadBefore,
    loadAfter: loadavg(),
  },
  source,
  relations: feed.relations.length,
  runs,
  opens,
  warmup,
  gapMs,
  fullLength,
  syncs,
  opened: timed,
  pageErrors,
});
console.log(`\n${terminal}`);
if (pageErrors.length) console.warn(`page errors:\n  ${[...new Set(pageErrors)].join('\n  ')}`);
if (writeDoc) {
  replaceSection(docPath, heading, markdown, '# Performance');
  console.log(`\nwrote "${heading}" in ${docPath}`);
}
