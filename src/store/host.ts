import type { ChangeEntity } from '../contract/index.js';
import type { RelationsClient } from '../sdk/index.js';
import type { Cache } from './cache.js';
import type { StoreStatus } from './events.js';
import type { Tabs } from './tabs.js';

/** What every part of the store (sync, outbox) gets from the facade that wires them together. */
export interface StoreHost {
  readonly cache: Cache;
  readonly client: RelationsClient;
  readonly tabs: Tabs;
  /** Whether the store was closed: from then on nothing is sent, pulled or written. */
  closed(): boolean;
  setStatus(change: Partial<StoreStatus>): void;
  /** These entities changed in the cache: tell the elements and the other tabs. */
  changed(entities: ChangeEntity[]): void;
}
