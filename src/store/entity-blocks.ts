import type { IDBPTransaction, StoreNames } from 'idb';
import type { CacheSchema } from './cache.js';
import { WriteSlices } from './slices.js';

/**
 * How the cache keeps the entities there are many of (relations, addresses): the way they are read, not one
 * record each.
 *
 * - Blocks: about `blockSize` entities sorted by id, each one record keyed by the lowest id it may hold (the
 *   first block by ''); a block holds every id from its key up to the next key.
 * - A log: what was written since, in order, in records of up to `blockSize`: a page of the change feed is a
 *   few records, a single edit a record of one, written in the same transaction as its outbox entry.
 *
 * Compaction folds the log into the blocks it touches, in one transaction. Reading one entity reads its block
 * and the log; reading all reads a few hundred records instead of 100,000 (in Chromium each record read costs
 * ~35 µs however small, so 140,000 addresses took ~5 s one by one and ~0.5 s in blocks), and writing a page
 * writes a few records instead of thousands with their index entries.
 */

export interface LogRecord<T> {
  put: T[];
  deleted: string[];
}

/**
 * Entities per record, in a block or a log record: one `put` of 250 copies them in a few milliseconds (1,000
 * took ~40 ms, a long task on a phone), and reading all of 100,000 in blocks of 250 is no slower than in
 * blocks of 1,000. A block splits beyond twice this.
 */
export const blockSize = 250;
/**
 * Blocks per read when everything is read: each request's answer is turned into objects in its own task, and
 * 500 relations are ~30 ms of that on a phone (Lighthouse's mobile profile measured 2,000 at ~190 ms).
 */
const blocksPerRead = 2;
/** Unknown log records read one by one up to this many; beyond it, the whole log in one request. */
const readOneByOne = 16;

type BlockStoreName = 'relationBlocks' | 'addressBlocks';
type LogStoreName = 'relationLog' | 'addressLog';
type DerivedStoreName = 'relationRows';

/** Where an entity's blocks and log are, and how a block record holds its entities. */
export interface BlockLayout<T extends { id: string }, Block> {
  blocks: BlockStoreName;
  log: LogStoreName;
  rowsOf(block: Block): T[];
  blockOf(rows: T[]): Block;
  /**
   * A record made from each block, kept under the block's key in another store: written and deleted with the
   * block, in the same transaction (what the index reads of relations, `relation-rows.ts`).
   */
  derived?: { store: DerivedStoreName; of(rows: T[]): unknown };
}

/** Log records a tab wrote and still holds, by key: the log's records never change once written. */
export type KnownLog<T> = ReadonlyMap<number, LogRecord<T>>;

export type BlockTx<M extends IDBTransactionMode | 'versionchange'> = IDBPTransaction<CacheSchema, ArrayLike<StoreNames<CacheSchema>>, M>;

/** The few requests made of a block or log store, whichever entity's: the layout says what its values are. */
interface RawStore {
  get(key: IDBValidKey): Promise<unknown>;
  getAll(range?: IDBKeyRange | null): Promise<unknown[]>;
  getAllKeys(): Promise<IDBValidKey[]>;
  put(value: unknown, key?: IDBValidKey): Promise<IDBValidKey>;
  add(value: unknown): Promise<IDBValidKey>;
  delete(key: IDBValidKey): Promise<void>;
  clear(): Promise<void>;
}

function raw(tx: BlockTx<IDBTransactionMode | 'versionchange'>, name: BlockStoreName | LogStoreName | DerivedStoreName): RawStore {
  return tx.objectStore(name) as unknown as RawStore;
}

