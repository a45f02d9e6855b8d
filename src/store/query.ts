import type { Relation, RelationKind, RelationRole, RelationSort, RelationStatus } from '../contract/index.js';

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
