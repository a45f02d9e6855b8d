import type { Address, Affiliation, Change, ChangeEntity, ContactMoment, Label, Me, OperationId, Relation } from '../contract/index.js';
import { ApiError, NetworkError, type RelationsClient, type RequestOf } from '../sdk/index.js';
import { applyChanges, mergePatch, withPending } from './apply.js';
import { deleteCache, openCache, storeOf, toCached, type Cache, type CachedRelation, type OutboxEntry } from './cache.js';
import { isLocalId, newLocalId, uuid } from './ids.js';
import type { RelationQuery, RelationQueryResult } from './query.js';
import { RelationIndex } from './relation-index.js';
import { provisional, targetOf } from './writes.js';

export interface StoreStatus {
  /** False after a request got no answer, until one does. */
  online: boolean;
  syncing: boolean;
  /** During a sync: changes received and the total known so far. */
  progress: { received: number; total: number } | null;
  /** Writes not yet accepted by the backend, by state. */
  pending: number;
  conflicts: number;
  rejected: number;
  lastSyncAt: string | null;
}

/** The relations a query matched, read on demand. */
export interface RelationSelection {
  readonly total: number;
  /**
   * True while no first sync has completed: the selection is then the backend's first page, so `total`
   * counts only that page and there may be more.
   */
  readonly partial: boolean;
  at(i: number): Relation;
  ids(): string[];
}

export type StoreChangeEvent = CustomEvent<{ entities: ChangeEntity[] }>;

type MutatingOperationId = {
  [K in OperationId]: K extends `create${string}` | `update${string}` | `delete${string}` | 'readNotification' ? K : never;
}[OperationId];

/** What a write takes: the SDK's request for that operation, without the fields the store fills in itself. */
export type WriteRequest<K extends MutatingOperationId> = Omit<RequestOf<K>, 'ifMatch' | 'idempotencyKey'>;

const pageSize = 2000;
/** How many relations the backend is asked for while the cache is still filling. */
const firstPageSize = 200;
const maxRetryDelay = 60_000;

/** The IndexedDB database of one user of one tenant of one backend. */
function partitionName(baseUrl: string, me: Pick<Me, 'id' | 'tenant'>): string {
  const absolute = typeof location === 'undefined' ? baseUrl : new URL(baseUrl, location.href).href;
  return `relation-elements:v1:${encodeURIComponent(absolute)}:${encodeURIComponent(me.tenant.id)}:${encodeURIComponent(me.id)}`;
}

/**
 * The client-side data layer: an IndexedDB cache that renders at once and revalidates in the background
 * through the change feed, and a durable outbox through which every write goes. Writes apply
 * optimistically, are sent in order with retries, survive reloads and offline periods, and end as accepted,
 * as a conflict the user resolves, or as a rejection the user fixes or discards: never silently dropped.
 * One tab syncs and sends at a time (Web Locks); the others hear what changed (BroadcastChannel).
 */
export class RelationsStore extends EventTarget {
  status: StoreStatus = { online: true, syncing: false, progress: null, pending: 0, conflicts: 0, rejected: 0, lastSyncAt: null };

  private readonly channel: BroadcastChannel;
  /** The relations in memory for fast queries; built on the first query, kept up to date by every write. */
  private index: Promise<RelationIndex> | undefined;
  private indexLoaded = false;
  private flushing: Promise<void> | undefined;
  private complete = false;
  private flushAgain = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryDelay = 1000;
  private closed = false;
  private readonly onOnline = () => void this.revalidate();

  private constructor(
    readonly client: RelationsClient,
    readonly me: Me,
    readonly name: string,
    private readonly cache: Cache,
  ) {
    super();
    this.channel = new BroadcastChannel(name);
    this.channel.onmessage = (event: MessageEvent<{ entities?: ChangeEntity[]; outbox?: boolean }>) => {
      if (event.data.entities) {
        // Another tab changed the cache: rebuild the in-memory index from it on the next query.
        if (event.data.entities.includes('relation')) {
          this.index = undefined;
          this.indexLoaded = false;
        }
        this.emitChange(event.data.entities, false);
      }
      if (event.data.outbox) void this.refreshCounts().then(() => this.flush());
    };
    globalThis.addEventListener?.('online', this.onOnline);
  }

