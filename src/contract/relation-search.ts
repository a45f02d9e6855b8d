import type { Address } from './schemas/address.js';
import type { Relation, RelationSort } from './schemas/relation.js';

/*
 * What `listRelations` searches and sorts on, defined once. The reference backend stores these values in
 * its indexed columns; the browser's store computes the same values for its in-memory index. Anything the
 * two sides disagree on shows up as a relation the overview finds in one place and not in the other, so
 * nothing here may be reimplemented elsewhere. A backend of another team may search more loosely; this is
 * what the reference backend and the cache promise each other.
 */

/** Letters that Unicode does not decompose into a base letter and a mark, but that Dutch users type plainly. */
const plainLetters: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ı: 'i' };
/** Typographic apostrophes and quotes as people type them on a keyboard: ’s-Hertogenbosch, 's-Hertogenbosch. */
const apostrophes = /[\u2018\u2019\u201b\u02bc\u0060\u00b4]/g;

/**
 * Text as search and sorting compare it: lower case, without accents ("Müller" is "muller"), with one
 * apostrophe. Compatibility forms fold too (the "ﬁ" ligature is "fi").
 */
export function foldText(text: string): string {
  // Most text is plain ASCII without a backtick: lower case is all it needs, at a sixth of the cost.
  if (!/[^\x00-\x5f\x61-\x7f]/.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(apostrophes, "'")
    .replace(/[ßæœøłđı]/g, (letter) => plainLetters[letter] ?? letter);
}

/** A term that is a number written with separators, as phone numbers are: `020-1234567`, `+31 (0)20`, `06.123`. */
const separatedNumber = /^\+?[\d\-.()/]*\d[\d\-.()/]*$/;

/**
 * The terms of a search box's text, as both sides match them: folded, split on white space; a number
 * written with dashes, dots, brackets or a leading + becomes its digits, so "020-1234567" finds
 * "+31 20 123 4567". A relation matches when its search text contains every term.
 */
export function searchTerms(q: string | undefined): string[] {
  const terms = foldText(q ?? '').split(/\s+/).filter(Boolean);
  return terms.map((term) => (separatedNumber.test(term) && /\D/.test(term) ? term.replace(/\D/g, '') : term));
}

/** A phone number's digits in the forms people search: as written, national (0…) and international (31…). */
function phoneForms(phone: string): string[] {
  const digits = phone.replace(/\D/g, '');
  const forms = [phone, digits];
  const international = phone.trim().startsWith('+') ? digits : digits.startsWith('0031') ? digits.slice(2) : null;
  if (international?.startsWith('31')) forms.push(`0${international.slice(2)}`);
  else if (digits.startsWith('0') && !digits.startsWith('00')) forms.push(`31${digits.slice(1)}`);
  return forms;
}

/** The parts of an address that search finds a relation by. */
export type SearchedAddress = Pick<Address, 'city' | 'postalCode'>;

/**
 * Everything search finds a relation by: its name (a person's first and last name too), its numbers, e-mail,
 * phone in several notations, KvK, VAT and IBAN, and the city and postcode (with and without the space)
 * of each of its addresses.
 */
export function relationSearchText(relation: Relation, addresses: readonly SearchedAddress[]): string {
  return joinSearchText(relationOwnSearchText(relation), addressesSearchText(addresses));
}

/** The relation's own part of its search text (without its addresses). */
export function relationOwnSearchText(relation: Relation): string {
  const person = relation.person;
  const parts: (string | null | undefined)[] = [
    relation.displayName,
    person?.firstName,
    person?.lastName,
    String(relation.number),
    relation.debtor ? String(relation.debtor.number) : null,
    relation.creditor ? String(relation.creditor.number) : null,
    relation.email,
    ...(relation.phone ? phoneForms(relation.phone) : []),
    relation.organization?.kvkNumber,
    relation.organization?.vatNumber,
    relation.iban,
    relation.city,
  ];
  return foldText(parts.filter(Boolean).join(' '));
}

/**
 * A search text in fewer characters that every search finds exactly as it finds the whole: a term holds no
 * white space (`searchTerms`), so it is found in the text exactly when one of its words holds it, and a word
 * that another word holds (a repeated surname, "3511" beside "3511ab", a first name inside the e-mail
 * address) can go. What a cache keeps in memory for 100,000 relations, and what the reference backend stores
 * and indexes (its trigram index, the largest cost of a first start, then covers ~30 % fewer characters).
 */
export function compactSearchText(text: string): string {
  const kept: string[] = [];
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf(' ', start);
    if (end < 0) end = text.length;
    if (end > start) {
      const word = text.slice(start, end);
      if (!heldElsewhere(text, word, start)) kept.push(word);
    }
    start = end + 1;
  }
  return kept.length === 1 ? kept[0]! : kept.join(' ');
}

