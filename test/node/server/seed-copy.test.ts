import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Database } from '../../../server/db/database.js';
import { openDatabase } from '../../../server/db/open.js';
import { insertRows, seedIfEmpty } from '../../../server/seeding.js';

const tables = [
  'tenants', 'users', 'counters', 'labels', 'relations', 'addresses', 'affiliations', 'contact_moments', 'documents',
  'changes', 'change_blocks', 'address_reference',
];

/** Every row of every seeded table, as PostgreSQL renders it, in one order. */
async function contents(db: Database): Promise<Record<string, string[]>> {
  const all: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = await db.query<{ row: string }>(`select row_to_json(t)::text as row from ${table} t order by 1`);
    all[table] = rows.map((r) => r.row);
  }
  return all;
}

test('the first start loads by COPY on PGlite exactly what INSERT with parameters stores', async () => {
  const copied = await openDatabase({});
  const inserted = await openDatabase({});
  try {
    assert.ok(copied.copyCsv, 'PGlite loads by COPY');
    // The same seed through the INSERT path: each statement's values bound as parameters, no CSV.
    const withoutCopy: Database = {
      ...inserted,
      transaction: (work) => inserted.transaction((tx) => work({ query: (sql, params) => tx.query(sql, params) })),
    };
    await seedIfEmpty(copied, { relations: 400 });
    await seedIfEmpty(withoutCopy, { relations: 400 });
    // Loaded frozen, the relations' pages are visible to all: the walk to a search window's edge reads the
    // name index alone. (PGlite runs no autovacuum, so without this it would visit the table for every row.)
    const plan = await copied.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, costs off) select name_key, id from relations where tenant_id = 'demo' order by name_key, id offset 199 limit 1`,
    );
    const walk = plan.map((line) => line['QUERY PLAN']).join('\n');
    assert.match(walk, /Index Only Scan/, walk);
    assert.match(walk, /Heap Fetches: 0\b/, walk);
    const [viaCopy, viaInsert] = [await contents(copied), await contents(inserted)];
    for (const table of tables) {
      assert.ok(viaInsert[table]!.length > 0, `${table} has rows`);
      assert.deepEqual(viaCopy[table], viaInsert[table], table);
    }

    // Values CSV has to get right, which the seed may not hold: quotes, commas, line breaks, backslashes,
    // an empty string beside NULL, arrays with quotes, JSON with all of these.
    const create = 'create temporary table tricky (n int, t text, b boolean, a text[], j jsonb, at timestamptz)';
    const hard = ['', 'a "quoted", word', 'line\nbreak\r\n', 'back\\slash', '\\N', 'NULL', 'ëé€ 🙂', 'the quote \u0001 of the CSV', '\u0001\u0001'];
    const rows: unknown[][] = hard.map((text, i) => [i, text, i % 2 === 0, [text, 'x,y', '"'], { text, list: [text, null] }, '2026-11-30T10:00:00.000Z']);
    rows.push([99, null, null, null, null, null], [100, '', false, [], {}, '2026-01-01T00:00:00Z']);
    const tricky: Record<string, string[]> = {};
    for (const [name, db] of [['copy', copied], ['insert', withoutCopy]] as const) {
      tricky[name] = await db.transaction(async (tx) => {
        await tx.query(create);
        await insertRows(tx, 'tricky', ['n', 't', 'b', 'a', 'j', 'at'], rows);
        return (await tx.query<{ row: string }>('select row_to_json(x)::text as row from tricky x order by n')).map((r) => r.row);
      });
    }
    assert.equal(tricky['insert']!.length, rows.length);
    assert.deepEqual(tricky['copy'], tricky['insert']);
  } finally {
    await Promise.all([copied.close(), inserted.close()]);
  }
});

/** Every index and constraint of the schema, as PostgreSQL defines them, and whether each constraint was checked. */
async function schema(db: Database): Promise<string[]> {
  const indexes = await db.query<{ line: string }>(`select indexdef as line from pg_indexes where schemaname = 'public'`);
  const constraints = await db.query<{ line: string }>(
    `select c.conrelid::regclass::text || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) || (case when c.convalidated then '' else ' NOT VALIDATED' end) as line
     from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname = 'public'`,
  );
  return [...indexes, ...constraints].map((row) => row.line).sort();
}

test('the first start rebuilds every index and constraint it set aside to load faster, each checked', async () => {
  const db = await openDatabase({});
  try {
    const migrated = await schema(db);
    assert.ok(migrated.some((line) => line.includes('gin_trgm_ops')) && migrated.some((line) => line.includes('FOREIGN KEY')), 'the schema has trigram indexes and foreign keys');
    await seedIfEmpty(db, { relations: 300 });
    assert.deepEqual(await schema(db), migrated);
    // A key added back guards as before: a second relation under a seeded id is refused.
    const [seeded] = await db.query<{ tenant_id: string; id: string }>('select tenant_id, id from relations limit 1');
    await assert.rejects(db.query(`insert into relations select * from relations where tenant_id = $1 and id = $2`, [seeded!.tenant_id, seeded!.id]), /duplicate key/);
  } finally {
    await db.close();
  }
});

test('a seed made in the worker thread loads exactly what the same seed made on the main thread does', async () => {
  const here = await openDatabase({});
  const inWorker = await openDatabase({});
  try {
    await seedIfEmpty(here, { relations: 400, inWorker: false });
    await seedIfEmpty(inWorker, { relations: 400, inWorker: true });
    const [fromHere, fromWorker] = [await contents(here), await contents(inWorker)];
    for (const table of tables) {
      assert.ok(fromHere[table]!.length > 0, `${table} has rows`);
      assert.deepEqual(fromWorker[table], fromHere[table], table);
    }
  } finally {
    await Promise.all([here.close(), inWorker.close()]);
  }
});
