import type {
  Address, AddressLookup, Affiliation, CallbackRequest, CallbackRequestCreate, ChangeEntity, ContactMoment, DuplicateCandidate,
  DuplicateDraft, Label, Me, Relation, User,
} from '../contract/index.js';
import type { RelationsClient } from '../sdk/index.js';
import { deleteCache, type Cache, type OutboxEntry } from './cache.js';
import { TypedEventTarget, type StoreEventMap, type StoreStatus } from './events.js';
import type { LiveConnection, LiveHost } from './live.js';
import type { MutatingOperationId, Outbox, OutboxHost, WriteOptions, WriteRequest } from './outbox.js';
import { addressesFor, addressesOf } from './queries/addresses.js';
import type { CallbackFilter } from './queries/callbacks.js';
import type { Draft } from './queries/drafts.js';
import { lazy } from './queries/lazy.js';
import { labels } from './queries/labels.js';
import type { Inbox } from './queries/notifications.js';
import { signedInPartition, type OpenOptions } from './partition.js';
import { RelationQueries, type PrimedFirst, type RelationSelection } from './queries/relations.js';
import { writesOf } from './queries/writes-of.js';
import type { RelationQuery, RelationQueryResult } from './query.js';
import { forgetSignIns } from './sign-in.js';
import { ChangeFeed, type SyncHost } from './sync.js';
import { Tabs, type TabMessage } from './tabs.js';

export type { OpenOptions } from './partition.js';

/**
 * The client-side data layer: an IndexedDB cache that renders at once and revalidates in the background
 * through the change feed (`sync.ts`), and a durable outbox through which every write goes (`outbox.ts`).
 * One tab syncs and sends at a time; the others hear what changed (`tabs.ts`). Reading is one query module
 * per entity (`queries/`). This class only wires the parts together and is what elements hold.
 */
export class RelationsStore extends TypedEventTarget<StoreEventMap> {
  status: StoreStatus = {
    online: true, syncing: false, progress: null, pending: 0, conflicts: 0, rejected: 0, lastSyncAt: null, live: 'off',
  };

  private closed = false;
  private readonly tabs: Tabs;
  private readonly feed: ChangeFeed;
  private readonly queue: Outbox;
  private readonly relations: RelationQueries;
  /** The event stream's connection, loaded on `connect` (after the first paint), as a chunk of its own. */
  private live: LiveConnection | undefined;
  private readonly liveHost: LiveHost;
  private liveStarted = false;
  private wantsLive = false;
  private knownColleagues: Promise<User[]> | undefined;
  private readonly onOnline = () => {
    // Colleagues read from the cache while offline are read again from the backend.
    this.knownColleagues = undefined;
    void this.revalidate();
    if (this.wantsLive) this.connect();
  };

  private constructor(
    readonly client: RelationsClient,
    readonly me: Me,
    readonly name: string,
    private readonly cache: Cache,
    first: PrimedFirst | undefined,
    OutboxClass: typeof Outbox,
  ) {
    super();
    this.tabs = new Tabs(name, (message) => this.heard(message));
    const host: OutboxHost & SyncHost & LiveHost = {
      cache, client, me, tabs: this.tabs,
      closed: () => this.closed,
      setStatus: (change) => this.setStatus(change),
      reindex: (entity, ids) => this.relations.reindex(entity, ids),
      indexChanges: (addresses, relations) => this.relations.reindexPage(addresses, relations),
      changed: (entities) => this.changed(entities, true),
      cleared: () => this.relations.forget(),
      pull: () => this.feed.pull(),
      notified: (notification) => {
        this.fire('notification', { notification });
        this.tabs.tell({ notifications: true });
      },
      callbacksChanged: () => {
        this.fire('callbacks');
        this.tabs.tell({ callbacks: true });
      },
      setLive: (live) => {
        if (live !== this.status.live) this.setStatus({ live });
      },
    };
    this.feed = new ChangeFeed(host);
    this.queue = new OutboxClass(host);
    this.liveHost = host;
    this.relations = new RelationQueries(cache, client, () => this.feed.isComplete(), () => this.feed.logged, first);
    globalThis.addEventListener?.('online', this.onOnline);
  }

