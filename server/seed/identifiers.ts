import { mod97 } from '../../src/contract/rules/mod97.js';
import type { DutchCity, ForeignCity } from './places.js';
import type { SeedRandom, Weighted } from './random.js';

/*
 * Registry numbers, bank accounts, postcodes and phone numbers that pass the contract's checks because their
 * check digits are computed, not because a validator was loosened for seed data.
 */

/**
 * Draws until `make` gives a value not seen before: search by KvK or IBAN must find exactly one relation.
 * `make` takes the random source rather than closing over it, since a closure per call costs time at 100k.
 */
export function unique(seen: Set<string>, make: (random: SeedRandom) => string, random: SeedRandom): string {
  for (;;) {
    const value = make(random);
    if (!seen.has(value)) {
      seen.add(value);
      return value;
    }
  }
}

export function kvkNumber(random: SeedRandom): string {
  return String(random.int(1, 9)) + random.digits(7);
}

/**
 * A company VAT number (btw-nummer) from its first 8 digits: the ninth makes the 11-check hold. Null when
 * that check digit would be 10, since such base numbers are never issued.
 */
export function elevenCheckVat(digits: string, suffix: number): string | null {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(digits[i]);
  const check = sum % 11;
  return check === 10 ? null : `NL${digits}${check}B${String(suffix).padStart(2, '0')}`;
}

export function vatNumberElevenCheck(random: SeedRandom): string {
  for (;;) {
    const vat = elevenCheckVat(String(random.int(1, 9)) + random.digits(7), random.int(1, 3));
    if (vat) return vat;
  }
}

/**
 * A sole proprietor's VAT id (btw-id) as issued since 2020: 9 random digits, the last two chosen so that
 * MOD 97-10 over the whole number is 1. Suffix 00 is not allowed, so a remainder of 0 becomes 97.
 */
export function vatNumberMod97(random: SeedRandom): string {
  const head = `NL${random.int(1, 9)}${random.digits(8)}B`;
  const suffix = (((1 - mod97(head) * 100) % 97) + 97) % 97 || 97;
  return head + String(suffix).padStart(2, '0');
}

/** ISO 13616 check digits for a BBAN: `98 - (bban + country + "00") mod 97`. */
export function iban(country: string, bban: string): string {
  const check = 98 - mod97(`${bban}${country}00`);
  return `${country}${String(check).padStart(2, '0')}${bban}`;
}

/** Dutch banks by BIC prefix, weighted roughly by their share of current accounts. */
const dutchBanks: Weighted<string> = [
  ['INGB', 30], ['RABO', 30], ['ABNA', 22], ['SNSB', 5], ['BUNQ', 4], ['ASNB', 3], ['TRIO', 3], ['KNAB', 3],
];

export function dutchIban(random: SeedRandom): string {
  const bank = random.weighted(dutchBanks);
  // Former Postbank accounts at ING are short numbers padded with zeros; bunq numbers start with 20.
  const account = bank === 'INGB' ? `000${random.digits(7)}` : bank === 'BUNQ' ? `20${random.digits(8)}` : `0${random.int(1, 9)}${random.digits(8)}`;
  return iban('NL', bank + account);
}

/** Belgian IBAN: 3-digit bank, 7-digit account, 2 national check digits (the first ten mod 97, 0 as 97). */
export function belgianIban(random: SeedRandom): string {
  const base = random.pick(['001', '068', '363', '735']) + random.digits(7);
  const check = Number(BigInt(base) % 97n) || 97;
  return iban('BE', base + String(check).padStart(2, '0'));
}

/** German IBAN: an 8-digit Bankleitzahl of a real bank in the border region and a 10-digit account. */
export function germanIban(random: SeedRandom): string {
  const blz = random.pick(['30050110', '37050198', '39050000', '32450000', '37040044']);
  return iban('DE', blz + random.digits(10));
}

/** Postcode letters skip F, I, O, Q, U and Y, and never form SA, SD or SS. */
const postcodeLetters = [...'ABCDEGHJKLMNPRSTVWXZ'];

export function postcodeLettersPair(random: SeedRandom): string {
  for (;;) {
    const pair = random.pick(postcodeLetters) + random.pick(postcodeLetters);
    if (pair !== 'SA' && pair !== 'SD' && pair !== 'SS') return pair;
  }
}

/** A street-address postcode within the city's range, `1234 AB`. */
export function streetPostcode(random: SeedRandom, city: DutchCity): string {
  const [from, to] = random.pick(city.postcodes);
  return `${random.int(from, to)} ${postcodeLettersPair(random)}`;
}

export function poBoxPostcode(random: SeedRandom, city: DutchCity): string {
  const [from, to] = city.poBoxPostcodes;
  return `${random.int(from, to)} ${postcodeLettersPair(random)}`;
}

export function foreignPostcode(random: SeedRandom, city: ForeignCity): string {
  const [from, to] = city.postcodes;
  return String(random.int(from, to));
}

/** A landline number the way Dutch offices write it: 3-digit prefix + 7 digits, 4-digit prefix + 6. */
export function landline(random: SeedRandom, city: DutchCity): string {
  const subscriber = String(random.int(2, 9)) + random.digits(city.areaCode.length === 3 ? 6 : 5);
  if (random.chance(0.15)) return `+31 ${city.areaCode.slice(1)} ${subscriber}`;
  return `${city.areaCode}-${subscriber}`;
}

export function mobile(random: SeedRandom): string {
  const number = String(random.int(1, 5)) + random.digits(7);
  const style = random.next();
  if (style < 0.7) return `06-${number}`;
  if (style < 0.85) return `06 ${number}`;
  return `+31 6 ${number}`;
}

export function foreignPhone(random: SeedRandom, city: ForeignCity): string {
  const prefix = city.country === 'BE' ? '+32' : '+49';
  const length = city.country === 'BE' ? 8 - city.areaCode.length : 7;
  return `${prefix} ${city.areaCode} ${random.int(2, 9)}${random.digits(length - 1)}`;
}
