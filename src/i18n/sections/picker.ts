import type { Section } from '../messages.js';
import type { RelationKind } from '../../contract/schemas/relation.js';

/** The words of <relation-picker>, in every language. */
export interface PickerMessages {
  /** The picker's accessible name when the host gives none: by the kind of relation it offers. */
  label: (kind: RelationKind | undefined) => string;
  placeholder: string;
  /** The list of matches. */
  results: string;
  /** A relation's number, as shown beside its name. */
  number: (n: number) => string;
  debtorNumber: (n: number) => string;
  /** Read after typing: how many relations match (the list shows the first `shown`). */
  found: (n: number, shown: number) => string;
  none: string;
  /** The browser's validity message of a required picker left empty. */
  required: string;
  /** Read with the field once a relation is chosen. */
  chosen: (name: string, number: number) => string;
}

export const picker: Section<PickerMessages> = {
  nl: {
    label: (kind) => (kind === 'person' ? 'Persoon' : kind === 'organization' ? 'Organisatie' : 'Relatie'),
    placeholder: 'Zoek op naam, nummer of plaats',
    results: 'Gevonden relaties',
    number: (n) => `nr. ${n}`,
    debtorNumber: (n) => `deb. ${n}`,
    found: (n, shown) =>
      n === 0 ? 'Geen relaties gevonden' : n === 1 ? '1 relatie gevonden' : n > shown ? `${n} relaties gevonden, de eerste ${shown} getoond` : `${n} relaties gevonden`,
    none: 'Geen relaties gevonden',
    required: 'Kies een relatie.',
    chosen: (name, number) => `Gekozen: ${name}, nr. ${number}`,
  },
  en: {
    label: (kind) => (kind === 'person' ? 'Person' : kind === 'organization' ? 'Organization' : 'Relation'),
    placeholder: 'Search by name, number or city',
    results: 'Relations found',
    number: (n) => `no. ${n}`,
    debtorNumber: (n) => `debtor ${n}`,
    found: (n, shown) =>
      n === 0 ? 'No relations found' : n === 1 ? '1 relation found' : n > shown ? `${n} relations found, showing the first ${shown}` : `${n} relations found`,
    none: 'No relations found',
    required: 'Choose a relation.',
    chosen: (name, number) => `Chosen: ${name}, no. ${number}`,
  },
};
