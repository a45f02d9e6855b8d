import type { Locale } from '../../contract/locale.js';

/** The words of the card's module preferences and documents, in every language. */
export interface ModulesMessages {
  title: string;
}

export const modules: Record<Locale, ModulesMessages> = {
  nl: {
    title: '',
  },
  en: {
    title: '',
  },
};
