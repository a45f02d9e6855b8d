import { cpus, totalmem } from 'node:os';
import { loadSentence } from '../machine.js';
import { markdownTable, percentile, textTable } from '../stats.js';

export const docHeading = '## First sync over the wire: compressed against uncompressed (issue 11)';

/** What a client asks for: nothing, what a browser asks over plain HTTP, what it asks over HTTPS. */
export const codings = [
  { name: 'uncompressed', acceptEncoding: 'identity' },
  { name: 'gzip, a browser over HTTP', acceptEncoding: 'gzip, deflate' },
  { name: 'brotli, a browser over HTTPS', acceptEncoding: 'gzip, deflate, br, zstd' },
] as const;
export type Coding = (typeof codings)[number];
export type LinkName = 'throttled' | 'loopback';

/** One complete first sync. */
export interface Sync {
  link: LinkName;
  coding: Coding['name'];
  ms: number;
  pages: number;
  entities: number;
  cursor: string;
  /** TCP payload bytes client to server and back. */
  up: number;
  down: number;
  /** The Content-Encoding of the answers (`identity` for none). */
  answered: string[];
}

export interface Context {
  relations: number;
  rounds: number;
  mbit: number;
  latencyMs: number;
  loadBefore: number[];
  loadAfter: number[];
  startedAt: Date;
  source: string;
}

const size = (bytes: number) => (bytes >= 2 ** 20 ? `${(bytes / 2 ** 20).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const plural = (count: number, noun: string) => `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
const ratio = (ours: number, base: number) => `${(ours / base).toFixed(2)}x`;

function figures(syncs: readonly Sync[], context: Context) {
  const of = (coding: string, link: LinkName) => syncs.filter((sync) => sync.coding === coding && sync.link === link);
  const median = (values: number[]) => percentile(values, 50);
  const rows = codings.map((coding) => {
    const throttled = of(coding.name, 'throttled');
    const loopback = of(coding.name, 'loopback');
    const down = median(throttled.map((sync) => sync.down));
    const pages = throttled[0]!.pages;
    return {
      coding,
      answered: [...new Set(throttled.flatMap((sync) => sync.answered))].join(', '),
      down,
      up: median(throttled.map((sync) => sync.up)),
      throttled: throttled.map((sync) => sync.ms),
      loopback: median(loopback.map((sync) => sync.ms)),
      // What the link alone costs: the bytes at its bandwidth, plus a round trip to connect and one per page.
      linkAlone: (down * 8 * 1000) / (context.mbit * 1e6) + (pages + 1) * 2 * context.latencyMs,
    };
  });
  return rows.map((row) => ({ ...row, base: rows[0]! }));
}

const header = (context: Context) => [
  'Accept-Encoding', 'answered', 'bytes down', 'bytes up', 'down vs uncompressed',
  `${context.mbit} Mbit/s + ${context.latencyMs} ms: p50 (min–max)`, 'vs uncompressed', 'the link alone', 'loopback p50', 'vs uncompressed',
];
const align = [false, false, true, true, true, true, true, true, true, true];

function rows(syncs: readonly Sync[], context: Context): string[][] {
  return figures(syncs, context).map(({ coding, answered, down, up, throttled, loopback, linkAlone, base }) => {
    const p50 = percentile(throttled, 50);
    return [
      `\`${coding.acceptEncoding}\` (${coding.name})`, answered, size(down), size(up), ratio(down, base.down),
      `${seconds(p50)} (${seconds(Math.min(...throttled))}–${seconds(Math.max(...throttled))})`,
      ratio(p50, percentile(base.throttled, 50)), seconds(linkAlone), seconds(loopback), ratio(loopback, base.loopback),
    ];
  });
}

function summary(syncs: readonly Sync[], context: Context): string {
  const all = figures(syncs, context);
  const [plain, , br] = all as [(typeof all)[0], (typeof all)[0], (typeof all)[0]];
  const { entities, pages } = syncs[0]!;
  return (
    `A first sync of ${context.relations.toLocaleString('en-US')} relations (${entities.toLocaleString('en-US')} entities in ${plural(pages, 'page')} of the feed) ` +
    `moves ${size(br.down)} asking as a browser over HTTPS against ${size(plain.down)} uncompressed (${(plain.down / br.down).toFixed(1)}x less), ` +
    `and takes ${seconds(percentile(br.throttled, 50))} against ${seconds(percentile(plain.throttled, 50))} over ${context.mbit} Mbit/s with ${context.latencyMs} ms each way ` +
    `(median of ${plural(context.rounds, 'round')}); over bare loopback ${seconds(br.loopback)} against ${seconds(plain.loopback)}.`
  );
}

export function textReport(syncs: readonly Sync[], context: Context): string {
  return `${textTable(header(context), rows(syncs, context), align)}\n\n${summary(syncs, context)}`;
}

export function markdown(syncs: readonly Sync[], context: Context): string {
  const cpu = cpus();
  const machine = `${cpu.length} x ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  return `Measured ${context.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}; ${context.source}. ${loadSentence(context.loadBefore, context.loadAfter)}.

${markdownTable(header(context), rows(syncs, context), align)}

${summary(syncs, context)}

**Method.** \`npm run bench -- wire\`. The reference backend (PGlite on disk) seeded with ${context.relations.toLocaleString('en-US')} demo relations, on loopback. In front of it, in the benchmark's process, a TCP proxy counts the bytes each way (TCP payload: HTTP headers, bodies and chunk framing; not TCP/IP headers) and imitates a link: each direction sends at ${context.mbit} Mbit/s and adds ${context.latencyMs} ms, in order. It does not imitate TCP's slow start or windows, which would cost the larger, uncompressed transfer more. The client is the SDK in Node doing what the store's first sync does: \`listChanges\` from cursor 0 in pages of the store's size until \`hasMore\` is false, each page parsed and checked against the contract (no IndexedDB: the store bench measures that part). It asks with the \`Accept-Encoding\` a browser sends, and fetch decodes as a browser does. Each sync opens a fresh connection. A round syncs once per coding over the throttled link, then once per coding over bare loopback (the proxy passing bytes through: what compression costs in CPU on both sides), the order of the codings rotating from round to round; ${plural(context.rounds, 'round')} after one unmeasured sync per coding. "The link alone" is the time the link needs for those bytes and round trips with an infinitely fast server and client. The backend compresses with brotli at quality 4 or gzip at level 6 (\`server/compression.ts\`); answers under 1 KiB and the event stream go uncompressed.`;
}
