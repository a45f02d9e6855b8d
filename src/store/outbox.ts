import type { ChangeEntity, Me, OperationId } from '../contract/index.js';
import { ApiError, NetworkError, type RelationsClient, type RequestOf } from '../sdk/index.js';
import { mergePatch, withPending } from './apply.js';
import { entityStore, relationAccess, writeEntities, type EntityValue, type OutboxEntry } from './cache.js';
import type { StoreHost } from './host.js';
import { isLocalId, newLocalId, uuid } from './ids.js';
import { provisional, targetOf } from './writes.js';

export type MutatingOperationId = {
  [K in OperationId]: K extends `create${string}` | `update${string}` | `delete${string}` | 'readNotification' ? K : never;
}[OperationId];

/** What a write takes: the SDK's request for that operation, without the fields the store fills in itself. */
export type WriteRequest<K extends MutatingOperationId> = Omit<RequestOf<K>, 'ifMatch' | 'idempotencyKey'>;

export interface WriteOptions {
  /**
   * The server version the user's change is based on (If-Match of an update or delete), when it is older
   * than the cache's: an editor that saw a colleague's change arrive under a field the user had changed
   * passes the version the user started from, so the backend answers with a conflict instead of the write
   * silently replacing the colleague's value.
   */
  baseVersion?: number | undefined;
}

/** What the outbox needs from the store around it. */
export interface OutboxHost extends StoreHost {
  readonly me: Me;
  /** Brings the in-memory index in line with the cache for these entities. */
  reindex(entity: ChangeEntity, ids: Iterable<string | null | undefined>): Promise<void>;
}

const maxRetryDelay = 60_000;

/**
 * The durable queue of writes. A write is stored and applied to the cache in one transaction, then sent in
 * order with retries; it ends as accepted (the backend's answer replaces the optimistic state), as a
 * conflict the user resolves, or as a rejection the user fixes or discards: never silently dropped.
 * Entities created here get a local id until the backend accepts them; later writes follow to its id.
 */
export class Outbox {
  private flushing: Promise<void> | undefined;
  private flushAgain = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryDelay = 1000;

  constructor(private readonly host: OutboxHost) {}

  /** Writes not yet accepted, in the order they will be sent, with conflicts and rejections among them. */
  entries(): Promise<OutboxEntry[]> {
    return this.host.cache.getAll('outbox');
  }

  /** The backend's id for an entity created here under a local id, once the backend accepted it. */
  async resolveId(id: string): Promise<string> {
    if (!isLocalId(id)) return id;
    return ((await this.host.cache.get('meta', `id:${id}`)) as string | undefined) ?? id;
  }

  /**
   * Queues a write and applies it to the cache at once. Resolves with the id of the entity it changes (a
   * local id for a new entity, replaced by the backend's id once it is accepted) as soon as the write is
   * stored durably, so it survives a reload even when the network is gone.
   */
  async write<K extends MutatingOperationId>(
    operationId: K,
    request: WriteRequest<K>,
    options: WriteOptions = {},
  ): Promise<{ id: string | null; seq: number }> {
    const target = targetOf(operationId);
    // Local ids are resolved inside the transaction that queues the write: IndexedDB runs it strictly
    // before or after the one accepting the create, so the write either is rewritten by that acceptance
    // or sees the backend's id here, never neither (the property test found that window).
    const tx = writeEntities(this.host.cache, ['outbox', 'meta'], 'strict');
    const raw = await resolveLocalIds(tx, request);
    const entityId = target.kind === 'create' ? newLocalId() : ((raw['id'] as string | undefined) ?? null);
    const entities = target.entity ? entityStore(tx, target.entity) : undefined;
    const before = entities && entityId ? await entities.get(entityId) : undefined;
    const earlier = entityId ? await tx.objectStore('outbox').index('entityId').getAll(entityId) : [];
    // The version the server last confirmed: an earlier queued write's base when there is one, else the one
    // the user edited (a colleague's change may have reached the cache since), else the cached one.
    const serverVersion = earlier[0]?.baseVersion ?? options.baseVersion ?? before?.version ?? null;
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
    if (entities && entityId && target.entity) {
      if (target.kind === 'create') await entities.put(provisional(target.entity, entityId, raw, this.host.me.id));
      else if (target.kind === 'update' && before) await entities.put(mergePatch(before, raw['body']));
      else if (target.kind === 'delete') await entities.delete(entityId);
    }
    if (operationId === 'updateRelationLabels') await applyBulkLabels(tx, raw);
    await tx.done;
    if (target.entity) await this.host.reindex(target.entity, [entityId]);
    if (operationId === 'updateRelationLabels') await this.host.reindex('relation', (raw['body'] as { relationIds: string[] }).relationIds);
    await this.afterLocalWrite(target.entity ? [target.entity] : ['relation']);
    return { id: entityId, seq };
  }

