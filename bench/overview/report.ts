/**
 * The overview benchmark's figures: medians over rounds, ratios to AG Grid, targets from GOALS.md met or
 * missed, and for each miss where the time goes, all from what the pages measured. Printed as a table and
 * written as the benchmark's own section of docs/performance.md.
 */
import { markdownTable, percentile, textTable } from '../stats.js';
import type { AtRest, CsvResult, FilterStep, FrameStats, OursStartup, OursStartupParts, PeerStartup, QueryStep } from './protocol.js';

export const heading = '## Overview: 100,000 relations against AG Grid';

export interface Machine {
  date: Date;
  cpus: string;
  memory: string;
  node: string;
  chromium: string;
  loadBefore: number[];
  loadAfter: number[];
  viewport: { width: number; height: number };
}

export interface Round {
  ours: {
    startup: OursStartup;
    parts: OursStartupParts;
    rest: AtRest;
    idle: FrameStats;
    queries: QueryStep[];
    typed: FilterStep[];
    labelQueries: QueryStep[];
    labels: FilterStep[];
    scroll: FrameStats;
    csv: CsvResult;
  };
  peer: {
    startup: PeerStartup;
    rest: AtRest;
    idle: FrameStats;
    typed: FilterStep[];
    labels: FilterStep[];
    scroll: FrameStats;
  };
}

export interface ReportInput {
  machine: Machine;
  relations: number;
  listed: number;
  terms: string[];
  labels: { id: string; name: string; listed: number }[];
  runs: number;
  scrollSeconds: number;
  gapMs: number;
  idleSeconds: number;
  rounds: Round[];
  sameFirstIds: boolean[];
  pageErrors: string[];
  /** Which code ran, e.g. "commit abc1234". */
  source: string;
  /** The bench pages' bundles (minified), bytes raw and gzipped. */
  bundles: { ours: { raw: number; gzip: number }; peer: { raw: number; gzip: number } };
}

/** The targets of GOALS.md, as numbers. */
const targets = {
  firstRowsRatio: 0.5,
  keystrokeMs: 1000 / 60,
  labelRatio: 0.3,
  scrollShare: 0.98,
  csvRatio: 1.3,
  frameMs: 25,
};

const p50 = (values: readonly number[]) => percentile(values, 50);
const p95 = (values: readonly number[]) => percentile(values, 95);
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

function ms(value: number): string {
  if (!Number.isFinite(value)) return '-';
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  return value < 100 ? `${value.toFixed(1)} ms` : `${Math.round(value).toLocaleString('en-US')} ms`;
}
const ratio = (value: number, base: number) => (Number.isFinite(value) && Number.isFinite(base) && base > 0 ? `${(value / base).toFixed(2)}x` : '-');
const percent = (share: number) => (Number.isFinite(share) ? `${(share * 100).toFixed(1)}%` : '-');
const count = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '-');
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;
const mib = (bytes: number | null) => (bytes === null || !Number.isFinite(bytes) ? '-' : `${(bytes / 1024 ** 2).toFixed(1)} MiB`);
const met = (ok: boolean) => (ok ? 'yes' : '**no**');

/** Share of frames that missed no vsync. */
function smooth(stats: FrameStats): number {
  return stats.deltas.length ? stats.deltas.filter((delta) => delta < targets.frameMs).length / stats.deltas.length : Number.NaN;
}

function heapOrNaN(rest: AtRest): number {
  return rest.heapBytes ?? Number.NaN;
}

interface Figures {
  first: { ours: number; peer: number };
  typedDom: { ours: number[]; peer: number[] };
  typedPaint: { ours: number[]; peer: number[] };
  queriesAlone: number[];
  labelDom: { ours: number[]; peer: number[] };
  labelPaint: { ours: number[]; peer: number[] };
  labelAlone: number[];
  scroll: { ours: number; peer: number };
  dom: { ours: number; peer: number };
  heap: { ours: number; peer: number };
  csv: { ours: number; papa: number; papaEscape: number };
}

