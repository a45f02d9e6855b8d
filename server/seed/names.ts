import { flemishSurnames, germanSectors, germanSurnames } from './border.js';
import {
  brandWords, clubNames, clubTypes, cooperativePurposes, foundationPurposes, freelanceWords, partnerships,
  extraSurnames, placeNames, sectorsAfterName, tradesBeforeName,
} from './dutch.js';
import type { LegalForm } from './dutch.js';
import type { SeedRandom } from './random.js';

export interface PersonName {
  salutation: string | null;
  initials: string;
  firstName: string | null;
  infix: string | null;
  lastName: string;
}

export interface CompanyName {
  name: string;
  /** The distinctive words, from which the domain is made: "Jansen Installatietechniek". */
  stem: string;
}

export interface NameLists {
  female: readonly string[];
  male: readonly string[];
  generic: readonly string[];
  last: readonly string[];
}

/**
 * Faker's Dutch name lists, read once (drawing from them directly is ten times faster than its helpers),
 * with more surnames added to its short list.
 */
export function nameLists(random: SeedRandom): NameLists {
  const { first_name: first, last_name: last } = random.faker.definitions.person;
  return {
    female: [...(first?.female ?? [])],
    male: [...(first?.male ?? [])],
    generic: [...(first?.generic ?? [])],
    last: [...(last?.generic ?? []), ...extraSurnames],
  };
}

