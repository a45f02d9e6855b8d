/**
 * The measuring half of the server benchmark: each request over HTTP paired with its bare SQL, every try of
 * every input kept; where a cheap request spends its time; the server's plan for the slowest input; the
 * seeding statements timed per table.
 */
import type { Backend } from '../../server/backend.js';
import type { Database, Queryable } from '../../server/db/database.js';
import { seedIfEmpty } from '../../server/seeding.js';
import { operations } from '../../src/contract/operations.js';
import { summarize } from '../stats.js';
import { pageSize, tenant, token, type Case, type Shape } from './data.js';

export interface MeasureOptions {
  /** Measured inputs per shape. */
  runs: number;
  /** Unmeasured inputs per shape before measuring. */
  warmup: number;
  /** Tries per input; every try counts. */
  repeat: number;
}

/** Milliseconds by try, then by input: `tries[r][n]` is try r + 1 of input n. */
export type Tries = number[][];

export const emptyTries = (repeat: number): Tries => Array.from({ length: repeat }, () => []);
export const everyTry = (tries: Tries): number[] => tries.flat();
/** Each input's fastest try: what the query costs with the machine's load spikes filtered out. */
export const bestPerInput = (tries: Tries): number[] => (tries[0] ?? []).map((_, n) => Math.min(...tries.map((t) => t[n]!)));
export const p95ByTry = (tries: Tries): number[] => tries.map((t) => summarize(t).p95);

export interface Measured {
  shape: Shape;
  http: Tries;
  raw: Tries;
  /** Items on each measured page. */
  rows: number[];
  bodyBytes: number[];
  headerBytes: number;
  /** The slowest single try over HTTP. */
  slowest: { ms: number; input: Case };
  mismatches: string[];
  /** The two-phase what-if on the same inputs, where the shape has one. */
  twoPhase?: Tries;
}

/** The worst of the p95s over HTTP, one per try: what the verdict judges. */
export const worstP95 = (m: Measured): number => Math.max(...p95ByTry(m.http));

export interface Client {
  get(path: string): Promise<{ ms: number; status: number; body: string; headerBytes: number }>;
}

export function client(baseUrl: string): Client {
  return {
    async get(path) {
      let start = performance.now();
      let response: Response;
      try {
        response = await fetch(`${baseUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });
      } catch {
        // A kept-alive socket closed by the server just as it was reused (ECONNRESET): time a fresh attempt.
        start = performance.now();
        response = await fetch(`${baseUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });
      }
      const body = await response.text();
      const elapsed = performance.now() - start;
      let headerBytes = `HTTP/1.1 ${response.status} ${response.statusText}\r\n\r\n`.length;
      response.headers.forEach((value, name) => {
        headerBytes += name.length + value.length + 4;
      });
      return { ms: elapsed, status: response.status, body, headerBytes };
    },
  };
}

async function timeRaw(db: Queryable, input: Case): Promise<{ ms: number; rows: unknown[] }> {
  const start = performance.now();
  const rows = await input.raw(db);
  return { ms: performance.now() - start, rows };
}

export const idsOf = (items: unknown[]) => items.map((item) => (item as { data?: { id?: string }; id?: string }).data?.id ?? (item as { id?: string }).id);

export async function measureShape(shape: Shape, http: Client, db: Queryable, options: MeasureOptions): Promise<Measured> {
  for (let i = 0; i < options.warmup; i++) {
    const input = shape.make(i);
    await timeRaw(db, input);
    await http.get(input.path);
  }
  const result: Measured = {
    shape, http: emptyTries(options.repeat), raw: emptyTries(options.repeat), rows: [], bodyBytes: [], headerBytes: 0,
    slowest: { ms: -1, input: shape.make(0) }, mismatches: [],
  };
  for (let n = 0; n < options.runs; n++) {
    const input = shape.make(options.warmup + n);
    let raw!: Awaited<ReturnType<typeof timeRaw>>;
    let response!: Awaited<ReturnType<Client['get']>>;
    for (let r = 0; r < options.repeat; r++) {
      // Alternate which goes first, so neither side always meets the other's leftovers (GC, caches).
      if ((n + r) % 2 === 0) {
        raw = await timeRaw(db, input);
        response = await http.get(input.path);
      } else {
        response = await http.get(input.path);
        raw = await timeRaw(db, input);
      }
      if (response.status !== 200) throw new Error(`${input.path} answered ${response.status}: ${response.body.slice(0, 300)}`);
      result.http[r]!.push(response.ms);
      result.raw[r]!.push(raw.ms);
      if (response.ms > result.slowest.ms) result.slowest = { ms: response.ms, input };
    }
    result.bodyBytes.push(Buffer.byteLength(response.body));
    result.headerBytes = response.headerBytes;
    const items = (JSON.parse(response.body) as { items: unknown[] }).items;
    result.rows.push(items.length);
    if (n < 20) {
      const ours = idsOf(items).join();
      const bare = idsOf(raw.rows).join();
      if (ours !== bare && !shape.name.startsWith('GET /changes')) result.mismatches.push(input.label);
    }
  }
  return result;
}

