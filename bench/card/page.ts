/**
 * The browser side of the card benchmark, bundled by `bench/card/run.ts` and driven through `window.bench`.
 * The page is what a host writes: `<relation-provider base-url>` with a token source, a list of rows (plain
 * buttons) and a `<relation-card>`; a click on a row sets `card.relationId`. A second card, in the same page,
 * reads through a store that never synced (another cache partition), so every relation it opens misses the
 * cache and comes from the backend: the network-only baseline.
 *
 * What is timed, from `performance.now()` in the row's click handler: every animation frame after the click
 * checks the card's (composed) shadow tree for the relation's heading (the element that labels the card's
 * region) with the backend's `displayName`, and for its detail inputs each holding the backend's value.
 * The first frame in which both hold is the one that paints them (frame callbacks run before that frame's
 * style, layout and paint); a message posted from that callback runs right after the paint, which is
 * `painted`. Element Timing cannot see into shadow roots, so it is not used. Instrumentation only observes:
 * the stores' `getRelation` (and `loadRelation`, when the store has it) and the client's `getRelation` are
 * wrapped on the instances to time the data and to count cache hits, misses and network calls.
 */
import '../../src/index.js';
import type { Relation } from '../../src/contract/index.js';
import type { RelationCard } from '../../src/elements/relation-card/relation-card.component.js';
import { createRelationsClient } from '../../src/sdk/index.js';
import { RelationsStore } from '../../src/store/index.js';
import type { OpenKind, OpenResult, PageConfig, Row } from './protocol.js';

const now = (): number => performance.now();

function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`the bench page has no ${what}`);
  return value;
}

const config = JSON.parse(required(document.getElementById('bench-config')?.textContent, '#bench-config')) as PageConfig;
const provider = required(document.querySelector('relation-provider'), 'relation-provider');
const list = required(document.getElementById('rows'), '#rows');
const cards: Partial<Record<OpenKind, RelationCard>> = { cached: required(document.querySelector<RelationCard>('relation-card#cached'), 'relation-card#cached') };

const warmStore = new Promise<RelationsStore>((resolve, reject) => {
  provider.addEventListener('relation-store-ready', (event) => resolve(event.detail.store), { once: true });
  provider.addEventListener('relation-provider-error', (event) => reject(new Error(`the provider's store did not open: ${String(event.detail.error)}`)), { once: true });
});
provider.getToken = () => config.token;

/** The open being timed: which relation, and what its data calls did. */
interface Current {
  kind: OpenKind;
  id: string;
  start: number;
  data: number | null;
  received: number | null;
  calls: OpenResult['calls'];
}
let current: Current | undefined;
let pending: Promise<OpenResult> | undefined;

/** A read of `id` answered: the last answer is the outermost call's, the one the card awaited. */
function note(kind: OpenKind, id: string, call: keyof OpenResult['calls'] | null, relation: Relation | null | undefined, fromNetwork = false): void {
  if (!current || current.kind !== kind || current.id !== id) return;
  if (call) current.calls[call]++;
  if (!relation) return;
  current.data = now() - current.start;
  if (fromNetwork) current.received ??= current.data;
}

/** Wraps the store's and its client's reads of one relation on the instances, to time and count them. */
function instrument(store: RelationsStore, kind: OpenKind): void {
  const getRelation = store.getRelation.bind(store);
  store.getRelation = async (id: string) => {
    const relation = await getRelation(id);
    note(kind, id, relation ? 'cacheHit' : 'cacheMiss', relation);
    return relation;
  };
  const loader = store as unknown as { loadRelation?: (id: string) => Promise<Relation | null> };
  if (typeof loader.loadRelation === 'function') {
    const loadRelation = loader.loadRelation.bind(store);
    loader.loadRelation = async (id: string) => {
      const relation = await loadRelation(id);
      note(kind, id, null, relation);
      return relation;
    };
  }
  const client = store.client;
  const fetchOne = client.getRelation.bind(client);
  client.getRelation = async (...args: Parameters<typeof client.getRelation>) => {
    const id = args[0].id;
    if (current?.kind === kind && current.id === id) current.calls.network++;
    const relation = await fetchOne(...args);
    note(kind, id, null, relation, true);
    return relation;
  };
}

/** Every element matching `selector` in `root` and in the shadow roots below it. */
function deepAll(root: ParentNode, selector: string, found: Element[] = []): Element[] {
  for (const element of Array.from(root.querySelectorAll('*'))) {
    if (element.matches(selector)) found.push(element);
    if (element.shadowRoot) deepAll(element.shadowRoot, selector, found);
  }
  return found;
}

