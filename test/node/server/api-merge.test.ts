import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { uniqueKeys } from '../../../conformance/bodies.js';
import { duplicateName, exactDuplicateReasons, relationDuplicateKeys, type Relation } from '../../../src/contract/index.js';
import { startServer, storages, type TestServer } from './harness.js';

/*
 * Likely duplicates (listDuplicates, dismissDuplicate) and merging (mergeRelations, admins only). The pairs
 * expected are computed here by brute force over every relation the API lists, with the contract's
 * definitions of the keys and the compared name; the server finds them with SQL.
 */

type Resource = Record<string, any> & { id: string; version: number };
interface Pair {
  relationIds: [string, string];
  reasons: string[];
  score: number;
}

for (const storage of storages) {
  describe(`duplicates and merging on ${storage.name}`, { skip: storage.skip }, () => {
    let server: TestServer;

    before(async () => {
      server = await startServer({ databaseUrl: storage.url, relations: 80 });
    });
    after(() => server.close());

    async function all<T>(path: string, token = 'demo-anna'): Promise<T[]> {
      const items: T[] = [];
      let cursor: string | null = null;
      do {
        const separator = path.includes('?') ? '&' : '?';
        const page: { status: number; body: { items: T[]; nextCursor: string | null } } = await server.request(
          'GET', `${path}${separator}limit=7${cursor ? `&cursor=${cursor}` : ''}`, { token },
        );
        assert.equal(page.status, 200, JSON.stringify(page.body));
        items.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      return items;
    }

    async function created(body: unknown, path = '/relations'): Promise<Resource> {
      const reply = await server.request<Resource>('POST', path, { body });
      assert.equal(reply.status, 201, JSON.stringify(reply.body));
      return reply.body;
    }

    /** The pairs as the contract defines them, over the relations the API lists (not archived). */
    async function expectedPairs(): Promise<string[]> {
      const relations = (await all<Relation>('/relations?status=lead,active&sort=number'));
      const pairs: string[] = [];
      for (const [i, a] of relations.entries()) {
        for (const b of relations.slice(i + 1)) {
          const [keysA, keysB] = [relationDuplicateKeys(a), relationDuplicateKeys(b)];
          const reasons: string[] = exactDuplicateReasons.filter((r) => keysA[r] !== undefined && keysA[r] === keysB[r]);
          const name = duplicateName(a);
          if (a.kind === b.kind && name.length >= 3 && name === duplicateName(b)) reasons.push('name');
          if (reasons.length) pairs.push(`${a.id} ${b.id} ${reasons.join(',')}`);
        }
      }
      return pairs;
    }

    const listed = async (token = 'demo-anna') =>
      (await all<Pair>('/duplicates', token)).map((pair) => `${pair.relationIds.join(' ')} ${pair.reasons.join(',')}`);

    test('lists every pair with an equal key or name, by relation number, and never a dismissed one again', async () => {
      const keys = uniqueKeys('a1b2c3d4');
      const first = await created({ kind: 'organization', organization: { name: 'Dubbel Handel B.V.', kvkNumber: keys.kvkNumber }, email: keys.email });
      const second = await created({ kind: 'organization', organization: { name: 'Dubbel Handel BV', kvkNumber: keys.kvkNumber }, email: keys.email.toUpperCase() });
      await created({ kind: 'person', person: { firstName: 'Jan', lastName: 'Tweemaal' } });
      await created({ kind: 'person', person: { firstName: 'Jan', lastName: 'Tweemaal' } });

      const expected = await expectedPairs();
      assert.ok(expected.includes(`${first.id} ${second.id} kvkNumber,email`), expected.join('\n'));
      assert.ok(expected.some((pair) => pair.endsWith(' name')));
      assert.deepEqual(await listed(), expected);

      const dismissed = await server.request('POST', '/duplicates/dismissals', { body: { relationIds: [second.id, first.id] }, token: 'demo-bram' });
      assert.equal(dismissed.status, 204);
      assert.deepEqual(await listed(), expected.filter((pair) => !pair.startsWith(`${first.id} ${second.id}`)));
      const same = await server.request<{ errors: { path: string }[] }>('POST', '/duplicates/dismissals', { body: { relationIds: [first.id, first.id] } });
      assert.equal(same.status, 422);
      assert.equal((await server.request('GET', '/duplicates', { token: 'acme-olga' })).status, 200);
      assert.ok(!(await listed('acme-olga')).some((pair) => pair.includes(first.id)), 'another tenant sees none of ours');
    });

    test('merging moves addresses, links, moments and labels, takes the chosen fields, archives the other; admins only', async () => {
      const label = await created({ name: 'Samenvoegen', color: '#884422' }, '/labels');
      const stays = await created({ kind: 'organization', organization: { name: 'Blijft B.V.' }, email: 'oud@blijft.nl', phone: '030 100 2000' });
      const other = await created({ kind: 'organization', organization: { name: 'Gaat B.V.' }, email: 'nieuw@gaat.nl', labelIds: [label.id] });
      const address = await created({ purposes: ['visiting'], street: 'Verhuisweg', houseNumber: '5', postalCode: '3511AB', city: 'Utrecht' }, `/relations/${other.id}/addresses`);
      const person = await created({ kind: 'person', person: { firstName: 'Kees', lastName: 'Koppel' } });
      const link = await created({ personId: person.id, organizationId: other.id, function: 'Directeur' }, '/affiliations');
      const moment = await created({ relationId: other.id, kind: 'call', subject: 'Over de fusie' }, '/contact-moments');
      const { body: head } = await server.request<{ nextCursor: string }>('GET', '/changes?limit=5000');
      let since = head.nextCursor;
      for (;;) {
        const page = await server.request<{ items: unknown[]; nextCursor: string }>('GET', `/changes?limit=5000&since=${since}`);
        if (page.body.items.length === 0) break;
        since = page.body.nextCursor;
      }

      const refused = await server.request('POST', `/relations/${stays.id}/merge`, { body: { otherId: other.id }, token: 'demo-bram' });
      assert.equal(refused.status, 403);
      const reply = await server.request<Resource>('POST', `/relations/${stays.id}/merge`, { body: { otherId: other.id, fields: ['email'] } });
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      const merged = reply.body;
      assert.equal(merged['email'], 'nieuw@gaat.nl', 'the chosen field from the other');
      assert.equal(merged['phone'], stays['phone'], 'the rest kept');
      assert.equal(merged['organization'].name, 'Blijft B.V.');
      assert.deepEqual(merged['labelIds'], [label.id]);
      assert.equal(merged['city'], 'Utrecht', 'the moved address gives the city');

      const gone = (await server.request<Resource>('GET', `/relations/${other.id}`)).body;
      assert.deepEqual([gone['status'], gone['mergedInto'], gone['number']], ['archived', stays.id, other['number']]);
      const addresses = (await server.request<{ items: Resource[] }>('GET', `/relations/${stays.id}/addresses`)).body.items;
      assert.deepEqual(addresses.map((a) => [a.id, a['relationId']]), [[address.id, stays.id]]);
      const links = (await server.request<{ items: Resource[] }>('GET', `/affiliations?organizationId=${stays.id}`)).body.items;
      assert.deepEqual(links.map((l) => [l.id, l['personId'], l['function']]), [[link.id, person.id, 'Directeur']]);
      const moments = (await server.request<{ items: Resource[] }>('GET', `/contact-moments?relationId=${stays.id}`)).body.items;
      assert.deepEqual(moments.map((m) => m.id), [moment.id]);
      const labels = (await server.request<{ items: Resource[] }>('GET', '/labels')).body.items;
      assert.equal(labels.find((l) => l.id === label.id)!['relationCount'], 1, 'the label counted once');

      // Every cache follows: each moved entity is in the feed after the merge.
      const feed = (await server.request<{ items: { entity: string; id: string; op: string }[] }>('GET', `/changes?limit=5000&since=${since}`)).body.items;
      for (const [entity, id] of [['relation', stays.id], ['relation', other.id], ['address', address.id], ['affiliation', link.id], ['contactMoment', moment.id]]) {
        assert.ok(feed.some((item) => item.entity === entity && item.id === id && item.op === 'upsert'), `${entity} ${id} in the feed`);
      }
      const history = async (id: string) => (await server.request<{ items: Resource[] }>('GET', `/relations/${id}/history`)).body.items;
      assert.equal((await history(stays.id))[0]!['action'], 'merged');
      assert.equal((await history(other.id))[0]!['action'], 'merged');

      // Its number is never given again; a merged relation cannot merge again; kinds must match.
      const next = await created({ kind: 'organization', organization: { name: 'Na de fusie B.V.' } });
      assert.ok(next['number'] > other['number'] && next['number'] > stays['number']);
      assert.equal((await server.request('POST', `/relations/${stays.id}/merge`, { body: { otherId: other.id } })).status, 409);
      assert.equal((await server.request('POST', `/relations/${stays.id}/merge`, { body: { otherId: person.id } })).status, 422);
      assert.equal((await server.request('POST', `/relations/${stays.id}/merge`, { body: { otherId: stays.id } })).status, 409);
    });
  });
}
