import type { DuplicateReason } from '../../contract/index.js';
import type { Section } from '../messages.js';

/** The words of `<relation-duplicates>` and `<relation-merge>`, in every language. */
export interface StewardshipMessages {
  duplicates: {
    label: string;
    loading: string;
    empty: string;
    offline: string;
    error: string;
    retry: string;
    more: string;
    /** Why two relations are likely the same one. */
    reasons: Record<DuplicateReason, string>;
    /** A pair's accessible name: "Bedrijf Uno B.V. (12) en Bedrijf Uno BV (480)". */
    pair: (a: string, b: string) => string;
    dismiss: string;
    dismissed: (a: string, b: string) => string;
    merge: string;
    close: string;
  };
  merge: {
    label: (name: string) => string;
    loading: string;
    /** The column headings. */
    field: string;
    stays: (name: string, number: number) => string;
    goes: (name: string, number: number) => string;
    /** A radio's accessible name: "E-mail: info@uno.nl". */
    choice: (field: string, value: string) => string;
    same: string;
    none: string;
    swap: string;
    explained: (stays: string, goes: string) => string;
    confirm: string;
    working: string;
    done: (goes: string, stays: string) => string;
    membersOnly: string;
    offline: string;
    forbidden: string;
    conflict: string;
    failed: string;
    notFound: string;
  };
}

export const stewardship: Section<StewardshipMessages> = {
  nl: {
    duplicates: {
      label: 'Mogelijke dubbele relaties',
      loading: 'Mogelijke dubbele relaties zoeken…',
      empty: 'Geen mogelijke dubbele relaties gevonden.',
      offline: 'Offline: dubbele relaties zoeken kan alleen online.',
      error: 'De dubbele relaties konden niet worden geladen.',
      retry: 'Opnieuw proberen',
      more: 'Meer laden',
      reasons: { kvkNumber: 'zelfde KvK-nummer', vatNumber: 'zelfde btw-nummer', iban: 'zelfde IBAN', email: 'zelfde e-mail', name: 'zelfde naam' },
      pair: (a, b) => `${a} en ${b}`,
      dismiss: 'Geen dubbele',
      dismissed: (a, b) => `${a} en ${b} worden niet meer als dubbel getoond.`,
      merge: 'Samenvoegen…',
      close: 'Sluiten',
    },
    merge: {
      label: (name) => `Samenvoegen met ${name}`,
      loading: 'Relaties laden…',
      field: 'Veld',
      stays: (name, number) => `${name} (${number}, blijft)`,
      goes: (name, number) => `${name} (${number}, gaat op in de andere)`,
      choice: (field, value) => `${field}: ${value}`,
      same: 'gelijk',
      none: '(leeg)',
      swap: 'Andersom samenvoegen',
      explained: (stays, goes) =>
        `Adressen, koppelingen, contactmomenten, terugbelverzoeken, documenten en labels van ${goes} gaan naar ${stays}. ` +
        `${goes} wordt gearchiveerd en houdt zijn nummer. Dit kan niet ongedaan worden gemaakt.`,
      confirm: 'Samenvoegen',
      working: 'Bezig met samenvoegen…',
      done: (goes, stays) => `${goes} is samengevoegd met ${stays}.`,
      membersOnly: 'Alleen een beheerder kan relaties samenvoegen.',
      offline: 'Geen verbinding: samenvoegen kan alleen online. Er is niets gewijzigd.',
      forbidden: 'Alleen een beheerder mag samenvoegen. Er is niets gewijzigd.',
      conflict: 'Een van beide relaties is intussen al samengevoegd. Er is niets gewijzigd.',
      failed: 'Samenvoegen is mislukt. Er is niets gewijzigd.',
      notFound: 'Een van beide relaties bestaat niet (meer).',
    },
  },
  en: {
    duplicates: {
      label: 'Likely duplicate relations',
      loading: 'Looking for likely duplicates…',
      empty: 'No likely duplicate relations found.',
      offline: 'Offline: looking for duplicates works online only.',
      error: 'The likely duplicates could not be loaded.',
      retry: 'Try again',
      more: 'Load more',
      reasons: { kvkNumber: 'same KvK number', vatNumber: 'same VAT number', iban: 'same IBAN', email: 'same e-mail', name: 'same name' },
      pair: (a, b) => `${a} and ${b}`,
      dismiss: 'Not a duplicate',
      dismissed: (a, b) => `${a} and ${b} are no longer shown as duplicates.`,
      merge: 'Merge…',
      close: 'Close',
    },
    merge: {
      label: (name) => `Merge with ${name}`,
      loading: 'Loading the relations…',
      field: 'Field',
      stays: (name, number) => `${name} (${number}, stays)`,
      goes: (name, number) => `${name} (${number}, merged into the other)`,
      choice: (field, value) => `${field}: ${value}`,
      same: 'same',
      none: '(empty)',
      swap: 'Merge the other way round',
      explained: (stays, goes) =>
        `The addresses, links, contact moments, callback requests, documents and labels of ${goes} move to ${stays}. ` +
        `${goes} is archived and keeps its number. This cannot be undone.`,
      confirm: 'Merge',
      working: 'Merging…',
      done: (goes, stays) => `${goes} has been merged into ${stays}.`,
      membersOnly: 'Only an admin can merge relations.',
      offline: 'No connection: merging works online only. Nothing was changed.',
      forbidden: 'Only an admin may merge. Nothing was changed.',
      conflict: 'One of the two relations was merged meanwhile. Nothing was changed.',
      failed: 'Merging failed. Nothing was changed.',
      notFound: 'One of the two relations does not exist (any more).',
    },
  },
};
