import {
  addressesSearchText, compactSearchText, relationSortKeys, searchTerms, sortField, type Address, type RelationSortField,
} from '../contract/index.js';
import type { CachedRelation } from './cache.js';
import type { ListedRelation, RelationQuery } from './query.js';
import { AddressHashes } from './address-hashes.js';
import { IdPositions } from './id-positions.js';
import { Interned } from './interned.js';
import { RelationColumns } from './relation-columns.js';
import { RelationScan } from './relation-scan.js';
import { appendRelations, ownSearchText, type IndexedRelations } from './relation-rows.js';

/** What the index keeps of an address: whose it is, and what search finds the relation by. */
export type IndexedAddress = Pick<Address, 'id' | 'relationId' | 'city' | 'postalCode'>;

/** Changes at once that are moved to their places one by one; more drop the sorted orders instead. */
const resortedOneByOne = 32;

/**
 * All cached relations in memory as a list shows them (`ListedRelation`), with one sorted order per sort key,
 * so that filtering, searching and sorting 100,000 relations is a single pass over an array: fast enough to
 * answer every keystroke within a frame. Search text and sort keys are the contract's (`relation-search.ts`),
 * as the backend's are, so the cache finds what the backend finds. Searching for a longer version of the
 * previous term only scans the previous result.
 */
export class RelationIndex {
  /**
   * By position: the relation as a list shows it. Read from the cache's rows (`relation-rows.ts`) with its
   * search text; or, where the cache had none, the relation whole until `prepare` (or a search) has built its
   * own search text, and from then on only its row. Either way `prepare` then shares the values many rows
   * hold alike, so what stays is the same.
   */
  private readonly rows: (ListedRelation | CachedRelation)[];
  /** Each relation's name key (the cached `sortName`), by position: the default order's, kept for re-sorting writes. */
  private readonly names: string[];
  /**
   * Each relation's own search text (`ownSearchText`), read with its row, or built by `prepare` or when a
   * search first needs it; undefined exactly while `rows` holds the whole relation.
   */
  private readonly own: (string | undefined)[];
  /**
   * Each relation's addresses' search text ('' for none), as the contract joins them. Kept apart from its own
   * text (terms hold no spaces, so no term matches across the two), so the index holds no joined copy.
   */
  private readonly places: string[];
  /** Hashes of each relation's address ids: whose a deleted address was. */
  private readonly addressHashes: AddressHashes;
  private prepared = 0;
  /** Equal values that every row would otherwise hold a copy of: label sets, names, cities, kinds, statuses. */
  private readonly interned = new Interned();
  private readonly position = new IdPositions((at) => this.rows[at]!.id);
  /**
   * Sort keys of fields a row does not carry (the last change: no list shows it), by position: read from the
   * cache the first time a query sorts by one (`needsKeys`, `setKeys`), and kept in step from then on.
   */
  private readonly lateKeys = new Map<RelationSortField, (string | number)[]>();
  private readonly orders = new Map<RelationSortField, Int32Array>();
  /** The name order an earlier start kept, until the first query by name checks it (`checked`). */
  private keptNameOrder: Int32Array | undefined;
  /** Whether the name order in use is the kept one (then there is nothing new to keep). */
  private nameOrderWasKept = false;
  private readonly reversed = new Map<RelationSortField, Int32Array>();
  /** What filters test, by position: status, kind, role and labels. */
  private readonly columns = new RelationColumns();
  private previous: { filters: string; q: string; scan: RelationScan } | undefined;
  /** Counts changes of relations: a scan begun before one stops, since positions may have moved. */
  private generation = 0;

  /** Whole relations, as the cache holds them: what tests and a cache without rows start from. */
  static of(relations: readonly CachedRelation[]): RelationIndex {
    const loaded: IndexedRelations = { rows: [], names: [], own: [] };
    appendRelations(loaded, relations);
    return new RelationIndex(loaded);
  }

  /** Addresses come after, by `loadAddresses`: a list needs none of them, only a search does. */
  constructor(loaded: IndexedRelations) {
    const count = loaded.rows.length;
    this.rows = loaded.rows;
    this.names = loaded.names;
    this.own = loaded.own;
    this.keptNameOrder = loaded.nameOrder;
    for (let i = 0; i < count; i++) this.columns.set(i, this.rows[i]!);
    this.position.fill(count);
    this.places = new Array<string>(count).fill('');
    this.addressHashes = new AddressHashes(count);
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
    const row = this.listed(relation);
    const own = ownSearchText(relation);
    if (at === undefined) {
      const end = this.rows.length;
      this.rows.push(row);
      this.position.set(relation.id, end);
      this.columns.set(end, relation);
      this.names.push(relation.sortName);
      this.own.push(own);
      this.places.push('');
      this.addressHashes.push();
      for (const [field, keys] of this.lateKeys) keys.push(relationSortKeys[field](relation));
      if (resort) this.resort(end);
    } else {
      this.columns.set(at, relation, this.rows[at]);
      this.rows[at] = row;
      this.names[at] = relation.sortName;
      this.own[at] = own;
      for (const [field, keys] of this.lateKeys) keys[at] = relationSortKeys[field](relation);
      if (resort) this.resort(at);
    }
  }

