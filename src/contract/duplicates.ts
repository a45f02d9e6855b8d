import { foldText } from './relation-search.js';
import { isEmail } from './rules/email.js';
import { isIban, normalizeIban } from './rules/iban.js';
import { isKvk, normalizeKvk } from './rules/kvk.js';
import { isVat, normalizeVat } from './rules/vat.js';
import type { DuplicateDraft, DuplicateReason } from './schemas/duplicates.js';
import type { Relation } from './schemas/relation.js';

/*
 * What `findDuplicates` compares, defined once. The reference backend compares these values in SQL; the
 * browser's store compares the same values in its cache while offline, so both name the same relations with
 * the same reasons.
 */

/** The reasons that are an equal key rather than a similar name, in the order candidates list them. */
export const exactDuplicateReasons = ['kvkNumber', 'vatNumber', 'iban', 'email'] as const satisfies readonly DuplicateReason[];
export type ExactDuplicateReason = (typeof exactDuplicateReasons)[number];

/** The normalised keys of a relation or draft; a key is absent when its value is empty or not (yet) valid. */
export type DuplicateKeys = Partial<Record<ExactDuplicateReason, string>>;

/**
 * Each exact key as it compares: KvK without spaces and dots, VAT as `NL123456789B01`, IBAN in electronic
 * form, e-mail trimmed and in lower case. A value that breaks its rule is no key: a half-typed number
 * matches nothing.
 */
export const duplicateKey: Readonly<Record<ExactDuplicateReason, (value: string | null | undefined) => string | null>> = {
  kvkNumber: (value) => (value && isKvk(value) ? normalizeKvk(value) : null),
  vatNumber: (value) => (value && isVat(value) ? normalizeVat(value) : null),
  iban: (value) => (value && isIban(value) ? normalizeIban(value) : null),
  email: (value) => (value && isEmail(value) ? value.trim().toLowerCase() : null),
};

function keys(values: Record<ExactDuplicateReason, string | null | undefined>): DuplicateKeys {
  const result: DuplicateKeys = {};
  for (const reason of exactDuplicateReasons) {
    const key = duplicateKey[reason](values[reason]);
    if (key !== null) result[reason] = key;
  }
  return result;
}

export function draftDuplicateKeys(draft: DuplicateDraft): DuplicateKeys {
  return keys({
    kvkNumber: draft.organization?.kvkNumber,
    vatNumber: draft.organization?.vatNumber,
    iban: draft.iban,
    email: draft.email,
  });
}

export function relationDuplicateKeys(relation: Relation): DuplicateKeys {
  return keys({
    kvkNumber: relation.organization?.kvkNumber,
    vatNumber: relation.organization?.vatNumber,
    iban: relation.iban,
    email: relation.email,
  });
}

/** The exact keys two sides share, in `exactDuplicateReasons` order. */
export function sharedDuplicateKeys(draft: DuplicateKeys, relation: DuplicateKeys): ExactDuplicateReason[] {
  return exactDuplicateReasons.filter((reason) => draft[reason] !== undefined && draft[reason] === relation[reason]);
}

type Text = string | null | undefined;

/**
 * The name as names are compared (by trigram similarity on the reference backend): folded (case and
 * accents ignored), an organization's name, a person's first name (else initials), infix and last name.
 * Empty when none.
 */
export function duplicateName(parts: {
  kind?: 'organization' | 'person' | undefined;
  organization?: { name?: Text } | null | undefined;
  person?: { firstName?: Text; initials?: Text; infix?: Text; lastName?: Text } | null | undefined;
}): string {
  const person = parts.person;
  const text = parts.kind === 'person' || (!parts.kind && !parts.organization?.name)
    ? [person?.firstName || person?.initials, person?.infix, person?.lastName].filter(Boolean).join(' ')
    : (parts.organization?.name ?? '');
  return foldText(text.replace(/\s+/g, ' ').trim());
}

/** How similar a name must be (trigram similarity, 0..1) to name a candidate. */
export const duplicateNameThreshold = 0.55;
/** At most this many candidates, best first. */
export const duplicateLimit = 10;
/** Names shorter than this (folded) are not compared: two letters are similar to too much. */
export const duplicateNameMinLength = 3;