  /**
   * Opens the store of the signed-in user. The user and tenant come from `getMe`, so each user's cache is
   * their own. Without a connection, it opens the cache of the user whose token `getToken` gives now, if that
   * token signed in here before; otherwise it fails with the NetworkError, and shows no one's data.
   */
  static async open(client: RelationsClient, options: OpenOptions = {}): Promise<RelationsStore> {
    // The outbox's code (a third of the store's) comes as a chunk of its own while getMe travels.
    const outbox = import('./outbox.js');
    outbox.catch(() => undefined);
    const opened: { store?: RelationsStore } = {};
    const { me, partition, remembering } = await signedInPartition(client, options.getToken, () => {
      // Signed out in another tab: close, so the cache can be deleted, and tell the elements.
      opened.store?.close();
      opened.store?.fire('signed-out');
    });
    const store = new RelationsStore(client, me, partition.name, partition.cache, partition.first, (await outbox).Outbox);
    opened.store = store;
    store.status.lastSyncAt = partition.lastSyncAt;
    await Promise.all([store.queue.refreshCounts(), remembering]);
    return store;
  }

  // Reading ---------------------------------------------------------------------------------------------

  /** Whether a first sync has completed: before it, lists may be incomplete. */
  isComplete(): Promise<boolean> {
    return this.feed.isComplete();
  }

  async getRelation(id: string): Promise<Relation | undefined> {
    return (await this.relations.current(id, (local) => this.resolveId(local)))[1];
  }

  /**
   * The relation from the cache; when the cache does not hold it yet (a first sync still running), from the
   * backend, kept in the cache with its addresses so that editing it works as for any other. Null when it
   * does not exist for this user: never found, another tenant's, or a local id that was discarded.
   */
  loadRelation(id: string): Promise<Relation | null> {
    return this.relations.load(id, (local) => this.resolveId(local));
  }

  /** The backend's id for an entity created here under a local id, once the backend accepted it. */
  resolveId(id: string): Promise<string> {
    return this.queue.resolveId(id);
  }

  /**
   * The first `limit` active relations by name, from the first screen the cache keeps: what an overview paints
   * before its full index is loaded.
   */
  firstRelations(limit: number): Promise<Relation[]> {
    return this.relations.first(limit);
  }

  /** Filters, searches and sorts as the backend's `listRelations` does, from memory; then a window. */
  queryRelations(query: RelationQuery = {}): Promise<RelationQueryResult> {
    return this.relations.query(query);
  }

  /**
   * Every relation a query matches, uncopied: `at(i)` is the i-th in order as a list shows it (`ListedRelation`),
   * so a virtualized list renders a screenful whatever the total. Before a first sync completes: the backend's
   * first page (`partial`), or what the cache holds when the backend cannot be reached.
   */
  selectRelations(query: RelationQuery = {}): Promise<RelationSelection> {
    return this.relations.select(query);
  }

  /** Whole relations by id, in the order asked (those the cache does not hold left out): a list's rows keep less. */
  getRelations(ids: readonly string[]): Promise<Relation[]> {
    return this.relations.getMany(ids);
  }

  /** Whether queries are answered from memory already (else the first one loads the index). */
  get indexReady(): boolean {
    return this.relations.ready;
  }

  addressesOf(relationId: string): Promise<Address[]> {
    return addressesOf(this.cache, relationId);
  }

  /** The addresses of many relations at once, by relation id (for exports and address labels). */
  addressesFor(relationIds: Iterable<string>): Promise<Map<string, Address[]>> {
    return addressesFor(this.cache, relationIds);
  }

  /** The organizations of a person, or the contact persons of an organization. */
  affiliationsOf(relationId: string): Promise<Affiliation[]> {
    return lazy.affiliations().then((q) => q.affiliationsOf(this.cache, relationId));
  }

  /** Moments about the relation or with it as the contact person, newest first. */
  contactMomentsOf(relationId: string): Promise<ContactMoment[]> {
    return lazy.contactMoments().then((q) => q.contactMomentsOf(this.cache, relationId));
  }

  labels(): Promise<Label[]> {
    return labels(this.cache);
  }

