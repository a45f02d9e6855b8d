import { searchTerms, sortField, type ChangeEntity, type Relation } from '../../contract/index.js';
import { NetworkError, type RelationsClient } from '../../sdk/index.js';
import type { Applied } from '../apply.js';
import { strip, type Cache } from '../cache.js';
import type { ListedRelation, RelationQuery, RelationQueryResult } from '../query.js';
import { addressesOfRelations, addressStores, byRelation, readAddresses, readAllAddresses } from '../address-blocks.js';
import {
  keepNameOrder, readAllRelations, readFirstScreen, readIndexedRelations, readRelations, refreshRows, relationStores,
  type KnownLog,
} from '../relation-blocks.js';
import { RelationIndex, type IndexedAddress } from '../relation-index.js';
import { isLocalId } from '../ids.js';
import { inSlices } from '../slices.js';
import { fetchRelation, relationUnderCurrentId } from './relation.js';
import { nextTask } from '../../sdk/next-task.js';

/** The relations a query matched, read on demand. */
export interface RelationSelection {
  readonly total: number;
  /**
   * True while no first sync has completed: the selection is then the backend's first page, so `total`
   * counts only that page and there may be more.
   */
  readonly partial: boolean;
  /**
   * True while the matches beyond the first screenfuls are still being counted (in idle time): `total` is
   * then what is found so far and grows until `counted` resolves. `at(i)` and `ids()` are exact at any time.
   */
  readonly counting: boolean;
  readonly counted: Promise<void>;
  /** Counts every match now, if that is not done yet (an export of everything matched needs it): the total. */
  count(): number;
  /** The i-th match as a list shows it; `getRelation` reads the whole relation. */
  at(i: number): ListedRelation;
  ids(): string[];
}

/** A first screenful read ahead, while the store was opening: up to `limit` relations. */
export interface PrimedFirst {
  limit: number;
  /** Undefined when the cache's first screen could not tell (then the index answers). */
  rows: Promise<Relation[] | undefined>;
}

/** The first screen read ahead: the first `limit` listed relations by name, if the kept first screen tells. */
export function primeFirst(cache: Cache, limit: number): PrimedFirst {
  const rows = readFirstScreen(cache, limit).then((found) => found?.map((row) => strip(row)));
  // Read whether or not anyone asks: a failure here is the first query's to report, not the opening's.
  rows.catch(() => undefined);
  return { limit, rows };
}

/** How many relations the backend is asked for while the cache is still filling. */
const firstPageSize = 200;
/** Matches a selection finds before it answers: a few screenfuls of the list; the rest are counted after. */
const answeredAtOnce = 200;

/**
 * Reading relations: one by id, the first screenful off the name index, and filtered, searched and sorted
 * lists from an in-memory index that is built on the first query and kept in line with every change.
 */
export class RelationQueries {
  private index: Promise<RelationIndex> | undefined;
  /** The addresses, read into the index after the relations: a list needs none, only a search does. */
  private addresses: Promise<void> | undefined;
  private loaded = false;

  constructor(
    private readonly cache: Cache,
    private readonly client: RelationsClient,
    private readonly isComplete: () => Promise<boolean>,
    /** The relation log records this tab wrote and holds (a sync's), so reads need not read them back. */
    private readonly knownLog: () => KnownLog,
    private primed?: PrimedFirst,
  ) {}

  /** Whether queries are answered from memory already (else the first one loads the index). */
  get ready(): boolean {
    return this.loaded;
  }

  /** The whole relation, from the cache (the index keeps only what lists show). */
  async get(id: string): Promise<Relation | undefined> {
    const [relation] = await readRelations(this.cache.transaction(relationStores), [id], this.knownLog());
    return strip(relation);
  }

  /**
   * The first `limit` listed relations by name (active: not leads, not archived): from the first screen the
   * cache keeps (read as the store opened, when that is large enough and nothing changed since), or, when it
   * cannot tell, from the index, which the list needs next anyway.
   */
  async first(limit: number): Promise<Relation[]> {
    const primed = this.primed;
    this.primed = undefined;
    const kept = primed && limit <= primed.limit ? await primed.rows : this.loaded ? undefined : await primeFirst(this.cache, limit).rows;
    return kept?.slice(0, limit) ?? (await this.query({ status: ['active'], sort: 'name', limit })).items;
  }