/** Every entity: the blocks in key order, then what the log changed since. `known`: see `logRecords`. */
export async function readAll<T extends { id: string }, B>(
  tx: BlockTx<IDBTransactionMode>, layout: BlockLayout<T, B>, known?: KnownLog<T>,
): Promise<T[]> {
  const blocks = raw(tx, layout.blocks);
  const keys = (await blocks.getAllKeys()) as string[];
  const reads: Promise<unknown[]>[] = [];
  for (let i = 0; i < keys.length; i += blocksPerRead) {
    reads.push(blocks.getAll(IDBKeyRange.bound(keys[i]!, keys[Math.min(keys.length, i + blocksPerRead) - 1]!)));
  }
  const [read, records] = await Promise.all([Promise.all(reads), logRecords(tx, layout, known)]);
  const rows: T[] = [];
  for (const part of read) for (const block of part) for (const row of layout.rowsOf(block as B)) rows.push(row);
  if (!records.length) return rows;
  const logged = fold(records);
  const kept = rows.filter((row) => !logged.has(row.id));
  for (const entity of logged.values()) if (entity) kept.push(entity);
  return kept;
}

/** These entities as the cache holds them now (undefined: not there), in the order asked. `known`: as above. */
export async function readMany<T extends { id: string }, B>(
  tx: BlockTx<IDBTransactionMode>, layout: BlockLayout<T, B>, ids: readonly string[], known?: KnownLog<T>,
): Promise<(T | undefined)[]> {
  const blocks = raw(tx, layout.blocks);
  const [keys, records] = await Promise.all([blocks.getAllKeys() as Promise<string[]>, logRecords(tx, layout, known)]);
  const logged = fold(records, new Set(ids));
  const keyOf = ids.map((id) => blockKeyOf(keys, id));
  const reads = new Map<string, Promise<unknown>>();
  ids.forEach((id, i) => {
    if (!logged.has(id) && !reads.has(keyOf[i]!)) reads.set(keyOf[i]!, blocks.get(keyOf[i]!));
  });
  const read = new Map(await Promise.all([...reads].map(async ([key, block]) => {
    const found = await block;
    return [key, found === undefined ? [] : layout.rowsOf(found as B)] as const;
  })));
  return ids.map((id, i) => (logged.has(id) ? logged.get(id) : findIn(read.get(keyOf[i]!) ?? [], id)));
}

/** Records writes in a transaction: one log record, whatever their number. Resolves its key. */
export async function appendLog<T extends { id: string }, B>(
  tx: BlockTx<'readwrite'>, layout: BlockLayout<T, B>, record: LogRecord<T>,
): Promise<number> {
  return (await raw(tx, layout.log).add(record)) as number;
}

/** What a fold changed: each entity's latest state (undefined: deleted); `all` when every block was rewritten. */
export interface Folded<T> {
  changes: Map<string, T | undefined>;
  /** Every entity there is, when the fold rewrote every block (a first sync's): nothing need be read back. */
  all: T[] | undefined;
  /** The fold's writes, for the caller to await with its own. */
  writes: Promise<unknown>[];
}

/**
 * Folds the log into the blocks it touches (splitting those grown past twice `blockSize`), in the caller's
 * transaction, which it leaves open. Undefined when the log is empty. `known`: see `logRecords`.
 */
export async function foldLog<T extends { id: string }, B>(
  tx: BlockTx<'readwrite'>, layout: BlockLayout<T, B>, known?: KnownLog<T>,
): Promise<Folded<T> | undefined> {
  const blocks = raw(tx, layout.blocks);
  const [records, keys] = await Promise.all([logRecords(tx, layout, known), blocks.getAllKeys() as Promise<string[]>]);
  if (!records.length) return undefined;
  const changes = fold(records);
  const touched = new Map<string, string[]>();
  for (const id of changes.keys()) {
    const key = blockKeyOf(keys, id);
    const ids = touched.get(key);
    if (ids) ids.push(id);
    else touched.set(key, [id]);
  }
  const writes: Promise<unknown>[] = [raw(tx, layout.log).clear()];
  const slices = new WriteSlices();
  const read = await Promise.all([...touched.keys()].map((key) => blocks.get(key)));
  const everyBlock = keys.every((key) => touched.has(key));
  const all: T[] = [];
  for (const [i, [key, ids]] of [...touched].entries()) {
    const block = read[i];
    const rows = new Map((block === undefined ? [] : layout.rowsOf(block as B)).map((row) => [row.id, row]));
    for (const id of ids) {
      const entity = changes.get(id);
      if (entity) rows.set(id, entity);
      else rows.delete(id);
    }
    const sorted = [...rows.values()].sort(byId);
    if (everyBlock) for (const row of sorted) all.push(row);
    for (const write of writeBlock(tx, layout, key, sorted)) {
      writes.push(write);
      await slices.after(write);
    }
  }
  return { changes, all: everyBlock ? all : undefined, writes };
}

