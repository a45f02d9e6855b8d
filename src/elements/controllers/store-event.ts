import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RelationsStore, StoreEventMap } from '../../store/index.js';

/**
 * Listens to one of the store's own events (`notification`, `callbacks`) on whichever store the host reads
 * through now, the provider's or its own, and stops listening when the host leaves the page.
 */
export class StoreEventController<K extends keyof StoreEventMap & string> implements ReactiveController {
  private watched: RelationsStore | undefined;
  private readonly listener = (event: Event) => this.heard(event as StoreEventMap[K]);

  constructor(
    host: ReactiveControllerHost,
    private readonly type: K,
    private readonly store: () => RelationsStore | undefined,
    private readonly heard: (event: StoreEventMap[K]) => void,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    this.watch(this.store());
  }

  hostDisconnected(): void {
    this.watch(undefined);
  }

  private watch(store: RelationsStore | undefined): void {
    if (store === this.watched) return;
    this.watched?.removeEventListener(this.type, this.listener);
    this.watched = store;
    store?.addEventListener(this.type, this.listener);
  }
}