  /** Writes not yet accepted, in the order they will be sent, with conflicts and rejections among them. */
  outbox(): Promise<OutboxEntry[]> {
    return this.queue.entries();
  }

  /** The writes of an entity not yet accepted (pending, conflict or rejected), oldest first. */
  writesOf(entityId: string): Promise<OutboxEntry[]> {
    return writesOf(this.cache, entityId);
  }

  /**
   * Relations that may be the one being entered, best first: from the backend (equal KvK, VAT, IBAN or
   * e-mail, and similar names); offline, the equal keys from the cache. Archived relations count too.
   */
  async findDuplicates(draft: DuplicateDraft): Promise<DuplicateCandidate[]> {
    const excludeId = draft.excludeId === undefined ? undefined : await this.resolveId(draft.excludeId);
    const resolved = excludeId === undefined ? draft : { ...draft, excludeId };
    return (await lazy.duplicates()).findDuplicates(this.client, (query) => this.relations.query(query), resolved, (online) => {
      if (online !== this.status.online) this.setStatus({ online });
    });
  }

  /** The street and city at a Dutch postcode and house number; null when there is nothing to fill in (or offline). */
  lookupAddress(postalCode: string, houseNumber: string): Promise<AddressLookup | null> {
    return lazy.duplicates().then((q) => q.lookupAddress(this.client, postalCode, houseNumber));
  }

  // Drafts (queries/drafts.ts) ----------------------------------------------------------------------------

  /** What the user typed under `key` and did not save, if anything: kept in this user's partition only. */
  draft<V = Record<string, unknown>>(key: string): Promise<Draft<V> | undefined> {
    return lazy.drafts().then((q) => q.draftOf<V>(this.cache, key));
  }

  saveDraft<V>(key: string, values: V, baseVersion: number | null): Promise<void> {
    return this.closed ? Promise.resolve() : lazy.drafts().then((q) => q.saveDraft(this.cache, key, values, baseVersion));
  }

  discardDraft(key: string): Promise<void> {
    return this.closed ? Promise.resolve() : lazy.drafts().then((q) => q.discardDraft(this.cache, key));
  }

  // Notifications and callback requests (queries/notifications.ts, queries/callbacks.ts) --------------------

  /** The user's newest notifications and unread count; offline, as last seen. Re-read on `notification`. */
  inbox(): Promise<Inbox> {
    return lazy.notifications().then((q) => q.inboxOf(this.cache, this.client));
  }

  /** Marks a notification read, here and in the user's other tabs. */
  async readNotification(id: string): Promise<void> {
    await (await lazy.notifications()).readNotification(this.client, id);
    this.everyTab({ notifications: true });
  }

  /** Marks every notification of the user read, here and in the user's other tabs. */
  async readAllNotifications(): Promise<void> {
    await (await lazy.notifications()).readAllNotifications(this.client);
    this.everyTab({ notifications: true });
  }

  /** Callback requests assigned to or requested by the user, open and most urgent first. Re-read on `callbacks`. */
  callbackRequests(filter: CallbackFilter): Promise<CallbackRequest[]> {
    return lazy.callbacks().then((q) => q.callbackRequestsOf(this.cache, this.client, filter, (online) => {
      if (online !== this.status.online) this.setStatus({ online });
    }));
  }

  /**
   * Asks a colleague to call a relation back: queued through the outbox like every write, so it is sent once
   * even when the network is gone now. The backend mails and notifies the assignee.
   */
  requestCallback(body: CallbackRequestCreate): Promise<{ id: string | null; seq: number }> {
    return this.write('createCallbackRequest', { body });
  }

  /** Marks a callback request done, or open again, over the version the user saw (a 412 when it changed). */
  async setCallbackStatus(request: CallbackRequest, status: CallbackRequest['status']): Promise<CallbackRequest> {
    const updated = await (await lazy.callbacks()).setCallbackStatus(this.client, request, status);
    this.everyTab({ callbacks: true });
    return updated;
  }

  /** The colleagues of the user's tenant; offline, as last seen. Asked once per store (colleagues rarely change). */
  colleagues(): Promise<User[]> {
    this.knownColleagues ??= lazy.callbacks().then((q) => q.colleaguesOf(this.cache, this.client)).catch((error: unknown) => {
      this.knownColleagues = undefined;
      throw error;
    });
    return this.knownColleagues;
  }

