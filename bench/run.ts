/**
 * `npm run bench [-- <suite>] [options]`: the benchmarks of relation-elements. Each suite measures ours and
 * its peer in the same run and reports the ratio (machines here are noisy), printing a table and keeping
 * its own section of docs/performance.md up to date.
 *
 * Suites, each a script of its own that takes the options given after the suite's name (see its header):
 *   server   (default) bench/server/run.ts: the reference backend, a page of 50 of N relations over HTTP vs
 *            bare SQL on PGlite
 *   store    bench/store/run.ts: first sync, warm start and revalidation in Chromium, against Dexie and raw
 *            IndexedDB
 *   overview bench/overview/run.ts: the overview against AG Grid Community: first rows, search, label
 *            filter, scroll, DOM, CSV
 *   card     bench/card/run.ts: click to first paint of <relation-card> on a cached relation, against the
 *            same card loading a relation from the network
 *   live     bench/live/run.ts: a colleague's write to the first frame an open overview shows it, over the
 *            event stream against the polling fallback
 *   moments  bench/moments/run.ts: <contact-moment-log> with 10,000 moments against a plain list without
 *            virtualization: open, DOM size, scroll smoothness
 *   load     bench/load/run.ts: mixed traffic against the reference backend with autocannon, on PGlite and
 *            on PostgreSQL with two instances: requests per second and latency per kind
 *   wire     bench/wire/run.ts: a first sync's bytes on the wire and its time over a throttled link,
 *            compressed against uncompressed
 *   visit    bench/visit/run.ts: a first visit to the demo as Lighthouse's mobile profile measures it (score,
 *            total blocking time, long tasks) beside the host page alone; `--profile` names each long task's work
 *   all      each in turn, with the same options
 * `--help` prints this and the options of the suite named (of every suite when none is).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const suites = {
  server: 'bench/server/run.ts', store: 'bench/store/run.ts', overview: 'bench/overview/run.ts', card: 'bench/card/run.ts', live: 'bench/live/run.ts',
  moments: 'bench/moments/run.ts', load: 'bench/load/run.ts', wire: 'bench/wire/run.ts', visit: 'bench/visit/run.ts',
} as const;
const root = new URL('../', import.meta.url);
const path = (script: string) => fileURLToPath(new URL(script, root));
type Suite = keyof typeof suites;
const isSuite = (name: string): name is Suite => Object.hasOwn(suites, name);

/** Runs a suite's script, passing the options on; false when it failed. */
function runSuite(suite: Suite, args: readonly string[]): boolean {
  return spawnSync(process.execPath, ['--import', 'tsx', path(suites[suite]), ...args], { stdio: 'inherit' }).status === 0;
}

/** A script's leading doc comment as plain text: each suite documents its options there. */
function usage(script: string): string {
  const comment = /^\/\*\*([\s\S]*?)\*\//.exec(readFileSync(path(script), 'utf8'))?.[1] ?? '';
  return comment.split('\n').map((line) => line.replace(/^\s*\* ?/, '')).join('\n').trim();
}

const argv = process.argv.slice(2);
// No suite named (nothing, or options only): the server suite, with every argument as its options.
const named = argv[0] !== undefined && !argv[0].startsWith('-');
const suite = named ? argv[0]! : 'server';
const args = named ? argv.slice(1) : argv;

if (args.includes('--help') || args.includes('-h')) {
  const shown = named && isSuite(suite) ? [suite] : (Object.keys(suites) as Suite[]);
  console.log([usage('bench/run.ts'), ...shown.map((name) => `--- ${name} (${suites[name]})\n\n${usage(suites[name])}`)].join('\n\n'));
} else if (suite === 'all') {
  for (const name of Object.keys(suites) as Suite[]) if (!runSuite(name, args)) process.exitCode = 1;
} else if (isSuite(suite)) {
  if (!runSuite(suite, args)) process.exitCode = 1;
} else {
  console.error(`unknown benchmark suite "${suite}" (known: ${Object.keys(suites).join(', ')}, all)`);
  process.exitCode = 2;
}
