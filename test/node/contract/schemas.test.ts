/*
 * The request schemas of the contract as a client meets them: what they accept, how they normalise it, and
 * which issue, at which path, they report for what they refuse.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import * as z from 'zod/mini';
import {
  AddressCreate,
  AddressPatch,
  AddressRules,
  addressPurposes,
  ContactMomentCreate,
  issueMessage,
  LabelCreate,
  ListRelationsQuery,
  RelationCreate,
  RelationPatch,
  type AddressPurpose,
  type IssueLike,
  type Locale,
} from '../../../src/contract/index.js';
import { id, intParam, listParam } from '../../../src/contract/schemas/fields.js';

interface Failure {
  path: PropertyKey[];
  code: string;
  message: string;
}

function accepted<S extends z.ZodMiniType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  assert.ok(result.success, `rejected: ${JSON.stringify(result.error?.issues)}`);
  return result.data;
}

/** The issues of a rejected input, reduced to what a form needs: where, which rule, which message code. */
function failures(schema: z.ZodMiniType, input: unknown): Failure[] {
  const result = schema.safeParse(input);
  assert.equal(result.success, false, `accepted: ${JSON.stringify(input)}`);
  return (result.error?.issues ?? []).map(({ path, code, message }) => ({ path, code, message }));
}

function assertOnlyFailure(schema: z.ZodMiniType, input: unknown, path: PropertyKey[], message: string): void {
  const found = failures(schema, input);
  assert.deepEqual(
    found.map((failure) => [failure.path, failure.message]),
    [[path, message]],
  );
}

const organization = (extra: Record<string, unknown> = {}) => ({
  kind: 'organization',
  organization: { name: 'Bedrijf Uno B.V.' },
  ...extra,
});
const person = (extra: Record<string, unknown> = {}) => ({ kind: 'person', person: { lastName: 'Irecteur' }, ...extra });

describe('RelationCreate', () => {
  test('an organization is normalised as typed: name trimmed, KvK, VAT, IBAN and website in canonical form', () => {
    const relation = accepted(RelationCreate, {
      kind: 'organization',
      organization: {
        name: '  Bedrijf Uno B.V. ',
        kvkNumber: '1234 5678',
        vatNumber: 'nl 0044.95.445 b01',
        website: 'www.bedrijfuno.nl',
      },
      iban: 'nl91 abna 0417 1643 00',
      email: ' info@bedrijfuno.nl ',
      debtor: {},
      labelIds: ['l1'],
    });
    assert.deepEqual(relation, {
      kind: 'organization',
      organization: {
        name: 'Bedrijf Uno B.V.',
        kvkNumber: '12345678',
        vatNumber: 'NL004495445B01',
        website: 'https://www.bedrijfuno.nl',
      },
      iban: 'NL91ABNA0417164300',
      email: 'info@bedrijfuno.nl',
      debtor: {},
      labelIds: ['l1'],
    });
  });

  test('a person needs only a last name', () => {
    assert.deepEqual(accepted(RelationCreate, person({ person: { initials: 'D.', lastName: ' Irecteur ' } })), {
      kind: 'person',
      person: { initials: 'D.', lastName: 'Irecteur' },
    });
  });

  test('an organization needs its organization part with a name', () => {
    assertOnlyFailure(RelationCreate, { kind: 'organization' }, ['organization'], 'organizationRequired');
    assertOnlyFailure(RelationCreate, { kind: 'organization', organization: null }, ['organization'], 'organizationRequired');
    const [missingName] = failures(RelationCreate, { kind: 'organization', organization: {} });
    assert.deepEqual(missingName?.path, ['organization', 'name']);
    assert.deepEqual(failures(RelationCreate, { kind: 'organization', organization: { name: '   ' } })[0]?.path, [
      'organization',
      'name',
    ]);
  });

  test('a person needs its person part with a last name', () => {
    assertOnlyFailure(RelationCreate, { kind: 'person' }, ['person'], 'personRequired');
    assert.deepEqual(failures(RelationCreate, { kind: 'person', person: { firstName: 'Dirk' } })[0]?.path, ['person', 'lastName']);
  });

  test('the part of the other kind is refused', () => {
    assertOnlyFailure(RelationCreate, organization({ person: { lastName: 'Irecteur' } }), ['person'], 'wrongPartForKind');
    assertOnlyFailure(RelationCreate, person({ organization: { name: 'Bedrijf Uno B.V.' } }), ['organization'], 'wrongPartForKind');
    assert.ok(RelationCreate.safeParse(organization({ person: null })).success, 'null is no part');
  });

  test('invalid numbers are reported at their own path', () => {
    const input = organization({
      organization: { name: 'Bedrijf Uno B.V.', kvkNumber: '1234567', vatNumber: 'NL004495446B01' },
      iban: 'NL92ABNA0417164300',
      email: 'info@bedrijfuno',
    });
    assert.deepEqual(
      failures(RelationCreate, input).map((failure) => [failure.path, failure.message]),
      [
        [['organization', 'kvkNumber'], 'kvk'],
        [['organization', 'vatNumber'], 'vat'],
        [['email'], 'email'],
        [['iban'], 'iban'],
      ],
    );
  });

  test('unknown keys and fields the backend owns are refused', () => {
    for (const key of ['id', 'number', 'version', 'displayName', 'createdAt', 'nickname']) {
      const [failure] = failures(RelationCreate, organization({ [key]: 1 }));
      assert.equal(failure?.code, 'unrecognized_keys', key);
      assert.deepEqual(failure.path, []);
    }
    const [nested] = failures(RelationCreate, organization({ organization: { name: 'Uno', kvk: '12345678' } }));
    assert.deepEqual([nested?.code, nested?.path], ['unrecognized_keys', ['organization']]);
  });

  test('a role is asked for with {} and ended with null; its number is the backend’s to give', () => {
    assert.ok(RelationCreate.safeParse(organization({ debtor: {}, creditor: null })).success);
    const [failure] = failures(RelationCreate, organization({ debtor: { number: 1001 } }));
    assert.deepEqual([failure?.code, failure?.path], ['unrecognized_keys', ['debtor']]);
  });

  test('kind and status are closed lists', () => {
    assert.deepEqual(failures(RelationCreate, { kind: 'robot' })[0]?.path, ['kind']);
    assert.deepEqual(failures(RelationCreate, organization({ status: 'prospect' }))[0]?.path, ['status']);
  });
});

