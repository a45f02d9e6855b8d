/*
 * Counts are grouped without Intl (its first NumberFormat costs a page tens of milliseconds); Intl, as the
 * browsers' own definition of each locale's grouping, is the oracle they must agree with.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatNumber, intlLocale } from '../../../src/i18n/formats.js';

for (const locale of ['nl', 'en'] as const) {
  const intl = new Intl.NumberFormat(intlLocale(locale));

  test(`whole numbers are grouped as Intl groups them in ${intlLocale(locale)}`, () => {
    for (const n of [0, 7, 999, 1000, 1234, 10_000, 100_000, 318_399, 1_000_000, -1, -1234, Number.MAX_SAFE_INTEGER]) {
      assert.equal(formatNumber(locale, n), intl.format(n), String(n));
    }
    fc.assert(fc.property(fc.maxSafeInteger(), (n) => formatNumber(locale, n) === intl.format(n)));
  });

  test(`other numbers are left to Intl in ${intlLocale(locale)}`, () => {
    for (const n of [1.5, -2.25, 1e21, Number.NaN, Number.POSITIVE_INFINITY]) assert.equal(formatNumber(locale, n), intl.format(n), String(n));
  });
}
