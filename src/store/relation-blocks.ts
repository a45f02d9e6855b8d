import type { IDBPTransaction, StoreNames } from 'idb';
import type { Cache, CachedRelation, CacheSchema } from './cache.js';
import { WriteSlices } from './slices.js';

/**
 * How the cache keeps relations: the way the in-memory index reads them, not one record each.
 *
 * - `relationBlocks`: blocks of about `blockSize` relations sorted by id, each one record keyed by the
 *   lowest id it may hold (the first block by ''); a block holds every id from its key up to the next key.
 * - `relationLog`: what was written since, in order, in records of up to `blockSize`: a page of the change
 *   feed is a few records, a single edit a record of one, written in the same transaction as its outbox entry.
 * - `meta.firstScreen`: the first listed relations by name, as the blocks hold them, for the first paint.
 *
 * Compaction folds the log into the blocks it touches, in one transaction, after a sync or a local write.
 * Reading one relation reads its block and the log; reading all reads a few hundred records instead of
 * 100,000, and writing a page of 2,000 writes eight records instead of 2,000 with four index entries each.
 */
export const relationStores = ['relationBlocks', 'relationLog'] as const;

export interface RelationLogRecord {
  put: CachedRelation[];
  deleted: string[];
}

/**
 * Every listed relation (active: not a lead, not archived) whose name key is at or before the last row's,
 * in name order; `complete` when that is every listed relation there is.
 */
export interface FirstScreen {
  rows: CachedRelation[];
  complete: boolean;
}

/**
 * Relations per record, in a block or a log record: one `put` of 250 copies them in a few milliseconds (1,000
 * took ~40 ms, a long task on a phone), and reading all of 100,000 in blocks of 250 is no slower than in
 * blocks of 1,000. A block splits beyond twice this.
 */
export const blockSize = 250;
/** Blocks per read when everything is read: each request's answer is turned into objects in its own task. */
const blocksPerRead = 8;
/** Rows the first screen keeps: more than a screenful. */
export const firstScreenRows = 100;
/** Fewer rows than this left after changes: the first screen is computed again from every relation. */
const refillBelow = 50;

type RelationTx<M extends IDBTransactionMode | 'versionchange'> = IDBPTransaction<CacheSchema, ArrayLike<StoreNames<CacheSchema>>, M>;

/**
 * Every relation: the blocks in key order, then what the log changed since. `known`: log records this tab
 * wrote, by key, used instead of reading them (see `logRecords`).
 */
export async function readAllRelations(tx: RelationTx<IDBTransactionMode>, known?: KnownLog): Promise<CachedRelation[]> {
  const blocks = tx.objectStore('relationBlocks');
  const keys = await blocks.getAllKeys();
  const reads: Promise<CachedRelation[][]>[] = [];
  for (let i = 0; i < keys.length; i += blocksPerRead) {
    reads.push(blocks.getAll(IDBKeyRange.bound(keys[i]!, keys[Math.min(keys.length, i + blocksPerRead) - 1]!)));
  }
  const [read, records] = await Promise.all([Promise.all(reads), logRecords(tx, known)]);
  const rows = read.flat(2);
  if (!records.length) return rows;
  const logged = fold(records);
  const kept = rows.filter((row) => !logged.has(row.id));
  for (const relation of logged.values()) if (relation) kept.push(relation);
  return kept;
}

/** These relations as the cache holds them now (undefined: not there), in the order asked. `known`: as above. */
export async function readRelations(
  tx: RelationTx<IDBTransactionMode>, ids: readonly string[], known?: KnownLog,
): Promise<(CachedRelation | undefined)[]> {
  const blocks = tx.objectStore('relationBlocks');
  const [keys, records] = await Promise.all([blocks.getAllKeys(), logRecords(tx, known)]);
  const logged = fold(records, new Set(ids));
  const reads = new Map<string, Promise<CachedRelation[] | undefined>>();
  for (const id of ids) {
    const key = blockOf(keys, id);
    if (!logged.has(id) && !reads.has(key)) reads.set(key, blocks.get(key));
  }
  const read = new Map(await Promise.all([...reads].map(async ([key, block]) => [key, (await block) ?? []] as const)));
  return ids.map((id) => (logged.has(id) ? logged.get(id) : findIn(read.get(blockOf(keys, id)) ?? [], id)));
}