  /** A conflict resolved: keep mine (sent again over their version), take theirs, or send a merged change. */
  async resolveConflict(seq: number, resolution: 'mine' | 'theirs' | { body: Record<string, unknown> }): Promise<void> {
    const entry = await this.host.cache.get('outbox', seq);
    if (!entry || entry.state !== 'conflict') return;
    // The entity as the backend answered it on the 412, kept with the entry.
    const current = entry.current as EntityValue | undefined;
    if (resolution === 'theirs') {
      await this.dropEntry(entry, current);
      return;
    }
    const request = resolution === 'mine' ? entry.request : { ...entry.request, body: resolution.body };
    const tx = writeEntities(this.host.cache, ['outbox']);
    await tx.objectStore('outbox').put({ ...entry, request, baseVersion: current?.version ?? entry.baseVersion, state: 'pending', current: undefined });
    if (entry.entity && entry.entityId && current) await entityStore(tx, entry.entity).put(mergePatch(current, request['body']));
    await tx.done;
    if (entry.entity) await this.host.reindex(entry.entity, [entry.entityId]);
    await this.afterLocalWrite(entry.entity ? [entry.entity] : []);
  }

  /** A rejected write sent again, as it was or corrected by the user. */
  async retry(seq: number, request?: Record<string, unknown>): Promise<void> {
    const entry = await this.host.cache.get('outbox', seq);
    if (!entry || entry.state === 'pending') return;
    const tx = writeEntities(this.host.cache, ['outbox']);
    // A corrected request is a new request: it needs its own idempotency key.
    await tx.objectStore('outbox').put({ ...entry, request: request ?? entry.request, key: request ? uuid() : entry.key, state: 'pending', error: undefined });
    if (entry.entity && entry.entityId && request && targetOf(entry.operationId).kind === 'update') {
      const entities = entityStore(tx, entry.entity);
      const cached = await entities.get(entry.entityId);
      if (cached) await entities.put(mergePatch(cached, request['body']));
    }
    await tx.done;
    if (entry.entity) await this.host.reindex(entry.entity, [entry.entityId]);
    await this.afterLocalWrite(entry.entity ? [entry.entity] : []);
  }

  /** A write the user gives up: removed, and the cache shows the entity as it was before it. */
  async discard(seq: number): Promise<void> {
    const entry = await this.host.cache.get('outbox', seq);
    // What the cache held before the write, kept with the entry.
    if (entry) await this.dropEntry(entry, (entry.before ?? undefined) as EntityValue | undefined);
  }

  /**
   * Sends queued writes in order. A write that gets no answer stays and is sent again later with the same
   * idempotency key; a rejected or conflicting one waits for the user and holds back later writes to the
   * same entity, while writes to other entities go on.
   */
  flush(): Promise<void> {
    if (this.host.closed()) return Promise.resolve();
    // A caller that asks while a pass is running gets that pass plus one more, which sees its write.
    if (this.flushing) {
      this.flushAgain = true;
      return this.flushing;
    }
    this.flushing = (async () => {
      do {
        this.flushAgain = false;
        await this.flushPass();
      } while (this.flushAgain && !this.host.closed());
    })()
      .catch((error: unknown) => {
        // Signed out or closed by another tab mid-pass: the cache went away under it. The entry stays
        // and is sent again by its idempotency key next time; anything else is a real failure.
        if (!this.host.closed()) throw error;
      })
      .finally(() => {
        this.flushing = undefined;
      });
    return this.flushing;
  }

  /** Counts the writes by state into the store's status. */
  async refreshCounts(): Promise<void> {
    if (this.host.closed()) return;
    const entries = await this.entries();
    this.host.setStatus({
      pending: entries.filter((e) => e.state === 'pending').length,
      conflicts: entries.filter((e) => e.state === 'conflict').length,
      rejected: entries.filter((e) => e.state === 'rejected').length,
    });
  }

  close(): void {
    clearTimeout(this.retryTimer);
  }

