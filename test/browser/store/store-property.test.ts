import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { RelationsClient } from '../../../src/sdk/index.js';
import { RelationsStore } from '../../../src/store/index.js';
import { clientFor, faultyNetwork } from '../backend.js';

type Fault = 'drop-request' | 'drop-response' | 'error-500' | 'error-429';
type Step =
  | { op: 'create'; name: number; faults: Fault[]; offline: boolean }
  | { op: 'update'; target: number; email: number; faults: Fault[]; offline: boolean }
  | { op: 'delete'; target: number; faults: Fault[]; offline: boolean };

const faults = fc.array(fc.constantFrom<Fault>('drop-request', 'drop-response', 'error-500', 'error-429'), { maxLength: 2 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('create' as const), name: fc.nat(999), faults, offline: fc.boolean() }),
  fc.record({ op: fc.constant('update' as const), target: fc.nat(20), email: fc.nat(999), faults, offline: fc.boolean() }),
  fc.record({ op: fc.constant('delete' as const), target: fc.nat(20), faults, offline: fc.boolean() }),
);

/**
 * Random writes under random network faults, then the network heals: the server must end exactly where
 * the user's writes say, with nothing lost and nothing doubled.
 */
describe('RelationsStore under random faults (property)', function () {
  this.timeout(540_000);
  let server: RelationsClient;
  before(async () => {
    server = await clientFor('demo-bram');
  });

  it('brings the server to the intended state for every sequence of writes and faults', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const prefix = `Prop${Date.now().toString(36)}x${run++}`;
        const network = faultyNetwork();
        const store = await RelationsStore.open(await clientFor('demo-anna', { fetch: network.fetch, retry: { limit: 1, maxDelayMs: 5 } }));
        try {
          // The model: what the user meant, by the local handle of each relation they created.
          const intended = new Map<string, { name: string; email: string | null }>();
          const handles: string[] = [];
          for (const s of steps) {
            network.plan.offline = s.offline;
            network.plan.next = [...s.faults];
            if (s.op === 'create') {
              const name = `${prefix} ${s.name}-${handles.length}`;
              const { id } = await store.write('createRelation', { body: { kind: 'organization', organization: { name } } });
              handles.push(id!);
              intended.set(id!, { name, email: null });
            } else {
              const handle = handles[s.target % Math.max(1, handles.length)];
              if (!handle || !intended.has(handle)) continue;
              const id = handle;
              if (s.op === 'update') {
                const email = `m${s.email}@prop.nl`;
                await store.write('updateRelation', { id, body: { email } });
                intended.get(handle)!.email = email;
              } else {
                await store.write('deleteRelation', { id });
                intended.delete(handle);
              }
            }
          }
          network.plan.offline = false;
          network.plan.next = [];
          // Bounded by time, not by a count of quick attempts: on a busy machine (CI runs this after the
          // builds) a sending pass of the previous sequence's store can still hold the lock for a while.
          for (const end = Date.now() + 20_000; Date.now() < end && (await store.outbox()).length; ) {
            await store.flush();
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
          const left = await store.outbox();
          expect(left.map((e) => e.state)).to.deep.equal([], 'every write was accepted');
          const onServer = (await server.listRelations({ q: prefix, status: ['lead', 'active', 'archived'], limit: 100 })).items;
          const actual = onServer.map((r) => `${r.displayName} ${r.email}`).sort();
          const expected = [...intended.values()].map((r) => `${r.name} ${r.email}`).sort();
          expect(actual).to.deep.equal(expected);
        } finally {
          await store.signOut();
        }
      }),
      { numRuns: 120, seed: 1126 },
    );
  });
});
