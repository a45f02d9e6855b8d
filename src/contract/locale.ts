/** The languages every user-facing string of relation-elements exists in, on both sides of the contract. */
export type Locale = 'nl' | 'en';

export const locales: readonly Locale[] = ['nl', 'en'];

/**
 * Maps a BCP 47 language tag (or an Accept-Language header) to one of our locales: any Dutch variant is
 * Dutch; every other language falls back to English, the language most users of a Dutch ERP read after Dutch.
 */
export function toLocale(tag: string | null | undefined): Locale {
  return tag?.trim().toLowerCase().split(/[-_,;]/)[0] === 'nl' ? 'nl' : 'en';
}
