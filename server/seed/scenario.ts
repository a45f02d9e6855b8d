import type { Address } from '../../src/contract/schemas/address.js';
import type { Affiliation } from '../../src/contract/schemas/affiliation.js';
import type { ContactMoment } from '../../src/contract/schemas/contact-moment.js';
import type { Place } from './addresses.js';
import { contactMomentRecord } from './contact-moments.js';
import type { SeedContext } from './context.js';
import { calendarDate, days } from './context.js';
import { elevenCheckVat, iban } from './identifiers.js';
import { dutchCities } from './places.js';
import type { Generated, RelationDraft } from './relations.js';
import { creationTime, relationRecord } from './relations.js';

/*
 * The example from the product page, fixed so that demos and tests can rely on it: D. Irecteur, a private
 * customer, is director of Bedrijf Uno B.V., shareholder of Bedrijf Dos B.V. and chairs the tennis club,
 * with a different function, e-mail and phone at each. They are relations 1 to 4.
 */

export const scenarioSize = 4;

export interface Scenario {
  generated: Generated[];
  affiliations: Affiliation[];
  contactMoments: ContactMoment[];
}

function place(name: string): Place {
  const city = dutchCities.find((candidate) => candidate.name === name);
  if (!city) throw new Error(`unknown city ${name}`);
  return { country: 'NL', city };
}

function vat(digits: string): string {
  const value = elevenCheckVat(digits, 1);
  if (!value) throw new Error(`${digits} has no 11-check digit`);
  return value;
}

interface AddressLine {
  purposes: Address['purposes'];
  street?: string;
  houseNumber?: string;
  poBox?: string;
  postalCode: string;
  city: string;
  email?: string;
}

function addresses(ctx: SeedContext, relationId: string, lines: AddressLine[]): Address[] {
  return lines.map((line) => ({
    id: ctx.id(),
    relationId,
    purposes: line.purposes,
    poBox: line.poBox ?? null,
    street: line.street ?? null,
    houseNumber: line.houseNumber ?? null,
    houseNumberAddition: null,
    postalCode: line.postalCode,
    city: line.city,
    country: 'NL',
    email: line.email ?? null,
    phone: null,
    version: 1,
  }));
}