function figures(rounds: readonly Round[]): Figures {
  const each = <T>(pick: (round: Round) => T) => rounds.map(pick);
  return {
    first: { ours: p50(each((r) => r.ours.startup.firstRowsPainted)), peer: p50(each((r) => r.peer.startup.firstRowsPainted)) },
    typedDom: { ours: rounds.flatMap((r) => r.ours.typed.map((s) => s.committed)), peer: rounds.flatMap((r) => r.peer.typed.map((s) => s.committed)) },
    typedPaint: { ours: rounds.flatMap((r) => r.ours.typed.map((s) => s.painted)), peer: rounds.flatMap((r) => r.peer.typed.map((s) => s.painted)) },
    queriesAlone: rounds.flatMap((r) => r.ours.queries.map((s) => s.ms)),
    labelDom: { ours: rounds.flatMap((r) => r.ours.labels.map((s) => s.committed)), peer: rounds.flatMap((r) => r.peer.labels.map((s) => s.committed)) },
    labelPaint: { ours: rounds.flatMap((r) => r.ours.labels.map((s) => s.painted)), peer: rounds.flatMap((r) => r.peer.labels.map((s) => s.painted)) },
    labelAlone: rounds.flatMap((r) => r.ours.labelQueries.map((s) => s.ms)),
    scroll: { ours: p50(each((r) => smooth(r.ours.scroll))), peer: p50(each((r) => smooth(r.peer.scroll))) },
    dom: { ours: p50(each((r) => r.ours.rest.listElements)), peer: p50(each((r) => r.peer.rest.listElements)) },
    heap: { ours: p50(each((r) => heapOrNaN(r.ours.rest))), peer: p50(each((r) => heapOrNaN(r.peer.rest))) },
    csv: { ours: p50(each((r) => r.ours.csv.ours)), papa: p50(each((r) => r.ours.csv.papa)), papaEscape: p50(each((r) => r.ours.csv.papaEscape)) },
  };
}

interface Verdicts {
  first: boolean;
  keystroke: boolean;
  label: boolean;
  scroll: boolean;
  dom: boolean;
  csv: boolean;
}

function verdicts(f: Figures): Verdicts {
  return {
    first: f.first.ours / f.first.peer <= targets.firstRowsRatio,
    keystroke: p95(f.typedDom.ours) <= targets.keystrokeMs,
    label: p50(f.labelDom.ours) / p50(f.labelDom.peer) <= targets.labelRatio,
    scroll: f.scroll.ours >= targets.scrollShare,
    dom: f.dom.ours <= f.dom.peer,
    csv: f.csv.ours / f.csv.papa <= targets.csvRatio,
  };
}

const mainHeader = ['figure', 'ours', 'AG Grid Community', 'ours / AG Grid', 'target', 'met'];
const mainRight = [false, true, true, true, false, false];

