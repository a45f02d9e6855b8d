/**
 * `npm run bench -- server [options]` (or `npx tsx bench/server/run.ts`): the reference backend with N demo
 * relations: first-start time, then a page of 50 per query shape over real HTTP (fetch to a loopback port),
 * each request paired with the bare SQL a minimal PGlite backend would run for the same page, on the same
 * PGlite instance, with the same inputs, interleaved in the same run. Every try counts: the verdict judges
 * the p95 of each try, each input's best try is shown beside it. Prints the table and writes the section
 * "## Reference backend: a page of 50 of 100,000 relations" of docs/performance.md.
 *
 * Options:
 *   --relations N   demo relations to seed (default 100000)
 *   --runs N        measured inputs per query shape (default 200)
 *   --warmup N      unmeasured inputs per shape first (default 20)
 *   --repeat N      tries per input, each one judged (default 3)
 *   --no-seed-breakdown  skip the second seeding that times the statements per table
 *   --doc / --no-doc  write docs/performance.md (default: only when --relations is 100000)
 *   --doc-path FILE   write the section into this file instead of docs/performance.md
 */
import { serve, type ServerType } from '@hono/node-server';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend, type Backend } from '../../server/backend.js';
import { openDatabase } from '../../server/db/open.js';
import { generateSeed } from '../../server/seed/generate.js';
import { parseArgs, positive } from '../args.js';
import { replaceSection } from '../doc.js';
import { ms, summarize, textTable } from '../stats.js';
import { loadShapes, type Shape } from './data.js';
import {
  client, everyTry, explainSlowest, measureOverhead, measureShape, p95ByTry, timeInserts, worstP95,
  type Client, type MeasureOptions, type Measured,
} from './measure.js';
import { docHeading, header, intro, median, passRows, report, rightAligned, seconds, target, type Pass } from './report.js';
import { measureProposals, measureTwoPhase } from './what-ifs.js';


