import type { ChangeEntity, Problem } from '../contract/index.js';
import { ApiError, ContractError, NetworkError } from '../sdk/errors.js';
import type { WorkerClientSettings } from '../sdk/index.js';
import type { Applied, pageInfo } from './apply.js';
import type { RelationLogRecord } from './relation-blocks.js';

/**
 * What the sync worker is asked: fetch a page of the feed; apply a page (fetched there, by the id of that
 * request, or its bytes fetched here); fold the relation log.
 */
export type WorkerRequest = { id: number } & WorkerTask;
export type FetchRequest = { id: number } & FetchTask;
type FetchTask = { type: 'fetch'; client: WorkerClientSettings; since: string; limit: number };
type WorkerTask = FetchTask | { type: 'apply'; cache: string; body: ArrayBuffer | number } | { type: 'compact'; cache: string };

/** A failure inside the worker, as it crosses to the page. */
export type WorkerFailure =
  | { kind: 'api'; status: number; problem: Problem }
  /** `message`: the cause's, as the page's own NetworkError would hold it. */
  | { kind: 'network'; message: string }
  | { kind: 'contract'; issues: { path: string[]; message: string }[] }
  | { kind: 'error'; name: string; message: string };

/** What the worker answers a request with: fetched; or parsed, each record, applied; or compacted; or failed. */
export type WorkerReply = { id: number } & (
  | { fetched: true }
  | { parsed: PageInfo }
  | { record: [key: number, record: RelationLogRecord] }
  | { applied: { touched: ChangeEntity[]; addresses: Applied['addresses'] } }
  | { compacted: true }
  | { failed: WorkerFailure }
);

/** A page of the feed as the pull loop follows it (`pageInfo`). */
export type PageInfo = ReturnType<typeof pageInfo>;

/** A page written into the cache: what it held and what the in-memory index needs of it. */
export interface AppliedPage extends Applied {
  info: PageInfo;
}

/** The worker could not start (a host whose Content-Security-Policy forbids it, say) or stopped: sync here. */
export class WorkerUnavailable extends Error {
  override readonly name = 'WorkerUnavailable';
}

interface Call {
  resolve(value: AppliedPage | undefined): void;
  reject(error: unknown): void;
  parsed?: (info: PageInfo) => void;
  info?: PageInfo;
  relations: Applied['relations'];
  logged: Applied['logged'];
}

/**
 * The page's side of the sync worker (`sync-worker.ts`), started on first use. When a worker cannot be made or
 * fails to load, every call rejects with WorkerUnavailable and `usable` turns false: the feed then syncs on
 * the main thread, as it does where there are no workers (Node).
 */
export class SyncWorkerLink {
  private worker: Worker | undefined;
  private broken = typeof Worker !== 'function';
  private next = 0;
  private readonly calls = new Map<number, Call>();

  get usable(): boolean {
    return !this.broken;
  }

  /** Fetches a page of the feed in the worker, as `client` would; resolves with the page's id there. */
  async fetch(client: WorkerClientSettings, since: string, limit: number): Promise<number> {
    const id = this.next;
    await this.call({ type: 'fetch', client, since, limit });
    return id;
  }

  /**
   * Applies a page of the feed: one the worker fetched (its id), or the bytes the backend sent (transferred,
   * not copied). `parsed` hears the page's summary as soon as it is read, before it is written, so the next
   * page can travel meanwhile.
   */
  apply(cache: string, body: ArrayBuffer | number, parsed: (info: PageInfo) => void): Promise<AppliedPage> {
    return this.call({ type: 'apply', cache, body }, parsed, typeof body === 'number' ? [] : [body]) as Promise<AppliedPage>;
  }

  /** Folds the relation log into the blocks, in the worker. */
  async compact(cache: string): Promise<void> {
    await this.call({ type: 'compact', cache });
  }

  /** Stops the worker (the store closed): its connection to the cache closes with it. */
  close(): void {
    this.broken = true;
    this.worker?.terminate();
    this.worker = undefined;
    this.fail(new WorkerUnavailable('the store closed'));
  }

  private call(request: WorkerTask, parsed?: (info: PageInfo) => void, transfer: Transferable[] = []) {
    const worker = this.started();
    if (!worker) return Promise.reject(new WorkerUnavailable('no worker'));
    const id = this.next++;
    return new Promise<AppliedPage | undefined>((resolve, reject) => {
      this.calls.set(id, { resolve, reject, relations: [], logged: [], ...(parsed ? { parsed } : {}) });
      worker.postMessage({ ...request, id }, transfer);
    });
  }

  private started(): Worker | undefined {
    if (this.broken) return undefined;
    try {
      this.worker ??= this.spawn();
    } catch {
      this.broken = true;
    }
    return this.worker;
  }

  private spawn(): Worker {
    // Beside this module: `dist/sync-worker.js` for the one script tag, `dist/store/sync-worker.js` for bundlers.
    const worker = new Worker(new URL('./sync-worker.js', import.meta.url), { type: 'module', name: 'relation-elements sync' });
    worker.onmessage = ({ data }: MessageEvent<WorkerReply>) => this.heard(data);
    // The script did not load (forbidden, offline, missing) or threw where nothing catches: no worker from now on.
    worker.onerror = (event) => {
      event.preventDefault();
      this.broken = true;
      worker.terminate();
      this.worker = undefined;
      this.fail(new WorkerUnavailable(event.message || 'the sync worker failed'));
    };
    return worker;
  }

  private heard(reply: WorkerReply): void {
    const call = this.calls.get(reply.id);
    if (!call) return;
    if ('fetched' in reply) {
      this.calls.delete(reply.id);
      call.resolve(undefined);
    } else if ('parsed' in reply) {
      call.info = reply.parsed;
      call.parsed?.(reply.parsed);
    } else if ('record' in reply) {
      const [, record] = reply.record;
      call.logged.push(reply.record);
      for (const relation of record.put) call.relations.push([relation.id, relation]);
      for (const id of record.deleted) call.relations.push([id, undefined]);
    } else if ('applied' in reply) {
      this.calls.delete(reply.id);
      const { touched, addresses } = reply.applied;
      call.resolve({ info: call.info!, touched: new Set(touched), relations: call.relations, logged: call.logged, addresses });
    } else if ('compacted' in reply) {
      this.calls.delete(reply.id);
      call.resolve(undefined);
    } else {
      this.calls.delete(reply.id);
      const failed = reply.failed;
      call.reject(failed.kind === 'api'
        ? new ApiError('listChanges', failed.status, failed.problem)
        : failed.kind === 'network'
          ? new NetworkError('listChanges', new Error(failed.message))
          : failed.kind === 'contract'
            ? new ContractError('listChanges', failed.issues)
            : Object.assign(new Error(failed.message), { name: failed.name }));
    }
  }

  private fail(error: Error): void {
    for (const call of this.calls.values()) call.reject(error);
    this.calls.clear();
  }
}
