/*
 * The relations store: IndexedDB cache, change-feed sync, durable outbox and cross-tab coordination.
 */
export { RelationsStore, type OpenOptions } from './store.js';
export type { StoreChangeEvent, StoreEventMap, StoreStatus, StoreStatusEvent } from './events.js';
export type { WriteRequest } from './outbox.js';
export type { RelationSelection } from './queries/relations.js';
export type { Draft } from './queries/drafts.js';
export type { OutboxEntry, PendingState } from './cache.js';
export type { ListedRelation, RelationQuery, RelationQueryResult } from './query.js';
export { mergePatch } from './apply.js';
export { isLocalId } from './ids.js';
