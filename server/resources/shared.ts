import { randomUUID } from 'node:crypto';
import type { ChangeEntity, FieldError, Locale } from '../../src/contract/index.js';
import type { Queryable } from '../db/database.js';
import { anyVersion, problem } from '../problem.js';

/** A new opaque id. */
export const newId = (): string => randomUUID();

/** Sequence numbers per block of the feed's entry counts (`change_blocks`, see `remainingAfter`). */
export const changeBlockSize = 1024;

interface PendingChange {
  tenantId: string;
  entity: ChangeEntity;
  id: string;
  deleted: boolean;
}

/** The changes each open write transaction has recorded and not yet placed in the feed (see `deferChanges`). */
const pendingChanges = new WeakMap<Queryable, Map<string, PendingChange>>();

/**
 * From now on `recordChange` on `tx` only notes the change; `flushChanges` places them all in the feed, and
 * must be the transaction's last work before COMMIT. The feed's sequence is then locked only from the flush
 * to the commit instead of from the first change, so writers of one tenant overlap everywhere else.
 */
export function deferChanges(tx: Queryable): void {
  pendingChanges.set(tx, new Map());
}

/**
 * Records that `entity` changed: it moves to the end of the tenant's change feed, once, when the
 * transaction commits. In a transaction without `deferChanges` (scripts, tests) it moves at once.
 */
export async function recordChange(tx: Queryable, tenantId: string, entity: ChangeEntity, id: string, deleted = false): Promise<void> {
  const change = { tenantId, entity, id, deleted };
  const pending = pendingChanges.get(tx);
  if (!pending) return placeChanges(tx, tenantId, [change]);
  const key = `${tenantId}\n${entity}\n${id}`;
  // The latest word on an entity wins; the feed holds it once anyway.
  pending.delete(key);
  pending.set(key, change);
}

/**
 * Places the changes `recordChange` noted on `tx` at the end of the feed. Taking the tenant's `change`
 * counter row locks it until COMMIT, so the next writer's flush waits for this commit before it takes its
 * sequence numbers: the feed's order is commit order, and a reader never sees a number before every lower
 * number is visible too. Labels that changed get their relation count again first (see `recountLabels`).
 */
export async function flushChanges(tx: Queryable): Promise<void> {
  const pending = pendingChanges.get(tx);
  pendingChanges.delete(tx);
  if (!pending?.size) return;
  const byTenant = new Map<string, PendingChange[]>();
  for (const change of pending.values()) byTenant.set(change.tenantId, [...(byTenant.get(change.tenantId) ?? []), change]);
  for (const tenantId of [...byTenant.keys()].sort()) {
    const changes = byTenant.get(tenantId)!;
    await recountLabels(tx, tenantId, changes.filter((c) => c.entity === 'label' && !c.deleted).map((c) => c.id));
    await placeChanges(tx, tenantId, changes);
  }
}

/**
 * A label's `relationCount` as the relations stand once this transaction commits. Without a tenant-wide lock
 * two writers that each add the label to a relation would each count without the other's relation (an
 * UPDATE's subquery reads the snapshot from before it waited for the row). Locked first, in id order, and
 * counted in the next statement, the count sees every writer that locked the label before: the last to
 * commit counts them all.
 */
async function recountLabels(tx: Queryable, tenantId: string, labelIds: string[]): Promise<void> {
  if (labelIds.length === 0) return;
  await tx.query('select id from labels where tenant_id = $1 and id = any($2::text[]) order by id for no key update', [tenantId, labelIds]);
  await tx.query(
    `update labels l set data = jsonb_set(l.data, '{relationCount}', to_jsonb(
       (select count(*) from relations r where r.tenant_id = l.tenant_id and r.label_ids @> array[l.id])))
     where l.tenant_id = $1 and l.id = any($2::text[])`,
    [tenantId, labelIds],
  );
}

/**
 * Moves each entity to the end of the feed, in one statement after the sequence numbers are taken. The block
 * counts follow: per block, the entries that join it minus those that leave it. The statements of one WITH
 * see the same snapshot, so `previous` holds the entries' places before the move.
 */
async function placeChanges(tx: Queryable, tenantId: string, changes: readonly PendingChange[]): Promise<void> {
  const last = await nextNumber(tx, tenantId, 'change', changes.length, changes.length);
  await tx.query(
    `with placed as (
       select entity, entity_id, deleted::boolean, $5::bigint + n as seq
       -- deleted as text: postgres.js cannot send a boolean[] parameter
       from unnest($2::text[], $3::text[], $4::text[]) with ordinality as v(entity, entity_id, deleted, n)
     ), previous as (
       select c.seq / ${changeBlockSize} as block from changes c
       join placed p on c.tenant_id = $1 and c.entity = p.entity and c.entity_id = p.entity_id
     ), moved as (
       insert into changes (tenant_id, seq, entity, entity_id, deleted) select $1, seq, entity, entity_id, deleted from placed
       on conflict (tenant_id, entity, entity_id) do update set seq = excluded.seq, deleted = excluded.deleted
     ), delta as (
       select block, sum(n) as n from (
         select seq / ${changeBlockSize} as block, 1 as n from placed union all select block, -1 from previous
       ) d group by block having sum(n) <> 0
     )
     insert into change_blocks (tenant_id, block, entries) select $1, block, n from delta
     on conflict (tenant_id, block) do update set entries = change_blocks.entries + excluded.entries`,
    [tenantId, changes.map((c) => c.entity), changes.map((c) => c.id), changes.map((c) => String(c.deleted)), last - changes.length],
  );
}