  // Writing (outbox.ts) -----------------------------------------------------------------------------------

  /**
   * Queues a write and applies it to the cache at once. Resolves with the id of the entity it changes (a
   * local id for a new entity, replaced by the backend's id once it is accepted) as soon as the write is
   * stored durably, so it survives a reload even when the network is gone.
   */
  write<K extends MutatingOperationId>(
    operationId: K,
    request: WriteRequest<K>,
    options?: WriteOptions,
  ): Promise<{ id: string | null; seq: number }> {
    return this.queue.write(operationId, request, options);
  }

  /** A conflict resolved: keep mine (sent again over their version), take theirs, or send a merged change. */
  resolveConflict(seq: number, resolution: 'mine' | 'theirs' | { body: Record<string, unknown> }): Promise<void> {
    return this.queue.resolveConflict(seq, resolution);
  }

  /** A rejected write sent again, as it was or corrected by the user. */
  retry(seq: number, request?: Record<string, unknown>): Promise<void> {
    return this.queue.retry(seq, request);
  }

  /** A write the user gives up: removed, and the cache shows the entity as it was before it. */
  discard(seq: number): Promise<void> {
    return this.queue.discard(seq);
  }

  // Syncing ---------------------------------------------------------------------------------------------

  /**
   * Shows colleagues' changes and notifications as they happen: one connection per browser to the backend's
   * event stream, held by one tab and handed over when it closes (`live.ts`). Started once; `close` ends it.
   */
  connect(): void {
    this.wantsLive = true;
    if (this.liveStarted || this.closed) return;
    this.liveStarted = true;
    void import('./live.js').then(({ LiveConnection }) => {
      if (this.closed) return;
      this.live = new LiveConnection(this.liveHost);
      this.live.start();
    }, () => {
      // Its chunk could not load (offline before it ever did): connect again once back online.
      this.liveStarted = false;
    });
  }

  /** Sends what is queued, then fetches what changed: what a tab does on start, focus and reconnect. */
  async revalidate(): Promise<void> {
    await this.flush();
    await this.sync();
  }

  /**
   * Pulls the change feed to the end: once it resolves, every change committed before the call is in the
   * cache. One tab pulls at a time; when another pull is under way (another tab's, or this tab's live
   * connection), it waits for that one and then pulls what came after, as that pull may have passed it.
   */
  async sync(): Promise<void> {
    await this.feed.pull(true);
  }

  /** Sends queued writes in order; one tab at a time. */
  flush(): Promise<void> {
    return this.queue.flush();
  }

  // Lifecycle -------------------------------------------------------------------------------------------

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.queue.close();
    this.feed.close();
    this.live?.stop();
    globalThis.removeEventListener?.('online', this.onOnline);
    this.tabs.close();
    this.cache.close();
  }

  /** Closes the store, deletes this user's cache and queued writes from the browser, and forgets the sign-in. */
  async signOut(): Promise<void> {
    this.close();
    await forgetSignIns(this.name);
    await deleteCache(this.name);
  }

  // Wiring ----------------------------------------------------------------------------------------------

  /** What this tab did, heard here as from another tab, and told to the others. */
  private everyTab(message: TabMessage): void {
    this.heard(message);
    this.tabs.tell(message);
  }

  private heard(message: TabMessage): void {
    if (message.entities) {
      // Another tab changed the cache: rebuild the in-memory index from it on the next query.
      if (message.entities.includes('relation') || message.entities.includes('address')) this.relations.forget();
      this.changed(message.entities, false);
    }
    if (message.outbox) void this.queue.refreshCounts().then(() => this.flush());
    if (message.notifications) this.fire('notification', { notification: null });
    if (message.callbacks) this.fire('callbacks');
  }

  private setStatus(change: Partial<StoreStatus>): void {
    this.status = { ...this.status, ...change };
    this.fire('status', this.status);
  }

  private changed(entities: ChangeEntity[], tellOtherTabs: boolean): void {
    this.fire('change', { entities });
    if (tellOtherTabs) this.tabs.tell({ entities });
  }
}
