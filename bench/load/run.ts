/**
 * `npm run bench -- load [options]` (or `npx tsx bench/load/run.ts`): mixed traffic against the reference
 * backend with autocannon, over loopback HTTP: 35 % list and 35 % get, 10 % create (with an Idempotency-Key),
 * 10 % update (with If-Match of the version last seen, so an update that loses a race gets the expected 412)
 * and 10 % bulk label, from N connections for S seconds. First on PGlite (one server process with a new data
 * dir, as `npm start` runs), then on PostgreSQL with two server processes sharing one database, connections
 * alternating between them. Reports per kind answers per second, p50 and p99 latency of 2xx answers and the
 * answers that were not 2xx; then reads the data back and checks it against the acknowledged writes.
 *
 * PostgreSQL: DATABASE_URL as it is (seeded only when empty), else TEST_DATABASE_URL, which is emptied first
 * (as the tests do); without either, PostgreSQL is skipped.
 *
 * Options:
 *   --seconds N      duration of each run (default 60)
 *   --connections N  concurrent connections (default 50)
 *   --relations N    demo relations to seed (default 3000, as `npm start`)
 *   --only pglite|postgresql  run one storage (never writes the doc)
 *   --no-doc         do not write our section of docs/performance.md (written only at full length: 60 s,
 *                    50 connections, both storages)
 *   --doc-path FILE  write the section into FILE instead, at any length (to look at it)
 * Exits with 1 when a run had errors other than the expected 412s or the data did not match.
 */
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Label } from '../../src/contract/index.js';
import { parseArgs, positive } from '../args.js';
import { resetPostgres } from '../../test/node/server/harness.js';
import { replaceSection } from '../doc.js';
import { loadSentence, sourceVersion } from '../machine.js';
import { markdownRun, printRun, unexpected, type StorageRun } from './report.js';
import { startServerProcess, type ServerProcess } from './server-process.js';
import { bulkSize, hotRelations, Traffic, type TrafficSetup } from './traffic.js';
import { apiReader, listAll, verify } from './verify.js';

const { flags } = parseArgs(process.argv.slice(2));
const seconds = positive(flags, 'seconds', 60);
const connections = positive(flags, 'connections', 50);
const relations = positive(flags, 'relations', 3000);
const only = flags.get('only');
if (only !== undefined && only !== 'pglite' && only !== 'postgresql') throw new Error('--only takes pglite or postgresql');
const fullLength = seconds >= 60 && connections >= 50;
const docPath = flags.get('doc-path');
if (docPath === true) throw new Error('--doc-path takes a file');
const writeDoc = docPath !== undefined || (fullLength && !only && !flags.has('no-doc'));
/** Labels made for the run; bulk requests add them in turn (see traffic.ts). */
const benchLabels = 30;

const postgresUrl = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const loadBefore = loadavg();
const startedAt = new Date();
const source = sourceVersion();

/** The seed as the run starts, the run's labels, and list queries a user of the overview would send. */
async function prepare(baseUrl: string, tag: string): Promise<TrafficSetup> {
  const get = apiReader(baseUrl);
  const seeded = await listAll(get, '&status=lead,active,archived');
  if (seeded.length < hotRelations + bulkSize) throw new Error(`only ${seeded.length} relations; the load needs at least ${hotRelations + bulkSize}`);
  const seedLabels = (await get<{ items: Label[] }>('/labels')).items;
  const benchLabelIds: string[] = [];
  for (let k = 1; k <= benchLabels; k++) {
    const response = await fetch(`${baseUrl}/labels`, {
      method: 'POST',
      headers: { Authorization: 'Bearer demo-anna', 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: `Load ${tag} ${k}`, color: '#3366cc' }),
    });
    if (response.status !== 201) throw new Error(`creating a label: ${response.status} ${await response.text()}`);
    benchLabelIds.push(((await response.json()) as Label).id);
  }
  const firstPage = await get<{ nextCursor: string | null }>('/relations?limit=50');
  const terms = [...new Set(seeded.map((relation) => /[a-z]{4,}/i.exec(relation.displayName)?.[0].slice(0, 4).toLowerCase()).filter(Boolean))].slice(0, 3);
  const listPaths = [
    '/relations?limit=50',
    '/relations?limit=50&sort=-updatedAt',
    '/relations?limit=50&status=lead&kind=person&sort=city',
    ...terms.map((term) => `/relations?limit=50&q=${term}`),
    ...seedLabels.slice(0, 2).map((label) => `/relations?limit=50&labelIds=${label.id}`),
    ...(firstPage.nextCursor ? [`/relations?limit=50&cursor=${encodeURIComponent(firstPage.nextCursor)}`] : []),
  ];
  return {
    tag,
    relations: seeded.map(({ id, version, labelIds, email }) => ({ id, version, labelIds, email })),
    benchLabelIds,
    listPaths,
    basePath: '/api/v1',
  };
}