/**
 * How many entries of the tenant's feed come after `seq`: counted in `seq`'s own block, summed over the
 * blocks after it. A page of a first sync costs a block's worth of index plus one row per block, however
 * long the feed.
 */
export async function remainingAfter(tx: Queryable, tenantId: string, seq: number): Promise<number> {
  const block = Math.floor(seq / changeBlockSize);
  const [row] = await tx.query<{ remaining: number }>(
    `select (select count(*) from changes where tenant_id = $1 and seq > $2 and seq < $3)
          + (select coalesce(sum(entries), 0) from change_blocks where tenant_id = $1 and block > $4) as remaining`,
    [tenantId, seq, (block + 1) * changeBlockSize, block],
  );
  return Number(row?.remaining ?? 0);
}

/**
 * The next number of a tenant's sequence (`relation`, `debtor`, `creditor`); `first` when it has none. With
 * `count`, the last of that many numbers in a row. The counter's row stays locked until the transaction ends,
 * so a number is never given twice and, as a rolled-back transaction gives its numbers back, never skipped.
 */
export async function nextNumber(tx: Queryable, tenantId: string, name: string, first: number, count = 1): Promise<number> {
  const [row] = await tx.query<{ value: number }>(
    `insert into counters (tenant_id, name, value) values ($1, $2, $3)
     on conflict (tenant_id, name) do update set value = counters.value + $4 returning value`,
    [tenantId, name, first, count],
  );
  return row!.value;
}

type Table = 'relations' | 'addresses' | 'affiliations' | 'contact_moments' | 'callback_requests' | 'labels';

/** The resource as stored, locked for this transaction; 404 when it does not exist in the tenant. */
export async function loadForUpdate<T>(tx: Queryable, table: Table, tenantId: string, id: string, locale: Locale): Promise<T> {
  const [row] = await tx.query<{ data: T }>(`select data from ${table} where tenant_id = $1 and id = $2 for update`, [tenantId, id]);
  if (!row) throw problem('notFound', locale);
  return row.data;
}

/** 412 with the current resource when the client edited an older version than the one stored. */
export function checkVersion<T extends { version: number }>(current: T, ifMatch: number, locale: Locale): void {
  if (ifMatch !== anyVersion && current.version !== ifMatch) throw problem('preconditionFailed', locale, { current });
}

/** 422 naming one field. */
export function invalid(path: string, code: string, message: string, locale: Locale): never {
  const errors: FieldError[] = [{ path, code, message }];
  throw problem('validation', locale, { errors });
}

/** Keyset cursors are opaque to clients: the sort key and id of the last row, in base64url JSON. */
export function encodeCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, locale: Locale): unknown[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (Array.isArray(values)) return values;
  } catch {
    // falls through to the error below
  }
  throw problem('malformed', locale, { errors: [{ path: 'cursor', code: 'cursor', message: 'cursor' }] });
}

/** A page from rows fetched with `limit + 1`: the extra row only tells that there is a next page. */
export function toPage<Row, Item>(rows: Row[], limit: number, item: (row: Row) => Item, key: (row: Row) => unknown[]) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items: items.map(item), nextCursor: rows.length > limit && last !== undefined ? encodeCursor(key(last)) : null };
}

/**
 * Holds a lock named by `parts` (a tenant and a key within it) until the transaction ends: for a check
 * that no constraint can make, such as "no request with this idempotency key yet". Take it before any row
 * lock, so that two writers never wait for each other in opposite order.
 */
export async function lockKey(tx: Queryable, ...parts: string[]): Promise<void> {
  await tx.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [parts.join('\n')]);
}

/** 404 unless the relation exists in the tenant: ids of other tenants are as unknown as ids that never were. */
export async function requireRelation(tx: Queryable, tenantId: string, id: string, locale: Locale): Promise<void> {
  const [row] = await tx.query('select 1 from relations where tenant_id = $1 and id = $2', [tenantId, id]);
  if (!row) throw problem('notFound', locale);
}

const referenceMessages = {
  relation: { nl: 'Deze relatie bestaat niet.', en: 'This relation does not exist.' },
  person: { nl: 'Kies een persoon.', en: 'Choose a person.' },
  organization: { nl: 'Kies een organisatie.', en: 'Choose an organization.' },
};

/**
 * 422 naming `path` unless `id` is a relation of the tenant (of `kind`, when given). A reference in a body
 * is the client's field to correct, unlike an unknown id in the path, which is a 404.
 */
export async function requireReference(
  tx: Queryable, tenantId: string, id: string | null | undefined, path: string, locale: Locale, kind?: 'person' | 'organization',
): Promise<void> {
  if (!id) return;
  // Locked against a concurrent delete (as the foreign key will be): a delete waits for this write, and a
  // write after a delete finds nothing, instead of one of them failing on the foreign key.
  const [row] = await tx.query<{ kind: string }>(
    'select kind from relations where tenant_id = $1 and id = $2 for key share', [tenantId, id],
  );
  if (!row) invalid(path, 'unknownRelation', referenceMessages.relation[locale], locale);
  if (kind && row.kind !== kind) invalid(path, 'wrongKind', referenceMessages[kind][locale], locale);
}