describe('RelationPatch', () => {
  test('an empty patch changes nothing, and null clears a field', () => {
    assert.deepEqual(accepted(RelationPatch, {}), {});
    assert.deepEqual(accepted(RelationPatch, { email: null, iban: null, organization: { kvkNumber: null } }), {
      email: null,
      iban: null,
      organization: { kvkNumber: null },
    });
  });

  test('only the fields sent are checked and normalised', () => {
    assert.deepEqual(accepted(RelationPatch, { organization: { vatNumber: 'nl002455799b11' } }), {
      organization: { vatNumber: 'NL002455799B11' },
    });
    assert.deepEqual(accepted(RelationPatch, { person: { infix: 'van der' } }), { person: { infix: 'van der' } });
    assertOnlyFailure(RelationPatch, { organization: { vatNumber: 'NL002455799B12' } }, ['organization', 'vatNumber'], 'vat');
    assert.deepEqual(failures(RelationPatch, { organization: { name: '' } })[0]?.path, ['organization', 'name']);
  });

  test('the kind cannot be patched, nor can unknown keys be sent', () => {
    const [failure] = failures(RelationPatch, { kind: 'person' });
    assert.equal(failure?.code, 'unrecognized_keys');
    assert.equal(failures(RelationPatch, { person: { lastName: 'Jansen', age: 40 } })[0]?.code, 'unrecognized_keys');
  });

  test('preferences hold per module a flat map of text, numbers, booleans or null', () => {
    const preferences = { quotes: { validDays: 30, note: 'Altijd met korting', portal: true, currency: null } };
    assert.deepEqual(accepted(RelationPatch, { preferences }), { preferences });
    assert.deepEqual(failures(RelationPatch, { preferences: { quotes: { validDays: { days: 30 } } } })[0]?.path, [
      'preferences',
      'quotes',
      'validDays',
    ]);
  });
});

