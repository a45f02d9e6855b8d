import { deleteDB, openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import {
  addressStores, logAddresses, readAddresses, writeAddressBlocks, type AddressBlock, type AddressLogRecord,
} from './address-blocks.js';
import { byId } from './entity-blocks.js';
import {
  logRelations, readRelations, relationStores, writeBlocks, firstScreenOf, type RelationLogRecord,
} from './relation-blocks.js';
import type { RelationRowBlock } from './relation-rows.js';
import {
  relationNameKey, type Address, type Affiliation, type ChangeEntity, type ContactMoment, type Label, type Me, type OperationId,
  type Relation,
} from '../contract/index.js';

/** A relation as cached: the resource plus the key it sorts on by name (`relationNameKey`). */
export type CachedRelation = Relation & { sortName: string };

export type PendingState = 'pending' | 'conflict' | 'rejected';

/** A write waiting to reach the backend, stored before it is sent so that no reload or crash loses it. */
export interface OutboxEntry {
  seq?: number;
  /** Sent as Idempotency-Key on POST: a resend after a lost answer creates nothing twice. */
  key: string;
  operationId: OperationId;
  request: Record<string, unknown>;
  entity: ChangeEntity | null;
  entityId: string | null;
  /** The server version the user edited; If-Match of PATCH and DELETE. */
  baseVersion: number | null;
  /** The cached entity before this write was applied optimistically, to put back when the user discards it. */
  before: unknown;
  state: PendingState;
  error?: { status: number; title: string; detail?: string | undefined; fieldErrors: { path: string; message: string; code: string }[] };
  /** On a conflict: the entity as the server has it now. */
  current?: unknown;
  createdAt: string;
  attempts: number;
}

export interface CacheSchema extends DBSchema {
  /** Relations in blocks sorted by id, and the log of writes since (`relation-blocks.ts`). */
  relationBlocks: { key: string; value: CachedRelation[] };
  relationLog: { key: number; value: RelationLogRecord };
  /** What the index reads of each relation block, under the block's key (`relation-rows.ts`). */
  relationRows: { key: string; value: RelationRowBlock };
  /** Addresses in blocks sorted by id, each listing its owners, and the log of writes since (`address-blocks.ts`). */
  addressBlocks: { key: string; value: AddressBlock; indexes: { owners: string } };
  addressLog: { key: number; value: AddressLogRecord };
  affiliations: { key: string; value: Affiliation; indexes: { personId: string; organizationId: string } };
  contactMoments: { key: string; value: ContactMoment; indexes: { relationId: string; personId: string } };
  labels: { key: string; value: Label };
  outbox: { key: number; value: OutboxEntry; indexes: { entityId: string } };
  meta: { key: string; value: unknown };
}

export type Cache = IDBPDatabase<CacheSchema>;

/** Each entity of the change feed as the API gives it. */
export interface Entities {
  relation: Relation;
  address: Address;
  affiliation: Affiliation;
  contactMoment: ContactMoment;
  label: Label;
}

/** Any entity's value, as an outbox entry or a conflict holds it next to its `entity`. */
export type EntityValue = Entities[ChangeEntity];

/** Which object stores hold each entity of the change feed. */
const storesOf = {
  relation: relationStores,
  address: addressStores,
  affiliation: ['affiliations'],
  contactMoment: ['contactMoments'],
  label: ['labels'],
} as const satisfies Record<ChangeEntity, readonly StoreNames<CacheSchema>[]>;

export type EntityStore = (typeof storesOf)[ChangeEntity][number];

/** Every object store that holds entities: the one list that each transaction over entities names. */
export const entityStores: readonly EntityStore[] = Object.values(storesOf).flat();

export type WriteTransaction = IDBPTransaction<CacheSchema, StoreNames<CacheSchema>[], 'readwrite'>;

/** What the cache stores for a relation: the relation and the key it sorts on by name. */
export function toCached(entity: 'relation', data: Relation): CachedRelation;
export function toCached<E extends ChangeEntity>(entity: E, data: Entities[E]): Entities[E];
export function toCached(entity: ChangeEntity, data: EntityValue): EntityValue {
  return entity === 'relation' ? cachedRelation(data as Relation) : data;
}

function cachedRelation(relation: Relation): CachedRelation {
  return { ...relation, sortName: relationNameKey(relation) };
}

/** The entity as the API gives it: without what the cache adds for its own indexes. */
export function strip<T>(cached: T): T {
  if (!cached || typeof cached !== 'object' || !('sortName' in cached)) return cached;
  const { sortName: _sortName, ...rest } = cached as T & { sortName: string };
  return rest as T;
}

/** Reads and writes one entity's object store in a transaction, in the API's terms. */
export interface EntityAccess<E extends ChangeEntity> {
  get(id: string): Promise<Entities[E] | undefined>;
  put(value: Entities[E]): Promise<unknown>;
  delete(id: string): Promise<unknown>;
}

/** Relations in a transaction, also many at once: one read of their blocks, one log record for their writes. */
export interface RelationAccess extends EntityAccess<'relation'> {
  getMany(ids: readonly string[]): Promise<(Relation | undefined)[]>;
  putMany(relations: readonly Relation[]): Promise<unknown>;
}

export function relationAccess(tx: WriteTransaction): RelationAccess {
  const getMany = async (ids: readonly string[]) => (await readRelations(tx, ids)).map((relation) => strip(relation));
  const putMany = (relations: readonly Relation[]) => logRelations(tx, { put: relations.map(cachedRelation), deleted: [] });
  return {
    getMany,
    putMany,
    get: async (id) => (await getMany([id]))[0],
    put: (relation) => putMany([relation]),
    delete: (id) => logRelations(tx, { put: [], deleted: [id] }),
  };
}

/** Addresses in a transaction: read from their block and the log, each write a log record. */
function addressAccess(tx: WriteTransaction): EntityAccess<'address'> {
  return {
    get: async (id) => (await readAddresses(tx, [id]))[0],
    put: (address) => logAddresses(tx, { put: [address], deleted: [] }),
    delete: (id) => logAddresses(tx, { put: [], deleted: [id] }),
  };
}

const access: { [E in ChangeEntity]: (tx: WriteTransaction) => EntityAccess<E> } = {
  relation: relationAccess,
  address: addressAccess,
  affiliation: (tx) => tx.objectStore('affiliations'),
  contactMoment: (tx) => tx.objectStore('contactMoments'),
  label: (tx) => tx.objectStore('labels'),
};

/** The object store of `entity` in a transaction that includes it. */
export function entityStore<E extends ChangeEntity>(tx: WriteTransaction, entity: E): EntityAccess<E> {
  return access[entity](tx);
}

/** Opens a read-write transaction over every entity store and `others`. */
export function writeEntities(
  cache: Cache,
  others: readonly ('outbox' | 'meta')[],
  durability: IDBTransactionDurability = 'default',
): WriteTransaction {
  return cache.transaction([...entityStores, ...others], 'readwrite', { durability });
}

/** The IndexedDB database of one user of one tenant of one backend. */
export function partitionName(baseUrl: string, me: Pick<Me, 'id' | 'tenant'>): string {
  return `relation-elements:v1:${encodeURIComponent(absoluteUrl(baseUrl))}:${encodeURIComponent(me.tenant.id)}:${encodeURIComponent(me.id)}`;
}

export function absoluteUrl(baseUrl: string): string {
  return typeof location === 'undefined' ? baseUrl : new URL(baseUrl, location.href).href;
}

/** `onBlocking` runs when another tab deletes this database (a sign-out there): this tab must let go. */
export async function openCache(name: string, onBlocking: () => void): Promise<Cache> {
  return openDB<CacheSchema>(name, 5, {
    blocking: onBlocking,
    async upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        const affiliations = db.createObjectStore('affiliations', { keyPath: 'id' });
        affiliations.createIndex('personId', 'personId');
        affiliations.createIndex('organizationId', 'organizationId');
        const moments = db.createObjectStore('contactMoments', { keyPath: 'id' });
        moments.createIndex('relationId', 'relationId');
        moments.createIndex('personId', 'personId');
        db.createObjectStore('labels', { keyPath: 'id' });
        db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true }).createIndex('entityId', 'entityId');
        db.createObjectStore('meta');
      }
      if (oldVersion < 3) {
        db.createObjectStore('relationBlocks');
        db.createObjectStore('relationLog', { autoIncrement: true });
      }
      // Before the migrations below write blocks, so their rows are written with them. Blocks of version 3
      // and 4 have none: the index reads those whole once and writes their rows (`refreshRows`).
      if (oldVersion < 5) db.createObjectStore('relationRows');
      if (oldVersion >= 1 && oldVersion < 3) {
        // Versions 1 and 2 kept a record per relation; their name key is made again (version 1 folded case
        // only, the contract's key also folds accents, as the server does).
        const legacy = tx.objectStore('relations' as StoreNames<CacheSchema>) as unknown as { getAll(): Promise<CachedRelation[]> };
        const relations = (await legacy.getAll()).map((row) => cachedRelation(strip(row)));
        db.deleteObjectStore('relations' as StoreNames<CacheSchema>);
        await Promise.all([...writeBlocks(tx, relations), tx.objectStore('meta').put(firstScreenOf(relations), 'firstScreen')]);
      }
      if (oldVersion < 4) {
        db.createObjectStore('addressBlocks').createIndex('owners', 'owners', { multiEntry: true });
        db.createObjectStore('addressLog', { autoIncrement: true });
      }
      if (oldVersion >= 1 && oldVersion < 4 && db.objectStoreNames.contains('addresses' as StoreNames<CacheSchema>)) {
        // Versions 1 to 3 kept a record per address (reading 140,000 of them took ~5 s): laid out in blocks.
        const legacy = tx.objectStore('addresses' as StoreNames<CacheSchema>) as unknown as { getAll(): Promise<Address[]> };
        const addresses = (await legacy.getAll()).sort(byId);
        db.deleteObjectStore('addresses' as StoreNames<CacheSchema>);
        await Promise.all(writeAddressBlocks(tx, addresses));
      }
    },
  });
}

export async function deleteCache(name: string): Promise<void> {
  await deleteDB(name);
}
