import * as z from 'zod/mini';
import {
  Organization, Person, searchTerms, type Address, type ListRelationsQuery, type Locale, type Relation, type RelationSort,
} from '../../src/contract/index.js';
import { fieldErrors } from '../field-errors.js';
import type { Handlers, RequestContext } from '../context.js';
import type { Queryable } from '../db/database.js';
import { problem } from '../problem.js';
import { recordHistory } from './history.js';
import { mergePreferences } from './modules.js';
import { displayName, relationCity, relationColumnNames, relationRowValues } from './relation-row.js';
import {
  checkVersion, decodeCursor, invalid, loadForUpdate, newId, nextNumber, recordChange, toPage,
} from './shared.js';

/** Numbers start here per tenant: relation numbers at 1, debtors at 10001, creditors at 70001. */
export const firstNumbers = { relation: 1, debtor: 10001, creditor: 70001 } as const;

type AddressSummary = Pick<Address, 'purposes' | 'city' | 'postalCode'>;

const sortColumns: Record<string, { column: string; type: 'text' | 'int' | 'timestamptz' }> = {
  name: { column: 'name_key', type: 'text' },
  number: { column: 'number', type: 'int' },
  debtorNumber: { column: 'debtor_key', type: 'int' },
  creditorNumber: { column: 'creditor_key', type: 'int' },
  city: { column: 'city_key', type: 'text' },
  kind: { column: 'kind', type: 'text' },
  email: { column: 'email_key', type: 'text' },
  phone: { column: 'phone_key', type: 'text' },
  updatedAt: { column: 'updated_at', type: 'timestamptz' },
};

/** Escapes LIKE's wildcards, so a user searching for "100%" finds exactly that. */
const likeTerm = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Rows a search takes its page from, in sort order, before it asks the trigram index for the matches beyond them. */
export const searchWindowRows = 2000;

/** A term with three letters or digits in a row gives pg_trgm a trigram, so `relations_search` narrows it. */
const narrowsByTrigram = (term: string) => /[\p{L}\p{N}]{3}/u.test(term);

type Param = (value: unknown) => string;

/** A statement with its parameters numbered in the order `build` asks for them. */
function statement(build: (param: Param) => string): { sql: string; values: unknown[] } {
  const values: unknown[] = [];
  const sql = build((value) => {
    values.push(value);
    return `$${values.length}`;
  });
  return { sql, values };
}

interface Listing {
  tenantId: string;
  /** The conditions of the query's filters, each statement numbering their parameters its own way. */
  filters: (param: Param) => string[];
  column: string;
  type: string;
  /** Sorted by a unique column alone (number); else by the column, then id. */
  unique: boolean;
  descending: boolean;
  /** Rows wanted: the page and one more, which only tells that there is a next page. */
  rows: number;
}

type ListedRow = { data: Relation; key: unknown; id: string };

/**
 * Rows after `at` (a cursor's or a window's last key) in the listing's order, or with `upTo`, the rows up to
 * and including it.
 */
function past(listing: Listing, at: readonly unknown[], param: Param, upTo = false): string {
  const { column, type, unique, descending } = listing;
  const op = upTo ? (descending ? '>=' : '<=') : descending ? '<' : '>';
  return unique
    ? `${column} ${op} ${param(at[0])}::${type}`
    : `(${column}, id) ${op} (${param(at[0])}::${type}, ${param(at[1])}::text)`;
}

function orderBy(listing: Listing, column = listing.column, id = 'id'): string {
  const direction = listing.descending ? 'desc' : 'asc';
  return `${column} ${direction}${listing.unique ? '' : `, ${id} ${direction}`}`;
}

/** Every relation of the tenant after `after`, in order: the range the listing walks. */
function range(listing: Listing, after: readonly unknown[] | undefined, param: Param): string {
  return `tenant_id = ${param(listing.tenantId)}${after ? ` and ${past(listing, after, param)}` : ''}`;
}

/** One query: the planner walks the sort's index and filters, or collects the matches and sorts them. */
async function listAtOnce(tx: Queryable, listing: Listing, after: readonly unknown[] | undefined): Promise<ListedRow[]> {
  const { sql, values } = statement((param) =>
    `select data, ${listing.column} as key, id from relations
     where ${[range(listing, after, param), ...listing.filters(param)].join(' and ')}
     order by ${orderBy(listing)} limit ${listing.rows}`);
  return tx.query<ListedRow>(sql, values);
}

