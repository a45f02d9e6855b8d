/**
 * `npx tsx bench/overview/run.ts [options]`: the relation overview over N relations against AG Grid
 * Community (client-side row model), side by side in one headless Chromium, in interleaved rounds.
 *
 * Per round, on one tab: our page loaded and then RELOADED (the warm start is timed from the reload's
 * navigation start to the first rows painted, from a synced IndexedDB on disk), then search keystrokes, the
 * label filter, a scroll through the whole list, the DOM and heap at rest and the CSV export; and the peer's
 * page with the same rows fetched into memory first, timed from `createGrid`, then the same steps. The order
 * of the two alternates by round. Figures are medians over the rounds (per-keystroke and per-label figures
 * pool every step of every round); nothing is judged in the pages, and nothing here asserts a time.
 *
 * Options:
 *   --relations N      demo relations to seed (default 100000)
 *   --runs N           rounds (default 5)
 *   --scroll-seconds S a scroll from top to bottom in steps sized for S seconds at 60 frames a second (default 5)
 *   --gap-ms N         pause before each keystroke and label change, as a user types (default 100)
 *   --data-dir DIR     a seeded PGlite data dir to copy (seeded there first when empty); default: seed anew
 *   --doc / --no-doc   write our section of docs/performance.md (default: only when 100000 relations)
 *   --profile          instead of the rounds: our page only, a CPU profile of the label changes, the
 *                      keystrokes and the CSV export, printed as the functions with the most time of their own
 */
import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { chromium } from 'playwright-core';
// @ts-expect-error: a plain ES module of our build scripts, without types
import * as findChromeModule from '../../scripts/find-chrome.mjs';
import { createBackend } from '../../server/backend.js';
import { replaceSection } from '../doc.js';
import { gridRows, labelsInUse, readFeed, searchTerms } from './data.js';
import type { OursBench } from './page-ours.js';
import type { PeerBench } from './page-peer.js';
import { bundlePage } from '../bundle.js';
import { sourceVersion } from '../machine.js';
import { parseArgs, positive } from '../args.js';
import { profileSummary } from '../profile.js';
import type { PageConfig } from './protocol.js';
import { heading, render, type Machine, type ReportInput, type Round } from './report.js';
import { changePageSize } from '../../src/store/sync.js';

const { chromeArgs, findChrome } = findChromeModule as { chromeArgs: string[]; findChrome: () => string };

// Options -------------------------------------------------------------------------------------------------


const { flags } = parseArgs(process.argv.slice(2));
const relationsWanted = Math.round(positive(flags, 'relations', 100_000, false));
const runs = Math.round(positive(flags, 'runs', 5, false));
const scrollSeconds = positive(flags, 'scroll-seconds', 5, false);
const gapMs = positive(flags, 'gap-ms', 100, false);
const writeDoc = flags.has('doc') ? true : flags.has('no-doc') ? false : relationsWanted === 100_000;
const template = typeof flags.get('data-dir') === 'string' ? String(flags.get('data-dir')) : null;
const token = 'demo-anna';
/** The store's page size, so the feed is read as a first sync reads it. */
const feedPageSize = changePageSize;
const idleSeconds = 2;
const loadBefore = loadavg();

const source = sourceVersion();
const startedAt = new Date();

// Backend -------------------------------------------------------------------------------------------------