  private remove(id: string, resort: boolean): void {
    const at = this.position.get(id);
    if (at === undefined) return;
    const lastAt = this.rows.length - 1;
    // While every position still holds its own relation (the table reads ids from the rows).
    this.position.delete(id);
    if (at !== lastAt) {
      this.columns.move(lastAt, at, this.rows[lastAt]!, this.rows[at]!);
      // Settled now if it is not yet: `prepare` may be past `at` already.
      if (lastAt >= this.prepared) this.settle(lastAt);
      this.names[at] = this.names[lastAt]!;
      this.rows[at] = this.rows[lastAt]!;
      this.own[at] = this.own[lastAt];
      this.places[at] = this.places[lastAt]!;
      this.addressHashes.move(lastAt, at);
      for (const keys of this.lateKeys.values()) keys[at] = keys[lastAt]!;
      // Found through `lastAt`, which holds it until the pop below.
      this.position.set(this.rows[at]!.id, at);
    } else {
      this.columns.clear(at, this.rows[at]!);
    }
    this.rows.pop();
    this.names.pop();
    this.own.pop();
    this.places.pop();
    this.addressHashes.pop();
    for (const keys of this.lateKeys.values()) keys.pop();
    if (resort) this.resort(at, at === lastAt ? -1 : lastAt, true);
  }

  /** The row the index keeps of a relation, sharing the values many rows hold alike. */
  private listed(relation: ListedRelation): ListedRelation {
    const interned = this.interned;
    return {
      id: relation.id, number: relation.number, kind: interned.text(relation.kind), status: interned.text(relation.status),
      displayName: interned.text(relation.displayName), debtor: relation.debtor, creditor: relation.creditor,
      city: relation.city === null ? null : interned.text(relation.city), email: relation.email, phone: relation.phone,
      labelIds: interned.labels(relation.labelIds),
    };
  }

  /** Counts changes of relations: keys read from the cache while it moved on are read again. */
  get version(): number {
    return this.generation;
  }

  /** Whether sorting by `field` needs keys that rows do not carry and the index has not read yet. */
  needsKeys(field: RelationSortField): boolean {
    return field === 'updatedAt' && !this.lateKeys.has(field);
  }

  /** Every relation as the cache holds it (read at `version`, unchanged since): the keys `needsKeys` asked for. */
  setKeys(field: RelationSortField, relations: readonly CachedRelation[]): void {
    const keys = new Array<string | number>(this.rows.length);
    for (const relation of relations) {
      const at = this.position.get(relation.id);
      if (at !== undefined) keys[at] = relationSortKeys[field](relation);
    }
    this.lateKeys.set(field, keys);
  }