function mainRows(f: Figures, v: Verdicts): string[][] {
  const pair = (values: readonly number[]) => `${ms(p50(values))} / ${ms(p95(values))}`;
  return [
    ['first rows painted (ours: reload, warm IndexedDB, from navigation start; AG Grid: rows in memory, from createGrid)',
      ms(f.first.ours), ms(f.first.peer), ratio(f.first.ours, f.first.peer), `<= ${targets.firstRowsRatio}x`, met(v.first)],
    ['search per keystroke, change to DOM updated, p50 / p95', pair(f.typedDom.ours), pair(f.typedDom.peer),
      ratio(p50(f.typedDom.ours), p50(f.typedDom.peer)), `p95 <= ${ms(targets.keystrokeMs)}`, met(v.keystroke)],
    ['search per keystroke, change to frame painted, p50 / p95', pair(f.typedPaint.ours), pair(f.typedPaint.peer),
      ratio(p50(f.typedPaint.ours), p50(f.typedPaint.peer)), '', ''],
    ['search per keystroke, store query alone, p50 / p95', pair(f.queriesAlone), '', '', '', ''],
    ['label filter, change to DOM updated, p50 / p95', pair(f.labelDom.ours), pair(f.labelDom.peer),
      ratio(p50(f.labelDom.ours), p50(f.labelDom.peer)), `<= ${targets.labelRatio}x`, met(v.label)],
    ['label filter, change to frame painted, p50 / p95', pair(f.labelPaint.ours), pair(f.labelPaint.peer),
      ratio(p50(f.labelPaint.ours), p50(f.labelPaint.peer)), '', ''],
    ['label filter, store query alone, p50 / p95', pair(f.labelAlone), '', '', '', ''],
    [`scroll top to bottom: frames without a missed vsync (< ${targets.frameMs} ms)`, percent(f.scroll.ours), percent(f.scroll.peer), '',
      `>= ${percent(targets.scrollShare)}`, met(v.scroll)],
    ['DOM elements at rest (list component, shadow roots included)', count(f.dom.ours), count(f.dom.peer), ratio(f.dom.ours, f.dom.peer),
      '<= AG Grid', met(v.dom)],
    ['JS heap at rest, after GC (whole page)', mib(f.heap.ours), mib(f.heap.peer), ratio(f.heap.ours, f.heap.peer), '', ''],
    ['CSV export as the user runs it (dialog, 9 columns and the address, formulas neutralised; AG Grid column: bare Papa.unparse of the same cells)', ms(f.csv.ours), ms(f.csv.papa),
      ratio(f.csv.ours, f.csv.papa), `<= ${targets.csvRatio}x`, met(v.csv)],
    ['CSV export against Papa.unparse with escapeFormulae', ms(f.csv.ours), ms(f.csv.papaEscape), ratio(f.csv.ours, f.csv.papaEscape), '', ''],
  ];
}

function startupTable(rounds: readonly Round[]): { header: string[]; rows: string[][]; right: boolean[] } {
  const o = (pick: (s: OursStartup) => number | null) => ms(p50(rounds.map((r) => pick(r.ours.startup) ?? Number.NaN)));
  const p = (pick: (s: PeerStartup) => number) => ms(p50(rounds.map((r) => pick(r.peer.startup))));
  return {
    header: ['milestone', 'ours (from the reload\'s navigation start)', 'AG Grid (from createGrid)'],
    right: [false, true, true],
    rows: [
      ['bench script running (HTML, bundle fetched, parsed, run)', o((s) => s.scriptStart), ''],
      ['store ready (getMe over HTTP, IndexedDB opened) / createGrid returned', o((s) => s.storeReady), p((s) => s.createGridReturned)],
      ['first paint of anything (first-contentful-paint)', o((s) => s.firstContentfulPaint), ''],
      ['first rows in the DOM', o((s) => s.firstRowsInDom), p((s) => s.firstRowsInDom)],
      ['**first rows painted**', o((s) => s.firstRowsPainted), p((s) => s.firstRowsPainted)],
      ['overview asked for its first screenful from the kept first screen (firstRelations)', o((s) => s.previewStart), ''],
      ['that read answered', o((s) => s.previewEnd), ''],
      ['overview\'s first query of the full index started', o((s) => s.firstQueryStart), ''],
      ['index ready (every relation\'s row read, index built, first query answered)', o((s) => s.indexReady), ''],
      ['full list painted (all matches scrollable)', o((s) => s.fullListPainted), ''],
      ['rows fetched into memory before timing (not counted)', '', p((s) => s.preloadMs)],
    ],
  };
}

function partsTable(rounds: readonly Round[]): { header: string[]; rows: string[][]; right: boolean[] } {
  const m = (pick: (p: OursStartupParts) => number) => ms(p50(rounds.map((r) => pick(r.ours.parts))));
  return {
    header: ['step of the warm start, redone alone', 'median'],
    right: [false, true],
    rows: [
      [`readIndexedRelations: the rows of every one of ${count(rounds[0]?.ours.parts.relations ?? Number.NaN)} cached relations`, m((p) => p.getAll)],
      ['new RelationIndex(rows): filter columns, id map', m((p) => p.buildIndex)],
      ['first query on it (the kept name order checked, or a sort by name; then a scan)', m((p) => p.firstQuery)],
      ['a later query (order cached)', m((p) => p.secondQuery)],
      ['firstRelations(40) from the kept first screen (the preview)', m((p) => p.firstRelations40)],
      ['the same, started together with a read of every relation (as on a warm start)', m((p) => p.firstRelations40DuringGetAll)],
      ['readFirstScreen(cache, 100): the kept first screen and the log since', m((p) => p.sortNameGetAll100)],
    ],
  };
}

