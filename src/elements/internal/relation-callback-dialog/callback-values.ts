import { CallbackRequestCreate, type CallbackRequest, type Relation, type User } from '../../../contract/index.js';
import type { RelationsStore } from '../../../store/index.js';
import type { EditFormOptions, FieldValues } from '../../controllers/edit-form.js';
import { textOrNull } from '../fields/fields.js';

/** A contact person of an organization, with the number to call them on there. */
export interface ContactChoice {
  personId: string;
  name: string;
  phone: string | null;
}

/** What the dialog offers: the relation, whom to ask, and whom to call. */
export interface CallbackChoices {
  relation: Relation | null;
  colleagues: User[];
  contacts: ContactChoice[];
}

/** The relation, the colleagues, and an organization's contact persons with their phone at it (else their own). */
export async function loadChoices(store: RelationsStore, relationId: string): Promise<CallbackChoices> {
  const relation = await store.loadRelation(relationId);
  if (!relation) return { relation: null, colleagues: [], contacts: [] };
  const [colleagues, links] = await Promise.all([
    store.colleagues(),
    relation.kind === 'organization' ? store.affiliationsOf(relation.id) : Promise.resolve([]),
  ]);
  const contacts = await Promise.all(
    links
      .filter((link) => link.organizationId === relation.id)
      .map(async (link): Promise<ContactChoice> => {
        const person = await store.getRelation(link.personId);
        return { personId: link.personId, name: person?.displayName ?? link.personId, phone: link.phone ?? person?.phone ?? null };
      }),
  );
  return { relation, colleagues, contacts };
}

/** The number to offer: the chosen contact person's at the organization, else the relation's own. */
export function phoneFor(choices: CallbackChoices | undefined, personId: string): string {
  const contact = choices?.contacts.find((choice) => choice.personId === personId);
  return contact?.phone ?? choices?.relation?.phone ?? '';
}

/** A datetime-local value (the user's time zone) as the contract's UTC timestamp; unreadable text as typed, for its message. */
function timestamp(local: string): string {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

/** The create body from the form: an empty number and due time are left out as null. */
export function callbackBody(relationId: string, values: FieldValues): Record<string, unknown> {
  const dueAt = textOrNull(values['dueAt']);
  return {
    relationId,
    personId: textOrNull(values['personId']),
    phone: textOrNull(values['phone']),
    message: String(values['message'] ?? '').trim(),
    assigneeId: String(values['assigneeId'] ?? ''),
    dueAt: dueAt === null ? null : timestamp(dueAt),
  };
}

export const checkCallback: EditFormOptions<CallbackRequest>['check'] = (body) => CallbackRequestCreate.safeParse(body);
