import type { Result } from 'autocannon';
import { markdownTable, ms, percentile, textTable } from '../stats.js';
import { kinds, mix, type Kind, type KindFigures } from './traffic.js';
import type { Verification } from './verify.js';

/** One storage's run: what autocannon saw, per kind, and the check of the data afterwards. */
export interface StorageRun {
  name: string;
  instances: number;
  relations: number;
  /** Until every instance listened (first start: migrations and seed). */
  startMs: number;
  result: Result;
  figures: Map<Kind, KindFigures>;
  verification: Verification;
}

const header = ['kind', 'share', 'answers', 'per second', 'p50 ms', 'p99 ms', 'not 2xx'];
const rightAligned = [false, true, true, true, true, true, false];

const statusText = (statuses: Map<number, number>) =>
  [...statuses].filter(([status]) => status < 200 || status >= 300).sort(([a], [b]) => a - b).map(([status, count]) => `${count.toLocaleString('en-US')} × ${status}`).join(', ') || 'none';

function rows(run: StorageRun): string[][] {
  const line = (name: string, share: string, figures: KindFigures) => {
    const answers = [...figures.statuses.values()].reduce((sum, count) => sum + count, 0);
    return [name, share, answers.toLocaleString('en-US'), (answers / run.result.duration).toFixed(1), ms(percentile(figures.latencies, 50)), ms(percentile(figures.latencies, 99)), statusText(figures.statuses)];
  };
  const all: KindFigures = { latencies: [], statuses: new Map() };
  for (const figures of run.figures.values()) {
    all.latencies.push(...figures.latencies);
    for (const [status, count] of figures.statuses) all.statuses.set(status, (all.statuses.get(status) ?? 0) + count);
  }
  return [...kinds.map((kind) => line(kind, `${mix[kind]} %`, run.figures.get(kind)!)), line('all', '100 %', all)];
}

/** Answers other than the expected 412s (an update that lost a race), plus connection errors and timeouts. */
export function unexpected(run: StorageRun): string[] {
  const found: string[] = [];
  for (const [kind, figures] of run.figures) {
    for (const [status, count] of figures.statuses) {
      if ((status < 200 || status >= 300) && !(kind === 'update' && status === 412)) found.push(`${count} × ${status} on ${kind}`);
    }
  }
  if (run.result.errors) found.push(`${run.result.errors} connection errors or timeouts (of which ${run.result.timeouts} timeouts)`);
  return found;
}

function checks(run: StorageRun): string {
  const v = run.verification;
  const errors = unexpected(run);
  const data = v.problems.length
    ? `**the data does not match** (${v.problems.length} problems; first: ${v.problems.slice(0, 3).join('; ')})`
    : '**the data matches**';
  return `Errors other than the expected 412s: ${errors.length ? `**${errors.join(', ')}**` : '**none**'}. Afterwards ${data}: ${v.creates.toLocaleString('en-US')} acknowledged creates each stored once as answered, ${v.updates.toLocaleString('en-US')} acknowledged updates and the acknowledged bulk labels (which changed ${v.bulkChanged.toLocaleString('en-US')} of the ${v.bulkNamed.toLocaleString('en-US')} relations they named) counted in the versions, e-mails and labels of ${v.relationsChecked.toLocaleString('en-US')} seeded relations; ${v.unanswered} writes were still unanswered when the run ended (either outcome allowed, never twice).`;
}

const title = (run: StorageRun) => `${run.name}, ${run.instances === 1 ? 'one instance' : `${run.instances} instances on one database`}`;

export function printRun(run: StorageRun): void {
  console.log(`\n${title(run)}: ${run.relations.toLocaleString('en-US')} relations, ${run.result.duration} s, ${run.result.requests.total.toLocaleString('en-US')} requests`);
  console.log(textTable(header, rows(run), rightAligned));
  console.log(checks(run).replaceAll('**', ''));
  for (const problem of run.verification.problems.slice(0, 20)) console.log(`  - ${problem}`);
}

export function markdownRun(run: StorageRun): string {
  return `### ${title(run)}

${markdownTable(header, rows(run), rightAligned)}

${run.result.requests.total.toLocaleString('en-US')} requests in ${run.result.duration} s on ${run.relations.toLocaleString('en-US')} seeded relations; first start of the instance${run.instances > 1 ? 's' : ''} (migrations and seed) ${(run.startMs / 1000).toFixed(1)} s. ${checks(run)}`;
}
