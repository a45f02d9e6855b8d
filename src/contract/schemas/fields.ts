import * as z from 'zod/mini';
import type { RuleCode } from '../messages.js';
import { isCountry } from '../rules/country.js';
import { isCurrency } from '../rules/currency.js';
import { isEmail } from '../rules/email.js';
import { isIban, normalizeIban } from '../rules/iban.js';
import { isKvk, normalizeKvk } from '../rules/kvk.js';
import { isPhone } from '../rules/phone.js';
import { isPostcode, normalizePostcode } from '../rules/postcode.js';
import { isVat, normalizeVat } from '../rules/vat.js';
import { isWebsite, normalizeWebsite } from '../rules/website.js';

/*
 * Field types shared by every resource. Each normalises what people type (spaces, case) before it checks,
 * so the browser and the server store the same canonical value and report the same rule.
 */

const rule = (check: (value: string) => boolean, code: RuleCode) => z.refine<string>(check, code);

export const id = z.string().check(z.minLength(1), z.maxLength(64));
export const version = z.int().check(z.nonnegative());
export const timestamp = z.iso.datetime({ message: 'datetime' });
export const date = z.iso.date({ message: 'date' });

/** Text a person typed, trimmed, with a required first character. */
export const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
/** Text that may be left out (`null`); what is sent is trimmed. */
export const optionalText = (max: number) => z.nullable(z.string().check(z.trim(), z.maxLength(max)));

export const kvkNumber = z.string().check(z.overwrite(normalizeKvk), rule(isKvk, 'kvk'));
export const vatNumber = z.string().check(z.overwrite(normalizeVat), rule(isVat, 'vat'));
export const iban = z.string().check(z.overwrite(normalizeIban), rule(isIban, 'iban'));
export const postcode = z.string().check(z.overwrite(normalizePostcode), rule(isPostcode, 'postcode'));
export const email = z.string().check(z.trim(), z.maxLength(254), rule(isEmail, 'email'));
export const phone = z.string().check(z.trim(), z.maxLength(30), rule(isPhone, 'phone'));
export const website = z.string().check(z.overwrite(normalizeWebsite), z.maxLength(500), rule(isWebsite, 'website'));
export const country = z.string().check(z.trim(), z.toUpperCase(), rule(isCountry, 'country'));
export const currency = z.string().check(z.trim(), z.toUpperCase(), rule(isCurrency, 'currency'));
export const color = z.string().check(z.trim(), z.toLowerCase(), rule((v) => /^#[0-9a-f]{6}$/.test(v), 'color'));

/** A page of a list: keyset pagination, `nextCursor` is null on the last page. */
export const page = <T extends z.core.$ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });

/** A query parameter holding a whole number (query strings carry only text). */
export const intParam = (min: number, max: number) =>
  z.pipe(
    z.string().check(z.regex(/^\d+$/)),
    z.pipe(z.transform((v: string) => Number(v)), z.int().check(z.gte(min), z.lte(max))),
  );

/** A query parameter holding a comma-separated list, e.g. `labelIds=a,b,c`. */
export const listParam = <T extends z.core.$ZodType<unknown, string>>(item: T) =>
  z.pipe(
    z.string(),
    z.pipe(
      z.transform((v: string) => v.split(',').map((part) => part.trim()).filter(Boolean)),
      z.array(item).check(z.maxLength(100)),
    ),
  );
