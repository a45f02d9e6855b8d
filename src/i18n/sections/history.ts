import type { HistoryAction, HistoryEntity } from '../../contract/index.js';
import type { Section } from '../messages.js';

/** The words of `<relation-history>`, in every language. */
export interface HistoryMessages {
  /** The element's accessible name. */
  label: string;
  loading: string;
  /** No change recorded since the backend began keeping history. */
  empty: string;
  /** History is read from the backend, not kept offline. */
  offline: string;
  error: string;
  retry: string;
  more: string;
  loadingMore: string;
  /** What happened, by what it happened to. */
  what: Record<HistoryEntity, Record<HistoryAction, string>>;
  /** Who did it, after the time: "door Anna de Vries". */
  by: (name: string) => string;
  /** Read between a field's old and new value by screen readers (shown as an arrow). */
  becomes: string;
  /** A value that was or is empty. */
  none: string;
  yes: string;
  no: string;
  /** Field names by dotted path; a path not listed shows as it is. */
  fields: Record<string, string>;
  /** A module preference's field: "Voorkeur invoices.paymentTermDays". */
  preference: (path: string) => string;
  /** Values of fields that hold a code. */
  values: Record<string, string>;
}

const nlWhat = (Thing: string): Record<HistoryAction, string> => ({
  created: `${Thing} toegevoegd`,
  updated: `${Thing} gewijzigd`,
  deleted: `${Thing} verwijderd`,
  merged: `${Thing} samengevoegd`,
  imported: `${Thing} geïmporteerd`,
  anonymized: `${Thing} geanonimiseerd`,
});

const enWhat = (Thing: string): Record<HistoryAction, string> => ({
  created: `${Thing} added`,
  updated: `${Thing} changed`,
  deleted: `${Thing} deleted`,
  merged: `${Thing} merged`,
  imported: `${Thing} imported`,
  anonymized: `${Thing} anonymised`,
});

export const history: Section<HistoryMessages> = {
  nl: {
    label: 'Geschiedenis',
    loading: 'Geschiedenis laden…',
    empty: 'Nog geen wijzigingen vastgelegd.',
    offline: 'Offline: de geschiedenis is alleen online te zien.',
    error: 'De geschiedenis kon niet worden geladen.',
    retry: 'Opnieuw proberen',
    more: 'Oudere wijzigingen laden',
    loadingMore: 'Laden…',
    what: { relation: nlWhat('Relatie'), address: nlWhat('Adres'), affiliation: nlWhat('Koppeling') },
    by: (name) => `door ${name}`,
    becomes: 'wordt',
    none: '(leeg)',
    yes: 'ja',
    no: 'nee',
    fields: {
      number: 'Relatienummer', kind: 'Soort', status: 'Status', 'debtor.number': 'Debiteurnummer', 'creditor.number': 'Crediteurnummer',
      'organization.name': 'Naam', 'organization.kvkNumber': 'KvK-nummer', 'organization.vatNumber': 'Btw-nummer',
      'organization.website': 'Website', 'person.salutation': 'Aanhef', 'person.initials': 'Voorletters', 'person.firstName': 'Voornaam',
      'person.infix': 'Tussenvoegsel', 'person.lastName': 'Achternaam', email: 'E-mail', phone: 'Telefoon', iban: 'IBAN',
      labelIds: 'Labels', purposes: 'Soort adres', poBox: 'Postbus', street: 'Straat', houseNumber: 'Huisnummer',
      houseNumberAddition: 'Toevoeging', postalCode: 'Postcode', city: 'Plaats', country: 'Land', personId: 'Persoon',
      organizationId: 'Organisatie', function: 'Functie', isPrimary: 'Eerste contactpersoon', mergedInto: 'Samengevoegd in',
    },
    preference: (path) => `Voorkeur ${path}`,
    values: {
      organization: 'organisatie', person: 'persoon', lead: 'lead', active: 'actief', archived: 'gearchiveerd',
      postal: 'post', visiting: 'bezoek', invoice: 'factuur', delivery: 'aflever',
    },
  },
  en: {
    label: 'History',
    loading: 'Loading history…',
    empty: 'No changes recorded yet.',
    offline: 'Offline: history can only be seen online.',
    error: 'The history could not be loaded.',
    retry: 'Try again',
    more: 'Load older changes',
    loadingMore: 'Loading…',
    what: { relation: enWhat('Relation'), address: enWhat('Address'), affiliation: enWhat('Link') },
    by: (name) => `by ${name}`,
    becomes: 'becomes',
    none: '(empty)',
    yes: 'yes',
    no: 'no',
    fields: {
      number: 'Relation number', kind: 'Kind', status: 'Status', 'debtor.number': 'Debtor number', 'creditor.number': 'Creditor number',
      'organization.name': 'Name', 'organization.kvkNumber': 'KvK number', 'organization.vatNumber': 'VAT number',
      'organization.website': 'Website', 'person.salutation': 'Salutation', 'person.initials': 'Initials', 'person.firstName': 'First name',
      'person.infix': 'Infix', 'person.lastName': 'Last name', email: 'E-mail', phone: 'Phone', iban: 'IBAN',
      labelIds: 'Labels', purposes: 'Address type', poBox: 'PO box', street: 'Street', houseNumber: 'House number',
      houseNumberAddition: 'Addition', postalCode: 'Postcode', city: 'City', country: 'Country', personId: 'Person',
      organizationId: 'Organization', function: 'Function', isPrimary: 'Primary contact', mergedInto: 'Merged into',
    },
    preference: (path) => `Preference ${path}`,
    values: {
      organization: 'organization', person: 'person', lead: 'lead', active: 'active', archived: 'archived',
      postal: 'postal', visiting: 'visiting', invoice: 'invoice', delivery: 'delivery',
    },
  },
};
