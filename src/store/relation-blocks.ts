import type { Cache, CachedRelation } from './cache.js';
import {
  appendLog, byId, fold, foldLog, logRecords, readAll, readMany, writeBlocks as writeEntityBlocks, type BlockLayout, type BlockTx,
  type KnownLog as KnownLogOf, type LogRecord,
} from './entity-blocks.js';
import { appendRelations, appendRows, rowBlockOf, rowsFormat, type IndexedRelations, type RelationRowBlock } from './relation-rows.js';
import { nextTask } from '../sdk/next-task.js';

export { blockSize } from './entity-blocks.js';

/**
 * How the cache keeps relations: in blocks and a log (`entity-blocks.ts`); beside each block, the rows the
 * in-memory index reads of it (`relation-rows.ts`); and `meta.firstScreen`: the first listed relations by
 * name, as the blocks hold them, for the first paint. Compaction also brings the first screen up to date.
 */
export const relationStores = ['relationBlocks', 'relationLog', 'relationRows'] as const;

/** A relation block is the array of its relations. */
const layout: BlockLayout<CachedRelation, CachedRelation[]> = {
  blocks: 'relationBlocks', log: 'relationLog', rowsOf: (block) => block, blockOf: (rows) => rows,
  derived: { store: 'relationRows', of: rowBlockOf },
};
/** Blocks' rows per read when the index loads: a read of 2,500 rows is turned into values in ~4 ms. */
const rowBlocksPerRead = 10;
/** Blocks whose rows are written again per transaction (`refreshRows`): a few milliseconds of search texts each. */
const refreshedPerTask = 4;

export type RelationLogRecord = LogRecord<CachedRelation>;

/**
 * Every listed relation (active: not a lead, not archived) whose name key is at or before the last row's,
 * in name order; `complete` when that is every listed relation there is.
 */
export interface FirstScreen {
  rows: CachedRelation[];
  complete: boolean;
}

/** Rows the first screen keeps: more than a screenful. */
export const firstScreenRows = 100;
/** Fewer rows than this left after changes: the first screen is computed again from every relation. */
const refillBelow = 50;

type RelationTx<M extends IDBTransactionMode | 'versionchange'> = BlockTx<M>;

/**
 * Every relation: the blocks in key order, then what the log changed since. `known`: log records this tab
 * wrote, by key, used instead of reading them (see `logRecords`).
 */
export function readAllRelations(tx: RelationTx<IDBTransactionMode>, known?: KnownLog): Promise<CachedRelation[]> {
  return readAll(tx, layout, known);
}

/**
 * Every relation as the index loads it: each block's rows where the cache holds them in this version's format,
 * else the block whole (`stale` lists those blocks' keys, for `refreshRows`); then what the log changed since,
 * whole. In the order `readAllRelations` gives. With the name order an earlier start kept (`keepNameOrder`).
 * The transaction includes `meta`.
 */
