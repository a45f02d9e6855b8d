import { duplicateName, type Address, type Relation } from '../../src/contract/index.js';
import { derivedColumnNames, derivedColumnValues } from '../resources/relation-row.js';
import type { Database, Queryable } from './database.js';

/**
 * The schema, as numbered migrations applied once each, in order. Every resource keeps its whole contract
 * representation in `data` (what the API returns, so reads need no mapping) beside the columns that filters,
 * sorts and constraints need. Every row belongs to a tenant and every query names one.
 */
interface Migration {
  id: number;
  sql: string;
  /** Work SQL cannot express, after `sql`, in the same transaction. */
  run?: (tx: Queryable) => Promise<void>;
}

const migrations: Migration[] = [
  {
    id: 1,
    sql: `
      create extension if not exists pg_trgm;

      create table tenants (id text primary key, name text not null);
      create table users (
        id text primary key,
        tenant_id text not null references tenants(id),
        token text not null unique,
        data jsonb not null
      );
      create index users_tenant on users (tenant_id);

      -- numbering owned by the backend: the last number given per tenant and sequence, never reused
      create table counters (
        tenant_id text not null references tenants(id),
        name text not null,
        value integer not null,
        primary key (tenant_id, name)
      );

      create table relations (
        tenant_id text not null references tenants(id),
        id text not null,
        number integer not null,
        kind text not null,
        status text not null,
        is_debtor boolean not null,
        is_creditor boolean not null,
        debtor_number integer,
        creditor_number integer,
        name_key text collate "C" not null,
        city_key text collate "C" not null,
        debtor_key integer not null,
        creditor_key integer not null,
        updated_at timestamptz not null,
        label_ids text[] not null,
        search text not null,
        version integer not null,
        data jsonb not null,
        primary key (tenant_id, id),
        unique (tenant_id, number),
        unique (tenant_id, debtor_number),
        unique (tenant_id, creditor_number)
      );
      create index relations_name on relations (tenant_id, name_key, id);
      create index relations_number on relations (tenant_id, number);
      create index relations_city on relations (tenant_id, city_key, id);
      create index relations_debtor on relations (tenant_id, debtor_key, id);
      create index relations_creditor on relations (tenant_id, creditor_key, id);
      create index relations_updated on relations (tenant_id, updated_at, id);
      create index relations_labels on relations using gin (label_ids);
      create index relations_search on relations using gin (search gin_trgm_ops);

      create table addresses (
        tenant_id text not null references tenants(id),
        id text not null,
        relation_id text not null,
        version integer not null,
        data jsonb not null,
        primary key (tenant_id, id),
        foreign key (tenant_id, relation_id) references relations (tenant_id, id) on delete cascade
      );
      create index addresses_relation on addresses (tenant_id, relation_id);

      create table affiliations (
        tenant_id text not null references tenants(id),
        id text not null,
        person_id text not null,
        organization_id text not null,
        version integer not null,
        data jsonb not null,
        primary key (tenant_id, id),
        unique (tenant_id, person_id, organization_id),
        foreign key (tenant_id, person_id) references relations (tenant_id, id),
        foreign key (tenant_id, organization_id) references relations (tenant_id, id)
      );
      create index affiliations_organization on affiliations (tenant_id, organization_id);

      create table contact_moments (
        tenant_id text not null references tenants(id),
        id text not null,
        relation_id text not null,
        person_id text,
        author_id text not null,
        private boolean not null,
        occurred_at timestamptz not null,
        version integer not null,
        data jsonb not null,
        primary key (tenant_id, id),
        foreign key (tenant_id, relation_id) references relations (tenant_id, id),
        foreign key (tenant_id, person_id) references relations (tenant_id, id)
      );
      create index contact_moments_relation on contact_moments (tenant_id, relation_id, occurred_at desc, id);
      create index contact_moments_person on contact_moments (tenant_id, person_id, occurred_at desc, id);

      create table callback_requests (
        tenant_id text not null references tenants(id),
        id text not null,
        relation_id text not null,
        assignee_id text not null,
        status text not null,
        created_at timestamptz not null,
        version integer not null,
        data jsonb not null,
        primary key (tenant_id, id),
        foreign key (tenant_id, relation_id) references relations (tenant_id, id)
      );
      create index callback_requests_assignee on callback_requests (tenant_id, assignee_id, created_at desc, id);

      create table notifications (
        tenant_id text not null references tenants(id),
        id text not null,
        user_id text not null references users(id),
        created_at timestamptz not null,
        read boolean not null,
        data jsonb not null,
        primary key (tenant_id, id)
      );
      create index notifications_user on notifications (tenant_id, user_id, created_at desc, id);

      create table labels (
        tenant_id text not null references tenants(id),
        id text not null,
        name_key text not null,
        version integer not null,
        data jsonb not null,
        primary key (tenant_id, id),
        unique (tenant_id, name_key)
      );

      create table documents (
        tenant_id text not null references tenants(id),
        id text not null,
        relation_id text not null,
        module text not null,
        date date not null,
        data jsonb not null,
        primary key (tenant_id, id),
        foreign key (tenant_id, relation_id) references relations (tenant_id, id)
      );
      create index documents_relation on documents (tenant_id, relation_id, date desc, id);

      -- the change feed keeps one row per entity, at its latest change: seq order is commit order because
      -- every write transaction of a tenant holds that tenant's lock
      create table changes (
        seq bigserial primary key,
        tenant_id text not null,
        entity text not null,
        entity_id text not null,
        deleted boolean not null,
        unique (tenant_id, entity, entity_id)
      );
      create index changes_tenant_seq on changes (tenant_id, seq);

      create table idempotency_keys (
        tenant_id text not null,
        user_id text not null,
        key text not null,
        request_hash text not null,
        status integer not null,
        etag text,
        body jsonb,
        created_at timestamptz not null default now(),
        primary key (tenant_id, user_id, key)
      );
    `,
  },
  {
    id: 2,
    sql: `
      -- sorting the overview by kind, e-mail and phone pages through these like through any other column
      create index relations_kind on relations (tenant_id, kind, id);
      create index relations_email on relations (tenant_id, (coalesce(lower(data->>'email'), '\uffff')) collate "C", id);
      create index relations_phone on relations (tenant_id, (coalesce(data->>'phone', '\uffff')) collate "C", id);
    `,
  },
  {
    id: 3,
    sql: `
      -- each tenant gets its own change sequence: a cursor reveals nothing about other tenants' activity,
      -- and a cursor beyond the tenant's last change is one this database never issued to it
      create table tenant_changes (
        tenant_id text not null,
        seq bigint not null,
        entity text not null,
        entity_id text not null,
        deleted boolean not null,
        primary key (tenant_id, seq),
        unique (tenant_id, entity, entity_id)
      );
      insert into tenant_changes (tenant_id, seq, entity, entity_id, deleted)
        select tenant_id, row_number() over (partition by tenant_id order by seq), entity, entity_id, deleted from changes;
      insert into counters (tenant_id, name, value)
        select tenant_id, 'change', max(seq) from tenant_changes group by tenant_id
        on conflict (tenant_id, name) do update set value = excluded.value;
      drop table changes;
      alter table tenant_changes rename to changes;
    `,
  },
  {
    id: 4,
    sql: `
      -- search text and sort keys now come from the contract's one definition (src/contract/relation-search.ts),
      -- which the browser's cache shares: accents fold, persons are found by first and last name, every
      -- address's city and postcode; e-mail and phone sort on stored keys instead of expressions over data
      alter table relations add column email_key text collate "C" not null default '';
      alter table relations add column phone_key text collate "C" not null default '';
      alter table relations alter column email_key drop default;
      alter table relations alter column phone_key drop default;
      drop index if exists relations_email;
      drop index if exists relations_phone;
      create index relations_email on relations (tenant_id, email_key, id);
      create index relations_phone on relations (tenant_id, phone_key, id);
    `,
    run: recomputeDerivedColumns,
  },
  {
    id: 5,
    sql: `
      -- findDuplicates compares names by trigram similarity: the contract's one definition of the compared name
      -- (src/contract/duplicates.ts), stored and indexed
      alter table relations add column duplicate_name text not null default '';
      alter table relations alter column duplicate_name drop default;
      create index relations_duplicate_name on relations using gin (duplicate_name gin_trgm_ops);

      -- lookupAddress answers from reference data of its own, never from the tenants' addresses: each row is
      -- one side of a street between two house numbers, as a Dutch postcode names it
      create table address_reference (
        postal_code text not null,
        number_from integer not null,
        number_to integer not null,
        street text not null,
        city text not null,
        primary key (postal_code, number_from)
      );
    `,
    run: computeDuplicateNames,
  },
  {
    id: 6,
    sql: `
      -- how many feed entries each block of 1,024 sequence numbers holds, kept in step by every change: the
      -- feed's remaining is then a count within one block plus a sum over the blocks after it, instead of
      -- a count over everything after the cursor on every page of a first sync
      create table change_blocks (
        tenant_id text not null,
        block bigint not null,
        entries integer not null,
        primary key (tenant_id, block)
      );
      insert into change_blocks (tenant_id, block, entries)
        select tenant_id, seq / 1024, count(*) from changes group by tenant_id, seq / 1024;
    `,
  },
  {
    id: 7,
    sql: `
      -- no planner statistics on the stored representations: queries filter and sort on columns and indexed
      -- expressions, never on a whole document, and sampling these, the largest values, was a third of what
      -- ANALYZE took after a first start with 100,000 relations (1.8 s, 1.3 s without)
      alter table users alter column data set statistics 0;
      alter table labels alter column data set statistics 0;
      alter table relations alter column data set statistics 0;
      alter table addresses alter column data set statistics 0;
      alter table affiliations alter column data set statistics 0;
      alter table contact_moments alter column data set statistics 0;
      alter table documents alter column data set statistics 0;
      alter table callback_requests alter column data set statistics 0;
      alter table notifications alter column data set statistics 0;
      alter table idempotency_keys alter column body set statistics 0;
    `,
  },
  {
    id: 8,
    sql: `
      -- users get a role (admins may merge and anonymise): the demo's first colleague of each tenant, who
      -- set it up, is admin; everyone else a member
      update users set data = data || jsonb_build_object('role', case when id in ('user-anna', 'user-olga') then 'admin' else 'member' end)
        where data ->> 'role' is null;
    `,
  },
  {
    id: 9,
    sql: `
      -- every change to a relation, its addresses and affiliations: who, when, and each field before and after
      create table relation_history (
        tenant_id text not null references tenants(id),
        id bigint generated always as identity,
        relation_id text not null,
        at timestamptz not null,
        actor_id text not null,
        actor_name text not null,
        entity text not null,
        entity_id text not null,
        action text not null,
        changes jsonb not null,
        primary key (tenant_id, id)
      );
      create index relation_history_relation on relation_history (tenant_id, relation_id, id);
      alter table relation_history alter column changes set statistics 0;
    `,
  },
  {
    id: 10,
    sql: `
      -- pairs someone judged not to be duplicates (a_id < b_id), never listed again
      create table duplicate_dismissals (
        tenant_id text not null references tenants(id),
        a_id text not null,
        b_id text not null,
        dismissed_by text not null,
        at timestamptz not null,
        primary key (tenant_id, a_id, b_id)
      );
    `,
  },
];

