import { csvLines } from './db/csv.js';
import type { Database, Queryable } from './db/database.js';
import { changeBlockSize } from './resources/shared.js';
import { addressReference } from './seed/address-reference.js';
import { rowsPerChunk, seedHere, seedInWorker, seedTenants, type SeedSource } from './seed/load/source.js';

/** PostgreSQL takes at most 65535 parameters per statement. */
const maxParameters = 60_000;

/**
 * Loads rows into a table: by COPY where the storage offers it (PGlite), else INSERTs with bound parameters.
 * `freeze` (COPY only) for a table truncated in this transaction: see `Queryable.copyCsv`.
 */
export async function insertRows(
  tx: Queryable, table: string, columns: readonly string[], rows: readonly unknown[][], options: { freeze?: boolean } = {},
): Promise<void> {
  if (tx.copyCsv) {
    for (let start = 0; start < rows.length; start += rowsPerChunk) {
      await tx.copyCsv(table, columns, csvLines(rows.slice(start, start + rowsPerChunk)), options);
    }
    return;
  }
  const perStatement = Math.floor(maxParameters / columns.length);
  for (let start = 0; start < rows.length; start += perStatement) {
    const batch = rows.slice(start, start + perStatement);
    const placeholders = batch.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`);
    await tx.query(`insert into ${table} (${columns.join(', ')}) values ${placeholders.join(', ')}`, batch.flat());
  }
}

/** Loads the seed's tenants; the tables in `frozen` were truncated in this transaction, so COPY may freeze them. */
async function load(tx: Queryable, source: SeedSource, frozen: ReadonlySet<string>): Promise<void> {
  const tenants = new Set<string>();
  for await (const chunk of source) {
    if (!tenants.has(chunk.tenant.id)) {
      tenants.add(chunk.tenant.id);
      await tx.query('insert into tenants (id, name) values ($1, $2)', [chunk.tenant.id, chunk.tenant.name]);
    }
    const options = { freeze: frozen.has(chunk.table) };
    if ('rows' in chunk) await insertRows(tx, chunk.table, chunk.columns, chunk.rows, options);
    else if (tx.copyCsv) await tx.copyCsv(chunk.table, chunk.columns, chunk.csv, options);
    else throw new Error('a seed made as CSV needs a storage that loads CSV');
  }
  for (const tenantId of tenants) await startFeed(tx, tenantId);
}

/** The tenant's feed starts with every seeded entity once, so a first sync receives the whole data set. */
async function startFeed(tx: Queryable, tenantId: string): Promise<void> {
  for (const [entity, table, order] of [
    ['label', 'labels', 'id'], ['relation', 'relations', 'number'], ['address', 'addresses', 'id'],
    ['affiliation', 'affiliations', 'id'], ['contactMoment', 'contact_moments', 'occurred_at'],
  ] as const) {
    await tx.query(
      `insert into changes (tenant_id, seq, entity, entity_id, deleted)
       select tenant_id, coalesce((select max(seq) from changes where tenant_id = $1), 0) + row_number() over (order by ${order}),
              $2, id, false
       from ${table} where tenant_id = $1`,
      [tenantId, entity],
    );
  }
  await tx.query(
    `insert into counters (tenant_id, name, value) select $1, 'change', coalesce(max(seq), 0) from changes where tenant_id = $1`,
    [tenantId],
  );
  await tx.query('delete from change_blocks where tenant_id = $1', [tenantId]);
  await tx.query(
    `insert into change_blocks (tenant_id, block, entries)
     select tenant_id, seq / ${changeBlockSize}, count(*) from changes where tenant_id = $1 group by tenant_id, seq / ${changeBlockSize}`,
    [tenantId],
  );
}

const seededTables = ['relations', 'addresses', 'affiliations', 'contact_moments', 'documents', 'labels', 'changes'];

/**
 * Runs `load` with the seeded tables' indexes and constraints dropped and rebuilt after. An index built once over
 * 100,000 rows (sorted, in memory) is many times faster than one kept up to date row by row, and for a trigram
 * index or a key on random ids the difference is largest; a foreign key checked row by row looks up and locks
 * (a write) the row it points to, where adding it afterwards checks every row in one join. Primary keys and
 * unique constraints still guard the data: added back after the load, they fail the seeding transaction on a
 * duplicate as they would have during it. The definitions come from the database itself, so this stays right
 * whatever the migrations add.
 */
async function withIndexesRebuilt(tx: Queryable, load: (frozen: ReadonlySet<string>) => Promise<void>): Promise<void> {
  const indexes = await tx.query<{ name: string; definition: string }>(
    `select i.relname as name, pg_get_indexdef(i.oid) as definition
     from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
     where t.relname = any($1::text[]) and not exists (select 1 from pg_constraint c where c.conindid = i.oid)`,
    [seededTables],
  );
  // Keys first, then the foreign keys that point at them, so each is added back after what it depends on.
  const constraints = await tx.query<{ table: string; name: string; definition: string }>(
    `select t.relname as table, c.conname as name, pg_get_constraintdef(c.oid) as definition
     from pg_constraint c join pg_class t on t.oid = c.conrelid left join pg_class r on r.oid = c.confrelid
     where (c.contype in ('p', 'u') and t.relname = any($1::text[]))
        or (c.contype = 'f' and (t.relname = any($1::text[]) or r.relname = any($1::text[])))
     order by c.contype = 'f', t.relname, c.conname`,
    [seededTables],
  );
  for (const constraint of [...constraints].reverse()) await tx.query(`alter table ${constraint.table} drop constraint ${constraint.name}`);
  for (const index of indexes) await tx.query(`drop index ${index.name}`);
  // An empty table truncated here takes its rows frozen: a new data dir's index-only scans (the walk to a search
  // window's edge, for one) then need no visit to the table, where PGlite, with no autovacuum, would visit it
  // for every row until a VACUUM marked its pages visible to all.
  const empty: string[] = [];
  for (const table of seededTables) {
    const [row] = await tx.query(`select 1 from ${table} limit 1`);
    if (!row) empty.push(table);
  }
  if (empty.length) await tx.query(`truncate ${empty.join(', ')}`);
  await load(new Set(empty));
  // Each index builds in far fewer passes when its sorting fits in memory.
  await tx.query(`set local maintenance_work_mem = '256MB'`);
  for (const constraint of constraints) await tx.query(`alter table ${constraint.table} add constraint ${constraint.name} ${constraint.definition}`);
  for (const index of indexes) await tx.query(index.definition);
}

/** Fills the reference table of lookupAddress when it is empty: on first start, and after the migration that adds it. */
async function loadAddressReference(tx: Queryable): Promise<void> {
  const [existing] = await tx.query('select 1 from address_reference limit 1');
  if (existing) return;
  await insertRows(tx, 'address_reference', ['postal_code', 'number_from', 'number_to', 'street', 'city'],
    addressReference().map((row) => [row.postalCode, row.numberFrom, row.numberTo, row.street, row.city]));
}

/** From this many relations a first start on PGlite makes its seed in a worker (see `seedInWorker`). */
export const seedInWorkerFrom = 20_000;

/**
 * Where a first start's seed comes from: made in a worker when it is large and the storage loads CSV (PGlite),
 * else made here as the loader asks for it. `inWorker` decides for tests.
 */
export function seedSource(relations: number, options: { loadsCsv: boolean; inWorker?: boolean }): SeedSource {
  const inWorker = options.inWorker ?? (options.loadsCsv && relations >= seedInWorkerFrom);
  return inWorker ? seedInWorker(seedTenants(relations)) : seedHere(seedTenants(relations));
}

/**
 * On first start, fills the database with the demo tenant (`relations` relations) and the small second
 * tenant `acme` that proves isolation. A database that has tenants is left as it is. `source` is a seed
 * already being made (`createBackend` starts one before it opens a new data dir); it is closed either way.
 */
export async function seedIfEmpty(
  db: Database, options: { relations: number; source?: SeedSource; inWorker?: boolean },
): Promise<void> {
  let source = options.source;
  try {
    await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock(7240002)');
      await loadAddressReference(tx);
      const [existing] = await tx.query('select 1 from tenants limit 1');
      if (existing) return;
      source ??= seedSource(options.relations, { loadsCsv: Boolean(tx.copyCsv), inWorker: options.inWorker });
      await withIndexesRebuilt(tx, (frozen) => load(tx, source!, frozen));
    });
  } finally {
    source?.close();
  }
  // Statistics for the planner: without them it guesses, and guesses wrong on 100,000 rows.
  await db.exec('analyze');
}
