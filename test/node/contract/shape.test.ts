/*
 * The change feed's shape check (src/contract/shape.ts) against zod's full parse as the oracle: it accepts
 * every entity the seed generates (which zod accepts), and for every way a field can break the shape it
 * rejects the entity and names the same field zod names.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as z from 'zod/mini';
import { ChangePage } from '../../../src/contract/schemas/change.js';
import { shapeCheck } from '../../../src/contract/shape.js';
import { generateSeed } from '../../../server/seed/generate.js';

const seed = generateSeed({ tenant: 'demo', relations: 400 });
const page = (items: unknown[]) => ({ items, nextCursor: 'c', hasMore: false, remaining: 0 });
const upserts = [
  ...seed.relations.map((data) => ({ entity: 'relation', id: data.id, op: 'upsert', data })),
  ...seed.addresses.map((data) => ({ entity: 'address', id: data.id, op: 'upsert', data })),
  ...seed.affiliations.map((data) => ({ entity: 'affiliation', id: data.id, op: 'upsert', data })),
  ...seed.contactMoments.map((data) => ({ entity: 'contactMoment', id: data.id, op: 'upsert', data })),
  ...seed.labels.map((data) => ({ entity: 'label', id: data.id, op: 'upsert', data })),
  { entity: 'relation', id: 'gone', op: 'delete', data: null },
];
const check = shapeCheck(ChangePage);
/** zod's issue codes for a value of the wrong type or outside an enum or literal: what a shape is. */
const shapeCodes = new Set(['invalid_type', 'invalid_value', 'invalid_union']);

/** Every path to a field of an entity, with its value. */
function leaves(value: unknown, path: (string | number)[] = []): [(string | number)[], unknown][] {
  if (value === null || typeof value !== 'object') return [[path, value]];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [[path, value], ...entries.flatMap(([key, v]) => leaves(v, [...path, key]))];
}

function withValue(item: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(item) as Record<string | number, unknown>;
  let at: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  if (value === undefined) delete at[path.at(-1)!];
  else at[path.at(-1)!] = value;
  return copy;
}

describe('the change feed shape check', () => {
  test('accepts every entity kind the seed generates, as zod does', () => {
    assert.equal(z.safeParse(ChangePage, page(upserts)).success, true);
    assert.equal(check(page(upserts)), undefined);
  });

  test('rejects each broken field of each entity kind and names the field zod names', () => {
    const breakers: [string, (value: unknown) => unknown][] = [
      ['removed', () => undefined],
      ['a number for a text', (value) => (typeof value === 'string' ? 42 : 'forty-two')],
      ['an object for a list', () => ({})],
    ];
    let checked = 0;
    // One entity of each kind, every field of it broken in each way in turn.
    for (const entity of ['relation', 'address', 'affiliation', 'contactMoment', 'label']) {
      const item = upserts.find((u) => u.entity === entity && u.data && Object.values(u.data).some((v) => v !== null))!;
      for (const [path, value] of leaves(item.data, ['data'])) {
        if (path.length < 2) continue;
        for (const [how, broken] of breakers) {
          const changed = page([withValue(item, path, broken(value))]);
          const full = z.safeParse(ChangePage, changed);
          const shape = check(changed);
          // Only breaks that change the shape: a field zod accepts either way (optional, nullable) is no case,
          // and a text that is a text but not a valid e-mail or IBAN breaks a rule the shape check leaves out.
          if (full.success || !shapeCodes.has(full.error.issues[0]!.code)) {
            assert.equal(shape, undefined, `${entity} ${path.join('.')} ${how}: zod finds no shape issue, nor may the shape check`);
            continue;
          }
          assert.ok(shape, `${entity} ${path.join('.')} ${how}: zod rejects it (${full.error.issues[0]?.message})`);
          assert.deepEqual(shape.path, full.error.issues[0]!.path, `${entity} ${path.join('.')} ${how}`);
          checked++;
        }
      }
    }
    assert.ok(checked > 60, `${checked} broken fields compared`);
  });

  test('rejects an unknown entity kind, a wrong op and a broken envelope by name', () => {
    assert.deepEqual(check(page([{ entity: 'invoice', id: 'x', op: 'upsert', data: {} }]))?.path, ['items', 0, 'entity']);
    assert.deepEqual(check(page([{ ...upserts[0], op: 'merge' }]))?.path, ['items', 0, 'op']);
    assert.deepEqual(check({ ...page([]), remaining: 1.5 })?.path, ['remaining']);
    assert.deepEqual(check({ items: [], hasMore: false, remaining: 0 })?.path, ['nextCursor']);
  });
});
