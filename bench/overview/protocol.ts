/**
 * What the two bench pages (ours and AG Grid) and the Node driver exchange. Every figure is milliseconds from
 * `performance.now()` in the page unless its name says otherwise; the pages measure, the driver judges.
 */

/** Handed to a page in its HTML, so the page needs no query string and no hard-coded address. */
export interface PageConfig {
  /** Absolute base URL of the API. */
  baseUrl: string;
  token: string;
  /** Where the page fetches the peer's rows (AG Grid page only). */
  rowsUrl?: string;
}

/** A row as both lists show it and as the CSV holds it: the nine columns as text, plus what filters need. */
export interface GridRow {
  id: string;
  number: string;
  name: string;
  kind: string;
  debtorNumber: string;
  creditorNumber: string;
  city: string;
  email: string;
  phone: string;
  labels: string;
  labelIds: string[];
}

/** Our warm start, from the navigation start of the reload. */
export interface OursStartup {
  /** The bench script began to run: HTML and the bundle fetched and parsed. */
  scriptStart: number;
  /** `relation-store-ready`: `getMe` over the network, the IndexedDB opened, counts read. */
  storeReady: number;
  /** Rows in the overview's shadow root (MutationObserver). */
  firstRowsInDom: number;
  /** The frame after: a task queued from `requestAnimationFrame` runs once that frame is painted. */
  firstRowsPainted: number;
  /** Whether the first rows came from the kept first screen (`firstRelations(40)`) or the full index. */
  firstRowsFrom: 'preview' | 'index';
  /** The overview asked the store for its first screenful off the name index (`firstRelations`), if it did. */
  previewStart: number | null;
  /** That read answered. */
  previewEnd: number | null;
  /** The overview's first `selectRelations` began (after `isComplete()` read IndexedDB). */
  firstQueryStart: number;
  /** That query answered: `store.indexReady` is true (all relations read, index built, first query run). */
  indexReady: number;
  /** The overview rendered from the index, all matches scrollable, and that frame painted. */
  fullListPainted: number;
  /** `first-contentful-paint` from the Paint Timing API (the tabs and toolbar, before any row). */
  firstContentfulPaint: number | null;
}

/** Where a warm start's time goes, measured afterwards in the same page on the same cache. */
export interface OursStartupParts {
  /** `getAll('relations')` of the whole cache, as the store's index does it. */
  getAll: number;
  /** `new RelationIndex(rows)`: the filter columns and the id map. */
  buildIndex: number;
  /** The first query on a new index: checks the kept name order (or sorts by name), then scans. */
  firstQuery: number;
  /** The same query again (order cached). */
  secondQuery: number;
  /** `store.firstRelations(40)`: the name index's cursor, what paints before the index. */
  firstRelations40: number;
  /** The same cursor started together with the `getAll` above, as on a warm start: when it resolves. */
  firstRelations40DuringGetAll: number;
  /** `getAll` of the first 100 by the name index (`getAllFromIndex('relations', 'sortName', null, 100)`). */
  sortNameGetAll100: number;
  relations: number;
}

export interface PeerStartup {
  /** `createGrid` returned. */
  createGridReturned: number;
  /** Rows in the grid's DOM. */
  firstRowsInDom: number;
  /** The frame after, painted. */
  firstRowsPainted: number;
  /** Fetching and parsing the rows before timing started (not part of the figure). */
  preloadMs: number;
  rows: number;
}

/** One filter change (a keystroke, a label), from the change until the frame showing its result is painted. */
export interface FilterStep {
  /** The search text, or the label's name. */
  input: string;
  total: number;
  /** Ours: the store's `selectRelations` inside the update. Peer: the synchronous part of the API call. */
  query: number;
  /** Ours: from the change until `selectRelations` started (the controller, `isComplete()` in IndexedDB). */
  beforeQuery: number;
  /** The DOM shows the result. */
  committed: number;
  /** That frame painted: the figure. */
  painted: number;
}

/** The store's query alone, without the element, for the same inputs in the same order. */
export interface QueryStep {
  input: string;
  total: number;
  ms: number;
}

export interface FrameStats {
  /** Deltas between consecutive `requestAnimationFrame` timestamps. */
  deltas: number[];
  /** Ours: the duration of each Lit update of the overview during the scroll. */
  updates?: number[];
  /** Frames at which the rows at the scroll position were in the DOM (checked before each next step). */
  rowsShown: number;
  checked: number;
  /** Whether the list reached its end and the last rows were there. */
  reachedEnd: boolean;
  distancePx: number;
  stepPx: number;
  ms: number;
}

export interface AtRest {
  /** Elements of the list component, shadow roots included. */
  listElements: number;
  /** Elements of the whole document, shadow roots included. */
  pageElements: number;
  /** Rows in the DOM. */
  rowsInDom: number;
  /** Elements of those rows, the rows included. */
  rowElements: number;
  /** Elements of named parts of the list component (shadow roots included), where the page knows them. */
  parts: Record<string, number>;
  /** `performance.memory.usedJSHeapSize` after `gc()`; null when not exposed. */
  heapBytes: number | null;
}

export interface CsvResult {
  /** The export the user runs: from "Export" in the overview's dialog to the file's Blob; nine columns and the address. */
  ours: number;
  oursBytes: number;
  /** `Papa.unparse` of the same cells (nine columns, four address fields), already as strings. */
  papa: number;
  papaChars: number;
  /** The same with `escapeFormulae: true`. */
  papaEscape: number;
  /**
   * Around ours: making the cells alone, `relationsToCsv` alone on addresses already read, reading the
   * addresses (which the dialog does while the user reads it), and how long the bench's user reads it.
   */
  parts: { cells: number; direct: number; addressRead: number; readingMs: number };
  /** Cells that neutralisation changed. */
  neutralizedCells: number;
  cells: number;
  rows: number;
}
