import type { Locale } from '../../contract/locale.js';

/** The words of <contact-moment-log>, in every language. */
export interface MomentsMessages {
  /** The element's accessible name. */
  label: string;
}

export const moments: Record<Locale, MomentsMessages> = {
  nl: {
    label: 'TODO',
  },
  en: {
    label: 'TODO',
  },
};
