/**
 * `npx tsx bench/moments/run.ts [options]` (or `npm run bench -- moments`): a relation with 10,000 contact
 * moments in `<contact-moment-log>`, against the same moments as one plain list without virtualization (what a
 * log that renders everything does), in one headless Chromium. Per round: open (from adding the element to the
 * first painted frame showing the newest moment), the elements in the DOM, and a scroll from top to bottom one
 * step per animation frame, counting frames without a missed vsync. Rounds alternate which side goes first.
 *
 * Options:
 *   --moments N     contact moments on the relation (default 10000)
 *   --rounds N      rounds (default 3)
 *   --scroll-frames N
 *                   animation frames the scroll takes (default 180, three seconds at 60 a second)
 *   --doc / --no-doc
 *                   write our section of docs/performance.md (default: at full length, 10,000 and 3 rounds)
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { chromium } from 'playwright-core';
// @ts-expect-error: a plain ES module of our build scripts, without types
import * as findChromeModule from '../../scripts/find-chrome.mjs';
import { createBackend } from '../../server/backend.js';
import { parseArgs, positive } from '../args.js';
import { bundlePage, servePage } from '../bundle.js';
import { replaceSection } from '../doc.js';
import { loadSentence, sourceVersion } from '../machine.js';
import { markdownTable, ms, percentile, textTable } from '../stats.js';
import type { MomentsBench, Side } from './page.js';

const { chromeArgs, findChrome } = findChromeModule as { chromeArgs: string[]; findChrome: () => string };

const { flags } = parseArgs(process.argv.slice(2));
const count = positive(flags, 'moments', 10_000);
const rounds = positive(flags, 'rounds', 3);
const scrollFrames = positive(flags, 'scroll-frames', 180);
const fullLength = count >= 10_000 && rounds >= 3;
const writeDoc = flags.has('doc') ? true : flags.has('no-doc') ? false : fullLength;
const loadBefore = loadavg();
const startedAt = new Date();
const source = sourceVersion();
const token = 'demo-anna';

const backend = await createBackend({ seedRelations: 200 });
const api = (path: string, init: RequestInit = {}) =>
  backend.app.fetch(new Request(`http://backend/api/v1${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers },
  }));
const relation = ((await (await api('/relations?kind=organization&limit=1')).json()) as { items: { id: string }[] }).items[0]!;
console.log(`writing ${count.toLocaleString('en-US')} contact moments on one relation…`);
const kinds = ['call', 'meeting', 'visit', 'email', 'note', 'report'];
const first = Date.parse('2020-01-01T08:00:00Z');
let newest = '';
for (let i = 0; i < count; i++) {
  // One an hour from 2020 on, so the newest is the last written; some with agreements and a longer body.
  const subject = `Moment ${String(i).padStart(5, '0')} over de levering`;
  const body = {
    relationId: relation.id, kind: kinds[i % kinds.length], subject,
    body: i % 3 === 0 ? 'Besproken: planning, prijzen en de levering van volgende maand.\nZie https://example.nl/offerte' : '',
    occurredAt: new Date(first + i * 3_600_000).toISOString(),
    agreements: i % 7 === 0 ? [{ text: 'Offerte nasturen', dueDate: '2027-01-15' }] : [],
  };
  const response = await api('/contact-moments', { method: 'POST', body: JSON.stringify(body) });
  if (response.status !== 201) throw new Error(`moment ${i}: ${response.status} ${await response.text()}`);
  newest = subject;
  if ((i + 1) % 2000 === 0) console.log(`  ${i + 1}`);
}

const script = await bundlePage(new URL('./page.ts', import.meta.url));
const html = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>moments bench</title><link rel="icon" href="data:,">
<script id="bench-config" type="application/json">${JSON.stringify({ token })}</script>
<script type="module" src="/moments.js"></script></head>
<body><relation-provider base-url="/api/v1" locale="nl"><div id="host" style="width:720px"></div></relation-provider></body></html>`;
const server = await servePage(html, '/moments.js', script, (request) => backend.app.fetch(request));

const browser = await chromium.launch({ executablePath: findChrome(), headless: true, args: chromeArgs });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const pageErrors: string[] = [];
page.on('pageerror', (error) => {
  pageErrors.push(error.message);
  console.error('page error:', error.message);
});
page.on('crash', () => console.error('the bench page crashed'));
page.on('console', (message) => { if (message.type() === 'error') console.error('page:', message.text(), message.location().url); });
page.setDefaultTimeout(10 * 60_000);
await page.goto(`http://127.0.0.1:${server.port}/`);
await page.waitForFunction(() => 'bench' in globalThis);
const call = <K extends keyof MomentsBench>(method: K, ...args: Parameters<MomentsBench[K]>) =>
  page.evaluate(({ method, args }) => (globalThis as unknown as { bench: Record<string, (...a: unknown[]) => unknown> }).bench[method]!(...args), {
    method,
    args: args as unknown[],
  }) as Promise<Awaited<ReturnType<MomentsBench[K]>>>;
await call('ready', 5 * 60_000);

const results: Record<'ours' | 'baseline', Side[]> = { ours: [], baseline: [] };
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? (['ours', 'baseline'] as const) : (['baseline', 'ours'] as const);
  for (const side of order) {
    results[side].push(await call(side, relation.id, newest, scrollFrames));
    await call('clear');
  }
  console.log(`round ${round + 1}/${rounds}: open ours ${ms(results.ours.at(-1)!.openMs)} ms, baseline ${ms(results.baseline.at(-1)!.openMs)} ms`);
}
const chromiumVersion = browser.version();
await browser.close();
await new Promise<void>((resolve) => server.close(() => resolve()));
await backend.close();
const loadAfter = loadavg();

const median = (side: 'ours' | 'baseline', pick: (s: Side) => number) => percentile(results[side].map(pick), 50);
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}x` : '-');
const pct = (value: number) => `${(100 * value).toFixed(1)} %`;
const figures = [
  ['open: first painted frame with the newest moment', (s: Side) => s.openMs, ms],
  ['elements in the DOM', (s: Side) => s.elements, (v: number) => v.toLocaleString('en-US')],
  ['scroll: frames without a missed vsync', (s: Side) => s.smooth / s.frames, pct],
] as const;
const header = ['figure (median of rounds)', '<contact-moment-log>', 'plain list, no virtualization', 'ratio'];
const rows = figures.map(([label, pick, format]) => {
  const ours = median('ours', pick);
  const base = median('baseline', pick);
  return [label, format(ours), format(base), label.startsWith('scroll') ? '' : ratio(ours, base)];
});
const align = [false, true, true, true];
const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(' / ');
console.log(`\n${textTable(header, rows, align)}\nload average (1/5/15 min) before ${load(loadBefore)}, after ${load(loadAfter)}`);
if (pageErrors.length) console.warn(`page errors:\n  ${[...new Set(pageErrors)].join('\n  ')}`);

if (writeDoc) {
    const markdown = `Measured ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus().length} x ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 1024 ** 3)} GiB, Node ${process.version}, Chromium ${chromiumVersion}; ${source}. ${loadSentence(loadBefore, loadAfter)}.

${markdownTable(header, rows, align)}

**Method.** \`npm run bench -- moments\`. ${count.toLocaleString('en-US')} contact moments on one organization, written through the API (one an hour, every third with a two-line body and a link, every seventh with an agreement), synced into the store before timing. ${rounds} rounds in one page, alternating which side goes first. Ours: \`<contact-moment-log relation-id>\` added to the page, timed to the first painted frame (a task after the next animation frame) in which the newest moment's row is in the DOM. The baseline reads the same moments from the same store (\`contactMomentsOf\`) and renders them all as one \`<ol>\` with Lit (subject, kind, date, body), timed the same way. Scroll: the list's scrolling element from top to bottom in ${scrollFrames} equal steps, one per animation frame; a frame counts as smooth when the next one comes within 20 ms. Page errors: ${pageErrors.length ? [...new Set(pageErrors)].join('; ') : 'none'}.`;
  replaceSection(new URL('../../docs/performance.md', import.meta.url).pathname, '## Contact-moment log: 10,000 moments on one relation (issue 10)', markdown, '# Performance');
  console.log('\nwrote our section of docs/performance.md');
}
