import type { Locale } from '../../contract/locale.js';

/** The words of <relation-create> and its duplicate warning, in every language. */
export interface CreateMessages {
  title: string;
}

export const create: Record<Locale, CreateMessages> = {
  nl: {
    title: '',
  },
  en: {
    title: '',
  },
};
