/*
 * The Dutch validation rules, checked against their definitions (product/FEATURES.md): generators build
 * values that are valid by construction, and single-character typing errors must be caught wherever the
 * rule's checksum can catch them. The checksums are recomputed here independently (BigInt, plain loops)
 * rather than with the contract's own helpers, so a shared mistake cannot hide.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type * as z from 'zod/mini';
import {
  formatIban,
  isCountry,
  isCurrency,
  isEmail,
  isIban,
  isKvk,
  isPhone,
  isPostcode,
  isVat,
  issueMessage,
  locales,
  type RuleCode,
} from '../../../src/contract/index.js';
import * as field from '../../../src/contract/schemas/fields.js';

// ---------------------------------------------------------------------------------------------------------
// Independent checks

/** ISO 7064 MOD 97-10 with BigInt: each letter is written out as its base-36 value (A=10 … Z=35). */
function mod97(text: string): number {
  const digits = [...text].map((char) => parseInt(char, 36).toString(10)).join('');
  return Number(BigInt(digits) % 97n);
}

/** The 11-check on the nine digits of a Dutch VAT number: (Σ (9-i)·d_i for i < 8) − d_8 ≡ 0 (mod 11). */
function elevenCheck(nine: string): boolean {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(nine.charAt(i));
  return (sum - Number(nine.charAt(8))) % 11 === 0;
}

const nineDigitsOf = (vat: string) => vat.slice(2, 11);
const suffixOf = (vat: string) => vat.slice(12, 14);

// ---------------------------------------------------------------------------------------------------------
// Generators and typing errors

const digit = fc.integer({ min: 0, max: 9 });
const digits = (length: number) => fc.array(digit, { minLength: length, maxLength: length }).map((ds) => ds.join(''));
const upper = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
const letters = (length: number) => fc.array(upper, { minLength: length, maxLength: length }).map((ls) => ls.join(''));
const alphanumerics = (length: number) =>
  fc.array(fc.oneof(upper, digit.map(String)), { minLength: length, maxLength: length }).map((cs) => cs.join(''));

/** The VAT suffix after `B`: two digits, never `00`. */
const vatSuffix = fc.integer({ min: 1, max: 99 }).map((n) => String(n).padStart(2, '0'));

/** A VAT number valid by the 11-check: eight digits at random, the ninth computed (a remainder of 10 has none). */
const vatByElevenCheck = fc
  .tuple(digits(8), vatSuffix)
  .map(([eight, suffix]) => {
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += (9 - i) * Number(eight.charAt(i));
    const ninth = sum % 11;
    return ninth === 10 || /^0+$/.test(eight + ninth) ? null : `NL${eight}${ninth}B${suffix}`;
  })
  .filter((vat): vat is string => vat !== null);

/**
 * A VAT number valid by MOD 97-10 only (its digits fail the 11-check, so only that branch can accept it): the
 * two suffix digits are computed so that "NL…B" + suffix mod 97 is 1; `00` is not allowed, but 97 ≡ 0 is.
 */
const vatByMod97 = digits(9)
  .filter((nine) => !/^0+$/.test(nine) && !elevenCheck(nine))
  .map((nine) => {
    const remainder = mod97(`NL${nine}B00`);
    const suffix = (1 - remainder + 97) % 97 || 97;
    return `NL${nine}B${String(suffix).padStart(2, '0')}`;
  });

/** The national part (BBAN) of IBANs of a few countries, by the layouts in the SWIFT IBAN registry. */
const bbans: Record<string, fc.Arbitrary<string>> = {
  NL: fc.tuple(letters(4), digits(10)).map((parts) => parts.join('')),
  BE: digits(12),
  DE: digits(18),
  FR: fc.tuple(digits(10), alphanumerics(11), digits(2)).map((parts) => parts.join('')),
  GB: fc.tuple(letters(4), digits(14)).map((parts) => parts.join('')),
  NO: digits(11),
  CH: fc.tuple(digits(5), alphanumerics(12)).map((parts) => parts.join('')),
  MT: fc.tuple(letters(4), digits(5), alphanumerics(18)).map((parts) => parts.join('')),
};
const ibanLengths: Record<string, number> = { NL: 18, BE: 16, DE: 22, FR: 27, GB: 22, NO: 15, CH: 21, MT: 31 };

