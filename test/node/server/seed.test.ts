import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Address, AddressRules } from '../../../src/contract/schemas/address.js';
import { Affiliation } from '../../../src/contract/schemas/affiliation.js';
import { ContactMoment } from '../../../src/contract/schemas/contact-moment.js';
import { Label } from '../../../src/contract/schemas/label.js';
import { Document } from '../../../src/contract/schemas/module.js';
import { Relation } from '../../../src/contract/schemas/relation.js';
import type { SeedData } from '../../../server/seed/generate.js';
import { defaultNow, generateSeed } from '../../../server/seed/generate.js';
import { dutchCities } from '../../../server/seed/places.js';

const demo = generateSeed({ tenant: 'demo', relations: 2000 });
const acme = generateSeed({ tenant: 'acme', relations: 300 });

/** Every id a data set hands to the storage layer. */
function allIds(data: SeedData): string[] {
  return [
    ...data.relations, ...data.addresses, ...data.affiliations, ...data.contactMoments, ...data.labels, ...data.documents,
  ].map((record) => record.id);
}

function share(count: number, total: number): number {
  return count / total;
}

describe('seed data', () => {
  test('the same options give the same data; another seed gives other data', () => {
    assert.deepEqual(generateSeed({ tenant: 'demo', relations: 300 }), generateSeed({ tenant: 'demo', relations: 300 }));
    const other = generateSeed({ tenant: 'demo', relations: 300, seed: 2 });
    assert.notDeepEqual(other.relations.slice(4), generateSeed({ tenant: 'demo', relations: 300 }).relations.slice(4));
  });

  test('every record is valid by its contract schema and already in canonical form', () => {
    for (const data of [demo, acme]) {
      const check = (schema: { safeParse(value: unknown): { success: boolean; data?: unknown; error?: unknown } }, record: object) => {
        const result = schema.safeParse(record);
        assert.ok(result.success, `${JSON.stringify(record)}\n${String(result.error)}`);
        // Parsing normalises (postcode, VAT, website); unchanged output means the seed stores what the API would.
        assert.deepEqual(result.data, record);
      };
      for (const relation of data.relations) {
        check(Relation, relation);
        assert.equal(relation.organization !== null, relation.kind === 'organization');
        assert.equal(relation.person !== null, relation.kind === 'person');
      }
      for (const address of data.addresses) {
        check(Address, address);
        // The rules across fields (a street or a PO box, a PO box only for post) sit apart from the shape.
        assert.ok(AddressRules.safeParse(address).success, JSON.stringify(address));
      }
      for (const affiliation of data.affiliations) check(Affiliation, affiliation);
      for (const moment of data.contactMoments) check(ContactMoment, moment);
      for (const label of data.labels) check(Label, label);
      for (const { relationId, ...document } of data.documents) {
        assert.ok(relationId);
        check(Document, document);
      }
    }
  });

  test('Dutch postcodes lie in the real range of their city, and NL IBANs are of Dutch banks', () => {
    const cities = new Map(dutchCities.map((city) => [city.name, city]));
    for (const address of demo.addresses.filter((a) => a.country === 'NL')) {
      const city = cities.get(address.city ?? '');
      assert.ok(city, `unknown city ${address.city}`);
      const digits = Number(address.postalCode?.slice(0, 4));
      const ranges = address.poBox ? [city.poBoxPostcodes] : city.postcodes;
      assert.ok(ranges.some(([from, to]) => digits >= from && digits <= to), `${address.postalCode} is not in ${city.name}`);
    }
    for (const relation of demo.relations) {
      if (relation.iban?.startsWith('NL')) {
        assert.match(relation.iban, /^NL\d{2}(ABNA|INGB|RABO|TRIO|SNSB|ASNB|KNAB|BUNQ)\d{10}$/);
      }
    }
  });

  test('the mix of kinds, statuses and roles looks like a real customer base', () => {
    const { relations } = demo;
    const active = relations.filter((r) => r.status === 'active');
    const leads = relations.filter((r) => r.status === 'lead');
    const within = (value: number, low: number, high: number, what: string) =>
      assert.ok(value >= low && value <= high, `${what}: ${value.toFixed(3)} not in [${low}, ${high}]`);
    within(share(relations.filter((r) => r.kind === 'organization').length, relations.length), 0.55, 0.65, 'organizations');
    within(share(leads.length, relations.length), 0.07, 0.13, 'leads');
    within(share(relations.filter((r) => r.status === 'archived').length, relations.length), 0.01, 0.05, 'archived');
    within(share(active.filter((r) => r.debtor).length, active.length), 0.64, 0.76, 'debtors among active');
    within(share(active.filter((r) => r.creditor).length, active.length), 0.11, 0.19, 'creditors among active');
    assert.ok(active.some((r) => r.debtor && r.creditor), 'some relations are both debtor and creditor');
    assert.ok(leads.every((r) => !r.debtor && !r.creditor), 'leads have no roles');
    assert.ok(relations.some((r) => Object.keys(r.preferences).length > 0));
  });

  test('numbers follow creation order and the counters continue after them', () => {
    const { relations, counters } = demo;
    relations.forEach((relation, index) => assert.equal(relation.number, index + 1));
    for (let i = 1; i < relations.length; i++) {
      assert.ok((relations[i - 1]?.createdAt ?? '') <= (relations[i]?.createdAt ?? ''), 'createdAt rises with the number');
    }
    const debtors = relations.flatMap((r) => (r.debtor ? [r.debtor.number] : []));
    const creditors = relations.flatMap((r) => (r.creditor ? [r.creditor.number] : []));
    assert.deepEqual(debtors, debtors.map((_, i) => 10001 + i));
    assert.deepEqual(creditors, creditors.map((_, i) => 70001 + i));
    assert.deepEqual(counters, { relation: relations.length, debtor: 10000 + debtors.length, creditor: 70000 + creditors.length });
  });

  test('ids, registry numbers, IBANs and e-mail addresses are unique', () => {
    const ids = allIds(demo);
    assert.equal(new Set(ids).size, ids.length);
    const unique = (values: (string | null | undefined)[], what: string) => {
      const present = values.filter((value): value is string => Boolean(value));
      assert.equal(new Set(present).size, present.length, `${what} repeat`);
    };
    unique(demo.relations.map((r) => r.organization?.kvkNumber), 'KvK numbers');
    unique(demo.relations.map((r) => r.organization?.vatNumber), 'VAT numbers');
    unique(demo.relations.map((r) => r.iban), 'IBANs');
    unique([...demo.relations.map((r) => r.email), ...demo.affiliations.map((a) => a.email)], 'e-mail addresses');
    unique(demo.documents.map((d) => d.number), 'document numbers');
  });

  test('timestamps lie before the fixed "now" and updates come after creation', () => {
    const now = defaultNow.toISOString();
    for (const record of [...demo.relations, ...demo.contactMoments]) {
      assert.ok(record.createdAt <= record.updatedAt && record.updatedAt <= now, JSON.stringify(record));
    }
  });

  test('labels are counted on the relations that carry them', () => {
    assert.ok(demo.labels.length >= 6 && demo.labels.length <= 10);
    const known = new Set(demo.labels.map((label) => label.id));
    const counts = new Map<string, number>();
    for (const relation of demo.relations) {
      assert.equal(new Set(relation.labelIds).size, relation.labelIds.length);
      for (const id of relation.labelIds) {
        assert.ok(known.has(id));
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
    }
    for (const label of demo.labels) assert.equal(label.relationCount, counts.get(label.id) ?? 0, label.name);
    assert.ok(demo.labels.every((label) => label.relationCount > 0), 'every label is in use at 2000 relations');
  });

  test('every reference points at an existing relation of the right kind', () => {
    const relations = new Map(demo.relations.map((r) => [r.id, r]));
    const kindOf = (id: string | null) => (id ? relations.get(id)?.kind : undefined);
    for (const address of demo.addresses) assert.ok(relations.has(address.relationId));
    for (const document of demo.documents) assert.ok(relations.has(document.relationId));

    const pairs = new Set<string>();
    const primaries = new Map<string, number>();
    for (const link of demo.affiliations) {
      assert.equal(kindOf(link.personId), 'person');
      assert.equal(kindOf(link.organizationId), 'organization');
      const pair = `${link.personId}/${link.organizationId}`;
      assert.ok(!pairs.has(pair), 'a person is linked to an organization once');
      pairs.add(pair);
      primaries.set(link.organizationId, (primaries.get(link.organizationId) ?? 0) + (link.isPrimary ? 1 : 0));
    }
    for (const [organization, count] of primaries) assert.equal(count, 1, `primary contacts of ${organization}`);

    const authors = new Set(demo.tenant.users.map((user) => user.id));
    for (const moment of demo.contactMoments) {
      assert.ok(relations.has(moment.relationId));
      assert.ok(authors.has(moment.authorId));
      if (moment.personId) {
        assert.equal(kindOf(moment.relationId), 'organization');
        assert.ok(pairs.has(`${moment.personId}/${moment.relationId}`), 'the contact person works at the organization');
      }
    }
  });

  test('addresses: companies are visited somewhere, persons have one home address, PO boxes are for post', () => {
    const byRelation = new Map<string, Address[]>();
    for (const address of demo.addresses) byRelation.set(address.relationId, [...(byRelation.get(address.relationId) ?? []), address]);
    for (const relation of demo.relations) {
      const addresses = byRelation.get(relation.id) ?? [];
      if (relation.status !== 'lead') assert.ok(addresses.length > 0, `${relation.displayName} has an address`);
      if (addresses.length === 0) {
        assert.equal(relation.city, null);
        continue;
      }
      const visiting = addresses.filter((a) => a.purposes.includes('visiting'));
      assert.equal(visiting.length, 1);
      assert.equal(relation.city, visiting[0]?.city);
      assert.equal(addresses.filter((a) => a.purposes.includes('postal')).length, 1);
      assert.equal(addresses.filter((a) => a.purposes.includes('invoice')).length, 1);
      if (relation.kind === 'person') assert.deepEqual(addresses[0]?.purposes, ['postal', 'visiting', 'invoice']);
    }
    const poBoxes = demo.addresses.filter((a) => a.poBox);
    assert.ok(poBoxes.length > 0 && poBoxes.every((a) => a.street === null && a.purposes.join() === 'postal'));
    assert.ok(demo.addresses.some((a) => a.purposes.includes('invoice') && a.email));
    assert.ok(demo.addresses.some((a) => a.purposes.includes('delivery')));
    assert.ok(demo.addresses.some((a) => a.country === 'BE') && demo.addresses.some((a) => a.country === 'DE'));
  });

  test('about one contact moment per three relations, some private, some with agreements', () => {
    const moments = demo.contactMoments;
    assert.equal(moments.length, Math.round(demo.relations.length / 3));
    assert.ok(moments.some((m) => m.visibility === 'private'));
    assert.ok(moments.some((m) => m.agreements.length > 0));
    assert.ok(moments.some((m) => m.personId));
  });

  test('documents of the host modules carry module, number, date, status and amount', () => {
    const modules = new Set(demo.documents.map((d) => d.module));
    assert.deepEqual([...modules].sort(), ['invoices', 'orders', 'quotes', 'subscriptions']);
    for (const document of demo.documents) {
      assert.match(document.number, /^(OFF|ORD|ABO|FAC)-\d{4}-\d{4,}$/);
      assert.equal(document.number.slice(4, 8), document.date.slice(0, 4));
    }
  });
});

describe('the D. Irecteur scenario', () => {
  for (const size of [10, 2000]) {
    test(`is relations 1 to 4 in a demo of ${size}`, () => {
      const data = size === 2000 ? demo : generateSeed({ tenant: 'demo', relations: size });
      const [irecteur, uno, dos, club] = data.relations;
      assert.ok(irecteur && uno && dos && club);
      assert.equal(irecteur.displayName, 'D. Irecteur');
      assert.deepEqual(
        { ...irecteur.person, kind: irecteur.kind, number: irecteur.number },
        { salutation: 'Dhr.', initials: 'D.', firstName: 'Dirk', infix: null, lastName: 'Irecteur', kind: 'person', number: 1 },
      );
      assert.ok(irecteur.debtor, 'he is a private customer');
      assert.deepEqual([uno.displayName, dos.displayName, club.displayName], ['Bedrijf Uno B.V.', 'Bedrijf Dos B.V.', 'Tennisvereniging De Baan']);

      const links = data.affiliations.filter((link) => link.personId === irecteur.id);
      const at = (organizationId: string) => links.find((link) => link.organizationId === organizationId);
      assert.equal(links.length, 3);
      assert.equal(at(uno.id)?.function, 'Directeur');
      assert.equal(at(uno.id)?.email, 'd.irecteur@bedrijfuno.nl');
      assert.equal(at(dos.id)?.function, 'Aandeelhouder');
      assert.equal(at(club.id)?.function, 'Voorzitter');
      assert.equal(new Set(links.map((link) => link.email)).size, 3, 'a different e-mail at each');
      assert.equal(new Set([...links.map((link) => link.phone), irecteur.phone]).size, 4, 'a different phone at each');

      const meeting = data.contactMoments.find((m) => m.relationId === uno.id && m.personId === irecteur.id && m.agreements.length);
      assert.ok(meeting, 'a moment with Irecteur about Uno with an agreement');
    });
  }

  test('the acme tenant has its own data: no shared ids, no scenario', () => {
    assert.deepEqual(acme.tenant.users.map((user) => user.token), ['acme-olga']);
    assert.deepEqual(demo.tenant.users.map((user) => user.token), ['demo-anna', 'demo-bram']);
    assert.equal(acme.tenant.name, 'Acme Holding B.V.');
    const demoIds = new Set(allIds(demo));
    assert.ok(allIds(acme).every((id) => !demoIds.has(id)));
    assert.ok(!acme.relations.some((r) => r.displayName === 'D. Irecteur'));
  });
});

test('100,000 relations come with their records and unique numbers', () => {
  const large = generateSeed({ tenant: 'demo', relations: 100_000 });
  assert.equal(large.relations.length, 100_000);
  assert.equal(large.contactMoments.length, Math.round(100_000 / 3));
  assert.ok(large.addresses.length > 100_000 && large.affiliations.length > 20_000 && large.documents.length > 20_000);
  const numbers = (pick: (r: Relation) => number | undefined) => large.relations.map(pick).filter((n) => n !== undefined);
  for (const list of [numbers((r) => r.number), numbers((r) => r.debtor?.number), numbers((r) => r.creditor?.number)]) {
    assert.equal(new Set(list).size, list.length);
  }
  const ids = allIds(large);
  assert.equal(new Set(ids).size, ids.length);
});
