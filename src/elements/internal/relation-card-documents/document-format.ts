import type { Document } from '../../../contract/index.js';
import { formatDay, intlLocale } from '../../../i18n/formats.js';

/** A document's amount in its own currency, in the user's locale (`€ 1.234,50`, `US$1,234.50`). */
export function formatAmount(amount: NonNullable<Document['amount']>, locale: string): string {
  try {
    return new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency: amount.currency }).format(Number(amount.value));
  } catch {
    // A currency code Intl does not know: the number and the code as the backend gave them.
    return `${amount.currency} ${new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: 2 }).format(Number(amount.value))}`;
  }
}

/** A calendar date (`2026-03-01`) in the user's locale; the date as it is, whatever the time zone. */
export function formatDate(date: string, locale: string): string {
  return formatDay(locale, date);
}
