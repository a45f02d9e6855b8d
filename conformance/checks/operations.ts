import { operations, type OperationId } from '../../src/contract/index.js';
import type { Check } from '../check.js';
import { requestLine, type Call } from '../client.js';
import type { RunContext } from '../context.js';
import { CheckSkipped, expectEqual, expectEtag, expectProblem, expectSuccess, fail, show, versionOf, violations } from '../expect.js';
import { offerOf, offeredButNotFound } from '../offered.js';
import { prepare } from '../recipes.js';
import { serverEvents } from '../sse.js';

const operationIds = Object.keys(operations) as OperationId[];

/**
 * One check per operation of the table, derived from it: a valid request answers the operation's success
 * status with a body its response schema accepts, one versioned resource carries `ETag: "<version>"`, a
 * change raises the version by one, and what was deleted is gone.
 */
export const operationChecks: Check[] = operationIds.map((operationId) => {
  const spec = operations[operationId];
  return {
    id: `operation.${operationId}`,
    area: 'Operations',
    title: `${requestLine(operationId)} answers ${spec.status}${'response' in spec ? ' with a body the contract accepts' : ''}${'optional' in spec ? ' (optional: 404 or 501 when not offered)' : ''}`,
    run: (ctx) => ('stream' in spec ? checkStream(ctx) : checkOperation(ctx, operationId)),
  };
});

async function checkOperation(ctx: RunContext, operationId: OperationId): Promise<void> {
  const spec = operations[operationId];
  const { target, call } = await prepare(ctx, operationId);
  assertValidRequest(operationId, call);
  const reply = await ctx.main.send(operationId, call);
  if ('optional' in spec && (reply.status === 404 || reply.status === 501)) {
    const offer = await offerOf(ctx, operationId, reply);
    if (!offer.offered) {
      // Allowed: the backend does not offer this operation, and clients do without it.
      ctx.tracker.notOffered.add(operationId);
      throw new CheckSkipped(`not offered: ${offer.why}; ${operationId} is optional`);
    }
    if (offer.refused && reply.status === 404) fail(offeredButNotFound(operationId, call, offer.refused));
  }
  const body = expectSuccess(reply);
  if (spec.status === 204 && reply.text !== '') fail(`${requestLine(operationId)}: expected no body with 204, got ${show(reply.text)}`);
  const version = versionOf(body);
  if (version !== undefined) expectEtag(reply, version);
  if (spec.method === 'patch' && 'ifMatch' in spec && target?.version !== undefined) {
    expectEqual(version, target.version + 1, `${requestLine(operationId)}: version after a change based on version ${target.version}`);
  }
  const reader = readerOf(operationId);
  if (spec.method === 'delete' && reader && target) {
    expectProblem(await ctx.main.send(reader, { params: { id: target.id } }), 404, ` after ${operationId}`);
  }
}

/** The GET of the same path, which must answer 404 once the resource is deleted. */
function readerOf(operationId: OperationId): OperationId | undefined {
  const path = operations[operationId].path;
  return operationIds.find((other) => operations[other].method === 'get' && operations[other].path === path);
}

/** The kit's own requests must be valid, or a failure would blame the backend for the kit's mistake. */
function assertValidRequest(operationId: OperationId, call: Call): void {
  const spec = operations[operationId];
  if (!('body' in spec) || call.body === undefined) return;
  const issues = violations(spec.body, call.body);
  if (issues.length) throw new Error(`conformance kit bug: its ${operationId} request breaks the contract: ${issues.join('; ')}`);
}

/** The stream answers 200 as `text/event-stream` and, as the contract says, opens with a `ready` event. */
async function checkStream(ctx: RunContext): Promise<void> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 5000);
  try {
    const response = await ctx.main.open('streamNotifications', {}, controller.signal);
    const line = requestLine('streamNotifications');
    if (response.status !== 200) fail(`${line}: expected status 200, got ${response.status}`);
    const type = response.headers.get('content-type') ?? '';
    if (!/^text\/event-stream\b/i.test(type)) fail(`${line}: expected content type text/event-stream, got ${show(type || undefined)}`);
    ctx.tracker.answered.add('streamNotifications');
    for await (const event of serverEvents(response)) {
      if (event === 'comment') continue;
      if (event.event !== 'ready') fail(`${line}: expected a first event named ready, got ${show(event.event)}`);
      return;
    }
    fail(`${line}: the stream ended before its ready event`);
  } catch (error) {
    if (controller.signal.aborted) fail(`${requestLine('streamNotifications')}: no ready event within 5 s`);
    throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}
