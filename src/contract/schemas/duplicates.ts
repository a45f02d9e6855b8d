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

export type DuplicateReason = z.infer<typeof DuplicateReason>;
export type DuplicateDraft = z.input<typeof DuplicateDraft>;
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;
export type DuplicateCandidates = z.infer<typeof DuplicateCandidates>;
