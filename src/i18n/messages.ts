/** The languages every string of relation-elements exists in. */
export type Locale = 'nl' | 'en';

export const locales: readonly Locale[] = ['nl', 'en'];

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

/**
 * Maps a BCP 47 language tag to one of our locales: any Dutch variant (nl, nl-NL, nl-BE) is Dutch, every
 * other language falls back to English, the language most users of a Dutch ERP read after Dutch.
 */
export function toLocale(tag: string | null | undefined): Locale {
  return tag?.trim().toLowerCase().split(/[-_]/)[0] === 'nl' ? 'nl' : 'en';
}
