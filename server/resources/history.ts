import type { Affiliation, FieldChange, HistoryAction, HistoryEntity, HistoryEntry } from '../../src/contract/index.js';
import type { Actor, Handlers } from '../context.js';
import type { Queryable } from '../db/database.js';
import { decodeCursor, requireRelation, toPage } from './shared.js';

/**
 * Fields history leaves out: identity and bookkeeping that every write changes, and what follows from other
 * fields (a relation's `displayName` from its name parts, its `city` from its addresses, whose own history
 * shows the change).
 */
const bookkeeping = ['id', 'version', 'createdAt', 'updatedAt'];
const unrecorded: Record<HistoryEntity, ReadonlySet<string>> = {
  relation: new Set([...bookkeeping, 'displayName', 'city']),
  address: new Set([...bookkeeping, 'relationId']),
  affiliation: new Set(bookkeeping),
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every leaf of `value` by dotted path; objects are walked, lists and scalars are leaves. */
function leaves(value: unknown, path: string, into: Map<string, unknown>, skip: ReadonlySet<string>): void {
  if (isRecord(value)) {
    for (const [key, inner] of Object.entries(value)) {
      if (path || !skip.has(key)) leaves(inner, path ? `${path}.${key}` : key, into, skip);
    }
  } else {
    into.set(path, value ?? null);
  }
}

/**
 * The fields that differ between two states of an entity (`null` for before a creation or after a deletion),
 * in the order the entity lists them. A field that is empty on both sides (`null`, or a missing object's
 * fields) is no change.
 */
export function fieldChanges(entity: HistoryEntity, before: object | null, after: object | null): FieldChange[] {
  const old = new Map<string, unknown>();
  const next = new Map<string, unknown>();
  leaves(before, '', old, unrecorded[entity]);
  leaves(after, '', next, unrecorded[entity]);
  old.delete('');
  next.delete('');
  const changes: FieldChange[] = [];
  for (const field of new Set([...old.keys(), ...next.keys()])) {
    const from = old.get(field) ?? null;
    const to = next.get(field) ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes.push({ field, old: from, new: to });
  }
  return changes;
}

export interface HistoryRecord {
  relationId: string;
  entity: HistoryEntity;
  entityId: string;
  action: HistoryAction;
  before: object | null;
  after: object | null;
}

/**
 * Writes what changed into the history of the relation, in the write's own transaction: a rolled-back
 * write leaves no entry. An update that changed no recorded field leaves none either.
 */
export async function recordHistory(tx: Queryable, actor: Actor, now: Date, record: HistoryRecord): Promise<void> {
  const changes = fieldChanges(record.entity, record.before, record.after);
  if (changes.length === 0 && record.action === 'updated') return;
  await tx.query(
    `insert into relation_history (tenant_id, relation_id, at, actor_id, actor_name, entity, entity_id, action, changes)
     values ($1, $2, $3, $4, $5, $6, $7, $8, ($9::text)::jsonb)`,
    [actor.tenantId, record.relationId, now.toISOString(), actor.id, actor.name, record.entity, record.entityId, record.action, JSON.stringify(changes)],
  );
}

/** An affiliation's change shows in the history of both relations it links. */
export async function recordAffiliationHistory(
  tx: Queryable, actor: Actor, now: Date, action: HistoryAction, before: Affiliation | null, after: Affiliation | null,
): Promise<void> {
  const link = (after ?? before)!;
  for (const relationId of [link.personId, link.organizationId]) {
    await recordHistory(tx, actor, now, { relationId, entity: 'affiliation', entityId: link.id, action, before, after });
  }
}

interface HistoryRow {
  id: string;
  relation_id: string;
  at: Date | string;
  actor_id: string;
  actor_name: string;
  entity: HistoryEntry['entity'];
  entity_id: string;
  action: HistoryEntry['action'];
  changes: FieldChange[];
}

const entryOf = (row: HistoryRow): HistoryEntry => ({
  id: row.id,
  relationId: row.relation_id,
  at: new Date(row.at).toISOString(),
  actorId: row.actor_id,
  actorName: row.actor_name,
  entity: row.entity,
  entityId: row.entity_id,
  action: row.action,
  changes: row.changes,
});

/** Entries of a relation's history, newest first: older than the entry `before` (an id), at most `limit`. */
async function entries(tx: Queryable, tenantId: string, relationId: string, before: string | null, limit: number | null): Promise<HistoryRow[]> {
  return tx.query<HistoryRow>(
    `select h.id::text as id, relation_id, at, actor_id, actor_name, entity, entity_id, action, changes
     from relation_history h where tenant_id = $1 and relation_id = $2 and ($3::bigint is null or h.id < $3::bigint)
     order by h.id desc limit $4`,
    [tenantId, relationId, before, limit],
  );
}

/** A relation's whole history, newest first. */
export async function historyOf(tx: Queryable, tenantId: string, relationId: string): Promise<HistoryEntry[]> {
  return (await entries(tx, tenantId, relationId, null, null)).map(entryOf);
}

export const historyHandlers: Pick<Handlers, 'listRelationHistory'> = {
  listRelationHistory: async ({ params, query }, { tx, actor, locale }) => {
    await requireRelation(tx, actor.tenantId, params.id, locale);
    const limit = query.limit ?? 50;
    const [before] = decodeCursor(query.cursor, locale) ?? [];
    const rows = await entries(tx, actor.tenantId, params.id, typeof before === 'string' ? before : null, limit + 1);
    return { body: toPage(rows, limit, entryOf, (row) => [row.id]) };
  },
};
