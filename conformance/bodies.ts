import { mod97 } from '../src/contract/rules/mod97.js';
import type {
  AddressCreate, AffiliationCreate, CallbackRequestCreate, ContactMomentCreate, LabelCreate, RelationCreate,
} from '../src/contract/index.js';

/*
 * Request bodies with valid Dutch values (KvK, VAT, IBAN, postcode), typed by the contract so that a change
 * to it breaks the kit at compile time rather than in a backend team's report. E-mail addresses use the
 * reserved `.example` domain: a backend that mails its relations must never reach a real mailbox.
 */

export function organizationBody(name: string, extra: Partial<RelationCreate> = {}): RelationCreate {
  return {
    kind: 'organization',
    organization: { name, kvkNumber: '12345678', vatNumber: 'NL004495445B01', website: 'https://www.conformance.example' },
    email: 'info@conformance.example',
    phone: '020 123 4567',
    iban: 'NL91ABNA0417164300',
    ...extra,
  };
}

export function personBody(lastName: string): RelationCreate {
  return {
    kind: 'person',
    person: { salutation: 'mevrouw', initials: 'J.', firstName: 'Johanna', infix: 'van', lastName },
    email: 'johanna@conformance.example',
    phone: '06 1234 5678',
  };
}

export function addressBody(city = 'Utrecht'): AddressCreate {
  return { purposes: ['visiting', 'postal'], street: 'Stationsplein', houseNumber: '1', postalCode: '1234 AB', city, country: 'NL' };
}

export function affiliationBody(personId: string, organizationId: string): AffiliationCreate {
  return { personId, organizationId, function: 'Directeur', email: 'directie@conformance.example', phone: '020 123 4568', isPrimary: false };
}

export function contactMomentBody(relationId: string, subject: string, extra: Partial<ContactMomentCreate> = {}): ContactMomentCreate {
  return {
    relationId,
    kind: 'call',
    subject,
    body: 'Gesprek gevoerd door de conformance-kit.',
    agreements: [{ text: 'Offerte sturen', dueDate: '2026-12-31' }],
    ...extra,
  };
}

export function callbackRequestBody(relationId: string, assigneeId: string, message: string): CallbackRequestCreate {
  return { relationId, phone: '020 123 4567', message, assigneeId };
}

export function labelBody(name: string): LabelCreate {
  return { name, color: '#1f5fbf' };
}

/**
 * A KvK number, VAT number, IBAN and e-mail address of this run alone, valid by their checks, so that
 * findDuplicates has exactly one relation to find by each, whatever earlier runs left archived.
 */
export function uniqueKeys(runId: string): { kvkNumber: string; vatNumber: string; iban: string; email: string } {
  const n = parseInt(runId.slice(0, 8), 16) || 1;
  const head = `NL${100_000_000 + (n % 900_000_000)}B`;
  const suffix = (((1 - mod97(head) * 100) % 97) + 97) % 97 || 97;
  const bban = `ABNA${String(n % 10_000_000_000).padStart(10, '0')}`;
  return {
    kvkNumber: String(10_000_000 + (n % 90_000_000)),
    vatNumber: head + String(suffix).padStart(2, '0'),
    iban: `NL${String(98 - mod97(`${bban}NL00`)).padStart(2, '0')}${bban}`,
    email: `dubbel-${runId}@conformance.example`,
  };
}
