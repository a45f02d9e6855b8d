import { expect } from '@open-wc/testing';
import { relationStatuses, type Relation } from '../../../src/contract/index.js';
import type { RelationsClient } from '../../../src/sdk/index.js';
import { RelationsStore } from '../../../src/store/index.js';
import { clientFor } from '../backend.js';
import { until } from '../fixtures.js';

const all = { status: [...relationStatuses] };

async function found(store: RelationsStore, q: string): Promise<string[]> {
  return (await store.selectRelations({ ...all, q })).ids();
}

/** A valid Dutch postcode that no address holds yet: its letters make it this run's own. */
async function unusedPostcode(store: RelationsStore): Promise<string> {
  for (;;) {
    const letters = String.fromCharCode(66 + Math.floor(Math.random() * 24), 66 + Math.floor(Math.random() * 24));
    const postcode = `${1000 + Math.floor(Math.random() * 9000)} ${letters}`;
    if (!/S[ADS]$/.test(postcode) && (await found(store, postcode)).length === 0) return postcode;
  }
}

describe('RelationsStore search finds a relation by its addresses, as the backend does', () => {
  let anna: RelationsClient;
  let bram: RelationsClient;
  let store: RelationsStore;
  before(async () => {
    anna = await clientFor('demo-anna');
    bram = await clientFor('demo-bram');
  });
  beforeEach(async () => {
    store = await RelationsStore.open(anna);
    await store.sync();
  });
  afterEach(async () => {
    await store.signOut();
  });

  it("finds D. Irecteur by the postcode of his address, with and without the space", async () => {
    const [irecteur] = (await anna.listRelations({ q: 'irecteur' })).items;
    expect(irecteur?.displayName).to.match(/Irecteur/);
    const postcodes = (await anna.listAddresses({ id: irecteur!.id })).items.map((a) => a.postalCode).filter((p): p is string => !!p);
    expect(postcodes.length).to.be.greaterThan(0);
    for (const postcode of postcodes) {
      const onServer = (await anna.listRelations({ ...all, q: postcode, limit: 200 })).items.map((r) => r.id);
      expect(onServer, `the server finds him by ${postcode}`).to.include(irecteur!.id);
      expect(await found(store, postcode), `the store finds him by ${postcode}`).to.include(irecteur!.id);
      expect(await found(store, postcode.replace(' ', '')), 'and without the space').to.include(irecteur!.id);
    }
  });

  it('finds a relation by an address written here at once, and follows address changes from the change feed', async () => {
    const relation: Relation = await bram.createRelation({ body: { kind: 'person', person: { lastName: 'Postcodezoeker' } } });
    await store.sync();
    const local = await unusedPostcode(store);
    expect(await found(store, 'Postcodezoeker'), 'the index is loaded and holds the relation').to.deep.equal([relation.id]);

    await store.write('createAddress', { id: relation.id, body: { purposes: ['postal'], street: 'Zoekstraat', houseNumber: '1', postalCode: local, city: 'Ede' } });
    expect(await found(store, local), 'found by the new postcode before the backend answered').to.deep.equal([relation.id]);
    await until(async () => (await store.outbox()).length === 0, 'the address to be accepted');
    expect(await found(store, local.replace(' ', ''))).to.deep.equal([relation.id]);

    const [address] = (await bram.listAddresses({ id: relation.id })).items;
    const moved = await unusedPostcode(store);
    await bram.updateAddress({ id: address!.id, ifMatch: address!.version, body: { postalCode: moved } });
    await store.sync();
    expect(await found(store, moved), 'a postcode changed elsewhere finds it after a sync').to.deep.equal([relation.id]);
    expect(await found(store, local), 'the old postcode no longer does').to.deep.equal([]);

    await bram.deleteAddress({ id: address!.id, ifMatch: address!.version + 1 });
    await store.sync();
    expect(await found(store, moved), 'a deleted address no longer finds it').to.deep.equal([]);
  });

  it('keeps finding a relation by its other address when one of two is deleted here, and not by the deleted one', async () => {
    const relation: Relation = await bram.createRelation({ body: { kind: 'organization', organization: { name: 'Twee Adressen B.V.' } } });
    const [kept, gone] = [await unusedPostcode(store), await unusedPostcode(store)];
    await bram.createAddress({ id: relation.id, body: { purposes: ['visiting'], street: 'Blijfstraat', houseNumber: '1', postalCode: kept, city: 'Ede' } });
    const deleted = await bram.createAddress({ id: relation.id, body: { purposes: ['postal'], street: 'Weggaan', houseNumber: '2', postalCode: gone, city: 'Ede' } });
    await store.sync();
    expect(await found(store, gone), 'found by either address after the sync').to.deep.equal([relation.id]);
    expect(await found(store, kept)).to.deep.equal([relation.id]);

    // Deleted here: the cache no longer holds the address, so nothing it holds says whose it was.
    await store.write('deleteAddress', { id: deleted.id });
    expect(await found(store, gone), 'the deleted address no longer finds it, before the backend answered').to.deep.equal([]);
    expect(await found(store, kept), 'the other one still does').to.deep.equal([relation.id]);
    await until(async () => (await store.outbox()).length === 0, 'the deletion to be accepted');
    // The oracle: the backend's own search, after the deletion.
    expect((await anna.listRelations({ ...all, q: gone })).items.map((r) => r.id)).to.deep.equal([]);
    expect((await anna.listRelations({ ...all, q: kept })).items.map((r) => r.id)).to.deep.equal([relation.id]);
    expect(await found(store, kept)).to.deep.equal([relation.id]);
  });
});
