import type * as z from 'zod/mini';
import { operations, type OperationId } from '../../src/contract/index.js';
import type { Check } from '../check.js';
import { requestLine } from '../client.js';
import type { RunContext } from '../context.js';
import { conform, expectEqual, expectProblem, expectSuccess, versionOf } from '../expect.js';
import { prepare, requestFor } from '../recipes.js';

const operationIds = Object.keys(operations) as OperationId[];
const guarded = operationIds.filter((id) => 'ifMatch' in operations[id]);

/** The PATCH of the same path: it changes the resource (to make a version stale) and its schema is the resource's. */
function changerOf(operationId: OperationId): OperationId {
  const path = operations[operationId].path;
  const changer = operationIds.find((other) => operations[other].method === 'patch' && operations[other].path === path);
  if (!changer) throw new Error(`conformance kit: no PATCH at ${path} to make a version of it stale`);
  return changer;
}

async function withoutIfMatch(ctx: RunContext, operationId: OperationId): Promise<void> {
  const { call } = await prepare(ctx, operationId);
  const headers = Object.fromEntries(Object.entries(call.headers ?? {}).filter(([name]) => name.toLowerCase() !== 'if-match'));
  expectProblem(await ctx.main.send(operationId, { ...call, headers }), 428, ' without If-Match');
}

/** Someone else changes the resource first; the request still based on the old version must get 412 and the new one. */
async function withStaleIfMatch(ctx: RunContext, operationId: OperationId): Promise<void> {
  const { target, call } = await prepare(ctx, operationId);
  const changer = changerOf(operationId);
  const changed = expectSuccess(await ctx.main.send(changer, await requestFor(ctx, changer, target)), ' (making the version stale)');
  const problem = expectProblem(await ctx.main.send(operationId, call), 412, ` with a stale If-Match ${call.headers?.['If-Match']}`);
  const schema = (operations[changer] as { response: z.core.$ZodType }).response;
  const current = conform(schema, problem.current, `${requestLine(operationId)}: the current resource in the 412 problem's current`);
  expectEqual((current as { id?: unknown }).id, target?.id, `${requestLine(operationId)}: current.id in the 412 problem`);
  expectEqual(versionOf(current), versionOf(changed), `${requestLine(operationId)}: current.version in the 412 problem`);
}

/** Two checks per operation the table marks `ifMatch`, derived from the table. */
export const concurrencyChecks: Check[] = guarded.flatMap((operationId): Check[] => [
  {
    id: `concurrency.${operationId}.if-match-required`,
    area: 'Concurrency',
    title: `${requestLine(operationId)} without If-Match answers 428 problem+json`,
    run: (ctx) => withoutIfMatch(ctx, operationId),
  },
  {
    id: `concurrency.${operationId}.if-match-stale`,
    area: 'Concurrency',
    title: `${requestLine(operationId)} with a stale If-Match answers 412 with the current resource in current`,
    run: (ctx) => withStaleIfMatch(ctx, operationId),
  },
]);