function withCheckDigits(country: string, bban: string): string {
  return `${country}${String(98 - mod97(`${bban}${country}00`)).padStart(2, '0')}${bban}`;
}

/** A valid IBAN in electronic form of one of the countries above, with its check digits computed. */
const anyIban = fc
  .constantFrom(...Object.keys(bbans))
  .chain((country) => (bbans[country] ?? fc.constant('')).map((bban) => withCheckDigits(country, bban)));

const postcode = fc
  .tuple(fc.integer({ min: 1000, max: 9999 }), letters(2).filter((pair) => !['SA', 'SD', 'SS'].includes(pair)))
  .map(([number, pair]) => `${number} ${pair}`);

/**
 * The value as a person might type it: each letter in either case and, in each gap between characters, maybe
 * one of `separators`.
 */
function typed(canonical: string, separators: readonly string[]): fc.Arbitrary<string> {
  const gaps = canonical.length + 1;
  return fc
    .tuple(
      fc.array(fc.option(fc.constantFrom(...separators), { nil: '' }), { minLength: gaps, maxLength: gaps }),
      fc.array(fc.boolean(), { minLength: canonical.length, maxLength: canonical.length }),
    )
    .map(([separator, lower]) =>
      [...canonical].reduce((out, char, i) => out + (lower[i] ? char.toLowerCase() : char) + (separator[i + 1] ?? ''), separator[0] ?? ''),
    );
}

const isDigit = (char: string | undefined) => char !== undefined && char >= '0' && char <= '9';

/** Indexes in [from, to) that hold a digit. */
function digitPositions(value: string, from = 0, to = value.length): number[] {
  const positions: number[] = [];
  for (let i = from; i < to; i++) if (isDigit(value[i])) positions.push(i);
  return positions;
}

/** Replaces the digit at one of `positions` (chosen by `pick`) with another digit. */
function substituteDigit(value: string, positions: readonly number[], pick: number, shift: number): string {
  const i = positions[pick % positions.length] ?? 0;
  const replacement = (Number(value[i]) + 1 + (shift % 9)) % 10;
  return value.slice(0, i) + replacement + value.slice(i + 1);
}

/** Swaps two adjacent, different digits that both lie in [from, to); null when there are none. */
function swapAdjacentDigits(value: string, pick: number, from = 0, to = value.length): string | null {
  const pairs: number[] = [];
  for (let i = from; i + 1 < to; i++) if (isDigit(value[i]) && isDigit(value[i + 1]) && value[i] !== value[i + 1]) pairs.push(i);
  if (pairs.length === 0) return null;
  const i = pairs[pick % pairs.length] ?? 0;
  return value.slice(0, i) + value.charAt(i + 1) + value.charAt(i) + value.slice(i + 2);
}

function deleteChar(value: string, pick: number): string {
  const i = pick % value.length;
  return value.slice(0, i) + value.slice(i + 1);
}

function insertChar(value: string, pick: number, char: string): string {
  const i = pick % (value.length + 1);
  return value.slice(0, i) + char + value.slice(i);
}

/** Any single printable character except white space and dots, which the rules ignore by design. */
const strayChar = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }).filter((char) => /^[^\s.]$/.test(char));

const pick = fc.nat();

function parsed(schema: z.ZodMiniType, input: string): unknown {
  const result = schema.safeParse(input);
  assert.ok(result.success, `${JSON.stringify(input)} was rejected: ${JSON.stringify(result.error?.issues)}`);
  return result.data;
}

function assertRejected(schema: z.ZodMiniType, input: string, code: RuleCode): void {
  const result = schema.safeParse(input);
  assert.equal(result.success, false, `${JSON.stringify(input)} was accepted`);
  assert.deepEqual(
    result.error?.issues.map((issue) => issue.message),
    [code],
  );
}

