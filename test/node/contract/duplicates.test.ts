/*
 * The one definition of what findDuplicates compares (src/contract/duplicates.ts), with expectations written
 * out by hand: the reference backend compares these values in SQL, the browser's cache compares them offline.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  AddressLookupQuery, DuplicateDraft, draftDuplicateKeys, duplicateKey, duplicateName, relationDuplicateKeys, sharedDuplicateKeys,
  type Relation,
} from '../../../src/contract/index.js';
import { duplicateDraft } from '../../../src/elements/relation-create/create-fields.js';

const uno: Relation = {
  id: 'rel_uno', number: 1001, kind: 'organization', status: 'active', displayName: 'Bedrijf Uno B.V.', debtor: null, creditor: null,
  organization: { name: 'Bedrijf Uno B.V.', kvkNumber: '34215678', vatNumber: 'NL852123450B01', website: null },
  person: null, email: 'Info@BedrijfUno.nl', phone: null, iban: 'NL91ABNA0417164300', city: null,
  labelIds: [], preferences: {}, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', version: 1,
};

describe('duplicates: one definition of the compared keys and names', () => {
  test('normalises each exact key as people type it', () => {
    assert.equal(duplicateKey.kvkNumber(' 3421 56.78 '), '34215678');
    assert.equal(duplicateKey.vatNumber('nl 8521.23.450 b01'), 'NL852123450B01');
    assert.equal(duplicateKey.vatNumber('852123450B01'), 'NL852123450B01');
    assert.equal(duplicateKey.iban('nl91 abna 0417 1643 00'), 'NL91ABNA0417164300');
    assert.equal(duplicateKey.email('  Info@BedrijfUno.NL '), 'info@bedrijfuno.nl');
  });

  test('a value that is empty, half typed or breaks its rule is no key', () => {
    for (const value of [null, undefined, '', '   ']) {
      assert.equal(duplicateKey.kvkNumber(value), null);
      assert.equal(duplicateKey.email(value), null);
    }
    assert.equal(duplicateKey.kvkNumber('3421'), null);
    assert.equal(duplicateKey.kvkNumber('342156789'), null);
    assert.equal(duplicateKey.vatNumber('NL852123450B00'), null);
    assert.equal(duplicateKey.vatNumber('NL852123451B01'), null, 'the 11-check fails');
    assert.equal(duplicateKey.iban('NL91ABNA0417164301'), null, 'MOD 97 fails');
    assert.equal(duplicateKey.email('info@bedrijfuno'), null);
  });

  test('a draft and a relation give the same keys for the same values', () => {
    const draft = draftDuplicateKeys({
      organization: { kvkNumber: '3421 5678', vatNumber: 'nl852123450b01' }, iban: 'nl91 abna 0417 1643 00', email: 'INFO@bedrijfuno.nl ',
    });
    assert.deepEqual(draft, { kvkNumber: '34215678', vatNumber: 'NL852123450B01', iban: 'NL91ABNA0417164300', email: 'info@bedrijfuno.nl' });
    assert.deepEqual(relationDuplicateKeys(uno), draft);
    assert.deepEqual(sharedDuplicateKeys(draft, relationDuplicateKeys(uno)), ['kvkNumber', 'vatNumber', 'iban', 'email']);
    assert.deepEqual(sharedDuplicateKeys({ email: 'info@bedrijfuno.nl', kvkNumber: '12345678' }, relationDuplicateKeys(uno)), ['email']);
    assert.deepEqual(sharedDuplicateKeys({}, relationDuplicateKeys(uno)), []);
    assert.deepEqual(relationDuplicateKeys({ ...uno, organization: null, email: null, iban: null }), {});
  });

  test('composes the compared name: an organization by its name, a person by first name, infix and last name, folded', () => {
    assert.equal(duplicateName(uno), 'bedrijf uno b.v.');
    assert.equal(duplicateName({ kind: 'person', person: { firstName: 'Jan ', infix: 'van der', lastName: 'Bérg' } }), 'jan van der berg');
    assert.equal(duplicateName({ kind: 'person', person: { firstName: null, infix: null, lastName: 'Jansen' } }), 'jansen');
    assert.equal(duplicateName({ person: { firstName: 'Anna', lastName: 'de  Vries' } }), 'anna de vries', 'no kind, no organization name: a person');
    assert.equal(duplicateName({ organization: { name: 'Ærø  Café' } }), 'aero cafe');
    assert.equal(duplicateName({ kind: 'organization' }), '');
    assert.equal(duplicateName({ kind: 'person', person: { firstName: null, initials: 'J.P.', infix: null, lastName: 'Jansen' } }), 'j.p. jansen', 'initials stand in for a missing first name');
    assert.equal(duplicateName({ kind: 'person', person: { firstName: 'Jan', initials: 'J.', lastName: 'Jansen' } }), 'jan jansen');
  });

  test('a draft while typing is lenient, yet strict about its fields and lengths', () => {
    assert.ok(DuplicateDraft.safeParse({ kind: 'person', person: { firstName: '', lastName: 'J' }, email: 'j@', iban: 'NL9' }).success);
    assert.ok(DuplicateDraft.safeParse({ organization: null, person: null, email: null }).success);
    assert.ok(DuplicateDraft.safeParse({ kind: 'person', person: { initials: 'J.', lastName: 'Jansen' } }).success, 'initials, which stand in for a first name');
    assert.ok(!DuplicateDraft.safeParse({ person: { initials: 'J'.repeat(21) } }).success, 'initials as long as a relation allows');
    assert.ok(!DuplicateDraft.safeParse({ phone: '020' }).success, 'no unknown fields');
    assert.ok(!DuplicateDraft.safeParse({ organization: { website: 'x.nl' } }).success);
    assert.ok(!DuplicateDraft.safeParse({ email: 'x'.repeat(301) }).success);
  });

  test("the create form's draft carries a person's initials, so J. Jansen is compared as j. jansen", () => {
    const draft = duplicateDraft({ kind: 'person', 'person.initials': ' J. ', 'person.firstName': '', 'person.lastName': 'Jansen' });
    assert.ok(DuplicateDraft.safeParse(draft).success, 'a draft the contract accepts');
    assert.equal(duplicateName(draft), 'j. jansen');
  });

  test('the lookup query normalises the postcode and wants a whole house number', () => {
    assert.deepEqual(AddressLookupQuery.parse({ postalCode: '1234ab', houseNumber: ' 12 ' }), { postalCode: '1234 AB', houseNumber: '12' });
    assert.ok(!AddressLookupQuery.safeParse({ postalCode: '1234 SA', houseNumber: '12' }).success);
    assert.ok(!AddressLookupQuery.safeParse({ postalCode: '1234 AB', houseNumber: '12a' }).success);
    assert.ok(!AddressLookupQuery.safeParse({ postalCode: '1234 AB', houseNumber: '0' }).success);
  });
});
