import { card } from './sections/card.js';
import { addresses } from './sections/addresses.js';
import { people } from './sections/people.js';
import { modules } from './sections/modules.js';
import { picker } from './sections/picker.js';
import { create } from './sections/create.js';
import { moments } from './sections/moments.js';
import { callbacks } from './sections/callbacks.js';
import { notifications } from './sections/notifications.js';
import type { Messages } from './messages.js';

const number = new Intl.NumberFormat('nl-NL');

export const nl: Messages = {
  common: {
    loading: 'Laden…',
    retry: 'Opnieuw proberen',
    offline: 'Geen verbinding: je ziet de laatst opgehaalde gegevens.',
    error: 'Er ging iets mis.',
    close: 'Sluiten',
    cancel: 'Annuleren',
    required: 'Dit veld is verplicht.',
    tooLong: (n) => `Hoogstens ${n} tekens.`,
  },
  relations: {
    count: (n) => (n === 1 ? '1 relatie' : `${number.format(n)} relaties`),
  },
  overview: {
    label: 'Relatieoverzicht',
    tabs: { relations: 'Relaties', leads: 'Leads' },
    search: 'Zoeken',
    searchPlaceholder: 'Naam, nummer, e-mail, telefoon, plaats, postcode, KvK of btw',
    role: { label: 'Rol', all: 'Alle rollen', debtor: 'Debiteuren', creditor: 'Crediteuren' },
    kind: { label: 'Soort', all: 'Alle soorten', organization: 'Organisaties', person: 'Personen' },
    showArchived: 'Gearchiveerde tonen',
    columns: {
      choose: 'Kolommen',
      number: 'Nummer',
      name: 'Naam',
      kind: 'Soort',
      debtorNumber: 'Debiteurnr.',
      creditorNumber: 'Crediteurnr.',
      city: 'Plaats',
      email: 'E-mail',
      phone: 'Telefoon',
      labels: 'Labels',
      moveUp: (column) => `${column} naar voren`,
      moveDown: (column) => `${column} naar achteren`,
    },
    kindValue: { organization: 'Organisatie', person: 'Persoon' },
    select: (name) => `${name} selecteren`,
    selectAll: 'Alle gevonden relaties selecteren',
    selected: (n) => (n === 1 ? '1 geselecteerd' : `${number.format(n)} geselecteerd`),
    clearSelection: 'Selectie opheffen',
    open: (name) => `${name} openen`,
    noRelations: 'Er zijn nog geen relaties.',
    noResults: 'Geen relaties gevonden met deze filters.',
    clearFilters: 'Filters wissen',
    syncing: (received, total) => `Relaties ophalen: ${number.format(received)} van ${number.format(total)}`,
    actions: 'Acties voor de selectie',
    addLabel: 'Label toevoegen',
    removeLabel: 'Label verwijderen',
    chooseLabel: 'Kies een label',
  },
  labels: {
    filter: 'Labels',
    match: 'Overeenkomst',
    all: 'Alle labels',
    any: 'Een van de labels',
    manage: 'Labels beheren',
    create: 'Nieuw label',
    add: 'Toevoegen',
    taken: 'Er is al een label met deze naam.',
    color: 'Kleur',
    rename: (name) => `${name} hernoemen`,
    recolour: (name) => `Kleur van ${name}`,
    delete: (name) => `${name} verwijderen`,
    confirmDelete: (name, count) =>
      `Label ${name} verwijderen? Het verdwijnt van ${count === 1 ? '1 relatie' : `${number.format(count)} relaties`}.`,
    count: (n) => (n === 1 ? '1 relatie' : `${number.format(n)} relaties`),
    none: 'Nog geen labels.',
  },
  exporting: {
    title: 'Exporteren naar CSV',
    columns: 'Kolommen',
    separator: 'Scheidingsteken',
    semicolon: 'Puntkomma (Excel in het Nederlands)',
    comma: 'Komma',
    bom: 'Met UTF-8-markering (voor Excel)',
    withAddress: 'Met postadres',
    addressHeaders: ['Adres', 'Postcode', 'Plaats (adres)', 'Land'],
    start: 'Exporteren',
    progress: (done, total) => `${number.format(done)} van ${number.format(total)} relaties`,
    fileName: (date) => `relaties-${date}.csv`,
  },
  addressLabels: {
    title: 'Adresetiketten afdrukken',
    layout: 'Vel',
    address: 'Adres',
    postal: 'Postadres',
    invoice: 'Factuuradres',
    print: 'Afdrukken',
    labelCount: (n) => (n === 1 ? '1 etiket' : `${number.format(n)} etiketten`),
    missing: (n) =>
      n === 1 ? '1 relatie heeft geen adres en krijgt geen etiket.' : `${number.format(n)} relaties hebben geen adres en krijgen geen etiket.`,
    printed: (printed, leftOut) =>
      `${printed === 1 ? '1 etiket' : `${number.format(printed)} etiketten`} afgedrukt.` +
      (leftOut === 0 ? '' : ` ${leftOut === 1 ? '1 relatie' : `${number.format(leftOut)} relaties`} zonder adres overgeslagen.`),
  },
  address: {
    poBox: (number) => `Postbus ${number}`,
  },
  card: card.nl,
  addresses: addresses.nl,
  people: people.nl,
  modules: modules.nl,
  picker: picker.nl,
  moments: moments.nl,
  callbacks: callbacks.nl,
  notifications: notifications.nl,
  create: create.nl,
};
