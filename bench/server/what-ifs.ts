/**
 * What-ifs of the server benchmark, bare SQL on the same inputs as the measured shapes: queries the server
 * could run instead, timed on every try like the shapes themselves.
 */
import type { Queryable } from '../../server/db/database.js';
import { ms, summarize, type Summary } from '../stats.js';
import { escapeLike, pageSize, tenant, type Case, type Shape } from './data.js';
import { emptyTries, idsOf, type MeasureOptions, type Measured } from './measure.js';

async function timeTries(work: () => Promise<unknown>, tries: number): Promise<number[]> {
  const times: number[] = [];
  for (let r = 0; r < tries; r++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times;
}

/**
 * 1-2 character terms matched at the start of a word, `search like '% ab%' or search like 'ab%'`. pg_trgm
 * pads a word start with blanks, so both patterns have trigrams ('  a', ' ab') that relations_search
 * indexes. A different (narrower) result than `%ab%`, so no ratio.
 */
export async function measureProposals(db: Queryable, shapes: readonly Shape[], options: MeasureOptions): Promise<(Summary & { name: string })[]> {
  const shape = shapes.find((s) => s.name.startsWith('q, 2 characters'));
  if (!shape) return [];
  const sql = `select data from relations where tenant_id = $1 and status <> 'archived' and (search like $2 or search like $3)
     order by name_key, id limit ${pageSize}`;
  const proposed: number[] = [];
  const current: number[] = [];
  for (let i = 0; i < options.warmup + options.runs; i++) {
    const input = shape.make(i);
    const term = escapeLike(input.q ?? '');
    const measuring = i >= options.warmup;
    const tries = measuring ? options.repeat : 1;
    const atWordStart = await timeTries(() => db.query(sql, [tenant, `% ${term}%`, `${term}%`]), tries);
    const anywhere = await timeTries(() => input.raw(db), tries);
    if (measuring) {
      proposed.push(...atWordStart);
      current.push(...anywhere);
    }
  }
  const results = [
    { name: "q, 2 characters at a word start (`search like '% ab%' or search like 'ab%'`)", ...summarize(proposed) },
    { name: 'the same inputs anywhere in a word (`%ab%`, as now)', ...summarize(current) },
  ];
  for (const result of results) console.log(`proposal: ${result.name}: p50 ${ms(result.p50)} p95 ${ms(result.p95)} max ${ms(result.max)} ms`);
  return results;
}

/** Rows the first phase walks in name order before it gives up on filling the page that way. */
export const windowRows = 2000;

/**
 * Same page as ours: the page among the first `windowRows` rows in name order (a range of relations_name, so
 * at most that many rows are tested); only when that does not fill the page (the filter matches under 2.5%
 * there) the matches beyond, through the filter's own GIN index in a materialized CTE (cost follows the
 * number of matches), sorted. The planner now gambles between these two plans and loses on clustered or rare
 * matches.
 */
async function twoPhase(db: Queryable, filter: NonNullable<Case['filter']>): Promise<unknown[]> {
  const values = [tenant, ...filter.values];
  const [edge] = await db.query<{ name_key: string; id: string }>(
    `select name_key, id from relations where tenant_id = $1 order by name_key, id offset ${windowRows - 1} limit 1`,
    [tenant],
  );
  const window = edge ? ` and (name_key, id) <= ($${values.length + 1}, $${values.length + 2})` : '';
  const first = await db.query<{ data: unknown; name_key: string; id: string }>(
    `select data, name_key, id from relations where tenant_id = $1 and ${filter.where}${window} order by name_key, id limit ${pageSize}`,
    edge ? [...values, edge.name_key, edge.id] : values,
  );
  if (first.length === pageSize || !edge) return first;
  const rest = await db.query(
    `with m as materialized (select data, name_key, id from relations where tenant_id = $1 and ${filter.where})
     select data, name_key, id from m where (name_key, id) > ($${values.length + 1}, $${values.length + 2})
     order by name_key, id limit ${pageSize - first.length}`,
    [...values, edge.name_key, edge.id],
  );
  return [...first, ...rest];
}

/** Times the two-phase query on the shape's inputs into `measured.twoPhase`, checking its pages against the bare SQL's. */
export async function measureTwoPhase(db: Queryable, measured: Measured, options: MeasureOptions): Promise<void> {
  const { shape } = measured;
  if (!shape.make(0).filter) return;
  const times = emptyTries(options.repeat);
  for (let i = 0; i < options.warmup + options.runs; i++) {
    const input = shape.make(i);
    const measuring = i >= options.warmup;
    let rows: unknown[] = [];
    for (let r = 0; r < (measuring ? options.repeat : 1); r++) {
      const start = performance.now();
      rows = await twoPhase(db, input.filter!);
      if (measuring) times[r]!.push(performance.now() - start);
    }
    if (measuring && i < options.warmup + 20) {
      const bare = await input.raw(db);
      if (idsOf(rows).join() !== idsOf(bare).join()) measured.mismatches.push(`two-phase ${input.label}`);
    }
  }
  measured.twoPhase = times;
}
