import * as z from 'zod/mini';
import { email, id, optionalText, phone, version } from './fields.js';

/** A person's link to an organization, with what is particular to that link: function, e-mail, phone. */
export const Affiliation = z.object({
  id,
  personId: id,
  organizationId: id,
  function: z.nullable(z.string()),
  email: z.nullable(email),
  phone: z.nullable(phone),
  isPrimary: z.boolean(),
  version,
});

const details = {
  function: z.optional(optionalText(100)),
  email: z.optional(z.nullable(email)),
  phone: z.optional(z.nullable(phone)),
  isPrimary: z.optional(z.boolean()),
};

export const AffiliationCreate = z.strictObject({ personId: id, organizationId: id, ...details });
export const AffiliationPatch = z.strictObject(details);

export type Affiliation = z.infer<typeof Affiliation>;
export type AffiliationCreate = z.input<typeof AffiliationCreate>;
export type AffiliationPatch = z.input<typeof AffiliationPatch>;