function byInput(steps: readonly { input: string }[][]): string[] {
  const seen: string[] = [];
  for (const step of steps.flat()) if (!seen.includes(step.input)) seen.push(step.input);
  return seen;
}

function searchTable(rounds: readonly Round[]): { header: string[]; rows: string[][]; right: boolean[] } {
  const inputs = byInput(rounds.map((r) => r.ours.typed));
  const of = <T extends { input: string }>(steps: (r: Round) => T[], input: string) => rounds.flatMap((r) => steps(r).filter((s) => s.input === input));
  return {
    header: ['typed', 'matches ours', 'matches AG Grid', 'store query alone', 'ours to DOM', 'ours to paint', 'AG Grid to DOM', 'AG Grid to paint'],
    right: [false, true, true, true, true, true, true, true],
    rows: inputs.map((input) => {
      const o = of((r) => r.ours.typed, input);
      const p = of((r) => r.peer.typed, input);
      const q = of((r) => r.ours.queries, input);
      return [
        `\`${input}\``, count(o[0]?.total ?? Number.NaN), count(p[0]?.total ?? Number.NaN), ms(p50(q.map((s) => s.ms))),
        ms(p50(o.map((s) => s.committed))), ms(p50(o.map((s) => s.painted))), ms(p50(p.map((s) => s.committed))), ms(p50(p.map((s) => s.painted))),
      ];
    }),
  };
}

function labelTable(rounds: readonly Round[], labels: ReportInput['labels']): { header: string[]; rows: string[][]; right: boolean[] } {
  const of = <T extends { input: string }>(steps: (r: Round) => T[], input: string) => rounds.flatMap((r) => steps(r).filter((s) => s.input === input));
  return {
    header: ['label', 'matches ours', 'matches AG Grid', 'store query alone', 'ours to DOM', 'ours to paint', 'AG Grid to DOM', 'AG Grid to paint'],
    right: [false, true, true, true, true, true, true, true],
    rows: labels.map(({ name }) => {
      const o = of((r) => r.ours.labels, name);
      const p = of((r) => r.peer.labels, name);
      const q = of((r) => r.ours.labelQueries, name);
      return [
        name, count(o[0]?.total ?? Number.NaN), count(p[0]?.total ?? Number.NaN), ms(p50(q.map((s) => s.ms))),
        ms(p50(o.map((s) => s.committed))), ms(p50(o.map((s) => s.painted))), ms(p50(p.map((s) => s.committed))), ms(p50(p.map((s) => s.painted))),
      ];
    }),
  };
}

/** Our update split: before the query, the query, after it until the DOM, the DOM until painted. */
function splitLine(steps: readonly FilterStep[]): string {
  const part = (values: number[]) => `${ms(p50(values))} (p95 ${ms(p95(values))})`;
  return [
    `before the store's query ${part(steps.map((s) => s.beforeQuery))}`,
    `the query ${part(steps.map((s) => s.query))}`,
    `after it until the DOM shows the answer ${part(steps.map((s) => s.committed - s.beforeQuery - s.query))}`,
    `until that frame is painted ${part(steps.map((s) => s.painted - s.committed))}`,
  ].join('; ');
}