// ---------------------------------------------------------------------------------------------------------

describe('VAT number (btw-nummer)', () => {
  test('the examples of FEATURES.md pass, each by its own check', () => {
    assert.ok(isVat('NL004495445B01'));
    assert.ok(elevenCheck('004495445'));
    assert.ok(isVat('NL002455799B11'));
    assert.ok(!elevenCheck('002455799') && mod97('NL002455799B11') === 1);
    assert.equal(parsed(field.vatNumber, 'nl 0044.95.445 b01'), 'NL004495445B01');
  });

  test('numbers valid by the 11-check are accepted as typed and normalised', () => {
    fc.assert(
      fc.property(
        vatByElevenCheck.chain((vat) => fc.tuple(fc.constant(vat), typed(vat, [' ', '.']), fc.boolean())),
        ([vat, input, dropPrefix]) => {
          const asTyped = dropPrefix ? input.replace(/^[\s.]*[nN][\s.]*[lL]/, '') : input;
          assert.ok(isVat(vat));
          assert.ok(isVat(asTyped), asTyped);
          assert.equal(parsed(field.vatNumber, asTyped), vat);
        },
      ),
    );
  });

  test('numbers valid only by MOD 97-10 are accepted as typed and normalised', () => {
    fc.assert(
      fc.property(vatByMod97.chain((vat) => fc.tuple(fc.constant(vat), typed(vat, [' ', '.']))), ([vat, input]) => {
        assert.equal(mod97(vat), 1);
        assert.ok(isVat(vat), vat);
        assert.equal(parsed(field.vatNumber, input), vat);
      }),
    );
  });

  test('one wrong digit in an 11-check number is rejected, unless MOD 97-10 happens to hold', () => {
    fc.assert(
      fc.property(vatByElevenCheck, pick, pick, (vat, at, shift) => {
        const wrong = substituteDigit(vat, digitPositions(vat, 2, 11), at, shift);
        assert.equal(elevenCheck(nineDigitsOf(wrong)), false, 'the 11-check catches every single wrong digit');
        assert.equal(isVat(wrong), mod97(wrong) === 1, wrong);
      }),
      { numRuns: 500 },
    );
  });

  test('two swapped digits in an 11-check number are rejected, unless MOD 97-10 happens to hold', () => {
    fc.assert(
      fc.property(vatByElevenCheck, pick, (vat, at) => {
        const wrong = swapAdjacentDigits(vat, at, 2, 11);
        fc.pre(wrong !== null);
        assert.equal(elevenCheck(nineDigitsOf(wrong)), false, 'the weights of neighbours differ, so swaps show');
        assert.equal(isVat(wrong), mod97(wrong) === 1, wrong);
      }),
      { numRuns: 500 },
    );
  });

  test('one wrong digit in a MOD 97-10 number is rejected, unless the 11-check happens to hold', () => {
    fc.assert(
      fc.property(vatByMod97, pick, pick, (vat, at, shift) => {
        const wrong = substituteDigit(vat, digitPositions(vat), at, shift);
        assert.notEqual(mod97(wrong), 1, 'MOD 97-10 catches every single wrong digit');
        assert.equal(isVat(wrong), elevenCheck(nineDigitsOf(wrong)) && suffixOf(wrong) !== '00', wrong);
      }),
      { numRuns: 500 },
    );
  });

  test('two swapped digits in a MOD 97-10 number are rejected, unless the 11-check happens to hold', () => {
    fc.assert(
      fc.property(vatByMod97, pick, fc.boolean(), (vat, at, inSuffix) => {
        const wrong = inSuffix ? swapAdjacentDigits(vat, at, 12, 14) : swapAdjacentDigits(vat, at, 2, 11);
        fc.pre(wrong !== null);
        assert.notEqual(mod97(wrong), 1);
        assert.equal(isVat(wrong), elevenCheck(nineDigitsOf(wrong)) && suffixOf(wrong) !== '00', wrong);
      }),
      { numRuns: 500 },
    );
  });

  test('a deleted or an extra character is rejected', () => {
    const anyVat = fc.oneof(vatByElevenCheck, vatByMod97);
    fc.assert(
      fc.property(anyVat, pick, (vat, at) => {
        assert.equal(isVat(deleteChar(vat, at)), false);
      }),
    );
    fc.assert(
      fc.property(anyVat, pick, strayChar, (vat, at, char) => {
        const wrong = insertChar(vat, at, char);
        assert.equal(isVat(wrong), false, wrong);
        assertRejected(field.vatNumber, wrong, 'vat');
      }),
    );
  });

  test('suffix 00 and nine zeros are rejected although the 11-check holds for them', () => {
    fc.assert(
      fc.property(vatByElevenCheck, (vat) => {
        assert.equal(isVat(`${vat.slice(0, 12)}00`), false);
      }),
    );
    assert.ok(elevenCheck('000000000'));
    assert.equal(isVat('NL000000000B01'), false);
    assert.equal(isVat('NL004495445X01'), false);
    assert.equal(isVat('BE0123456789'), false);
  });
});