/** The value at a dotted path of the relation as text ('' for null), or undefined when it has no such path. */
function valueAt(relation: Relation, path: string): string | undefined {
  let value: unknown = relation;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !(key in value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : undefined;
}

/** Whether the element that labels the card's region (its heading) names the relation. */
function headingShows(card: RelationCard, relation: Relation): boolean {
  const root = card.shadowRoot;
  const labelledBy = root?.querySelector('[aria-labelledby]')?.getAttribute('aria-labelledby');
  if (!root || !labelledBy) return false;
  return deepAll(root, `[id="${CSS.escape(labelledBy)}"]`)[0]?.textContent?.trim() === relation.displayName;
}

/**
 * How many of the card's inputs hold the relation's values, when its heading names the relation and at
 * least three detail inputs (one of them not empty) do; 0 while the card does not show it yet.
 */
function shows(card: RelationCard, relation: Relation): number {
  const root = card.shadowRoot;
  if (!root || !headingShows(card, relation)) return 0;
  let checked = 0;
  let filled = 0;
  for (const input of deepAll(root, 'input[name]') as HTMLInputElement[]) {
    const expected = valueAt(relation, input.name);
    if (expected === undefined || input.type === 'checkbox') continue;
    if (input.value !== expected) return 0;
    checked++;
    if (expected) filled++;
  }
  return checked >= 3 && filled >= 1 ? checked : 0;
}

/** What the card shows instead, while it does not show the relation: its state text (loading, not found). */
function interim(card: RelationCard): string | null {
  const state = card.shadowRoot?.querySelector('[part~="state"]');
  return state?.textContent?.replace(/\s+/g, ' ').trim() || null;
}

function measure(card: RelationCard, row: Row, start: number, inputDelay: number): Promise<OpenResult> {
  return new Promise((resolve, reject) => {
    let frames = 0;
    let heading: number | null = null;
    const seen = new Set<string>();
    const timer = setTimeout(() => reject(new Error(`the ${row.kind} card did not show ${row.relation.id} within 30 s (it shows: ${[...seen].join(' / ') || 'nothing'})`)), 30_000);
    const frame = () => {
      frames++;
      const checked = shows(card, row.relation);
      if (heading === null && (checked || headingShows(card, row.relation))) heading = now() - start;
      if (!checked) {
        const text = interim(card);
        if (text) seen.add(text);
        requestAnimationFrame(frame);
        return;
      }
      const shown = now() - start;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const painted = now() - start;
        channel.port1.close();
        clearTimeout(timer);
        const open = current!;
        current = undefined;
        resolve({
          kind: row.kind, id: row.relation.id, painted, shown, heading: heading ?? shown, data: open.data, received: open.received, inputDelay, frames,
          calls: open.calls, fieldsChecked: checked, interim: [...seen],
        });
      };
      channel.port2.postMessage(null);
    };
    requestAnimationFrame(frame);
  });
}

function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

const bench = {
  info() {
    return { userAgent: navigator.userAgent, secure: isSecureContext };
  },

  /** Waits until the provider's store has completed its sync (the first one, or a revalidation on a reload). */
  async synced(timeoutMs: number): Promise<{ ms: number; partition: string }> {
    const start = now();
    const store = await warmStore;
    const idle = async () => !store.status.syncing && store.status.lastSyncAt !== null && (await store.isComplete());
    // Twice, 300 ms apart: on a reload the provider starts its revalidation just after the store is ready.
    while (!(await idle()) || !(await new Promise((resolve) => setTimeout(resolve, 300)).then(idle))) {
      if (now() - start > timeoutMs) throw new Error(`the store did not sync within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { ms: now() - start, partition: store.name };
  },

  /**
   * Instruments the warm store, opens the network-only store (never synced: its partition is empty) for a
   * second card, and lists a button for every row. Untimed.
   */
  async setup(rows: Row[]): Promise<{ partitions: Record<OpenKind, string> }> {
    const warm = await warmStore;
    instrument(warm, 'cached');
    const client = createRelationsClient({ baseUrl: config.freshBaseUrl, getToken: () => config.token, locale: () => provider.resolvedLocale });
    const fresh = await RelationsStore.open(client, { getToken: () => config.token });
    instrument(fresh, 'network');
    const card = document.createElement('relation-card');
    card.id = 'network';
    card.store = fresh;
    required(document.getElementById('network-slot'), '#network-slot').append(card);
    cards.network = card;
    for (const row of rows) {
      const button = document.createElement('button');
      button.type = 'button';
      button.id = `row-${row.relation.id}`;
      button.className = `row ${row.kind}`;
      button.textContent = `${row.relation.displayName} (${row.kind})`;
      button.addEventListener('click', (event) => {
        const start = now();
        const target = cards[row.kind]!;
        current = { kind: row.kind, id: row.relation.id, start, data: null, received: null, calls: { cacheHit: 0, cacheMiss: 0, network: 0 } };
        target.relationId = row.relation.id;
        pending = measure(target, row, start, start - event.timeStamp);
      });
      list.append(button);
    }
    await afterNextPaint();
    return { partitions: { cached: warm.name, network: fresh.name } };
  },

  /** The open the last click started, once painted. */
  async result(): Promise<OpenResult> {
    const open = required(pending, 'open in progress (the click did not reach a row?)');
    pending = undefined;
    return open;
  },

  /** Empties a card again (untimed), so that every open starts from the same closed card. */
  async close(kind: OpenKind): Promise<void> {
    const card = required(cards[kind], `${kind} card`);
    card.relationId = '';
    await card.updateComplete;
    await afterNextPaint();
  },
};

export type CardBench = typeof bench;

(globalThis as unknown as { bench: CardBench }).bench = bench;
