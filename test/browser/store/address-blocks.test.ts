import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { Address } from '../../../src/contract/index.js';
import {
  addressesOfRelations, addressStores, compactAddresses, logAddresses, readAddresses, readAllAddresses,
} from '../../../src/store/address-blocks.js';
import { deleteCache, openCache, type Cache } from '../../../src/store/cache.js';
import { blockSize } from '../../../src/store/entity-blocks.js';

type Step =
  | { op: 'put'; picks: number[]; owner: number }
  | { op: 'delete'; picks: number[] }
  | { op: 'compact' };

const pool = 1800;
const owners = 300;
const steps: fc.Arbitrary<Step[]> = fc.array(fc.oneof(
  // Puts move addresses to another relation now and then, so that a block's list of owners must follow.
  fc.record({ op: fc.constant('put' as const), picks: fc.array(fc.nat(pool - 1), { minLength: 1, maxLength: 300 }), owner: fc.nat(owners - 1) }),
  fc.record({ op: fc.constant('delete' as const), picks: fc.array(fc.nat(pool - 1), { minLength: 1, maxLength: 300 }) }),
  fc.record({ op: fc.constant('compact' as const) }),
), { minLength: 1, maxLength: 6 });

describe('addresses kept in blocks and a log', function () {
  this.timeout(300_000);

  it('reads back exactly what was written: by id, all, and by relation, through any writes and compactions', async () => {
    // Ids spread over the key space, so that the first sync's fold splits into blocks and later writes land across them.
    const ids = Array.from({ length: pool }, (_, i) => `${(i * 7919 % pool).toString(36).padStart(3, '0')}-${i}`);
    const relationIds = Array.from({ length: owners }, (_, i) => `relation-${i}`);
    const address = (i: number, owner: number, step: number): Address => ({
      id: ids[i]!, relationId: relationIds[owner]!, version: step + 1, purposes: ['postal'], poBox: null, street: `Straat ${step}`,
      houseNumber: String(i), houseNumberAddition: null, postalCode: '1234 AB', city: `Plaats ${step}`, country: 'NL',
    } as Address);
    let run = 0;
    await fc.assert(fc.asyncProperty(steps, async (script) => {
      const name = `relation-elements:test-address-blocks:${Date.now()}:${run++}`;
      const cache: Cache = await openCache(name, () => undefined);
      try {
        // The oracle: what was written, kept here as a plain map.
        const model = new Map<string, Address>();
        const write = async (put: Address[], deleted: string[]) => {
          const tx = cache.transaction(addressStores, 'readwrite');
          await Promise.all([logAddresses(tx, { put, deleted }), tx.done]);
        };
        for (let at = 0; at < 1500; at += 500) {
          const page = Array.from({ length: 500 }, (_, i) => address(at + i, (at + i) % owners, 0));
          await write(page, []);
          for (const row of page) model.set(row.id, row);
        }
        expect(await compactAddresses(cache)).to.equal(true);
        for (const [n, step] of script.entries()) {
          if (step.op === 'put') {
            const rows = step.picks.map((i) => address(i, (step.owner + i) % owners, n + 1));
            await write(rows, []);
            for (const row of rows) model.set(row.id, row);
          } else if (step.op === 'delete') {
            const gone = step.picks.map((i) => ids[i]!);
            await write([], gone);
            for (const id of gone) model.delete(id);
          } else {
            await compactAddresses(cache);
            const blocks = await cache.getAll('addressBlocks');
            expect(blocks.every((block) => block.rows.length <= 2 * blockSize), 'no block beyond twice the block size').to.equal(true);
            expect(blocks.every((block) => [...new Set(block.rows.map((row) => row.relationId))].sort().join() === [...block.owners].sort().join()),
              'each block lists exactly the owners of its addresses').to.equal(true);
          }
          const byId = await readAddresses(cache.transaction(addressStores), ids);
          expect(byId.map((row) => row?.city ?? null)).to.deep.equal(ids.map((id) => model.get(id)?.city ?? null));
          const all = await readAllAddresses(cache.transaction(addressStores));
          expect(all.map((row) => `${row.id} ${row.version}`).sort()).to.deep.equal([...model.values()].map((row) => `${row.id} ${row.version}`).sort());
          const asked = [relationIds[0]!, relationIds[n % owners]!, relationIds[owners - 1]!];
          const own = await addressesOfRelations(cache.transaction(addressStores), asked);
          const expected = asked.map((relationId) => [...model.values()].filter((row) => row.relationId === relationId).map((row) => `${row.id} ${row.version}`).sort());
          expect(own.map((list) => list.map((row) => `${row.id} ${row.version}`)), 'by relation, in id order').to.deep.equal(expected);
        }
      } finally {
        cache.close();
        await deleteCache(name);
      }
    }), { numRuns: 10 });
  });
});
