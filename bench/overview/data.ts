/**
 * The benchmark's inputs, read from the reference backend's change feed (what our first sync receives): the
 * peer's rows in the order our overview lists them, and search terms and labels drawn from the data.
 */
import type { Label, Relation } from '../../src/contract/index.js';
import { cellText, columnKeys } from '../../src/elements/relation-overview/columns.js';
import { en } from '../../src/i18n/en.js';
import { toCached, type CachedRelation } from '../../src/store/cache.js';
import type { GridRow } from './protocol.js';

export interface FeedData {
  relations: Relation[];
  labels: Label[];
  changes: number;
}

interface FeedPage {
  items: { entity: string; op: 'upsert' | 'delete'; data: unknown }[];
  nextCursor: string;
  hasMore: boolean;
}

/** Every live relation and label, page by page from `GET /changes`, through `fetchApi` (the app, in process). */
export async function readFeed(fetchApi: (path: string) => Promise<Response>, pageSize: number): Promise<FeedData> {
  const relations = new Map<string, Relation>();
  const labels = new Map<string, Label>();
  let since = '0';
  let changes = 0;
  for (;;) {
    const response = await fetchApi(`/changes?since=${encodeURIComponent(since)}&limit=${pageSize}`);
    if (!response.ok) throw new Error(`GET /changes?since=${since}: ${response.status} ${(await response.text()).slice(0, 200)}`);
    const page = (await response.json()) as FeedPage;
    for (const item of page.items) {
      changes++;
      const target: Map<string, unknown> | undefined = item.entity === 'relation' ? relations : item.entity === 'label' ? labels : undefined;
      if (!target) continue;
      const { id } = item.data as { id: string };
      if (item.op === 'delete') target.delete(id);
      else target.set(id, item.data);
    }
    if (!page.hasMore) break;
    since = page.nextCursor;
  }
  return { relations: [...relations.values()], labels: [...labels.values()], changes };
}

/** What the overview lists by default: active relations (not leads, not archived). */
export function listed(relations: readonly Relation[]): Relation[] {
  return relations.filter((relation) => relation.status === 'active');
}

/** The overview's default order: the cache's sort key, then the id (as the store's in-memory index sorts). */
function byName(relations: readonly Relation[]): Relation[] {
  const keyed = relations.map((relation) => ({ relation, key: (toCached('relation', relation) as CachedRelation).sortName }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.relation.id < b.relation.id ? -1 : a.relation.id > b.relation.id ? 1 : 0));
  return keyed.map(({ relation }) => relation);
}

/** The peer's rows: the overview's rows, in its order, each cell the text our overview shows. */
export function gridRows(data: FeedData): GridRow[] {
  const labels = new Map(data.labels.map((label) => [label.id, label]));
  return byName(listed(data.relations)).map((relation) => {
    const row = { id: relation.id, labelIds: relation.labelIds } as GridRow;
    for (const key of columnKeys) row[key] = cellText(key, relation, labels, en);
    return row;
  });
}

function mostFrequent(values: Iterable<string>): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && value < best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/**
 * What a user types to find someone: the most common city and the most common surname among the listed
 * relations, in lower case (each is then typed one character at a time, so every prefix matches).
 */
export function searchTerms(relations: readonly Relation[]): string[] {
  const shown = listed(relations);
  const city = mostFrequent(shown.flatMap((relation) => (relation.city ? [relation.city.toLowerCase()] : [])));
  const surname = mostFrequent(shown.flatMap((relation) => {
    const last = relation.person?.lastName.split(/\s+/).pop();
    return last ? [last.toLowerCase()] : [];
  }));
  return [city, surname].filter((term): term is string => !!term);
}

/** Every label that at least one listed relation carries, with how many do. */
export function labelsInUse(data: FeedData): { id: string; name: string; listed: number }[] {
  const shown = listed(data.relations);
  return data.labels
    .map((label) => ({ id: label.id, name: label.name, listed: shown.filter((relation) => relation.labelIds.includes(label.id)).length }))
    .filter((label) => label.listed > 0)
    .sort((a, b) => a.name.localeCompare(b.name));
}
