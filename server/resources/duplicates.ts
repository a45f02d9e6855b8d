import {
  draftDuplicateKeys, duplicateLimit, duplicateName, duplicateNameMinLength, duplicateNameThreshold, duplicateReasons,
  exactDuplicateReasons, foldText, relationDuplicateKeys, sharedDuplicateKeys, type DuplicateCandidate, type DuplicateReason,
  type Relation,
} from '../../src/contract/index.js';
import type { Handlers } from '../context.js';
import { decodeCursor, invalid, toPage } from './shared.js';

/** Escapes LIKE's wildcards: the term must be found as typed. */
const likeTerm = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** How each exact key is read from a relation's data, in SQL. */
const keyColumns = {
  kvkNumber: `data #>> '{organization,kvkNumber}'`,
  vatNumber: `data #>> '{organization,vatNumber}'`,
  iban: `data ->> 'iban'`,
  email: `lower(data ->> 'email')`,
} as const;

export const duplicateHandlers: Pick<Handlers, 'findDuplicates'> = {
  async findDuplicates({ body: draft }, { tx, actor }) {
    const keys = draftDuplicateKeys(draft);
    const name = duplicateName(draft);
    const values: unknown[] = [actor.tenantId];
    const param = (value: unknown) => {
      values.push(value);
      return `$${values.length}`;
    };
    const matches: string[] = [];
    for (const reason of exactDuplicateReasons) {
      const key = keys[reason];
      // Every key is in the search text too (folded), whose trigram index finds the few rows to compare exactly.
      if (key !== undefined) matches.push(`(search like ${param(likeTerm(foldText(key)))} and ${keyColumns[reason]} = ${param(key)})`);
    }
    let similarity = '0';
    if (name.length >= duplicateNameMinLength) {
      const nameParam = param(name);
      similarity = `similarity(duplicate_name, ${nameParam})`;
      // `%` (similarity above pg_trgm's default 0.3) lets the index narrow the rows; the threshold then decides.
      matches.push(`(duplicate_name % ${nameParam} and ${similarity} >= ${param(duplicateNameThreshold)}${
        draft.kind ? ` and kind = ${param(draft.kind)}` : ''})`);
    }
    if (matches.length === 0) return { body: { items: [] } };
    const exclude = draft.excludeId ? ` and id <> ${param(draft.excludeId)}` : '';
    const rows = await tx.query<{ data: Relation; similarity: number }>(
      `select data, ${similarity}::float8 as similarity from relations
       where tenant_id = $1${exclude} and (${matches.join(' or ')})`,
      values,
    );
    const candidates: DuplicateCandidate[] = rows.map((row) => {
      const shared = sharedDuplicateKeys(keys, relationDuplicateKeys(row.data));
      const similar = row.similarity >= duplicateNameThreshold && (!draft.kind || row.data.kind === draft.kind);
      return {
        relation: row.data,
        reasons: similar ? [...shared, 'name'] : shared,
        score: shared.length > 0 ? 1 : Math.min(1, Math.round(row.similarity * 1000) / 1000),
      };
    });
    candidates.sort((a, b) => b.score - a.score || b.reasons.length - a.reasons.length || a.relation.number - b.relation.number);
    return { body: { items: candidates.filter((candidate) => candidate.reasons.length > 0).slice(0, duplicateLimit) } };
  },
};

interface PairRow {
  a_id: string;
  b_id: string;
  a_number: number;
  b_number: number;
  reasons: DuplicateReason[];
}

/**
 * Likely duplicate pairs of the tenant: an equal exact key (as `findDuplicates` reads it) or an equal folded
 * name of the same kind; archived relations and dismissed pairs left out; by the pair's relation numbers.
 * Each key is a hash join of the tenant's relations with themselves, so a page costs one pass over them.
 */
export const duplicatePairHandlers: Pick<Handlers, 'listDuplicates' | 'dismissDuplicate'> = {
  listDuplicates: async ({ query }, { tx, actor, locale }) => {
    const limit = query.limit ?? 50;
    const [afterA, afterB] = decodeCursor(query.cursor, locale) ?? [0, 0];
    const keyed = exactDuplicateReasons.map((reason) => `${keyColumns[reason]} as ${reason}`).join(', ');
    const joins = [
      ...exactDuplicateReasons.map((reason) => `select a.id as a_id, b.id as b_id, '${reason}' as reason
         from keyed a join keyed b on a.${reason} = b.${reason} and a.number < b.number`),
      `select a.id, b.id, 'name' from keyed a join keyed b
         on a.duplicate_name = b.duplicate_name and a.kind = b.kind and a.number < b.number and length(a.duplicate_name) >= ${duplicateNameMinLength}`,
    ];
    const rows = await tx.query<PairRow>(
      `with keyed as materialized (
         select id, number, kind, duplicate_name, ${keyed} from relations where tenant_id = $1 and status <> 'archived'
       ), pairs as (${joins.join(' union all ')})
       select p.a_id, p.b_id, a.number as a_number, b.number as b_number, array_agg(distinct p.reason) as reasons
       from pairs p join keyed a on a.id = p.a_id join keyed b on b.id = p.b_id
       where (a.number, b.number) > ($2::int, $3::int)
         and not exists (select 1 from duplicate_dismissals d where d.tenant_id = $1 and d.a_id = least(p.a_id, p.b_id) and d.b_id = greatest(p.a_id, p.b_id))
       group by p.a_id, p.b_id, a.number, b.number
       order by a.number, b.number limit $4`,
      [actor.tenantId, Number(afterA), Number(afterB), limit + 1],
    );
    const order = duplicateReasons;
    return {
      body: toPage(rows, limit, (row) => ({
        relationIds: [row.a_id, row.b_id],
        reasons: [...row.reasons].sort((x, y) => order.indexOf(x) - order.indexOf(y)),
        score: 1,
      }), (row) => [row.a_number, row.b_number]),
    };
  },

  dismissDuplicate: async ({ body }, { tx, actor, locale, now }) => {
    const [a, b] = [...body.relationIds].sort() as [string, string];
    const found = await tx.query('select id from relations where tenant_id = $1 and id = any($2::text[])', [actor.tenantId, [a, b]]);
    if (a === b || found.length !== 2) {
      invalid('relationIds', 'unknownRelation', locale === 'nl' ? 'Kies twee verschillende relaties.' : 'Choose two different relations.', locale);
    }
    await tx.query(
      `insert into duplicate_dismissals (tenant_id, a_id, b_id, dismissed_by, at) values ($1, $2, $3, $4, $5) on conflict do nothing`,
      [actor.tenantId, a, b, actor.id, now.toISOString()],
    );
    return { body: undefined };
  },
};
