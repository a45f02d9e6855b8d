import { isDeepStrictEqual } from 'node:util';
import type { Relation } from '../../src/contract/index.js';
import type { Ledger, Seeded } from './traffic.js';

/*
 * After the load: does the data say what the acknowledged writes said? Read back over the API (a backend
 * under test is a black box): every acknowledged create exists exactly as it was answered and only once;
 * each seeded relation's version grew by its acknowledged updates plus the labels bulk requests newly gave
 * it, its e-mail is the last acknowledged update's, and it carries every label a bulk request added. Writes
 * still unanswered when the run ended may or may not have been stored: they widen what is allowed, no more.
 */

export interface Verification {
  problems: string[];
  /** Acknowledged creates, updates and bulk requests checked. */
  creates: number;
  updates: number;
  /** Relations acknowledged bulk requests changed (by their answers), of those they named. */
  bulkChanged: number;
  bulkNamed: number;
  relationsChecked: number;
  unanswered: number;
}

type Get = <T>(path: string) => Promise<T>;

/** Every page of a `listRelations` query. */
export async function listAll(get: Get, query: string): Promise<Relation[]> {
  const items: Relation[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: Relation[]; nextCursor: string | null } = await get(`/relations?limit=500${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

export function apiReader(baseUrl: string, token = 'demo-anna'): Get {
  return async <T>(path: string) => {
    const response = await fetch(`${baseUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
}

export async function verify(get: Get, tag: string, seeded: readonly Seeded[], ledger: Ledger): Promise<Verification> {
  const problems: string[] = [];
  const unanswered = { creates: new Set<string>(), updates: new Map<string, Set<string>>(), labels: new Map<string, Set<string>>() };
  for (const write of ledger.unanswered) {
    if (write.kind === 'create') unanswered.creates.add(write.name);
    else if (write.kind === 'update') unanswered.updates.set(write.id, (unanswered.updates.get(write.id) ?? new Set()).add(write.email));
    else for (const id of write.ids) unanswered.labels.set(id, (unanswered.labels.get(id) ?? new Set()).add(write.labelId));
  }

  // Creates: the run's names, each stored once, each acknowledged one as it was answered.
  // The search also finds the seeded relations whose e-mail an update set (it contains the tag); names tell.
  const found = await listAll(get, `&status=lead,active&q=${encodeURIComponent(`loadbench ${tag}`)}`);
  const byName = new Map<string, Relation[]>();
  for (const relation of found) {
    const name = relation.organization?.name ?? relation.person?.lastName ?? '';
    if (name.startsWith(`Loadbench ${tag} `)) byName.set(name, [...(byName.get(name) ?? []), relation]);
  }
  for (const [name, relations] of byName) {
    if (relations.length > 1) problems.push(`create "${name}" is stored ${relations.length} times`);
    if (!ledger.created.has(name) && !unanswered.creates.has(name)) problems.push(`"${name}" is stored but no client sent it`);
  }
  for (const [name, answered] of ledger.created) {
    const stored = byName.get(name)?.[0];
    if (!stored) problems.push(`acknowledged create "${name}" (${answered.id}) is missing`);
    else if (!isDeepStrictEqual(stored, answered)) problems.push(`acknowledged create "${name}" differs: answered ${JSON.stringify(answered)}, stored ${JSON.stringify(stored)}`);
  }

  // Seeded relations: versions, e-mails and labels against the acknowledged updates and bulk requests.
  const now = new Map((await listAll(get, '&status=lead,active,archived')).map((relation) => [relation.id, relation]));
  for (const before of seeded) {
    const after = now.get(before.id);
    if (!after) {
      problems.push(`seeded relation ${before.id} is gone`);
      continue;
    }
    const updates = ledger.updated.get(before.id) ?? [];
    const maybeUpdates = unanswered.updates.get(before.id) ?? new Set<string>();
    const labels = ledger.labelled.get(before.id) ?? new Set<string>();
    const maybeLabels = unanswered.labels.get(before.id) ?? new Set<string>();
    const newLabels = [...labels].filter((id) => !before.labelIds.includes(id));
    const maybeNew = [...maybeLabels].filter((id) => !before.labelIds.includes(id) && !labels.has(id));
    const least = before.version + updates.length + newLabels.length;
    const most = least + maybeUpdates.size + maybeNew.length;
    if (after.version < least || after.version > most) {
      problems.push(`relation ${before.id}: version ${after.version}, expected ${least === most ? least : `${least}..${most}`} (${before.version} + ${updates.length} updates + ${newLabels.length} new labels)`);
    }
    const missing = [...labels].filter((id) => !after.labelIds.includes(id));
    if (missing.length) problems.push(`relation ${before.id}: acknowledged labels missing: ${missing.join(', ')}`);
    const unexplained = after.labelIds.filter((id) => !before.labelIds.includes(id) && !labels.has(id) && !maybeLabels.has(id));
    if (unexplained.length) problems.push(`relation ${before.id}: labels nobody added: ${unexplained.join(', ')}`);
    const last = updates.reduce<{ version: number; email: string } | undefined>((a, b) => (a && a.version > b.version ? a : b), undefined);
    const emails = new Set<string | null>([...(last ? [last.email] : [before.email]), ...maybeUpdates]);
    if (!emails.has(after.email)) problems.push(`relation ${before.id}: e-mail ${after.email}, expected ${[...emails].join(' or ')}`);
  }
  // Each bulk answer said how many relations it changed: together, each label a relation newly got, once.
  let newPairs = 0;
  let maybePairs = 0;
  for (const before of seeded) {
    newPairs += [...(ledger.labelled.get(before.id) ?? [])].filter((id) => !before.labelIds.includes(id)).length;
    maybePairs += unanswered.labels.get(before.id)?.size ?? 0;
  }
  if (ledger.bulkChanged > newPairs || ledger.bulkChanged < newPairs - maybePairs) {
    problems.push(`bulk answers changed ${ledger.bulkChanged} relations in all, expected ${newPairs}${maybePairs ? ` (at least ${newPairs - maybePairs})` : ''}`);
  }
  return {
    problems,
    creates: ledger.created.size,
    updates: [...ledger.updated.values()].reduce((sum, list) => sum + list.length, 0),
    bulkChanged: ledger.bulkChanged,
    bulkNamed: ledger.bulkNamed,
    relationsChecked: seeded.length,
    unanswered: ledger.unanswered.length,
  };
}