function scrollTable(rounds: readonly Round[]): { header: string[]; rows: string[][]; right: boolean[] } {
  const line = (name: string, pick: (r: Round) => FrameStats, idle: (r: Round) => FrameStats) => {
    const stats = rounds.map(pick);
    const deltas = stats.flatMap((s) => s.deltas);
    return [
      name,
      percent(p50(stats.map(smooth))),
      `${percent(Math.min(...stats.map(smooth)))} to ${percent(Math.max(...stats.map(smooth)))}`,
      `${ms(p50(deltas))} / ${ms(p95(deltas))} / ${ms(Math.max(...deltas))}`,
      percent(sum(stats.map((s) => s.rowsShown)) / sum(stats.map((s) => s.checked))),
      `${count(p50(stats.map((s) => s.stepPx)))} px`,
      ms(p50(stats.map((s) => s.ms))),
      stats.every((s) => s.reachedEnd) ? 'yes' : 'no',
      percent(p50(rounds.map(idle).map(smooth))),
      stats.some((s) => s.updates) ? `${ms(p50(stats.flatMap((s) => s.updates ?? [])))} / ${ms(p95(stats.flatMap((s) => s.updates ?? [])))}` : '',
    ];
  };
  return {
    header: ['list', 'frames < 25 ms (median)', 'range over rounds', 'frame p50 / p95 / max', 'rows at the scroll position in the DOM', 'step per frame', 'took', 'last row reached', 'idle page, frames < 25 ms', 'Lit update p50 / p95'],
    right: [false, true, true, true, true, true, true, false, true, true],
    rows: [line('ours', (r) => r.ours.scroll, (r) => r.ours.idle), line('AG Grid', (r) => r.peer.scroll, (r) => r.peer.idle)],
  };
}

function restTable(rounds: readonly Round[]): { header: string[]; rows: string[][]; right: boolean[] } {
  const line = (name: string, pick: (r: Round) => AtRest) => {
    const rest = rounds.map(pick);
    return [
      name, count(p50(rest.map((r) => r.listElements))), count(p50(rest.map((r) => r.rowsInDom))), count(p50(rest.map((r) => r.rowElements))),
      count(p50(rest.map((r) => r.listElements - r.rowElements))), count(p50(rest.map((r) => r.pageElements))), mib(p50(rest.map(heapOrNaN))),
    ];
  };
  return {
    header: ['list', 'elements (list component)', 'rows in the DOM', 'elements in rows', 'elements outside rows', 'elements (whole page)', 'JS heap after GC'],
    right: [false, true, true, true, true, true, true],
    rows: [line('ours', (r) => r.ours.rest), line('AG Grid', (r) => r.peer.rest)],
  };
}

function restParts(rounds: readonly Round[]): string {
  const names = Object.keys(rounds[0]?.ours.rest.parts ?? {});
  return names.map((name) => `${name} ${count(p50(rounds.map((r) => r.ours.rest.parts[name] ?? Number.NaN)))}`).join(', ');
}

function csvTable(rounds: readonly Round[]): { header: string[]; rows: string[][]; right: boolean[] } {
  const m = (pick: (c: CsvResult) => number) => ms(p50(rounds.map((r) => pick(r.ours.csv))));
  return {
    header: ['CSV step', 'median'],
    right: [false, true],
    rows: [
      ['ours: the dialog, from "Export" to the file', m((c) => c.ours)],
      ['bare Papa.unparse of the same cells as strings', m((c) => c.papa)],
      ['Papa.unparse with escapeFormulae', m((c) => c.papaEscape)],
      ['ours alone: relationsToCsv on addresses already read', m((c) => c.parts.direct)],
      ['making the cells alone (cellText and addressFields)', m((c) => c.parts.cells)],
      ['reading the addresses (the dialog does it while the user reads it)', m((c) => c.parts.addressRead)],
      ['how long the bench\'s user reads the dialog before "Export"', m((c) => c.parts.readingMs)],
    ],
  };
}