  /**
   * Opens the store of the signed-in user. The user and tenant come from `getMe`, so each user's cache is
   * their own; without a connection, the store of the last user who signed in on this backend opens.
   */
  static async open(client: RelationsClient): Promise<RelationsStore> {
    const rememberKey = `relation-elements:last-user:${client.baseUrl}`;
    let me: Me;
    try {
      me = await client.getMe();
      localStorage.setItem(rememberKey, JSON.stringify(me));
    } catch (error) {
      const remembered = localStorage.getItem(rememberKey);
      if (!(error instanceof NetworkError) || !remembered) throw error;
      me = JSON.parse(remembered) as Me;
    }
    const name = partitionName(client.baseUrl, me);
    const opened: { store?: RelationsStore } = {};
    const cache = await openCache(name, () => {
      // Signed out in another tab: close, so the cache can be deleted, and tell the elements.
      opened.store?.close();
      opened.store?.dispatchEvent(new CustomEvent('signed-out'));
    });
    const store = new RelationsStore(client, me, name, cache);
    opened.store = store;
    store.status.lastSyncAt = ((await store.cache.get('meta', 'lastSyncAt')) as string | undefined) ?? null;
    await store.refreshCounts();
    return store;
  }

  // Reading ---------------------------------------------------------------------------------------------

  /** Whether a first sync has completed: before it, lists may be incomplete. */
  async isComplete(): Promise<boolean> {
    // Asked on every query: kept in memory once true, since only a fresh sync (410) makes it false again.
    this.complete ||= (await this.cache.get('meta', 'complete')) === true;
    return this.complete;
  }

  async getRelation(id: string): Promise<Relation | undefined> {
    return strip(await this.cache.get('relations', await this.resolveId(id)));
  }

  /** The backend's id for an entity created here under a local id, once the backend accepted it. */
  async resolveId(id: string): Promise<string> {
    if (!isLocalId(id)) return id;
    return ((await this.cache.get('meta', `id:${id}`)) as string | undefined) ?? id;
  }

  /** Every cached relation, for an element that keeps its own in-memory index (the overview). */
  async allRelations(): Promise<Relation[]> {
    return (await this.cache.getAll('relations')).map((relation) => strip(relation));
  }

  /**
   * The first `limit` relations by name that are not archived, read straight off the name index: what an
   * overview paints before its full index is loaded.
   */
  async firstRelations(limit: number): Promise<Relation[]> {
    const found: Relation[] = [];
    let cursor = await this.cache.transaction('relations').store.index('sortName').openCursor();
    while (cursor && found.length < limit) {
      if (cursor.value.status !== 'archived' && cursor.value.status !== 'lead') found.push(strip(cursor.value));
      cursor = await cursor.continue();
    }
    return found;
  }

  /** The addresses of many relations at once, by relation id (for exports and address labels). */
  async addressesFor(relationIds: Iterable<string>): Promise<Map<string, Address[]>> {
    const wanted = new Set(relationIds);
    const byRelation = new Map<string, Address[]>();
    for (const address of await this.cache.getAll('addresses')) {
      if (!wanted.has(address.relationId)) continue;
      byRelation.set(address.relationId, [...(byRelation.get(address.relationId) ?? []), address]);
    }
    return byRelation;
  }

  /** Filters, searches and sorts as the backend's `listRelations` does, from memory; then a window. */
  async queryRelations(query: RelationQuery = {}): Promise<RelationQueryResult> {
    const index = await this.relationIndex();
    const matches = index.query(query);
    const offset = query.offset ?? 0;
    const window = matches.subarray(offset, offset + (query.limit ?? 50));
    return { items: Array.from(window, (position) => index.relationAt(position)), total: matches.length };
  }

  /** The ids of every relation a query matches, in its order (for "select all matching"). */
  async queryRelationIds(query: RelationQuery = {}): Promise<string[]> {
    return (await this.selectRelations(query)).ids();
  }

