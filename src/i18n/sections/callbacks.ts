import type { Locale } from '../../contract/locale.js';

/** The words of <callback-list> and the callback request dialog, in every language. */
export interface CallbacksMessages {
  /** The element's accessible name. */
  label: string;
}

export const callbacks: Record<Locale, CallbacksMessages> = {
  nl: {
    label: 'TODO',
  },
  en: {
    label: 'TODO',
  },
};
