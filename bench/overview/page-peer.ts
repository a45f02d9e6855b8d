/**
 * The peer's side of the overview benchmark: AG Grid Community, client-side row model, with the quick
 * filter and an external filter, as few modules as these need (plus `RowApiModule`, so the page can read
 * which rows the grid displays). The rows are fetched and parsed before any timing starts and kept in an
 * array (the peer "from memory"), in the order our overview shows them.
 *
 * AG Grid filters synchronously inside the API call, announces `modelUpdated` a task later and renders the
 * rows in an animation frame: a change counts as shown once `modelUpdated` fired and the DOM holds the
 * first displayed rows (ids and cells) of the new answer.
 */
import {
  ClientSideRowModelModule,
  ExternalFilterModule,
  ModuleRegistry,
  QuickFilterModule,
  RowApiModule,
  createGrid,
  type ColDef,
  type GridApi,
} from 'ag-grid-community';
import { columnKeys, columnLabel } from '../../src/elements/relation-overview/columns.js';
import { en } from '../../src/i18n/en.js';
import { afterNextPaint, atRest, idleFrames, now, pageConfig, scrollThrough, scrollerIn, sleep, waitFor } from './in-page.js';
import type { AtRest, FilterStep, FrameStats, GridRow, PeerStartup } from './protocol.js';

ModuleRegistry.registerModules([ClientSideRowModelModule, QuickFilterModule, ExternalFilterModule, RowApiModule]);

const config = pageConfig();
const container = document.getElementById('grid');
if (!container) throw new Error('the peer page has no #grid');
const grid: HTMLElement = container;
let rows: GridRow[] = [];
let preloadMs = 0;
let api: GridApi<GridRow> | undefined;
/** The label the external filter keeps, or none. */
let label: string | undefined;
let quickFilter = '';
const modelWaiters: (() => void)[] = [];
/** Rows checked to decide that the grid shows an answer: the top of the viewport. */
const checkedRows = 10;

