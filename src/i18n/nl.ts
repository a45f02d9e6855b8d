import type { Messages } from './messages.js';

const number = new Intl.NumberFormat('nl-NL');

export const nl: Messages = {
  languageName: 'Nederlands',
  common: {
    loading: 'Laden…',
    retry: 'Opnieuw proberen',
    offline: 'Geen verbinding: je ziet de laatst opgehaalde gegevens.',
    error: 'Er ging iets mis.',
    empty: 'Nog niets hier.',
    close: 'Sluiten',
    cancel: 'Annuleren',
    save: 'Opslaan',
  },
  relations: {
    count: (n) => (n === 1 ? '1 relatie' : `${number.format(n)} relaties`),
  },
};
