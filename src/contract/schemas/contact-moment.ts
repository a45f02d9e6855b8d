import * as z from 'zod/mini';
import { date, id, text, timestamp, version } from './fields.js';

export const contactMomentKinds = ['call', 'meeting', 'visit', 'email', 'note', 'report'] as const;
export const ContactMomentKind = z.enum(contactMomentKinds);
export const Visibility = z.enum(['team', 'private']);

/** Something agreed during a contact moment, findable later on the organization and the person. */
export const Agreement = z.object({ text: text(500), dueDate: z.nullable(date), done: z.boolean() });

const AgreementInput = z.strictObject({
  text: text(500),
  dueDate: z.optional(z.nullable(date)),
  done: z.optional(z.boolean()),
});

/**
 * A call, meeting, visit, e-mail, note or conversation report about a relation (`relationId`), optionally
 * with one of its contact persons (`personId`); it shows in the logs of both. Private ones only their
 * author sees.
 */
export const ContactMoment = z.object({
  id,
  relationId: id,
  personId: z.nullable(id),
  kind: ContactMomentKind,
  subject: z.string(),
  body: z.string(),
  occurredAt: timestamp,
  agreements: z.array(Agreement),
  visibility: Visibility,
  authorId: id,
  createdAt: timestamp,
  updatedAt: timestamp,
  version,
});

const details = {
  personId: z.optional(z.nullable(id)),
  kind: ContactMomentKind,
  subject: text(200),
  body: z.optional(z.string().check(z.maxLength(20000))),
  occurredAt: z.optional(timestamp),
  agreements: z.optional(z.array(AgreementInput).check(z.maxLength(50))),
  visibility: z.optional(Visibility),
};

export const ContactMomentCreate = z.strictObject({ relationId: id, ...details });
export const ContactMomentPatch = z.partial(z.strictObject(details));

export type ContactMoment = z.infer<typeof ContactMoment>;
export type ContactMomentCreate = z.input<typeof ContactMomentCreate>;
export type ContactMomentPatch = z.input<typeof ContactMomentPatch>;
export type Agreement = z.infer<typeof Agreement>;
export type ContactMomentKind = z.infer<typeof ContactMomentKind>;
