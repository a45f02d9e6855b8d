import type { Address } from '../contract/index.js';
import { messagesFor } from '../i18n/catalogue.js';
import type { Locale } from '../i18n/messages.js';

/*
 * One way to write an address, for every place that shows or exports one (CSV, address labels, the card).
 *
 * House number and addition are written with a space between them ("Hoofdstraat 1 A", "Kade 12 bis"), as
 * PostNL allows and as the addition is stored apart: one style everywhere, whatever the addition holds.
 * Words and country names follow the reader's locale ("Postbus 45" / "PO Box 45"), as the UPU asks of the
 * country line: written in the sender's language. Postcode and city stay as the address's country writes them.
 */

/** The country every address is relative to: no country line for it on a label. */
const home = 'NL';

const countryNames = new Map<Locale, { names: Intl.DisplayNames; known: Map<string, string> }>();

/** A country's name in the locale ("België" / "Belgium"); the code itself for a code Intl does not know. */
export function countryName(code: string, locale: Locale): string {
  let inLocale = countryNames.get(locale);
  if (!inLocale) {
    inLocale = { names: new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }), known: new Map() };
    countryNames.set(locale, inLocale);
  }
  // Each name once: an export of 100,000 addresses asks for the same few countries over and over.
  let name = inLocale.known.get(code);
  if (name === undefined) inLocale.known.set(code, (name = inLocale.names.of(code) ?? code));
  return name;
}

/** The first line: street, number and addition, or the PO box. */
export function streetLine(address: Address, locale: Locale): string {
  if (address.poBox) return messagesFor(locale).address.poBox(address.poBox);
  // Concatenated rather than filtered and joined: an export writes this 100,000 times.
  let line = address.street ?? '';
  if (address.houseNumber) line = line ? `${line} ${address.houseNumber}` : address.houseNumber;
  if (address.houseNumberAddition) line = line ? `${line} ${address.houseNumberAddition}` : address.houseNumberAddition;
  return line;
}

/**
 * The lines of an envelope or sticker: street, then postcode and city, then the country when it is not
 * the home country. Dutch post reads two spaces between postcode and a capitalised city; abroad the city
 * is written as given and the country line in capitals.
 */
export function envelopeLines(address: Address, locale: Locale): string[] {
  const street = streetLine(address, locale);
  if (address.country === home) return [street, `${address.postalCode ?? ''}  ${(address.city ?? '').toUpperCase()}`.trim()];
  return [street, `${address.postalCode ?? ''} ${address.city ?? ''}`.trim(), countryName(address.country, locale).toUpperCase()];
}

/** The address as separate fields, for a spreadsheet: street line, postcode, city, country name. */
export function addressFields(address: Address | undefined, locale: Locale): [street: string, postcode: string, city: string, country: string] {
  if (!address) return ['', '', '', ''];
  return [streetLine(address, locale), address.postalCode ?? '', address.city ?? '', countryName(address.country, locale)];
}

/**
 * The address that post for a relation goes to: the invoice address when asked for and present, else the
 * postal address (a PO box when that is how it receives post), else the visiting address.
 */
export function mailingAddress(addresses: readonly Address[] | undefined, use: 'postal' | 'invoice' = 'postal'): Address | undefined {
  const pick = (purpose: Address['purposes'][number]) => addresses?.find((a) => a.purposes.includes(purpose));
  return (use === 'invoice' ? pick('invoice') : undefined) ?? pick('postal') ?? pick('visiting');
}
