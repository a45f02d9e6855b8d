/**
 * The inputs of the server benchmark, drawn (seeded) from the demo data: per query shape, the API path and
 * the bare SQL a minimal PGlite backend would run for the same page.
 */
import type { Queryable } from '../../server/db/database.js';
import { encodeCursor } from '../../server/resources/shared.js';
import { seededRandom } from '../stats.js';

export const tenant = 'demo';
export const token = 'demo-anna';
export const pageSize = 50;

interface Row {
  id: string;
  number: number;
  kind: string;
  status: string;
  name_key: string;
  city_key: string;
  search: string;
  email: string | null;
}

interface Label {
  id: string;
  name: string;
  count: number;
}

/** One request: the API path and the bare SQL for the same page. */
export interface Case {
  /** What was asked, for the report (e.g. `q=jansen`). */
  label: string;
  /** The search text, on shapes that search. */
  q?: string;
  path: string;
  raw: (db: Queryable) => Promise<unknown[]>;
  /** The conditions beyond the tenant (parameters from $2), on shapes sorted by name without a cursor. */
  filter?: { where: string; values: unknown[] };
}

export interface Shape {
  name: string;
  /** The bare SQL, as shown in the report. */
  sql: string;
  make: (i: number) => Case;
}

/** The server's LIKE escaping, so both sides match exactly the same rows. */
export const escapeLike = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);
const likeTerm = (term: string) => `%${escapeLike(term)}%`;
const termsOf = (q: string) => q.toLowerCase().split(/\s+/).filter(Boolean);