/**
 * Whether `word`, the word at `start` of `text`, occurs inside a longer word, or as a whole word before this
 * one: either way another kept word holds it.
 */
function heldElsewhere(text: string, word: string, start: number): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (at === start) continue;
    const after = at + word.length;
    const whole = (at === 0 || text[at - 1] === ' ') && (after === text.length || text[after] === ' ');
    if (!whole || at < start) return true;
  }
  return false;
}

/** The part of a relation's search text its addresses give: what a cache keeps per relation instead of them. */
export function addressesSearchText(addresses: readonly SearchedAddress[]): string {
  const parts = addresses.flatMap((address) => [address.city, address.postalCode, address.postalCode?.replace(/\s/g, '')]);
  return foldText(parts.filter(Boolean).join(' '));
}

/** A relation's search text from its two parts, exactly as `relationSearchText` builds it. */
export function joinSearchText(own: string, addresses: string): string {
  return addresses ? `${own} ${addresses}` : own;
}

/** Sorts after every text a person types. */
export const lastSortText = '\uffff';
/** Sorts after every number the backend gives: PostgreSQL's largest integer. */
export const lastSortNumber = 2147483647;

/** How a relation sorts by name: a person by last name then initials, so "Berg, J. van den" sorts under B. */
export function relationNameKey(relation: Pick<Relation, 'displayName' | 'person'>): string {
  const person = relation.person;
  return foldText(person ? `${person.lastName} ${person.initials ?? person.firstName ?? ''}` : relation.displayName).trim();
}

/**
 * The sort key of each field `listRelations` sorts by. Keys compare with `<` (strings by code unit, as
 * PostgreSQL's "C" collation compares them); equal keys are ordered by id, and a descending sort reverses
 * both.
 */
export const relationSortKeys = {
  name: relationNameKey,
  number: (relation: Pick<Relation, 'number'>) => relation.number,
  debtorNumber: (relation: Pick<Relation, 'debtor'>) => relation.debtor?.number ?? lastSortNumber,
  creditorNumber: (relation: Pick<Relation, 'creditor'>) => relation.creditor?.number ?? lastSortNumber,
  city: (relation: Pick<Relation, 'city'>) => (relation.city ? foldText(relation.city) : lastSortText),
  kind: (relation: Pick<Relation, 'kind'>) => relation.kind,
  email: (relation: Pick<Relation, 'email'>) => relation.email?.toLowerCase() ?? lastSortText,
  phone: (relation: Pick<Relation, 'phone'>) => relation.phone ?? lastSortText,
  updatedAt: (relation: Pick<Relation, 'updatedAt'>) => relation.updatedAt,
} as const satisfies Record<string, (relation: Relation) => string | number>;

export type RelationSortField = keyof typeof relationSortKeys;
export const relationSortFields = Object.keys(relationSortKeys) as RelationSortField[];

/** The key a relation sorts by in `sort` (`name`, `-city`, …). */
export function relationSortKey(sort: RelationSort, relation: Relation): string | number {
  return relationSortKeys[sortField(sort)](relation);
}

export function sortField(sort: RelationSort): RelationSortField {
  return sort.replace(/^-/, '') as RelationSortField;
}
