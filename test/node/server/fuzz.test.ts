import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { Relation } from '../../../src/contract/index.js';
import { startServer, type TestServer } from './harness.js';

/**
 * Random and half-valid requests against the real server: whatever arrives, the answer is a clean 2xx or
 * 4xx, never a 500, and what was accepted is a valid resource that the lists agree exists.
 */
const validRelation = {
  kind: 'organization',
  organization: { name: 'Fuzz B.V.', kvkNumber: '12345678', vatNumber: 'NL004495445B01', website: 'www.fuzz.nl' },
  email: 'info@fuzz.nl',
  phone: '020-1234567',
  iban: 'NL91ABNA0417164300',
  debtor: {},
  status: 'lead',
};

/** A valid body with a few fields replaced by anything JSON can hold, removed, or added. */
const mutatedBody = (valid: Record<string, unknown>) =>
  fc
    .tuple(
      fc.subarray(Object.keys(valid)),
      fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 3 }),
      fc.subarray(Object.keys(valid), { maxLength: 2 }),
      fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 8, maxLength: 8 }),
      fc.boolean(),
    )
    .map(([replaced, extra, removed, values, withExtra]) => {
      const body: Record<string, unknown> = { ...valid };
      replaced.forEach((key, i) => (body[key] = values[i % values.length]));
      for (const key of removed) delete body[key];
      return withExtra ? { ...body, ...extra } : body;
    });

describe('fuzzing the reference backend', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ relations: 30 });
  });
  after(() => server.close());

  const clean = (status: number) => status < 500 && status !== 0;

  test('random relation bodies: no 500, and every 201 is a valid relation found again', async () => {
    const countBefore = (await server.request<{ items: unknown[] }>('GET', '/relations?status=lead,active,archived&limit=500')).body.items.length;
    let created = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutatedBody(validRelation), fc.jsonValue({ maxDepth: 3 })), async (body) => {
        const response = await server.request<Record<string, unknown>>('POST', '/relations', { body });
        assert.ok(clean(response.status), `${response.status} for ${JSON.stringify(body)}`);
        if (response.status === 201) {
          created++;
          assert.ok(Relation.safeParse(response.body).success);
          assert.equal((await server.request('GET', `/relations/${String(response.body['id'])}`)).status, 200);
        } else {
          assert.ok([400, 415, 422].includes(response.status), `unexpected ${response.status}`);
        }
      }),
      { numRuns: 150, seed: 20261126 },
    );
    const countAfter = (await server.request<{ items: unknown[] }>('GET', '/relations?status=lead,active,archived&limit=500')).body.items.length;
    assert.equal(countAfter - countBefore, created, 'exactly the accepted bodies were written');
  });

  test('random patches, addresses and moments: no 500, versions only move on success', async () => {
    const base = await server.request<Record<string, any>>('POST', '/relations', { body: validRelation });
    let version = 1;
    await fc.assert(
      fc.asyncProperty(
        mutatedBody({ email: 'a@b.nl', organization: { name: 'X' }, labelIds: [], preferences: { quotes: { validityDays: 30 } } }),
        mutatedBody({ purposes: ['postal'], poBox: '12', postalCode: '1234AB', city: 'Utrecht' }),
        mutatedBody({ relationId: base.body.id, kind: 'call', subject: 'Hallo', agreements: [{ text: 'x', dueDate: '2026-01-01' }] }),
        async (patch, address, moment) => {
          const patched = await server.request('PATCH', `/relations/${base.body.id}`, { body: patch, headers: { 'If-Match': `"${version}"` } });
          assert.ok(clean(patched.status), `${patched.status} for patch ${JSON.stringify(patch)}`);
          if (patched.status === 200) version++;
          const current = await server.request<{ version: number }>('GET', `/relations/${base.body.id}`);
          assert.equal(current.body.version, version);
          const a = await server.request('POST', `/relations/${base.body.id}/addresses`, { body: address });
          assert.ok(clean(a.status), `${a.status} for address ${JSON.stringify(address)}`);
          const m = await server.request('POST', '/contact-moments', { body: moment });
          assert.ok(clean(m.status), `${m.status} for moment ${JSON.stringify(moment)}`);
        },
      ),
      { numRuns: 80, seed: 7 },
    );
  });

  test('random list queries: 200 or 400, never 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom('q', 'status', 'kind', 'role', 'labelIds', 'labelMode', 'sort', 'limit', 'cursor', 'other'),
          fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('active', 'lead,archived', 'name', '-city', '50', 'any')),
        ),
        async (query) => {
          const response = await server.request('GET', `/relations?${new URLSearchParams(query)}`);
          assert.ok([200, 400].includes(response.status), `${response.status} for ${JSON.stringify(query)}`);
        },
      ),
      { numRuns: 200, seed: 42 },
    );
  });
});
