import {
  addressesSearchText, joinSearchText, relationOwnSearchText, relationSortKeys, searchTerms, sortField, type Address,
  type Relation, type RelationSortField,
} from '../contract/index.js';
import { strip, type CachedRelation } from './cache.js';
import type { RelationQuery } from './query.js';

/** What the index keeps of an address: whose it is, and what search finds the relation by. */
export type IndexedAddress = Pick<Address, 'id' | 'relationId' | 'city' | 'postalCode'>;

/** The name order is the cached `sortName`, which is the contract's name key computed when it was cached. */
const sortKeys: Record<RelationSortField, (relation: CachedRelation) => string | number> = {
  ...relationSortKeys,
  name: (relation) => relation.sortName,
};

/**
 * All cached relations in memory, with one sorted order per sort key, so that filtering, searching and
 * sorting 100,000 relations is a single pass over an array: fast enough to answer every keystroke within a
 * frame. Search text and sort keys are the contract's (`relation-search.ts`), as the backend's are, so the
 * cache finds what the backend finds. Searching for a longer version of the previous term only scans the
 * previous result.
 */
export class RelationIndex {
  private readonly rows: CachedRelation[];
  /** Each relation's search text, built when a search first needs it or by `prepare` ahead of time. */
  private readonly texts: (string | undefined)[];
  private prepared = 0;
  private readonly position = new Map<string, number>();
  /**
   * The search text each relation's addresses give, not the addresses themselves: at 100,000 relations
   * the address objects cost tens of MiB of heap for the few words search needs of them.
   */
  private readonly addressTexts = new Map<string, string>();
  /** Whose each address is, to know which relation a deleted address leaves. */
  private readonly addressOwner = new Map<string, string>();
  private readonly orders = new Map<RelationSortField, Int32Array>();
  private previous: { filters: string; q: string; matches: Int32Array } | undefined;

  /** Addresses come after, by `loadAddresses`: a list needs none of them, only a search does. */
  constructor(relations: CachedRelation[]) {
    this.rows = relations;
    this.texts = new Array<string | undefined>(relations.length).fill(undefined);
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
      this.texts.push(undefined);
    } else {
      this.rows[at] = relation;
      this.texts[at] = undefined;
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

  /** The relation an address belongs to, as far as the index knows. */
  ownerOf(addressId: string): string | undefined {
    return this.addressOwner.get(addressId);
  }

  /** Every address a relation has now (none: it has none left); its search text follows. */
  setAddresses(relationId: string, addresses: readonly IndexedAddress[]): void {
    // The relation's id as the index holds it, so that owners share one string instead of a copy each.
    const at = this.position.get(relationId);
    const owner = at === undefined ? relationId : this.rows[at]!.id;
    for (const address of addresses) this.addressOwner.set(address.id, owner);
    const text = addressesSearchText(addresses);
    if (text) this.addressTexts.set(owner, text);
    else this.addressTexts.delete(owner);
    this.retext(owner);
  }

  /** Every cached address at once, as the index is loaded. */
  loadAddresses(addresses: readonly IndexedAddress[]): void {
    const byRelation = new Map<string, IndexedAddress[]>();
    for (const address of addresses) {
      const own = byRelation.get(address.relationId);
      if (own) own.push(address);
      else byRelation.set(address.relationId, [address]);
    }
    for (const [relationId, own] of byRelation) this.setAddresses(relationId, own);
  }

  /** An address is gone from the cache. */
  forgetAddress(addressId: string): void {
    this.addressOwner.delete(addressId);
  }

  /**
   * Builds the search texts of up to `count` relations ahead of the first search, so that loading the
   * index costs no more than reading it; returns whether any are left.
   */
  prepare(count: number): boolean {
    const end = Math.min(this.rows.length, this.prepared + count);
    for (; this.prepared < end; this.prepared++) this.texts[this.prepared] ??= this.searchText(this.rows[this.prepared]!);
    return this.prepared < this.rows.length;
  }

  /** The positions of the matching relations, in the query's order. */
  query(query: RelationQuery): Int32Array {
    const sort = query.sort ?? 'name';
    const descending = sort.startsWith('-');
    const order = this.order(sortField(sort));
    const terms = searchTerms(query.q);
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
        const text = texts[at] ?? (texts[at] = this.searchText(rows[at]!));
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
    return strip(this.rows[position]!);
  }

  private searchText(relation: Relation): string {
    return joinSearchText(relationOwnSearchText(relation), this.addressTexts.get(relation.id) ?? '');
  }

  private retext(relationId: string | undefined): void {
    const at = relationId === undefined ? undefined : this.position.get(relationId);
    if (at === undefined) return;
    this.texts[at] = undefined;
    // Addresses change no sort key, only what search finds: the sort orders stay.
    this.previous = undefined;
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

  private order(field: RelationSortField): Int32Array {
    let order = this.orders.get(field);
    if (order) return order;
    const keys = this.rows.map(sortKeys[field]);
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