/** The key of the `count`th row after `after` in the listing's order; none when fewer rows are left. */
async function keyAhead(tx: Queryable, listing: Listing, after: readonly unknown[] | undefined, count: number) {
  const { sql, values } = statement((param) =>
    `select ${listing.column} as key, id from relations where ${range(listing, after, param)}
     order by ${orderBy(listing)} offset ${count - 1} limit 1`);
  const [row] = await tx.query<{ key: unknown; id: string }>(sql, values);
  return row ? [row.key, row.id] : undefined;
}

/** The first `rows` matches after `after`, collected through the filters' indexes (trigrams) and sorted. */
async function collect(tx: Queryable, listing: Listing, after: readonly unknown[], rows: number) {
  const { sql, values } = statement((param) => {
    const tenant = param(listing.tenantId);
    return `with matches as materialized (
         select ${listing.column} as key, id from relations
         where ${[`tenant_id = ${tenant}`, past(listing, after, param), ...listing.filters(param)].join(' and ')}
       ), page as (
         select key, id from matches order by ${orderBy(listing, 'key')} limit ${rows}
       )
       select r.data, page.key, page.id from page join relations r on r.tenant_id = ${tenant} and r.id = page.id
       order by ${orderBy(listing, 'page.key', 'page.id')}`;
  });
  return tx.query<ListedRow>(sql, values);
}

/**
 * A search in two phases: exactly the rows and order of `listAtOnce`. The planner, asked once, walks the sort's
 * index and filters, expecting matches spread evenly; they are often rare, or cluster in one part of the order
 * (a fragment of "stichting" under S), and then the walk reads most of the table, since no index serves both
 * the trigram filter and the order. Here the first phase takes the page from the next `searchWindowRows` rows
 * in order only (a bounded range of the sort's index), which common terms fill; only when that leaves the
 * page short does the second collect the matches beyond the window through the trigram index and sort them.
 */
async function searchInWindow(tx: Queryable, listing: Listing, after: readonly unknown[] | undefined): Promise<ListedRow[]> {
  const edge = await keyAhead(tx, listing, after, searchWindowRows);
  if (!edge) return listAtOnce(tx, listing, after);
  const { sql, values } = statement((param) =>
    `select data, ${listing.column} as key, id from relations
     where ${[range(listing, after, param), past(listing, edge, param, true), ...listing.filters(param)].join(' and ')}
     order by ${orderBy(listing)} limit ${listing.rows}`);
  const first = await tx.query<ListedRow>(sql, values);
  if (first.length === listing.rows) return first;
  return [...first, ...(await collect(tx, listing, edge, listing.rows - first.length))];
}

async function listRelations(query: z.output<typeof ListRelationsQuery>, ctx: RequestContext) {
  const { tx, actor, locale } = ctx;
  const terms = searchTerms(query.q);
  const filters = (param: Param) => {
    const conditions: string[] = [];
    if (query.status?.length) conditions.push(`status = any(${param(query.status)}::text[])`);
    else conditions.push(`status <> 'archived'`);
    if (query.kind) conditions.push(`kind = ${param(query.kind)}`);
    if (query.role === 'debtor') conditions.push('is_debtor');
    if (query.role === 'creditor') conditions.push('is_creditor');
    if (query.labelIds?.length) {
      conditions.push(`label_ids ${query.labelMode === 'any' ? '&&' : '@>'} ${param(query.labelIds)}::text[]`);
    }
    for (const term of terms) conditions.push(`search like ${param(likeTerm(term))}`);
    return conditions;
  };

  const sort: RelationSort = query.sort ?? 'name';
  const { column, type } = sortColumns[sort.replace('-', '')]!;
  const limit = query.limit ?? 50;
  const listing: Listing = {
    tenantId: actor.tenantId, filters, column, type, unique: column === 'number', descending: sort.startsWith('-'), rows: limit + 1,
  };
  const after = decodeCursor(query.cursor, locale);
  // With a label filter as well the planner combines the two GIN indexes well: measured, two phases lose there.
  const twoPhases = terms.some(narrowsByTrigram) && !query.labelIds?.length;
  const rows = twoPhases ? await searchInWindow(tx, listing, after) : await listAtOnce(tx, listing, after);
  return toPage(rows, limit, (row) => row.data, (row) => [row.key instanceof Date ? row.key.toISOString() : row.key, row.id]);
}