/** Records writes of relations in a transaction: one log record, whatever their number. Resolves its key. */
export function logRelations(tx: RelationTx<'readwrite'>, record: RelationLogRecord): Promise<number> {
  return tx.objectStore('relationLog').add(record);
}

/**
 * Folds the log into the blocks it touches (splitting those grown past twice `blockSize`) and into the first
 * screen, in one transaction. Safe from any tab at any time: another tab's compaction finds an empty log.
 * `known`: log records this tab wrote, by key, which are not read back (a first sync's log is every relation).
 * Resolves whether there was anything to fold.
 */
export async function compactRelations(cache: Cache, known?: KnownLog): Promise<boolean> {
  const tx = cache.transaction([...relationStores, 'meta'], 'readwrite');
  tx.done.catch(() => undefined);
  const blocks = tx.objectStore('relationBlocks');
  const log = tx.objectStore('relationLog');
  const meta = tx.objectStore('meta');
  const [records, keys, screen] = await Promise.all([
    logRecords(tx, known), blocks.getAllKeys(), meta.get('firstScreen') as Promise<FirstScreen | undefined>,
  ]);
  if (!records.length) {
    await tx.done;
    return false;
  }
  const changes = fold(records);
  const touched = new Map<string, string[]>();
  for (const id of changes.keys()) {
    const key = blockOf(keys, id);
    const ids = touched.get(key);
    if (ids) ids.push(id);
    else touched.set(key, [id]);
  }
  const writes: Promise<unknown>[] = [log.clear()];
  const slices = new WriteSlices();
  const read = await Promise.all([...touched.keys()].map((key) => blocks.get(key)));
  // Every block rewritten (a first sync's fold): these rows are every relation, and the first screen comes
  // from them rather than from reading all back.
  const everyBlock = keys.every((key) => touched.has(key));
  const all: CachedRelation[] = [];
  for (const [i, [key, ids]] of [...touched].entries()) {
    const rows = new Map((read[i] ?? []).map((row) => [row.id, row]));
    for (const id of ids) {
      const relation = changes.get(id);
      if (relation) rows.set(id, relation);
      else rows.delete(id);
    }
    const sorted = [...rows.values()].sort(byId);
    if (everyBlock) for (const row of sorted) all.push(row);
    for (const write of writeBlock(tx, key, sorted)) {
      writes.push(write);
      await slices.after(write);
    }
  }
  let next = screen && patchFirstScreen(screen, changes);
  if (!next || (!next.complete && next.rows.length < refillBelow)) next = firstScreenOf(everyBlock ? all : await readAllRelations(tx));
  writes.push(meta.put(next, 'firstScreen'));
  await Promise.all([...writes, tx.done]);
  return true;
}

/**
 * The first `limit` listed relations by name, from the first screen and the log since, without reading any
 * block; undefined when the first screen cannot tell (none yet, or too few rows left after changes).
 */
export async function readFirstScreen(cache: Cache, limit: number): Promise<CachedRelation[] | undefined> {
  const tx = cache.transaction(['relationLog', 'meta']);
  const [screen, records] = await Promise.all([
    tx.objectStore('meta').get('firstScreen') as Promise<FirstScreen | undefined>, tx.objectStore('relationLog').getAll(),
  ]);
  if (!screen) return undefined;
  const now = records.length ? patchFirstScreen(screen, fold(records)) : screen;
  return now.complete || now.rows.length >= limit ? now.rows.slice(0, limit) : undefined;
}

/** The first screen of these relations. */
export function firstScreenOf(relations: readonly CachedRelation[]): FirstScreen {
  const listed = relations.filter(isListed).sort(byName);
  return { rows: listed.slice(0, firstScreenRows), complete: listed.length <= firstScreenRows };
}

/**
 * The first screen after these changes: a changed relation is in it when it is listed and sorts at or before
 * the last row (then it is exactly what every relation would give); past `firstScreenRows`, the rest is cut.
 */
