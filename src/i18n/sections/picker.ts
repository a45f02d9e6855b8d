import type { Locale } from '../../contract/locale.js';

/** The words of <relation-picker>, in every language. */
export interface PickerMessages {
  title: string;
}

export const picker: Record<Locale, PickerMessages> = {
  nl: {
    title: '',
  },
  en: {
    title: '',
  },
};
