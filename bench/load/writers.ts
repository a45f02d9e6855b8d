/**
 * `npx tsx bench/load/writers.ts [--seconds N] [--writers N] [--relations N]`: writes only, one writer alone
 * and then N writers at once, against two server processes sharing one PostgreSQL database (TEST_DATABASE_URL,
 * emptied first). Each writer loops: create a relation (with an Idempotency-Key), update one of 100 seeded
 * relations (If-Match: *), add a label to 5 seeded relations; every request goes to the next instance in
 * turn. Prints writes per second and p50/p99 latency per phase: what many writers of one tenant get
 * compared with one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Label } from '../../src/contract/index.js';
import { parseArgs, positive } from '../args.js';
import { resetPostgres } from '../../test/node/server/harness.js';
import { startServerProcess, type ServerProcess } from './server-process.js';
import { apiReader, listAll } from './verify.js';

const { flags } = parseArgs(process.argv.slice(2));
const seconds = positive(flags, 'seconds', 10);
const writers = positive(flags, 'writers', 16);
const relations = positive(flags, 'relations', 1000);
const url = process.env.TEST_DATABASE_URL;
if (!url) throw new Error('TEST_DATABASE_URL names the PostgreSQL database to empty and use');

async function send(server: ServerProcess, method: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { Authorization: 'Bearer demo-anna', 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
}

/** `count` writers for `seconds`: writes per second and latency percentiles in ms. */
async function phase(servers: ServerProcess[], ids: string[], labels: string[], count: number, tag: string) {
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  let turn = 0;
  await Promise.all(Array.from({ length: count }, async (_, w) => {
    for (let i = 0; performance.now() < end; i++) {
      const server = servers[turn++ % servers.length]!;
      const pick = (k: number) => ids[(w * 7919 + i * 31 + k * 101) % ids.length]!;
      const started = performance.now();
      if (i % 3 === 0) {
        await send(server, 'POST', '/relations', { kind: 'organization', organization: { name: `Writers ${tag} ${w}-${i}` } },
          { 'Idempotency-Key': `${tag}-${w}-${i}` });
      } else if (i % 3 === 1) {
        await send(server, 'PATCH', `/relations/${pick(0)}`, { email: `w${w}i${i}@example.nl` }, { 'If-Match': '*' });
      } else {
        await send(server, 'POST', '/relations/labels', { relationIds: [0, 1, 2, 3, 4].map(pick), addLabelIds: [labels[i % labels.length]!] });
      }
      latencies.push(performance.now() - started);
    }
  }));
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
  console.log(`${count} writer(s): ${(latencies.length / seconds).toFixed(0)} writes/s, p50 ${at(0.5)} ms, p99 ${at(0.99)} ms (${latencies.length} writes)`);
}

await resetPostgres(url);
const dirs: string[] = [];
const servers: ServerProcess[] = [];
try {
  for (let i = 0; i < 2; i++) {
    dirs.push(mkdtempSync(join(tmpdir(), 'relations-writers-')));
    servers.push(await startServerProcess({ dataDir: dirs[i]!, databaseUrl: url, relations, timeoutMs: 10 * 60_000 }));
  }
  const get = apiReader(servers[0]!.baseUrl);
  const ids = (await listAll(get, '&status=lead,active')).slice(0, 100).map((relation) => relation.id);
  const labels = (await get<{ items: Label[] }>('/labels')).items.map((label) => label.id);
  console.log(`load average before: ${loadavg().map((load) => load.toFixed(2)).join(' ')}`);
  await phase(servers, ids, labels, 1, 'a');
  await phase(servers, ids, labels, writers, 'b');
} finally {
  for (const server of servers) await server.kill('SIGTERM');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