export function irecteurScenario(ctx: SeedContext, total: number, authorIds: readonly string[]): Scenario {
  const anna = authorIds[0];
  if (!anna) throw new Error('the scenario needs a colleague to write its contact moments');
  const bram = authorIds[1] ?? anna;
  const draft = (index: number, fields: Omit<RelationDraft, 'status' | 'createdMs'>): RelationDraft => ({
    ...fields,
    status: 'active',
    createdMs: creationTime(ctx, index, total),
  });
  const organization = (name: string, kvkNumber: string, vatNumber: string | null, domain: string) => ({
    name, kvkNumber, vatNumber, website: `https://www.${domain}`,
  });

  const irecteurId = ctx.id();
  const irecteurAddresses = addresses(ctx, irecteurId, [
    { purposes: ['postal', 'visiting', 'invoice'], street: 'Biltstraat', houseNumber: '112', postalCode: '3572 BK', city: 'Utrecht' },
  ]);
  const irecteurName = { salutation: 'Dhr.', initials: 'D.', firstName: 'Dirk', infix: null, lastName: 'Irecteur' };
  const irecteur = relationRecord(ctx, irecteurId, draft(0, {
    kind: 'person', displayName: 'D. Irecteur', organization: null, person: irecteurName,
    email: 'dirk.irecteur@ziggo.nl', phone: '06-41235870', iban: iban('NL', 'RABO0314159265'),
    debtor: true, creditor: false, preferences: { invoices: { paymentTermDays: 14 } },
  }), irecteurAddresses);

  const unoId = ctx.id();
  const unoAddresses = addresses(ctx, unoId, [
    { purposes: ['visiting', 'invoice'], street: 'Croeselaan', houseNumber: '18', postalCode: '3521 CB', city: 'Utrecht', email: 'facturen@bedrijfuno.nl' },
    { purposes: ['postal'], poBox: '2345', postalCode: '3500 GA', city: 'Utrecht' },
  ]);
  const uno = relationRecord(ctx, unoId, draft(1, {
    kind: 'organization', displayName: 'Bedrijf Uno B.V.',
    organization: organization('Bedrijf Uno B.V.', '30212345', vat('81234567'), 'bedrijfuno.nl'), person: null,
    email: 'info@bedrijfuno.nl', phone: '030-2345600', iban: iban('NL', 'ABNA0412345678'),
    debtor: true, creditor: true, preferences: { quotes: { validityDays: 60 } },
  }), unoAddresses);

  const dosId = ctx.id();
  const dosAddresses = addresses(ctx, dosId, [
    { purposes: ['postal', 'visiting', 'invoice'], street: 'Computerweg', houseNumber: '12', postalCode: '3821 AB', city: 'Amersfoort' },
  ]);
  const dos = relationRecord(ctx, dosId, draft(2, {
    kind: 'organization', displayName: 'Bedrijf Dos B.V.',
    organization: organization('Bedrijf Dos B.V.', '32098765', vat('82345679'), 'bedrijfdos.nl'), person: null,
    email: 'info@bedrijfdos.nl', phone: '033-4567800', iban: iban('NL', 'INGB0001234567'),
    debtor: true, creditor: false, preferences: {},
  }), dosAddresses);

  const clubId = ctx.id();
  const clubAddresses = addresses(ctx, clubId, [
    { purposes: ['postal', 'visiting', 'invoice'], street: 'Laan van Maarschalkerweerd', houseNumber: '4', postalCode: '3585 LJ', city: 'Utrecht' },
  ]);
  const club = relationRecord(ctx, clubId, draft(3, {
    kind: 'organization', displayName: 'Tennisvereniging De Baan',
    organization: organization('Tennisvereniging De Baan', '40478123', null, 'tvdebaan.nl'), person: null,
    email: 'secretariaat@tvdebaan.nl', phone: '030-2510460', iban: iban('NL', 'RABO0398765432'),
    debtor: true, creditor: false, preferences: {},
  }), clubAddresses);

  // Keep random relations from drawing the scenario's natural keys.
  for (const relation of [irecteur, uno, dos, club]) {
    if (relation.organization?.kvkNumber) ctx.taken.kvk.add(relation.organization.kvkNumber);
    if (relation.organization?.vatNumber) ctx.taken.vat.add(relation.organization.vatNumber);
    if (relation.iban) ctx.taken.iban.add(relation.iban);
    if (relation.email) ctx.taken.emails.add(relation.email);
  }
  for (const domain of ['bedrijfuno.nl', 'bedrijfdos.nl', 'tvdebaan.nl']) ctx.domains.reserve(domain);

  const link = (organizationId: string, fn: string, email: string, phone: string): Affiliation => {
    ctx.taken.emails.add(email);
    return { id: ctx.id(), personId: irecteurId, organizationId, function: fn, email, phone, isPrimary: true, version: 1 };
  };
  const affiliations = [
    link(unoId, 'Directeur', 'd.irecteur@bedrijfuno.nl', '030-2345601'),
    link(dosId, 'Aandeelhouder', 'dirk.irecteur@bedrijfdos.nl', '06-52347810'),
    link(clubId, 'Voorzitter', 'voorzitter@tvdebaan.nl', '030-2510461'),
  ];

  const ago = (count: number) => ctx.now - days(count);
  const contactMoments = [
    contactMomentRecord(ctx, {
      relationId: unoId, personId: irecteurId, kind: 'meeting', subject: 'Jaargesprek 2027',
      body: 'Overleg met D. Irecteur. De samenwerking van het afgelopen jaar doorgenomen. '
        + 'Bedrijf Uno wil het onderhoudscontract uitbreiden naar de nieuwe vestiging in Houten.',
      occurredMs: ago(6),
      agreements: [
        { text: 'Offerte uitbreiding onderhoudscontract sturen', dueDate: calendarDate(ctx.now + days(8)), done: false },
        { text: 'Nieuwe contactpersoon inkoop vastleggen', dueDate: calendarDate(ago(2)), done: true },
      ],
      visibility: 'team', authorId: anna,
    }),
    contactMomentRecord(ctx, {
      relationId: clubId, personId: irecteurId, kind: 'call', subject: 'Sponsoring clubkampioenschappen',
      body: 'Gesproken met D. Irecteur als voorzitter van de club. Zij zoeken een sponsor voor de clubkampioenschappen.',
      occurredMs: ago(20),
      agreements: [{ text: 'Sponsorvoorstel mailen', dueDate: calendarDate(ago(13)), done: true }],
      visibility: 'team', authorId: bram,
    }),
    contactMomentRecord(ctx, {
      relationId: dosId, personId: irecteurId, kind: 'email', subject: 'Aandeelhoudersvergadering',
      body: 'D. Irecteur vraagt de jaarcijfers van Bedrijf Dos vertrouwelijk te behandelen.',
      occurredMs: ago(45), agreements: [], visibility: 'private', authorId: anna,
    }),
    contactMomentRecord(ctx, {
      relationId: irecteurId, personId: null, kind: 'note', subject: 'Privéklant: facturen per e-mail',
      body: 'Facturen voor privéaankopen naar zijn privéadres sturen, niet naar Bedrijf Uno.',
      occurredMs: ago(200), agreements: [], visibility: 'team', authorId: anna,
    }),
  ];

  const generated: Generated[] = [
    { profile: { kind: 'person', relation: irecteur, createdMs: Date.parse(irecteur.createdAt), place: place('Utrecht'), name: irecteurName }, addresses: irecteurAddresses },
    { profile: { kind: 'organization', relation: uno, createdMs: Date.parse(uno.createdAt), place: place('Utrecht'), legalForm: 'B.V.', domain: 'bedrijfuno.nl' }, addresses: unoAddresses },
    { profile: { kind: 'organization', relation: dos, createdMs: Date.parse(dos.createdAt), place: place('Amersfoort'), legalForm: 'B.V.', domain: 'bedrijfdos.nl' }, addresses: dosAddresses },
    { profile: { kind: 'organization', relation: club, createdMs: Date.parse(club.createdAt), place: place('Utrecht'), legalForm: 'Vereniging', domain: 'tvdebaan.nl' }, addresses: clubAddresses },
  ];
  return { generated, affiliations, contactMoments };
}
