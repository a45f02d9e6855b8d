import { relationColumnNames, relationRowValues } from '../../resources/relation-row.js';
import type { SeedData } from '../generate.js';

/** One table's rows of a tenant's seed, as its columns take them; made a range at a time, when asked for. */
export interface SeedTable {
  table: string;
  columns: readonly string[];
  count: number;
  rows(start: number, end: number): unknown[][];
}

function table<T>(name: string, columns: readonly string[], items: readonly T[], row: (item: T) => unknown[]): SeedTable {
  return { table: name, columns, count: items.length, rows: (start, end) => items.slice(start, end).map(row) };
}

/** A tenant's seed as the rows of each table, in the order they load: what rows point at comes first. */
export function seedTables(seed: SeedData): SeedTable[] {
  const tenantId = seed.tenant.id;
  const addressesByRelation = new Map<string, SeedData['addresses']>();
  for (const address of seed.addresses) {
    const list = addressesByRelation.get(address.relationId);
    if (list) list.push(address);
    else addressesByRelation.set(address.relationId, [address]);
  }
  return [
    table('users', ['id', 'tenant_id', 'token', 'data'], seed.tenant.users, ({ token, ...user }) => [user.id, tenantId, token, user]),
    table('counters', ['tenant_id', 'name', 'value'], Object.entries(seed.counters), ([name, value]) => [tenantId, name, value]),
    table('labels', ['tenant_id', 'id', 'name_key', 'version', 'data'], seed.labels,
      (label) => [tenantId, label.id, label.name.toLowerCase(), label.version, label]),
    table('relations', relationColumnNames, seed.relations, (relation) => relationRowValues(
      tenantId, relation, addressesByRelation.get(relation.id) ?? [], { debtorNumber: null, creditorNumber: null },
    )),
    table('addresses', ['tenant_id', 'id', 'relation_id', 'version', 'data'], seed.addresses,
      (address) => [tenantId, address.id, address.relationId, address.version, address]),
    table('affiliations', ['tenant_id', 'id', 'person_id', 'organization_id', 'version', 'data'], seed.affiliations,
      (a) => [tenantId, a.id, a.personId, a.organizationId, a.version, a]),
    table('contact_moments',
      ['tenant_id', 'id', 'relation_id', 'person_id', 'author_id', 'private', 'occurred_at', 'version', 'data'], seed.contactMoments,
      (m) => [tenantId, m.id, m.relationId, m.personId, m.authorId, m.visibility === 'private', m.occurredAt, m.version, m]),
    table('documents', ['tenant_id', 'id', 'relation_id', 'module', 'date', 'data'], seed.documents,
      ({ relationId, ...document }) => [tenantId, document.id, relationId, document.module, document.date, document]),
  ];
}
