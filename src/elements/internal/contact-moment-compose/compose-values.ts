import { ContactMomentCreate, ContactMomentPatch, type ContactMoment, type Relation } from '../../../contract/index.js';
import type { EditFormOptions, FieldValues } from '../../controllers/edit-form.js';

/*
 * A moment in the compose form, by dotted path: kind, subject, body, occurredAt (a datetime-local value in
 * the user's time zone), party (the other relation's id, or ''), visibility, and its agreements as
 * `agreements.<i>.text|dueDate|done`. `agreements` itself lists the rows ('0', '1', ...), so removing a row
 * is a change the form sees; the paths are the contract's, so its messages land beside the right field.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** A moment in time as a datetime-local input shows it: the user's own time zone, to the minute. */
export function localDateTime(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value as the contract's UTC timestamp; what cannot be read is sent as typed, for its message. */
function timestamp(local: string): string {
  const date = new Date(local);
  return local && !Number.isNaN(date.getTime()) ? date.toISOString() : local;
}

/** How many agreement rows the form holds. */
export function agreementRows(values: FieldValues): number {
  const rows = values['agreements'];
  return Array.isArray(rows) ? rows.length : 0;
}

export function readMoment(moment: ContactMoment | undefined, relation: Relation | undefined): FieldValues {
  const values: FieldValues = {
    kind: moment?.kind ?? 'call',
    subject: moment?.subject ?? '',
    body: moment?.body ?? '',
    occurredAt: localDateTime(moment ? new Date(moment.occurredAt) : new Date()),
    party: moment ? partyOf(moment, relation) : '',
    visibility: moment?.visibility ?? 'team',
    agreements: (moment?.agreements ?? []).map((_, i) => String(i)),
  };
  moment?.agreements.forEach((agreement, i) => {
    values[`agreements.${i}.text`] = agreement.text;
    values[`agreements.${i}.dueDate`] = agreement.dueDate ?? '';
    values[`agreements.${i}.done`] = agreement.done;
  });
  return values;
}

/** The other party of a moment as seen from `relation`'s log. */
function partyOf(moment: ContactMoment, relation: Relation | undefined): string {
  return (moment.relationId === relation?.id ? moment.personId : moment.relationId) ?? '';
}

/** The form with one more, empty agreement row. */
export function withAgreement(values: FieldValues): FieldValues {
  const count = agreementRows(values);
  return {
    ...values,
    agreements: [...Array(count + 1).keys()].map(String),
    [`agreements.${count}.text`]: '',
    [`agreements.${count}.dueDate`]: '',
    [`agreements.${count}.done`]: false,
  };
}

/** The form without agreement row `index`; the rows after it move up. */
export function withoutAgreement(values: FieldValues, index: number): FieldValues {
  const count = agreementRows(values);
  const next: FieldValues = { ...values, agreements: [...Array(count - 1).keys()].map(String) };
  for (let i = index; i < count; i++) {
    for (const field of ['text', 'dueDate', 'done']) {
      const from = values[`agreements.${i + 1}.${field}`];
      if (i + 1 < count && from !== undefined) next[`agreements.${i}.${field}`] = from;
      else delete next[`agreements.${i}.${field}`];
    }
  }
  return next;
}

function agreementsOf(values: FieldValues): Record<string, unknown>[] {
  return [...Array(agreementRows(values)).keys()].map((i) => ({
    text: String(values[`agreements.${i}.text`] ?? '').trim(),
    dueDate: (values[`agreements.${i}.dueDate`] as string | undefined) || null,
    done: values[`agreements.${i}.done`] === true,
  }));
}

/**
 * The body to send: a whole create body for a new moment, else the changed fields; changed agreements go
 * as the whole list, as the contract replaces it. The party says who the moment is with: on an
 * organization's log a contact person, on a person's log the organization it was about (then the person
 * is the contact person). Which relation a moment is about is fixed once written.
 */
export function momentBody(relation: Relation, values: FieldValues, changed: readonly string[], moment: ContactMoment | undefined): Record<string, unknown> {
  const has = (path: string) => changed.some((other) => other === path || other.startsWith(`${path}.`));
  const body: Record<string, unknown> = {};
  for (const path of ['kind', 'subject', 'body', 'visibility'] as const) if (has(path)) body[path] = values[path];
  if (typeof body['subject'] === 'string') body['subject'] = body['subject'].trim();
  if (has('occurredAt')) body['occurredAt'] = timestamp(String(values['occurredAt'] ?? ''));
  if (has('agreements')) body['agreements'] = agreementsOf(values);
  const party = String(values['party'] ?? '') || null;
  if (moment) {
    if (has('party') && moment.relationId === relation.id) body['personId'] = party;
    return body;
  }
  const onPerson = relation.kind === 'person';
  return onPerson && party ? { relationId: party, personId: relation.id, ...body } : { relationId: relation.id, personId: onPerson ? null : party, ...body };
}

export const checkCreate: EditFormOptions<ContactMoment>['check'] = (body) => ContactMomentCreate.safeParse(body);
export const checkPatch: EditFormOptions<ContactMoment>['check'] = (body) => ContactMomentPatch.safeParse(body);
