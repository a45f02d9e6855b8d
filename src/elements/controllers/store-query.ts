import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChangeEntity } from '../../contract/index.js';
import type { RelationsStore } from '../../store/index.js';
import { storeContext } from '../../core/context.js';

export type QueryStatus = 'loading' | 'data' | 'empty' | 'error';

export interface QueryState<T> {
  status: QueryStatus;
  value: T | undefined;
  error: unknown;
  /** No answer from the backend: what shows is the cache as it was. */
  offline: boolean;
  /** The cache is still filling or catching up: what shows may change in a moment. */
  stale: boolean;
  /** During a first sync: how far it is. */
  progress: { received: number; total: number } | null;
}

export interface StoreQueryOptions<T, A extends readonly unknown[]> {
  /** Reads from the store; runs again when `args` change or when the store reports a change of `entities`. */
  run: (store: RelationsStore, args: A, signal: AbortSignal) => Promise<T>;
  args: () => A;
  entities: readonly ChangeEntity[];
  isEmpty?: (value: T) => boolean;
}

type Host = ReactiveControllerHost & HTMLElement & { store?: RelationsStore | undefined };

/**
 * Data for an element, as states it can render: loading, data, empty or error, each marked offline or
 * stale. One run at a time: a newer question aborts the older one and its late answer is dropped.
 */
export class StoreQueryController<T, A extends readonly unknown[]> implements ReactiveController {
  state: QueryState<T> = { status: 'loading', value: undefined, error: undefined, offline: false, stale: true, progress: null };

  private store: RelationsStore | undefined;
  private fromContext: RelationsStore | undefined;
  private lastArgs: string | undefined;
  private running: AbortController | undefined;
  private scheduled = false;
  private readonly onChange = (event: Event) => {
    const { entities } = (event as CustomEvent<{ entities: ChangeEntity[] }>).detail;
    if (entities.some((entity) => this.options.entities.includes(entity))) this.schedule();
  };
  private readonly onStatus = () => this.refreshFlags();

  constructor(
    private readonly host: Host,
    private readonly options: StoreQueryOptions<T, A>,
  ) {
    host.addController(this);
    new ContextConsumer(host, {
      context: storeContext,
      subscribe: true,
      callback: (store) => {
        this.fromContext = store;
        this.attach();
      },
    });
  }

  hostConnected(): void {
    this.attach();
  }

  hostDisconnected(): void {
    this.running?.abort();
    this.detach();
  }

  /**
   * Runs the query again when the arguments changed since the last run. They are compared by value: a
   * host that builds a fresh query object on every render must not restart the query on every render.
   */
  hostUpdate(): void {
    this.attach();
    if (JSON.stringify(this.options.args()) !== this.lastArgs) this.schedule();
  }

  /** The store the queries run on: the host's own, or the provider's. */
  get currentStore(): RelationsStore | undefined {
    return this.store;
  }

  /** Runs the query now, e.g. from a retry button. */
  refresh(): void {
    this.schedule();
  }

  private attach(): void {
    const store = this.host.store ?? this.fromContext;
    if (store === this.store) return;
    this.detach();
    this.store = store;
    store?.addEventListener('change', this.onChange);
    store?.addEventListener('status', this.onStatus);
    this.schedule();
  }

  private detach(): void {
    this.store?.removeEventListener('change', this.onChange);
    this.store?.removeEventListener('status', this.onStatus);
    this.store = undefined;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      void this.run();
    });
  }

  private async run(): Promise<void> {
    const store = this.store;
    const args = this.options.args();
    this.lastArgs = JSON.stringify(args);
    if (!store) return;
    this.running?.abort();
    const controller = new AbortController();
    this.running = controller;
    try {
      const value = await this.options.run(store, args, controller.signal);
      if (controller.signal.aborted) return;
      const empty = this.options.isEmpty?.(value) ?? false;
      this.state = { ...this.state, status: empty ? 'empty' : 'data', value, error: undefined };
    } catch (error) {
      if (controller.signal.aborted) return;
      this.state = { ...this.state, status: 'error', error };
    }
    await this.refreshFlags();
  }

  private async refreshFlags(): Promise<void> {
    const store = this.store;
    if (!store) return;
    const { online, syncing, progress } = store.status;
    const complete = await store.isComplete().catch(() => false);
    this.state = { ...this.state, offline: !online, stale: syncing || !complete, progress };
    this.host.requestUpdate();
  }
}