async function assertLabelsExist(tx: Queryable, tenantId: string, labelIds: readonly string[], locale: Locale) {
  if (labelIds.length === 0) return;
  // Key share: a label being deleted now waits for this write (or this one sees it gone), never a dangling id.
  const rows = await tx.query<{ id: string }>(
    'select id from labels where tenant_id = $1 and id = any($2::text[]) for key share', [tenantId, labelIds],
  );
  const known = new Set(rows.map((row) => row.id));
  const index = labelIds.findIndex((id) => !known.has(id));
  if (index >= 0) invalid(`labelIds.${index}`, 'unknownLabel', locale === 'nl' ? 'Dit label bestaat niet.' : 'This label does not exist.', locale);
}

/** Sets each label's `relationCount` from the relations that carry it now, and puts it in the change feed. */
export async function refreshLabelCounts(tx: Queryable, tenantId: string, labelIds: Iterable<string>): Promise<void> {
  // In one order for every writer, so two writers naming the same labels in turns never deadlock.
  for (const labelId of [...new Set(labelIds)].sort()) {
    const updated = await tx.query<{ id: string }>(
      `update labels set data = jsonb_set(data, '{relationCount}', to_jsonb(
         (select count(*) from relations where tenant_id = $1 and label_ids @> array[$2::text])))
       where tenant_id = $1 and id = $2 returning id`,
      [tenantId, labelId],
    );
    if (updated.length) await recordChange(tx, tenantId, 'label', labelId);
  }
}

async function addressesOf(tx: Queryable, tenantId: string, relationId: string): Promise<AddressSummary[]> {
  const rows = await tx.query<{ data: Address }>('select data from addresses where tenant_id = $1 and relation_id = $2', [tenantId, relationId]);
  return rows.map((row) => row.data);
}

/** Writes a relation and its derived columns; `kept` are role numbers it keeps while the role is ended. */
export async function saveRelation(tx: Queryable, tenantId: string, relation: Relation, addresses: AddressSummary[], insert: boolean) {
  const kept = insert
    ? { debtorNumber: null, creditorNumber: null }
    : (await tx.query<{ debtor_number: number | null; creditor_number: number | null }>(
        'select debtor_number, creditor_number from relations where tenant_id = $1 and id = $2',
        [tenantId, relation.id],
      )).map((row) => ({ debtorNumber: row.debtor_number, creditorNumber: row.creditor_number }))[0]!;
  const values = relationRowValues(tenantId, relation, addresses, kept);
  const placeholders = values.map((_, i) => `$${i + 1}`).join(', ');
  if (insert) {
    await tx.query(`insert into relations (${relationColumnNames.join(', ')}) values (${placeholders})`, values);
  } else {
    const assignments = relationColumnNames.slice(2).map((name, i) => `${name} = $${i + 3}`).join(', ');
    await tx.query(`update relations set ${assignments} where tenant_id = $1 and id = $2`, values);
  }
  await recordChange(tx, tenantId, 'relation', relation.id);
}

/** After its addresses changed: the relation's city and searchable postcodes follow, without a new version. */
export async function refreshRelationAddresses(tx: Queryable, tenantId: string, relationId: string): Promise<void> {
  const relation = await loadForUpdate<Relation>(tx, 'relations', tenantId, relationId, 'en');
  const addresses = await addressesOf(tx, tenantId, relationId);
  await saveRelation(tx, tenantId, { ...relation, city: relationCity(addresses) }, addresses, false);
}

/** The role after a request: `{}` gives (or gives back) a number, `null` ends the role, absent keeps it. */
async function role(
  tx: Queryable, tenantId: string, name: 'debtor' | 'creditor', request: object | null | undefined,
  current: { number: number } | null, kept: number | null,
): Promise<{ number: number } | null> {
  if (request === undefined) return current;
  if (request === null) return null;
  return current ?? { number: kept ?? (await nextNumber(tx, tenantId, name, firstNumbers[name])) };
}

function validate<S extends z.core.$ZodType>(schema: S, value: unknown, path: string, locale: Locale): z.output<S> {
  const result = z.safeParse(schema, value, { reportInput: true });
  if (result.success) return result.data;
  const errors = fieldErrors(result.error.issues, locale).map((error) => ({ ...error, path: `${path}.${error.path}` }));
  throw problem('validation', locale, { errors });
}

