import type { Section } from '../messages.js';
import { formatDateTime, formatNumber } from '../formats.js';

/** The words of the card's frame, header, details, save states, conflicts and drafts, in every language. */
export interface CardMessages {
  /** The card's accessible name. */
  label: (name: string) => string;
  sections: {
    label: string; details: string; addresses: string; people: string; contact: string; preferences: string; documents: string; history: string;
  };
  loading: string;
  notFound: string;
  /** The relation is not in this browser's cache and the backend cannot be reached. */
  unavailableOffline: string;
  noRelation: string;
  kind: { organization: string; person: string };
  statusField: string;
  status: { lead: string; active: string; archived: string };
  number: string;
  debtorNumber: string;
  creditorNumber: string;
  /** A number the backend has not given yet (created or made debtor offline). */
  pending: string;
  labels: string;
  noLabels: string;
  addLabel: string;
  chooseLabel: string;
  removeLabel: (label: string) => string;
  actions: {
    label: string;
    makeDebtor: string;
    makeCreditor: string;
    endDebtor: string;
    endCreditor: string;
    convertLead: string;
    archive: string;
    restore: string;
    confirmArchive: (name: string) => string;
    confirmRestore: (name: string) => string;
    confirmEndDebtor: (name: string) => string;
    confirmEndCreditor: (name: string) => string;
  };
  fields: {
    name: string;
    kvkNumber: string;
    vatNumber: string;
    website: string;
    salutation: string;
    initials: string;
    firstName: string;
    infix: string;
    lastName: string;
    email: string;
    phone: string;
    iban: string;
  };
  hints: { kvkNumber: string; vatNumber: string; iban: string };
  save: string;
  revert: string;
  /** Where an edit is (EditFormController's save states). */
  state: { saving: string; queued: string; saved: string; rejected: string; conflict: string };
  rejected: (detail: string) => string;
  discardRejected: string;
  draft: {
    offered: (savedAt: string) => string;
    restore: string;
    dismiss: string;
  };
  conflict: {
    title: string;
    explain: string;
    field: string;
    mine: string;
    theirs: string;
    keepMine: (field: string, value: string) => string;
    takeTheirs: (field: string, value: string) => string;
    allMine: string;
    allTheirs: string;
    apply: string;
    empty: string;
  };
  /** A field's value that is empty, as the conflict table shows it. */
  emptyValue: string;
  count: (n: number) => string;
}


