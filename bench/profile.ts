/**
 * Reading CPU profiles taken over CDP: which functions a page spent its time in, and, for each long task of a
 * trace, what ran in it. Functions of a minified bundle are named by its source map (original file and line).
 */
import { readFileSync } from 'node:fs';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';

export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

export interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  startTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/**
 * A task of the renderer's main thread from a trace (`RunTask`), in the trace's microseconds, with the time
 * of the trace events within it by name (layout, style, parsing, garbage collection: what a CPU profile
 * calls "(program)").
 */
export interface TraceTask {
  ts: number;
  dur: number;
  events: Map<string, number>;
}

/** Trace events (complete ones, `ph: 'X'`) of the main thread's tasks over `overMs`, each with its events. */
export function longTasks(events: readonly { name: string; ph: string; ts: number; dur?: number; pid?: number; tid: number }[], overMs = 50): TraceTask[] {
  const isTask = (name: string) => name === 'RunTask' || name === 'ThreadControllerImpl::RunTask';
  const complete = events.filter((event) => event.ph === 'X' && event.dur !== undefined);
  const tasks = complete.filter((event) => isTask(event.name) && event.dur! > overMs * 1000);
  return tasks.map((task) => {
    const within = new Map<string, number>();
    for (const event of complete) {
      if (event.tid !== task.tid || isTask(event.name) || event.ts < task.ts || event.ts + event.dur! > task.ts + task.dur!) continue;
      within.set(event.name, (within.get(event.name) ?? 0) + event.dur! / 1000);
    }
    return { ts: task.ts, dur: task.dur!, events: within };
  });
}

/** Names call frames "function file:line", through the source maps given by bundle URL suffix. */
export function frameNamer(sourceMaps: Record<string, string> = {}): (frame: CallFrame) => string {
  const maps = Object.entries(sourceMaps).map(([suffix, file]) => [suffix, new TraceMap(readFileSync(file, 'utf8'))] as const);
  return (frame) => {
    const map = maps.find(([suffix]) => frame.url.endsWith(suffix))?.[1];
    if (map) {
      const at = originalPositionFor(map, { line: frame.lineNumber + 1, column: frame.columnNumber });
      if (at.source) return `${at.name ?? (frame.functionName || '(anonymous)')} ${at.source.split('/').slice(-2).join('/')}:${at.line}`;
    }
    return `${frame.functionName || '(anonymous)'} ${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}`;
  };
}

/** The functions with the most time of their own (idle left out), by name and place. */
export function profileSummary(profile: CpuProfile, name = frameNamer(), top = 30): string {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  const deltas = profile.timeDeltas ?? [];
  let busy = 0;
  (profile.samples ?? []).forEach((id, i) => {
    const frame = byNode.get(id)!.callFrame;
    if (frame.functionName === '(idle)') return;
    const ms = (deltas[i + 1] ?? 0) / 1000;
    busy += ms;
    const where = name(frame);
    self.set(where, (self.get(where) ?? 0) + ms);
  });
  return [`busy ${busy.toFixed(0)} ms`, ...ranked(self, top).map(([where, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${where}`)].join('\n');
}

/**
 * For each task, what its samples ran: the functions with the most time of their own, and of `ours` (a test
 * on the name) the ones with the most time including what they called. The profile and the trace must come
 * from the same page and clock (CDP's Profiler and Tracing do).
 */
export function taskReport(profile: CpuProfile, tasks: readonly TraceTask[], name: (frame: CallFrame) => string, ours: (name: string) => boolean): string[] {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const stamps: number[] = [];
  let ts = profile.startTime;
  for (const delta of profile.timeDeltas ?? []) stamps.push((ts += delta));
  const samples = profile.samples ?? [];
  return [...tasks].sort((a, b) => a.ts - b.ts).map((task) => {
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    samples.forEach((id, i) => {
      const at = stamps[i]!;
      if (at < task.ts || at > task.ts + task.dur) return;
      const ms = ((stamps[i + 1] ?? at) - at) / 1000;
      const own = name(byNode.get(id)!.callFrame);
      self.set(own, (self.get(own) ?? 0) + ms);
      const seen = new Set<string>();
      for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
        const where = name(byNode.get(node)!.callFrame);
        if (seen.has(where) || !ours(where)) continue;
        seen.add(where);
        inclusive.set(where, (inclusive.get(where) ?? 0) + ms);
      }
    });
    const list = (times: Map<string, number>, n: number) => ranked(times, n).map(([where, ms]) => `${where} ${ms.toFixed(0)}`).join('; ');
    return [
      `${(task.dur / 1000).toFixed(0).padStart(5)} ms at ${((task.ts - profile.startTime) / 1000).toFixed(0).padStart(6)} ms | own time: ${list(self, 4)}`,
      `      ours, with callees: ${list(inclusive, 5) || '-'}`,
      // Nested events overlap (a layout inside a lifecycle update): each is its own total.
      `      trace events: ${list(task.events, 6) || '-'}`,
    ].join('\n');
  });
}

function ranked(times: Map<string, number>, top: number): [string, number][] {
  return [...times].sort((a, b) => b[1] - a[1]).slice(0, top);
}
