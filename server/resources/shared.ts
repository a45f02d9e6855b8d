import { randomUUID } from 'node:crypto';
import type { ChangeEntity, FieldError, Locale } from '../../src/contract/index.js';
import type { Queryable } from '../db/database.js';
import { anyVersion, problem } from '../problem.js';

/** A new opaque id. */
export const newId = (): string => randomUUID();

/** Sequence numbers per block of the feed's entry counts (`change_blocks`, see `remainingAfter`). */
export const changeBlockSize = 1024;

/**
 * Records that `entity` changed: it moves to the end of the tenant's change feed, once. The block counts
 * follow: one entry fewer in the block it left (if any), one more in the block it joins. The statements of
 * one WITH see the same snapshot, so `previous` is the entry's place before the move.
 */
export async function recordChange(tx: Queryable, tenantId: string, entity: ChangeEntity, id: string, deleted = false): Promise<void> {
  const seq = await nextNumber(tx, tenantId, 'change', 1);
  await tx.query(
    `with previous as (
       select seq / ${changeBlockSize} as block from changes where tenant_id = $1 and entity = $3 and entity_id = $4
     ), moved as (
       insert into changes (tenant_id, seq, entity, entity_id, deleted) values ($1, $2, $3, $4, $5)
       on conflict (tenant_id, entity, entity_id) do update set seq = excluded.seq, deleted = excluded.deleted
     ), left_block as (
       update change_blocks set entries = entries - 1
       where tenant_id = $1 and block = (select block from previous) and block <> $2 / ${changeBlockSize}
     )
     insert into change_blocks (tenant_id, block, entries)
     select $1, $2 / ${changeBlockSize}, 1 where not exists (select 1 from previous where block = $2 / ${changeBlockSize})
     on conflict (tenant_id, block) do update set entries = change_blocks.entries + 1`,
    [tenantId, seq, entity, id, deleted],
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

/** The next number of a tenant's sequence (`relation`, `debtor`, `creditor`); `first` when it has none. */
export async function nextNumber(tx: Queryable, tenantId: string, name: string, first: number): Promise<number> {
  const [row] = await tx.query<{ value: number }>(
    `insert into counters (tenant_id, name, value) values ($1, $2, $3)
     on conflict (tenant_id, name) do update set value = counters.value + 1 returning value`,
    [tenantId, name, first],
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
  const [row] = await tx.query<{ kind: string }>('select kind from relations where tenant_id = $1 and id = $2', [tenantId, id]);
  if (!row) invalid(path, 'unknownRelation', referenceMessages.relation[locale], locale);
  if (kind && row.kind !== kind) invalid(path, 'wrongKind', referenceMessages[kind][locale], locale);
}
