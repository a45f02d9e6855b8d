/**
 * `npm run bench -- wire [options]` (or `npx tsx bench/wire/run.ts`): a first sync's bytes on the wire and its
 * time, compressed against uncompressed (issue 11). The reference backend with N demo relations listens on
 * loopback; in front of it, a TCP proxy in this process counts every byte each way and imitates a network
 * link. A client does what the store's first sync does (`listChanges` through the SDK, pages of the store's
 * size, from cursor 0 until `hasMore` is false), asking with `Accept-Encoding: identity`, as a browser over
 * plain HTTP (`gzip, deflate`) and as one over HTTPS (`gzip, deflate, br, zstd`), each in turn through the
 * same link, the order rotating every round: once over the throttled link, once over bare loopback.
 * Prints the table and writes the section "## First sync over the wire: compressed against uncompressed
 * (issue 11)" of docs/performance.md.
 *
 * Options:
 *   --relations N   demo relations to seed (default 100000)
 *   --rounds N      rounds; each syncs once per coding and link (default 3)
 *   --mbit N        bandwidth of the throttled link, each way, in Mbit/s (default 50)
 *   --latency-ms N  delay the throttled link adds each way (default 20)
 *   --doc / --no-doc  write docs/performance.md (default: only at full length, 100,000 relations and 3 rounds)
 */
import { serve, type ServerType } from '@hono/node-server';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend, type Backend } from '../../server/backend.js';
import { createRelationsClient } from '../../src/sdk/index.js';
import { changePageSize } from '../../src/store/sync.js';
import { parseArgs, positive } from '../args.js';
import { replaceSection } from '../doc.js';
import { sourceVersion } from '../machine.js';
import { codings, docHeading, markdown, textReport, type Coding, type LinkName, type Sync } from './report.js';
import { openLink, type LinkShape } from './link.js';

const { flags } = parseArgs(process.argv.slice(2));
const relations = positive(flags, 'relations', 100_000);
const rounds = positive(flags, 'rounds', 3);
const mbit = positive(flags, 'mbit', 50, false);
const latencyMs = flags.get('latency-ms') === '0' ? 0 : positive(flags, 'latency-ms', 20, false);
const fullLength = relations === 100_000 && rounds >= 3;
const writeDoc = flags.has('doc') ? true : flags.has('no-doc') ? false : fullLength;
const shapes: Record<LinkName, LinkShape> = {
  throttled: { bitsPerSecond: mbit * 1e6, latencyMs },
  loopback: { bitsPerSecond: Number.POSITIVE_INFINITY, latencyMs: 0 },
};

/** One complete first sync through a fresh link: a new connection, as a first visit opens one. */
async function firstSync(serverPort: number, link: LinkName, coding: Coding): Promise<Sync> {
  const proxy = await openLink(serverPort, shapes[link]);
  const answered = new Set<string>();
  const client = createRelationsClient({
    baseUrl: `http://127.0.0.1:${proxy.port}/api/v1`,
    getToken: () => 'demo-anna',
    locale: 'nl',
    // A browser sets Accept-Encoding itself; Node's fetch lets us send what the browser would.
    fetch: async (input, init) => {
      const request = new Request(input, init);
      request.headers.set('Accept-Encoding', coding.acceptEncoding);
      const response = await fetch(request);
      answered.add(response.headers.get('content-encoding') ?? 'identity');
      return response;
    },
  });
  try {
    const started = performance.now();
    let since = '0';
    let pages = 0;
    let entities = 0;
    for (;;) {
      // The SDK's 15 s default suits one request of an app, not a large page over a slow link.
      const page = await client.listChanges({ since, limit: changePageSize }, { timeout: 10 * 60_000 });
      pages++;
      entities += page.items.length;
      since = page.nextCursor;
      if (!page.hasMore) break;
    }
    const ms = performance.now() - started;
    return { link, coding: coding.name, ms, pages, entities, cursor: since, up: proxy.bytes.up, down: proxy.bytes.down, answered: [...answered] };
  } finally {
    await proxy.close();
  }
}

const rotate = <T>(items: readonly T[], by: number): T[] => items.map((_, i) => items[(i + by) % items.length]!);

const loadBefore = loadavg();
const startedAt = new Date();
const source = sourceVersion();
console.log(`wire bench: ${relations.toLocaleString('en-US')} relations, ${rounds} rounds, link ${mbit} Mbit/s + ${latencyMs} ms each way`);
const dataDir = mkdtempSync(join(tmpdir(), 'relations-bench-wire-'));
let backend: Backend | undefined;
let server: ServerType | undefined;
try {
  let started = performance.now();
  backend = await createBackend({ dataDir, outbox: join(dataDir, 'mail'), seedRelations: relations });
  console.log(`backend ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const app = backend.app;
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;

  // Unmeasured: the first pass warms PGlite's caches and the JIT for every coding.
  started = performance.now();
  for (const coding of codings) await firstSync(port, 'loopback', coding);
  console.log(`warm-up (one sync per coding over loopback) ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const syncs: Sync[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const link of ['throttled', 'loopback'] as const) {
      for (const coding of rotate(codings, round)) {
        const sync = await firstSync(port, link, coding);
        syncs.push(sync);
        console.log(
          `  round ${round + 1}, ${link}, ${coding.name}: ${(sync.ms / 1000).toFixed(2)} s, ${sync.down.toLocaleString('en-US')} bytes down, ` +
            `${sync.pages} pages, answered ${sync.answered.join('/')}`,
        );
      }
    }
  }
  // Every sync must have received the same feed, or the comparison compares different work.
  const first = syncs[0]!;
  const odd = syncs.find((sync) => sync.entities !== first.entities || sync.cursor !== first.cursor || sync.pages !== first.pages);
  if (odd) throw new Error(`syncs differ: ${JSON.stringify(first)} against ${JSON.stringify(odd)}`);

  const context = { relations, rounds, mbit, latencyMs, loadBefore, loadAfter: loadavg(), startedAt, source };
  console.log(`\n${textReport(syncs, context)}`);
  if (writeDoc) {
    const file = fileURLToPath(new URL('../../docs/performance.md', import.meta.url));
    replaceSection(file, docHeading, markdown(syncs, context), '# Performance');
    console.log(`\nwrote "${docHeading.slice(3)}" in ${file}`);
  } else {
    console.log(`\n(docs/performance.md not written: only at full length, or with --doc)`);
  }
} finally {
  server?.close();
  await backend?.close();
  rmSync(dataDir, { recursive: true, force: true });
}
