/**
 * `npx tsx bench/store/run.ts [options]`: the store's first sync, warm start and revalidation in headless
 * Chromium against the reference backend, side by side with Dexie 4 and raw IndexedDB in the same run
 * (see measure.ts for the steps). Prints the tables and writes the section "## Store: first sync, warm start
 * and revalidation" of docs/performance.md. Takes ~45 minutes at 100,000 relations on 2 cores.
 *
 * Options:
 *   --relations N     demo relations to seed (default 100000)
 *   --runs N          runs of each sync and write case (default 3); cases are interleaved round by round
 *   --warm-runs N     runs of each warm-start and revalidation measurement (default 5)
 *   --cases a,b       only these write cases (names in bench/store/cases.ts, plus ours-apply-feed)
 *   --storage disk|memory
 *                     disk (default): one on-disk profile, a new origin (`<case>.localhost`) per case so
 *                     IndexedDB starts empty; memory: a new incognito context per case (IndexedDB in memory)
 *   --data-dir DIR    a seeded PGlite data dir to copy for the run (seeded there first when empty, and kept);
 *                     default: seed a new one and delete it afterwards
 *   --only-writes     only the write cases (b): no syncs, warm starts or revalidations
 *   --save FILE       where the raw figures go as JSON (default: a file in the temporary directory)
 *   --report FILE     measure nothing: report the raw figures of an earlier run
 *   --extra FILE      also report the write cases of a separate --only-writes run (its own table and ratios)
 *   --doc / --no-doc  write our section of docs/performance.md (default: only at 100000 relations)
 *   --doc-path FILE   write the section into this file instead of docs/performance.md
 */
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, positive } from '../args.js';
import { allWriteCases, measure, type Results, type WriteCase } from './measure.js';
import { report } from './report.js';


function text(flags: Map<string, string | true>, name: string): string | null {
  const value = flags.get(name);
  if (value === true) throw new Error(`--${name} needs a value`);
  return value ?? null;
}

const { flags } = parseArgs(process.argv.slice(2));
const writeDoc = flags.has('doc') ? true : flags.has('no-doc') ? false : 'auto';
const earlier = text(flags, 'report');

let results: Results;
if (earlier) {
  results = JSON.parse(await readFile(earlier, 'utf8')) as Results;
} else {
  const storage = text(flags, 'storage') ?? 'disk';
  if (storage !== 'disk' && storage !== 'memory') throw new Error('--storage is disk or memory');
  const chosen = text(flags, 'cases')?.split(',') ?? allWriteCases;
  for (const name of chosen) if (!allWriteCases.includes(name as WriteCase)) throw new Error(`unknown case ${name}; known: ${allWriteCases.join(', ')}`);
  results = await measure({
    relations: positive(flags, 'relations', 100_000),
    runs: positive(flags, 'runs', 3),
    warmRuns: positive(flags, 'warm-runs', 5),
    storage,
    cases: chosen as WriteCase[],
    onlyWrites: flags.has('only-writes'),
    template: text(flags, 'data-dir'),
  });
  const save = text(flags, 'save') ?? join(tmpdir(), `store-bench-${results.date.replace(/[:.]/g, '-')}.json`);
  await writeFile(save, JSON.stringify(results, null, 1));
  console.log(`raw figures: ${save} (report them again with --report ${save})`);
}
const extraFile = text(flags, 'extra');
const extra = extraFile ? (JSON.parse(await readFile(extraFile, 'utf8')) as Results) : undefined;
await report(results, writeDoc, text(flags, 'doc-path') ?? undefined, extra);
