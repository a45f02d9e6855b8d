import type { Locale } from '../../contract/locale.js';
import type { Section } from '../messages.js';
import { formatDateTime, formatDay, formatNumber } from '../formats.js';
import type { ContactMomentKind } from '../../contract/schemas/contact-moment.js';

/** The words of <contact-moment-log>, its compose form, its entries and its agreements, in every language. */
export interface MomentsMessages {
  /** The element's accessible name. */
  label: string;
  loading: string;
  noRelation: string;
  notFound: string;
  empty: string;
  noMatches: string;
  /** How many moments the log lists (after filtering), read out when it changes. */
  count: (n: number) => string;
  /** The scrolling list of moments. */
  list: string;
  toolbar: string;
  compose: string;
  /** The button that opens the callback request dialog. */
  requestCallback: string;
  search: string;
  filterKind: string;
  allKinds: string;
  kinds: Record<ContactMomentKind, string>;
  fields: {
    kind: string;
    subject: string;
    body: string;
    bodyHint: string;
    occurredAt: string;
    contactPerson: string;
    organization: string;
    nobody: string;
    visibility: string;
    team: string;
    private: string;
    agreements: string;
    agreementText: (n: number) => string;
    dueDate: (n: number) => string;
    addAgreement: string;
    removeAgreement: (n: number) => string;
  };
  newTitle: string;
  editTitle: (subject: string) => string;
  save: string;
  cancel: string;
  /** The party on the other side of a moment, as the entry names it. */
  withParty: (name: string) => string;
  aboutParty: (name: string) => string;
  unknownParty: string;
  privateMarker: string;
  mine: string;
  /** Who wrote a colleague's moment. */
  byAuthor: (name: string) => string;
  edit: (subject: string) => string;
  remove: (subject: string) => string;
  resolve: (subject: string) => string;
  readMore: (subject: string) => string;
  close: string;
  confirmRemove: (subject: string) => string;
  agreementCount: (open: number, total: number) => string;
  /** The state of a moment's write in the outbox. */
  state: { queued: string; saving: string; rejected: string; conflict: string };
  openAgreements: string;
  /** Shows every open agreement, not only the most urgent. */
  allAgreements: (n: number) => string;
  fewerAgreements: string;
  noDueDate: string;
  due: (date: string) => string;
  overdue: string;
  /** The checkbox that marks an agreement done; names the agreement. */
  done: (text: string) => string;
  fromMoment: (subject: string) => string;
  occurred: (iso: string) => string;
}

/** A moment's time in the user's own time zone. */
const occurred = (locale: Locale) => (iso: string) => formatDateTime(locale, iso);