  /**
   * Every relation a query matches, without copying them: `at(i)` reads the i-th in the query's order. A
   * virtualized list renders a screenful from it, whatever the total.
   */
  async selectRelations(query: RelationQuery = {}): Promise<RelationSelection> {
    if (!(await this.isComplete())) {
      const { offset: _offset, limit: _limit, ...filters } = query;
      try {
        const page = await this.client.listRelations({ ...filters, limit: firstPageSize });
        return { total: page.items.length, partial: true, at: (i) => page.items[i]!, ids: () => page.items.map((r) => r.id) };
      } catch (error) {
        // Offline before the first sync: whatever the cache holds is the best answer.
        if (!(error instanceof NetworkError)) throw error;
      }
    }
    const index = await this.relationIndex();
    const matches = index.query(query);
    return {
      total: matches.length,
      partial: false,
      at: (i) => index.relationAt(matches[i]!),
      ids: () => Array.from(matches, (position) => index.relationAt(position).id),
    };
  }

  /** Whether queries are answered from memory already (else the first one loads the index). */
  get indexReady(): boolean {
    return this.indexLoaded;
  }

  private relationIndex(): Promise<RelationIndex> {
    this.index ??= this.cache.getAll('relations').then((all) => {
      this.indexLoaded = true;
      return new RelationIndex(all);
    });
    return this.index;
  }

  /** Brings the in-memory index in line with the cache for these relations, if it is loaded. */
  private async reindex(ids: Iterable<string | null | undefined>): Promise<void> {
    if (!this.index) return;
    const index = await this.index;
    const tx = this.cache.transaction('relations');
    for (const id of new Set(ids)) {
      if (!id) continue;
      const relation = await tx.store.get(id);
      if (relation) index.upsert(relation);
      else index.remove(id);
    }
  }

  async addressesOf(relationId: string): Promise<Address[]> {
    return this.cache.getAllFromIndex('addresses', 'relationId', relationId);
  }

  /** The organizations of a person, or the contact persons of an organization. */
  async affiliationsOf(relationId: string): Promise<Affiliation[]> {
    const [asPerson, asOrganization] = await Promise.all([
      this.cache.getAllFromIndex('affiliations', 'personId', relationId),
      this.cache.getAllFromIndex('affiliations', 'organizationId', relationId),
    ]);
    return [...asPerson, ...asOrganization];
  }

