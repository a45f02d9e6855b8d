import type { Relation, RelationKind, RelationRole, RelationSort, RelationStatus } from '../contract/index.js';
import type { Cache, CachedRelation } from './cache.js';

/** The overview's questions to the cache, in the same terms as the contract's `listRelations`. */
export interface RelationQuery {
  q?: string;
  status?: RelationStatus[];
  kind?: RelationKind;
  role?: RelationRole;
  labelIds?: string[];
  labelMode?: 'all' | 'any';
  sort?: RelationSort;
  offset?: number;
  limit?: number;
}

export interface RelationQueryResult {
  items: Relation[];
  /** How many relations match in all, for the count and the scrollbar. */
  total: number;
}

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

function matches(query: RelationQuery, terms: string[]) {
  const statuses = query.status?.length ? new Set(query.status) : undefined;
  const labels = query.labelIds?.length ? query.labelIds : undefined;
  return (relation: CachedRelation): boolean => {
    if (statuses ? !statuses.has(relation.status) : relation.status === 'archived') return false;
    if (query.kind && relation.kind !== query.kind) return false;
    if (query.role === 'debtor' && !relation.debtor) return false;
    if (query.role === 'creditor' && !relation.creditor) return false;
    if (labels) {
      const has = (id: string) => relation.labelIds.includes(id);
      if (query.labelMode === 'any' ? !labels.some(has) : !labels.every(has)) return false;
    }
    if (terms.length) {
      const text = searchText(relation);
      if (!terms.every((term) => text.includes(term))) return false;
    }
    return true;
  };
}

/** What search matches in the cache; the backend matches the same fields (plus addresses' postcodes). */
function searchText(relation: CachedRelation): string {
  return [
    relation.displayName, relation.number, relation.debtor?.number, relation.creditor?.number, relation.email,
    relation.phone, relation.phone?.replace(/\D/g, ''), relation.city, relation.organization?.kvkNumber,
    relation.organization?.vatNumber, relation.iban,
  ].filter((part) => part !== null && part !== undefined).join(' ').toLowerCase();
}

const sortKeys: Record<string, (r: CachedRelation) => string | number> = {
  name: (r) => r.sortName,
  number: (r) => r.number,
  debtorNumber: (r) => r.debtor?.number ?? Number.MAX_SAFE_INTEGER,
  creditorNumber: (r) => r.creditor?.number ?? Number.MAX_SAFE_INTEGER,
  city: (r) => r.city?.toLowerCase() ?? '\uffff',
  updatedAt: (r) => r.updatedAt,
};

/**
 * Answers a relation query from the cache: filter, search and sort as the backend would, then a window
 * of `limit` from `offset`.
 */
export async function queryRelations(cache: Cache, query: RelationQuery): Promise<RelationQueryResult> {
  const terms = (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const all = query.labelIds?.length === 1 && query.labelMode !== 'any'
    ? await cache.getAllFromIndex('relations', 'labelIds', query.labelIds[0])
    : await cache.getAll('relations');
  const found = all.filter(matches(query, terms));
  const sort = query.sort ?? 'name';
  const key = sortKeys[sort.replace('-', '')]!;
  const direction = sort.startsWith('-') ? -1 : 1;
  found.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return direction * (order || a.id.localeCompare(b.id));
  });
  const offset = query.offset ?? 0;
  const window = found.slice(offset, offset + (query.limit ?? 50));
  return { items: window.map(({ sortName: _sortName, ...relation }) => relation), total: found.length };
}
