import {
  compactSearchText, duplicateName, relationNameKey, relationSearchText, relationSortKeys, type Address, type Relation,
  type SearchedAddress,
} from '../../src/contract/index.js';

export { displayName } from '../../src/contract/index.js';

/** The city shown for a relation: of its visiting address, else its postal address, else any. */
export function relationCity(addresses: readonly Pick<Address, 'purposes' | 'city'>[]): string | null {
  const withCity = addresses.filter((address) => address.city);
  const pick = (purpose: Address['purposes'][number]) => withCity.find((address) => address.purposes.includes(purpose));
  return (pick('visiting') ?? pick('postal') ?? withCity[0])?.city ?? null;
}

/**
 * The SQL column list of a relation's row. Beside the relation itself (`data`), the columns that filters
 * and sorts use, each derived by the contract's one definition of search text and sort keys
 * (src/contract/relation-search.ts), which the browser's cache uses too.
 */
export const relationColumnNames = [
  'tenant_id', 'id', 'number', 'kind', 'status', 'is_debtor', 'is_creditor', 'debtor_number', 'creditor_number',
  'name_key', 'city_key', 'debtor_key', 'creditor_key', 'email_key', 'phone_key', 'updated_at', 'label_ids', 'search',
  'version', 'data', 'duplicate_name',
] as const;

/** The derived columns alone: what a migration recomputes when the definition changes. */
export const derivedColumnNames = ['name_key', 'city_key', 'email_key', 'phone_key', 'search'] as const;

export function derivedColumnValues(relation: Relation, addresses: readonly SearchedAddress[]): string[] {
  return [
    relationNameKey(relation), relationSortKeys.city(relation), relationSortKeys.email(relation),
    // Compacted: every search finds a row exactly as in the whole text, and the trigram index over it, the
    // largest cost of a first start, is built over ~30 % fewer characters.
    relationSortKeys.phone(relation), compactSearchText(relationSearchText(relation, addresses)),
  ];
}

/** The values of one row, in `relationColumnNames`' order; `kept` are role numbers kept while a role is ended. */
export function relationRowValues(
  tenantId: string,
  relation: Relation,
  addresses: readonly SearchedAddress[],
  kept: { debtorNumber: number | null; creditorNumber: number | null },
): unknown[] {
  const [nameKey, cityKey, emailKey, phoneKey, search] = derivedColumnValues(relation, addresses);
  return [
    tenantId, relation.id, relation.number, relation.kind, relation.status, relation.debtor !== null, relation.creditor !== null,
    relation.debtor?.number ?? kept.debtorNumber, relation.creditor?.number ?? kept.creditorNumber,
    nameKey, cityKey, relationSortKeys.debtorNumber(relation), relationSortKeys.creditorNumber(relation), emailKey, phoneKey,
    relation.updatedAt, relation.labelIds, search, relation.version, relation, duplicateName(relation),
  ];
}