export const card: Section<CardMessages> = {
  nl: {
    label: (name) => `Relatiekaart ${name}`,
    sections: { label: 'Onderdelen', details: 'Gegevens', addresses: 'Adressen', people: 'Personen', contact: 'Contactmomenten', preferences: 'Voorkeuren', documents: 'Documenten', history: 'Geschiedenis' },
    loading: 'Relatie laden…',
    notFound: 'Deze relatie bestaat niet, of je hebt er geen toegang toe.',
    unavailableOffline: 'Deze relatie is niet op dit apparaat bewaard en er is geen verbinding.',
    noRelation: 'Geen relatie gekozen.',
    kind: { organization: 'Organisatie', person: 'Persoon' },
    statusField: 'Status',
    status: { lead: 'Lead', active: 'Actief', archived: 'Gearchiveerd' },
    number: 'Relatienummer',
    debtorNumber: 'Debiteurnummer',
    creditorNumber: 'Crediteurnummer',
    pending: 'wordt toegekend',
    labels: 'Labels',
    noLabels: 'Geen labels',
    addLabel: 'Label toevoegen',
    chooseLabel: 'Kies een label',
    removeLabel: (label) => `Label ${label} verwijderen`,
    actions: {
      label: 'Acties',
      makeDebtor: 'Debiteur maken',
      makeCreditor: 'Crediteur maken',
      endDebtor: 'Geen debiteur meer',
      endCreditor: 'Geen crediteur meer',
      convertLead: 'Lead omzetten naar relatie',
      archive: 'Archiveren',
      restore: 'Terugzetten',
      confirmArchive: (name) => `${name} archiveren? De relatie verdwijnt uit de lijsten, maar blijft bewaard en kan worden teruggezet.`,
      confirmRestore: (name) => `${name} terugzetten als actieve relatie?`,
      confirmEndDebtor: (name) => `${name} is geen debiteur meer? Het debiteurnummer blijft bewaard voor als dat terugkomt.`,
      confirmEndCreditor: (name) => `${name} is geen crediteur meer? Het crediteurnummer blijft bewaard voor als dat terugkomt.`,
    },
    fields: {
      name: 'Naam',
      kvkNumber: 'KvK-nummer',
      vatNumber: 'Btw-nummer',
      website: 'Website',
      salutation: 'Aanhef',
      initials: 'Voorletters',
      firstName: 'Voornaam',
      infix: 'Tussenvoegsel',
      lastName: 'Achternaam',
      email: 'E-mail',
      phone: 'Telefoon',
      iban: 'IBAN',
    },
    hints: { kvkNumber: '8 cijfers', vatNumber: 'Zoals NL123456789B01', iban: 'Zoals NL91 ABNA 0417 1643 00' },
    save: 'Opslaan',
    revert: 'Wijzigingen ongedaan maken',
    state: {
      saving: 'Opslaan…',
      queued: 'Bewaard; wordt verstuurd zodra er verbinding is.',
      saved: 'Opgeslagen.',
      rejected: 'Niet opgeslagen: de server weigerde de wijziging.',
      conflict: 'Niet opgeslagen: iemand anders wijzigde deze relatie intussen.',
    },
    rejected: (detail) => `Niet opgeslagen: ${detail}`,
    discardRejected: 'Wijziging niet meer versturen',
    draft: {
      offered: (savedAt) => `Je hebt niet-opgeslagen wijzigingen van ${formatDateTime('nl', savedAt)}.`,
      restore: 'Terugzetten',
      dismiss: 'Weggooien',
    },
    conflict: {
      title: 'Wijzigingen botsen',
      explain: 'Iemand anders wijzigde deze gegevens nadat jij begon. Kies per veld welke waarde blijft.',
      field: 'Veld',
      mine: 'Jouw waarde',
      theirs: 'Hun waarde',
      keepMine: (field, value) => `${field}: jouw waarde houden (${value})`,
      takeTheirs: (field, value) => `${field}: hun waarde nemen (${value})`,
      allMine: 'Alles van mij',
      allTheirs: 'Alles van hen',
      apply: 'Keuze toepassen',
      empty: 'Je wijziging is gelijk aan hun versie.',
    },
    emptyValue: '(leeg)',
    count: (n) => formatNumber('nl', n),
  },
  en: {
    label: (name) => `Relation card ${name}`,
    sections: { label: 'Sections', details: 'Details', addresses: 'Addresses', people: 'People', contact: 'Contact moments', preferences: 'Preferences', documents: 'Documents', history: 'History' },
    loading: 'Loading relation…',
    notFound: 'This relation does not exist, or you have no access to it.',
    unavailableOffline: 'This relation is not kept on this device, and there is no connection.',
    noRelation: 'No relation chosen.',
    kind: { organization: 'Organization', person: 'Person' },
    statusField: 'Status',
    status: { lead: 'Lead', active: 'Active', archived: 'Archived' },
    number: 'Relation number',
    debtorNumber: 'Debtor number',
    creditorNumber: 'Creditor number',
    pending: 'pending',
    labels: 'Labels',
    noLabels: 'No labels',
    addLabel: 'Add label',
    chooseLabel: 'Choose a label',
    removeLabel: (label) => `Remove label ${label}`,
    actions: {
      label: 'Actions',
      makeDebtor: 'Make debtor',
      makeCreditor: 'Make creditor',
      endDebtor: 'No longer a debtor',
      endCreditor: 'No longer a creditor',
      convertLead: 'Convert lead to relation',
      archive: 'Archive',
      restore: 'Restore',
      confirmArchive: (name) => `Archive ${name}? It leaves the lists but is kept, and can be restored.`,
      confirmRestore: (name) => `Restore ${name} as an active relation?`,
      confirmEndDebtor: (name) => `${name} is no longer a debtor? The debtor number is kept for when that returns.`,
      confirmEndCreditor: (name) => `${name} is no longer a creditor? The creditor number is kept for when that returns.`,
    },
    fields: {
      name: 'Name',
      kvkNumber: 'KvK number',
      vatNumber: 'VAT number',
      website: 'Website',
      salutation: 'Salutation',
      initials: 'Initials',
      firstName: 'First name',
      infix: 'Infix',
      lastName: 'Last name',
      email: 'E-mail',
      phone: 'Phone',
      iban: 'IBAN',
    },
    hints: { kvkNumber: '8 digits', vatNumber: 'Like NL123456789B01', iban: 'Like NL91 ABNA 0417 1643 00' },
    save: 'Save',
    revert: 'Undo changes',
    state: {
      saving: 'Saving…',
      queued: 'Kept; it will be sent once there is a connection.',
      saved: 'Saved.',
      rejected: 'Not saved: the server refused the change.',
      conflict: 'Not saved: someone else changed this relation meanwhile.',
    },
    rejected: (detail) => `Not saved: ${detail}`,
    discardRejected: 'Stop sending this change',
    draft: {
      offered: (savedAt) => `You have unsaved changes from ${formatDateTime('en', savedAt)}.`,
      restore: 'Restore',
      dismiss: 'Discard',
    },
    conflict: {
      title: 'Changes collide',
      explain: 'Someone else changed these details after you started. Choose for each field which value stays.',
      field: 'Field',
      mine: 'Your value',
      theirs: 'Their value',
      keepMine: (field, value) => `${field}: keep your value (${value})`,
      takeTheirs: (field, value) => `${field}: take their value (${value})`,
      allMine: 'All mine',
      allTheirs: 'All theirs',
      apply: 'Apply choice',
      empty: 'Your change equals their version.',
    },
    emptyValue: '(empty)',
    count: (n) => formatNumber('en', n),
  },
};