/** Faker keeps the infix inside the surname ("van den Heuvel"); Dutch registers keep it apart. */
export function splitSurname(surname: string): { infix: string | null; lastName: string } {
  const match = /^((?:[a-z']+ )+)(.+)$/.exec(surname);
  return match?.[1] && match[2] ? { infix: match[1].trim(), lastName: match[2] } : { infix: null, lastName: surname };
}

/** "IJsbrand" starts with the Dutch digraph IJ, which is one initial. */
function initialOf(name: string): string {
  return name.startsWith('IJ') ? 'IJ.' : `${name.charAt(0).toUpperCase()}.`;
}

export function personName(random: SeedRandom, lists: NameLists): PersonName {
  const sex = random.weighted([['female', 48], ['male', 48], ['generic', 4]] as const);
  const names = lists[sex];
  const given = random.pick(names);
  const extra = random.weighted([[0, 55], [1, 35], [2, 10]] as const);
  let initials = initialOf(given);
  for (let i = 0; i < extra; i++) initials += initialOf(random.pick(names));
  const { infix, lastName } = splitSurname(random.pick(lists.last));
  return {
    salutation: sex === 'female' ? 'Mevr.' : sex === 'male' ? 'Dhr.' : null,
    initials,
    // Business contacts are often known by their initials only.
    firstName: random.chance(0.9) ? given : null,
    infix,
    lastName,
  };
}

/** How Dutch ERPs list a person: "J.P. van den Berg", "D. Irecteur". */
export function personDisplayName(person: Pick<PersonName, 'initials' | 'firstName' | 'infix' | 'lastName'>): string {
  return [person.initials || person.firstName, person.infix, person.lastName].filter(Boolean).join(' ');
}

/** A surname at the start of a company name has a capitalised infix: "Van den Berg Transport". */
function companySurname(random: SeedRandom, lists: NameLists): string {
  const surname = random.pick(lists.last);
  return surname.charAt(0).toUpperCase() + surname.slice(1);
}

/** After initials the infix stays lower case: "Bouwbedrijf J. van Dijk", "J.P. de Vries Holding". */
function ownerName(random: SeedRandom, lists: NameLists): string {
  const person = personName(random, lists);
  return personDisplayName({ initials: person.initials, firstName: null, infix: person.infix, lastName: person.lastName });
}

export function companyName(random: SeedRandom, lists: NameLists, legalForm: LegalForm, city: string): CompanyName {
  switch (legalForm) {
    case 'B.V.':
    case 'N.V.': {
      const roll = random.next();
      const stem = roll < 0.3 ? `${companySurname(random, lists)} ${random.pick(sectorsAfterName)}`
        : roll < 0.36 ? `Gebr. ${random.pick(lists.last)} ${random.pick(sectorsAfterName)}`
        : roll < 0.46 ? `${random.pick(tradesBeforeName)} ${companySurname(random, lists)}`
        : roll < 0.56 ? `${random.pick(tradesBeforeName)} ${ownerName(random, lists)}`
        : roll < 0.64 ? `${companySurname(random, lists)} & ${companySurname(random, lists)} ${random.pick(partnerships)}`
        : roll < 0.8 ? `${random.pick(brandWords)} ${random.pick(sectorsAfterName)}`
        : roll < 0.84 ? `${random.pick(tradesBeforeName)} ${city}`
        : roll < 0.9 ? `${companySurname(random, lists)} Holding`
        : `${ownerName(random, lists)} Holding`;
      return { name: `${stem} ${legalForm}`, stem };
    }
    case 'V.O.F.': {
      const stem = random.chance(0.6)
        ? `${random.pick(tradesBeforeName)} ${companySurname(random, lists)}`
        : `${companySurname(random, lists)} & ${companySurname(random, lists)}`;
      return { name: `${stem} V.O.F.`, stem };
    }
    case 'Eenmanszaak': {
      const person = personName(random, lists);
      const first = person.firstName ?? random.pick(lists.generic);
      const roll = random.next();
      const initial = `${person.initials.split('.')[0]}.`;
      const owner = personDisplayName({ initials: initial, firstName: null, infix: person.infix, lastName: person.lastName });
      const stem = roll < 0.3 ? `${random.pick(tradesBeforeName)} ${first}`
        : roll < 0.65 ? `${random.pick(tradesBeforeName)} ${owner}`
        : `${first} ${random.pick(lists.last)} ${random.pick(freelanceWords)}`;
      return { name: stem, stem };
    }
    case 'Stichting': {
      // Besides care and culture, families hold their shares through a foundation (a STAK) or fund.
      const roll = random.next();
      const stem = roll < 0.35 ? `${random.pick(foundationPurposes)} ${random.pick(placeNames)}`
        : roll < 0.5 ? `${random.pick(foundationPurposes)} ${city}`
        : roll < 0.75 ? `Administratiekantoor ${companySurname(random, lists)}`
        : `${companySurname(random, lists)} Fonds`;
      return { name: `Stichting ${stem}`, stem };
    }
    case 'Vereniging': {
      if (random.chance(0.05)) return { name: `Ondernemersvereniging ${city}`, stem: `ov ${city}` };
      const [type, abbreviation] = random.pick(clubTypes);
      const club = random.chance(0.2) ? city : random.pick(clubNames);
      return { name: `${type} ${club}`, stem: `${abbreviation} ${club}` };
    }
    case 'Coöperatie': {
      const stem = `${random.pick(cooperativePurposes)} ${random.chance(0.5) ? city : random.pick(brandWords)}`;
      return { name: `Coöperatie ${stem} U.A.`, stem };
    }
    case 'Maatschap': {
      const roll = random.next();
      const stem = roll < 0.4 ? `Huisartsenpraktijk ${companySurname(random, lists)}`
        : roll < 0.6 ? `Dierenartsen ${city}`
        : `${companySurname(random, lists)} & ${companySurname(random, lists)} Fysiotherapie`;
      return { name: random.chance(0.3) ? `Maatschap ${stem}` : stem, stem };
    }
  }
}

/** A company across the border, named the way its own country does. */
export function foreignCompanyName(random: SeedRandom, country: 'BE' | 'DE'): CompanyName {
  if (country === 'DE') {
    const stem = `${random.pick(germanSurnames)} ${random.pick(germanSectors)}`;
    return { name: `${stem} GmbH`, stem };
  }
  const stem = `${random.pick(flemishSurnames)} ${random.pick(sectorsAfterName)}`;
  return { name: `${stem} ${random.chance(0.8) ? 'BV' : 'NV'}`, stem };
}

/** Lower-case ASCII letters and digits only: "Daniël van 't Hof" becomes "danielvanthof". */
export function slug(text: string): string {
  const lower = text.toLowerCase();
  // Unicode normalisation is slow, and only the odd name has a diacritic.
  const ascii = /[^\x00-\x7f]/.test(lower) ? lower.normalize('NFD').replace(/\p{M}/gu, '') : lower;
  return ascii.replace(/&/g, 'en').replace(/[^a-z0-9]/g, '');
}

const connectives = new Set(['van', 'de', 'den', 'der', 'het', "'t", 'te', 'ter', 'ten', 'in', 'op', '&', 'en']);

/**
 * Hands out company domains that no other company in the tenant has, since e-mail domains are used to
 * recognise duplicates. Long names lose trailing words, as real companies shorten them, but never end on
 * an infix ("hoveniersbedrijfvande"). A taken name gets the city, then a number.
 */
export class DomainRegistry {
  readonly #taken = new Set<string>();
  /** The next number to try per name, so a common name does not re-test every earlier number. */
  readonly #next = new Map<string, number>();

  reserve(domain: string): void {
    this.#taken.add(domain);
  }

  claim(stem: string, city: string, tld: string): string {
    const words = stem.split(' ');
    let base = slug(stem);
    while (base.length > 26 && words.length > 1) {
      words.pop();
      while (words.length > 1 && connectives.has((words[words.length - 1] ?? '').toLowerCase())) words.pop();
      base = slug(words.join(' '));
    }
    base ||= 'bedrijf';
    let domain = `${base}.${tld}`;
    if (this.#taken.has(domain)) domain = `${base}-${slug(city)}.${tld}`;
    if (this.#taken.has(domain)) {
      let n = this.#next.get(base) ?? 2;
      while (this.#taken.has(`${base}${n}.${tld}`)) n++;
      this.#next.set(base, n + 1);
      domain = `${base}${n}.${tld}`;
    }
    this.#taken.add(domain);
    return domain;
  }
}

/** The local part of a person's mailbox in one of the styles people use: "j.vandenberg", "jan.vandenberg". */
export function mailboxName(random: SeedRandom, person: PersonName): string {
  const last = slug(`${person.infix ?? ''}${person.lastName}`);
  const first = person.firstName ? slug(person.firstName) : '';
  const initial = slug(person.initials.charAt(0));
  if (!first) return `${initial}.${last}`;
  const roll = random.next();
  return roll < 0.45 ? `${first}.${last}` : roll < 0.75 ? `${initial}.${last}` : roll < 0.9 ? `${first}${last}` : `${first}${random.int(1, 99)}`;
}