describe('AddressCreate', () => {
  const street = { street: 'Damrak', houseNumber: '1' };

  test('a street address or a PO box is needed', () => {
    assert.ok(AddressCreate.safeParse({ purposes: ['visiting', 'invoice'], ...street }).success);
    assert.ok(AddressCreate.safeParse({ purposes: ['postal'], poBox: '1234' }).success);
    assertOnlyFailure(AddressCreate, { purposes: ['postal'] }, ['street'], 'addressLine');
    assertOnlyFailure(AddressCreate, { purposes: ['postal'], street: 'Damrak' }, ['houseNumber'], 'addressLine');
    assertOnlyFailure(AddressCreate, { purposes: ['postal'], houseNumber: '1' }, ['street'], 'addressLine');
    assertOnlyFailure(AddressCreate, { purposes: ['postal'], street: ' ', houseNumber: '1' }, ['street'], 'addressLine');
  });

  test('a PO box can only be a postal address', () => {
    assertOnlyFailure(AddressCreate, { purposes: ['postal', 'invoice'], poBox: '1234' }, ['poBox'], 'poBoxPostalOnly');
    assertOnlyFailure(AddressCreate, { purposes: ['visiting'], poBox: '1234' }, ['poBox'], 'poBoxPostalOnly');
  });

  test('each purpose may appear once, and at least one is needed', () => {
    const purposes = fc.array(fc.constantFrom(...addressPurposes), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(purposes, (list: AddressPurpose[]) => {
        const unique = new Set(list).size === list.length;
        const result = AddressCreate.safeParse({ purposes: list, ...street });
        assert.equal(result.success, unique, list.join());
        if (!unique) assertOnlyFailure(AddressCreate, { purposes: list, ...street }, ['purposes'], 'duplicatePurpose');
      }),
    );
    assert.deepEqual(failures(AddressCreate, { purposes: [], ...street })[0]?.path, ['purposes']);
  });

  test('a Dutch postcode is checked and printed as 1234 AB when the country is NL or not given', () => {
    for (const country of [undefined, 'NL', 'nl']) {
      const address = accepted(AddressCreate, { purposes: ['visiting'], ...street, postalCode: '1012js', country });
      assert.equal(address.postalCode, '1012 JS', String(country));
      assertOnlyFailure(
        AddressCreate,
        { purposes: ['visiting'], ...street, postalCode: 'SW1A 1AA', country },
        ['postalCode'],
        'postcode',
      );
    }
  });

  test('a foreign postcode is kept as given', () => {
    for (const [country, postalCode] of [['BE', '1000'], ['DE', '10115'], ['GB', 'SW1A 1AA'], ['be', 'B-2000']]) {
      const address = accepted(AddressCreate, { purposes: ['visiting'], ...street, postalCode, country });
      assert.deepEqual([address.postalCode, address.country], [postalCode, country?.toUpperCase()]);
    }
    assertOnlyFailure(AddressCreate, { purposes: ['visiting'], ...street, country: 'XX' }, ['country'], 'country');
  });

  test('unknown keys are refused', () => {
    assert.equal(failures(AddressCreate, { purposes: ['visiting'], ...street, relationId: 'r1' })[0]?.code, 'unrecognized_keys');
  });

  test('a patch is checked field by field; the cross-field rules apply to the merged address', () => {
    assert.deepEqual(accepted(AddressPatch, { poBox: '1234' }), { poBox: '1234' });
    assert.equal(failures(AddressPatch, { id: 'a1' })[0]?.code, 'unrecognized_keys');
    const merged = {
      purposes: ['visiting'],
      poBox: '1234',
      street: null,
      houseNumber: null,
      houseNumberAddition: null,
      postalCode: '1012js',
      city: 'Amsterdam',
      country: 'NL',
      email: null,
      phone: null,
    };
    assertOnlyFailure(AddressRules, merged, ['poBox'], 'poBoxPostalOnly');
    assert.equal(accepted(AddressRules, { ...merged, purposes: ['postal'] }).postalCode, '1012 JS');
  });
});

