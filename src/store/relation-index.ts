import {
  addressesSearchText, joinSearchText, relationOwnSearchText, relationSortKeys, searchTerms, sortField, type Address,
  type Relation, type RelationSortField,
} from '../contract/index.js';
import { strip, type CachedRelation } from './cache.js';
import type { RelationQuery } from './query.js';
import { RelationColumns } from './relation-columns.js';
import { RelationScan } from './relation-scan.js';

/** What the index keeps of an address: whose it is, and what search finds the relation by. */
export type IndexedAddress = Pick<Address, 'id' | 'relationId' | 'city' | 'postalCode'>;

/** Changes at once that are moved to their places one by one; more drop the sorted orders instead. */
const resortedOneByOne = 32;

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
   * The search text each address gives, not the address itself: at 100,000 relations the address objects
   * cost tens of MiB of heap for the few words search needs of them. Kept per address, so that a changed
   * address (a page of the feed brings it as written) needs no read of its relation's others.
   */
  private readonly addressTexts = new Map<string, string>();
  /** Whose each address is, to know which relation a changed or deleted address leaves. */
  private readonly addressOwner = new Map<string, string>();
  /**
   * Each relation's addresses by id, in id order (the order the backend's search text takes them in): the id
   * itself for a relation with one, which most have (an array each would cost megabytes at 100,000).
   */
  private readonly owned = new Map<string, string | string[]>();
  private readonly orders = new Map<RelationSortField, Int32Array>();
  private readonly reversed = new Map<RelationSortField, Int32Array>();
  /** What filters test, by position: status, kind, role and labels. */
  private readonly columns = new RelationColumns();
  private previous: { filters: string; q: string; scan: RelationScan } | undefined;
  /** Counts changes of relations: a scan begun before one stops, since positions may have moved. */
  private generation = 0;

  /** Addresses come after, by `loadAddresses`: a list needs none of them, only a search does. */
  constructor(relations: CachedRelation[]) {
    this.rows = relations;
    this.texts = new Array<string | undefined>(relations.length).fill(undefined);
    relations.forEach((relation, i) => {
      this.position.set(relation.id, i);
      this.columns.set(i, relation);
    });
  }

  get size(): number {
    return this.rows.length;
  }

  /**
   * Brings these relations up to date (`undefined`: gone). A few are moved to their new place in each sorted
   * order; beyond `resortedOneByOne` (a page of the change feed) the orders are dropped and sorted again on
   * the next query, once, which is cheaper than moving thousands one by one.
   */
  change(changes: readonly (readonly [id: string, relation: CachedRelation | undefined])[]): void {
    const oneByOne = changes.length <= resortedOneByOne;
    for (const [id, relation] of changes) {
      if (relation) this.upsert(relation, oneByOne);
      else this.remove(id, oneByOne);
    }
    if (!oneByOne) {
      this.generation++;
      this.previous = undefined;
      this.orders.clear();
      this.reversed.clear();
    }
  }

  private upsert(relation: CachedRelation, resort: boolean): void {
    const at = this.position.get(relation.id);
    if (at === undefined) {
      this.position.set(relation.id, this.rows.length);
      this.columns.set(this.rows.length, relation);
      this.rows.push(relation);
      this.texts.push(undefined);
      if (resort) this.resort(this.rows.length - 1);
    } else {
      this.columns.set(at, relation, this.rows[at]);
      this.rows[at] = relation;
      this.texts[at] = undefined;
      if (resort) this.resort(at);
    }
  }

  private remove(id: string, resort: boolean): void {
    const at = this.position.get(id);
    if (at === undefined) return;
    const lastAt = this.rows.length - 1;
    if (at !== lastAt) {
      this.columns.move(lastAt, at, this.rows[lastAt]!, this.rows[at]!);
      this.rows[at] = this.rows[lastAt]!;
      this.texts[at] = this.texts[lastAt]!;
      this.position.set(this.rows[at]!.id, at);
    } else {
      this.columns.clear(at, this.rows[at]!);
    }
    this.rows.pop();
    this.texts.pop();
    this.position.delete(id);
    if (resort) this.resort(at, at === lastAt ? -1 : lastAt, true);
  }

  /** An address as the cache holds it now: its relation's search text follows. */
  setAddress(address: IndexedAddress): void {
    const before = this.addressOwner.get(address.id);
    // The relation's id as the index holds it, so that owners share one string instead of a copy each.
    const at = this.position.get(address.relationId);
    const owner = at === undefined ? address.relationId : this.rows[at]!.id;
    if (before !== undefined && before !== owner) this.forgetAddress(address.id);
    const text = addressesSearchText([address]);
    if (text) this.addressTexts.set(address.id, text);
    else this.addressTexts.delete(address.id);
    if (before !== owner) {
      this.addressOwner.set(address.id, owner);
      const ids = this.addressIdsOf(owner);
      // Most come in id order (a load reads them so): then this is a push.
      let i = ids.length;
      while (i > 0 && ids[i - 1]! > address.id) i--;
      ids.splice(i, 0, address.id);
      this.owned.set(owner, ids.length === 1 ? ids[0]! : ids);
    }
    this.retext(owner);
  }

  /**
   * Every cached address, as the index is loaded, from `from` on until `deadline` (`performance.now()`):
   * returns where to go on from (`addresses.length` when done). 100,000 relations have ~146,000 addresses,
   * over a second of work: done in slices, the page stays free meanwhile.
   */
  loadAddresses(addresses: readonly IndexedAddress[], from = 0, deadline = Number.POSITIVE_INFINITY): number {
    let at = from;
    while (at < addresses.length) {
      const end = Math.min(addresses.length, at + 256);
      for (; at < end; at++) this.setAddress(addresses[at]!);
      if (performance.now() >= deadline) break;
    }
    return at;
  }

  /** An address is gone from the cache. */
  forgetAddress(addressId: string): void {
    const owner = this.addressOwner.get(addressId);
    if (owner === undefined) return;
    this.addressOwner.delete(addressId);
    this.addressTexts.delete(addressId);
    const ids = this.addressIdsOf(owner).filter((id) => id !== addressId);
    if (ids.length) this.owned.set(owner, ids.length === 1 ? ids[0]! : ids);
    else this.owned.delete(owner);
    this.retext(owner);
  }

  /**
   * Builds search texts ahead of the first search until `deadline` (`performance.now()`), so that loading
   * the index costs no more than reading it; returns whether any are left.
   */
  prepare(deadline: number): boolean {
    while (this.prepared < this.rows.length) {
      const end = Math.min(this.rows.length, this.prepared + 256);
      for (; this.prepared < end; this.prepared++) this.texts[this.prepared] ??= this.searchText(this.rows[this.prepared]!);
      if (performance.now() >= deadline) break;
    }
    return this.prepared < this.rows.length;
  }

  /** The positions of the matching relations, in the query's order. */
  query(query: RelationQuery): Int32Array {
    const scan = this.scan(query);
    scan.advance();
    return scan.matches();
  }

  /**
   * A scan for the query's matches, in its order, that has tested nothing yet: filters are applied at once
   * (typed columns), search terms as far as the caller advances it.
   */
  scan(query: RelationQuery): RelationScan {
    const sort = query.sort ?? 'name';
    const terms = searchTerms(query.q);
    const filters = JSON.stringify([query.status, query.kind, query.role, query.labelIds, query.labelMode, sort]);
    const q = terms.join(' ');
    const previous = this.previous;
    // A longer term than the last search with the same filters: only what the last one kept can still match.
    const narrowing = previous && previous.filters === filters && q.startsWith(previous.q) && previous.q !== '';
    let positions: Int32Array;
    let count: number;
    if (narrowing) {
      positions = previous.scan.narrowed();
      count = positions.length;
    } else {
      const order = this.order(sortField(sort), sort.startsWith('-'));
      positions = new Int32Array(order.length);
      count = this.columns.filter(order, query, positions);
    }
    const generation = this.generation;
    const scan = new RelationScan(positions, count, terms.length ? this.matcher(terms) : () => true, () => this.generation === generation);
    this.previous = { filters, q, scan };
    return scan;
  }

  /** Whether a relation's search text holds every term (its text built on first need). */
  private matcher(terms: readonly string[]): (position: number) => boolean {
    const texts = this.texts;
    const rows = this.rows;
    return (at) => {
      const text = texts[at] ?? (texts[at] = this.searchText(rows[at]!));
      for (const term of terms) if (!text.includes(term)) return false;
      return true;
    };
  }

  /** The relation with this id, if the index holds it. */
  get(id: string): Relation | undefined {
    const at = this.position.get(id);
    return at === undefined ? undefined : this.relationAt(at);
  }

  relationAt(position: number): Relation {
    return strip(this.rows[position]!);
  }

  /** A relation's address ids as an array, whichever way `owned` keeps them (the array itself when it is one). */
  private addressIdsOf(relationId: string): string[] {
    const ids = this.owned.get(relationId);
    return ids === undefined ? [] : typeof ids === 'string' ? [ids] : ids;
  }

  private searchText(relation: Relation): string {
    let addresses = '';
    for (const id of this.addressIdsOf(relation.id)) {
      const text = this.addressTexts.get(id);
      if (text) addresses = addresses ? `${addresses} ${text}` : text;
    }
    return joinSearchText(relationOwnSearchText(relation), addresses);
  }

  private retext(relationId: string | undefined): void {
    const at = relationId === undefined ? undefined : this.position.get(relationId);
    if (at === undefined) return;
    this.texts[at] = undefined;
    // Addresses change no sort key, only what search finds: the sort orders stay.
    this.previous = undefined;
  }

  /** The positions in `field`'s order (ties by id), reversed for a descending sort; sorted on first use. */
  private order(field: RelationSortField, descending: boolean): Int32Array {
    let order = this.orders.get(field);
    if (!order) {
      const keys = this.rows.map(sortKeys[field]);
      const ids = this.rows.map((r) => r.id);
      order = Int32Array.from(this.rows.keys()).sort((a, b) => compareKeys(keys[a]!, ids[a]!, keys[b]!, ids[b]!));
      this.orders.set(field, order);
    }
    if (!descending) return order;
    let reversed = this.reversed.get(field);
    if (!reversed) this.reversed.set(field, (reversed = order.slice().reverse()));
    return reversed;
  }

  /**
   * Position `at` left its place in every sorted order (`from`, when the last position moved into it, or -1)
   * and is put back where its key now sorts, so a write costs a copy of each order instead of a new sort.
   */
  private resort(at: number, from = -1, removed = false): void {
    this.generation++;
    this.previous = undefined;
    this.reversed.clear();
    for (const [field, order] of this.orders) {
      let rest = order;
      const own = order.indexOf(at);
      if (own >= 0) rest = without(rest, own);
      if (from >= 0) rest[rest.indexOf(from)] = at;
      if (removed) {
        this.orders.set(field, rest);
        continue;
      }
      const key = sortKeys[field];
      const row = this.rows[at]!;
      const mine = key(row);
      // The first place whose relation sorts after this one.
      let low = 0;
      let high = rest.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        const other = this.rows[rest[mid]!]!;
        if (compareKeys(key(other), other.id, mine, row.id) < 0) low = mid + 1;
        else high = mid;
      }
      const placed = new Int32Array(rest.length + 1);
      placed.set(rest.subarray(0, low));
      placed[low] = at;
      placed.set(rest.subarray(low), low + 1);
      this.orders.set(field, placed);
    }
  }
}

function compareKeys(x: string | number, xId: string, y: string | number, yId: string): number {
  if (x < y) return -1;
  if (x > y) return 1;
  return xId < yId ? -1 : xId > yId ? 1 : 0;
}

function without(order: Int32Array, index: number): Int32Array {
  const rest = new Int32Array(order.length - 1);
  rest.set(order.subarray(0, index));
  rest.set(order.subarray(index + 1), index);
  return rest;
}
