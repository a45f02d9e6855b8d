/*
 * The overview searches the cache once its first sync is done, and the backend before that: both must find
 * the same relations in the same order. The same relations and the same terms go to the reference backend
 * (listRelations over HTTP, every page) and to the store (its in-memory index); the ids must agree, and
 * every term must find the relation it was taken from, so two empty answers cannot pass.
 */
import { expect } from '@open-wc/testing';
import type { Address, AddressCreate, Relation, RelationCreate, RelationSort } from '../../src/contract/index.js';
import type { RelationsClient } from '../../src/sdk/index.js';
import { RelationsStore } from '../../src/store/index.js';
import { clientFor } from './backend.js';

type Made = { relation: Relation; addresses: Address[] };

/** Relations whose spelling tests folding, with addresses whose cities and postcodes search must find. */
const tricky: { body: RelationCreate; addresses: AddressCreate[] }[] = [
  {
    body: { kind: 'person', person: { firstName: 'Hans', lastName: 'Müller' }, email: 'hans.muller@voorbeeld.nl', phone: '+31 20 123 4567' },
    addresses: [{ purposes: ['visiting', 'postal'], street: 'Markt', houseNumber: '1', postalCode: '5211 JW', city: '’s-Hertogenbosch', country: 'NL' }],
  },
  {
    body: { kind: 'organization', organization: { name: 'Muller & Zoon Installatietechniek' }, phone: '020-7654321' },
    addresses: [
      { purposes: ['visiting'], street: 'Damrak', houseNumber: '70', houseNumberAddition: 'A', postalCode: '1012 LM', city: 'Amsterdam', country: 'NL' },
      { purposes: ['postal'], poBox: '1234', postalCode: '3500 AA', city: 'Utrecht', country: 'NL' },
    ],
  },
  {
    body: { kind: 'person', person: { initials: 'Z.', firstName: 'Zoë', infix: 'van der', lastName: 'Ærø-Straße' }, phone: '06 1234 5678' },
    addresses: [{ purposes: ['delivery'], street: 'Königsallee', houseNumber: '12', postalCode: '40212', city: 'Düsseldorf', country: 'DE' }],
  },
];

/** Every id the backend answers for a query, page by page. */
async function serverIds(client: RelationsClient, q: string, sort: RelationSort): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.listRelations({ q, sort, limit: 100, ...(cursor ? { cursor } : {}) });
    ids.push(...page.items.map((relation) => relation.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

function storeIds(store: RelationsStore, q: string, sort: RelationSort): Promise<string[]> {
  return store.selectRelations({ q, sort }).then((selection) => selection.ids());
}

/** The terms a person would type to find `made`, in the notations people use. */
function termsFor({ relation, addresses }: Made): string[] {
  const terms = [relation.displayName, String(relation.number), relation.displayName.split(' ').at(-1)!];
  if (relation.person?.firstName) terms.push(relation.person.firstName, `${relation.person.firstName} ${relation.person.lastName}`);
  if (relation.debtor) terms.push(String(relation.debtor.number));
  if (relation.email) terms.push(relation.email, relation.email.split('@')[0]!.toUpperCase());
  if (relation.organization?.kvkNumber) terms.push(relation.organization.kvkNumber);
  if (relation.organization?.vatNumber) terms.push(relation.organization.vatNumber.toLowerCase());
  if (relation.iban) terms.push(relation.iban, relation.iban.replace(/(.{4})/g, '$1 ').trim());
  if (relation.phone) {
    const digits = relation.phone.replace(/\D/g, '');
    terms.push(relation.phone, digits);
    // the other notation of the same number: +31 20… as 020…, and 06… as +316…
    if (digits.startsWith('31')) terms.push(`0${digits.slice(2, 4)}-${digits.slice(4)}`);
    else if (digits.startsWith('0')) terms.push(`+31${digits.slice(1)}`, `+31 (0)${digits.slice(1, 3)} ${digits.slice(3)}`.replace('(0)', ''));
  }
  for (const address of addresses) {
    if (address.city) terms.push(address.city, address.city.toUpperCase());
    if (address.postalCode) terms.push(address.postalCode, address.postalCode.replace(' ', ''), address.postalCode.toLowerCase());
  }
  return terms;
}

describe('search: the backend and the cache find the same relations in the same order', function () {
  this.timeout(120_000);
  let client: RelationsClient;
  let store: RelationsStore;
  const made: Made[] = [];

  before(async () => {
    client = await clientFor('acme-olga');
    for (const { body, addresses } of tricky) {
      const relation = await client.createRelation({ body });
      const created = [];
      for (const address of addresses) created.push(await client.createAddress({ id: relation.id, body: address }));
      made.push({ relation: await client.getRelation({ id: relation.id }), addresses: created });
    }
    // Seeded relations of the tenant too: real KvK, VAT, IBAN, debtor numbers and postcodes.
    const seeded = (await client.listRelations({ limit: 12, sort: 'number' })).items.filter((r) => !made.some((m) => m.relation.id === r.id));
    for (const relation of seeded) made.push({ relation, addresses: (await client.listAddresses({ id: relation.id })).items });
    store = await RelationsStore.open(client);
    await store.sync();
  });

  after(() => store.close());

  it('finds each relation by every term taken from it, on both sides', async () => {
    for (const one of made) {
      for (const term of termsFor(one)) {
        const [server, cache] = await Promise.all([serverIds(client, term, 'name'), storeIds(store, term, 'name')]);
        expect(server, `the backend finds ${one.relation.displayName} by "${term}"`).to.include(one.relation.id);
        expect(cache, `the cache answers "${term}" as the backend does`).to.deep.equal(server);
      }
    }
  });

  it('folds accents and apostrophes the same way on both sides', async () => {
    const [muller, hertogenbosch, aero] = [made[0]!, made[0]!, made[2]!];
    const cases: [string, Made][] = [
      ['muller', muller], ['Müller', muller], ['MULLER', muller], ["'s-Hertogenbosch", hertogenbosch],
      ['’s-hertogenbosch', hertogenbosch], ['hertogenbosch', hertogenbosch], ['zoe', aero], ['aero-strasse', aero],
      ['dusseldorf', aero], ['Düsseldorf', aero],
    ];
    for (const [term, expected] of cases) {
      const [server, cache] = await Promise.all([serverIds(client, term, 'name'), storeIds(store, term, 'name')]);
      expect(server, `the backend finds "${term}"`).to.include(expected.relation.id);
      expect(cache, `the cache answers "${term}" as the backend does`).to.deep.equal(server);
    }
    // "Muller" finds the person Müller and the organization Muller & Zoon alike
    expect(await storeIds(store, 'muller', 'name')).to.include.members([made[0]!.relation.id, made[1]!.relation.id]);
  });

  it('sorts alike by every sort order, ascending and descending', async () => {
    const sorts: RelationSort[] = [
      'name', '-name', 'number', '-number', 'kind', '-kind', 'debtorNumber', '-debtorNumber', 'creditorNumber',
      '-creditorNumber', 'city', '-city', 'email', '-email', 'phone', '-phone', 'updatedAt', '-updatedAt',
    ];
    for (const sort of sorts) {
      for (const q of ['', 'a', 'muller']) {
        const [server, cache] = await Promise.all([serverIds(client, q, sort), storeIds(store, q, sort)]);
        expect(server.length, `the backend lists relations for "${q}" by ${sort}`).to.be.greaterThan(0);
        expect(cache, `the cache orders "${q}" by ${sort} as the backend does`).to.deep.equal(server);
      }
    }
  });
});