function whereTimeGoes(input: ReportInput, f: Figures, v: Verdicts): string[] {
  const { rounds } = input;
  const notes: string[] = [];
  const o = (pick: (s: OursStartup) => number | null) => p50(rounds.map((r) => pick(r.ours.startup) ?? Number.NaN));
  const parts = (pick: (p: OursStartupParts) => number) => p50(rounds.map((r) => pick(r.ours.parts)));
  if (!v.first) {
    const from = rounds.map((r) => r.ours.startup.firstRowsFrom);
    const previewed = rounds.filter((r) => r.ours.startup.previewStart !== null && r.ours.startup.previewEnd !== null);
    const preview = (pick: (s: OursStartup) => number | null) => p50(previewed.map((r) => pick(r.ours.startup) ?? Number.NaN));
    notes.push(
      `**First rows** (${ms(f.first.ours)}, target ${ms(f.first.peer * targets.firstRowsRatio)}): the bench script runs at ${ms(o((s) => s.scriptStart))} ` +
        `(navigation, HTML, bundle); the store is ready at ${ms(o((s) => s.storeReady))} (getMe over HTTP, IndexedDB opened, counts read: ` +
        `${ms(o((s) => s.storeReady) - o((s) => s.scriptStart))}). ` +
        (previewed.length
          ? `The overview asks for its first screenful from the kept first screen at ${ms(preview((s) => s.previewStart))} ` +
            `(${ms(preview((s) => s.previewStart) - preview((s) => s.storeReady))} after the store is ready) and gets it at ${ms(preview((s) => s.previewEnd))} ` +
            `(${ms(preview((s) => s.previewEnd) - preview((s) => s.previewStart))}; firstRelations(40) alone on a quiet page: ${ms(parts((p) => p.firstRelations40))}); `
          : `The overview read no first screenful before the full index; `) +
        `rows reach the DOM at ${ms(o((s) => s.firstRowsInDom))} and are painted at ${ms(o((s) => s.firstRowsPainted))}. The first rows came from the kept first ` +
        `screen in ${from.filter((x) => x === 'preview').length} of ${from.length} rounds, otherwise from the full index (the first screen read ` +
        `together with a read of every relation's row answers only after ${ms(parts((p) => p.firstRelations40DuringGetAll))}). The full index is ready at ` +
        `${ms(o((s) => s.indexReady))}: every relation's row read ${ms(parts((p) => p.getAll))}, building it ${ms(parts((p) => p.buildIndex))}, the first query (the kept name order, or a sort) ` +
        `${ms(parts((p) => p.firstQuery))} (each alone).`,
    );
  }
  if (!v.keystroke) {
    const steps = rounds.flatMap((r) => r.ours.typed);
    const worst = [...steps].sort((a, b) => b.committed - a.committed)[0];
    notes.push(
      `**Search per keystroke** (p95 ${ms(p95(f.typedDom.ours))} to the DOM, target ${ms(targets.keystrokeMs)}): ${splitLine(steps)}. ` +
        `The store's query alone takes ${ms(p50(f.queriesAlone))} (p95 ${ms(p95(f.queriesAlone))}). Slowest keystroke: \`${worst?.input ?? ''}\` ` +
        `${ms(worst?.committed ?? Number.NaN)} (query ${ms(worst?.query ?? Number.NaN)}, ${count(worst?.total ?? Number.NaN)} matches).`,
    );
  }
  if (!v.label) {
    const steps = rounds.flatMap((r) => r.ours.labels);
    notes.push(
      `**Label filter** (${ms(p50(f.labelDom.ours))} to the DOM, target ${ms(p50(f.labelDom.peer) * targets.labelRatio)}): ${splitLine(steps)}. ` +
        `The store's query alone takes ${ms(p50(f.labelAlone))} (p95 ${ms(p95(f.labelAlone))}).`,
    );
  }
  if (!v.scroll) {
    const stats = rounds.map((r) => r.ours.scroll);
    const deltas = stats.flatMap((s) => s.deltas);
    const long = deltas.filter((d) => d >= targets.frameMs);
    const updates = stats.flatMap((s) => s.updates ?? []);
    notes.push(
      `**Scroll** (${percent(f.scroll.ours)} of frames < ${targets.frameMs} ms, target ${percent(targets.scrollShare)}; the idle page gets ` +
        `${percent(p50(rounds.map((r) => smooth(r.ours.idle))))} on this machine): ${count(long.length)} of ${count(deltas.length)} frames missed a vsync, ` +
        `median of those ${ms(p50(long))}, longest ${ms(Math.max(...deltas))}. The overview's Lit update (rows rendered for the new offset) took ` +
        `${ms(p50(updates))} (p95 ${ms(p95(updates))}, ${count(updates.length / stats.length)} updates a scroll). The rows at the scroll position were in the ` +
        `DOM in ${percent(sum(stats.map((s) => s.rowsShown)) / sum(stats.map((s) => s.checked)))} of frames, at ${count(p50(stats.map((s) => s.stepPx)))} px a ` +
        `step while the overview keeps ${count(p50(rounds.map((r) => r.ours.rest.rowsInDom)))} rows in the DOM.`,
    );
  }
  if (!v.dom) {
    const rest = rounds.map((r) => r.ours.rest);
    notes.push(
      `**DOM** (${count(f.dom.ours)} elements, AG Grid ${count(f.dom.peer)}): ${count(p50(rest.map((r) => r.rowsInDom)))} rows with ` +
        `${count(p50(rest.map((r) => r.rowElements)))} elements (${(p50(rest.map((r) => r.rowElements)) / p50(rest.map((r) => r.rowsInDom))).toFixed(1)} a row), ` +
        `${count(p50(rest.map((r) => r.listElements - r.rowElements)))} outside the rows, of which ` +
        `${Object.keys(rest[0]?.parts ?? {}).map((name) => `${name} ${count(p50(rest.map((r) => r.parts[name] ?? Number.NaN)))}`).join(', ')}.`,
    );
  }
  if (!v.csv) {
    const part = (pick: (c: CsvResult) => number) => ms(p50(rounds.map((r) => pick(r.ours.csv))));
    notes.push(
      `**CSV** (${ms(f.csv.ours)}, target ${ms(f.csv.papa * targets.csvRatio)}): relationsToCsv alone ${part((c) => c.parts.direct)}, ` +
        `making the cells alone ${part((c) => c.parts.cells)} (${count(p50(rounds.map((r) => r.ours.csv.neutralizedCells)))} of ` +
        `${count(p50(rounds.map((r) => r.ours.csv.cells)))} cells neutralised), reading the addresses ${part((c) => c.parts.addressRead)}.`,
    );
  }
  return notes;
}

