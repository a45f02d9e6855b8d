/**
 * The browser side of the live benchmark (`bench/live/run.ts`): a provider signed in as one user around an
 * overview searching for the benchmark's relations, as a host page has it. `bench.seen(name)` resolves with the
 * wall-clock time of the first animation frame in which the overview shows `name`.
 */
import '../../src/index.js';
import type { RelationProvider } from '../../src/index.js';
import type { RelationsStore } from '../../src/store/index.js';

const config = JSON.parse(document.getElementById('bench-config')!.textContent!) as { token: string };
const provider = document.querySelector('relation-provider') as RelationProvider;
const overview = document.querySelector('relation-overview')!;
let store: RelationsStore | undefined;
provider.addEventListener('relation-store-ready', (event) => (store = event.detail.store));
provider.getToken = () => config.token;

/** Every text in `node` and the shadow roots below it. */
function deepText(node: Node): string {
  let text = node.nodeType === Node.TEXT_NODE ? (node.textContent ?? '') : '';
  const root = (node as Element).shadowRoot;
  if (root) text += deepText(root);
  for (const child of node.childNodes) text += deepText(child);
  return text;
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

export interface LiveBench {
  /** Resolves once the store has synced and hears colleagues (or polls for them): the mode it uses. */
  ready(timeoutMs: number): Promise<string>;
  /** The time (`Date.now()`) of the first frame in which the overview shows `name`. */
  seen(name: string, timeoutMs: number): Promise<number>;
}

const bench: LiveBench = {
  async ready(timeoutMs) {
    const end = performance.now() + timeoutMs;
    while (!(store && (await store.isComplete()) && store.status.live !== 'off')) {
      if (performance.now() > end) throw new Error(`not ready: live ${store?.status.live ?? 'no store'}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return store.status.live;
  },
  async seen(name, timeoutMs) {
    const end = performance.now() + timeoutMs;
    for (;;) {
      await frame();
      if (deepText(overview).includes(name)) return Date.now();
      if (performance.now() > end) throw new Error(`"${name}" not shown within ${timeoutMs} ms`);
    }
  },
};
(globalThis as unknown as { bench: LiveBench }).bench = bench;
