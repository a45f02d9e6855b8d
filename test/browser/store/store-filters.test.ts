/*
 * The cache filters by status, kind, role and labels through position columns it keeps in step with every
 * write; the backend filters in SQL. For the same relations both must answer every filter and sort with the
 * same ids in the same order, before and after writes that move relations in and out of each filter.
 */
import { expect } from '@open-wc/testing';
import type { Label, RelationCreate, RelationSort } from '../../../src/contract/index.js';
import type { RelationsClient } from '../../../src/sdk/index.js';
import { RelationsStore, type RelationQuery } from '../../../src/store/index.js';
import { clientFor, listedIds } from '../backend.js';

function serverIds(client: RelationsClient, query: RelationQuery): Promise<string[]> {
  const { offset: _offset, limit: _limit, ...filters } = query;
  return listedIds(client, filters);
}

describe('store filters: the cache and the backend agree on status, kind, role and labels', function () {
  this.timeout(120_000);
  const prefix = `Filt${Date.now().toString(36)}`;
  let client: RelationsClient;
  let store: RelationsStore;
  let labels: Label[];

  /** Every combination the overview can ask for, over this test's own labels (nobody else carries them). */
  function queries(): RelationQuery[] {
    const [a, b, c] = labels.map((label) => label.id) as [string, string, string];
    const labelSets: Pick<RelationQuery, 'labelIds' | 'labelMode'>[] = [
      { labelIds: [a] }, { labelIds: [a, b], labelMode: 'all' }, { labelIds: [a, b], labelMode: 'any' },
      { labelIds: [b, c], labelMode: 'any' }, { labelIds: [a, b, c], labelMode: 'all' },
    ];
    const narrowers: RelationQuery[] = [
      {}, { status: ['active'] }, { status: ['active', 'archived'] }, { status: ['lead'] }, { kind: 'person' },
      { kind: 'organization', role: 'debtor' }, { role: 'creditor' },
    ];
    const sorts: RelationSort[] = ['name', '-name', 'number', '-city'];
    return labelSets.flatMap((set, i) => narrowers.map((narrower, j) => ({ ...set, ...narrower, sort: sorts[(i + j) % sorts.length]! })));
  }

  async function expectSameAnswers(when: string): Promise<void> {
    let nonEmpty = 0;
    for (const query of queries()) {
      const [server, cache] = await Promise.all([serverIds(client, query), store.selectRelations(query).then((s) => s.ids())]);
      expect(cache, `${when}: ${JSON.stringify(query)}`).to.deep.equal(server);
      if (server.length) nonEmpty++;
    }
    // Two empty answers agree too: most combinations must find something for the comparison to mean anything.
    expect(nonEmpty, when).to.be.greaterThan(queries().length / 2);
  }

  before(async () => {
    client = await clientFor('acme-olga');
    labels = [];
    for (const name of ['A', 'B', 'C']) labels.push(await client.createLabel({ body: { name: `${prefix} ${name}`, color: '#336699' } }));
    const [a, b, c] = labels.map((label) => label.id) as [string, string, string];
    const bodies: RelationCreate[] = [];
    const sets = [[a], [a, b], [b], [b, c], [a, b, c], [c], [a, c]];
    for (let i = 0; i < 21; i++) {
      const person = i % 3 === 0;
      bodies.push({
        kind: person ? 'person' : 'organization',
        ...(person ? { person: { lastName: `${prefix} ${String.fromCharCode(90 - i)}` } } : { organization: { name: `${prefix} ${String.fromCharCode(65 + i)}` } }),
        status: i % 5 === 0 ? 'lead' : i % 7 === 0 ? 'archived' : 'active',
        ...(i % 2 === 0 ? { debtor: {} } : {}),
        ...(i % 4 === 1 ? { creditor: {} } : {}),
        labelIds: sets[i % sets.length]!,
      });
    }
    for (const body of bodies) await client.createRelation({ body });
    store = await RelationsStore.open(client);
    await store.sync();
  });

  after(() => store.close());

  it('answers every filter and sort as the backend does', async () => {
    await expectSameAnswers('after the first sync');
  });

  it('keeps answering so after writes here and on the backend move relations between filters', async () => {
    const [a, b, c] = labels.map((label) => label.id) as [string, string, string];
    const mine = await serverIds(client, { q: prefix, status: ['lead', 'active', 'archived'], sort: 'number' });
    // Here, through the store: labels added and removed in bulk, an archive, a role, a delete, a new relation.
    await store.write('updateRelationLabels', { body: { relationIds: mine.slice(0, 6), addLabelIds: [c], removeLabelIds: [a] } });
    await store.write('updateRelation', { id: mine[6]!, body: { status: 'archived' } });
    await store.write('updateRelation', { id: mine[7]!, body: { creditor: {}, labelIds: [a, b, c] } });
    await store.write('deleteRelation', { id: mine[8]! });
    await store.write('createRelation', { body: { kind: 'organization', organization: { name: `${prefix} New` }, labelIds: [a, b] } });
    await store.flush();
    // Elsewhere (a colleague), arriving by the change feed.
    const other = await client.getRelation({ id: mine[9]! });
    await client.updateRelation({ id: other.id, ifMatch: other.version, body: { status: 'active', labelIds: [b] } });
    await store.sync();
    await expectSameAnswers('after writes');
  });
});