  /**
   * A relation's addresses as the cache holds them now, every one of them (its search text is theirs); a
   * relation the index does not hold is passed over.
   */
  setAddresses(relationId: string, addresses: readonly IndexedAddress[]): void {
    const at = this.position.get(relationId);
    if (at === undefined) return;
    const sorted = addresses.length > 1 ? [...addresses].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) : addresses;
    this.places[at] = compactSearchText(addressesSearchText(sorted));
    this.addressHashes.set(at, sorted.map((address) => address.id));
    // Addresses change no sort key, only what search finds: the sorted orders stay.
    this.previous = undefined;
  }

  /** Whether the index knows of any address of this relation (else a page's addresses for it are all it has). */
  hasAddresses(relationId: string): boolean {
    const at = this.position.get(relationId);
    return at !== undefined && this.addressHashes.has(at);
  }

  /**
   * The relations that may hold one of these addresses: each that does, and rarely one more whose address id
   * shares a hash (reading that one's addresses again changes nothing).
   */
  ownersOf(addressIds: Iterable<string>): string[] {
    return this.addressHashes.positionsOf(addressIds).map((at) => this.rows[at]!.id);
  }


  /**
   * Every cached address by relation, as the index is loaded, from `from` on until `deadline`
   * (`performance.now()`): returns where to go on from (`owners.length` when done). 100,000 relations have
   * ~146,000 addresses: done in slices, the page stays free meanwhile.
   */
  loadAddresses(owners: readonly (readonly [string, IndexedAddress[]])[], from = 0, deadline = Number.POSITIVE_INFINITY): number {
    let at = from;
    while (at < owners.length) {
      const end = Math.min(owners.length, at + 256);
      for (; at < end; at++) this.setAddresses(owners[at]![0], owners[at]![1]);
      if (performance.now() >= deadline) break;
    }
    return at;
  }

  /**
   * Settles every position (`settle`) until `deadline` (`performance.now()`), so that loading the index costs
   * no more than reading it; returns whether any are left.
   */
  prepare(deadline: number): boolean {
    while (this.prepared < this.rows.length) {
      const end = Math.min(this.rows.length, this.prepared + 256);
      for (; this.prepared < end; this.prepared++) this.settle(this.prepared);
      if (performance.now() >= deadline) break;
    }
    if (this.prepared < this.rows.length) return true;
    // Loaded: what was shared stays shared; the table of values seen is let go (later writes are few).
    this.interned.forgetTexts();
    return false;
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

  /** Whether a relation's search text, its own or its addresses', holds every term (built on first need). */
  private matcher(terms: readonly string[]): (position: number) => boolean {
    const { own, places } = this;
    return (at) => {
      const text = own[at] ?? this.ownText(at);
      for (const term of terms) if (!text.includes(term) && !places[at]!.includes(term)) return false;
      return true;
    };
  }

  /** The row at a position of `query`'s answer. */
  relationAt(position: number): ListedRelation {
    return this.rows[position]!;
  }

  /** A relation's own search text; built the first time from the whole relation, which then gives way to its row. */
  private ownText(at: number): string {
    let text = this.own[at];
    if (text !== undefined) return text;
    const relation = this.rows[at] as CachedRelation;
    text = this.own[at] = ownSearchText(relation);
    this.rows[at] = this.listed(relation);
    this.names[at] = this.interned.text(this.names[at]!);
    return text;
  }

  /**
   * A position as the index keeps it at rest: its own search text built, and its row and name key sharing the
   * values other rows hold alike (a row read from the cache holds copies of its own).
   */
  private settle(at: number): void {
    if (this.own[at] === undefined) {
      this.ownText(at);
      return;
    }
    this.rows[at] = this.listed(this.rows[at]!);
    this.names[at] = this.interned.text(this.names[at]!);
  }

  /** The positions in `field`'s order (ties by id), reversed for a descending sort; sorted on first use. */
  private order(field: RelationSortField, descending: boolean): Int32Array {
    let order = this.orders.get(field);
    if (!order) {
      const kept = field === 'name' ? this.checked(this.keptNameOrder) : undefined;
      if (field === 'name') this.keptNameOrder = undefined;
      this.nameOrderWasKept ||= kept !== undefined;
      if (kept) order = kept;
      else {
        const keys = Array.from(this.rows.keys(), (at) => this.key(field, at));
        const ids = this.rows.map((r) => r.id);
        order = Int32Array.from(this.rows.keys()).sort((a, b) => compareKeys(keys[a]!, ids[a]!, keys[b]!, ids[b]!));
      }
      this.orders.set(field, order);
    }
    if (!descending) return order;
    let reversed = this.reversed.get(field);
    if (!reversed) this.reversed.set(field, (reversed = order.slice().reverse()));
    return reversed;
  }

  /**
   * `order` when it holds every position once, in name order (ties by id): exactly what sorting would give,
   * since there is one such order. As many positions as there are, each in range and strictly after the one
   * before, are every position once. ~10 ms for 100,000 positions, where sorting took ~85 ms.
   */
  private checked(order: Int32Array | undefined): Int32Array | undefined {
    const count = this.rows.length;
    if (!order || order.length !== count) return undefined;
    let before = -1;
    for (const at of order) {
      if (at < 0 || at >= count) return undefined;
      if (before >= 0 && compareKeys(this.names[before]!, this.rows[before]!.id, this.names[at]!, this.rows[at]!.id) >= 0) return undefined;
      before = at;
    }
    return order;
  }

  /**
   * The name order to keep for the next start (`keepNameOrder`): sorted since the load, with no change since,
   * so its positions are what the next load gives if the cache does not change meanwhile.
   */
  nameOrderToKeep(): Int32Array | undefined {
    return this.generation === 0 && !this.nameOrderWasKept ? this.orders.get('name') : undefined;
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
      const id = this.rows[at]!.id;
      const mine = this.key(field, at);
      // The first place whose relation sorts after this one.
      let low = 0;
      let high = rest.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        const other = rest[mid]!;
        if (compareKeys(this.key(field, other), this.rows[other]!.id, mine, id) < 0) low = mid + 1;
        else high = mid;
      }
      const placed = new Int32Array(rest.length + 1);
      placed.set(rest.subarray(0, low));
      placed[low] = at;
      placed.set(rest.subarray(low), low + 1);
      this.orders.set(field, placed);
    }
  }

  /** A position's key in `field`'s order; by name, the cached `sortName` (the contract's name key as it was cached). */
  private key(field: RelationSortField, at: number): string | number {
    if (field === 'name') return this.names[at]!;
    const late = this.lateKeys.get(field);
    return late ? late[at]! : relationSortKeys[field as Exclude<RelationSortField, 'name' | 'updatedAt'>](this.rows[at]!);
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
