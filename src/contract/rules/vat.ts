import { mod97 } from './mod97.js';

/** A Dutch VAT (btw) number in its canonical form: `NL` + 9 digits + `B` + 2 digits, no spaces or dots. */
export function normalizeVat(input: string): string {
  const compact = input.replace(/[\s.]/g, '').toUpperCase();
  return compact.startsWith('NL') ? compact : `NL${compact}`;
}

/**
 * Valid when the form is right and either check holds: the 11-check on the first nine digits (numbers of
 * companies), or MOD 97-10 over the whole number (numbers issued to sole proprietors since 2020).
 */
export function isVat(input: string): boolean {
  const vat = normalizeVat(input);
  const match = /^NL(\d{9})B(\d{2})$/.exec(vat);
  if (!match) return false;
  const [, digits = '', suffix = ''] = match;
  if (suffix === '00' || /^0{9}$/.test(digits)) return false;
  return elevenCheck(digits) || mod97(vat) === 1;
}

function elevenCheck(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(digits[i]);
  return (sum - Number(digits[8])) % 11 === 0;
}