describe('store search: the first screenfuls at once, the count after', function () {
  this.timeout(180_000);
  const prefix = `Scan${Date.now().toString(36)}`;
  let client: RelationsClient;
  let store: RelationsStore;

  before(async () => {
    client = await clientFor('acme-olga');
    // More matches than a store answers at once (a few screenfuls), spread over the name order by their suffix.
    const names = Array.from({ length: 320 }, (_, i) => `${prefix} ${(i * 7919) % 1000} ${i % 3 ? 'Handel' : 'Anders'}`);
    for (let i = 0; i < names.length; i += 16) {
      await Promise.all(names.slice(i, i + 16).map((name) => client.createRelation({ body: { kind: 'organization', organization: { name } } })));
    }
    store = await RelationsStore.open(client);
    await store.sync();
  });

  after(() => store.close());

  it('answers a common term with its first rows exact, then counts every match as the backend does', async () => {
    const query: RelationQuery = { q: prefix, sort: 'name' };
    const server = await serverIds(client, query);
    expect(server).to.have.length(320);
    const selection = await store.selectRelations(query);
    expect(selection.counting, 'still counting when it answers').to.equal(true);
    expect(selection.total).to.be.below(server.length);
    // The rows a list shows first are final already, and so is any row asked for beyond what is counted.
    expect(Array.from({ length: 50 }, (_, i) => selection.at(i).id)).to.deep.equal(server.slice(0, 50));
    expect(selection.at(server.length - 1).id).to.equal(server.at(-1));
    // An export of everything matched counts to the end at once, whatever is counted in idle time so far.
    const exporting = await store.selectRelations(query);
    expect(exporting.counting).to.equal(true);
    expect(exporting.count()).to.equal(server.length);
    await selection.counted;
    expect(selection.counting).to.equal(false);
    expect(selection.total).to.equal(server.length);
    expect(selection.ids()).to.deep.equal(server);
  });

  it('narrows a search typed on while the previous one is still counting, and still finds everything', async () => {
    const terms = [prefix, `${prefix} 1`, `${prefix} 1 hand`];
    const selections = [];
    for (const q of terms) selections.push(await store.selectRelations({ q, sort: '-name' }));
    for (const [i, q] of terms.entries()) {
      await selections[i]!.counted;
      const expected = await serverIds(client, { q, sort: '-name' });
      expect(expected.length, q).to.be.greaterThan(0);
      expect(selections[i]!.ids(), q).to.deep.equal(expected);
    }
  });
});
