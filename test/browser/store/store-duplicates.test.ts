import { expect } from '@open-wc/testing';
import type { DuplicateCandidate, DuplicateDraft, Relation } from '../../../src/contract/index.js';
import type { RelationsClient } from '../../../src/sdk/index.js';
import { RelationsStore } from '../../../src/store/index.js';
import { clientFor, faultyNetwork } from '../backend.js';
import { until } from '../fixtures.js';

/*
 * What the card asks the store while someone types: duplicates (from the backend, or offline the equal keys
 * from the cache, with the same reasons) and the address at a postcode (null whenever there is none to fill in).
 */

const reasonsOf = (candidates: DuplicateCandidate[], id: string) => candidates.find((candidate) => candidate.relation.id === id)?.reasons;
const scoreOf = (candidates: DuplicateCandidate[], id: string) => candidates.find((candidate) => candidate.relation.id === id)?.score;

describe('RelationsStore duplicates and address lookup, online and offline', () => {
  let bram: RelationsClient;
  let network: ReturnType<typeof faultyNetwork>;
  let store: RelationsStore;
  let uno: Relation;

  before(async () => {
    bram = await clientFor('demo-bram');
    [uno] = (await bram.listRelations({ q: 'Bedrijf Uno' })).items as [Relation];
    expect(uno.organization?.kvkNumber).to.be.a('string');
  });
  beforeEach(async () => {
    network = faultyNetwork();
    store = await RelationsStore.open(await clientFor('demo-anna', { fetch: network.fetch }));
    await store.sync();
  });
  afterEach(async () => {
    network.plan.offline = false;
    await store.signOut();
  });

  /** Uno's keys as someone types them: spaced, dotted, in the wrong case. */
  const typed = (): [string, DuplicateDraft][] => [
    ['kvkNumber', { organization: { kvkNumber: uno.organization!.kvkNumber!.replace(/^(\d{4})(\d{2})/, '$1 $2.') } }],
    ['vatNumber', { organization: { vatNumber: uno.organization!.vatNumber!.toLowerCase().replace(/^nl/, 'nl ') } }],
    ['iban', { iban: uno.iban!.toLowerCase().replace(/(.{4})/g, '$1 ') }],
    ['email', { email: ` ${uno.email!.toUpperCase()} ` }],
  ];

  it('offline, finds a relation by each equal key from the cache, with the reasons the backend gives', async () => {
    const everything: DuplicateDraft = {
      organization: { kvkNumber: uno.organization!.kvkNumber, vatNumber: uno.organization!.vatNumber }, iban: uno.iban, email: uno.email,
    };
    const online = await store.findDuplicates(everything);
    expect(reasonsOf(online, uno.id), 'the backend').to.deep.equal(['kvkNumber', 'vatNumber', 'iban', 'email']);
    const onlineByKey = await Promise.all(typed().map(([, draft]) => store.findDuplicates(draft)));
    expect(network.plan.sent.filter((line) => line.endsWith('/relations/find-duplicates')), 'asked the backend').to.have.length(5);

    network.plan.offline = true;
    expect(reasonsOf(await store.findDuplicates(everything), uno.id), 'the cache').to.deep.equal(reasonsOf(online, uno.id));
    for (const [index, [reason, draft]] of typed().entries()) {
      const offline = await store.findDuplicates(draft);
      expect(reasonsOf(offline, uno.id), `offline by ${reason}`).to.deep.equal([reason]);
      expect(scoreOf(offline, uno.id)).to.equal(1);
      expect(reasonsOf(offline, uno.id), `as the backend said by ${reason}`).to.deep.equal(reasonsOf(onlineByKey[index]!, uno.id));
    }
  });

  it('offline, leaves out the relation being edited and half-typed keys, and compares no names', async () => {
    const online = await store.findDuplicates({ kind: 'organization', organization: { name: uno.displayName } });
    expect(reasonsOf(online, uno.id), 'the backend compares names').to.deep.equal(['name']);
    network.plan.offline = true;
    expect(await store.findDuplicates({ email: uno.email, excludeId: uno.id })).to.deep.equal([]);
    expect(await store.findDuplicates({ organization: { kvkNumber: uno.organization!.kvkNumber!.slice(0, 5) }, email: 'info@' })).to.deep.equal([]);
    expect(await store.findDuplicates({ kind: 'organization', organization: { name: uno.displayName } })).to.deep.equal([]);
  });

  it('offline, finds archived relations and relations written here but not yet sent', async () => {
    const suffix = Math.random().toString(36).slice(2, 10);
    const archived = await bram.createRelation({
      body: { kind: 'person', person: { lastName: `Archief ${suffix}` }, email: `archief-${suffix}@voorbeeld.nl`, status: 'archived' },
    });
    await store.sync();
    network.plan.offline = true;
    const found = await store.findDuplicates({ email: `Archief-${suffix}@Voorbeeld.nl` });
    expect(found.map((candidate) => candidate.relation.id)).to.deep.equal([archived.id]);
    expect(found[0]?.relation.status).to.equal('archived');

    const { id } = await store.write('createRelation', {
      body: { kind: 'person', person: { lastName: `Nieuw ${suffix}` }, email: `nieuw-${suffix}@voorbeeld.nl` },
    });
    const pending = await store.findDuplicates({ email: `nieuw-${suffix}@voorbeeld.nl` });
    expect(pending.map((candidate) => candidate.relation.id)).to.deep.equal([id]);
    network.plan.offline = false;
    await store.flush();
    await until(async () => (await store.outbox()).length === 0, 'the new relation to be accepted');
  });

  it('looks up an address online, and gives null when there is nothing to fill in', async () => {
    expect(await store.lookupAddress('3521cb', '18')).to.deep.equal({
      postalCode: '3521 CB', houseNumber: '18', street: 'Croeselaan', city: 'Utrecht', country: 'NL',
    });
    expect(await store.lookupAddress('9999 ZZ', '1'), 'an unknown address').to.equal(null);
    expect(await store.lookupAddress('12345', '1'), 'a malformed postcode').to.equal(null);
    network.plan.offline = true;
    expect(await store.lookupAddress('3521 CB', '18'), 'offline').to.equal(null);
  });
});