export function render(input: ReportInput): { terminal: string; markdown: string } {
  const { machine, rounds } = input;
  const f = figures(rounds);
  const v = verdicts(f);
  const main = mainRows(f, v);
  const tables = [startupTable(rounds), partsTable(rounds), searchTable(rounds), labelTable(rounds, input.labels), scrollTable(rounds), restTable(rounds), csvTable(rounds)];
  const plain = (cells: string[]) => cells.map((cell) => cell.replaceAll('**', '').replaceAll('`', ''));
  const terminal = [
    textTable(mainHeader, main.map(plain), mainRight),
    ...tables.map((t) => textTable(t.header, t.rows.map(plain), t.right)),
    ...whereTimeGoes(input, f, v).map((note) => note.replaceAll('**', '').replaceAll('`', '')),
  ].join('\n\n');

  const load = (values: number[]) => values.map((x) => x.toFixed(1)).join(' / ');
  const when = `${machine.date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const same = input.sameFirstIds.every(Boolean);
  const notes = whereTimeGoes(input, f, v);
  const md = (t: { header: string[]; rows: string[][]; right: boolean[] }) => markdownTable(t.header, t.rows, t.right);
  const markdown = `
Run of ${when} on ${input.source}: ${count(input.relations)} demo relations from the reference backend's seed, of which ${count(input.listed)} active (what the overview lists by default and what AG Grid gets), ${input.runs} interleaved rounds. Machine: ${machine.cpus}, ${machine.memory}, Node ${machine.node}, headless Chromium ${machine.chromium} (${machine.viewport.width} x ${machine.viewport.height}, \`--disable-gpu\`, \`--expose-gc\`); load average ${load(machine.loadBefore)} before and ${load(machine.loadAfter)} after (other jobs were running: read the ratios, not the absolute figures). Reproduce with \`npx tsx bench/overview/run.ts\` (${'`'}--relations N${'`'}, ${'`'}--runs N${'`'}).

Bench bundles (minified, esbuild): ours ${kib(input.bundles.ours.raw)} (${kib(input.bundles.ours.gzip)} gzip), AG Grid page ${kib(input.bundles.peer.raw)} (${kib(input.bundles.peer.gzip)} gzip).

**Method.** One headless Chromium, one tab, rounds alternating which side goes first. *Ours*: \`<relation-provider base-url>\` with a token source around \`<relation-overview>\` showing the same nine columns (number, name, kind, debtor no., creditor no., city, e-mail, phone, labels), bundled from \`src/index.ts\` with esbuild; a first sync fills IndexedDB on disk once, then each round loads the page and RELOADS it, timing from the reload's navigation start. *AG Grid Community* ${'`'}36${'`'}: \`createGrid\` with the client-side row model and only \`ClientSideRowModelModule\`, \`QuickFilterModule\`, \`ExternalFilterModule\`, default theme, \`getRowId\`; its rows (the same relations as the same nine texts our cells show, in our order) are fetched and parsed before timing starts, timed from \`createGrid\`. "Painted" is a task queued from the \`requestAnimationFrame\` after the DOM change (it runs once that frame is painted); "to DOM" is when the DOM shows the answer (MutationObserver for AG Grid, the end of the Lit update that first read the new answer for ours). Search: each term (the most common city and surname among the listed relations) typed one character at a time, ${input.gapMs} ms apart, from an empty search: ours sets \`overview.q\` as its search field does, AG Grid \`setGridOption('quickFilterText')\`; "store query alone" is \`store.selectRelations\` with the same queries in the same order. Label filter: each label in use, ${input.gapMs} ms after clearing: ours \`overview.labelIds = [id]\`, AG Grid an external filter and \`onFilterChanged()\`. Scroll: the list's scrolling element moved from top to bottom in equal steps, one per animation frame, sized for ${input.scrollSeconds} s at 60 frames a second; a frame counts as smooth when the next \`requestAnimationFrame\` timestamp is less than ${targets.frameMs} ms later; the idle page is the same count with nothing moving, ${input.idleSeconds} s. DOM: every element of the list component, inside shadow roots too. Heap: \`performance.memory.usedJSHeapSize\` after \`gc()\`. CSV: the export the user runs, in English: the overview's export button, 2 s of reading the dialog (which reads the addresses meanwhile), then \"Export\" with its defaults (the listed relations, nine columns, the mailing address as four fields, separator \`;\`, BOM, formulas neutralised), timed from that click until the dialog hands the file's Blob to its download link; against \`Papa.unparse\` of the same 13 cells per relation already as strings, same separator (GOALS' peer), and with \`escapeFormulae\`; after an untimed warm-up of each, each runs three times a round after \`gc()\`, in rotating order (median of the three, then over rounds). Figures are medians over rounds; per-keystroke and per-label figures pool every step of every round (p50 / p95). ${same ? 'Both lists showed the same first 50 relations in the same order in every round.' : '**The two lists did not show the same first 50 relations in every round.**'}${input.pageErrors.length ? ` Page errors: ${[...new Set(input.pageErrors)].join('; ')}.` : ''}

${markdownTable(mainHeader, main, mainRight)}

${notes.length ? `### Where the time goes (targets missed)\n\n${notes.map((note) => `- ${note}`).join('\n')}\n` : ''}
### Warm start and createGrid

${md(tables[0]!)}

${md(tables[1]!)}

### Search per keystroke

Ours, split: ${splitLine(rounds.flatMap((r) => r.ours.typed))}. AG Grid: the \`setGridOption\` call itself ${ms(p50(rounds.flatMap((r) => r.peer.typed.map((s) => s.query))))} (p95 ${ms(p95(rounds.flatMap((r) => r.peer.typed.map((s) => s.query))))}). Matches differ a little because the quick filter looks at every column's text while our search covers name, numbers, e-mail, phone, city, KvK, VAT and IBAN.

${md(tables[2]!)}

### Label filter

Ours, split: ${splitLine(rounds.flatMap((r) => r.ours.labels))}. AG Grid: \`onFilterChanged()\` itself ${ms(p50(rounds.flatMap((r) => r.peer.labels.map((s) => s.query))))}.

${md(tables[3]!)}

### Scroll

${md(tables[4]!)}

### DOM and heap at rest

${md(tables[5]!)}

Ours outside the rows, by part: ${restParts(rounds)}.

### CSV export

${md(tables[6]!)}
`;
  return { terminal, markdown };
}