function shapesFor(rows: readonly Row[], labels: readonly Label[], changesHead: number): Shape[] {
  const random = seededRandom(20261101);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const row = () => pick(rows);

  const words = (text: string, min: number) => text.split(/[^a-z]+/).filter((word) => word.length >= min);
  /** `length` letters from inside a word of a random relation's name. */
  const nameFragment = (length: number): string => {
    for (;;) {
      const candidates = words(row().name_key, length);
      if (candidates.length === 0) continue;
      const word = pick(candidates);
      const start = Math.floor(random() * (word.length - length + 1));
      return word.slice(start, start + length);
    }
  };
  const digits = (length: number): string => {
    for (;;) {
      const numbers = row().search.match(/\b\d{5,}\b/g) ?? [];
      if (numbers.length === 0) continue;
      const number = pick(numbers);
      const start = Math.floor(random() * (number.length - length + 1));
      return number.slice(start, start + length);
    }
  };
  const cities = [...new Set(rows.map((r) => r.city_key).filter((city) => city !== '\uffff'))];

  const term2 = () => (random() < 0.75 ? nameFragment(2) : digits(2));
  const term3 = () => {
    const r = random();
    return r < 0.6 ? nameFragment(3) : r < 0.8 ? pick(cities).replace(/[^a-z]/g, '').slice(0, 3) || nameFragment(3) : digits(3);
  };
  /** Whole things people look up: a name, a city, a postcode, a number, an e-mail address, a phone number. */
  const long5Kinds: (() => string | undefined)[] = [
    () => pick(words(row().name_key, 5)),
    () => pick(cities),
    () => row().search.match(/\b\d{4}[a-z]{2}\b/)?.[0],
    () => pick(row().search.match(/\b\d{5}\b/g) ?? []),
    () => row().email ?? undefined,
    () => row().search.match(/\b0\d{9}\b/)?.[0],
  ];
  const term5 = (i: number) => {
    for (let attempt = 0; ; attempt++) {
      const term = long5Kinds[(i + attempt) % long5Kinds.length]!();
      if (term && term.replace(/\s/g, '').length >= 5) return term;
    }
  };
  const term3plus = (i: number) => (random() < 0.5 ? term3() : term5(i));

  const labelPair = () => {
    const a = pick(labels);
    let b = pick(labels);
    while (b.id === a.id) b = pick(labels);
    return [a, b];
  };

  // Each shape draws its inputs once, in order, so HTTP and SQL get the same ones and runs repeat exactly.
  const memo = (make: (i: number) => Case) => {
    const made: Case[] = [];
    return (i: number) => {
      while (made.length <= i) made.push(make(made.length));
      return made[i]!;
    };
  };

  const visible = `status <> 'archived'`;
  const select = `select data from relations where tenant_id = $1`;
  const query = (db: Queryable, sql: string, values: unknown[]) => db.query(sql, [tenant, ...values]);
  const params = (entries: Record<string, string>) => new URLSearchParams({ limit: String(pageSize), ...entries }).toString();
  /** A first page sorted by name: the bare SQL, and its conditions for the two-phase what-if. */
  const byName = (where: string, values: unknown[]) => ({
    filter: { where, values },
    raw: (db: Queryable) => query(db, `${select} and ${where} order by name_key, id limit ${pageSize}`, values),
  });
  /** The search conditions from `q`, numbered from `$first`. */
  const likes = (q: string, first: number) => termsOf(q).map((_, i) => `search like $${first + i}`).join(' and ');

  /** `whatIf`: also time the two-phase query (pointless for 1-2 characters, which no GIN index narrows). */
  const searchShape = (name: string, term: (i: number) => string, whatIf = true): Shape => ({
    name,
    sql: `${select} and ${visible} and search like $2 order by name_key, id limit 50`,
    make: memo((i) => {
      const q = term(i);
      const { filter, raw } = byName(`${visible} and ${likes(q, 2)}`, termsOf(q).map(likeTerm));
      return { label: `q=${q}`, q, path: `/relations?${params({ q, sort: 'name' })}`, raw, ...(whatIf ? { filter } : {}) };
    }),
  });

  return [
    {
      name: 'no filter, sort name (page at a random cursor)',
      sql: `${select} and ${visible} and (name_key, id) > ($2, $3) order by name_key, id limit 50`,
      make: memo(() => {
        const at = row();
        return {
          label: `after ${at.name_key}`,
          path: `/relations?${params({ sort: 'name', cursor: encodeCursor([at.name_key, at.id]) })}`,
          raw: (db) => query(db, `${select} and ${visible} and (name_key, id) > ($2, $3) order by name_key, id limit ${pageSize}`, [at.name_key, at.id]),
        };
      }),
    },
    searchShape('q, 2 characters', () => term2(), false),
    searchShape('q, 3 characters', () => term3()),
    searchShape('q, 5+ characters (name, city, postcode, number, e-mail, phone)', (i) => term5(i)),
    {
      name: 'q (3+) + status=active + role=debtor',
      sql: `${select} and status = any($2) and is_debtor and search like $3 order by name_key, id limit 50`,
      make: memo((i) => {
        const q = term3plus(i);
        return {
          label: `q=${q}`,
          path: `/relations?${params({ q, status: 'active', role: 'debtor' })}`,
          ...byName(`status = any($2::text[]) and is_debtor and ${likes(q, 3)}`, [['active'], ...termsOf(q).map(likeTerm)]),
        };
      }),
    },
    ...(['all', 'any'] as const).map((mode): Shape => ({
      name: `labels, ${mode} of 2`,
      sql: `${select} and ${visible} and label_ids ${mode === 'all' ? '@>' : '&&'} $2 order by name_key, id limit 50`,
      make: memo(() => {
        const pair = labelPair();
        const ids = pair.map((label) => label.id);
        return {
          label: `${mode}: ${pair.map((label) => label.name).join(' + ')}`,
          path: `/relations?${params({ labelIds: ids.join(','), labelMode: mode })}`,
          ...byName(`${visible} and label_ids ${mode === 'all' ? '@>' : '&&'} $2::text[]`, [ids]),
        };
      }),
    })),
    {
      name: 'sort -city, next page (cursor)',
      sql: `${select} and ${visible} and (city_key, id) < ($2, $3) order by city_key desc, id desc limit 50`,
      make: memo(() => {
        const at = row();
        return {
          label: `after ${at.city_key}`,
          path: `/relations?${params({ sort: '-city', cursor: encodeCursor([at.city_key, at.id]) })}`,
          raw: (db) => query(db, `${select} and ${visible} and (city_key, id) < ($2, $3) order by city_key desc, id desc limit ${pageSize}`, [at.city_key, at.id]),
        };
      }),
    },
    {
      name: 'kind=person, sort -number, next page (cursor)',
      sql: `${select} and ${visible} and kind = 'person' and number < $2 order by number desc limit 50`,
      make: memo(() => {
        const at = row();
        return {
          label: `after ${at.number}`,
          path: `/relations?${params({ kind: 'person', sort: '-number', cursor: encodeCursor([at.number, at.id]) })}`,
          raw: (db) => query(db, `${select} and ${visible} and kind = 'person' and number < $2 order by number desc limit ${pageSize}`, [at.number]),
        };
      }),
    },
    {
      name: 'q (3+) + a label',
      sql: `${select} and ${visible} and label_ids @> $2 and search like $3 order by name_key, id limit 50`,
      make: memo((i) => {
        const q = term3plus(i);
        const label = pick(labels);
        return {
          label: `q=${q}, ${label.name}`,
          path: `/relations?${params({ q, labelIds: label.id })}`,
          ...byName(`${visible} and label_ids @> $2::text[] and ${likes(q, 3)}`, [[label.id], ...termsOf(q).map(likeTerm)]),
        };
      }),
    },
    {
      name: 'GET /changes, nothing changed',
      sql: 'select max(seq) from changes where tenant_id = $1; select seq, entity, entity_id, deleted from changes where tenant_id = $1 and seq > $2 order by seq limit 1001',
      make: () => ({
        label: `since=${changesHead}`,
        path: `/changes?since=${changesHead}`,
        raw: async (db) => {
          await db.query('select max(seq) as seq from changes where tenant_id = $1', [tenant]);
          return db.query('select seq, entity, entity_id, deleted from changes where tenant_id = $1 and seq > $2 order by seq limit 1001', [tenant, changesHead]);
        },
      }),
    },
  ];
}

/** The shapes with their inputs, drawn from what the backend holds for the demo tenant. */
export async function loadShapes(db: Queryable): Promise<Shape[]> {
  const rows = await db.query<Row>(
    `select id, number, kind, status, name_key, city_key, search, data->>'email' as email
     from relations where tenant_id = $1 order by number`,
    [tenant],
  );
  const labels = await db.query<Label>(
    `select id, data->>'name' as name, (data->>'relationCount')::int as count from labels where tenant_id = $1 order by id`,
    [tenant],
  );
  const [head] = await db.query<{ seq: string | number }>('select max(seq) as seq from changes where tenant_id = $1', [tenant]);
  return shapesFor(rows, labels, Number(head?.seq ?? 0));
}
