import * as z from 'zod/mini';
import type { Module, PreferenceField, Preferences, Relation } from '../../../contract/index.js';
import { currency } from '../../../contract/schemas/fields.js';
import type { FieldValue, FieldValues } from '../../controllers/edit-form.js';

/*
 * The preferences form as data: which fields, what they show for a relation, what a change sends, and the
 * schema that checks it, all built from the modules' own declarations (`GET /modules`).
 */

/** The longest text preference the reference backend accepts; the contract declares no limit of its own. */
export const preferenceTextMax = 200;

/** The form path of a preference, as the backend names it in a field error too. */
export const pathOf = (module: string, key: string) => `preferences.${module}.${key}`;

/** The check a value of this preference passes, with the contract's rules (currency) and the field's bounds. */
function schemaOf(field: PreferenceField): z.ZodMiniType {
  switch (field.type) {
    case 'integer': {
      const checks = [
        ...(field.min !== undefined ? [z.gte(field.min)] : []),
        ...(field.max !== undefined ? [z.lte(field.max)] : []),
      ];
      return checks.length > 0 ? z.int().check(...checks) : z.int();
    }
    case 'boolean':
      return z.boolean();
    case 'currency':
      return currency;
    case 'text':
      return z.string().check(z.maxLength(preferenceTextMax));
  }
}

/**
 * The schema of `{ preferences: { <module>: { <key>: value } } }` for these modules: each value of its
 * type, or null (back to the module's default). Its issues carry the form's paths.
 */
export function preferencesSchema(modules: readonly Module[]) {
  const shape = Object.fromEntries(
    modules.map((module) => [
      module.key,
      z.optional(z.object(Object.fromEntries(module.preferences.map((field) => [field.key, z.optional(z.nullable(schemaOf(field)))])))),
    ]),
  );
  return z.object({ preferences: z.object(shape) });
}

/** The form's values for a relation: its own value, else empty (the default shows beside it); a checkbox shows the default. */
export function readPreferences(modules: readonly Module[], relation: Relation | undefined): FieldValues {
  const values: FieldValues = {};
  for (const module of modules) {
    for (const field of module.preferences) {
      const own = relation?.preferences[module.key]?.[field.key];
      values[pathOf(module.key, field.key)] =
        field.type === 'boolean' ? (typeof own === 'boolean' ? own : field.default === true) : own === undefined || own === null ? '' : String(own);
    }
  }
  return values;
}

/** What the form sends for one value: empty is null (the module's default again); a whole number as a number. */
function toValue(field: PreferenceField, value: FieldValue | undefined): string | number | boolean | null {
  if (field.type === 'boolean') return value === true;
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return null;
  if (field.type === 'integer') return /^-?\d+$/.test(text) ? Number(text) : text;
  return field.type === 'currency' ? text.toUpperCase() : text;
}

/** The merge patch of the changed fields: only the changed preferences of the changed modules. */
export function preferencesBody(modules: readonly Module[], values: FieldValues, changed: readonly string[]): { preferences: Preferences } {
  const preferences: Preferences = {};
  for (const module of modules) {
    for (const field of module.preferences) {
      const path = pathOf(module.key, field.key);
      if (!changed.includes(path)) continue;
      (preferences[module.key] ??= {})[field.key] = toValue(field, values[path]);
    }
  }
  return { preferences };
}

/** The default as the user reads it: a number in the locale's digits, on/off, or a currency with its name. */
export function defaultText(
  field: PreferenceField,
  locale: string,
  words: { yes: string; no: string; currency: (code: string, name: string) => string },
): string | undefined {
  const value = field.default;
  if (value === null) return undefined;
  if (field.type === 'boolean') return value === true ? words.yes : words.no;
  if (field.type === 'integer' && typeof value === 'number') return new Intl.NumberFormat(locale, { useGrouping: false }).format(value);
  if (field.type === 'currency' && typeof value === 'string') return words.currency(value, currencyName(value, locale));
  return String(value);
}

/** The bounds of a whole-number preference as the user reads them, in the locale's digits; none without bounds. */
export function boundsText(
  field: PreferenceField,
  locale: string,
  words: { between: (min: string, max: string) => string; atLeast: (min: string) => string; atMost: (max: string) => string },
): string | undefined {
  const format = (value: number) => new Intl.NumberFormat(locale, { useGrouping: false }).format(value);
  if (field.min !== undefined && field.max !== undefined) return words.between(format(field.min), format(field.max));
  if (field.min !== undefined) return words.atLeast(format(field.min));
  if (field.max !== undefined) return words.atMost(format(field.max));
  return undefined;
}

/** The name of a currency in the locale (`euro`), or '' when Intl does not know it. */
export function currencyName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'currency', fallback: 'none' }).of(code) ?? '';
  } catch {
    return '';
  }
}