const workDir = await mkdtemp(join(tmpdir(), 'overview-bench-'));
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
const started = performance.now();
const backend = await createBackend({ dataDir, seedRelations: relationsWanted });
console.log(`backend ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const fetchApi = async (path: string) => backend.app.fetch(new Request(`http://backend/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } }));
const feed = await readFeed(fetchApi, feedPageSize);
const rows = gridRows(feed);
const terms = searchTerms(feed.relations);
const labels = labelsInUse(feed);
console.log(`${feed.relations.length.toLocaleString('en-US')} relations (${rows.length.toLocaleString('en-US')} listed), ${labels.length} labels in use; terms: ${terms.join(', ')}`);
const rowsJson = JSON.stringify(rows);

// Bench pages and HTTP ------------------------------------------------------------------------------------

const bundle = (entry: string) => bundlePage(new URL(entry, import.meta.url));
const scripts = { '/ours.js': await bundle('./page-ours.ts'), '/peer.js': await bundle('./page-peer.ts') };

function html(title: string, script: string, config: PageConfig, body: string, style: string): string {
  const json = JSON.stringify(config).replaceAll('<', '\\u003c');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>html,body{margin:0;height:100%}${style}</style>
<script id="bench-config" type="application/json">${json}</script>
<script type="module" src="${script}"></script></head><body>${body}</body></html>`;
}

const server = await new Promise<ReturnType<typeof serve> & { port: number }>((resolve) => {
  const instance = serve(
    {
      hostname: '127.0.0.1',
      port: 0,
      async fetch(req: Request) {
        const url = new URL(req.url);
        const origin = url.origin;
        const config: PageConfig = { baseUrl: `${origin}/api/v1`, token, rowsUrl: `${origin}/peer-rows.json` };
        const page = (text: string) => new Response(text, { headers: { 'content-type': 'text/html; charset=utf-8' } });
        if (url.pathname === '/ours') {
          return page(html('overview bench: ours', '/ours.js', config,
            `<relation-provider base-url="${config.baseUrl}"><relation-overview></relation-overview></relation-provider>`, 'relation-overview{height:100vh}'));
        }
        if (url.pathname === '/peer') return page(html('overview bench: AG Grid', '/peer.js', config, '<div id="grid"></div>', '#grid{height:100vh}'));
        if (url.pathname === '/ours.js' || url.pathname === '/peer.js') {
          return new Response(scripts[url.pathname], { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
        }
        if (url.pathname === '/peer-rows.json') return new Response(rowsJson, { headers: { 'content-type': 'application/json' } });
        if (url.pathname.startsWith('/api/')) return backend.app.fetch(req);
        return new Response(null, { status: 404 });
      },
    },
    (info) => resolve(Object.assign(instance, { port: info.port })),
  );
});
const origin = `http://127.0.0.1:${server.port}`;

// Browser -------------------------------------------------------------------------------------------------

const viewport = { width: 1280, height: 800 };
const context = await chromium.launchPersistentContext(join(workDir, 'profile'), {
  executablePath: findChrome(),
  headless: true,
  viewport,
  args: [...chromeArgs, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
});
const page = context.pages()[0] ?? (await context.newPage());
const pageErrors: string[] = [];
page.on('pageerror', (error) => pageErrors.push(error.message));
page.setDefaultTimeout(10 * 60_000);

type AnyBench = Record<string, (...args: never[]) => unknown>;
async function call<B extends AnyBench, K extends keyof B & string>(method: K, ...params: Parameters<B[K]>): Promise<Awaited<ReturnType<B[K]>>> {
  const result: unknown = await page.evaluate(
    ({ method, params }) => {
      const bench = (globalThis as unknown as { bench: Record<string, (...a: unknown[]) => unknown> }).bench;
      return bench[method]!(...params);
    },
    { method, params: params as unknown[] },
  );
  return result as Awaited<ReturnType<B[K]>>;
}
const ours = <K extends keyof OursBench & string>(method: K, ...params: Parameters<OursBench[K]>) => call<OursBench, K>(method, ...params);
const peer = <K extends keyof PeerBench & string>(method: K, ...params: Parameters<PeerBench[K]>) => call<PeerBench, K>(method, ...params);

async function open(path: '/ours' | '/peer', reload = false): Promise<void> {
  if (reload) await page.reload();
  else await page.goto(`${origin}${path}`);
  await page.waitForFunction(() => 'bench' in globalThis, undefined, { timeout: 60_000 }).catch((error: unknown) => {
    throw new Error(`${path} did not set up its bench${pageErrors.length ? `: ${pageErrors.join('; ')}` : ''}`, { cause: error });
  });
}

console.log('first sync of our store into IndexedDB (not timed here: see the store benchmark)…');
await open('/ours');
const info = await ours('info');
if (!info.secure) throw new Error('the bench page is not a secure context');
if (!info.gc || !info.memory) console.warn('gc() or performance.memory not exposed: heap figures will be missing');
const synced = await ours('synced', 30 * 60_000);
console.log(`  synced ${synced.relations.toLocaleString('en-US')} relations in ${(synced.ms / 1000).toFixed(1)} s`);
const chromeVersion = context.browser()?.version() ?? /Chrome\/([\d.]+)/.exec(info.userAgent)?.[1] ?? 'unknown';

if (flags.has('profile')) {
  await open('/ours');
  await ours('startup');
  await ours('settle');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  for (const [what, step] of [
    ['label changes', () => ours('labelsChosen', labels, gapMs)],
    ['keystrokes', () => ours('searchTyped', terms, gapMs)],
  ] as const) {
    await cdp.send('Profiler.start');
    const steps = await step();
    const { profile } = await cdp.send('Profiler.stop');
    console.log(`\n${what}: ${steps.length} steps, to DOM median ${[...steps.map((s) => s.committed)].sort((a, b) => a - b)[steps.length >> 1]?.toFixed(1)} ms`);
    console.log(profileSummary(profile));
  }
  await cdp.send('Profiler.start');
  const csv = await ours('csv', 0);
  const { profile } = await cdp.send('Profiler.stop');
  console.log(`\nCSV export (dialog ${csv.ours.toFixed(0)} ms, alone ${csv.parts.direct.toFixed(0)} ms, cells ${csv.parts.cells.toFixed(0)} ms, Papa ${csv.papa.toFixed(0)} ms)`);
  console.log(profileSummary(profile));
  await context.close();
  await backend.close();
  process.exit(0);
}

const rounds: Round[] = [];
const sameFirstIds: boolean[] = [];
for (let round = 0; round < runs; round++) {
  const oursFirst = round % 2 === 0;
  const result: Partial<Round> = {};
  let oursIds: string[] = [];
  let peerIds: string[] = [];
  const runOurs = async () => {
    await open('/ours');
    await ours('startup');
    await ours('settle');
    await open('/ours', true);
    const startup = await ours('startup');
    await ours('settle');
    const rest = await ours('rest');
    const parts = await ours('startupParts');
    const idle = await ours('idle', idleSeconds);
    const queries = await ours('searchQueries', terms);
    const typed = await ours('searchTyped', terms, gapMs);
    const labelQueries = await ours('labelQueries', labels);
    const labelSteps = await ours('labelsChosen', labels, gapMs);
    const scroll = await ours('scroll', scrollSeconds);
    const csv = await ours('csv', round);
    oursIds = await ours('firstIds', 50);
    result.ours = { startup, parts, rest, idle, queries, typed, labelQueries, labels: labelSteps, scroll, csv };
  };
  const runPeer = async () => {
    await open('/peer');
    await peer('load');
    const startup = await peer('create');
    await peer('idle', 0.5);
    const rest = await peer('rest');
    const idle = await peer('idle', idleSeconds);
    const typed = await peer('searchTyped', terms, gapMs);
    const labelSteps = await peer('labelsChosen', labels, gapMs);
    const scroll = await peer('scroll', scrollSeconds);
    peerIds = await peer('firstIds', 50);
    result.peer = { startup, rest, idle, typed, labels: labelSteps, scroll };
  };
  for (const side of oursFirst ? [runOurs, runPeer] : [runPeer, runOurs]) await side();
  sameFirstIds.push(oursIds.length > 0 && oursIds.join() === peerIds.join());
  const done = result as Round;
  rounds.push(done);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  console.log(
    `  round ${round + 1}/${runs}: first rows ours ${done.ours.startup.firstRowsPainted.toFixed(0)} ms / AG Grid ${done.peer.startup.firstRowsPainted.toFixed(0)} ms; ` +
      `keystroke (to DOM, median) ${median(done.ours.typed.map((s) => s.committed)).toFixed(1)} / ${median(done.peer.typed.map((s) => s.committed)).toFixed(1)} ms; ` +
      `label ${median(done.ours.labels.map((s) => s.committed)).toFixed(1)} / ${median(done.peer.labels.map((s) => s.committed)).toFixed(1)} ms; ` +
      `CSV ${done.ours.csv.ours.toFixed(0)} / Papa ${done.ours.csv.papa.toFixed(0)} ms`,
  );
}

await context.close();
await new Promise<void>((resolve) => server.close(() => resolve()));
await backend.close();
await rm(workDir, { recursive: true, force: true });

// Report --------------------------------------------------------------------------------------------------

const cpuModels = [...new Set(cpus().map((cpu) => cpu.model.trim()))].join(', ');
const machine: Machine = {
  date: startedAt,
  cpus: `${cpus().length} x ${cpuModels}`,
  memory: `${Math.round(totalmem() / 1024 ** 3)} GiB`,
  node: process.version,
  chromium: chromeVersion,
  loadBefore,
  loadAfter: loadavg(),
  viewport,
};
const { terminal, markdown } = render({
  machine,
  relations: feed.relations.length,
  listed: rows.length,
  terms,
  labels,
  runs,
  scrollSeconds,
  gapMs,
  idleSeconds,
  rounds,
  sameFirstIds,
  pageErrors,
  source,
  bundles: Object.fromEntries(
    (['ours', 'peer'] as const).map((side) => {
      const text = scripts[`/${side}.js`];
      return [side, { raw: Buffer.byteLength(text), gzip: gzipSync(text).byteLength }];
    }),
  ) as ReportInput['bundles'],
});
console.log(`\n${terminal}`);
if (pageErrors.length) console.warn(`page errors:\n  ${[...new Set(pageErrors)].join('\n  ')}`);
if (writeDoc) {
  const file = new URL('../../docs/performance.md', import.meta.url).pathname;
  replaceSection(file, heading, markdown, '# Performance');
  console.log(`\nwrote "${heading}" in docs/performance.md`);
}
