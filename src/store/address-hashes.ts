import { idHash32 } from './id-positions.js';

/** The low 15 bits of a hash, two of which fit one small integer. */
const shortHash = 0x7fff;

/**
 * Short hashes of each relation's address ids, by the index's positions: they find whose a deleted address
 * was, which the cache no longer tells. At 146,000 addresses, maps from address ids to their texts and owners
 * cost the page over 12 MiB; these, about one. A position holds none, one 30-bit hash (0 and up), two 15-bit
 * hashes in one negative small integer (more of a chance that another relation's address shares one, which
 * costs a read), or for three and more an array of 30-bit hashes.
 */
export class AddressHashes {
  private readonly held: (number | number[] | undefined)[];

  constructor(count: number) {
    this.held = new Array<number | number[] | undefined>(count).fill(undefined);
  }

  /** Position `at` holds the addresses with these ids. */
  set(at: number, ids: readonly string[]): void {
    this.held[at] =
      ids.length === 0 ? undefined
      : ids.length === 1 ? idHash(ids[0]!)
      : ids.length === 2 ? -1 - (((idHash(ids[0]!) & shortHash) << 15) | (idHash(ids[1]!) & shortHash))
      : ids.map(idHash);
  }

  /** Whether position `at` holds any address. */
  has(at: number): boolean {
    return this.held[at] !== undefined;
  }

  push(): void {
    this.held.push(undefined);
  }

  /** The last position moves to `to` (its own is left); then `pop` drops the last. */
  move(from: number, to: number): void {
    this.held[to] = this.held[from];
  }

  pop(): void {
    this.held.pop();
  }

  /** The positions that may hold one of these addresses: each that does, and rarely one more sharing a hash. */
  positionsOf(addressIds: Iterable<string>): number[] {
    const wanted = new Set<number>();
    const wantedShort = new Set<number>();
    for (const id of addressIds) {
      const hash = idHash(id);
      wanted.add(hash);
      wantedShort.add(hash & shortHash);
    }
    const positions: number[] = [];
    if (!wanted.size) return positions;
    const held = this.held;
    for (let at = 0; at < held.length; at++) {
      const own = held[at];
      if (own === undefined) continue;
      const holds = typeof own !== 'number'
        ? own.some((hash) => wanted.has(hash))
        : own >= 0 ? wanted.has(own) : wantedShort.has((-1 - own) >>> 15) || wantedShort.has((-1 - own) & shortHash);
      if (holds) positions.push(at);
    }
    return positions;
  }
}

/** A 30-bit FNV-1a hash of an id: a small integer, which an array holds without a heap object of its own. */
function idHash(id: string): number {
  return idHash32(id) & 0x3fffffff;
}
