/**
 * Each relation's position in the index, by id: an open-addressing table of positions in one typed array,
 * with the ids themselves read from the index's rows. At 100,000 relations a `Map` from id to position costs
 * the page ~1.8 MiB; this, 0.5 MiB. Linear probing, kept at most three quarters full; a removal shifts the
 * entries after it back, so a lookup never meets a gap that was once filled.
 */
export class IdPositions {
  /** Position + 1 in each slot; 0 is empty. */
  private slots = new Int32Array(1024);
  private count = 0;

  /** `idAt(position)`: the id of the relation at a position, as the index holds it now. */
  constructor(private readonly idAt: (position: number) => string) {}

  /** Positions 0 to `count` - 1 hold relations of distinct ids (as a load reads them): entered at once. */
  fill(count: number): void {
    let size = 1024;
    while (count * 4 > size * 3) size *= 2;
    this.slots = new Int32Array(size);
    const mask = size - 1;
    for (let at = 0; at < count; at++) this.place(idSlot(this.idAt(at), mask), at);
    this.count = count;
  }

  get(id: string): number | undefined {
    const slot = this.find(id);
    return slot < 0 ? undefined : this.slots[slot]! - 1;
  }

  /** The relation with this id is (now) at `position`. */
  set(id: string, position: number): void {
    const slot = this.find(id);
    if (slot >= 0) {
      this.slots[slot] = position + 1;
      return;
    }
    if ((this.count + 1) * 4 > this.slots.length * 3) this.grow();
    this.place(idSlot(id, this.slots.length - 1), position);
    this.count++;
  }

  /** The relation with this id is gone. Call it while `idAt` still gives its id at its position. */
  delete(id: string): void {
    let empty = this.find(id);
    if (empty < 0) return;
    const mask = this.slots.length - 1;
    this.slots[empty] = 0;
    this.count--;
    // Backward shift: each entry after the gap that would not be found across it moves into it.
    for (let slot = (empty + 1) & mask; this.slots[slot] !== 0; slot = (slot + 1) & mask) {
      const home = idSlot(this.idAt(this.slots[slot]! - 1), mask);
      if (((slot - home) & mask) >= ((slot - empty) & mask)) {
        this.slots[empty] = this.slots[slot]!;
        this.slots[slot] = 0;
        empty = slot;
      }
    }
  }

  /** The slot holding this id, or -1. */
  private find(id: string): number {
    const mask = this.slots.length - 1;
    for (let slot = idSlot(id, mask); ; slot = (slot + 1) & mask) {
      const held = this.slots[slot]!;
      if (held === 0) return -1;
      if (this.idAt(held - 1) === id) return slot;
    }
  }

  private place(from: number, position: number): void {
    const mask = this.slots.length - 1;
    let slot = from;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = position + 1;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    const mask = this.slots.length - 1;
    for (const held of old) if (held !== 0) this.place(idSlot(this.idAt(held - 1), mask), held - 1);
  }
}

/** An id's 32-bit FNV-1a hash, as an unsigned integer: where the table starts looking for it, among others. */
export function idHash32(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Where an id's probing starts. */
function idSlot(id: string, mask: number): number {
  return idHash32(id) & mask;
}
