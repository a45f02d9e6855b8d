import type { FieldChange } from '../../contract/index.js';
import type { HistoryMessages } from '../../i18n/sections/history.js';

/** What a history's values refer to by id (labels, the relations an affiliation links), by name. */
export type Names = ReadonlyMap<string, string>;

/** The ids a change's values name: label ids, and the relations of an affiliation. */
export function namedIds(change: FieldChange): string[] {
  if (!['labelIds', 'personId', 'organizationId', 'mergedInto'].includes(change.field)) return [];
  return [change.old, change.new].flat().filter((value): value is string => typeof value === 'string');
}

/** A field's name in the user's language; a module preference, or a field this version does not know, by its path. */
export function fieldName(field: string, m: HistoryMessages): string {
  if (field.startsWith('preferences.')) return m.preference(field.slice('preferences.'.length));
  return m.fields[field] ?? field;
}

/** Whether a value is none at all: absent, empty text or an empty list. */
export const isEmptyValue = (value: unknown): boolean =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** A value as text: empty, yes or no, a code in words, an id by its name, a list joined. */
export function valueText(value: unknown, m: HistoryMessages, names: Names): string {
  if (value === null || value === undefined || value === '') return m.none;
  if (Array.isArray(value)) return value.length ? value.map((item) => valueText(item, m, names)).join(', ') : m.none;
  if (typeof value === 'boolean') return value ? m.yes : m.no;
  if (typeof value === 'string') return names.get(value) ?? m.values[value] ?? value;
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}