describe('IBAN', () => {
  test('the example of FEATURES.md passes and is normalised to electronic form', () => {
    assert.ok(isIban('NL91ABNA0417164300'));
    assert.equal(parsed(field.iban, 'nl91 abna 0417 1643 00'), 'NL91ABNA0417164300');
    assert.equal(formatIban('NL91ABNA0417164300'), 'NL91 ABNA 0417 1643 00');
  });

  test('IBANs with computed check digits are accepted as typed, printed and in electronic form', () => {
    fc.assert(
      fc.property(
        anyIban.chain((iban) => fc.tuple(fc.constant(iban), typed(iban, [' ']))),
        ([iban, input]) => {
          assert.equal(iban.length, ibanLengths[iban.slice(0, 2)]);
          assert.ok(isIban(iban), iban);
          assert.ok(isIban(input), input);
          assert.equal(parsed(field.iban, input), iban);
          assert.equal(parsed(field.iban, formatIban(iban)), iban);
        },
      ),
    );
  });

  test('one wrong digit is rejected', () => {
    fc.assert(
      fc.property(anyIban, pick, pick, (iban, at, shift) => {
        const wrong = substituteDigit(iban, digitPositions(iban, 2), at, shift);
        assert.notEqual(mod97(wrong.slice(4) + wrong.slice(0, 4)), 1);
        assert.equal(isIban(wrong), false, wrong);
        assertRejected(field.iban, wrong, 'iban');
      }),
      { numRuns: 500 },
    );
  });

  test('two swapped digits are rejected', () => {
    fc.assert(
      fc.property(anyIban, pick, (iban, at) => {
        const wrong = swapAdjacentDigits(iban, at, 2);
        fc.pre(wrong !== null);
        assert.equal(isIban(wrong), false, wrong);
      }),
      { numRuns: 500 },
    );
  });

  test('a deleted or an extra character is rejected', () => {
    fc.assert(
      fc.property(anyIban, pick, (iban, at) => {
        assert.equal(isIban(deleteChar(iban, at)), false);
      }),
    );
    fc.assert(
      fc.property(anyIban, pick, strayChar, (iban, at, char) => {
        assert.equal(isIban(insertChar(iban, at, char)), false);
      }),
    );
  });

  test('a correct checksum with the wrong length for the country is rejected', () => {
    fc.assert(
      fc.property(fc.tuple(letters(4), digits(11)), ([bank, account]) => {
        const tooLong = withCheckDigits('NL', bank + account);
        assert.equal(mod97(tooLong.slice(4) + tooLong.slice(0, 4)), 1);
        assert.equal(isIban(tooLong), false);
      }),
    );
    assert.equal(isIban(withCheckDigits('XX', '12345678901234')), false, 'a country without IBANs');
  });
});

