/**
 * One instance of each value many rows hold alike. Values read from IndexedDB are copies each, so 100,000
 * rows would otherwise hold 100,000 copies of "Utrecht", of each set of labels, and of common names (the
 * seed's 100,000 relations have 60,000 names). Shared label arrays are frozen: a row is never changed in
 * place, only replaced.
 */
export class Interned {
  private readonly texts = new Map<string, string>();
  private readonly labelSets = new Map<string, string[]>();
  private readonly none = Object.freeze([]) as unknown as string[];

  text<T extends string>(value: T): T {
    const known = this.texts.get(value);
    if (known !== undefined) return known as T;
    this.texts.set(value, value);
    return value;
  }

  /** The values seen so far are no longer looked up: the ones already shared stay so. */
  forgetTexts(): void {
    this.texts.clear();
  }

  labels(ids: string[]): string[] {
    if (!ids.length) return this.none;
    const key = ids.join(' ');
    let shared = this.labelSets.get(key);
    if (!shared) this.labelSets.set(key, (shared = Object.freeze(ids.map((id) => this.text(id))) as string[]));
    return shared;
  }
}