  /** The relation under the id it has now (`relationUnderCurrentId`), with that id. */
  current(id: string, resolve: (id: string) => Promise<string>): Promise<[string, Relation | undefined]> {
    return relationUnderCurrentId(id, resolve, (resolved) => this.get(resolved));
  }

  /** The relation from the cache, or else fetched from the backend into it with its addresses (`loadRelation`). */
  async load(id: string, resolve: (id: string) => Promise<string>): Promise<Relation | null> {
    const [resolved, cached] = await this.current(id, resolve);
    if (cached || isLocalId(resolved)) return cached ?? null;
    const fetched = await fetchRelation(this.cache, this.client, resolved);
    if (!fetched) return null;
    await this.reindex('relation', [resolved]);
    await this.reindex('address', fetched.addresses.map((address) => address.id));
    return fetched.relation;
  }

  /** Whole relations by id, in the order asked; those the cache does not hold are left out. */
  async getMany(ids: readonly string[]): Promise<Relation[]> {
    const relations = await readRelations(this.cache.transaction(relationStores), ids, this.knownLog());
    return relations.flatMap((relation) => (relation ? [strip(relation)] : []));
  }

  async query(query: RelationQuery): Promise<RelationQueryResult> {
    const index = await this.searchable(query);
    const matches = index.query(query);
    const offset = query.offset ?? 0;
    const window = matches.subarray(offset, offset + (query.limit ?? 50));
    // Whole relations, as the contract's `listRelations` answers: read from the cache, a window's worth.
    const items = await this.getMany(Array.from(window, (position) => index.relationAt(position).id));
    return { items, total: matches.length };
  }

  async select(query: RelationQuery): Promise<RelationSelection> {
    if (!(await this.isComplete())) {
      const { offset: _offset, limit: _limit, ...filters } = query;
      try {
        const page = await this.client.listRelations({ ...filters, limit: firstPageSize });
        return {
          total: page.items.length, partial: true, counting: false, counted: Promise.resolve(), count: () => page.items.length,
          at: (i) => page.items[i]!, ids: () => page.items.map((r) => r.id),
        };
      } catch (error) {
        // Offline before the first sync: whatever the cache holds is the best answer.
        if (!(error instanceof NetworkError)) throw error;
      }
    }
    const index = await this.searchable(query);
    const scan = index.scan(query);
    // The first screenfuls now; the count of the rest while the page is idle.
    scan.advance(answeredAtOnce);
    scan.countInIdleTime();
    const upTo = (i: number) => {
      if (i >= scan.count) scan.advance(i + 1);
      return scan.matches();
    };
    return {
      get total() {
        return scan.count;
      },
      partial: false,
      get counting() {
        return !scan.done;
      },
      counted: scan.whenDone(),
      count: () => upTo(Number.POSITIVE_INFINITY).length,
      at: (i) => index.relationAt(upTo(i)[i]!),
      ids: () => Array.from(upTo(Number.POSITIVE_INFINITY), (position) => index.relationAt(position).id),
    };
  }

  /** The cache changed where this tab cannot follow it (another tab, a fresh sync): rebuild on the next query. */
  forget(): void {
    this.primed = undefined;
    this.index = undefined;
    this.addresses = undefined;
    this.loaded = false;
  }

  /**
   * Brings the in-memory index in line with the cache for these entities, if it is loaded: relations
   * themselves, and addresses, whose city and postcode find their relation.
   */
  async reindex(entity: ChangeEntity, ids: Iterable<string | null | undefined>): Promise<void> {
    if (entity === 'relation') this.primed = undefined;
    if (!this.index || (entity !== 'relation' && entity !== 'address')) return;
    const index = await this.index;
    // After the bulk read of addresses, so that what is read here, newer, is what stays.
    if (entity === 'address') await this.addresses;
    const wanted = [...new Set(ids)].filter((id): id is string => !!id);
    // Each change applied after every read: a query in between sees the index before or after, never half.
    if (entity === 'relation') {
      const relations = await readRelations(this.cache.transaction(relationStores), wanted, this.knownLog());
      index.change(wanted.map((id, i) => [id, relations[i]] as const));
    } else {
      const addresses = await readAddresses(this.cache.transaction(addressStores), wanted);
      await this.indexAddresses(index, wanted.map((id, i) => [id, addresses[i]]));
    }
  }