function nextModelUpdate(what: string, timeoutMs = 60_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for modelUpdated after ${what}`)), timeoutMs);
    modelWaiters.push(() => {
      clearTimeout(timer);
      resolve(now());
    });
  });
}

function requireApi(): GridApi<GridRow> {
  if (!api) throw new Error('the grid is not created yet');
  return api;
}

const rowSelector = (index: number) => `.ag-row[row-index="${index}"]`;

/** Applies a change through the grid's API and times it until the frame showing its answer is painted. */
async function timedChange(input: string, apply: (gridApi: GridApi<GridRow>) => void): Promise<FilterStep> {
  const gridApi = requireApi();
  const modelUpdated = nextModelUpdate(input);
  const start = now();
  apply(gridApi);
  const returned = now();
  const total = gridApi.getDisplayedRowCount();
  const expected = Array.from({ length: Math.min(total, checkedRows) }, (_, i) => gridApi.getDisplayedRowAtIndex(i)?.id ?? '');
  const shown = () =>
    expected.every((id, i) => grid.querySelector(`${rowSelector(i)}[row-id="${CSS.escape(id)}"] .ag-cell`) !== null) &&
    (total >= checkedRows || grid.querySelector(rowSelector(total)) === null);
  await modelUpdated;
  const committed = await waitFor(grid, shown, `the grid to show ${input}`);
  const painted = await afterNextPaint();
  return { input, total, query: returned - start, beforeQuery: 0, committed: committed - start, painted: painted - start };
}

function keystrokes(term: string): string[] {
  return Array.from(term, (_, i) => term.slice(0, i + 1));
}

const bench = {
  info() {
    return { userAgent: navigator.userAgent, gc: typeof (globalThis as { gc?: unknown }).gc === 'function', memory: 'memory' in performance };
  },

  /** Fetches the rows into memory; not part of any figure. */
  async load(): Promise<{ ms: number; rows: number }> {
    if (!config.rowsUrl) throw new Error('no rowsUrl in the page config');
    const start = now();
    const response = await fetch(config.rowsUrl);
    if (!response.ok) throw new Error(`GET ${config.rowsUrl}: ${response.status}`);
    rows = (await response.json()) as GridRow[];
    preloadMs = now() - start;
    return { ms: preloadMs, rows: rows.length };
  },

  async create(): Promise<PeerStartup> {
    if (!rows.length) throw new Error('load the rows first');
    const columnDefs: ColDef<GridRow>[] = columnKeys.map((key) => ({ field: key, headerName: columnLabel(key, en) }));
    await afterNextPaint();
    const start = now();
    api = createGrid<GridRow>(grid, {
      columnDefs,
      rowData: rows,
      getRowId: (params) => params.data.id,
      onModelUpdated: () => {
        for (const resolve of modelWaiters.splice(0)) resolve();
      },
      isExternalFilterPresent: () => label !== undefined,
      doesExternalFilterPass: (node) => label !== undefined && (node.data?.labelIds.includes(label) ?? false),
    });
    const createGridReturned = now();
    const firstRowsInDom = await waitFor(grid, () => grid.querySelector(`${rowSelector(0)} .ag-cell`) !== null, 'the first rows');
    const firstRowsPainted = await afterNextPaint();
    return {
      createGridReturned: createGridReturned - start,
      firstRowsInDom: firstRowsInDom - start,
      firstRowsPainted: firstRowsPainted - start,
      preloadMs,
      rows: rows.length,
    };
  },

  /** The id of the first row shown, to check both lists show the same order. */
  firstIds(count: number): string[] {
    const gridApi = requireApi();
    return Array.from({ length: Math.min(count, gridApi.getDisplayedRowCount()) }, (_, i) => gridApi.getDisplayedRowAtIndex(i)?.id ?? '');
  },

  async rest(): Promise<AtRest> {
    return atRest(grid, Array.from(grid.querySelectorAll('.ag-row[row-index]')));
  },

  idle(seconds: number): Promise<FrameStats> {
    return idleFrames(seconds);
  },

  /** The quick filter set keystroke by keystroke, `gapMs` apart, each term from an empty filter. */
  async searchTyped(terms: string[], gapMs: number): Promise<FilterStep[]> {
    const steps: FilterStep[] = [];
    const setQuick = (q: string) =>
      timedChange(q, (gridApi) => {
        quickFilter = q;
        gridApi.setGridOption('quickFilterText', q);
      });
    const clear = async () => {
      if (quickFilter !== '') await setQuick('');
    };
    for (const term of terms) {
      await clear();
      for (const q of keystrokes(term)) {
        await sleep(gapMs);
        steps.push(await setQuick(q));
      }
    }
    await clear();
    return steps;
  },

  async labelsChosen(labels: { id: string; name: string }[], gapMs: number): Promise<FilterStep[]> {
    const steps: FilterStep[] = [];
    const setLabel = (name: string, id: string | undefined) =>
      timedChange(name, (gridApi) => {
        label = id;
        gridApi.onFilterChanged();
      });
    for (const { id, name } of labels) {
      await setLabel('', undefined);
      await sleep(gapMs);
      steps.push(await setLabel(name, id));
    }
    await setLabel('', undefined);
    return steps;
  },

  async scroll(seconds: number): Promise<FrameStats> {
    const gridApi = requireApi();
    const scroller = scrollerIn(grid);
    const first = grid.querySelector<HTMLElement>('.ag-row[row-index]');
    if (!first?.offsetHeight) throw new Error('no row to measure');
    const height = first.offsetHeight;
    const last = gridApi.getDisplayedRowCount() - 1;
    const stats = await scrollThrough(
      scroller,
      seconds,
      (top) => grid.querySelector(`${rowSelector(Math.floor(top / height))} .ag-cell`) !== null,
      () => grid.querySelector(`${rowSelector(last)} .ag-cell`) !== null,
    );
    scroller.scrollTop = 0;
    await afterNextPaint();
    await afterNextPaint();
    return stats;
  },
};

export type PeerBench = typeof bench;
(globalThis as unknown as { bench: PeerBench }).bench = bench;
