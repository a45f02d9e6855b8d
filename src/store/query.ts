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

/**
 * What a list shows of a relation, and all the in-memory index keeps of it: the organization or person,
 * IBAN, preferences and timestamps stay in the cache (`getRelation` reads them). At 100,000 relations the
 * whole resource would cost the page about 90 MiB of heap; this, a quarter of it.
 */
export type ListedRelation = Pick<
  Relation, 'id' | 'number' | 'kind' | 'status' | 'displayName' | 'debtor' | 'creditor' | 'city' | 'email' | 'phone' | 'labelIds'
>;

export interface RelationQueryResult {
  items: Relation[];
  /** How many relations match in all, for the count and the scrollbar. */
  total: number;
}
