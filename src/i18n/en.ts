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

const number = new Intl.NumberFormat('en-GB');

export const en: Messages = {
  common: {
    loading: 'Loading…',
    retry: 'Try again',
    offline: 'No connection: you are seeing the data fetched last.',
    error: 'Something went wrong.',
    close: 'Close',
    cancel: 'Cancel',
    required: 'This field is required.',
    tooLong: (n) => `At most ${n} characters.`,
  },
  relations: {
    count: (n) => (n === 1 ? '1 relation' : `${number.format(n)} relations`),
  },
  overview: {
    label: 'Relations overview',
    tabs: { relations: 'Relations', leads: 'Leads' },
    search: 'Search',
    searchPlaceholder: 'Name, number, e-mail, phone, city, postcode, KvK or VAT',
    role: { label: 'Role', all: 'All roles', debtor: 'Debtors', creditor: 'Creditors' },
    kind: { label: 'Kind', all: 'All kinds', organization: 'Organizations', person: 'Persons' },
    showArchived: 'Show archived',
    columns: {
      choose: 'Columns',
      number: 'Number',
      name: 'Name',
      kind: 'Kind',
      debtorNumber: 'Debtor no.',
      creditorNumber: 'Creditor no.',
      city: 'City',
      email: 'E-mail',
      phone: 'Phone',
      labels: 'Labels',
      moveUp: (column) => `Move ${column} left`,
      moveDown: (column) => `Move ${column} right`,
    },
    kindValue: { organization: 'Organization', person: 'Person' },
    select: (name) => `Select ${name}`,
    selectAll: 'Select all matching relations',
    selected: (n) => `${number.format(n)} selected`,
    clearSelection: 'Clear selection',
    open: (name) => `Open ${name}`,
    noRelations: 'There are no relations yet.',
    noResults: 'No relations match these filters.',
    clearFilters: 'Clear filters',
    syncing: (received, total) => `Fetching relations: ${number.format(received)} of ${number.format(total)}`,
    actions: 'Actions for the selection',
    addLabel: 'Add label',
    removeLabel: 'Remove label',
    chooseLabel: 'Choose a label',
  },
  labels: {
    filter: 'Labels',
    match: 'Match',
    all: 'All labels',
    any: 'Any label',
    manage: 'Manage labels',
    create: 'New label',
    add: 'Add',
    taken: 'A label with this name exists.',
    color: 'Colour',
    rename: (name) => `Rename ${name}`,
    recolour: (name) => `Colour of ${name}`,
    delete: (name) => `Delete ${name}`,
    confirmDelete: (name, count) =>
      `Delete label ${name}? It is removed from ${count === 1 ? '1 relation' : `${number.format(count)} relations`}.`,
    count: (n) => (n === 1 ? '1 relation' : `${number.format(n)} relations`),
    none: 'No labels yet.',
  },
  exporting: {
    title: 'Export to CSV',
    columns: 'Columns',
    separator: 'Separator',
    semicolon: 'Semicolon (Excel with Dutch settings)',
    comma: 'Comma',
    bom: 'With UTF-8 marker (for Excel)',
    withAddress: 'With postal address',
    addressHeaders: ['Address', 'Postcode', 'City (address)', 'Country'],
    start: 'Export',
    progress: (done, total) => `${number.format(done)} of ${number.format(total)} relations`,
    fileName: (date) => `relations-${date}.csv`,
  },
  addressLabels: {
    title: 'Print address labels',
    layout: 'Sheet',
    address: 'Address',
    postal: 'Postal address',
    invoice: 'Invoice address',
    print: 'Print',
    labelCount: (n) => (n === 1 ? '1 label' : `${number.format(n)} labels`),
    missing: (n) => (n === 1 ? '1 relation has no address and gets no label.' : `${number.format(n)} relations have no address and get no label.`),
    printed: (printed, leftOut) =>
      `${printed === 1 ? '1 label' : `${number.format(printed)} labels`} printed.` +
      (leftOut === 0 ? '' : ` ${leftOut === 1 ? '1 relation' : `${number.format(leftOut)} relations`} without an address left out.`),
  },
  address: {
    poBox: (number) => `PO Box ${number}`,
  },
  card: card.en,
  addresses: addresses.en,
  people: people.en,
  modules: modules.en,
  picker: picker.en,
  moments: moments.en,
  callbacks: callbacks.en,
  notifications: notifications.en,
  create: create.en,
};
