import type { Locale } from '../../contract/locale.js';

/** The words of the card's people section (contact persons, organizations), in every language. */
export interface PeopleMessages {
  title: string;
}

export const people: Record<Locale, PeopleMessages> = {
  nl: {
    title: '',
  },
  en: {
    title: '',
  },
};
