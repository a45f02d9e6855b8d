import type { ChangePage } from '../contract/index.js';
import { ApiError, NetworkError } from '../sdk/index.js';
import { compactAddresses } from './address-blocks.js';
import { applyChanges, pageInfo } from './apply.js';
import { entityStores } from './cache.js';
import { compactRelations, type KnownLog, type RelationLogRecord } from './relation-blocks.js';
import type { StoreHost } from './host.js';
import type * as WorkerLinkModule from './sync-worker-link.js';
import type { AppliedPage, PageInfo, SyncWorkerLink } from './sync-worker-link.js';

/** Changes per request and per IndexedDB transaction in a sync (benchmarks read the feed the same way). */
export const changePageSize = 2000;

/** What the change feed needs from the store around it. */
export interface SyncHost extends StoreHost {
  /** A page was applied: bring the in-memory index in line with its relations and addresses. */
  indexChanges(addresses: AppliedPage['addresses'], relations: AppliedPage['relations']): Promise<void>;
  /** The backend no longer has our cursor (410): the cache was emptied and fills again from the start. */
  cleared(): void;
}

/** How a pull fetches a page, writes it, and folds the log at the end: here, or in the sync worker. */
interface PageSteps<Fetched> {
  fetch(since: string): Promise<Fetched>;
  /** Writes the page into the cache; `parsed` hears its summary before it is written. */
  apply(page: Fetched, parsed: (info: PageInfo) => void): Promise<AppliedPage>;
  compact(logged: KnownLog): Promise<unknown>;
}

/** Pulls the change feed into the cache and knows whether a first pull has completed. */
export class ChangeFeed {
  private complete = false;
  private logging: KnownLog = new Map();
  /** The link to the sync worker, loaded with the first pull (the page paints before it), as a chunk of its own. */
  private worker: Promise<typeof WorkerLinkModule & { link: SyncWorkerLink }> | undefined;

  constructor(private readonly host: SyncHost) {}

  /** Stops the sync worker, if one started. */
  close(): void {
    void this.worker?.then(({ link }) => link.close());
  }

  private workerLink() {
    this.worker ??= import('./sync-worker-link.js').then((module) => {
      const link = new module.SyncWorkerLink();
      if (this.host.closed()) link.close();
      return { ...module, link };
    });
    return this.worker;
  }

  /**
   * The relation log records this tab's pulls wrote, by key: reads use them instead of reading them back
   * (until the fold, a first sync's log is every relation synced so far).
   */
  get logged(): KnownLog {
    return this.logging;
  }

  /** Whether a first sync has completed: before it, lists may be incomplete. */
  async isComplete(): Promise<boolean> {
    // Asked on every query: kept in memory once true, since only a fresh sync (410) makes it false again.
    this.complete ||= (await this.host.cache.get('meta', 'complete')) === true;
    return this.complete;
  }

  /**
   * Pulls the change feed from the stored cursor to the end, a page per transaction. Only one tab pulls at
   * a time; a tab that finds another pulling leaves it to that one and hears the result. Resolves false when
   * it left it so (a pull already under way may have passed a change announced just now). With `wait`, it
   * waits for that pull instead and then pulls what came after.
   */
  async pull(wait = false): Promise<boolean> {
    const { host } = this;
    if (host.closed()) return true;
    return host.tabs.exclusively('sync', async () => {
      if (host.closed()) return;
      host.setStatus({ syncing: true });
      try {
        // Where workers run, pages are read and written off the main thread; elsewhere, or when the worker
        // cannot start, here. Either way a page and its cursor are one transaction, so the other way picks
        // up from the stored cursor.
        const worker = await this.workerLink().catch(() => {
          // Its chunk could not load (offline before it ever did): pull here, and try the worker next time.
          this.worker = undefined;
          return undefined;
        });
        try {
          if (worker?.link.usable) return await this.pullPages(this.inWorker(worker.link));
        } catch (error) {
          if (!worker || !(error instanceof worker.WorkerUnavailable)) throw error;
        }
        await this.pullPages(this.inThread());
      } catch (error) {
        if (error instanceof NetworkError) host.setStatus({ online: false });
        else throw error;
      } finally {
        host.setStatus({ syncing: false });
      }
    }, wait);
  }