describe('KvK number', () => {
  test('any eight digits are accepted, with spaces and dots as people type them', () => {
    fc.assert(
      fc.property(
        digits(8).chain((kvk) => fc.tuple(fc.constant(kvk), typed(kvk, [' ', '.']))),
        ([kvk, input]) => {
          assert.ok(isKvk(input), input);
          assert.equal(parsed(field.kvkNumber, input), kvk);
        },
      ),
    );
  });

  test('having no checksum, another digit still makes a valid number', () => {
    fc.assert(
      fc.property(digits(8), pick, pick, (kvk, at, shift) => {
        assert.ok(isKvk(substituteDigit(kvk, digitPositions(kvk), at, shift)));
      }),
    );
  });

  test('a non-digit, a missing digit or an extra digit is rejected', () => {
    fc.assert(
      fc.property(digits(8), pick, strayChar.filter((char) => !isDigit(char)), (kvk, at, char) => {
        const i = at % 8;
        assertRejected(field.kvkNumber, kvk.slice(0, i) + char + kvk.slice(i + 1), 'kvk');
        assertRejected(field.kvkNumber, deleteChar(kvk, at), 'kvk');
        assertRejected(field.kvkNumber, insertChar(kvk, at, String(at % 10)), 'kvk');
      }),
    );
    assert.equal(isKvk('000012345678'), false, 'a branch number (vestigingsnummer) has 12 digits');
  });
});

describe('postcode', () => {
  test('postcodes are accepted in either case, with or without the space, and printed as 1234 AB', () => {
    fc.assert(
      fc.property(postcode, fc.boolean(), fc.boolean(), fc.constantFrom('', ' ', '  '), (code, lower, space, padding) => {
        const input = `${padding}${code.slice(0, 4)}${space ? ' ' : ''}${lower ? code.slice(5).toLowerCase() : code.slice(5)}${padding}`;
        assert.ok(isPostcode(input), input);
        assert.equal(parsed(field.postcode, input), code);
      }),
    );
  });

  test('a leading zero and the letter pairs SA, SD and SS are rejected', () => {
    fc.assert(
      fc.property(postcode, fc.constantFrom('SA', 'SD', 'SS'), (code, pair) => {
        assertRejected(field.postcode, `0${code.slice(1)}`, 'postcode');
        assertRejected(field.postcode, `${code.slice(0, 5)}${pair}`, 'postcode');
      }),
    );
  });

  test('a deleted or an extra character is rejected', () => {
    fc.assert(
      fc.property(postcode, pick, strayChar, (code, at, char) => {
        const deleted = deleteChar(code, at);
        if (deleted !== code.replace(' ', '')) assertRejected(field.postcode, deleted, 'postcode');
        assertRejected(field.postcode, insertChar(code, at, char), 'postcode');
      }),
    );
  });
});

describe('e-mail address', () => {
  test('addresses as RFC 5322 allows them (without quotes) are accepted and trimmed', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (address) => {
        assert.ok(isEmail(address), address);
        assert.equal(parsed(field.email, ` ${address} `), address);
      }),
    );
  });

  test('a missing @, a second @, a space inside or a one-letter top-level domain is rejected', () => {
    fc.assert(
      fc.property(fc.emailAddress(), pick, (address, at) => {
        const [local = '', domain = ''] = address.split('@');
        assertRejected(field.email, local + domain, 'email');
        assertRejected(field.email, `${local}@${domain}@${domain}`, 'email');
        assertRejected(field.email, insertChar(address, 1 + (at % (address.length - 1)), ' '), 'email');
        assertRejected(field.email, `${local}@${domain.replace(/\.[^.]+$/, '.n')}`, 'email');
      }),
    );
    assert.equal(isEmail('info@bedrijf'), false, 'a domain needs a dot');
  });
});