export const relationHandlers: Pick<
  Handlers, 'listRelations' | 'createRelation' | 'getRelation' | 'updateRelation' | 'deleteRelation' | 'updateRelationLabels'
> = {
  listRelations: async ({ query }, ctx) => ({ body: await listRelations(query, ctx) }),

  getRelation: async ({ params }, { tx, actor, locale }) => {
    const [row] = await tx.query<{ data: Relation }>('select data from relations where tenant_id = $1 and id = $2', [actor.tenantId, params.id]);
    if (!row) throw problem('notFound', locale);
    return { body: row.data, version: row.data.version };
  },

  createRelation: async ({ body }, { tx, actor, locale, now }) => {
    const labelIds = body.labelIds ?? [];
    await assertLabelsExist(tx, actor.tenantId, labelIds, locale);
    const organization = body.kind === 'organization' && body.organization
      ? { kvkNumber: null, vatNumber: null, website: null, ...body.organization } : null;
    const person = body.kind === 'person' && body.person
      ? { salutation: null, initials: null, firstName: null, infix: null, ...body.person } : null;
    const timestamp = now.toISOString();
    const relation: Relation = {
      id: newId(),
      number: await nextNumber(tx, actor.tenantId, 'relation', firstNumbers.relation),
      kind: body.kind,
      status: body.status ?? 'active',
      displayName: displayName({ organization, person }),
      debtor: await role(tx, actor.tenantId, 'debtor', body.debtor, null, null),
      creditor: await role(tx, actor.tenantId, 'creditor', body.creditor, null, null),
      organization,
      person,
      email: body.email ?? null,
      phone: body.phone ?? null,
      iban: body.iban ?? null,
      city: null,
      labelIds,
      preferences: mergePreferences({}, body.preferences ?? {}, locale),
      createdAt: timestamp,
      updatedAt: timestamp,
      version: 1,
    };
    await saveRelation(tx, actor.tenantId, relation, [], true);
    await recordHistory(tx, actor, now, { relationId: relation.id, entity: 'relation', entityId: relation.id, action: 'created', before: null, after: relation });
    await refreshLabelCounts(tx, actor.tenantId, labelIds);
    return { body: relation, version: relation.version };
  },

  updateRelation: async ({ params, body, ifMatch }, { tx, actor, locale, now }) => {
    const current = await loadForUpdate<Relation>(tx, 'relations', actor.tenantId, params.id, locale);
    checkVersion(current, ifMatch, locale);
    const wrongPart = current.kind === 'organization' ? body.person : body.organization;
    if (wrongPart !== undefined) {
      invalid(current.kind === 'organization' ? 'person' : 'organization', 'wrongPartForKind',
        locale === 'nl' ? 'Dit hoort niet bij dit soort relatie.' : 'This does not belong to this kind of relation.', locale);
    }
    if (body.labelIds) await assertLabelsExist(tx, actor.tenantId, body.labelIds, locale);
    const organization = current.organization && body.organization
      ? validate(Organization, { ...current.organization, ...body.organization }, 'organization', locale) : current.organization;
    const person = current.person && body.person ? validate(Person, { ...current.person, ...body.person }, 'person', locale) : current.person;
    const [kept] = await tx.query<{ debtor_number: number | null; creditor_number: number | null }>(
      'select debtor_number, creditor_number from relations where tenant_id = $1 and id = $2', [actor.tenantId, params.id],
    );
    const next: Relation = {
      ...current,
      organization,
      person,
      displayName: displayName({ organization, person }),
      status: body.status ?? current.status,
      debtor: await role(tx, actor.tenantId, 'debtor', body.debtor, current.debtor, kept?.debtor_number ?? null),
      creditor: await role(tx, actor.tenantId, 'creditor', body.creditor, current.creditor, kept?.creditor_number ?? null),
      email: body.email === undefined ? current.email : body.email,
      phone: body.phone === undefined ? current.phone : body.phone,
      iban: body.iban === undefined ? current.iban : body.iban,
      labelIds: body.labelIds ?? current.labelIds,
      preferences: body.preferences ? mergePreferences(current.preferences, body.preferences, locale) : current.preferences,
      updatedAt: now.toISOString(),
      version: current.version + 1,
    };
    await saveRelation(tx, actor.tenantId, next, await addressesOf(tx, actor.tenantId, params.id), false);
    await recordHistory(tx, actor, now, { relationId: next.id, entity: 'relation', entityId: next.id, action: 'updated', before: current, after: next });
    const changedLabels = [...current.labelIds, ...next.labelIds].filter(
      (id) => current.labelIds.includes(id) !== next.labelIds.includes(id),
    );
    await refreshLabelCounts(tx, actor.tenantId, changedLabels);
    return { body: next, version: next.version };
  },

  deleteRelation: async ({ params, ifMatch }, { tx, actor, locale }) => {
    const current = await loadForUpdate<Relation>(tx, 'relations', actor.tenantId, params.id, locale);
    checkVersion(current, ifMatch, locale);
    const [referenced] = await tx.query(
      `select 1 where exists (select 1 from affiliations where tenant_id = $1 and (person_id = $2 or organization_id = $2))
          or exists (select 1 from contact_moments where tenant_id = $1 and (relation_id = $2 or person_id = $2))
          or exists (select 1 from callback_requests where tenant_id = $1 and relation_id = $2)
          or exists (select 1 from documents where tenant_id = $1 and relation_id = $2)`,
      [actor.tenantId, params.id],
    );
    if (referenced) {
      throw problem('conflict', locale, {
        detail: locale === 'nl'
          ? 'Er wordt naar deze relatie verwezen; archiveer haar in plaats van te verwijderen.'
          : 'Other records refer to this relation; archive it instead of deleting it.',
      });
    }
    const addresses = await tx.query<{ id: string }>(
      'delete from addresses where tenant_id = $1 and relation_id = $2 returning id', [actor.tenantId, params.id],
    );
    for (const address of addresses) await recordChange(tx, actor.tenantId, 'address', address.id, true);
    await tx.query('delete from relations where tenant_id = $1 and id = $2', [actor.tenantId, params.id]);
    // Its history goes with it: nothing asks for it any more, and it holds the relation's personal values.
    await tx.query('delete from relation_history where tenant_id = $1 and relation_id = $2', [actor.tenantId, params.id]);
    await recordChange(tx, actor.tenantId, 'relation', params.id, true);
    await refreshLabelCounts(tx, actor.tenantId, current.labelIds);
    return { body: undefined };
  },

  updateRelationLabels: async ({ body }, { tx, actor, locale, now }) => {
    const add = body.addLabelIds ?? [];
    const remove = body.removeLabelIds ?? [];
    await assertLabelsExist(tx, actor.tenantId, [...add, ...remove], locale);
    const rows = await tx.query<{ data: Relation }>(
      // Locked in id order, as every bulk writer does, so two bulk writes over the same relations never deadlock.
      'select data from relations where tenant_id = $1 and id = any($2::text[]) order by id for update', [actor.tenantId, body.relationIds],
    );
    if (rows.length !== new Set(body.relationIds).size) {
      const found = new Set(rows.map((row) => row.data.id));
      const index = body.relationIds.findIndex((id) => !found.has(id));
      invalid(`relationIds.${index}`, 'unknownRelation', locale === 'nl' ? 'Deze relatie bestaat niet.' : 'This relation does not exist.', locale);
    }
    let updated = 0;
    for (const { data: relation } of rows) {
      const labelIds = [...relation.labelIds.filter((id) => !remove.includes(id)), ...add.filter((id) => !relation.labelIds.includes(id) && !remove.includes(id))];
      if (labelIds.length === relation.labelIds.length && labelIds.every((id) => relation.labelIds.includes(id))) continue;
      const next = { ...relation, labelIds, updatedAt: now.toISOString(), version: relation.version + 1 };
      await tx.query(
        'update relations set label_ids = $3, data = $4, version = $5, updated_at = $6 where tenant_id = $1 and id = $2',
        [actor.tenantId, relation.id, labelIds, next, next.version, next.updatedAt],
      );
      await recordChange(tx, actor.tenantId, 'relation', relation.id);
      await recordHistory(tx, actor, now, { relationId: relation.id, entity: 'relation', entityId: relation.id, action: 'updated', before: relation, after: next });
      updated++;
    }
    await refreshLabelCounts(tx, actor.tenantId, [...add, ...remove]);
    return { body: { updated } };
  },
};
