import { isDeepStrictEqual } from 'node:util';
import { operations, type OperationId } from '../../src/contract/index.js';
import { organizationBody } from '../bodies.js';
import type { Check } from '../check.js';
import { requestLine } from '../client.js';
import type { RunContext } from '../context.js';
import { expectEqual, expectProblem, expectSuccess, fail, show } from '../expect.js';
import { prepare } from '../recipes.js';

/** POSTs that write; a safe POST (one that only reads) needs no key. */
const posts = (Object.keys(operations) as OperationId[]).filter((id) => operations[id].method === 'post' && !('safe' in operations[id]));

/** Same key, same request: the same status, body and ETag; key order may differ, as JSON does not order keys. */
async function replays(ctx: RunContext, operationId: OperationId): Promise<void> {
  const { call } = await prepare(ctx, operationId);
  const keyed = { ...call, headers: { ...call.headers, 'Idempotency-Key': `conformance-${ctx.runId}-${operationId}` } };
  const first = await ctx.main.send(operationId, keyed);
  expectSuccess(first);
  const again = await ctx.main.send(operationId, keyed);
  expectSuccess(again, ' (repeated with the same Idempotency-Key)');
  if (!isDeepStrictEqual(again.json, first.json)) {
    fail(`${requestLine(operationId)}: the repeat with the same Idempotency-Key answered ${show(again.json)}, the first ${show(first.json)}`);
  }
  expectEqual(again.headers.get('etag'), first.headers.get('etag'), `${requestLine(operationId)}: ETag of the repeat with the same Idempotency-Key`);
}

/** Finds the run's relations by name, archived ones included, so nothing hides from the count. */
async function relationsNamed(ctx: RunContext, name: string): Promise<string[]> {
  const page = expectSuccess(await ctx.main.send('listRelations', { query: { q: name, status: 'lead,active,archived', limit: '50' } }));
  return page.items.filter((item) => item.displayName === name).map((item) => item.id);
}

export const idempotencyChecks: Check[] = [
  ...posts.map((operationId): Check => ({
    id: `idempotency.${operationId}.replay`,
    area: 'Idempotency',
    title: `${requestLine(operationId)} repeated with the same Idempotency-Key and body replays the first answer`,
    run: (ctx) => replays(ctx, operationId),
  })),
  {
    id: 'idempotency.creates-once',
    area: 'Idempotency',
    title: 'a create repeated with the same Idempotency-Key creates one resource (checked by searching for it)',
    async run(ctx) {
      const name = ctx.name('Eenmalig B.V.');
      const call = { body: organizationBody(name), headers: { 'Idempotency-Key': `conformance-${ctx.runId}-once` } };
      expectSuccess(await ctx.main.send('createRelation', call));
      expectSuccess(await ctx.main.send('createRelation', call), ' (repeated with the same Idempotency-Key)');
      const found = await relationsNamed(ctx, name);
      if (found.length !== 1) fail(`${requestLine('createRelation')} sent twice with one Idempotency-Key: listRelations finds ${found.length} relations named ${show(name)}, expected 1`);
    },
  },
  {
    id: 'idempotency.key-reused',
    area: 'Idempotency',
    title: 'the same Idempotency-Key with another body answers 422 problem+json and creates nothing',
    async run(ctx) {
      const key = `conformance-${ctx.runId}-reused`;
      expectSuccess(await ctx.main.send('createRelation', { body: organizationBody(ctx.name('Eerste B.V.')), headers: { 'Idempotency-Key': key } }));
      const other = ctx.name('Tweede B.V.');
      expectProblem(await ctx.main.send('createRelation', { body: organizationBody(other), headers: { 'Idempotency-Key': key } }), 422, ' (a used Idempotency-Key with another body)');
      const found = await relationsNamed(ctx, other);
      if (found.length) fail(`${requestLine('createRelation')}: a used Idempotency-Key with another body still created ${found.join(', ')}`);
    },
  },
];
