/*
 * Dates, times and numbers as each of our languages writes them. A formatter is made once per locale and
 * kept: making one costs far more than using it, and a long list formats on every scroll frame.
 */

/** The locale `Intl` formats in for one of ours: Dutch as in the Netherlands, English as in Britain. */
export const intlLocale = (locale: string): string => (locale === 'nl' ? 'nl-NL' : 'en-GB');

const kept = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function keep<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let format = kept.get(key) as T | undefined;
  if (!format) kept.set(key, (format = make()));
  return format;
}

/** A moment (`2026-11-29T14:05:00Z`) in the user's own time zone: `29 nov 2026, 15:05`. */
export function formatDateTime(locale: string, iso: string): string {
  const at = intlLocale(locale);
  return keep(`datetime:${at}`, () => new Intl.DateTimeFormat(at, { dateStyle: 'medium', timeStyle: 'short' })).format(new Date(iso));
}

/** A calendar date (`2026-03-01`) as it is, whatever the time zone: `1 mrt 2026`. */
export function formatDay(locale: string, date: string): string {
  const at = intlLocale(locale);
  return keep(`day:${at}`, () => new Intl.DateTimeFormat(at, { dateStyle: 'medium', timeZone: 'UTC' })).format(new Date(`${date}T00:00:00Z`));
}

/** The separator each of our languages groups thousands with: `10.000`, `10,000`. */
const groupSeparator = (locale: string) => (locale === 'nl' ? '.' : ',');

/**
 * A count with the locale's grouping: `10.000`, `10,000`. Whole numbers are grouped here, not by `Intl`: the
 * page's first `Intl.NumberFormat` loads the number data of ICU, 35–60 ms of main thread (four times that on
 * a phone), and the overview writes its count on its first paint. Other numbers go to `Intl`.
 */
export function formatNumber(locale: string, n: number): string {
  if (Number.isSafeInteger(n)) {
    const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, groupSeparator(locale));
    return n < 0 ? `-${digits}` : digits;
  }
  const at = intlLocale(locale);
  return keep(`number:${at}`, () => new Intl.NumberFormat(at)).format(n);
}
