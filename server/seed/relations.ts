import type { Address } from '../../src/contract/schemas/address.js';
import type { Preferences, Relation, RelationStatus } from '../../src/contract/schemas/relation.js';
import type { Place } from './addresses.js';
import { organizationAddresses, personAddresses, pickDutchCity, relationCity } from './addresses.js';
import type { SeedContext } from './context.js';
import { days, timestamp } from './context.js';
import type { LegalForm } from './dutch.js';
import { generalMailboxes, legalForms, mailProviders } from './dutch.js';
import {
  belgianIban, dutchIban, foreignPhone, germanIban, kvkNumber, landline, mobile, unique, vatNumberElevenCheck,
  vatNumberMod97,
} from './identifiers.js';
import type { PersonName } from './names.js';
import { companyName, foreignCompanyName, mailboxName, personDisplayName, personName } from './names.js';
import { foreignCities } from './places.js';

/** What the generator knows about a relation beyond its record, for the affiliations and logs drawn later. */
export type Profile =
  | { kind: 'organization'; relation: Relation; createdMs: number; place: Place; legalForm: LegalForm; domain: string }
  | { kind: 'person'; relation: Relation; createdMs: number; place: Place; name: PersonName };
export type OrganizationProfile = Extract<Profile, { kind: 'organization' }>;
export type PersonProfile = Extract<Profile, { kind: 'person' }>;

export interface Generated {
  profile: Profile;
  addresses: Address[];
}

/** The data set spans eight years of customers, relation numbers following the order they were entered. */
const history = days(8 * 365);

export function creationTime(ctx: SeedContext, index: number, total: number): number {
  const start = ctx.now - history;
  return start + ((history - days(1)) * (index + ctx.random.next())) / total;
}

export interface RelationDraft {
  kind: Relation['kind'];
  status: RelationStatus;
  displayName: string;
  organization: Relation['organization'];
  person: Relation['person'];
  email: string | null;
  phone: string | null;
  iban: string | null;
  debtor: boolean;
  creditor: boolean;
  preferences: Preferences;
  createdMs: number;
}

/** The record as the backend stores it: numbers from the tenant's sequences, version 1. */
export function relationRecord(ctx: SeedContext, id: string, draft: RelationDraft, addresses: readonly Address[]): Relation {
  const updatedMs = ctx.random.chance(0.5) ? draft.createdMs : draft.createdMs + (ctx.now - draft.createdMs) * ctx.random.next();
  return {
    id,
    number: ctx.relationNumbers.next(),
    kind: draft.kind,
    status: draft.status,
    displayName: draft.displayName,
    debtor: draft.debtor ? { number: ctx.debtorNumbers.next() } : null,
    creditor: draft.creditor ? { number: ctx.creditorNumbers.next() } : null,
    organization: draft.organization,
    person: draft.person,
    email: draft.email,
    phone: draft.phone,
    iban: draft.iban,
    city: relationCity(addresses),
    labelIds: [],
    preferences: draft.preferences,
    createdAt: timestamp(draft.createdMs),
    updatedAt: timestamp(updatedMs),
    version: 1,
  };
}

const statuses = [['active', 87], ['lead', 10], ['archived', 3]] as const;

/**
 * Leads have no roles yet. About 70% of active relations are debtors and 15% creditors: companies are
 * customers more often than private persons, and suppliers are nearly always companies.
 */
function roles(ctx: SeedContext, kind: Relation['kind'], status: RelationStatus): { debtor: boolean; creditor: boolean } {
  if (status === 'lead') return { debtor: false, creditor: false };
  const { random } = ctx;
  const archived = status === 'archived' ? 0.8 : 1;
  return kind === 'organization'
    ? { debtor: random.chance(0.8 * archived), creditor: random.chance(0.2 * archived) }
    : { debtor: random.chance(0.55 * archived), creditor: random.chance(0.05 * archived) };
}

function preferences(ctx: SeedContext, status: RelationStatus, debtor: boolean, foreign: boolean): Preferences {
  const { random } = ctx;
  const result: Preferences = {};
  if ((debtor || status === 'lead') && random.chance(0.1)) result.quotes = { validityDays: random.pick([14, 30, 60]) };
  // Customers abroad are the ones most often invoiced in another currency.
  if (debtor && (random.chance(0.08) || (foreign && random.chance(0.5)))) {
    const invoices: Record<string, number | string> = {};
    if (!foreign || random.chance(0.5)) invoices.paymentTermDays = random.pick([14, 30, 60]);
    if (foreign || random.chance(0.2) || !('paymentTermDays' in invoices)) {
      invoices.currency = random.weighted([['EUR', 2], ['USD', 1], ['GBP', 1]]);
    }
    result.invoices = invoices;
  }
  return result;
}

function pickPlace(ctx: SeedContext, foreignShare: number): Place {
  if (!ctx.random.chance(foreignShare)) return { country: 'NL', city: pickDutchCity(ctx) };
  const city = ctx.random.pick(foreignCities);
  return { country: city.country, city };
}

function phoneAt(ctx: SeedContext, place: Place): string {
  return place.country === 'NL' ? landline(ctx.random, place.city) : foreignPhone(ctx.random, place.city);
}

