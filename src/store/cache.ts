import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Address, Affiliation, ChangeEntity, ContactMoment, Label, OperationId, Relation } from '../contract/index.js';

/** A relation as cached: the resource plus the lower-case key the name index sorts on. */
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
  relations: { key: string; value: CachedRelation; indexes: { sortName: string; number: number; labelIds: string; status: string } };
  addresses: { key: string; value: Address; indexes: { relationId: string } };
  affiliations: { key: string; value: Affiliation; indexes: { personId: string; organizationId: string } };
  contactMoments: { key: string; value: ContactMoment; indexes: { relationId: string; personId: string } };
  labels: { key: string; value: Label };
  outbox: { key: number; value: OutboxEntry; indexes: { entityId: string } };
  meta: { key: string; value: unknown };
}

export type Cache = IDBPDatabase<CacheSchema>;

/** Which object store holds each entity of the change feed. */
export const storeOf = {
  relation: 'relations',
  address: 'addresses',
  affiliation: 'affiliations',
  contactMoment: 'contactMoments',
  label: 'labels',
} as const satisfies Record<ChangeEntity, keyof CacheSchema>;

export type EntityStore = (typeof storeOf)[ChangeEntity];

/** What the cache stores for an entity: relations gain their sort key. */
export function toCached(entity: ChangeEntity, data: unknown): unknown {
  if (entity !== 'relation') return data;
  const relation = data as Relation;
  const person = relation.person;
  const sortName = (person ? `${person.lastName} ${person.initials ?? person.firstName ?? ''}` : relation.displayName).trim().toLowerCase();
  return { ...relation, sortName };
}

/** `onBlocking` runs when another tab deletes this database (a sign-out there): this tab must let go. */
export async function openCache(name: string, onBlocking: () => void): Promise<Cache> {
  return openDB<CacheSchema>(name, 1, {
    blocking: onBlocking,
    upgrade(db) {
      const relations = db.createObjectStore('relations', { keyPath: 'id' });
      relations.createIndex('sortName', 'sortName');
      relations.createIndex('number', 'number');
      relations.createIndex('labelIds', 'labelIds', { multiEntry: true });
      relations.createIndex('status', 'status');
      db.createObjectStore('addresses', { keyPath: 'id' }).createIndex('relationId', 'relationId');
      const affiliations = db.createObjectStore('affiliations', { keyPath: 'id' });
      affiliations.createIndex('personId', 'personId');
      affiliations.createIndex('organizationId', 'organizationId');
      const moments = db.createObjectStore('contactMoments', { keyPath: 'id' });
      moments.createIndex('relationId', 'relationId');
      moments.createIndex('personId', 'personId');
      db.createObjectStore('labels', { keyPath: 'id' });
      db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true }).createIndex('entityId', 'entityId');
      db.createObjectStore('meta');
    },
  });
}

export async function deleteCache(name: string): Promise<void> {
  await deleteDB(name);
}
