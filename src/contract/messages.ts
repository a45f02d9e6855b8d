import type { Locale } from './locale.js';

/**
 * The codes of our own validation rules. A schema that fails a rule reports the code as its issue's message;
 * `issueMessage` turns it into a sentence in the user's language, on the server and in the browser alike.
 */
export type RuleCode =
  | 'kvk'
  | 'vat'
  | 'iban'
  | 'postcode'
  | 'email'
  | 'phone'
  | 'website'
  | 'country'
  | 'currency'
  | 'color'
  | 'date'
  | 'datetime'
  | 'organizationRequired'
  | 'personRequired'
  | 'wrongPartForKind'
  | 'addressLine'
  | 'poBoxPostalOnly'
  | 'duplicatePurpose';

const rules: Record<Locale, Record<RuleCode, string>> = {
  nl: {
    kvk: 'Een KvK-nummer bestaat uit 8 cijfers.',
    vat: 'Geen geldig btw-nummer; het ziet eruit als NL123456789B01.',
    iban: 'Geen geldig IBAN; controleer de cijfers.',
    postcode: 'Een postcode bestaat uit 4 cijfers en 2 letters, zoals 1234 AB.',
    email: 'Geen geldig e-mailadres.',
    phone: 'Geen geldig telefoonnummer.',
    website: 'Geen geldig webadres.',
    country: 'Gebruik een landcode van 2 letters, zoals NL.',
    currency: 'Gebruik een valutacode van 3 letters, zoals EUR.',
    color: 'Gebruik een kleur als #1F5FBF.',
    date: 'Gebruik een datum als 2026-12-31.',
    datetime: 'Gebruik een tijdstip als 2026-12-31T09:30:00Z.',
    organizationRequired: 'Een organisatie heeft een naam nodig.',
    personRequired: 'Een persoon heeft een achternaam nodig.',
    wrongPartForKind: 'Dit hoort niet bij dit soort relatie.',
    addressLine: 'Vul een straat en huisnummer in, of een postbus.',
    poBoxPostalOnly: 'Een postbus kan alleen een postadres zijn.',
    duplicatePurpose: 'Elk doel mag maar één keer voorkomen.',
  },
  en: {
    kvk: 'A KvK number has 8 digits.',
    vat: 'Not a valid Dutch VAT number; it looks like NL123456789B01.',
    iban: 'Not a valid IBAN; check the digits.',
    postcode: 'A Dutch postcode has 4 digits and 2 letters, like 1234 AB.',
    email: 'Not a valid e-mail address.',
    phone: 'Not a valid phone number.',
    website: 'Not a valid web address.',
    country: 'Use a two-letter country code such as NL.',
    currency: 'Use a three-letter currency code such as EUR.',
    color: 'Use a colour like #1F5FBF.',
    date: 'Use a date like 2026-12-31.',
    datetime: 'Use a moment like 2026-12-31T09:30:00Z.',
    organizationRequired: 'An organization needs a name.',
    personRequired: 'A person needs a last name.',
    wrongPartForKind: 'This does not belong to this kind of relation.',
    addressLine: 'Enter a street and house number, or a PO box.',
    poBoxPostalOnly: 'A PO box can only be a postal address.',
    duplicatePurpose: 'Each purpose may appear only once.',
  },
};

/** The subset of a zod issue that `issueMessage` reads (zod's own issue types are wider). */
export interface IssueLike {
  code: string;
  message: string;
  input?: unknown;
  expected?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  origin?: unknown;
  values?: readonly unknown[];
  keys?: readonly string[];
}

const generic = {
  nl: {
    required: 'Dit veld is verplicht.',
    type: (expected: string) => `Verwacht: ${expected === 'number' ? 'een getal' : expected === 'string' ? 'tekst' : expected}.`,
    empty: 'Mag niet leeg zijn.',
    tooShort: (n: string) => `Minstens ${n} tekens.`,
    tooLong: (n: string) => `Hoogstens ${n} tekens.`,
    tooSmall: (n: string) => `Minstens ${n}.`,
    tooBig: (n: string) => `Hoogstens ${n}.`,
    tooFew: (n: string) => `Minstens ${n} items.`,
    tooMany: (n: string) => `Hoogstens ${n} items.`,
    oneOf: (values: string) => `Kies een van: ${values}.`,
    unknown: (keys: string) => `Onbekend veld: ${keys}.`,
    invalid: 'Ongeldige waarde.',
  },
  en: {
    required: 'This field is required.',
    type: (expected: string) => `Expected ${expected === 'number' ? 'a number' : expected === 'string' ? 'text' : expected}.`,
    empty: 'Must not be empty.',
    tooShort: (n: string) => `At least ${n} characters.`,
    tooLong: (n: string) => `At most ${n} characters.`,
    tooSmall: (n: string) => `At least ${n}.`,
    tooBig: (n: string) => `At most ${n}.`,
    tooFew: (n: string) => `At least ${n} items.`,
    tooMany: (n: string) => `At most ${n} items.`,
    oneOf: (values: string) => `Choose one of: ${values}.`,
    unknown: (keys: string) => `Unknown field: ${keys}.`,
    invalid: 'Invalid value.',
  },
} satisfies Record<Locale, unknown>;

export function isRuleCode(message: string): message is RuleCode {
  return message in rules.en;
}

/** One sentence, in `locale`, that tells the user what is wrong with a field and how to get it right. */
export function issueMessage(issue: IssueLike, locale: Locale): string {
  const text = generic[locale];
  if (isRuleCode(issue.message)) return rules[locale][issue.message];
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? text.required : text.type(String(issue.expected));
    case 'too_small': {
      const n = String(issue.minimum);
      if (issue.origin === 'string') return n === '1' ? text.empty : text.tooShort(n);
      return issue.origin === 'array' ? text.tooFew(n) : text.tooSmall(n);
    }
    case 'too_big': {
      const n = String(issue.maximum);
      if (issue.origin === 'string') return text.tooLong(n);
      return issue.origin === 'array' ? text.tooMany(n) : text.tooBig(n);
    }
    case 'invalid_value':
      return text.oneOf((issue.values ?? []).map(String).join(', '));
    case 'unrecognized_keys':
      return text.unknown((issue.keys ?? []).join(', '));
    default:
      return text.invalid;
  }
}
