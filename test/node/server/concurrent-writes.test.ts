import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Label, Relation } from '../../../src/contract/index.js';
import { apiReader, listAll } from '../../../bench/load/verify.js';
import { startServer, storages, type TestServer } from './harness.js';

/*
 * Writers of one tenant run side by side (no tenant-wide lock): several clients create relations (some
 * sending one Idempotency-Key to two instances at once), update shared relations, create labels under the
 * same names and add and remove labels on shared relations, while a reader follows `/changes` with its cursor the whole
 * time. Afterwards the reader's copy equals a full read (the feed skipped nothing that committed behind its
 * cursor), numbers are gapless, every key created once, every label name exists once, counts are right.
 */

const writers = 8;
const rounds = 4;

interface ChangePage {
  items: { entity: string; id: string; op: 'upsert' | 'delete'; data: unknown }[];
  nextCursor: string;
  hasMore: boolean;
}

for (const storage of storages) {
  describe(`concurrent writers of one tenant on ${storage.name}`, { skip: storage.skip }, () => {
    let servers: TestServer[];
    before(async () => {
      const first = await startServer({ databaseUrl: storage.url, relations: 20 });
      // PostgreSQL: a second instance on the same database, as a deployment behind a load balancer runs.
      servers = storage.url ? [first, await startServer({ databaseUrl: storage.url, join: true })] : [first];
    });
    after(() => Promise.all(servers.map((server) => server.close())));

    test('a feed reader sees every committed write; numbers stay gapless; keys and names are taken once', { timeout: 120_000 }, async () => {
      const marker = `Gelijktijdig${Date.now().toString(36)}`;
      const server = (i: number) => servers[i % servers.length]!;
      const get = apiReader(servers[0]!.baseUrl);
      const before = await listAll(get, '&status=lead,active,archived');
      const hot = before.slice(0, 4);
      const labels: Label[] = [];
      for (const name of ['A', 'B', 'C']) {
        const created = await server(0).request<Label>('POST', '/labels', { body: { name: `${marker} ${name}`, color: '#3366cc' } });
        assert.equal(created.status, 201);
        labels.push(created.body);
      }

      // The reader: pages through the feed from the start, then keeps following it until the writers stop.
      const held = new Map<string, unknown>();
      let cursor = '0';
      let writing = true;
      const follow = async () => {
        for (;;) {
          // A page asked for after the writers stopped, to its end, has everything they wrote.
          const last = !writing;
          const page = (await server(1).request<ChangePage>('GET', `/changes?since=${cursor}&limit=50`)).body;
          for (const item of page.items) {
            if (item.op === 'upsert') held.set(`${item.entity}:${item.id}`, item.data);
            else held.delete(`${item.entity}:${item.id}`);
          }
          cursor = page.nextCursor;
          if (!page.hasMore && last) return;
        }
      };
      const reading = follow();

      const keyed = new Map<string, string[]>();
      const nameAnswers = new Map<string, number[]>();
      await Promise.all(Array.from({ length: writers }, async (_, w) => {
        for (let round = 0; round < rounds; round++) {
          // One key, sent to two instances at once (a retry racing the original): one relation, one answer.
          const key = `${marker}-${w}-${round}`;
          const body = { kind: 'organization', organization: { name: `${marker} ${w}-${round}` }, debtor: {} };
          const answers = await Promise.all([0, 1].map((i) => server(w + i).request<Relation>(
            'POST', '/relations', { body, headers: { 'Idempotency-Key': key } },
          )));
          for (const answer of answers) assert.equal(answer.status, 201, JSON.stringify(answer.body));
          keyed.set(key, answers.map((answer) => answer.body.id));

          const target = hot[(w + round) % hot.length]!;
          const patched = await server(w).request('PATCH', `/relations/${target.id}`, {
            body: { email: `w${w}r${round}@example.nl` }, headers: { 'If-Match': '*' },
          });
          assert.equal(patched.status, 200, JSON.stringify(patched.body));

          // Everyone creates the round's label name at the same moment: one of them gets it.
          const name = `${marker} gedeeld ${round}`;
          const created = await server(w).request('POST', '/labels', { body: { name, color: '#cc3333' } });
          nameAnswers.set(name, [...(nameAnswers.get(name) ?? []), created.status]);

          // Labels added to and taken from overlapping relations: writers meet on the same rows.
          const ids = labels.map((l) => l.id);
          const bulk = await server(w).request('POST', '/relations/labels', {
            body: { relationIds: [answers[0]!.body.id, target.id], [round % 3 === 2 ? 'removeLabelIds' : 'addLabelIds']: ids },
          });
          assert.equal(bulk.status, 200, JSON.stringify(bulk.body));
        }
      }));
      writing = false;
      await reading;

      // The reader's copy equals what a full read says now, entity for entity.
      const relations = await listAll(get, '&status=lead,active,archived');
      const finalLabels = (await get<{ items: Label[] }>('/labels')).items;
      const heldOf = (entity: string) => new Map([...held].filter(([key]) => key.startsWith(`${entity}:`)).map(([key, data]) => [key.slice(entity.length + 1), data]));
      assert.deepEqual(heldOf('relation'), new Map(relations.map((relation) => [relation.id, relation])));
      assert.deepEqual(heldOf('label'), new Map(finalLabels.map((label) => [label.id, label])));

      // Each key made one relation, and both of its requests were answered with it.
      for (const [key, ids] of keyed) assert.equal(new Set(ids).size, 1, `both requests of ${key} answered with one relation`);
      const created = relations.filter((relation) => relation.organization?.name.startsWith(`${marker} `));
      assert.equal(created.length, writers * rounds);

      // Numbers continue the seed's without a gap or a repeat.
      const consecutive = (numbers: number[], from: number) =>
        assert.deepEqual(numbers.sort((a, b) => a - b), numbers.map((_, i) => from + i));
      consecutive(created.map((r) => r.number), Math.max(...before.map((r) => r.number)) + 1);
      consecutive(created.map((r) => r.debtor!.number), Math.max(...before.map((r) => r.debtor?.number ?? 10000)) + 1);

      // Every shared label name was given once; every other attempt heard 409.
      for (const [name, statuses] of nameAnswers) {
        assert.deepEqual(statuses.sort(), [201, ...Array<number>(writers - 1).fill(409)], name);
        assert.equal(finalLabels.filter((label) => label.name === name).length, 1);
      }
      // Each label's count is the relations that carry it.
      for (const label of finalLabels) {
        assert.equal(label.relationCount, relations.filter((r) => r.labelIds.includes(label.id)).length, label.name);
      }
    });
  });
}