export async function readIndexedRelations(
  tx: RelationTx<IDBTransactionMode>, known?: KnownLog,
): Promise<IndexedRelations & { stale: string[] }> {
  const blocks = tx.objectStore('relationBlocks');
  const rowStore = tx.objectStore('relationRows');
  const [keys, rowKeys] = await Promise.all([blocks.getAllKeys(), rowStore.getAllKeys()]);
  const rowKeySet = new Set(rowKeys);
  const blockKeys = new Set(keys);
  // Rows of no block: none are written so, but if one were, it is written again (deleted) like a stale one.
  const stale = rowKeys.filter((key) => !blockKeys.has(key));
  let r = 0;
  const reads: Promise<(CachedRelation[] | RelationRowBlock)[]>[] = [];
  for (let i = 0; i < keys.length; i += rowBlocksPerRead) {
    const part = keys.slice(i, i + rowBlocksPerRead);
    const last = part.at(-1)!;
    // The rows records in the part's range (both key lists sorted): exactly the part's keys, or they are not used.
    let inRange = 0;
    while (r < rowKeys.length && rowKeys[r]! <= last) if (rowKeys[r++]! >= part[0]!) inRange++;
    const range = IDBKeyRange.bound(part[0]!, last);
    const rowsFit = inRange === part.length && part.every((key) => rowKeySet.has(key));
    // Rows for every block of the part, or the part's blocks whole (a cache written before rows were kept).
    reads.push(rowsFit ? rowStore.getAll(range) : blocks.getAll(range));
  }
  const [read, records, nameOrder] = await Promise.all([
    Promise.all(reads), logRecords(tx, layout, known), tx.objectStore('meta').get('nameOrder'),
  ]);
  const format = rowsFormat();
  const perBlock = read.flat();
  // A block read whole, or whose rows are of another format (written by another version): whole, and stale.
  const current = await Promise.all(perBlock.map((block, b) => {
    if (!Array.isArray(block) && block.format === format) return block;
    stale.push(keys[b]!);
    return Array.isArray(block) ? block : blocks.get(keys[b]!).then((relations) => relations ?? []);
  }));
  const loaded: IndexedRelations = { rows: [], names: [], own: [] };
  for (const block of current) {
    if (Array.isArray(block)) appendRelations(loaded, block);
    else appendRows(loaded, block);
  }
  if (nameOrder instanceof Int32Array) loaded.nameOrder = nameOrder;
  if (!records.length) return { ...loaded, stale };
  const logged = fold(records);
  const kept: IndexedRelations = { rows: [], names: [], own: [], nameOrder: loaded.nameOrder };
  loaded.rows.forEach((row, i) => {
    if (logged.has(row.id)) return;
    kept.rows.push(row);
    kept.names.push(loaded.names[i]!);
    kept.own.push(loaded.own[i]);
  });
  appendRelations(kept, [...logged.values()].filter((relation) => relation !== undefined));
  return { ...kept, stale };
}

/** Keeps the index's name order (positions as `readIndexedRelations` gives them) for the next start. */
export async function keepNameOrder(cache: Cache, order: Int32Array): Promise<void> {
  await cache.put('meta', order, 'nameOrder');
}

/**
 * Writes again the rows of these blocks (their rows absent or of another format), a few blocks per
 * transaction and task; each block read and its rows written in one transaction, so they agree even when
 * another tab folds in between. `live` false stops it (the cache closed or forgotten).
 */
export async function refreshRows(cache: Cache, keys: readonly string[], live: () => boolean): Promise<void> {
  for (let i = 0; i < keys.length && live(); i += refreshedPerTask) {
    const tx = cache.transaction(['relationBlocks', 'relationRows'], 'readwrite');
    const part = keys.slice(i, i + refreshedPerTask);
    const read = await Promise.all(part.map((key) => tx.objectStore('relationBlocks').get(key)));
    const rows = tx.objectStore('relationRows');
    const writes = part.map((key, b) => (read[b] ? rows.put(rowBlockOf(read[b]), key) : rows.delete(key)));
    await Promise.all([...writes, tx.done]);
    await nextTask();
  }
}

/** These relations as the cache holds them now (undefined: not there), in the order asked. `known`: as above. */
export function readRelations(
  tx: RelationTx<IDBTransactionMode>, ids: readonly string[], known?: KnownLog,
): Promise<(CachedRelation | undefined)[]> {
  return readMany(tx, layout, ids, known);
}

/** Records writes of relations in a transaction: one log record, whatever their number. Resolves its key. */
export function logRelations(tx: RelationTx<'readwrite'>, record: RelationLogRecord): Promise<number> {
  return appendLog(tx, layout, record);
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
  const meta = tx.objectStore('meta');
  const [folded, screen] = await Promise.all([foldLog(tx, layout, known), meta.get('firstScreen') as Promise<FirstScreen | undefined>]);
  if (!folded) {
    await tx.done;
    return false;
  }
  const { changes, all, writes } = folded;
  // Every block rewritten (a first sync's fold): `all` is every relation, and the first screen comes from it
  // rather than from reading all back.
  let next = screen && patchFirstScreen(screen, changes);
  if (!next || (!next.complete && next.rows.length < refillBelow)) next = firstScreenOf(all ?? (await readAllRelations(tx)));
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
  return writeEntityBlocks(tx, layout, sorted);
}

/** Relation log records a tab wrote and still holds, by key. */
export type KnownLog = KnownLogOf<CachedRelation>;

function isListed(relation: CachedRelation): boolean {
  return relation.status === 'active';
}

/** The order by name: the contract's name key, then id (in code units, as IndexedDB compares strings). */
function byName(a: CachedRelation, b: CachedRelation): number {
  return a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : byId(a, b);
}
