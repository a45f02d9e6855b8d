import {
  draftDuplicateKeys, duplicateLimit, duplicateName, duplicateNameMinLength, duplicateNameThreshold, exactDuplicateReasons,
  foldText, relationDuplicateKeys, sharedDuplicateKeys, type DuplicateCandidate, type Relation,
} from '../../src/contract/index.js';
import type { Handlers } from '../context.js';

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
