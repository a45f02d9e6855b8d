/**
 * Our side of the overview benchmark, bundled by `bench/overview/run.ts` and driven through `window.bench`.
 * The page is what a host writes: `<relation-provider base-url>` with a token source around a
 * `<relation-overview>`. Instrumentation only observes: the store's `selectRelations` is wrapped on the
 * instance to time each query and to learn when the overview renders its answer (the first `at(i)` during a
 * render), and the overview's shadow root is watched for rows.
 */
import '../../src/index.js';
import Papa from 'papaparse';
import { cellText, columnKeys, columnLabel } from '../../src/elements/relation-overview/columns.js';
import { neutralizeFormula, relationsToCsv } from '../../src/elements/internal/relation-export-dialog/csv.js';
import { addressFields, mailingAddress } from '../../src/format/address.js';
import type { Relation } from '../../src/contract/index.js';
import { en } from '../../src/i18n/en.js';
import { openCache, strip } from '../../src/store/cache.js';
import type { RelationQuery, RelationSelection, RelationsStore } from '../../src/store/index.js';
import { readAllRelations, readFirstScreen, readIndexedRelations, relationStores } from '../../src/store/relation-blocks.js';
import { RelationIndex } from '../../src/store/relation-index.js';
import { afterNextPaint, atRest, heapAfterGc, idleFrames, now, pageConfig, scrollThrough, sleep, waitFor } from './in-page.js';
import type { AtRest, CsvResult, FilterStep, FrameStats, OursStartup, OursStartupParts, QueryStep } from './protocol.js';

const config = pageConfig();
function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`the bench page has no ${what}`);
  return value;
}
const provider = required(document.querySelector('relation-provider'), 'relation-provider');
const overview = required(document.querySelector('relation-overview'), 'relation-overview');
const root = required(overview.shadowRoot, 'shadow root in relation-overview (not upgraded?)');

/** A query the overview (or anyone) ran through the store, timed. */
interface Tracked {
  query: RelationQuery;
  started: number;
  ended: number;
  total: number;
  counted: Promise<void>;
}
type CommitListener = (tracked: Tracked, at: number) => void;
const commitListeners = new Set<CommitListener>();
let store: RelationsStore | undefined;
let selectRelations: RelationsStore['selectRelations'] | undefined;
/** The query the overview asks when nothing is filtered: the base of every query timed alone. */
let baseQuery: RelationQuery | undefined;
/** When the store first answered a query: rows painted before it came from the name index's cursor. */
let firstAnswerAt: number | undefined;