/** Lays out entities (sorted by id) as blocks in an empty transaction: what a migration or a test starts from. */
export function writeBlocks<T extends { id: string }, B>(
  tx: BlockTx<'readwrite' | 'versionchange'>, layout: BlockLayout<T, B>, sorted: readonly T[],
): Promise<unknown>[] {
  return [...writeBlock(tx, layout, '', sorted)];
}

/**
 * The block at `key` holding these rows (sorted by id): split in about equal blocks beyond twice `blockSize`.
 * Each block is put as the caller takes it, so a caller that waits between them (a fold of a first sync
 * splits one block into hundreds) keeps each task to one put.
 */
function* writeBlock<T extends { id: string }, B>(
  tx: BlockTx<'readwrite' | 'versionchange'>, layout: BlockLayout<T, B>, key: string, rows: readonly T[],
): Generator<Promise<unknown>> {
  const blocks = raw(tx, layout.blocks);
  const derived = layout.derived && { store: raw(tx, layout.derived.store), of: layout.derived.of };
  // The first block stays, empty or not, so that every id has a block; another one emptied is dropped and
  // the block before it covers its range.
  if (!rows.length && key !== '') {
    yield blocks.delete(key);
    if (derived) yield derived.store.delete(key);
    return;
  }
  const parts = rows.length > 2 * blockSize ? Math.ceil(rows.length / blockSize) : 1;
  const size = Math.max(1, Math.ceil(rows.length / parts));
  for (let at = 0; at === 0 || at < rows.length; at += size) {
    const part = rows.slice(at, at + size);
    const partKey = at === 0 ? key : rows[at]!.id;
    yield blocks.put(layout.blockOf(part), partKey);
    if (derived) yield derived.store.put(derived.of(part), partKey);
  }
}

/**
 * The log's records in order: those in `known` from memory (a first sync's log is every relation synced so
 * far, and reading it back would turn all of them into objects again), the others read.
 */
export async function logRecords<T extends { id: string }, B>(
  tx: BlockTx<IDBTransactionMode>, layout: BlockLayout<T, B>, known: KnownLog<T> | undefined,
): Promise<LogRecord<T>[]> {
  const log = raw(tx, layout.log);
  if (!known?.size) return (await log.getAll()) as LogRecord<T>[];
  const keys = (await log.getAllKeys()) as number[];
  const unknown = keys.filter((key) => !known.has(key));
  if (unknown.length > readOneByOne) return (await log.getAll()) as LogRecord<T>[];
  const read = new Map(await Promise.all(unknown.map(async (key) => [key, (await log.get(key)) as LogRecord<T>] as const)));
  return keys.map((key) => known.get(key) ?? read.get(key)!);
}

/** Each logged entity's latest state (undefined: deleted), in log order; only `only`'s ids when given. */
export function fold<T extends { id: string }>(records: readonly LogRecord<T>[], only?: ReadonlySet<string>): Map<string, T | undefined> {
  const latest = new Map<string, T | undefined>();
  for (const record of records) {
    for (const entity of record.put) if (!only || only.has(entity.id)) latest.set(entity.id, entity);
    for (const id of record.deleted) if (!only || only.has(id)) latest.set(id, undefined);
  }
  return latest;
}

/** The key of the block that holds `id`: the last key at or before it (keys sorted, the first ''). */
function blockKeyOf(keys: readonly string[], id: string): string {
  let low = 0;
  let high = keys.length - 1;
  let found = '';
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (keys[mid]! <= id) {
      found = keys[mid]!;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

function findIn<T extends { id: string }>(block: readonly T[], id: string): T | undefined {
  let low = 0;
  let high = block.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = block[mid]!.id;
    if (at === id) return block[mid];
    if (at < id) low = mid + 1;
    else high = mid - 1;
  }
  return undefined;
}

export function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
