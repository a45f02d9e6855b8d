import type { Relation } from '../contract/index.js';
import type { CachedRelation } from './cache.js';
import type { RelationQuery } from './query.js';

/** What search matches in the cache, as the backend does: name, numbers, e-mail, phone, city, KvK, VAT. */
function searchText(relation: CachedRelation): string {
  return [
    relation.displayName, relation.number, relation.debtor?.number, relation.creditor?.number, relation.email,
    relation.phone, relation.phone?.replace(/\D/g, ''), relation.city, relation.organization?.kvkNumber,
    relation.organization?.vatNumber, relation.iban,
  ].filter((part) => part !== null && part !== undefined).join(' ').toLowerCase();
}

const last = '\uffff';
const noNumber = Number.MAX_SAFE_INTEGER;

const sortKeys = {
  name: (r: CachedRelation) => r.sortName,
  number: (r: CachedRelation) => r.number,
  debtorNumber: (r: CachedRelation) => r.debtor?.number ?? noNumber,
  creditorNumber: (r: CachedRelation) => r.creditor?.number ?? noNumber,
  city: (r: CachedRelation) => r.city?.toLowerCase() ?? last,
  kind: (r: CachedRelation) => r.kind,
  email: (r: CachedRelation) => r.email?.toLowerCase() ?? last,
  phone: (r: CachedRelation) => r.phone ?? last,
  updatedAt: (r: CachedRelation) => r.updatedAt,
} satisfies Record<string, (r: CachedRelation) => string | number>;

type SortField = keyof typeof sortKeys;

/**
 * All cached relations in memory, with one sorted order per sort key, so that filtering, searching and
 * sorting 100,000 relations is a single pass over an array: fast enough to answer every keystroke within a
 * frame. Searching for a longer version of the previous term only scans the previous result.
 */
export class RelationIndex {
  private rows: CachedRelation[] = [];
  private texts: string[] = [];
  private readonly position = new Map<string, number>();
  private readonly orders = new Map<SortField, Int32Array>();
  private previous: { filters: string; q: string; matches: Int32Array } | undefined;

  constructor(relations: CachedRelation[]) {
    this.rows = relations;
    this.texts = relations.map(searchText);
    relations.forEach((relation, i) => this.position.set(relation.id, i));
  }

  get size(): number {
    return this.rows.length;
  }

  upsert(relation: CachedRelation): void {
    const at = this.position.get(relation.id);
    if (at === undefined) {
      this.position.set(relation.id, this.rows.length);
      this.rows.push(relation);
      this.texts.push(searchText(relation));
    } else {
      this.rows[at] = relation;
      this.texts[at] = searchText(relation);
    }
    this.changed();
  }

  remove(id: string): void {
    const at = this.position.get(id);
    if (at === undefined) return;
    const lastAt = this.rows.length - 1;
    if (at !== lastAt) {
      this.rows[at] = this.rows[lastAt]!;
      this.texts[at] = this.texts[lastAt]!;
      this.position.set(this.rows[at]!.id, at);
    }
    this.rows.pop();
    this.texts.pop();
    this.position.delete(id);
    this.changed();
  }

  /** The positions of the matching relations, in the query's order. */
  query(query: RelationQuery): Int32Array {
    const sort = query.sort ?? 'name';
    const descending = sort.startsWith('-');
    const order = this.order(sort.replace('-', '') as SortField);
    const terms = (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const filters = JSON.stringify([query.status, query.kind, query.role, query.labelIds, query.labelMode, sort]);
    const q = terms.join(' ');
    const narrowing = this.previous && this.previous.filters === filters && q.startsWith(this.previous.q) && this.previous.q !== '';
    const candidates = narrowing ? this.previous!.matches : descending ? order.slice().reverse() : order;
    const accepts = this.predicate(query);
    const texts = this.texts;
    const rows = this.rows;
    const matches = new Int32Array(candidates.length);
    let count = 0;
    for (let i = 0; i < candidates.length; i++) {
      const at = candidates[i]!;
      if (!accepts(rows[at]!)) continue;
      if (terms.length) {
        const text = texts[at]!;
        let all = true;
        for (const term of terms) {
          if (!text.includes(term)) {
            all = false;
            break;
          }
        }
        if (!all) continue;
      }
      matches[count++] = at;
    }
    const result = matches.subarray(0, count);
    this.previous = { filters, q, matches: result };
    return result;
  }

  relationAt(position: number): Relation {
    const { sortName: _sortName, ...relation } = this.rows[position]!;
    return relation;
  }

  private predicate(query: RelationQuery): (relation: CachedRelation) => boolean {
    const statuses = query.status?.length ? new Set<string>(query.status) : undefined;
    const labels = query.labelIds?.length ? query.labelIds : undefined;
    const any = query.labelMode === 'any';
    return (relation) => {
      if (statuses ? !statuses.has(relation.status) : relation.status === 'archived') return false;
      if (query.kind && relation.kind !== query.kind) return false;
      if (query.role === 'debtor' && !relation.debtor) return false;
      if (query.role === 'creditor' && !relation.creditor) return false;
      if (labels) {
        const has = (id: string) => relation.labelIds.includes(id);
        if (any ? !labels.some(has) : !labels.every(has)) return false;
      }
      return true;
    };
  }

  private order(field: SortField): Int32Array {
    let order = this.orders.get(field);
    if (order) return order;
    const key: (r: CachedRelation) => string | number = sortKeys[field];
    const keys = this.rows.map(key);
    const ids = this.rows.map((r) => r.id);
    order = Int32Array.from(this.rows.keys()).sort((a, b) => {
      const x = keys[a]!;
      const y = keys[b]!;
      if (x < y) return -1;
      if (x > y) return 1;
      return ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0;
    });
    this.orders.set(field, order);
    return order;
  }

  private changed(): void {
    this.orders.clear();
    this.previous = undefined;
  }
}