/** Resolves on the first render (committed to the DOM) of an answer to a query that `match`es. */
function nextCommit(match: (tracked: Tracked) => boolean, what: string, timeoutMs = 60_000): Promise<{ tracked: Tracked; at: number }> {
  return new Promise((resolve, reject) => {
    const listener: CommitListener = (tracked, at) => {
      if (!match(tracked)) return;
      commitListeners.delete(listener);
      clearTimeout(timer);
      resolve({ tracked, at });
    };
    const timer = setTimeout(() => {
      commitListeners.delete(listener);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for the overview to render ${what}`));
    }, timeoutMs);
    commitListeners.add(listener);
  });
}

function committed(tracked: Tracked): void {
  const at = now();
  for (const listener of [...commitListeners]) listener(tracked, at);
}

/** The first read of a screenful off the name index (the overview's preview), if any. */
let preview: { start: number; end?: number } | undefined;

function instrument(opened: RelationsStore): void {
  const firstRelations = opened.firstRelations.bind(opened);
  opened.firstRelations = async (limit: number) => {
    let timed: { start: number; end?: number } | undefined;
    if (!preview) preview = timed = { start: now() };
    const rows = await firstRelations(limit);
    if (timed) timed.end = now();
    return rows;
  };
  const original = opened.selectRelations.bind(opened);
  selectRelations = original;
  opened.selectRelations = async (query: RelationQuery = {}): Promise<RelationSelection> => {
    const started = now();
    const selection = await original(query);
    const tracked: Tracked = { query, started, ended: now(), total: selection.total, counted: selection.counted };
    // The store answers with its first screenfuls and counts the rest in idle time: the total is its final count.
    void selection.counted.then(() => (tracked.total = selection.total));
    firstAnswerAt ??= tracked.ended;
    if (selection.total === 0) {
      // Nothing to read: the render that shows the empty list is the one with one header row only.
      const grid = () => root.querySelector('.grid');
      void waitFor(root, () => grid()?.getAttribute('aria-rowcount') === '1', 'an empty list')
        .then(() => overview.updateComplete)
        .then(() => committed(tracked));
      return selection;
    }
    let rendered = false;
    return {
      get total() {
        return selection.total;
      },
      partial: selection.partial,
      get counting() {
        return selection.counting;
      },
      counted: selection.counted,
      count: () => selection.count(),
      ids: () => selection.ids(),
      at(i) {
        // The overview reads rows only while rendering: the first read means this answer is on its way to the DOM.
        if (!rendered) {
          rendered = true;
          void overview.updateComplete.then(() => committed(tracked));
        }
        return selection.at(i);
      },
    };
  };
}

/** Every cached relation as the API gives it, read from the store's cache (the store hands out queries, not all). */
async function everyRelation(store: RelationsStore): Promise<Relation[]> {
  const cache = await openCache(store.name, () => undefined);
  try {
    return (await readAllRelations(cache.transaction(relationStores))).map((relation) => strip(relation));
  } finally {
    cache.close();
  }
}

// Startup: everything below is set up before the first render, timed from the navigation start. ----------

const scriptStart = now();
const storeReady = new Promise<number>((resolve) => {
  provider.addEventListener(
    'relation-store-ready',
    (event) => {
      store = event.detail.store;
      instrument(store);
      resolve(now());
    },
    { once: true },
  );
});
const firstCommit = nextCommit(() => true, 'its first answer from the index', 10 * 60_000);
const firstRowsInDom = waitFor(root, () => root.querySelector('.row') !== null, 'the first rows', 10 * 60_000);
const firstRowsPainted = firstRowsInDom.then(() => afterNextPaint());
let firstRowsFrom: OursStartup['firstRowsFrom'] = 'preview';
void firstRowsInDom.then((at) => {
  if (firstAnswerAt !== undefined && firstAnswerAt <= at) firstRowsFrom = 'index';
});
void firstCommit.then(({ tracked }) => (baseQuery = tracked.query));
provider.getToken = () => config.token;

function requireStore(): RelationsStore {
  if (!store || !selectRelations) throw new Error('the store is not open yet');
  return store;
}

function base(): RelationQuery {
  if (!baseQuery) throw new Error('the overview has not answered its first query yet');
  return baseQuery;
}

/** Makes a change to the overview and times it until the frame showing its answer is painted. */
async function timedChange(input: string, apply: () => void, match: (query: RelationQuery) => boolean): Promise<FilterStep> {
  const start = now();
  const commit = nextCommit((tracked) => tracked.started >= start && match(tracked.query), input);
  apply();
  const { tracked, at } = await commit;
  const painted = await afterNextPaint();
  await tracked.counted;
  return {
    input,
    total: tracked.total,
    query: tracked.ended - tracked.started,
    beforeQuery: tracked.started - start,
    committed: at - start,
    painted: painted - start,
  };
}

const sameLabels = (query: RelationQuery, labelIds: readonly string[]) => (query.labelIds ?? []).join() === labelIds.join();

/** Resets (untimed) are skipped when nothing would change: the overview would not ask the store again. */
async function clearSearch(): Promise<void> {
  if (overview.q !== '') await setSearch('');
}

async function clearLabels(): Promise<void> {
  if (overview.labelIds.length) await setLabels('', []);
}

async function setSearch(q: string): Promise<FilterStep> {
  const labelIds = overview.labelIds;
  return timedChange(q, () => (overview.q = q), (query) => (query.q ?? '') === q && sameLabels(query, labelIds));
}

async function setLabels(input: string, labelIds: string[]): Promise<FilterStep> {
  const q = overview.q;
  return timedChange(input, () => (overview.labelIds = labelIds), (query) => sameLabels(query, labelIds) && (query.q ?? '') === q);
}

/** Each prefix of each term, as typed one character at a time. */
function keystrokes(term: string): string[] {
  return Array.from(term, (_, i) => term.slice(0, i + 1));
}

async function timedQuery(input: string, query: RelationQuery): Promise<QueryStep> {
  const start = now();
  const selection = await selectRelations!(query);
  const ms = now() - start;
  await selection.counted;
  return { input, total: selection.total, ms };
}

function rowHeight(): number {
  const row = root.querySelector<HTMLElement>('.row');
  if (!row?.offsetHeight) throw new Error('no row to measure');
  return row.offsetHeight;
}

const csvRepeats = 3;

const bench = {
  info() {
    return {
      userAgent: navigator.userAgent,
      secure: isSecureContext,
      gc: typeof (globalThis as { gc?: unknown }).gc === 'function',
      memory: 'memory' in performance,
    };
  },

  /** First load: waits until the first sync has filled the cache, then saves the nine columns as the user's choice. */
  async synced(timeoutMs: number): Promise<{ ms: number; relations: number }> {
    const start = now();
    await storeReady;
    const opened = requireStore();
    while (!((await opened.isComplete()) && !opened.status.syncing)) {
      if (now() - start > timeoutMs) throw new Error(`the first sync did not finish within ${timeoutMs} ms`);
      await sleep(250);
    }
    localStorage.setItem(`relation-elements:columns:${opened.name}`, JSON.stringify(columnKeys));
    return { ms: now() - start, relations: (await everyRelation(opened)).length };
  },

  async startup(): Promise<OursStartup> {
    const [ready, inDom, painted, first] = await Promise.all([storeReady, firstRowsInDom, firstRowsPainted, firstCommit]);
    const fullListPainted = await afterNextPaint();
    return {
      scriptStart,
      storeReady: ready,
      firstRowsInDom: inDom,
      firstRowsPainted: painted,
      firstRowsFrom,
      previewStart: preview?.start ?? null,
      previewEnd: preview?.end ?? null,
      firstQueryStart: first.tracked.started,
      indexReady: first.tracked.ended,
      fullListPainted,
      firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    };
  },

  /**
   * Waits until the provider's background revalidation is over, and the index's own background work after a
   * warm start: its addresses loaded (a search waits for that) and the search texts it prepares meanwhile
   * (slices of ~10 ms, a second or two at 100,000); then a few frames. What the heap holds then is what it
   * keeps, not a load half done.
   */
  async settle(): Promise<void> {
    const opened = requireStore();
    await sleep(300);
    for (let quiet = 0; quiet < 3; ) {
      quiet = opened.status.syncing ? 0 : quiet + 1;
      await sleep(50);
    }
    await (await opened.selectRelations({ ...base(), q: 'zzzzq' })).counted;
    await sleep(1000);
    await afterNextPaint();
  },

  /** The warm start's steps, each redone alone on the same cache. */
  async startupParts(): Promise<OursStartupParts> {
    const opened = requireStore();
    const cache = await openCache(opened.name, () => undefined);
    try {
      let start = now();
      const all = await readIndexedRelations(cache.transaction([...relationStores, 'meta']));
      const getAll = now() - start;
      start = now();
      const index = new RelationIndex(all);
      const buildIndex = now() - start;
      start = now();
      index.query(base());
      const firstQuery = now() - start;
      start = now();
      index.query({ ...base(), q: 'x' });
      index.query(base());
      const secondQuery = (now() - start) / 2;
      start = now();
      await opened.firstRelations(40);
      const firstRelations40 = now() - start;
      start = now();
      const [, firstRelations40DuringGetAll] = await Promise.all([
        readIndexedRelations(cache.transaction([...relationStores, 'meta'])),
        opened.firstRelations(40).then(() => now() - start),
      ]);
      start = now();
      await readFirstScreen(cache, 100);
      const sortNameGetAll100 = now() - start;
      return { getAll, buildIndex, firstQuery, secondQuery, firstRelations40, firstRelations40DuringGetAll, sortNameGetAll100, relations: all.rows.length };
    } finally {
      cache.close();
    }
  },

  async rest(): Promise<AtRest> {
    const all = (selector: string) => Array.from(root.querySelectorAll(selector));
    return atRest(overview, all('.row'), {
      'dialogs (closed)': all('dialog'),
      'label filter': all('label-filter'),
      'tabs and toolbar': all('[role="tablist"], .toolbar'),
      'column headers': all('.head'),
    });
  },

  /** The ids of the first relations the overview lists, to check both lists show the same rows in the same order. */
  async firstIds(count: number): Promise<string[]> {
    requireStore();
    const selection = await selectRelations!(base());
    return Array.from({ length: Math.min(count, selection.count()) }, (_, i) => selection.at(i).id);
  },

  idle(seconds: number): Promise<FrameStats> {
    return idleFrames(seconds);
  },

  /** The store's query alone for every keystroke of each term, starting from an empty search each time. */
  async searchQueries(terms: string[]): Promise<QueryStep[]> {
    requireStore();
    const steps: QueryStep[] = [];
    for (const term of terms) {
      await timedQuery('', base());
      for (const q of keystrokes(term)) steps.push(await timedQuery(q, { ...base(), q }));
    }
    await timedQuery('', base());
    return steps;
  },

  /** The overview typed into, keystroke by keystroke (`q` set as its search field does), `gapMs` apart. */
  async searchTyped(terms: string[], gapMs: number): Promise<FilterStep[]> {
    requireStore();
    const steps: FilterStep[] = [];
    for (const term of terms) {
      await clearSearch();
      for (const q of keystrokes(term)) {
        await sleep(gapMs);
        steps.push(await setSearch(q));
      }
    }
    await clearSearch();
    return steps;
  },

  async labelQueries(labels: { id: string; name: string }[]): Promise<QueryStep[]> {
    requireStore();
    const steps: QueryStep[] = [];
    for (const label of labels) {
      await timedQuery('', base());
      steps.push(await timedQuery(label.name, { ...base(), labelIds: [label.id], labelMode: 'all' }));
    }
    await timedQuery('', base());
    return steps;
  },

  async labelsChosen(labels: { id: string; name: string }[], gapMs: number): Promise<FilterStep[]> {
    requireStore();
    const steps: FilterStep[] = [];
    for (const label of labels) {
      await clearLabels();
      await sleep(gapMs);
      steps.push(await setLabels(label.name, [label.id]));
    }
    await clearLabels();
    return steps;
  },

  async scroll(seconds: number): Promise<FrameStats> {
    const scroller = root.querySelector<HTMLElement>('.body');
    const grid = root.querySelector('.grid');
    if (!scroller || !grid) throw new Error('the overview has no scrolling body');
    const height = rowHeight();
    const total = Number(grid.getAttribute('aria-rowcount')) - 1;
    // Each Lit update of the overview timed on the instance (ReactiveElement.performUpdate), then put back.
    const host = overview as unknown as { performUpdate(): void };
    const performUpdate = host.performUpdate;
    const updates: number[] = [];
    host.performUpdate = function (this: typeof host) {
      const begin = now();
      performUpdate.call(this);
      updates.push(now() - begin);
    };
    const stats = await scrollThrough(
      scroller,
      seconds,
      (top) => root.querySelector(`.row[aria-rowindex="${Math.floor(top / height) + 2}"]`) !== null,
      () => root.querySelector(`.row[aria-rowindex="${total + 1}"]`) !== null,
    ).finally(() => delete (host as Partial<typeof host>).performUpdate);
    stats.updates = updates;
    scroller.scrollTop = 0;
    await afterNextPaint();
    await afterNextPaint();
    return stats;
  },

  /**
   * The export the user runs against bare Papa.unparse of the same cells. Ours: the overview's export dialog
   * opened by its button, the user reading it for `readingMs`, then "Export" with its defaults (every listed
   * relation, the columns shown, the mailing address, `;`, BOM), timed from that click until the file's Blob
   * is handed to the download link. Papa: the same relations as the same 13 texts (nine columns, four address
   * fields), already made, unparsed with the same separator. After an untimed warm-up of both, each runs
   * `csvRepeats` times a round after a full collection, in an order that rotates by round and repeat.
   */
  async csv(round: number): Promise<CsvResult> {
    const opened = requireStore();
    overview.setAttribute('lang', 'en');
    await overview.updateComplete;
    const selection = await opened.selectRelations(base());
    const relations = Array.from({ length: selection.count() }, (_, i) => selection.at(i));
    const labels = new Map((await opened.labels()).map((label) => [label.id, label]));
    let start = now();
    const addresses = await opened.addressesFor(relations.map((relation) => relation.id));
    const addressRead = now() - start;
    const header = [...columnKeys.map((key) => columnLabel(key, en)), ...en.exporting.addressHeaders];
    start = now();
    const rows = relations.map((relation) => [
      ...columnKeys.map((key) => cellText(key, relation, labels, en)),
      ...addressFields(mailingAddress(addresses.get(relation.id)), 'en'),
    ]);
    const cells = now() - start;
    const table = [header, ...rows];
    const papa = (escapeFormulae: boolean) => {
      const begin = now();
      const text = Papa.unparse(table, { delimiter: ';', newline: '\r\n', escapeFormulae });
      return { ms: now() - begin, chars: text.length };
    };
    const results = { ours: [] as { ms: number; bytes: number }[], papa: [] as { ms: number; chars: number }[], papaEscape: [] as { ms: number; chars: number }[] };
    const runs = {
      ours: async () => void results.ours.push(await exportThroughDialog()),
      papa: async () => void results.papa.push(papa(false)),
      papaEscape: async () => void results.papaEscape.push(papa(true)),
    };
    await exportThroughDialog();
    papa(false);
    papa(true);
    const order = Object.keys(runs) as (keyof typeof runs)[];
    for (let repeat = 0; repeat < csvRepeats; repeat++) {
      for (let i = 0; i < order.length; i++) {
        await heapAfterGc();
        await runs[order[(i + round + repeat) % order.length]!]();
      }
    }
    const middle = <T extends { ms: number }>(values: T[]): T => {
      const sorted = [...values].sort((a, b) => a.ms - b.ms);
      const found = sorted[Math.floor(sorted.length / 2)];
      if (!found) throw new Error('a CSV run is missing');
      return found;
    };
    const oursRun = middle(results.ours);
    // Where our time goes: the export function alone on the same relations and addresses.
    await heapAfterGc();
    start = now();
    await relationsToCsv(relations, { columns: columnKeys, withAddress: true, separator: ';', bom: true, locale: 'en', labels, addresses });
    const direct = now() - start;
    let neutralizedCells = 0;
    for (const row of rows) for (const cell of row) if (neutralizeFormula(cell) !== cell) neutralizedCells++;
    return {
      ours: oursRun.ms,
      oursBytes: oursRun.bytes,
      papa: middle(results.papa).ms,
      papaChars: middle(results.papa).chars,
      papaEscape: middle(results.papaEscape).ms,
      parts: { cells, direct, addressRead, readingMs },
      neutralizedCells,
      cells: rows.length * header.length,
      rows: relations.length,
    };
  },
};

/** How long the bench's user looks at the export dialog before pressing "Export". */
const readingMs = 2000;

/**
 * One export as the user runs it: the overview's button, the dialog's defaults, "Export"; the time from that
 * click until the dialog hands the file's Blob to its download link (URL.createObjectURL, watched here).
 */
async function exportThroughDialog(): Promise<{ ms: number; bytes: number }> {
  const button = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === en.exporting.title);
  required(button, 'export button').click();
  const dialog = await until(() => root.querySelector('relation-export-dialog')?.shadowRoot?.querySelector('form') ?? undefined, 'the export dialog');
  await sleep(readingMs);
  const createObjectURL = URL.createObjectURL;
  const handed = new Promise<{ at: number; blob: Blob }>((resolve) => {
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      resolve({ at: now(), blob: blob as Blob });
      return createObjectURL.call(URL, blob);
    };
  });
  // The download link is clicked with the Blob's URL: keep the bench page from saving 20 MB each time.
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    if (!this.download) click.call(this);
  };
  try {
    const start = now();
    required(dialog.querySelector<HTMLButtonElement>('button[type=submit]'), 'export submit button').click();
    const { at, blob } = await handed;
    await until(() => (root.querySelector('relation-export-dialog') ? undefined : true), 'the export dialog to close');
    return { ms: at - start, bytes: blob.size };
  } finally {
    URL.createObjectURL = createObjectURL;
    HTMLAnchorElement.prototype.click = click;
  }
}

/** Polls each frame until `find` gives something. */
async function until<T>(find: () => T | undefined, what: string, timeoutMs = 60_000): Promise<T> {
  const start = now();
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

export type OursBench = typeof bench;
(globalThis as unknown as { bench: OursBench }).bench = bench;