describe('ContactMomentCreate', () => {
  const call = { relationId: 'r1', kind: 'call', subject: ' Teruggebeld ' };

  test('a call with a subject is enough; text is trimmed', () => {
    assert.deepEqual(accepted(ContactMomentCreate, call), { relationId: 'r1', kind: 'call', subject: 'Teruggebeld' });
  });

  test('a full report with agreements is accepted', () => {
    const report = {
      ...call,
      kind: 'report',
      personId: 'p1',
      body: 'Besproken: levering in maart.',
      occurredAt: '2026-03-02T09:30:00Z',
      visibility: 'private',
      agreements: [{ text: 'Offerte sturen', dueDate: '2026-03-09' }, { text: 'Terugbellen', done: true }],
    };
    assert.deepEqual(accepted(ContactMomentCreate, report).agreements, report.agreements);
  });

  test('moments are RFC 3339 in UTC and dates are real dates', () => {
    assert.ok(ContactMomentCreate.safeParse({ ...call, occurredAt: '2026-03-02T09:30:00.250Z' }).success);
    for (const occurredAt of ['2026-03-02T10:30:00+01:00', '2026-03-02 09:30', '2026-03-02']) {
      assertOnlyFailure(ContactMomentCreate, { ...call, occurredAt }, ['occurredAt'], 'datetime');
    }
    assertOnlyFailure(
      ContactMomentCreate,
      { ...call, agreements: [{ text: 'Bellen' }, { text: 'Offerte', dueDate: '2026-02-30' }] },
      ['agreements', 1, 'dueDate'],
      'date',
    );
  });

  test('subject, kind and visibility are required or closed; unknown keys are refused', () => {
    assert.deepEqual(failures(ContactMomentCreate, { ...call, subject: '  ' })[0]?.path, ['subject']);
    assert.deepEqual(failures(ContactMomentCreate, { ...call, kind: 'letter' })[0]?.path, ['kind']);
    assert.deepEqual(failures(ContactMomentCreate, { ...call, visibility: 'public' })[0]?.path, ['visibility']);
    assert.deepEqual(failures(ContactMomentCreate, { ...call, authorId: 'u1' })[0]?.code, 'unrecognized_keys');
    assert.deepEqual(failures(ContactMomentCreate, { ...call, agreements: [{ text: 'x', owner: 'anna' }] })[0]?.path, [
      'agreements',
      0,
    ]);
    const tooMany = Array.from({ length: 51 }, (_, i) => ({ text: `Afspraak ${i}` }));
    assert.equal(failures(ContactMomentCreate, { ...call, agreements: tooMany })[0]?.code, 'too_big');
  });
});

describe('LabelCreate', () => {
  test('a colour is six hex digits, stored in lower case', () => {
    const hex = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: 6, maxLength: 6 });
    fc.assert(
      fc.property(hex, fc.constantFrom('', ' '), (digits, padding) => {
        assert.equal(accepted(LabelCreate, { name: 'VIP', color: `${padding}#${digits}${padding}` }).color, `#${digits.toLowerCase()}`);
      }),
    );
    for (const color of ['#1f5fb', '1f5fbf', '#1f5fbg', 'red', '#1f5fbf00']) {
      assertOnlyFailure(LabelCreate, { name: 'VIP', color }, ['color'], 'color');
    }
  });

  test('a name is required and at most 60 characters', () => {
    assert.deepEqual(failures(LabelCreate, { name: ' ', color: '#000000' })[0]?.path, ['name']);
    assert.equal(failures(LabelCreate, { name: 'x'.repeat(61), color: '#000000' })[0]?.code, 'too_big');
  });
});