export function patchFirstScreen(screen: FirstScreen, changes: ReadonlyMap<string, CachedRelation | undefined>): FirstScreen {
  const last = screen.complete ? undefined : screen.rows.at(-1);
  const rows = new Map(screen.rows.map((row) => [row.id, row]));
  for (const [id, relation] of changes) {
    rows.delete(id);
    if (relation && isListed(relation) && (!last || byName(relation, last) <= 0)) rows.set(id, relation);
  }
  const sorted = [...rows.values()].sort(byName);
  return sorted.length > firstScreenRows ? { rows: sorted.slice(0, firstScreenRows), complete: false } : { rows: sorted, complete: screen.complete };
}

/** Lays out relations (sorted by id) as blocks in an empty transaction: what a migration or a test starts from. */
export function writeBlocks(tx: RelationTx<'readwrite' | 'versionchange'>, sorted: readonly CachedRelation[]): Promise<unknown>[] {
  return [...writeBlock(tx, '', sorted)];
}

/**
 * The block at `key` holding these rows (sorted by id): split in about equal blocks beyond twice `blockSize`.
 * Each block is put as the caller takes it, so a caller that waits between them (a fold of a first sync
 * splits one block into hundreds) keeps each task to one put.
 */
function* writeBlock(tx: RelationTx<'readwrite' | 'versionchange'>, key: string, rows: readonly CachedRelation[]): Generator<Promise<unknown>> {
  const blocks = tx.objectStore('relationBlocks');
  // The first block stays, empty or not, so that every id has a block; another one emptied is dropped and
  // the block before it covers its range.
  if (!rows.length) {
    yield key === '' ? blocks.put([], key) : blocks.delete(key);
    return;
  }
  const parts = rows.length > 2 * blockSize ? Math.ceil(rows.length / blockSize) : 1;
  const size = Math.ceil(rows.length / parts);
  for (let at = 0; at < rows.length; at += size) yield blocks.put(rows.slice(at, at + size), at === 0 ? key : rows[at]!.id);
}

/** Log records a tab wrote and still holds, by key: the log's records never change once written. */
export type KnownLog = ReadonlyMap<number, RelationLogRecord>;

/** Unknown records read one by one up to this many; beyond it, the whole log in one request. */
const readOneByOne = 16;

/**
 * The log's records in order: those in `known` from memory (a first sync's log is every relation synced so
 * far, and reading it back would turn all of them into objects again), the others read.
 */
async function logRecords(tx: RelationTx<IDBTransactionMode>, known: KnownLog | undefined): Promise<RelationLogRecord[]> {
  const log = tx.objectStore('relationLog');
  if (!known?.size) return log.getAll();
  const keys = await log.getAllKeys();
  const unknown = keys.filter((key) => !known.has(key));
  if (unknown.length > readOneByOne) return log.getAll();
  const read = new Map(await Promise.all(unknown.map(async (key) => [key, (await log.get(key))!] as const)));
  return keys.map((key) => known.get(key) ?? read.get(key)!);
}

/** Each logged relation's latest state (undefined: deleted), in log order; only `only`'s ids when given. */
function fold(records: readonly RelationLogRecord[], only?: ReadonlySet<string>): Map<string, CachedRelation | undefined> {
  const latest = new Map<string, CachedRelation | undefined>();
  for (const record of records) {
    for (const relation of record.put) if (!only || only.has(relation.id)) latest.set(relation.id, relation);
    for (const id of record.deleted) if (!only || only.has(id)) latest.set(id, undefined);
  }
  return latest;
}

/** The key of the block that holds `id`: the last key at or before it (keys sorted, the first ''). */
function blockOf(keys: readonly string[], id: string): string {
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

function findIn(block: readonly CachedRelation[], id: string): CachedRelation | undefined {
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

function isListed(relation: CachedRelation): boolean {
  return relation.status === 'active';
}

function byId(a: CachedRelation, b: CachedRelation): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The order by name: the contract's name key, then id (in code units, as IndexedDB compares strings). */
function byName(a: CachedRelation, b: CachedRelation): number {
  return a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : byId(a, b);
}