async function listen(backend: Backend): Promise<{ server: ServerType; baseUrl: string }> {
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: backend.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  // Phases without HTTP (bare SQL, what-ifs) last longer than Node's 5 s keep-alive: keep the connection open.
  if ('keepAliveTimeout' in server) server.keepAliveTimeout = 120_000;
  return { server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1` };
}

const load = () => loadavg().map((value) => value.toFixed(1)).join(' / ');

async function runPass(title: string, shapes: Shape[], backend: Backend, http: Client, options: MeasureOptions): Promise<Pass> {
  console.log(`\n${title}`);
  const measured: Measured[] = [];
  for (const shape of shapes) {
    const started = performance.now();
    const m = await measureShape(shape, http, backend.db, options);
    await measureTwoPhase(backend.db, m, options);
    measured.push(m);
    const ours = summarize(everyTry(m.http));
    const twoPhase = m.twoPhase ? summarize(everyTry(m.twoPhase)) : undefined;
    const extra = twoPhase ? `, 2-phase p50 ${ms(twoPhase.p50)} p95 ${ms(twoPhase.p95)}` : '';
    console.log(
      `  ${shape.name}: ours p50 ${ms(ours.p50)} p95 ${ms(ours.p95)} (by try ${p95ByTry(m.http).map(ms).join(' / ')}) ms, ` +
        `SQL p50 ${ms(summarize(everyTry(m.raw)).p50)}${extra} ms (${seconds(performance.now() - started)})`,
    );
  }
  const pass: Pass = { title, measured, plans: [] };
  console.log(`\n${textTable(header, passRows(pass).map((row) => row.map((cell) => cell.replace(/\*\*/g, ''))), rightAligned)}`);
  // The slowest shape always, and every other shape that misses the target on any try.
  const bySlowness = [...measured].sort((a, b) => worstP95(b) - worstP95(a));
  for (const m of bySlowness.filter((m, i) => i === 0 || worstP95(m) >= target)) {
    const plan = await explainSlowest(backend, http, m);
    pass.plans.push(plan);
    console.log(`\nEXPLAIN ANALYZE, ${plan.shape}, ${plan.input}:\n${plan.lines.join('\n')}`);
  }
  return pass;
}

const { flags } = parseArgs(process.argv.slice(2));
const relations = positive(flags, 'relations', 100_000);
const options: MeasureOptions = {
  runs: positive(flags, 'runs', 200),
  warmup: positive(flags, 'warmup', 20),
  repeat: positive(flags, 'repeat', 3),
};
const seedBreakdown = !flags.has('no-seed-breakdown');
const docPath = flags.get('doc-path');
if (docPath === true) throw new Error('--doc-path needs a file');
const docFile = docPath ?? fileURLToPath(new URL('../../docs/performance.md', import.meta.url));
const writeDoc = flags.has('doc') ? true : flags.has('no-doc') ? false : relations === 100_000;

const cpu = cpus();
const machine = `${cpu.length} x ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, PGlite (embedded PostgreSQL, wasm)`;
const loadBefore = load();
console.log(`server bench: ${relations} relations, ${options.runs} inputs x ${options.repeat} tries + ${options.warmup} warm-up per shape; ${machine}; load ${loadBefore}`);

const dataDir = mkdtempSync(join(tmpdir(), 'relations-bench-'));
const scratchDir = mkdtempSync(join(tmpdir(), 'relations-bench-empty-'));
let backend: Backend | undefined;
let server: ServerType | undefined;
try {
  const backendOptions = { dataDir, outbox: join(dataDir, 'mail'), seedRelations: relations };
  let started = performance.now();
  backend = await createBackend(backendOptions);
  const firstStartMs = performance.now() - started;
  console.log(`first start (new data dir, seed ${relations}): ${seconds(firstStartMs)}`);

  // The parts of that, measured on their own afterwards.
  started = performance.now();
  generateSeed({ tenant: 'demo', relations });
  generateSeed({ tenant: 'acme', relations: Math.min(200, relations) });
  const generateMs = performance.now() - started;
  started = performance.now();
  const empty = await openDatabase({ dataDir: scratchDir });
  const openNewMs = performance.now() - started;
  const inserts = seedBreakdown ? await timeInserts(empty, relations) : [];
  await empty.close();
  console.log(`of which: generating the seed ${seconds(generateMs)}, opening + migrating a new data dir ${seconds(openNewMs)}`);
  if (inserts.length) console.log(`seeding statements: ${inserts.map(([table, t]) => `${table} ${seconds(t)}`).join(', ')}`);

  await backend.close();
  started = performance.now();
  backend = await createBackend(backendOptions);
  const reopenMs = performance.now() - started;
  console.log(`later start (reopen): ${seconds(reopenMs)}`);

  const shapes = await loadShapes(backend.db);
  const listening = await listen(backend);
  server = listening.server;
  const http = client(listening.baseUrl);

  // The backend analyzes after seeding (server/seeding.ts), so this is the planner as it ships.
  const pass = await runPass('As the server ships (statistics present)', shapes, backend, http, options);
  const overhead = await measureOverhead(backend.db, http, options.runs);
  const proposals = await measureProposals(backend.db, shapes, options);
  console.log(`\noverhead of a cheap page (medians, ms): ${JSON.stringify(overhead, (_, v: unknown) => (typeof v === 'number' ? Number(v.toFixed(2)) : v))}`);
  const changes = pass.measured.find((m) => m.shape.name.startsWith('GET /changes'))!;
  const text = report(pass, {
    relations,
    firstStartMs,
    generateMs,
    openNewMs,
    inserts,
    reopenMs,
    machine,
    loadBefore,
    loadAfter: load(),
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    options,
    changes: { bodyBytes: median(changes.bodyBytes), headerBytes: changes.headerBytes },
    overhead,
    proposals,
  });
  if (writeDoc) {
    replaceSection(docFile, docHeading, text, intro);
    console.log(`\nwrote "${docHeading.slice(3)}" in ${docFile}`);
  } else {
    console.log(`\n(docs/performance.md not written: pass --doc to write it for ${relations} relations)`);
  }
} finally {
  server?.close();
  await backend?.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(scratchDir, { recursive: true, force: true });
}
