import {
  AddressCreate,
  AddressPatch,
  AddressRules,
  addressPurposes,
  isCountry,
  isPostcode,
  normalizePostcode,
  type Address,
} from '../../../contract/index.js';
import type { Locale } from '../../../i18n/messages.js';
import { countryName } from '../../../format/address.js';
import type { FieldValues } from '../../controllers/edit-form.js';
import { textOrNull } from '../fields/fields.js';

/*
 * An address as its form holds it, and back: the form's values by field, the body a save sends, and the
 * contract's check of that body. `kind` is the form's own choice between a street address and a PO box;
 * it is not sent, it decides which of the two a save clears.
 */

export { addressPurposes };

/** The fields a save may send, in the contract's names. */
const sent = ['purposes', 'poBox', 'street', 'houseNumber', 'houseNumberAddition', 'postalCode', 'city', 'country', 'email', 'phone'] as const;
const streetFields = ['street', 'houseNumber', 'houseNumberAddition'] as const;

export function readAddress(address: Address | undefined): FieldValues {
  return {
    purposes: address?.purposes ?? ['postal'],
    kind: address?.poBox ? 'poBox' : 'street',
    poBox: address?.poBox ?? '',
    street: address?.street ?? '',
    houseNumber: address?.houseNumber ?? '',
    houseNumberAddition: address?.houseNumberAddition ?? '',
    postalCode: address?.postalCode ?? '',
    city: address?.city ?? '',
    country: address?.country ?? 'NL',
    email: address?.email ?? '',
    phone: address?.phone ?? '',
  };
}

/** A Dutch postcode as it is printed (`1234 AB`); other countries' postcodes as typed. */
export function postcodeFor(value: string, country: string): string {
  return country === 'NL' ? normalizePostcode(value) : value.trim();
}

function valueOf(field: (typeof sent)[number], values: FieldValues): unknown {
  const poBox = values['kind'] === 'poBox';
  if (field === 'purposes') return [...((values['purposes'] ?? []) as readonly string[])];
  if (field === 'country') return String(values['country'] ?? 'NL');
  if (field === 'poBox') return poBox ? textOrNull(values['poBox']) : null;
  if ((streetFields as readonly string[]).includes(field) && poBox) return null;
  const text = textOrNull(values[field]);
  if (field === 'postalCode' && text) return postcodeFor(text, String(values['country'] ?? 'NL'));
  return text;
}

/**
 * The body of a save: every field for a new address; for an existing one the changed fields, and when the
 * street/PO box choice changed, the fields of both, so the one given up is cleared.
 */
export function addressBody(values: FieldValues, changed: readonly string[], entity: Address | undefined): Record<string, unknown> {
  const fields = new Set<string>(entity ? changed : sent);
  if (fields.has('kind')) for (const field of ['poBox', ...streetFields]) fields.add(field);
  const body: Record<string, unknown> = {};
  for (const field of sent) {
    if (!fields.has(field)) continue;
    const value = valueOf(field, values);
    if (!entity && (value === null || value === undefined)) continue;
    body[field] = value;
  }
  return body;
}

/** What the edit-form controller reads of a check: zod's issues, each with its field path. */
export interface AddressCheck {
  success: boolean;
  error?: { issues: readonly { path: PropertyKey[]; code: string; message: string }[] };
}

/**
 * The contract's check: `AddressCreate` for a new address; for a change, `AddressPatch` on what is sent and
 * `AddressRules` on the address as it would be after it, so rules across fields show as the user types.
 */
export function checkAddress(body: Record<string, unknown>, entity: Address | undefined): AddressCheck {
  if (!entity) return AddressCreate.safeParse(body);
  const { id: _id, relationId: _relationId, version: _version, ...current } = entity;
  const patch = AddressPatch.safeParse(body);
  const whole = AddressRules.safeParse({ ...current, ...body });
  const issues = [...(patch.error?.issues ?? []), ...(whole.error?.issues ?? [])];
  return issues.length > 0 ? { success: false, error: { issues } } : { success: true };
}

/** Whether postcode and house number are complete enough to look the address up. */
export function canLookUp(values: FieldValues): boolean {
  return values['kind'] !== 'poBox' && values['country'] === 'NL' && isPostcode(String(values['postalCode'] ?? '')) && /^\d+$/.test(String(values['houseNumber'] ?? '').trim());
}

/** Every ISO 3166-1 code the contract accepts, as the contract's own rule tells them apart. */
const countryCodes: string[] = [];
for (let a = 65; a <= 90; a++) {
  for (let b = 65; b <= 90; b++) {
    const code = String.fromCharCode(a, b);
    if (isCountry(code)) countryCodes.push(code);
  }
}

const countryChoices = new Map<Locale, (readonly [string, string])[]>();

/** The countries as code and name in the locale, by name; the Netherlands and its neighbours first. */
export function countriesIn(locale: Locale): readonly (readonly [string, string])[] {
  let choices = countryChoices.get(locale);
  if (!choices) {
    const first = ['NL', 'BE', 'DE'];
    const collator = new Intl.Collator(locale);
    const rest = countryCodes
      .filter((code) => !first.includes(code))
      .map((code) => [code, countryName(code, locale)] as const)
      .sort((x, y) => collator.compare(x[1], y[1]));
    choices = [...first.map((code) => [code, countryName(code, locale)] as const), ...rest];
    countryChoices.set(locale, choices);
  }
  return choices;
}
