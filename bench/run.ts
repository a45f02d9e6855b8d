/**
 * `npm run bench [-- <suite>] [options]`: the benchmarks of relation-elements. Each suite measures ours and
 * its peer in the same run and reports the ratio (machines here are noisy), printing a table and keeping
 * its own section of docs/performance.md up to date.
 *
 * Suites:
 *   server   (default) the reference backend: a page of 50 of N relations over HTTP vs bare SQL on PGlite
 *   store    first sync, warm start and revalidation in Chromium, against Dexie and raw IndexedDB
 *   overview the overview against AG Grid Community: first rows, search, label filter, scroll, DOM, CSV
 *   all      the three in turn
 * `store` and `overview` run their own scripts (bench/store/run.ts, bench/overview/run.ts) with the options given.
 *
 * Options (server):
 *   --relations N   demo relations to seed (default 100000)
 *   --runs N        measured requests per query shape (default 200)
 *   --warmup N      unmeasured requests per shape first (default 20)
 *   --repeat N      tries per input; figures use each input's best, filtering out load spikes (default 3)
 *   --no-analyze    skip the second pass after `ANALYZE`
 *   --no-seed-breakdown  skip the second seeding that times the inserts per table
 *   --doc / --no-doc  write docs/performance.md (default: only when --relations is 100000)
 */
import { spawnSync } from 'node:child_process';
import { parseArgs, positive } from './args.js';
import { runServerQueries } from './server-queries.js';

/** Runs a suite that lives in its own script, passing the options on; false when it failed. */
function runScript(script: string, args: readonly string[]): boolean {
  return spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { stdio: 'inherit' }).status === 0;
}


const { positional, flags } = parseArgs(process.argv.slice(2));
const suite = positional[0] ?? 'server';

switch (suite) {
  case 'server': {
    const relations = positive(flags, 'relations', 100_000);
    await runServerQueries({
      relations,
      runs: positive(flags, 'runs', 200),
      warmup: positive(flags, 'warmup', 20),
      repeat: positive(flags, 'repeat', 3),
      analyzePass: !flags.has('no-analyze'),
      seedBreakdown: !flags.has('no-seed-breakdown'),
      writeDoc: flags.has('doc') ? true : flags.has('no-doc') ? false : relations === 100_000,
    });
    break;
  }
  case 'store':
  case 'overview':
    if (!runScript(`bench/${suite}/run.ts`, process.argv.slice(3))) process.exitCode = 1;
    break;
  case 'all':
    for (const script of ['bench/run.ts', 'bench/store/run.ts', 'bench/overview/run.ts']) {
      if (!runScript(script, script === 'bench/run.ts' ? ['server', ...process.argv.slice(3)] : process.argv.slice(3))) process.exitCode = 1;
    }
    break;
  default:
    console.error(`unknown benchmark suite "${suite}" (known: server, store, overview, all)`);
    process.exitCode = 2;
}