  /**
   * Addresses changed (each as the cache now holds it; undefined: gone), so their relations' search texts
   * follow. A relation the index knew no address of takes the changed ones as all it has (a first sync's
   * pages: nothing to read); any other relation involved, including the one a deleted address belonged to
   * (`ownersOf`), has its addresses read again. Applied after every read, as relations are.
   */
  private async indexAddresses(index: RelationIndex, changed: readonly (readonly [string, IndexedAddress | undefined])[]): Promise<void> {
    const named = byRelation(changed.flatMap(([, address]) => address ?? []));
    const reread = new Set(index.ownersOf(changed.map(([id]) => id)));
    for (const owner of named.keys()) if (index.hasAddresses(owner)) reread.add(owner);
    const owners = [...reread];
    const read = owners.length ? await addressesOfRelations(this.cache.transaction(addressStores), owners) : [];
    if (!this.index || (await this.index) !== index) return;
    for (const [owner, own] of named) if (!reread.has(owner)) index.setAddresses(owner, own);
    owners.forEach((owner, i) => index.setAddresses(owner, read[i]!));
  }

  /**
   * A page of the change feed is in the cache: its relations and addresses as written into the in-memory
   * index (not read back: the logs a first sync builds are read only when they are folded).
   */
  async reindexPage(addresses: Applied['addresses'], relations: Applied['relations']): Promise<void> {
    this.primed = undefined;
    if (!this.index) return;
    const index = await this.index;
    if (relations.length) index.change(relations);
    if (!addresses.length) return;
    // After the bulk read of addresses, so that what the page wrote, newer or the same, is what stays.
    await this.addresses;
    if (this.index && (await this.index) === index) await this.indexAddresses(index, addresses);
  }

  /**
   * The index, with every address in it when the query searches (their cities and postcodes count), and the
   * keys of its sort when rows do not carry them (read from the cache once, again if it changed meanwhile).
   */
  private async searchable(query: RelationQuery): Promise<RelationIndex> {
    const index = await this.relationIndex();
    if (searchTerms(query.q).length) await this.addresses;
    const field = sortField(query.sort ?? 'name');
    while (index.needsKeys(field)) {
      const version = index.version;
      const relations = await readAllRelations(this.cache.transaction(relationStores), this.knownLog());
      if (index.version === version) index.setKeys(field, relations);
    }
    return index;
  }

  private relationIndex(): Promise<RelationIndex> {
    if (this.index) return this.index;
    const loading = (async () => {
      const { stale, ...loaded } = await readIndexedRelations(this.cache.transaction([...relationStores, 'meta']), this.knownLog());
      this.loaded = true;
      const index = new RelationIndex(loaded);
      const live = () => this.index === loading;
      // Settled in slices between frames, from the task after the first query (the list shows first), while
      // the addresses are read: a relation's own text needs none of them.
      const prepared = nextTask().then(() => inSlices((deadline) => index.prepare(deadline), live));
      this.addresses = readAllAddresses(this.cache.transaction(addressStores)).then(async (addresses) => {
        const owners = [...byRelation(addresses)];
        let at = 0;
        await inSlices((deadline) => (at = index.loadAddresses(owners, at, deadline)) < owners.length, live);
      });
      // After the rest: the name order kept for the next start (sorting it took ~85 ms of 100,000), and the
      // rows of blocks the cache held none of (written by an older version).
      void Promise.all([prepared, this.addresses]).then(async () => {
        const order = live() ? index.nameOrderToKeep() : undefined;
        if (order) await keepNameOrder(this.cache, order);
        if (stale.length) await refreshRows(this.cache, stale, live);
      }).catch(() => undefined);
      return index;
    })();
    this.index = loading;
    return loading;
  }
}
