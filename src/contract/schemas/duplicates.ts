import * as z from 'zod/mini';
import { id } from './fields.js';
import { Relation, RelationKind } from './relation.js';

/** Why a relation may be the one being entered: a registry number, bank account or e-mail equal, or a similar name. */
export const duplicateReasons = ['kvkNumber', 'vatNumber', 'iban', 'email', 'name'] as const;
export const DuplicateReason = z.enum(duplicateReasons);

/**
 * Text as it is being typed: anything up to a sane length, not yet checked against its rule (a KvK number of
 * five digits is a draft too). What is not (yet) a valid value simply matches nothing exactly.
 */
const typed = (max: number) => z.optional(z.nullable(z.string().check(z.maxLength(max))));

/** The relation being entered or edited, as far as it is filled in; every field may be left out. */
export const DuplicateDraft = z.strictObject({
  kind: z.optional(RelationKind),
  organization: z.optional(z.nullable(z.strictObject({ name: typed(300), kvkNumber: typed(30), vatNumber: typed(30) }))),
  /** A person's name parts; `initials` stand in for a missing first name when names are compared. */
  person: z.optional(z.nullable(z.strictObject({ firstName: typed(150), initials: typed(20), infix: typed(30), lastName: typed(150) }))),
  email: typed(300),
  iban: typed(60),
  /** The relation being edited, which is no duplicate of itself. */
  excludeId: z.optional(id),
});

/** A relation that may be the same as the draft, with why and how sure (1 for an equal key). */
export const DuplicateCandidate = z.object({
  relation: Relation,
  reasons: z.array(DuplicateReason).check(z.minLength(1)),
  score: z.number().check(z.gte(0), z.lte(1)),
});

export const DuplicateCandidates = z.object({ items: z.array(DuplicateCandidate) });

/** Two relations, by id, lowest relation number first. */
const pairOfIds = z.array(id).check(z.minLength(2), z.maxLength(2));

/** Two relations of the tenant that are likely the same one, with why and how sure. */
export const DuplicatePair = z.object({
  relationIds: pairOfIds,
  reasons: z.array(DuplicateReason).check(z.minLength(1)),
  score: z.number().check(z.gte(0), z.lte(1)),
});

export const DuplicatePairPage = z.object({ items: z.array(DuplicatePair), nextCursor: z.nullable(z.string()) });

/** A pair someone judged not to be a duplicate: never listed again. */
export const DuplicateDismissal = z.strictObject({ relationIds: pairOfIds });

/** The fields whose value a merge may take from the other relation instead of the one that stays. */
export const mergeableFields = [
  'organization.name', 'organization.kvkNumber', 'organization.vatNumber', 'organization.website', 'person.salutation',
  'person.initials', 'person.firstName', 'person.infix', 'person.lastName', 'email', 'phone', 'iban',
] as const;
export const MergeableField = z.enum(mergeableFields);

/** Merge `otherId` into the relation of the path: `fields` take the other's value; everything it has moves. */
export const MergeRequest = z.strictObject({
  otherId: id,
  fields: z.optional(z.array(MergeableField).check(z.maxLength(mergeableFields.length))),
});

export type DuplicateReason = z.infer<typeof DuplicateReason>;
export type DuplicateDraft = z.input<typeof DuplicateDraft>;
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;
export type DuplicateCandidates = z.infer<typeof DuplicateCandidates>;
export type DuplicatePair = z.infer<typeof DuplicatePair>;
export type DuplicatePairPage = z.infer<typeof DuplicatePairPage>;
export type MergeableField = z.infer<typeof MergeableField>;
export type MergeRequest = z.input<typeof MergeRequest>;
