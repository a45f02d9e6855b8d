/*
 * The relations store: IndexedDB cache, change-feed sync, durable outbox and cross-tab coordination.
 */
export { RelationsStore, type RelationSelection, type StoreChangeEvent, type StoreStatus, type WriteRequest } from './store.js';
export type { OutboxEntry, PendingState } from './cache.js';
export type { RelationQuery, RelationQueryResult } from './query.js';
export { mergePatch } from './apply.js';
export { isLocalId } from './ids.js';