  /** Moments about the relation or with it as the contact person, newest first. */
  async contactMomentsOf(relationId: string): Promise<ContactMoment[]> {
    const [about, with_] = await Promise.all([
      this.cache.getAllFromIndex('contactMoments', 'relationId', relationId),
      this.cache.getAllFromIndex('contactMoments', 'personId', relationId),
    ]);
    const unique = new Map([...about, ...with_].map((moment) => [moment.id, moment]));
    return [...unique.values()].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || b.id.localeCompare(a.id));
  }

  async labels(): Promise<Label[]> {
    return (await this.cache.getAll('labels')).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Writes not yet accepted, in the order they will be sent, with conflicts and rejections among them. */
  async outbox(): Promise<OutboxEntry[]> {
    return this.cache.getAll('outbox');
  }

  // Writing ---------------------------------------------------------------------------------------------

  /**
   * Queues a write and applies it to the cache at once. Resolves with the id of the entity it changes (a
   * local id for a new entity, replaced by the backend's id once it is accepted) as soon as the write is
   * stored durably, so it survives a reload even when the network is gone.
   */
  async write<K extends MutatingOperationId>(operationId: K, request: WriteRequest<K>): Promise<{ id: string | null; seq: number }> {
    const target = targetOf(operationId);
    const raw = await this.resolveLocalIds(request as Record<string, unknown>);
    const entityId = target.kind === 'create' ? newLocalId() : ((raw['id'] as string | undefined) ?? null);
    const tx = this.cache.transaction(['outbox', 'relations', 'addresses', 'affiliations', 'contactMoments', 'labels'], 'readwrite', {
      durability: 'strict',
    });
    const entityStore = target.entity ? tx.objectStore(storeOf[target.entity]) : undefined;
    const before = entityStore && entityId ? await entityStore.get(entityId) : undefined;
    const earlier = entityId ? await tx.objectStore('outbox').index('entityId').getAll(entityId) : [];
    // The version the server last confirmed: an earlier queued write's base when there is one.
    const serverVersion = earlier[0]?.baseVersion ?? (before as { version?: number } | undefined)?.version ?? null;
    const entry: OutboxEntry = {
      key: uuid(),
      operationId,
      request: raw,
      entity: target.entity,
      entityId,
      baseVersion: target.kind === 'update' || target.kind === 'delete' ? serverVersion : null,
      before: before ?? null,
      state: 'pending',
      createdAt: new Date().toISOString(),
      attempts: 0,
    };
    const seq = await tx.objectStore('outbox').add(entry);
    if (entityStore && entityId && target.entity) {
      if (target.kind === 'create') {
        await entityStore.put(toCached(target.entity, provisional(target.entity, entityId, raw, this.me.id)) as never);
      } else if (target.kind === 'update' && before) {
        await entityStore.put(toCached(target.entity, mergePatch(strip(before), raw['body'])) as never);
      } else if (target.kind === 'delete') {
        await entityStore.delete(entityId);
      }
    }
    if (operationId === 'updateRelationLabels') await applyBulkLabels(tx.objectStore('relations'), raw);
    await tx.done;
    if (target.entity === 'relation') await this.reindex([entityId]);
    if (operationId === 'updateRelationLabels') await this.reindex((raw['body'] as { relationIds: string[] }).relationIds);
    await this.afterLocalWrite(target.entity ? [target.entity] : ['relation']);
    return { id: entityId, seq };
  }

  /** A conflict resolved: keep mine (sent again over their version), take theirs, or send a merged change. */
  async resolveConflict(seq: number, resolution: 'mine' | 'theirs' | { body: Record<string, unknown> }): Promise<void> {
    const entry = await this.cache.get('outbox', seq);
    if (!entry || entry.state !== 'conflict') return;
    const current = entry.current as { version: number } | undefined;
    if (resolution === 'theirs') {
      await this.dropEntry(entry, current);
    } else {
      const request = resolution === 'mine' ? entry.request : { ...entry.request, body: resolution.body };
      await this.cache.put('outbox', { ...entry, request, baseVersion: current?.version ?? entry.baseVersion, state: 'pending', current: undefined });
      if (entry.entity && entry.entityId && current) {
        await this.cache.put(storeOf[entry.entity], toCached(entry.entity, mergePatch(current, request['body'])) as never);
        if (entry.entity === 'relation') await this.reindex([entry.entityId]);
      }
      await this.afterLocalWrite(entry.entity ? [entry.entity] : []);
    }
  }

  /** A rejected write sent again, as it was or corrected by the user. */
  async retry(seq: number, request?: Record<string, unknown>): Promise<void> {
    const entry = await this.cache.get('outbox', seq);
    if (!entry || entry.state === 'pending') return;
    const next = request ?? entry.request;
    // A corrected request is a new request: it needs its own idempotency key.
    await this.cache.put('outbox', { ...entry, request: next, key: request ? uuid() : entry.key, state: 'pending', error: undefined });
    if (entry.entity && entry.entityId && request && targetOf(entry.operationId).kind === 'update') {
      const cached = await this.cache.get(storeOf[entry.entity], entry.entityId);
      if (cached) await this.cache.put(storeOf[entry.entity], toCached(entry.entity, mergePatch(strip(cached), request['body'])) as never);
      if (entry.entity === 'relation') await this.reindex([entry.entityId]);
    }
    await this.afterLocalWrite(entry.entity ? [entry.entity] : []);
  }

  /** A write the user gives up: removed, and the cache shows the entity as it was before it. */
  async discard(seq: number): Promise<void> {
    const entry = await this.cache.get('outbox', seq);
    if (entry) await this.dropEntry(entry, entry.before ?? undefined);
  }

  // Syncing ---------------------------------------------------------------------------------------------

  /** Sends what is queued, then fetches what changed: what a tab does on start, focus and reconnect. */
  async revalidate(): Promise<void> {
    await this.flush();
    await this.sync();
  }

  /**
   * Pulls the change feed from the stored cursor to the end, a page per transaction. Only one tab pulls at
   * a time; a tab that finds another pulling leaves it to that one and hears the result.
   */
  async sync(): Promise<void> {
    if (this.closed) return;
    await withLock(`${this.name}:sync`, async () => {
      if (this.closed) return;
      this.setStatus({ syncing: true });
      try {
        let cursor = ((await this.cache.get('meta', 'cursor')) as string | undefined) ?? '0';
        let received = 0;
        for (;;) {
          let page;
          try {
            page = await this.client.listChanges({ since: cursor, limit: pageSize });
          } catch (error) {
            if (error instanceof ApiError && error.status === 410) {
              await this.clearEntities();
              cursor = '0';
              continue;
            }
            throw error;
          }
          if (this.closed) return;
          const touched = await applyChanges(this.cache, page.items as Change[], page.nextCursor);
          await this.reindex(page.items.filter((change) => change.entity === 'relation').map((change) => change.id));
          cursor = page.nextCursor;
          received += page.items.length;
          this.setStatus({ online: true, progress: page.hasMore || received > 0 ? { received, total: received + page.remaining } : null });
          if (touched.size) this.emitChange([...touched], true);
          if (!page.hasMore) break;
        }
        if (this.closed) return;
        const lastSyncAt = new Date().toISOString();
        await this.cache.put('meta', true, 'complete');
        this.complete = true;
        await this.cache.put('meta', lastSyncAt, 'lastSyncAt');
        this.setStatus({ lastSyncAt, progress: null });
      } catch (error) {
        if (error instanceof NetworkError) this.setStatus({ online: false });
        else throw error;
      } finally {
        this.setStatus({ syncing: false });
      }
    });
  }

  /**
   * Sends queued writes in order. A write that gets no answer stays and is sent again later with the same
   * idempotency key; a rejected or conflicting one waits for the user and holds back later writes to the
   * same entity, while writes to other entities go on.
   */
  flush(): Promise<void> {
    if (this.closed) return Promise.resolve();
    // A caller that asks while a pass is running gets that pass plus one more, which sees its write.
    if (this.flushing) {
      this.flushAgain = true;
      return this.flushing;
    }
    this.flushing = (async () => {
      do {
        this.flushAgain = false;
        await this.flushPass();
      } while (this.flushAgain && !this.closed);
    })().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private async flushPass(): Promise<void> {
    await withLock(`${this.name}:outbox`, async () => {
      const held = new Set<string>();
      while (!this.closed) {
        const entries = await this.cache.getAll('outbox');
        const next = entries.find((entry) => {
          if (entry.state !== 'pending') {
            if (entry.entityId) held.add(entry.entityId);
            return false;
          }
          return !entry.entityId || !held.has(entry.entityId);
        });
        if (!next) break;
        const outcome = await this.send(next);
        if (outcome === 'retry-later') {
          this.scheduleRetry();
          break;
        }
        this.retryDelay = 1000;
      }
      await this.refreshCounts();
    });
  }

  // Lifecycle -------------------------------------------------------------------------------------------

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.retryTimer);
    globalThis.removeEventListener?.('online', this.onOnline);
    this.channel.close();
    this.cache.close();
  }

  /** Closes the store and deletes this user's cache and queued writes from the browser. */
  async signOut(): Promise<void> {
    this.close();
    localStorage.removeItem(`relation-elements:last-user:${this.client.baseUrl}`);
    await deleteCache(this.name);
  }

  // Internals -------------------------------------------------------------------------------------------

  private async send(entry: OutboxEntry): Promise<'done' | 'held' | 'retry-later'> {
    if (this.closed) return 'retry-later';
    const target = targetOf(entry.operationId);
    const request: Record<string, unknown> = { ...entry.request };
    if (entry.operationId.startsWith('create') || entry.operationId === 'updateRelationLabels') request['idempotencyKey'] = entry.key;
    if (entry.baseVersion !== null) request['ifMatch'] = entry.baseVersion;
    await this.cache.put('outbox', { ...entry, attempts: entry.attempts + 1 });
    try {
      const method = this.client[entry.operationId as keyof RelationsClient] as (r: unknown) => Promise<unknown>;
      const result = await method.call(this.client, request);
      // Closed meanwhile (sign-out, another tab): the entry stays and is replayed by key next time.
      if (this.closed) return 'retry-later';
      this.setStatus({ online: true });
      await this.accept(entry, target.kind === 'delete' ? undefined : result);
      return 'done';
    } catch (error) {
      if (error instanceof NetworkError) {
        this.setStatus({ online: false });
        return 'retry-later';
      }
      if (!(error instanceof ApiError)) throw error;
      if (this.closed) return 'retry-later';
      this.setStatus({ online: true });
      if (error.status >= 500 || error.status === 429 || error.status === 408) return 'retry-later';
      if (target.kind === 'delete' && error.status === 404) {
        // Gone already: our earlier attempt reached the server, or someone else deleted it.
        await this.accept(entry, undefined);
        return 'done';
      }
      if (error.status === 412 && alreadyApplied(entry.request['body'], error.current)) {
        // Our own earlier attempt was committed but its answer was lost: the write is in.
        await this.accept(entry, error.current);
        return 'done';
      }
      await this.cache.put('outbox', {
        ...entry,
        attempts: entry.attempts + 1,
        state: error.status === 412 ? 'conflict' : 'rejected',
        current: error.status === 412 ? error.current : undefined,
        error: { status: error.status, title: error.problem.title, detail: error.problem.detail, fieldErrors: [...error.fieldErrors] },
      });
      this.broadcast({ outbox: true });
      return 'held';
    }
  }

  /** The backend accepted a write: its answer replaces the optimistic state, with later writes on top. */
  private async accept(entry: OutboxEntry, result: unknown): Promise<void> {
    const tx = this.cache.transaction(['outbox', 'relations', 'addresses', 'affiliations', 'contactMoments', 'labels', 'meta'], 'readwrite', {
      durability: 'strict',
    });
    const outbox = tx.objectStore('outbox');
    await outbox.delete(entry.seq!);
    const serverId = (result as { id?: string } | undefined)?.id;
    const version = (result as { version?: number } | undefined)?.version;
    const later = (await outbox.getAll()).filter((other) => other.seq! > entry.seq!);
    for (const other of later) {
      let changed = other;
      if (entry.entityId && serverId && isLocalId(entry.entityId) && JSON.stringify(other).includes(entry.entityId)) {
        // Writes queued against the provisional entity now address the backend's id.
        changed = JSON.parse(JSON.stringify(other).replaceAll(entry.entityId, serverId)) as OutboxEntry;
      }
      if (changed.entityId === (serverId ?? entry.entityId) && version !== undefined && changed.baseVersion !== null) {
        changed = { ...changed, baseVersion: version };
      }
      if (changed !== other) await outbox.put(changed);
    }
    if (entry.entity) {
      const store = tx.objectStore(storeOf[entry.entity]);
      if (entry.entityId && serverId && serverId !== entry.entityId) {
        await store.delete(entry.entityId);
        // Elements may still hold the local id (a card opened on a new relation): it keeps working.
        await tx.objectStore('meta').put(serverId, `id:${entry.entityId}`);
      }
      if (result && serverId) {
        const pending = later.filter((other) => other.entityId === serverId || other.entityId === entry.entityId);
        const shown = withPending(result, pending);
        if (shown === undefined) await store.delete(serverId);
        else await store.put(toCached(entry.entity, shown) as never);
      }
    }
    await tx.done;
    if (entry.entity === 'relation') await this.reindex([entry.entityId, serverId]);
    this.emitChange(entry.entity ? [entry.entity] : ['relation', 'label'], true);
    this.broadcast({ outbox: true });
  }

  /** Replaces local ids whose entity the backend has accepted by the backend's ids. */
  private async resolveLocalIds(request: Record<string, unknown>): Promise<Record<string, unknown>> {
    let json = JSON.stringify(request);
    for (const local of new Set(json.match(/local-[0-9a-f-]{36}/g) ?? [])) {
      const resolved = await this.resolveId(local);
      if (resolved !== local) json = json.replaceAll(local, resolved);
    }
    return JSON.parse(json) as Record<string, unknown>;
  }

  private async dropEntry(entry: OutboxEntry, restore: unknown): Promise<void> {
    const tx = this.cache.transaction(['outbox', 'relations', 'addresses', 'affiliations', 'contactMoments', 'labels'], 'readwrite');
    await tx.objectStore('outbox').delete(entry.seq!);
    if (entry.entity && entry.entityId) {
      const store = tx.objectStore(storeOf[entry.entity]);
      if (restore) await store.put(toCached(entry.entity, strip(restore)) as never);
      else await store.delete(entry.entityId);
    }
    await tx.done;
    if (entry.entity === 'relation') await this.reindex([entry.entityId]);
    await this.afterLocalWrite(entry.entity ? [entry.entity] : []);
  }

  private async afterLocalWrite(entities: ChangeEntity[]): Promise<void> {
    await this.refreshCounts();
    this.emitChange(entities, true);
    this.broadcast({ outbox: true });
    void this.flush();
  }

  private async clearEntities(): Promise<void> {
    this.complete = false;
    this.index = undefined;
    this.indexLoaded = false;
    const tx = this.cache.transaction(['relations', 'addresses', 'affiliations', 'contactMoments', 'labels', 'meta'], 'readwrite');
    await Promise.all([
      ...(['relations', 'addresses', 'affiliations', 'contactMoments', 'labels'] as const).map((name) => tx.objectStore(name).clear()),
      tx.objectStore('meta').delete('cursor'),
      tx.objectStore('meta').delete('complete'),
      tx.done,
    ]);
  }

  private async refreshCounts(): Promise<void> {
    if (this.closed) return;
    const entries = await this.cache.getAll('outbox');
    this.setStatus({
      pending: entries.filter((e) => e.state === 'pending').length,
      conflicts: entries.filter((e) => e.state === 'conflict').length,
      rejected: entries.filter((e) => e.state === 'rejected').length,
    });
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    if (this.closed) return;
    this.retryTimer = setTimeout(() => void this.flush(), this.retryDelay);
    this.retryDelay = Math.min(maxRetryDelay, this.retryDelay * 2);
  }

  private setStatus(change: Partial<StoreStatus>): void {
    this.status = { ...this.status, ...change };
    this.dispatchEvent(new CustomEvent('status', { detail: this.status }));
  }

  private emitChange(entities: ChangeEntity[], tellOtherTabs: boolean): void {
    this.dispatchEvent(new CustomEvent('change', { detail: { entities } }));
    if (tellOtherTabs) this.broadcast({ entities });
  }

  private broadcast(message: { entities?: ChangeEntity[]; outbox?: boolean }): void {
    if (!this.closed) this.channel.postMessage(message);
  }
}

