import type { Section } from '../messages.js';
import { formatDateTime } from '../formats.js';


/** The words of the card's module preferences and documents, in every language. */
export interface ModulesMessages {
  preferences: {
    /** The section's accessible name. */
    label: string;
    loading: string;
    /** No module declares a preference. */
    none: string;
    /** The module list could not be fetched and none was kept: nothing to edit. */
    offline: string;
    /** The module list shown is the one fetched earlier. */
    offlineKept: string;
    error: string;
    /** Under a field: the module's default, used while the relation has no value of its own. */
    defaultValue: (value: string) => string;
    /** Under a whole-number field: the bounds the module sets. */
    between: (min: string, max: string) => string;
    atLeast: (min: string) => string;
    atMost: (max: string) => string;
    /** A currency code with its name, e.g. `EUR (euro)`. */
    currency: (code: string, name: string) => string;
    yes: string;
    no: string;
    save: string;
    revert: string;
    state: { saving: string; queued: string; saved: string; rejected: string; conflict: string };
    rejected: (detail: string) => string;
    discardRejected: string;
    keepMine: string;
    takeTheirs: string;
    draftOffered: (savedAt: string) => string;
    restoreDraft: string;
    dismissDraft: string;
  };
  documents: {
    label: string;
    loading: string;
    offline: string;
    error: string;
    retry: string;
    noModules: string;
    empty: (module: string) => string;
    columns: { number: string; title: string; date: string; status: string; amount: string };
    /** The button under a module's table that loads its next page. */
    more: (module: string) => string;
    loadingMore: string;
    /** A document without an amount. */
    noAmount: string;
  };
}

export const modules: Section<ModulesMessages> = {
  nl: {
    preferences: {
      label: 'Voorkeuren per module',
      loading: 'Modules laden…',
      none: 'Geen van de modules heeft voorkeuren per relatie.',
      offline: 'Geen verbinding: de voorkeuren van de modules zijn nu niet op te halen.',
      offlineKept: 'Geen verbinding: de modules zoals ze eerder zijn opgehaald. Wijzigingen worden verstuurd zodra er weer verbinding is.',
      error: 'De modules konden niet worden opgehaald.',
      defaultValue: (value) => `Standaard: ${value}`,
      between: (min, max) => `een heel getal van ${min} tot en met ${max}`,
      atLeast: (min) => `een heel getal van minstens ${min}`,
      atMost: (max) => `een heel getal van hoogstens ${max}`,
      currency: (code, name) => (name && name !== code ? `${code} (${name})` : code),
      yes: 'aan',
      no: 'uit',
      save: 'Voorkeuren opslaan',
      revert: 'Wijzigingen ongedaan maken',
      state: {
        saving: 'Opslaan…',
        queued: 'Opgeslagen op dit apparaat; wordt verstuurd zodra er verbinding is.',
        saved: 'Opgeslagen.',
        rejected: 'Niet opgeslagen.',
        conflict: 'Iemand anders heeft deze relatie intussen gewijzigd.',
      },
      rejected: (detail) => `Niet opgeslagen: ${detail}`,
      discardRejected: 'Mijn wijziging weggooien',
      keepMine: 'Mijn wijziging houden',
      takeTheirs: 'Hun versie nemen',
      draftOffered: (savedAt) => `Je hebt niet-opgeslagen voorkeuren van ${formatDateTime('nl', savedAt)}.`,
      restoreDraft: 'Terughalen',
      dismissDraft: 'Weggooien',
    },
    documents: {
      label: 'Documenten',
      loading: 'Documenten laden…',
      offline: 'Geen verbinding: documenten zijn alleen online te zien.',
      error: 'De documenten konden niet worden opgehaald.',
      retry: 'Opnieuw proberen',
      noModules: 'Er zijn geen modules met documenten.',
      empty: (module) => `Geen ${module.toLowerCase()} voor deze relatie.`,
      columns: { number: 'Nummer', title: 'Omschrijving', date: 'Datum', status: 'Status', amount: 'Bedrag' },
      more: (module) => `Meer ${module.toLowerCase()} laden`,
      loadingMore: 'Meer laden…',
      noAmount: 'geen bedrag',
    },
  },
  en: {
    preferences: {
      label: 'Preferences per module',
      loading: 'Loading modules…',
      none: 'None of the modules has preferences per relation.',
      offline: 'No connection: the modules’ preferences cannot be fetched now.',
      offlineKept: 'No connection: the modules as fetched earlier. Changes are sent once the connection is back.',
      error: 'The modules could not be fetched.',
      defaultValue: (value) => `Default: ${value}`,
      between: (min, max) => `a whole number from ${min} to ${max}`,
      atLeast: (min) => `a whole number of at least ${min}`,
      atMost: (max) => `a whole number of at most ${max}`,
      currency: (code, name) => (name && name !== code ? `${code} (${name})` : code),
      yes: 'on',
      no: 'off',
      save: 'Save preferences',
      revert: 'Undo changes',
      state: {
        saving: 'Saving…',
        queued: 'Saved on this device; sent once the connection is back.',
        saved: 'Saved.',
        rejected: 'Not saved.',
        conflict: 'Someone else changed this relation in the meantime.',
      },
      rejected: (detail) => `Not saved: ${detail}`,
      discardRejected: 'Discard my change',
      keepMine: 'Keep my change',
      takeTheirs: 'Take their version',
      draftOffered: (savedAt) => `You have unsaved preferences from ${formatDateTime('en', savedAt)}.`,
      restoreDraft: 'Restore',
      dismissDraft: 'Discard',
    },
    documents: {
      label: 'Documents',
      loading: 'Loading documents…',
      offline: 'No connection: documents can only be seen online.',
      error: 'The documents could not be fetched.',
      retry: 'Try again',
      noModules: 'There are no modules with documents.',
      empty: (module) => `No ${module.toLowerCase()} for this relation.`,
      columns: { number: 'Number', title: 'Description', date: 'Date', status: 'Status', amount: 'Amount' },
      more: (module) => `Load more ${module.toLowerCase()}`,
      loadingMore: 'Loading more…',
      noAmount: 'no amount',
    },
  },
};