function ibanFor(ctx: SeedContext, place: Place): string {
  const { random } = ctx;
  const make = place.country === 'BE' ? belgianIban : place.country === 'DE' ? germanIban : dutchIban;
  return unique(ctx.taken.iban, make, random);
}

/** How likely a legal form is registered at the KvK, is liable for VAT and has a website of its own. */
const registration: Record<LegalForm, { kvk: number; vat: number; website: number }> = {
  'B.V.': { kvk: 0.97, vat: 0.92, website: 0.85 },
  'N.V.': { kvk: 1, vat: 1, website: 1 },
  'V.O.F.': { kvk: 0.95, vat: 0.9, website: 0.7 },
  Eenmanszaak: { kvk: 0.95, vat: 0.85, website: 0.55 },
  Stichting: { kvk: 0.95, vat: 0.3, website: 0.85 },
  Vereniging: { kvk: 0.7, vat: 0.15, website: 0.75 },
  'Coöperatie': { kvk: 0.95, vat: 0.8, website: 0.8 },
  Maatschap: { kvk: 0.9, vat: 0.6, website: 0.7 },
};

export function generateOrganization(ctx: SeedContext, index: number, total: number): Generated {
  const { random } = ctx;
  const status = random.weighted(statuses);
  const place = pickPlace(ctx, 0.03);
  const dutch = place.country === 'NL';
  // Companies abroad are businesses; 'B.V.' stands in for their BV, NV or GmbH when choosing job titles.
  const legalForm = dutch ? random.weighted(legalForms) : 'B.V.';
  const { name, stem } = place.country === 'NL'
    ? companyName(random, ctx.names, legalForm, place.city.name)
    : foreignCompanyName(random, place.country);
  const domain = ctx.domains.claim(stem, place.city.name, place.country.toLowerCase());
  const { debtor, creditor } = roles(ctx, 'organization', status);
  const odds = registration[legalForm];
  // Since 2020 sole proprietors get a VAT id that passes MOD 97 instead of the 11-check.
  const vat = legalForm === 'Eenmanszaak' && random.chance(0.7) ? vatNumberMod97 : vatNumberElevenCheck;
  const mailbox = legalForm === 'Vereniging' ? random.pick(['info', 'secretariaat']) : random.weighted(generalMailboxes);
  const id = ctx.id();
  const addresses = status !== 'lead' || random.chance(0.7) ? organizationAddresses(ctx, id, place, domain) : [];
  const relation = relationRecord(ctx, id, {
    kind: 'organization',
    status,
    displayName: name,
    organization: {
      name,
      kvkNumber: dutch && random.chance(odds.kvk) ? unique(ctx.taken.kvk, kvkNumber, random) : null,
      // The contract knows Dutch VAT numbers only, so companies abroad go without.
      vatNumber: dutch && random.chance(odds.vat) ? unique(ctx.taken.vat, vat, random) : null,
      website: random.chance(odds.website) ? `https://www.${domain}` : null,
    },
    person: null,
    email: random.chance(0.9) ? `${mailbox}@${domain}` : null,
    phone: random.chance(0.9) ? phoneAt(ctx, place) : null,
    iban: creditor || (debtor && random.chance(0.85)) || random.chance(0.2) ? ibanFor(ctx, place) : null,
    debtor,
    creditor,
    preferences: preferences(ctx, status, debtor, !dutch),
    createdMs: creationTime(ctx, index, total),
  }, addresses);
  return { profile: { kind: 'organization', relation, createdMs: Date.parse(relation.createdAt), place, legalForm, domain }, addresses };
}

/** A private mailbox no other relation uses: the duplicate check matches on e-mail. */
export function personalEmail(ctx: SeedContext, name: PersonName, domain: string): string {
  const local = mailboxName(ctx.random, name);
  let email = `${local}@${domain}`;
  while (ctx.taken.emails.has(email)) email = `${local}${ctx.random.int(2, 999)}@${domain}`;
  ctx.taken.emails.add(email);
  return email;
}

export function generatePerson(ctx: SeedContext, index: number, total: number): Generated {
  const { random } = ctx;
  const status = random.weighted(statuses);
  const place = pickPlace(ctx, 0.01);
  const name = personName(random, ctx.names);
  const { debtor, creditor } = roles(ctx, 'person', status);
  const id = ctx.id();
  const addresses = status !== 'lead' || random.chance(0.7) ? personAddresses(ctx, id, place) : [];
  const relation = relationRecord(ctx, id, {
    kind: 'person',
    status,
    displayName: personDisplayName(name),
    organization: null,
    person: { ...name },
    email: random.chance(0.75) ? personalEmail(ctx, name, random.weighted(mailProviders)) : null,
    phone: random.chance(0.65) ? mobile(random) : random.chance(0.3) ? phoneAt(ctx, place) : null,
    iban: creditor || (debtor && random.chance(0.6)) || random.chance(0.15) ? ibanFor(ctx, place) : null,
    debtor,
    creditor,
    preferences: preferences(ctx, status, debtor, place.country !== 'NL'),
    createdMs: creationTime(ctx, index, total),
  }, addresses);
  return { profile: { kind: 'person', relation, createdMs: Date.parse(relation.createdAt), place, name }, addresses };
}
