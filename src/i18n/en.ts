import type { Messages } from './messages.js';

const number = new Intl.NumberFormat('en-GB');

export const en: Messages = {
  languageName: 'English',
  common: {
    loading: 'Loading…',
    retry: 'Try again',
    offline: 'No connection: you are seeing the data fetched last.',
    error: 'Something went wrong.',
    empty: 'Nothing here yet.',
    close: 'Close',
    cancel: 'Cancel',
    save: 'Save',
  },
  relations: {
    count: (n) => (n === 1 ? '1 relation' : `${number.format(n)} relations`),
  },
};
