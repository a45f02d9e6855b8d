import { DomainRegistry, nameLists } from './names.js';
import type { NameLists } from './names.js';
import { SeedRandom } from './random.js';

const day = 86_400_000;

/** The numbers the backend hands out; a seed uses them as the backend would, in creation order. */
export class Sequence {
  #last: number;
  constructor(start: number) {
    this.#last = start - 1;
  }
  next(): number {
    return ++this.#last;
  }
  get last(): number {
    return this.#last;
  }
}

/** Everything one tenant's seed draws from and keeps track of while it is being generated. */
export class SeedContext {
  readonly random: SeedRandom;
  /** Ids come from their own stream, so a change in how content is drawn does not renumber every id. */
  readonly ids: SeedRandom;
  readonly names: NameLists;
  readonly now: number;
  readonly relationNumbers = new Sequence(1);
  readonly debtorNumbers = new Sequence(10001);
  readonly creditorNumbers = new Sequence(70001);
  readonly domains = new DomainRegistry();
  /** Natural keys that must stay unique within the tenant, as the duplicate check expects. */
  readonly taken = {
    kvk: new Set<string>(),
    vat: new Set<string>(),
    iban: new Set<string>(),
    emails: new Set<string>(),
  };

  constructor(seed: readonly number[], now: Date) {
    this.random = new SeedRandom(seed);
    this.ids = new SeedRandom([...seed, 0x1d5]);
    this.names = nameLists(this.random);
    this.now = now.getTime();
  }

  id(): string {
    return this.ids.uuid();
  }
}

/** Whole seconds, so timestamps read cleanly and survive a round trip through any database. */
export function timestamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString();
}

export function calendarDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function days(count: number): number {
  return count * day;
}
