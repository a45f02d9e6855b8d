import { RelationPatch, type Relation } from '../../../contract/index.js';
import type { CardMessages } from '../../../i18n/sections/card.js';
import type { EditFormOptions, FieldValues } from '../../controllers/edit-form.js';
import { textOrNull } from '../fields/fields.js';
import { patchOf } from '../../controllers/patch-paths.js';

/** The editable details of each kind of relation, by dotted path, in the order the form shows them. */
export const detailPaths = {
  organization: ['organization.name', 'organization.kvkNumber', 'organization.vatNumber', 'organization.website', 'email', 'phone', 'iban'],
  person: ['person.salutation', 'person.initials', 'person.firstName', 'person.infix', 'person.lastName', 'email', 'phone', 'iban'],
} as const;

/** Fields a relation cannot do without: sent as typed (so an empty one is named), never as null. */
const required = new Set(['organization.name', 'person.lastName']);

/** The relation's details as the form shows them: text, empty for a value it does not have. */
export function readDetails(relation: Relation | undefined): FieldValues {
  if (!relation) return {};
  const values: FieldValues = {};
  for (const path of detailPaths[relation.kind]) {
    const [group, key] = path.includes('.') ? path.split('.') : [undefined, path];
    const source = (group ? relation[group as 'organization' | 'person'] : relation) as Record<string, unknown> | null;
    const value = source?.[key!];
    values[path] = typeof value === 'string' ? value : '';
  }
  return values;
}

/** A merge patch of the changed details. */
export function detailsPatch(values: FieldValues, changed: readonly string[]): Record<string, unknown> {
  return patchOf(changed.map((path) => [path, required.has(path) ? String(values[path] ?? '').trim() : textOrNull(values[path])]));
}

export const checkDetails: EditFormOptions<Relation>['check'] = (body) => RelationPatch.safeParse(body);

/** A field's label for a dotted path of a relation (also for conflicts on labels, status and roles). */
export function relationFieldLabel(m: CardMessages, path: string): string {
  const key = path.split('.').at(-1)!;
  const fields = m.fields as Record<string, string>;
  if (key in fields) return fields[key]!;
  if (path === 'status') return m.statusField;
  if (path === 'debtor') return m.debtorNumber;
  if (path === 'creditor') return m.creditorNumber;
  if (path === 'labelIds') return m.labels;
  return path;
}
