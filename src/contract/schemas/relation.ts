import * as z from 'zod/mini';
import { email, iban, id, kvkNumber, optionalText, page, phone, text, timestamp, vatNumber, version, website } from './fields.js';

export const relationKinds = ['organization', 'person'] as const;
export const relationStatuses = ['lead', 'active', 'archived'] as const;
export const relationRoles = ['debtor', 'creditor'] as const;

export const RelationKind = z.enum(relationKinds);
export const RelationStatus = z.enum(relationStatuses);

export const Organization = z.object({
  name: text(200),
  kvkNumber: z.nullable(kvkNumber),
  vatNumber: z.nullable(vatNumber),
  website: z.nullable(website),
});

export const Person = z.object({
  salutation: optionalText(20),
  initials: optionalText(20),
  firstName: optionalText(100),
  infix: optionalText(20),
  lastName: text(100),
});

/** A role the relation has, with the number the backend gave it for that role. */
const RoleNumber = z.object({ number: z.int().check(z.positive()) });

/** Per module (`quotes`, `invoices`, …), the relation's value for each preference that module declares. */
export const PreferenceValue = z.nullable(z.union([z.string(), z.number(), z.boolean()]));
export const Preferences = z.record(z.string(), z.record(z.string(), PreferenceValue));

export const Relation = z.object({
  id,
  number: z.int().check(z.positive()),
  kind: RelationKind,
  status: RelationStatus,
  displayName: z.string(),
  debtor: z.nullable(RoleNumber),
  creditor: z.nullable(RoleNumber),
  organization: z.nullable(Organization),
  person: z.nullable(Person),
  email: z.nullable(email),
  phone: z.nullable(phone),
  iban: z.nullable(iban),
  city: z.nullable(z.string()),
  labelIds: z.array(id),
  preferences: Preferences,
  /** Set on a relation merged into another (`mergeRelations`): the one that holds its data now. */
  mergedInto: z.optional(id),
  createdAt: timestamp,
  updatedAt: timestamp,
  version,
});

/** `{}` asks the backend for the role's next number; `null` ends the role (its number is kept for it). */
const RoleRequest = z.nullable(z.strictObject({}));

const writable = {
  status: z.optional(z.enum(['lead', 'active', 'archived'])),
  debtor: z.optional(RoleRequest),
  creditor: z.optional(RoleRequest),
  email: z.optional(z.nullable(email)),
  phone: z.optional(z.nullable(phone)),
  iban: z.optional(z.nullable(iban)),
  labelIds: z.optional(z.array(id).check(z.maxLength(100))),
  preferences: z.optional(Preferences),
};

const OrganizationInput = z.strictObject({
  name: text(200),
  kvkNumber: z.optional(z.nullable(kvkNumber)),
  vatNumber: z.optional(z.nullable(vatNumber)),
  website: z.optional(z.nullable(website)),
});

const PersonInput = z.strictObject({
  salutation: z.optional(optionalText(20)),
  initials: z.optional(optionalText(20)),
  firstName: z.optional(optionalText(100)),
  infix: z.optional(optionalText(20)),
  lastName: text(100),
});

/** A new relation: an organization with `organization`, or a person with `person`, never both. */
export const RelationCreate = z
  .strictObject({
    kind: RelationKind,
    organization: z.optional(z.nullable(OrganizationInput)),
    person: z.optional(z.nullable(PersonInput)),
    ...writable,
  })
  .check(
    z.superRefine((value, ctx) => {
      const own = value.kind === 'organization' ? 'organization' : 'person';
      const other = value.kind === 'organization' ? 'person' : 'organization';
      if (!value[own]) {
        ctx.addIssue({ code: 'custom', path: [own], message: `${own}Required`, input: value[own] });
      }
      if (value[other]) ctx.addIssue({ code: 'custom', path: [other], message: 'wrongPartForKind', input: value[other] });
    }),
  );

/**
 * A change to a relation, as a JSON merge patch: fields left out stay as they are; within `organization`,
 * `person` and `preferences` only the fields sent change. The kind of a relation never changes.
 */
export const RelationPatch = z.strictObject({
  organization: z.optional(z.partial(OrganizationInput)),
  person: z.optional(z.partial(PersonInput)),
  ...writable,
});

/** Sort orders of `listRelations`: a field, descending with a leading `-`. Relations without a value come last. */
export const relationSorts = [
  'name', '-name', 'number', '-number', 'kind', '-kind', 'debtorNumber', '-debtorNumber', 'creditorNumber',
  '-creditorNumber', 'city', '-city', 'email', '-email', 'phone', '-phone', 'updatedAt', '-updatedAt',
] as const;

export const RelationPage = page(Relation);

export type Relation = z.infer<typeof Relation>;
export type RelationCreate = z.input<typeof RelationCreate>;
export type RelationPatch = z.input<typeof RelationPatch>;
export type RelationKind = z.infer<typeof RelationKind>;
export type RelationStatus = z.infer<typeof RelationStatus>;
export type RelationRole = (typeof relationRoles)[number];
export type RelationSort = (typeof relationSorts)[number];
export type Preferences = z.infer<typeof Preferences>;
