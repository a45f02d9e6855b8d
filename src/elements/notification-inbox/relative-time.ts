import type { Locale } from '../../contract/index.js';

const units: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** How long ago (or until) `iso` is, in the locale's words: "3 minuten geleden", "yesterday", "now". */
export function relativeTime(iso: string, now: number, locale: Locale): string {
  const format = new Intl.RelativeTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { numeric: 'auto' });
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, 'second');
}
