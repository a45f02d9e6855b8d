import type { Locale } from '../contract/locale.js';
export { locales, toLocale, type Locale } from '../contract/locale.js';

/**
 * The words of the elements in the one script tag (provider, overview, label filter, bulk labels, column
 * chooser, export and print dialogs). A locale module implements the whole interface, so a missing
 * translation is a type error, not an English word in a Dutch screen. Counts are functions so each language
 * can inflect. The elements that load on first use keep their words in src/i18n/sections/, which only their
 * own chunks import (see `Section`).
 */
export interface Messages {
  common: {
    loading: string;
    retry: string;
    offline: string;
    error: string;
    close: string;
    cancel: string;
    required: string;
    tooLong: (n: number) => string;
  };
  relations: {
    count: (n: number) => string;
  };
  overview: {
    label: string;
    tabs: { relations: string; leads: string };
    search: string;
    searchPlaceholder: string;
    role: { label: string; all: string; debtor: string; creditor: string };
    kind: { label: string; all: string; organization: string; person: string };
    showArchived: string;
    columns: {
      choose: string;
      number: string;
      name: string;
      kind: string;
      debtorNumber: string;
      creditorNumber: string;
      city: string;
      email: string;
      phone: string;
      labels: string;
      moveUp: (column: string) => string;
      moveDown: (column: string) => string;
    };
    kindValue: { organization: string; person: string };
    select: (name: string) => string;
    selectAll: string;
    selected: (n: number) => string;
    clearSelection: string;
    open: (name: string) => string;
    noRelations: string;
    noResults: string;
    clearFilters: string;
    syncing: (received: number, total: number) => string;
    actions: string;
    addLabel: string;
    removeLabel: string;
    chooseLabel: string;
  };
  labels: {
    filter: string;
    match: string;
    all: string;
    any: string;
    manage: string;
    create: string;
    add: string;
    taken: string;
    color: string;
    rename: (name: string) => string;
    recolour: (name: string) => string;
    delete: (name: string) => string;
    confirmDelete: (name: string, count: number) => string;
    count: (n: number) => string;
    none: string;
  };
  exporting: {
    title: string;
    columns: string;
    separator: string;
    semicolon: string;
    comma: string;
    bom: string;
    withAddress: string;
    addressHeaders: readonly [street: string, postcode: string, city: string, country: string];
    start: string;
    progress: (done: number, total: number) => string;
    /** The downloaded file's name, `date` as YYYY-MM-DD. */
    fileName: (date: string) => string;
  };
  addressLabels: {
    title: string;
    layout: string;
    address: string;
    postal: string;
    invoice: string;
    print: string;
    /** How many stickers the sheets will hold. */
    labelCount: (n: number) => string;
    /** Before printing: relations with neither a postal nor a visiting address (nor the invoice address asked for). */
    missing: (n: number) => string;
    /** After printing: how many relations got a sticker, and how many were left out for want of an address. */
    printed: (printed: number, leftOut: number) => string;
  };
  address: {
    /** A PO box as the first line of an address: "Postbus 45". */
    poBox: (number: string) => string;
  };
}

/**
 * The words of one lazily loaded part in every locale: an element imports its section module itself and
 * reads it through `LocaleController.section`, so the words travel in that element's chunk. `Record` over
 * every locale keeps a missing translation a type error here too.
 */
export type Section<T> = Readonly<Record<Locale, T>>;