  /** Pulls the feed from the stored cursor to the end, a page per transaction, and folds the log. */
  private async pullPages<Fetched>(steps: PageSteps<Fetched>): Promise<void> {
    const { host } = this;
    if (host.closed()) return;
    const cursor = ((await host.cache.get('meta', 'cursor')) as string | undefined) ?? '0';
    let received = 0;
    // What this pull logs of relations (and an earlier pull that stopped before its fold), kept to read
    // and fold it without reading it back. Records never change once written, and keys are never reused.
    const logged = new Map<number, RelationLogRecord>(this.logging);
    this.logging = logged;
    // Three pages in flight: page n+2 travels while page n+1 is written (in the worker: read and written)
    // and page n is indexed here. Each is written only once the one before it is, and indexed in order.
    let next = this.fetchPage(steps, cursor);
    const parsed = (info: PageInfo) => {
      if (info.hasMore) next = this.fetchPage(steps, info.nextCursor);
    };
    const applyNext = () => {
      const applying = next.then((page) => (host.closed() ? undefined : steps.apply(page, parsed)));
      applying.catch(() => undefined);
      return applying;
    };
    let applying = applyNext();
    for (;;) {
      let applied: AppliedPage | undefined;
      try {
        applied = await applying;
      } catch (error) {
        if (error instanceof ApiError && error.status === 410) {
          await this.clear();
          next = this.fetchPage(steps, '0');
          applying = applyNext();
          continue;
        }
        throw error;
      }
      // Closed while the page was written (a sign-out): nothing is left to index or to tell.
      if (!applied || host.closed()) return;
      const { info, touched, relations, logged: records, addresses } = applied;
      if (info.hasMore) applying = applyNext();
      for (const [key, record] of records) logged.set(key, record);
      await host.indexChanges(addresses, relations);
      received += info.count;
      host.setStatus({ online: true, progress: info.hasMore || received > 0 ? { received, total: received + info.remaining } : null });
      if (touched.size) host.changed([...touched]);
      if (!info.hasMore) break;
    }
    if (host.closed()) return;
    // What this pull and the local writes before it logged, folded into the blocks while no page is due.
    await steps.compact(logged);
    this.logging = new Map();
    // Closed while the log was folded (a sign-out): the cache is no longer ours to write.
    if (host.closed()) return;
    const lastSyncAt = new Date().toISOString();
    const completes = !(await this.isComplete());
    if (host.closed()) return;
    // One transaction, made at once after that check: a sign-out closing the cache lets it finish.
    const tx = host.cache.transaction('meta', 'readwrite');
    await Promise.all([tx.store.put(true, 'complete'), tx.store.put(lastSyncAt, 'lastSyncAt'), tx.done]);
    this.complete = true;
    host.setStatus({ lastSyncAt, progress: null });
    // Lists answered by the backend while the cache was incomplete (the last page's change comes before
    // this point, and the fold in the worker takes a while) are the cache's to answer now, counted exactly.
    if (completes) host.changed(['relation']);
  }

  /** Pages read, checked and written on this thread. */
  private inThread(): PageSteps<ChangePage> {
    const { cache, client } = this.host;
    return {
      fetch: (since) => client.listChanges({ since, limit: changePageSize }),
      async apply(page, parsed) {
        const info = pageInfo(page);
        parsed(info);
        const applied = await applyChanges(cache, page.items, page.nextCursor);
        return { ...applied, info };
      },
      compact: async (logged) => {
        await compactRelations(cache, logged);
        // Closed meanwhile (a sign-out): the cache is no longer ours to write.
        if (!this.host.closed()) await compactAddresses(cache);
      },
    };
  }

  /**
   * Pages fetched, read, checked and written in the sync worker, with the token the client gives now; when
   * the host's own fetch carries the requests, fetched here and handed over as bytes.
   */
  private inWorker(worker: SyncWorkerLink): PageSteps<ArrayBuffer | number> {
    const { cache, client } = this.host;
    return {
      fetch: async (since) => {
        const settings = await client.settingsForWorker();
        if (!settings) return client.listChangesBody({ since, limit: changePageSize });
        return worker.fetch(settings, since, changePageSize);
      },
      apply: (body, parsed) => worker.apply(cache.name, body, parsed),
      compact: () => worker.compact(cache.name),
    };
  }

  /**
   * A page of the feed, asked for now and awaited later. A failure is kept for whoever awaits it (it is
   * marked handled, so a pull that stops first, e.g. on sign-out, leaves no unhandled rejection).
   */
  private fetchPage<Fetched>(steps: PageSteps<Fetched>, since: string): Promise<Fetched> {
    const page = steps.fetch(since);
    page.catch(() => undefined);
    return page;
  }

  private async clear(): Promise<void> {
    this.complete = false;
    this.host.cleared();
    const tx = this.host.cache.transaction([...entityStores, 'meta'], 'readwrite');
    await Promise.all([
      ...entityStores.map((name) => tx.objectStore(name).clear()),
      tx.objectStore('meta').delete('cursor'),
      tx.objectStore('meta').delete('firstScreen'),
      tx.objectStore('meta').delete('complete'),
      tx.done,
    ]);
  }
}
