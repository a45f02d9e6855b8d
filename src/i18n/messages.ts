export { locales, toLocale, type Locale } from '../contract/locale.js';

/**
 * Every user-facing string. A locale module implements the whole interface, so a missing translation is a
 * type error, not an English word in a Dutch screen. Counts are functions so each language can inflect.
 */
export interface Messages {
  /** The language's own name, for a language picker. */
  languageName: string;
  common: {
    loading: string;
    retry: string;
    offline: string;
    error: string;
    empty: string;
    close: string;
    cancel: string;
    save: string;
  };
  relations: {
    count: (n: number) => string;
  };
}