describe('query parameters', () => {
  test('intParam takes the whole numbers in its range, written as digits', () => {
    const limit = intParam(1, 500);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), (n) => {
        assert.equal(accepted(limit, String(n)), n);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 501, max: 10 ** 9 }), (n) => {
        assert.equal(failures(limit, String(n))[0]?.code, 'too_big');
      }),
    );
    assert.equal(failures(limit, '0')[0]?.code, 'too_small');
    for (const text of ['-1', '1.5', '1e3', ' 5', '', 'ten']) assert.equal(failures(limit, text)[0]?.code, 'invalid_format', text);
  });

  test('listParam splits on commas, trims, drops empty parts and checks each item', () => {
    const ids = fc.array(fc.stringMatching(/^[a-z0-9-]{1,12}$/), { maxLength: 20 });
    fc.assert(
      fc.property(ids, fc.constantFrom(',', ', ', ' ,'), (list, separator) => {
        assert.deepEqual(accepted(listParam(id), list.join(separator)), list);
      }),
    );
    assert.deepEqual(accepted(listParam(id), 'a,,b,'), ['a', 'b']);
    const [failure] = failures(listParam(z.enum(['lead', 'active'])), 'lead,prospect');
    assert.deepEqual([failure?.code, failure?.path], ['invalid_value', [1]]);
    assert.equal(failures(listParam(id), Array.from({ length: 101 }, (_, i) => `l${i}`).join(','))[0]?.code, 'too_big');
  });

  test('the relation list query parses as a URL carries it', () => {
    const query = Object.fromEntries(new URLSearchParams('q=uno&status=lead,active&labelIds=l1,l2&labelMode=any&sort=-name&limit=50'));
    assert.deepEqual(accepted(ListRelationsQuery, query), {
      q: 'uno',
      status: ['lead', 'active'],
      labelIds: ['l1', 'l2'],
      labelMode: 'any',
      sort: '-name',
      limit: 50,
    });
    assert.deepEqual(failures(ListRelationsQuery, { sort: 'shoe-size' })[0]?.path, ['sort']);
  });
});

describe('issueMessage for zod’s own issues', () => {
  /*
   * Zod drops an issue's input unless asked to report it, and `issueMessage` needs the input to tell a missing
   * field from a wrong type; so whoever parses for messages passes `reportInput: true`.
   */
  function messages(schema: z.ZodMiniType, input: unknown): Record<Locale, string> {
    const issue: IssueLike | undefined = schema.safeParse(input, { reportInput: true }).error?.issues[0];
    assert.ok(issue, 'no issue');
    const result = { nl: issueMessage(issue, 'nl'), en: issueMessage(issue, 'en') };
    assert.notEqual(result.nl, result.en);
    return result;
  }

  test('required', () => {
    assert.deepEqual(messages(LabelCreate, { color: '#000000' }), { nl: 'Dit veld is verplicht.', en: 'This field is required.' });
  });

  test('a wrong type names what was expected', () => {
    assert.deepEqual(messages(LabelCreate, { name: 7, color: '#000000' }), { nl: 'Verwacht: tekst.', en: 'Expected text.' });
  });

  test('too_small: empty text, too short a list, too small a number', () => {
    assert.deepEqual(messages(LabelCreate, { name: ' ', color: '#000000' }), { nl: 'Mag niet leeg zijn.', en: 'Must not be empty.' });
    const fewPurposes = messages(AddressCreate, { purposes: [], street: 'Damrak', houseNumber: '1' });
    assert.match(fewPurposes.nl, /1 items/);
    assert.match(fewPurposes.en, /1 items/);
    assert.deepEqual(messages(intParam(1, 500), '0'), { nl: 'Minstens 1.', en: 'At least 1.' });
  });

  test('too_big: too long a text, too long a list, too big a number', () => {
    assert.deepEqual(messages(LabelCreate, { name: 'x'.repeat(61), color: '#000000' }), {
      nl: 'Hoogstens 60 tekens.',
      en: 'At most 60 characters.',
    });
    const many = Array.from({ length: 51 }, () => ({ text: 'Bellen' }));
    assert.match(messages(ContactMomentCreate, { relationId: 'r1', kind: 'call', subject: 'x', agreements: many }).en, /50 items/);
    assert.deepEqual(messages(intParam(1, 500), '501'), { nl: 'Hoogstens 500.', en: 'At most 500.' });
  });

  test('invalid_value lists the choices', () => {
    assert.deepEqual(messages(RelationCreate, { kind: 'robot' }), {
      nl: 'Kies een van: organization, person.',
      en: 'Choose one of: organization, person.',
    });
  });

  test('unrecognized_keys names the keys', () => {
    assert.deepEqual(messages(LabelCreate, { name: 'VIP', color: '#000000', icon: 'star', rank: 1 }), {
      nl: 'Onbekend veld: icon, rank.',
      en: 'Unknown field: icon, rank.',
    });
  });

  test('rule codes from cross-field checks', () => {
    const { nl, en } = messages(RelationCreate, { kind: 'person' });
    assert.equal(nl, 'Een persoon heeft een achternaam nodig.');
    assert.equal(en, 'A person needs a last name.');
  });
});