async function runOn(name: string, databaseUrl: string | undefined, instances: number): Promise<StorageRun> {
  const dirs: string[] = [];
  const servers: ServerProcess[] = [];
  try {
    const started = performance.now();
    for (let i = 0; i < instances; i++) {
      dirs.push(mkdtempSync(join(tmpdir(), 'relations-load-')));
      // One at a time: the first migrates and seeds, the others find it done.
      servers.push(await startServerProcess({ dataDir: dirs[i]!, databaseUrl, relations, timeoutMs: 30 * 60_000 }));
    }
    const startMs = performance.now() - started;
    const tag = Date.now().toString(36);
    const setup = await prepare(servers[0]!.baseUrl, tag);
    console.log(`\n${name}: ${setup.relations.length.toLocaleString('en-US')} relations on ${instances} instance(s), ready in ${(startMs / 1000).toFixed(1)} s; ${connections} connections for ${seconds} s…`);
    const traffic = new Traffic(setup);
    const instance = autocannon({
      url: servers.map((server) => server.baseUrl.replace(/\/api\/v1$/, '')),
      connections,
      duration: seconds,
      // autocannon's default, said here: an answer slower than this counts as an error (a timeout).
      timeout: 10,
      requests: [traffic.request()],
    });
    instance.on('response', (_client, _status, _bytes, responseMs) => traffic.recordLatency(responseMs));
    const result = await instance;
    const ledger = traffic.finish();
    // Requests cut off at the end may still be running on the server; let it drain before reading back.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const verification = await verify(apiReader(servers[servers.length - 1]!.baseUrl), tag, setup.relations, ledger);
    return { name, instances, relations: setup.relations.length, startMs, result, figures: traffic.figures, verification };
  } catch (error) {
    for (const server of servers) console.error(`server ${server.pid} wrote to stderr:\n${server.stderr()}`);
    throw error;
  } finally {
    for (const server of servers) await server.kill('SIGTERM');
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

const runs: StorageRun[] = [];
if (only !== 'postgresql') runs.push(await runOn('PGlite', undefined, 1));
let postgresNote = '';
if (only !== 'pglite') {
  if (postgresUrl) {
    if (!process.env.DATABASE_URL) await resetPostgres(postgresUrl);
    runs.push(await runOn('PostgreSQL', postgresUrl, 2));
  } else {
    postgresNote = 'PostgreSQL was not run: neither DATABASE_URL nor TEST_DATABASE_URL is set.';
    console.warn(postgresNote);
  }
}
const loadAfter = loadavg();
for (const run of runs) printRun(run);
const failed = runs.some((run) => unexpected(run).length > 0 || run.verification.problems.length > 0);
if (failed) process.exitCode = 1;

if (writeDoc) {
  const markdown = `Measured ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus().length} x ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 1024 ** 3)} GiB, Node ${process.version}; ${source}. ${loadSentence(loadBefore, loadAfter)}.

${runs.map(markdownRun).join('\n\n')}${postgresNote ? `\n\n${postgresNote}` : ''}

**Method.** \`npm run bench -- load\` (\`--seconds\`, \`--connections\`, \`--relations\`). The reference backend runs as its own process (\`server/main.ts\`, as \`npm start\` runs it): on PGlite one instance with a new data dir; on PostgreSQL two instances on one database, the connections alternating between them. autocannon ${connections} connections for ${seconds} s, in the benchmark's process on the same machine (it takes CPU from the servers: on two cores the figures are a floor). Each request is drawn at random: 35 % \`listRelations\` (a page of 50: by name, by last change, leads among persons by city, a search, a label filter, the second page), 35 % \`getRelation\` of a seeded relation, 10 % \`createRelation\` (an organization or a person, with an \`Idempotency-Key\`), 10 % \`updateRelation\` (a new e-mail, \`If-Match\` with the version the client last saw, on one of ${hotRelations} relations so that two connections sometimes edit the same one: the loser gets 412 and the current version, as the store would), 10 % bulk label (\`POST /relations/labels\` adding a label to ${bulkSize} relations, with an \`Idempotency-Key\`; chunk after chunk through the other seeded relations, the next of ${benchLabels} labels each round), all as anna. Latencies are of 2xx answers (an answer slower than 10 s counts as an error), timed by autocannon from sending a request to its whole answer, so they include the time a request waits on the server behind the other connections' requests. Afterwards the data is read back over the API and checked: each acknowledged create exists once, exactly as answered; each seeded relation's version equals its version before plus its acknowledged updates plus the labels bulk requests newly gave it, its e-mail is that of its last acknowledged update, and it has every acknowledged label. Requests still unanswered when the run ended may or may not have been stored; the check allows either outcome, but never a create stored twice.`;
  const file = docPath ?? new URL('../../docs/performance.md', import.meta.url).pathname;
  replaceSection(file, '## Load: mixed traffic against the reference backend (issue 11)', markdown, '# Performance');
  console.log(`\nwrote our section of ${file}`);
}
