import * as z from 'zod/mini';
import {
  Organization, Person, searchTerms, type Address, type ListRelationsQuery, type Locale, type Relation, type RelationSort,
} from '../../src/contract/index.js';
import { fieldErrors } from '../field-errors.js';
import type { Handlers, RequestContext } from '../context.js';
import type { Queryable } from '../db/database.js';
import { problem } from '../problem.js';
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

async function listRelations(query: z.output<typeof ListRelationsQuery>, ctx: RequestContext) {
  const { tx, actor, locale } = ctx;
  const conditions = ['tenant_id = $1'];
  const values: unknown[] = [actor.tenantId];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  if (query.status?.length) conditions.push(`status = any(${param(query.status)}::text[])`);
  else conditions.push(`status <> 'archived'`);
  if (query.kind) conditions.push(`kind = ${param(query.kind)}`);
  if (query.role === 'debtor') conditions.push('is_debtor');
  if (query.role === 'creditor') conditions.push('is_creditor');
  if (query.labelIds?.length) {
    conditions.push(`label_ids ${query.labelMode === 'any' ? '&&' : '@>'} ${param(query.labelIds)}::text[]`);
  }
  for (const term of searchTerms(query.q)) {
    conditions.push(`search like ${param(likeTerm(term))}`);
  }

  const sort: RelationSort = query.sort ?? 'name';
  const descending = sort.startsWith('-');
  const { column, type } = sortColumns[sort.replace('-', '')]!;
  const after = decodeCursor(query.cursor, locale);
  const unique = column === 'number';
  if (after) {
    const op = descending ? '<' : '>';
    conditions.push(
      unique
        ? `${column} ${op} ${param(after[0])}::${type}`
        : `(${column}, id) ${op} (${param(after[0])}::${type}, ${param(after[1])}::text)`,
    );
  }
  const direction = descending ? 'desc' : 'asc';
  const limit = query.limit ?? 50;
  const rows = await tx.query<{ data: Relation; key: unknown; id: string }>(
    `select data, ${column} as key, id from relations where ${conditions.join(' and ')}
     order by ${column} ${direction}${unique ? '' : `, id ${direction}`} limit ${param(limit + 1)}`,
    values,
  );
  return toPage(rows, limit, (row) => row.data, (row) => [row.key instanceof Date ? row.key.toISOString() : row.key, row.id]);
}

async function assertLabelsExist(tx: Queryable, tenantId: string, labelIds: readonly string[], locale: Locale) {
  if (labelIds.length === 0) return;
  const rows = await tx.query<{ id: string }>('select id from labels where tenant_id = $1 and id = any($2::text[])', [tenantId, labelIds]);
  const known = new Set(rows.map((row) => row.id));
  const index = labelIds.findIndex((id) => !known.has(id));
  if (index >= 0) invalid(`labelIds.${index}`, 'unknownLabel', locale === 'nl' ? 'Dit label bestaat niet.' : 'This label does not exist.', locale);
}

/** Sets each label's `relationCount` from the relations that carry it now, and puts it in the change feed. */
export async function refreshLabelCounts(tx: Queryable, tenantId: string, labelIds: Iterable<string>): Promise<void> {
  for (const labelId of new Set(labelIds)) {
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
    await recordChange(tx, actor.tenantId, 'relation', params.id, true);
    await refreshLabelCounts(tx, actor.tenantId, current.labelIds);
    return { body: undefined };
  },

  updateRelationLabels: async ({ body }, { tx, actor, locale, now }) => {
    const add = body.addLabelIds ?? [];
    const remove = body.removeLabelIds ?? [];
    await assertLabelsExist(tx, actor.tenantId, [...add, ...remove], locale);
    const rows = await tx.query<{ data: Relation }>(
      'select data from relations where tenant_id = $1 and id = any($2::text[]) for update', [actor.tenantId, body.relationIds],
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
      updated++;
    }
    await refreshLabelCounts(tx, actor.tenantId, [...add, ...remove]);
    return { body: { updated } };
  },
};
