import { en } from './en.js';
import type { Locale, Messages } from './messages.js';
import { nl } from './nl.js';

const catalogue: Record<Locale, Messages> = { nl, en };

/** The messages of a locale; every locale is complete, so this never falls back. */
export function messagesFor(locale: Locale): Messages {
  return catalogue[locale];
}