/** Whether the server's current state already holds every field of our patch. */
function alreadyApplied(patch: unknown, current: unknown): boolean {
  if (!patch || typeof patch !== 'object' || !current || typeof current !== 'object') return false;
  return Object.entries(patch).every(([key, value]) => {
    const have = (current as Record<string, unknown>)[key];
    if (value && typeof value === 'object' && !Array.isArray(value)) return alreadyApplied(value, have);
    return JSON.stringify(value) === JSON.stringify(have);
  });
}

async function applyBulkLabels(
  relations: { get(id: string): Promise<CachedRelation | undefined>; put(value: CachedRelation): Promise<unknown> },
  request: Record<string, unknown>,
): Promise<void> {
  const body = request['body'] as { relationIds: string[]; addLabelIds?: string[]; removeLabelIds?: string[] };
  for (const id of body.relationIds) {
    const relation = await relations.get(id);
    if (!relation) continue;
    const remove = new Set(body.removeLabelIds ?? []);
    const labelIds = [...relation.labelIds.filter((l) => !remove.has(l))];
    for (const add of body.addLabelIds ?? []) if (!labelIds.includes(add) && !remove.has(add)) labelIds.push(add);
    await relations.put({ ...relation, labelIds });
  }
}

function strip<T>(cached: T): T {
  if (!cached || typeof cached !== 'object' || !('sortName' in cached)) return cached;
  const { sortName: _sortName, ...rest } = cached as T & { sortName: string };
  return rest as T;
}

/** Runs `work` while holding a Web Lock; when another tab holds it, returns without waiting. */
async function withLock(name: string, work: () => Promise<void>): Promise<void> {
  if (typeof navigator === 'undefined' || !navigator.locks) return work();
  await navigator.locks.request(name, { ifAvailable: true }, async (lock) => {
    if (lock) await work();
  });
}
