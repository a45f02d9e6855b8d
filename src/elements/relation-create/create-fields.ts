import { RelationCreate, type DuplicateDraft, type Relation, type RelationKind } from '../../contract/index.js';
import type { EditFormOptions, FieldValues } from '../controllers/edit-form.js';
import { textOrNull } from '../internal/fields/fields.js';

/** The fields of a new relation of each kind: the required one first, the rest behind "more details". */
export const createPaths = {
  organization: { first: ['organization.name', 'organization.kvkNumber', 'email', 'phone'], more: ['organization.vatNumber', 'organization.website', 'iban'] },
  person: {
    first: ['person.lastName', 'person.initials', 'person.firstName', 'person.infix', 'email', 'phone'],
    more: ['person.salutation', 'iban'],
  },
} as const;

const nameOf = { organization: 'organization.name', person: 'person.lastName' } as const;

/** An empty form for a new relation of `kind`, optionally a lead. */
export function emptyCreate(kind: RelationKind, lead: boolean): FieldValues {
  const values: FieldValues = { kind, lead };
  for (const path of [...createPaths[kind].first, ...createPaths[kind].more]) values[path] = '';
  return values;
}

/** The body of `createRelation` for what the form holds: only the fields of the chosen kind, blanks left out. */
export function createBody(values: FieldValues): Record<string, unknown> {
  const kind = values['kind'] === 'person' ? 'person' : 'organization';
  const part: Record<string, unknown> = {};
  const body: Record<string, unknown> = { kind, [kind]: part };
  if (values['lead'] === true) body['status'] = 'lead';
  for (const path of [...createPaths[kind].first, ...createPaths[kind].more]) {
    const [group, key] = path.includes('.') ? path.split('.') : [undefined, path];
    const value = path === nameOf[kind] ? String(values[path] ?? '').trim() : textOrNull(values[path]);
    if (value === null) continue;
    if (group) part[key!] = value;
    else body[path] = value;
  }
  return body;
}

export const checkCreate: EditFormOptions<Relation>['check'] = (body) => RelationCreate.safeParse(body);

/** What `findDuplicates` compares, from the form as typed so far. */
export function duplicateDraft(values: FieldValues): DuplicateDraft {
  const text = (path: string) => textOrNull(values[path]) ?? undefined;
  const kind = values['kind'] === 'person' ? 'person' : 'organization';
  return kind === 'organization'
    ? { kind, organization: { name: text('organization.name'), kvkNumber: text('organization.kvkNumber'), vatNumber: text('organization.vatNumber') }, email: text('email'), iban: text('iban') }
    : { kind, person: { firstName: text('person.firstName'), initials: text('person.initials'), infix: text('person.infix'), lastName: text('person.lastName') }, email: text('email'), iban: text('iban') };
}