/** Fills in the compared name of every relation that was stored before the column existed. */
async function computeDuplicateNames(tx: Queryable): Promise<void> {
  const batch = 5000;
  for (let offset = 0; ; offset += batch) {
    const rows = await tx.query<{ tenant_id: string; id: string; data: Relation }>(
      'select tenant_id, id, data from relations order by tenant_id, id limit $1 offset $2',
      [batch, offset],
    );
    if (rows.length === 0) return;
    await tx.query(
      `update relations r set duplicate_name = v.name
       from unnest($1::text[], $2::text[], $3::text[]) as v(tenant_id, id, name)
       where r.tenant_id = v.tenant_id and r.id = v.id`,
      [rows.map((row) => row.tenant_id), rows.map((row) => row.id), rows.map((row) => duplicateName(row.data))],
    );
  }
}

/** Recomputes every relation's derived columns from its data and addresses, a batch at a time. */
async function recomputeDerivedColumns(tx: Queryable): Promise<void> {
  const batch = 5000;
  for (let offset = 0; ; offset += batch) {
    const rows = await tx.query<{ tenant_id: string; id: string; data: Relation; addresses: Address[] | null }>(
      `select r.tenant_id, r.id, r.data,
              (select jsonb_agg(a.data) from addresses a where a.tenant_id = r.tenant_id and a.relation_id = r.id) as addresses
       from relations r order by r.tenant_id, r.id limit $1 offset $2`,
      [batch, offset],
    );
    if (rows.length === 0) return;
    const values = rows.map((row) => derivedColumnValues(row.data, row.addresses ?? []));
    const columns = derivedColumnNames.map((name, c) => `${name} = v.c${c}`).join(', ');
    const arrays = derivedColumnNames.map((_, c) => `$${c + 3}::text[]`).join(', ');
    await tx.query(
      `update relations r set ${columns}
       from unnest($1::text[], $2::text[], ${arrays}) as v(tenant_id, id, ${derivedColumnNames.map((_, c) => `c${c}`).join(', ')})
       where r.tenant_id = v.tenant_id and r.id = v.id`,
      [rows.map((row) => row.tenant_id), rows.map((row) => row.id), ...derivedColumnNames.map((_, c) => values.map((v) => v[c]!))],
    );
  }
}

/**
 * Applies the migrations this database has not had yet, up to `upTo` (tests stop early to build an older
 * schema); safe when several instances start at once.
 */
export async function migrate(db: Database, upTo = Number.POSITIVE_INFINITY): Promise<void> {
  await db.exec('create table if not exists schema_migrations (id integer primary key, applied_at timestamptz not null default now())');
  await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(7240001)');
    const applied = new Set((await tx.query<{ id: number }>('select id from schema_migrations')).map((row) => row.id));
    for (const migration of migrations) {
      if (applied.has(migration.id) || migration.id > upTo) continue;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await migration.run?.(tx);
      await tx.query('insert into schema_migrations (id) values ($1)', [migration.id]);
    }
  });
}

/** Our migrations hold no functions or quoted semicolons, so statements end at each `;`. */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
}
