import type { Address, Change, ChangeEntity, ChangePage, Relation } from '../contract/index.js';
import { logAddresses } from './address-blocks.js';
import { entityStore, toCached, type EntityAccess, writeEntities, type Cache, type CachedRelation, type OutboxEntry } from './cache.js';
import { blockSize, type LogRecord } from './entity-blocks.js';
import { logRelations, type RelationLogRecord } from './relation-blocks.js';
import type { IndexedAddress } from './relation-index.js';
import { WriteSlices } from './slices.js';

/** JSON merge patch (RFC 7396): objects merge, `null` removes, everything else replaces. */
export function mergePatch<T>(target: T, patch: unknown): T {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch as T;
  const result: Record<string, unknown> = target && typeof target === 'object' && !Array.isArray(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const current = result[key];
    result[key] = value !== null && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object'
      ? mergePatch(current, value)
      : value;
  }
  return result as T;
}

/**
 * The entity as the user sees it: the server's state with their pending writes on top, in order. A sync
 * that brings a newer server state therefore never hides what the user typed but has not been sent yet.
 */
export function withPending<T>(server: T, pending: readonly OutboxEntry[]): T | undefined {
  let value = server;
  for (const entry of pending) {
    if (entry.operationId.startsWith('delete')) return undefined;
    const body = entry.request['body'];
    if (entry.operationId.startsWith('update') && value) value = mergePatch(value, body);
  }
  return value;
}

/** A page of the feed as the pull loop follows it: whether more follow, from where, and how many. */
export function pageInfo(page: ChangePage): { hasMore: boolean; nextCursor: string; remaining: number; count: number } {
  return { hasMore: page.hasMore, nextCursor: page.nextCursor, remaining: page.remaining, count: page.items.length };
}

/** What a page of the change feed changed: which entities, and each relation as written (undefined: gone). */
export interface Applied {
  touched: Set<ChangeEntity>;
  relations: [id: string, relation: CachedRelation | undefined][];
  /** The page's records of the relation log, by key: folding them needs no read back. */
  logged: [key: number, record: RelationLogRecord][];
  /** Each address as written (undefined: gone), as far as search needs it: the index takes them as they are. */
  addresses: [id: string, address: IndexedAddress | undefined][];
}

/** What the in-memory index keeps of an address, and no more: it crosses from the sync worker for each page. */
function indexed(address: Address): IndexedAddress {
  return { id: address.id, relationId: address.relationId, city: address.city, postalCode: address.postalCode };
}

/**
 * Applies one page of the change feed in one transaction, together with the cursor it advances to. Its
 * relations and addresses are records of their logs, a block's worth each; the other entities a record each. The
 * writes are cut in slices, so the page stays responsive while a page of 2,000 is written.
 */
export async function applyChanges(cache: Cache, changes: readonly Change[], cursor: string): Promise<Applied> {
  const touched = new Set<ChangeEntity>();
  const tx = writeEntities(cache, ['outbox', 'meta']);
  tx.done.catch(() => undefined);
  const pendingByEntity = new Map<string, OutboxEntry[]>();
  for (const entry of await tx.objectStore('outbox').getAll()) {
    if (!entry.entityId) continue;
    pendingByEntity.set(entry.entityId, [...(pendingByEntity.get(entry.entityId) ?? []), entry]);
  }
  // Each relation's state as the page leaves it; made cached (with its name key) record by record below.
  const states = new Map<string, Relation | undefined>();
  const addressStates = new Map<string, Address | undefined>();
  const writes: Promise<unknown>[] = [];
  const slices = new WriteSlices();
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    touched.add(change.entity);
    const pending = pendingByEntity.get(change.id);
    const value = change.op === 'delete' ? undefined : pending ? withPending(change.data, pending) : change.data;
    if (change.entity === 'relation') {
      states.set(change.id, value as Relation | undefined);
      continue;
    }
    if (change.entity === 'address') {
      addressStates.set(change.id, value as Address | undefined);
      continue;
    }
    const store: EntityAccess<ChangeEntity> = entityStore(tx, change.entity);
    const write = value ? store.put(value) : store.delete(change.id);
    // Awaited below, in a slice or all together: a failure is reported there, not as unhandled meanwhile.
    write.catch(() => undefined);
    writes.push(write);
    await slices.after(write);
  }
  const logged: Applied['logged'] = [];
  const relations: Applied['relations'] = [];
  const addresses: Applied['addresses'] = [];
  // Each log record is written as soon as it is made, so that the slices keep making and copying apart.
  for (const part of inBlocks(states)) {
    const record: RelationLogRecord = { put: [], deleted: [] };
    for (const [id, state] of part) {
      const relation = state && toCached('relation', state);
      relations.push([id, relation]);
      if (relation) record.put.push(relation);
      else record.deleted.push(id);
    }
    const write = logRelations(tx, record).then((key) => void logged.push([key, record]));
    write.catch(() => undefined);
    writes.push(write);
    await slices.after(write);
  }
  for (const part of inBlocks(addressStates)) {
    const record: LogRecord<Address> = { put: [], deleted: [] };
    for (const [id, address] of part) {
      addresses.push([id, address && indexed(address)]);
      if (address) record.put.push(address);
      else record.deleted.push(id);
    }
    const write = logAddresses(tx, record);
    write.catch(() => undefined);
    writes.push(write);
    await slices.after(write);
  }
  writes.push(tx.objectStore('meta').put(cursor, 'cursor'));
  await Promise.all([...writes, tx.done]);
  return { touched, relations, logged, addresses };
}

/** The entries of `states` in runs of `blockSize`: one log record each. */
function* inBlocks<T>(states: ReadonlyMap<string, T>): Generator<[string, T][]> {
  const entries = [...states];
  for (let at = 0; at < entries.length; at += blockSize) yield entries.slice(at, at + blockSize);
}
