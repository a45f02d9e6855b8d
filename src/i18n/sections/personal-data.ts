import type { Section } from '../messages.js';

/** The words of the card's personal-data actions (GDPR export and anonymisation), in every language. */
export interface PersonalDataMessages {
  /** The group's accessible name. */
  label: string;
  exportJson: string;
  exportDocument: string;
  exporting: string;
  /** File names, by relation number and date. */
  jsonFile: (number: number, date: string) => string;
  documentFile: (number: number, date: string) => string;
  anonymize: string;
  /** The dialog: what happens, and what to type to confirm. */
  anonymizeTitle: string;
  anonymizeExplained: string;
  typeName: (name: string) => string;
  confirmField: string;
  /** Under the field while what is typed is not the name. */
  mismatch: string;
  confirm: string;
  working: string;
  done: (name: string) => string;
  offline: string;
  forbidden: string;
  failed: string;
  /** The readable document's headings. */
  document: {
    title: (name: string, number: number) => string;
    exported: (at: string, by: string) => string;
    relation: string;
    addresses: string;
    links: string;
    moments: string;
    callbacks: string;
    documents: string;
    history: string;
    none: string;
  };
}

export const personalData: Section<PersonalDataMessages> = {
  nl: {
    label: 'Persoonsgegevens (AVG)',
    exportJson: 'Gegevens exporteren (JSON)',
    exportDocument: 'Gegevens exporteren (leesbaar)',
    exporting: 'Gegevens worden verzameld…',
    jsonFile: (number, date) => `relatie-${number}-gegevens-${date}.json`,
    documentFile: (number, date) => `relatie-${number}-gegevens-${date}.html`,
    anonymize: 'Anonimiseren…',
    anonymizeTitle: 'Relatie anonimiseren',
    anonymizeExplained:
      'De naam, KvK- en btw-nummer, website, e-mail, telefoon en IBAN worden gewist, de adressen verwijderd, de e-mail en ' +
      'telefoon van koppelingen gewist en de tekst van alle contactmomenten vervangen. Het relatienummer, de debiteur- en ' +
      'crediteurnummers en de documenten blijven. Dit kan niet ongedaan worden gemaakt.',
    typeName: (name) => `Typ ter bevestiging de naam: ${name}`,
    confirmField: 'Naam ter bevestiging',
    mismatch: 'Dit is niet precies de naam van de relatie.',
    confirm: 'Definitief anonimiseren',
    working: 'Bezig met anonimiseren…',
    done: (name) => `${name} is geanonimiseerd.`,
    offline: 'Geen verbinding: anonimiseren kan alleen online. Er is niets gewijzigd.',
    forbidden: 'Alleen een beheerder mag anonimiseren. Er is niets gewijzigd.',
    failed: 'Anonimiseren is mislukt. Er is niets gewijzigd.',
    document: {
      title: (name, number) => `Gegevens van ${name} (relatie ${number})`,
      exported: (at, by) => `Geëxporteerd op ${at} door ${by}`,
      relation: 'Relatie',
      addresses: 'Adressen',
      links: 'Koppelingen',
      moments: 'Contactmomenten',
      callbacks: 'Terugbelverzoeken',
      documents: 'Documenten',
      history: 'Geschiedenis',
      none: 'Geen.',
    },
  },
  en: {
    label: 'Personal data (GDPR)',
    exportJson: 'Export data (JSON)',
    exportDocument: 'Export data (readable)',
    exporting: 'Collecting the data…',
    jsonFile: (number, date) => `relation-${number}-data-${date}.json`,
    documentFile: (number, date) => `relation-${number}-data-${date}.html`,
    anonymize: 'Anonymise…',
    anonymizeTitle: 'Anonymise relation',
    anonymizeExplained:
      'The name, KvK and VAT number, website, e-mail, phone and IBAN are erased, the addresses deleted, the e-mail and phone ' +
      'of links erased and the text of every contact moment replaced. The relation number, debtor and creditor numbers and ' +
      'the documents stay. This cannot be undone.',
    typeName: (name) => `To confirm, type the name: ${name}`,
    confirmField: 'Name to confirm',
    mismatch: 'This is not exactly the relation’s name.',
    confirm: 'Anonymise for good',
    working: 'Anonymising…',
    done: (name) => `${name} has been anonymised.`,
    offline: 'No connection: anonymising works online only. Nothing was changed.',
    forbidden: 'Only an admin may anonymise. Nothing was changed.',
    failed: 'Anonymising failed. Nothing was changed.',
    document: {
      title: (name, number) => `Data of ${name} (relation ${number})`,
      exported: (at, by) => `Exported on ${at} by ${by}`,
      relation: 'Relation',
      addresses: 'Addresses',
      links: 'Links',
      moments: 'Contact moments',
      callbacks: 'Callback requests',
      documents: 'Documents',
      history: 'History',
      none: 'None.',
    },
  },
};