  private async flushPass(): Promise<void> {
    await this.host.tabs.exclusively('outbox', async () => {
      const held = new Set<string>();
      while (!this.host.closed()) {
        const entries = await this.entries();
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

  private async send(entry: OutboxEntry): Promise<'done' | 'held' | 'retry-later'> {
    const { host } = this;
    if (host.closed()) return 'retry-later';
    const target = targetOf(entry.operationId);
    const request: Record<string, unknown> = { ...entry.request };
    if (entry.operationId.startsWith('create') || entry.operationId === 'updateRelationLabels') request['idempotencyKey'] = entry.key;
    if (entry.baseVersion !== null) request['ifMatch'] = entry.baseVersion;
    await host.cache.put('outbox', { ...entry, attempts: entry.attempts + 1 });
    try {
      const method = host.client[entry.operationId as keyof RelationsClient] as (r: unknown) => Promise<unknown>;
      const result = await method.call(host.client, request);
      // Closed meanwhile (sign-out, another tab): the entry stays and is replayed by key next time.
      if (host.closed()) return 'retry-later';
      host.setStatus({ online: true });
      // The backend's answer to a write of this entity, checked against the contract by the SDK.
      await this.accept(entry, target.kind === 'delete' ? undefined : (result as EntityValue | undefined));
      return 'done';
    } catch (error) {
      if (error instanceof NetworkError) {
        host.setStatus({ online: false });
        return 'retry-later';
      }
      if (!(error instanceof ApiError)) throw error;
      if (host.closed()) return 'retry-later';
      host.setStatus({ online: true });
      if (error.status >= 500 || error.status === 429 || error.status === 408) return 'retry-later';
      if (target.kind === 'delete' && error.status === 404) {
        // Gone already: our earlier attempt reached the server, or someone else deleted it.
        await this.accept(entry, undefined);
        return 'done';
      }
      if (error.status === 412 && alreadyApplied(entry.request['body'], error.current)) {
        // Our own earlier attempt was committed but its answer was lost: the write is in.
        await this.accept(entry, error.current as EntityValue);
        return 'done';
      }
      await host.cache.put('outbox', {
        ...entry,
        attempts: entry.attempts + 1,
        state: error.status === 412 ? 'conflict' : 'rejected',
        current: error.status === 412 ? error.current : undefined,
        error: { status: error.status, title: error.problem.title, detail: error.problem.detail, fieldErrors: [...error.fieldErrors] },
      });
      host.tabs.tell({ outbox: true });
      return 'held';
    }
  }

  /** The backend accepted a write: its answer replaces the optimistic state, with later writes on top. */
  private async accept(entry: OutboxEntry, result: EntityValue | undefined): Promise<void> {
    const tx = writeEntities(this.host.cache, ['outbox', 'meta'], 'strict');
    const outbox = tx.objectStore('outbox');
    await outbox.delete(entry.seq!);
    const serverId = result?.id;
    const version = result && 'version' in result ? result.version : undefined;
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
      const entities = entityStore(tx, entry.entity);
      if (entry.entityId && serverId && serverId !== entry.entityId) {
        await entities.delete(entry.entityId);
        // Elements may still hold the local id (a card opened on a new relation): it keeps working.
        await tx.objectStore('meta').put(serverId, `id:${entry.entityId}`);
      }
      if (result && serverId) {
        const pending = later.filter((other) => other.entityId === serverId || other.entityId === entry.entityId);
        const shown = withPending(result, pending);
        if (shown === undefined) await entities.delete(serverId);
        else await entities.put(shown);
      }
    }
    await tx.done;
    if (entry.entity) await this.host.reindex(entry.entity, [entry.entityId, serverId]);
    this.host.changed(entry.entity ? [entry.entity] : ['relation', 'label']);
    this.host.tabs.tell({ outbox: true });
  }

  private async dropEntry(entry: OutboxEntry, restore: EntityValue | undefined): Promise<void> {
    const tx = writeEntities(this.host.cache, ['outbox']);
    await tx.objectStore('outbox').delete(entry.seq!);
    if (entry.entity && entry.entityId) {
      const entities = entityStore(tx, entry.entity);
      if (restore) await entities.put(restore);
      else await entities.delete(entry.entityId);
    }
    await tx.done;
    if (entry.entity) await this.host.reindex(entry.entity, [entry.entityId]);
    await this.afterLocalWrite(entry.entity ? [entry.entity] : []);
  }

  private async afterLocalWrite(entities: ChangeEntity[]): Promise<void> {
    await this.refreshCounts();
    this.host.changed(entities);
    this.host.tabs.tell({ outbox: true });
    void this.flush();
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    if (this.host.closed()) return;
    this.retryTimer = setTimeout(() => void this.flush(), this.retryDelay);
    this.retryDelay = Math.min(maxRetryDelay, this.retryDelay * 2);
  }
}

/** Replaces local ids whose entity the backend has accepted by the backend's ids, within `tx`. */
async function resolveLocalIds(tx: ReturnType<typeof writeEntities>, request: object): Promise<Record<string, unknown>> {
  let json = JSON.stringify(request);
  for (const local of new Set(json.match(/local-[0-9a-f-]{36}/g) ?? [])) {
    const resolved = (await tx.objectStore('meta').get(`id:${local}`)) as string | undefined;
    if (resolved) json = json.replaceAll(local, resolved);
  }
  return JSON.parse(json) as Record<string, unknown>;
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

/** Adds and removes labels on many relations at once, as `updateRelationLabels` will on the backend. */
async function applyBulkLabels(tx: ReturnType<typeof writeEntities>, request: Record<string, unknown>): Promise<void> {
  const relations = relationAccess(tx);
  const body = request['body'] as { relationIds: string[]; addLabelIds?: string[]; removeLabelIds?: string[] };
  const remove = new Set(body.removeLabelIds ?? []);
  const labelled = (await relations.getMany(body.relationIds)).flatMap((relation) => {
    if (!relation) return [];
    const labelIds = relation.labelIds.filter((l) => !remove.has(l));
    for (const add of body.addLabelIds ?? []) if (!labelIds.includes(add) && !remove.has(add)) labelIds.push(add);
    return [{ ...relation, labelIds }];
  });
  await relations.putMany(labelled);
}
