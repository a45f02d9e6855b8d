/*
 * The index's table from relation id to position, driven the way the index drives it (appends, updates in
 * place, removals that move the last relation into the gap) through thousands of random steps, and checked
 * after each against a plain Map kept beside it: the oracle.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { IdPositions } from '../../../src/store/id-positions.js';

/** A small deterministic generator, so a failure is the same failure on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

describe('the index table from id to position', () => {
  test('finds every id at its position, and nothing else, after a load and through growth, moves and removals', () => {
    const next = random(7);
    const rows: string[] = [];
    const table = new IdPositions((at) => rows[at]!);
    const oracle = new Map<string, number>();
    let made = 0;
    // As a load enters them: all at once.
    for (; made < 3000; made++) rows.push(`r${made.toString(36)}`);
    table.fill(rows.length);
    rows.forEach((id, at) => oracle.set(id, at));
    for (let step = 0; step < 20_000; step++) {
      const roll = next();
      if (roll < 0.6 || rows.length === 0) {
        const id = `${made++ % 3 ? 'r' : 'local-'}${Math.floor(next() * 1e9).toString(36)}-${made}`;
        rows.push(id);
        table.set(id, rows.length - 1);
        oracle.set(id, rows.length - 1);
      } else {
        // As the index removes: the table forgets the id first, then the last relation moves into its place.
        const at = Math.floor(next() * rows.length);
        const id = rows[at]!;
        const lastAt = rows.length - 1;
        table.delete(id);
        oracle.delete(id);
        if (at !== lastAt) {
          rows[at] = rows[lastAt]!;
          table.set(rows[at]!, at);
          oracle.set(rows[at]!, at);
        }
        rows.pop();
        assert.equal(table.get(id), undefined, `a removed id is gone (step ${step})`);
      }
      if (step % 500 === 0 || step > 19_900) {
        for (const [id, at] of oracle) assert.equal(table.get(id), at, `${id} at step ${step}`);
        assert.equal(table.get('never-made'), undefined);
      }
    }
    assert.ok(rows.length > 1000, 'the table grew past its first size many times over');
  });
});
