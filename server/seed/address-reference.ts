import type { DutchCity } from './places.js';
import { businessStreets, commonStreets, dutchCities } from './places.js';

/*
 * The reference backend's own address data, for `lookupAddress`: for every seed city, each of its streets in
 * blocks of house numbers, each block with a postcode of its own within the city's real postcode range. It
 * is invented like the rest of the seed, but deterministic, and the seed gives its Dutch street addresses the
 * postcode this table has for them, so the card fills in every seeded address again. Tenants' addresses are
 * never read for a lookup: one tenant's data must not show up in another's card.
 */

export interface ReferenceAddress {
  readonly postalCode: string;
  readonly numberFrom: number;
  readonly numberTo: number;
  readonly street: string;
  readonly city: string;
}

/** House numbers per postcode: one postcode covers a stretch of a street. */
export const numbersPerPostcode = 20;
/** The highest house number the table knows; the seed's addresses stay below it. */
export const highestHouseNumber = 400;

/** The streets of the demo scenario, which have real postcodes of their own; the generated rows keep clear of them. */
const scenarioStreets: readonly ReferenceAddress[] = [
  { postalCode: '3572 BK', numberFrom: 101, numberTo: 120, street: 'Biltstraat', city: 'Utrecht' },
  { postalCode: '3521 CB', numberFrom: 1, numberTo: 20, street: 'Croeselaan', city: 'Utrecht' },
  { postalCode: '3585 LJ', numberFrom: 1, numberTo: 20, street: 'Laan van Maarschalkerweerd', city: 'Utrecht' },
  { postalCode: '3821 AB', numberFrom: 1, numberTo: 20, street: 'Computerweg', city: 'Amersfoort' },
];

/** The letter pairs of Dutch postcodes: every pair but SA, SD and SS. */
const letterPairs: readonly string[] = (() => {
  const pairs: string[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const pair = String.fromCharCode(a, b);
      if (pair !== 'SA' && pair !== 'SD' && pair !== 'SS') pairs.push(pair);
    }
  }
  return pairs;
})();

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** Every street a seed address in `city` may have, once each, in a fixed order. */
export function streetsOf(city: DutchCity): string[] {
  return [...new Set([...city.streets, ...commonStreets, ...businessStreets])];
}

/**
 * One city's rows. Its possible postcodes (four digits from its ranges, times the letter pairs) are walked in
 * a fixed scattered order (a stride coprime with their number), one for each street and block, so no two
 * rows share a postcode and the street at a postcode and house number is never in doubt.
 */
function cityRows(city: DutchCity, reserved: ReadonlySet<string>): ReferenceAddress[] {
  const digits = city.postcodes.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => from + i));
  const capacity = digits.length * letterPairs.length;
  let stride = 7919;
  while (gcd(stride, capacity) !== 1) stride += 2;
  let next = 0;
  const nextPostcode = (): string => {
    for (;;) {
      const k = (next++ * stride) % capacity;
      const code = `${digits[Math.floor(k / letterPairs.length)]} ${letterPairs[k % letterPairs.length]}`;
      if (!reserved.has(code)) return code;
    }
  };
  const rows: ReferenceAddress[] = [];
  for (const street of streetsOf(city)) {
    for (let from = 1; from <= highestHouseNumber; from += numbersPerPostcode) {
      rows.push({ postalCode: nextPostcode(), numberFrom: from, numberTo: from + numbersPerPostcode - 1, street, city: city.name });
    }
  }
  return rows;
}

let table: readonly ReferenceAddress[] | undefined;
let byStreet: Map<string, string> | undefined;

/** The whole reference table; the same on every run. */
export function addressReference(): readonly ReferenceAddress[] {
  if (!table) {
    const reserved = new Set(scenarioStreets.map((row) => row.postalCode));
    table = [...scenarioStreets, ...dutchCities.flatMap((city) => cityRows(city, reserved))];
  }
  return table;
}

const streetKey = (city: string, street: string, block: number) => `${city}\n${street}\n${block}`;

/** The postcode the reference table gives a street address in a seed city. */
export function referencePostcode(city: DutchCity, street: string, houseNumber: number): string {
  if (!byStreet) {
    byStreet = new Map();
    for (const row of addressReference()) {
      byStreet.set(streetKey(row.city, row.street, Math.floor((row.numberFrom - 1) / numbersPerPostcode)), row.postalCode);
    }
  }
  const postcode = byStreet.get(streetKey(city.name, street, Math.floor((houseNumber - 1) / numbersPerPostcode)));
  if (!postcode) throw new Error(`no reference postcode for ${street} ${houseNumber}, ${city.name}`);
  return postcode;
}
