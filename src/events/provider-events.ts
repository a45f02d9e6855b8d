import type { RelationsStore } from '../store/index.js';

export type RelationStoreReadyEvent = CustomEvent<{ store: RelationsStore }>;
export type RelationProviderErrorEvent = CustomEvent<{ error: unknown }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'relation-store-ready': RelationStoreReadyEvent;
    'relation-provider-error': RelationProviderErrorEvent;
  }
}