export const moments: Section<MomentsMessages> = {
  nl: {
    label: 'Contactmomenten',
    loading: 'Contactmomenten laden…',
    noRelation: 'Geen relatie gekozen.',
    notFound: 'Deze relatie bestaat niet, of je hebt er geen toegang toe.',
    empty: 'Nog geen contactmomenten.',
    noMatches: 'Geen contactmomenten gevonden met deze filters.',
    count: (n) => (n === 1 ? '1 contactmoment' : `${formatNumber('nl', n)} contactmomenten`),
    list: 'Tijdlijn van contactmomenten',
    toolbar: 'Contactmomenten',
    compose: 'Nieuw contactmoment',
    requestCallback: 'Terugbelverzoek',
    search: 'Zoeken in contactmomenten',
    filterKind: 'Filter op soort',
    allKinds: 'Alle soorten',
    kinds: { call: 'Telefoongesprek', meeting: 'Vergadering', visit: 'Bezoek', email: 'E-mail', note: 'Notitie', report: 'Gespreksverslag' },
    fields: {
      kind: 'Soort',
      subject: 'Onderwerp',
      body: 'Verslag',
      bodyHint: 'Gewone tekst; regels en links (https:, mailto:) blijven behouden.',
      occurredAt: 'Datum en tijd',
      contactPerson: 'Contactpersoon',
      organization: 'Organisatie',
      nobody: 'Geen',
      visibility: 'Zichtbaar voor',
      team: 'Het team',
      private: 'Alleen mij (privé)',
      agreements: 'Afspraken',
      agreementText: (n) => `Afspraak ${n}`,
      dueDate: (n) => `Uiterlijk (afspraak ${n})`,
      addAgreement: 'Afspraak toevoegen',
      removeAgreement: (n) => `Afspraak ${n} verwijderen`,
    },
    newTitle: 'Nieuw contactmoment',
    editTitle: (subject) => `Contactmoment bewerken: ${subject}`,
    save: 'Opslaan',
    cancel: 'Annuleren',
    withParty: (name) => `met ${name}`,
    aboutParty: (name) => `over ${name}`,
    unknownParty: 'onbekende relatie',
    privateMarker: 'Privé',
    mine: 'Van mij',
    byAuthor: (name) => `door ${name}`,
    edit: (subject) => `Bewerken: ${subject}`,
    remove: (subject) => `Verwijderen: ${subject}`,
    resolve: (subject) => `Oplossen: ${subject}`,
    readMore: (subject) => `Helemaal lezen: ${subject}`,
    close: 'Sluiten',
    confirmRemove: (subject) => `Contactmoment ‘${subject}’ verwijderen?`,
    agreementCount: (open, total) => (total === 1 ? `1 afspraak, ${open} open` : `${total} afspraken, ${open} open`),
    state: {
      queued: 'Wacht op verbinding',
      saving: 'Wordt verzonden…',
      rejected: 'Niet opgeslagen',
      conflict: 'Tegelijk gewijzigd door een collega',
    },
    openAgreements: 'Openstaande afspraken',
    allAgreements: (n) => `Alle ${n} openstaande afspraken tonen`,
    fewerAgreements: 'Alleen de eerste afspraken tonen',
    noDueDate: 'geen datum',
    due: (date) => `uiterlijk ${formatDay('nl', date)}`,
    overdue: 'Te laat',
    done: (text) => `Afgerond: ${text}`,
    fromMoment: (subject) => `uit ‘${subject}’`,
    occurred: occurred('nl'),
  },
  en: {
    label: 'Contact moments',
    loading: 'Loading contact moments…',
    noRelation: 'No relation chosen.',
    notFound: 'This relation does not exist, or you have no access to it.',
    empty: 'No contact moments yet.',
    noMatches: 'No contact moments match these filters.',
    count: (n) => (n === 1 ? '1 contact moment' : `${formatNumber('en', n)} contact moments`),
    list: 'Timeline of contact moments',
    toolbar: 'Contact moments',
    compose: 'New contact moment',
    requestCallback: 'Request a callback',
    search: 'Search contact moments',
    filterKind: 'Filter by kind',
    allKinds: 'All kinds',
    kinds: { call: 'Call', meeting: 'Meeting', visit: 'Visit', email: 'E-mail', note: 'Note', report: 'Conversation report' },
    fields: {
      kind: 'Kind',
      subject: 'Subject',
      body: 'Report',
      bodyHint: 'Plain text; line breaks and links (https:, mailto:) are kept.',
      occurredAt: 'Date and time',
      contactPerson: 'Contact person',
      organization: 'Organization',
      nobody: 'None',
      visibility: 'Visible to',
      team: 'The team',
      private: 'Only me (private)',
      agreements: 'Agreements',
      agreementText: (n) => `Agreement ${n}`,
      dueDate: (n) => `Due (agreement ${n})`,
      addAgreement: 'Add an agreement',
      removeAgreement: (n) => `Remove agreement ${n}`,
    },
    newTitle: 'New contact moment',
    editTitle: (subject) => `Edit contact moment: ${subject}`,
    save: 'Save',
    cancel: 'Cancel',
    withParty: (name) => `with ${name}`,
    aboutParty: (name) => `about ${name}`,
    unknownParty: 'unknown relation',
    privateMarker: 'Private',
    mine: 'Mine',
    byAuthor: (name) => `by ${name}`,
    edit: (subject) => `Edit: ${subject}`,
    remove: (subject) => `Delete: ${subject}`,
    resolve: (subject) => `Resolve: ${subject}`,
    readMore: (subject) => `Read all: ${subject}`,
    close: 'Close',
    confirmRemove: (subject) => `Delete contact moment ‘${subject}’?`,
    agreementCount: (open, total) => (total === 1 ? `1 agreement, ${open} open` : `${total} agreements, ${open} open`),
    state: {
      queued: 'Waiting for a connection',
      saving: 'Sending…',
      rejected: 'Not saved',
      conflict: 'Changed by a colleague at the same time',
    },
    openAgreements: 'Open agreements',
    allAgreements: (n) => `Show all ${n} open agreements`,
    fewerAgreements: 'Show only the first agreements',
    noDueDate: 'no date',
    due: (date) => `due ${formatDay('en', date)}`,
    overdue: 'Overdue',
    done: (text) => `Done: ${text}`,
    fromMoment: (subject) => `from ‘${subject}’`,
    occurred: occurred('en'),
  },
};