/** Where the time of one cheap request goes: each step of the server's path timed on its own, medians. */
export interface Overhead {
  http: number;
  auth: number;
  sql: number;
  validate: number;
  stringify: number;
}

export async function measureOverhead(db: Queryable, http: Client, runs: number): Promise<Overhead> {
  const sql = `select data, name_key as key, id from relations where tenant_id = $1 and status <> 'archived'
     order by name_key asc, id asc limit ${pageSize + 1}`;
  const path = `/relations?limit=${pageSize}`;
  const samples: Record<keyof Overhead, number[]> = { http: [], auth: [], sql: [], validate: [], stringify: [] };
  const time = async <T>(key: keyof Overhead, work: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const value = await work();
    samples[key].push(performance.now() - start);
    return value;
  };
  for (let n = 0; n < runs; n++) {
    await time('http', () => http.get(path));
    await time('auth', () => db.query('select id, tenant_id, data from users where token = $1', [token]));
    const rows = await time('sql', () => db.query<{ data: unknown }>(sql, [tenant]));
    const body = { items: rows.slice(0, pageSize).map((row) => row.data), nextCursor: 'x' };
    await time('validate', () => operations.listRelations.response['~standard'].validate(body));
    await time('stringify', () => JSON.stringify(body));
  }
  return {
    http: summarize(samples.http).p50,
    auth: summarize(samples.auth).p50,
    sql: summarize(samples.sql).p50,
    validate: summarize(samples.validate).p50,
    stringify: summarize(samples.stringify).p50,
  };
}

export interface Plan {
  shape: string;
  input: string;
  lines: string[];
}

/** The server's own SQL for the slowest input, captured on its way to the database, explained with ANALYZE. */
export async function explainSlowest(backend: Backend, http: Client, measured: Measured): Promise<Plan> {
  const db = backend.db as Database;
  const original = db.query;
  let captured: { sql: string; params: readonly unknown[] } | undefined;
  db.query = <Row>(sql: string, params?: readonly unknown[]): Promise<Row[]> => {
    if (/^\s*select (data|c\.seq)/.test(sql)) captured = { sql, params: params ?? [] };
    return original<Row>(sql, params);
  };
  try {
    await http.get(measured.slowest.input.path);
  } finally {
    db.query = original;
  }
  if (!captured) throw new Error(`no list query seen for ${measured.slowest.input.path}`);
  const plan = await db.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${captured.sql}`, captured.params);
  return {
    shape: measured.shape.name,
    input: measured.slowest.input.label,
    lines: plan.map((row) => row['QUERY PLAN']).filter((line) => !/^\s*(Index Searches|Planning:|Buffers: shared hit=\d+$)/.test(line)),
  };
}

/** Seeds `db` (new, empty) as the first start does, timing the statements per table. */
export async function timeInserts(db: Database, relations: number): Promise<[string, number][]> {
  const times = new Map<string, number>();
  const timed = (tx: Queryable): Queryable => ({
    async query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]> {
      const start = performance.now();
      const rows = await tx.query<Row>(sql, params);
      const insert = /^\s*insert into (\w+)/i.exec(sql)?.[1];
      const index = /^\s*create index (\w+)/i.exec(sql)?.[1];
      const table = insert ? `insert ${insert}` : index ? `index ${index}` : 'other';
      times.set(table, (times.get(table) ?? 0) + performance.now() - start);
      return rows;
    },
    // As the first start loads on PGlite: by COPY, timed per table as the inserts are.
    ...(tx.copyCsv ? {
      async copyCsv(table: string, columns: readonly string[], csv: string | Uint8Array<ArrayBuffer>, options?: { freeze?: boolean }): Promise<void> {
        const start = performance.now();
        await tx.copyCsv!(table, columns, csv, options);
        times.set(`copy ${table}`, (times.get(`copy ${table}`) ?? 0) + performance.now() - start);
      },
    } : {}),
  });
  const exec = async (sql: string) => {
    const start = performance.now();
    await db.exec(sql);
    times.set(sql.trim().split(/\s+/)[0]!.toLowerCase(), performance.now() - start);
  };
  await seedIfEmpty({ ...db, exec, transaction: (work) => db.transaction((tx) => work(timed(tx))) }, { relations });
  return [...times].sort((a, b) => b[1] - a[1]).slice(0, 10);
}
