import type { Locale } from '../../contract/locale.js';

/** The words of the card's frame, header, details, save states, conflicts and drafts, in every language. */
export interface CardMessages {
  title: string;
}

export const card: Record<Locale, CardMessages> = {
  nl: {
    title: '',
  },
  en: {
    title: '',
  },
};
