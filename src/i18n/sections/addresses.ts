import type { Locale } from '../../contract/locale.js';

/** The words of the card's addresses section, in every language. */
export interface AddressesMessages {
  title: string;
}

export const addresses: Record<Locale, AddressesMessages> = {
  nl: {
    title: '',
  },
  en: {
    title: '',
  },
};
