import type { RelationSort, RelationStatus } from '../../contract/index.js';
import type { RelationQuery } from '../../store/index.js';

/** The overview's filters, as its properties hold them. */
export interface OverviewFilters {
  view: 'relations' | 'leads';
  q: string;
  roleFilter: '' | 'debtor' | 'creditor';
  kind: '' | 'organization' | 'person';
  labelIds: readonly string[];
  labelMode: 'all' | 'any';
  showArchived: boolean;
  sort: RelationSort;
}

/** The store query for the filters: leads on their tab; archived relations only when asked for. */
export function overviewQuery(filters: OverviewFilters): RelationQuery {
  const status: RelationStatus[] = filters.view === 'leads' ? ['lead'] : filters.showArchived ? ['active', 'archived'] : ['active'];
  return {
    q: filters.q,
    status,
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.roleFilter ? { role: filters.roleFilter } : {}),
    ...(filters.labelIds.length ? { labelIds: [...filters.labelIds], labelMode: filters.labelMode } : {}),
    sort: filters.sort,
  };
}

/** The list as it first opens, active relations by name with nothing filtered: what the store's kept first screen can paint at once. */
export function isFirstView(filters: OverviewFilters): boolean {
  return filters.view === 'relations' && !filters.showArchived && !filters.q && !filters.roleFilter && !filters.kind && !filters.labelIds.length && filters.sort === 'name';
}

/** Whether any filter narrows the list (so "no results" offers to clear them). */
export function isFiltered(filters: OverviewFilters): boolean {
  return !!(filters.q || filters.roleFilter || filters.kind || filters.labelIds.length);
}
