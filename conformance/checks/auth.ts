import { operations, type OperationId } from '../../src/contract/index.js';
import type { Check } from '../check.js';
import { describeRequest, type ApiClient, type Call } from '../client.js';
import { expectProblem, fail, forEach } from '../expect.js';

/**
 * Every operation, the event stream included, answers 401 problem+json with a Bearer challenge before it
 * looks at anything else: the request is deliberately empty, so a backend that validates first shows up.
 * An optional operation that the backend does not offer may answer 404 or 501 instead.
 */
async function everyOperationRefuses(client: ApiClient): Promise<void> {
  await forEach(Object.keys(operations) as OperationId[], async (operationId) => {
    const spec = operations[operationId];
    const call: Call = {
      ...(spec.path.includes('{id}') ? { params: { id: 'conformance-unknown' } } : {}),
      ...('body' in spec ? { body: {} } : {}),
      ...('ifMatch' in spec ? { headers: { 'If-Match': '"1"' } } : {}),
    };
    const reply = await client.send(operationId, call);
    // An optional operation the backend does not offer may be unknown before the token is looked at.
    if ('optional' in spec && (reply.status === 404 || reply.status === 501)) return;
    expectProblem(reply, 401);
    const challenge = reply.headers.get('www-authenticate') ?? '';
    if (!/^Bearer\b/i.test(challenge)) {
      fail(`${describeRequest(reply)}: expected a WWW-Authenticate: Bearer challenge with 401, got ${challenge ? `"${challenge}"` : 'none'}`);
    }
  });
}

export const authChecks: Check[] = [
  {
    id: 'auth.missing-token',
    area: 'Authentication',
    title: 'every operation answers 401 problem+json with WWW-Authenticate: Bearer without a token',
    run: (ctx) => everyOperationRefuses(ctx.anonymous),
  },
  {
    id: 'auth.wrong-token',
    area: 'Authentication',
    title: 'every operation answers 401 problem+json with WWW-Authenticate: Bearer for an unknown token',
    run: (ctx) => everyOperationRefuses(ctx.wrongToken),
  },
];
