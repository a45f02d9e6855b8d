import type { Address, Relation } from '../../src/contract/index.js';

export { displayName } from '../../src/contract/index.js';

/** The city shown for a relation: of its visiting address, else its postal address, else any. */
export function relationCity(addresses: readonly Pick<Address, 'purposes' | 'city'>[]): string | null {
  const withCity = addresses.filter((address) => address.city);
  const pick = (purpose: Address['purposes'][number]) => withCity.find((address) => address.purposes.includes(purpose));
  return (pick('visiting') ?? pick('postal') ?? withCity[0])?.city ?? null;
}

/** Sorts last: above every name a person types. */
const last = '\uffff';
const noNumber = 2147483647;

/**
 * The indexed columns of a relation's row, derived from the relation and its addresses: sort keys, the
 * role flags and the text that search matches (name, numbers, e-mail, phone, cities, postcodes, KvK, VAT).
 */
export function relationColumns(relation: Relation, addresses: readonly Pick<Address, 'purposes' | 'city' | 'postalCode'>[]) {
  const person = relation.person;
  const nameKey = (person ? `${person.lastName} ${person.initials ?? person.firstName ?? ''}` : relation.displayName).trim().toLowerCase();
  const phone = relation.phone ?? '';
  const searchable = [
    relation.displayName,
    person?.firstName,
    person?.lastName,
    String(relation.number),
    relation.debtor ? String(relation.debtor.number) : '',
    relation.creditor ? String(relation.creditor.number) : '',
    relation.email,
    phone,
    phone.replace(/\D/g, ''),
    relation.organization?.kvkNumber,
    relation.organization?.vatNumber,
    relation.iban,
    ...addresses.flatMap((address) => [address.city, address.postalCode, address.postalCode?.replace(/\s/g, '')]),
  ];
  return {
    number: relation.number,
    kind: relation.kind,
    status: relation.status,
    isDebtor: relation.debtor !== null,
    isCreditor: relation.creditor !== null,
    nameKey,
    cityKey: relation.city ? relation.city.toLowerCase() : last,
    debtorKey: relation.debtor?.number ?? noNumber,
    creditorKey: relation.creditor?.number ?? noNumber,
    updatedAt: relation.updatedAt,
    labelIds: relation.labelIds,
    search: searchable.filter(Boolean).join(' ').toLowerCase(),
    version: relation.version,
  };
}

/** The SQL column list and the values of one row, in the same order, for inserts of one or many rows. */
export const relationColumnNames = [
  'tenant_id', 'id', 'number', 'kind', 'status', 'is_debtor', 'is_creditor', 'debtor_number', 'creditor_number',
  'name_key', 'city_key', 'debtor_key', 'creditor_key', 'updated_at', 'label_ids', 'search', 'version', 'data',
] as const;

export function relationRowValues(
  tenantId: string,
  relation: Relation,
  addresses: readonly Pick<Address, 'purposes' | 'city' | 'postalCode'>[],
  kept: { debtorNumber: number | null; creditorNumber: number | null },
): unknown[] {
  const columns = relationColumns(relation, addresses);
  return [
    tenantId, relation.id, columns.number, columns.kind, columns.status, columns.isDebtor, columns.isCreditor,
    relation.debtor?.number ?? kept.debtorNumber, relation.creditor?.number ?? kept.creditorNumber,
    columns.nameKey, columns.cityKey, columns.debtorKey, columns.creditorKey, columns.updatedAt, columns.labelIds,
    columns.search, columns.version, relation,
  ];
}