describe('country and currency codes', () => {
  const alphabet = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

  test('exactly the 249 ISO 3166-1 countries are accepted, each known to Intl by name', () => {
    const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    const accepted = alphabet.flatMap((a) => alphabet.map((b) => a + b)).filter(isCountry);
    assert.equal(accepted.length, 249);
    for (const code of accepted) assert.ok(regions.of(code), `${code} is no region`);
    for (const reserved of ['UK', 'EU', 'UN', 'XK', 'ZZ', 'AN', 'YU']) assert.equal(isCountry(reserved), false, reserved);
  });

  test('the country field takes any case and surrounding spaces and stores upper case', () => {
    fc.assert(
      fc.property(fc.constantFrom('NL', 'BE', 'DE', 'FR', 'GB', 'LU', 'US', 'CW', 'SX'), fc.boolean(), (code, lower) => {
        assert.equal(parsed(field.country, ` ${lower ? code.toLowerCase() : code} `), code);
      }),
    );
    assertRejected(field.country, 'NLD', 'country');
    assertRejected(field.country, 'Nederland', 'country');
  });

  test('every accepted currency is one Intl knows; old currencies are rejected', () => {
    const known = new Set(Intl.supportedValuesOf('currency'));
    const accepted = alphabet.flatMap((a) => alphabet.flatMap((b) => alphabet.map((c) => a + b + c))).filter(isCurrency);
    assert.ok(accepted.length > 150);
    for (const code of accepted) assert.ok(known.has(code), code);
    for (const old of ['NLG', 'DEM', 'BEF', 'HRK', 'SLL']) assert.equal(isCurrency(old), false, old);
    assert.equal(parsed(field.currency, ' eur '), 'EUR');
    assertRejected(field.currency, 'EURO', 'currency');
  });
});

describe('phone number', () => {
  /** A number as people write it: maybe a +, then groups of digits split by spaces, dashes, dots or brackets. */
  const phone = fc
    .tuple(fc.boolean(), fc.array(fc.tuple(fc.constantFrom('', '', ' ', '-', '.', '(', ')'), digit), { minLength: 6, maxLength: 15 }))
    .map(([plus, groups]) => (plus ? '+' : '') + groups.map(([separator, d], i) => (i === 0 ? '' : separator) + d).join(''));

  test('6 to 15 digits with the usual separators are accepted; the field also caps the length at 30', () => {
    fc.assert(
      fc.property(phone, (number) => {
        assert.ok(isPhone(number), number);
        assert.equal(field.phone.safeParse(` ${number} `).success, number.length <= 30, number);
      }),
    );
    assert.equal(parsed(field.phone, '+31 (0)20-123 45 67'), '+31 (0)20-123 45 67');
  });

  test('a letter, a + inside, or too few or too many digits are rejected', () => {
    fc.assert(
      fc.property(phone, pick, fc.constantFrom(...'abcxyzABC#*'), (number, at, letter) => {
        assert.equal(isPhone(insertChar(number, at, letter)), false);
        assert.equal(isPhone(`${number.replace(/^\+/, '')}+1`), false);
      }),
    );
    assert.equal(isPhone('12345'), false);
    assert.equal(isPhone('1234567890123456'), false);
    assert.ok(isPhone('123456') && isPhone('123456789012345'));
  });
});

describe('messages of the rules', () => {
  const failures: [RuleCode, z.ZodMiniType, string][] = [
    ['kvk', field.kvkNumber, '1234567'],
    ['vat', field.vatNumber, 'NL004495446B01'],
    ['iban', field.iban, 'NL92ABNA0417164300'],
    ['postcode', field.postcode, '0123 AB'],
    ['email', field.email, 'info@bedrijf'],
    ['phone', field.phone, '12-34'],
    ['website', field.website, 'not a site'],
    ['country', field.country, 'XX'],
    ['currency', field.currency, 'XYZ'],
    ['color', field.color, 'red'],
  ];

  for (const [code, schema, input] of failures) {
    test(`a failed ${code} check reads as a sentence in Dutch and in English`, () => {
      const issue = schema.safeParse(input).error?.issues[0];
      assert.ok(issue, `${input} passed`);
      assert.equal(issue.message, code);
      const [nl = '', en = ''] = locales.map((locale) => issueMessage(issue, locale));
      assert.ok(nl.length > 10 && en.length > 10);
      assert.notEqual(nl, en);
      assert.notEqual(nl, code);
    });
  }
});
