/**
 * `npm run bench -- visit [options]` (or `npx tsx bench/visit/run.ts`): a first visit to the demo host app, as
 * Lighthouse measures it with its mobile profile (simulated slow 4G, a CPU four times slower): the
 * performance score, total blocking time and the long tasks, while the elements sign in, run the first sync
 * of N demo relations and paint the overview (issue 11). Beside it, in the same run and rotating order, the
 * same host page without relation-elements (its script tag taken out): what the host shell alone scores on
 * this machine. Every run starts a fresh Chromium profile, so every visit is a first one.
 * Prints the table and writes the section "## First visit: Lighthouse, mobile profile (issue 11)" of
 * docs/performance.md.
 *
 * With `--profile`, instead: one first visit in Chromium with the CPU slowed four times (`--slowdown`), a trace of the main
 * thread's tasks and a CPU profile, and for every task over 50 ms what ran in it (named through the bundle's
 * source map). This is where a long task's cause is found.
 *
 * Options:
 *   --relations N       demo relations to seed (default 3000, the demo's own)
 *   --runs N            Lighthouse runs of each page (default 5)
 *   --profile           the long-task profile instead of the runs
 *   --slowdown N        the profile's CPU slowdown (default 4, Lighthouse's mobile profile; 1: this machine's speed)
 *   --over N            the profile lists tasks over N ms (default 50; with --slowdown 1, 12 lists the tasks that
 *                       Lighthouse's simulated throttling counts as long: it multiplies each task by four)
 *   --doc / --no-doc    write docs/performance.md (default: only at full length, 3,000 relations and 5 runs)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
// @ts-expect-error: a plain ES module of our build scripts, without types
import * as findChromeModule from '../../scripts/find-chrome.mjs';
import { startDemo } from '../../server/main.js';
import { parseArgs, positive } from '../args.js';
import { replaceSection } from '../doc.js';
import { loadSentence, sourceVersion } from '../machine.js';
import { frameNamer, longTasks, taskReport, type CpuProfile } from '../profile.js';
import { percentile } from '../stats.js';

const { chromeArgs, findChrome } = findChromeModule as { chromeArgs: string[]; findChrome: () => string };
const { flags } = parseArgs(process.argv.slice(2));
const relations = positive(flags, 'relations', 3000);
const runs = positive(flags, 'runs', 5);
const slowdown = positive(flags, 'slowdown', 4);
const over = positive(flags, 'over', 50);
const fullLength = relations === 3000 && runs >= 5;
const writeDoc = flags.has('doc') ? true : flags.has('no-doc') ? false : fullLength && !flags.has('profile');
const root = fileURLToPath(new URL('../../', import.meta.url));
const heading = '## First visit: Lighthouse, mobile profile (issue 11)';

// Before the build and the seeding, which load both cores themselves: whether anything else was running.
const loadBefore = loadavg();
// What the demo serves is the built bundle: build it from the source as it is now.
console.log('building dist/…');
const build = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);

const dataDir = mkdtempSync(join(tmpdir(), 'visit-bench-'));
console.log(`seeding ${relations.toLocaleString('en-US')} relations…`);
const demo = await startDemo({ port: 0, hostname: '127.0.0.1', dataDir, seedRelations: relations, storybookDir: join(dataDir, 'none') });
// The host shell alone: the demo's page without the one script tag that brings relation-elements.
const hostPage = readFileSync(join(root, 'demo/index.html'), 'utf8');
const bareHost = hostPage.replace(/<script type="module" src="\/dist\/relation-elements\.js"><\/script>/, '');
if (bareHost === hostPage) throw new Error('demo/index.html no longer holds the script tag this benchmark takes out');
demo.backend.app.get('/bare-host.html', (c) => c.html(bareHost));
const pages = { ours: `${demo.origin}/`, host: `${demo.origin}/bare-host.html` } as const;
type PageName = keyof typeof pages;

if (flags.has('profile')) {
  await profileFirstVisit(pages.ours);
  await demo.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}

interface Visit {
  score: number;
  fcp: number;
  lcp: number;
  tbt: number;
  tti: number;
  longTasks: number;
  longest: number;
  scriptingMs: number;
}

const startedAt = new Date();
const visits: Record<PageName, Visit[]> = { ours: [], host: [] };
for (let run = 0; run < runs; run++) {
  const order: PageName[] = run % 2 ? ['host', 'ours'] : ['ours', 'host'];
  for (const name of order) {
    const visit = await lighthouseVisit(pages[name]);
    visits[name].push(visit);
    console.log(`run ${run + 1} ${name.padEnd(4)}: score ${visit.score.toFixed(2)}, TBT ${visit.tbt.toFixed(0)} ms, FCP ${visit.fcp.toFixed(0)} ms, LCP ${visit.lcp.toFixed(0)} ms, TTI ${visit.tti.toFixed(0)} ms, ${visit.longTasks} long tasks (longest ${visit.longest.toFixed(0)} ms)`);
  }
}
const loadAfter = loadavg();
await demo.close();
rmSync(dataDir, { recursive: true, force: true });

const figure = (name: PageName, key: keyof Visit) => percentile(visits[name].map((visit) => visit[key]), 50);
const ms = (value: number) => `${Math.round(value).toLocaleString('en-US')} ms`;
const rows: [string, (name: PageName) => string, string][] = [
  ['performance score', (name) => figure(name, 'score').toFixed(2), '≥ 0.95'],
  ['total blocking time', (name) => ms(figure(name, 'tbt')), '< 200 ms'],
  ['first contentful paint', (name) => ms(figure(name, 'fcp')), ''],
  ['largest contentful paint', (name) => ms(figure(name, 'lcp')), ''],
  ['time to interactive', (name) => ms(figure(name, 'tti')), ''],
  ['long tasks (longest)', (name) => `${figure(name, 'longTasks')} (${ms(figure(name, 'longest'))})`, ''],
  ['script evaluation', (name) => ms(figure(name, 'scriptingMs')), ''],
];
const table = [
  '| median of the runs | ours (demo host app) | host page alone | target |',
  '|---|---:|---:|---|',
  ...rows.map(([label, value, target]) => `| ${label} | ${value('ours')} | ${value('host')} | ${target} |`),
].join('\n');
const markdown = `Measured ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${sourceVersion()} with \`npx tsx bench/visit/run.ts --runs ${runs} --relations ${relations}\`: Lighthouse ${lighthouseVersion()} (mobile profile, simulated throttling) against the demo on loopback with ${relations.toLocaleString('en-US')} demo relations, a fresh Chromium profile per run, each page ${runs} times in rotating order. ${loadSentence(loadBefore, loadAfter)}.

${table}

"Host page alone" is demo/index.html without the script tag of relation-elements: the floor this machine gives the host shell. \`--profile\` names what runs in each long task.`;
console.log(`\n${table}\n`);
if (writeDoc) {
  replaceSection(join(root, 'docs/performance.md'), heading, markdown, '# Performance');
  console.log(`wrote "${heading}" in docs/performance.md`);
}

/** One Lighthouse run of `url` in a Chromium of its own with a new profile: a first visit. */
async function lighthouseVisit(url: string): Promise<Visit> {
  const chrome = await chromeLauncher.launch({ chromePath: findChrome(), chromeFlags: ['--headless=new', ...chromeArgs] });
  try {
    const result = await lighthouse(url, { port: chrome.port, onlyCategories: ['performance'], output: 'json', logLevel: 'error' });
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse gave no result for ${url}`);
    const value = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    const tasks = (lhr.audits['long-tasks']?.details as { items?: { duration: number }[] } | undefined)?.items ?? [];
    const bootup = (lhr.audits['bootup-time']?.details as { items?: { scripting?: number }[] } | undefined)?.items ?? [];
    return {
      score: lhr.categories['performance']?.score ?? Number.NaN,
      fcp: value('first-contentful-paint'),
      lcp: value('largest-contentful-paint'),
      tbt: value('total-blocking-time'),
      tti: value('interactive'),
      longTasks: tasks.length,
      longest: Math.max(0, ...tasks.map((task) => task.duration)),
      scriptingMs: bootup.reduce((sum, item) => sum + (item.scripting ?? 0), 0),
    };
  } finally {
    chrome.kill();
  }
}

function lighthouseVersion(): string {
  return (JSON.parse(readFileSync(join(root, 'node_modules/lighthouse/package.json'), 'utf8')) as { version: string }).version;
}

/**
 * A first visit with the CPU `slowdown` times slower, traced: every main-thread task over 50 ms, with what its
 * CPU samples ran, until the first sync has finished and the page has been still for 3 s.
 */
async function profileFirstVisit(url: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
  const page = await (await browser.newContext()).newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  const events: Parameters<typeof longTasks>[0][number][] = [];
  // The trace holds every thread of every process: only the pages' main threads are the page's long tasks
  // (the sync worker's own are not: they block nothing the user does).
  const mainThreads = new Set<string>();
  cdp.on('Tracing.dataCollected', ({ value }) => {
    for (const event of value as unknown as (typeof events[number] & { args?: { name?: string } })[]) {
      if (event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain') mainThreads.add(`${event.pid}:${event.tid}`);
      if (event.ph === 'X' && (event.dur ?? 0) >= 1000) events.push(event);
    }
  });
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline,v8,blink', transferMode: 'ReportEvents' });
  await cdp.send('Profiler.start');
  await page.goto(url);
  await page.waitForFunction(() => {
    const status = (document.getElementById('provider') as (HTMLElement & { store?: { status: { lastSyncAt: string | null; syncing: boolean } } }) | null)?.store?.status;
    return !!status?.lastSyncAt && !status.syncing;
  }, null, { timeout: 300_000, polling: 200 });
  await page.waitForTimeout(3000);
  const { profile } = await cdp.send('Profiler.stop');
  const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await traced;
  await browser.close();
  const tasks = longTasks(events.filter((event) => mainThreads.has(`${event.pid}:${event.tid}`)), over);
  const name = frameNamer({ '/dist/relation-elements.js': join(root, 'dist/relation-elements.js.map') });
  const ours = (where: string) => /(^| )(store|sdk|contract|elements|controllers|core|i18n)\//.test(where) && !where.includes('node_modules');
  const blocking = tasks.reduce((sum, task) => sum + Math.max(0, task.dur / 1000 - over), 0);
  console.log(`${tasks.length} tasks over ${over} ms (CPU ${slowdown}x slower), ${blocking.toFixed(0)} ms over ${over} ms in all:`);
  for (const line of taskReport(profile as CpuProfile, tasks, name, ours)) console.log(line);
}
