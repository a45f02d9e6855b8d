import type { OperationId } from '../src/contract/index.js';
import { requestLine, type Call, type Reply } from './client.js';
import type { RunContext } from './context.js';
import { show } from './expect.js';

/*
 * Whether the backend offers an optional operation. A backend that leaves it out answers 501, or 404 to
 * every request of it (a framework's "no such path"). A 404 alone cannot tell "not offered" from "offered
 * but knows nothing there", so after a 404 the kit sends a request that an offered operation must refuse
 * with 400 or 422 (the contract's query schema fails it): if the backend refuses it, the operation is offered.
 */

/** For each optional operation, a request that breaks its query schema. */
const malformed: Partial<Record<OperationId, Call>> = {
  lookupAddress: { query: { postalCode: '12345', houseNumber: '18' } },
};

/** What the kit concluded from the backend's answers, and the words for the report. */
export type Offer = { offered: false; why: string } | { offered: true; refused?: { call: Call; status: number } };

/** Whether `reply` (a 404 or 501 to a valid request of an optional operation) means the backend leaves it out. */
export async function offerOf(ctx: RunContext, operationId: OperationId, reply: Reply): Promise<Offer> {
  if (reply.status === 501) return { offered: false, why: `answered 501` };
  if (reply.status !== 404) return { offered: true };
  const probe = malformed[operationId];
  if (!probe) return { offered: false, why: 'answered 404' };
  const bad = await ctx.main.send(operationId, probe);
  if (bad.status === 404 || bad.status === 501) {
    return { offered: false, why: `answered 404, and ${bad.status} to the malformed ${show(probe.query)} too` };
  }
  return { offered: true, refused: { call: probe, status: bad.status } };
}

/**
 * The failure of an offered operation that answered 404 to the kit's valid request: for lookupAddress, the
 * kit asks for an address that exists (Croeselaan 18, 3521 CB Utrecht, in the BAG and in the reference
 * backend's table), which every backend offering the lookup must find.
 */
export function offeredButNotFound(operationId: OperationId, call: Call, refused: { call: Call; status: number }): string {
  return `${requestLine(operationId)} with ${show(call.query)}: expected 200, got 404; the backend refused the malformed ` +
    `${show(refused.call.query)} with ${refused.status}, so it offers ${operationId}, and then it must find this address ` +
    `(Croeselaan 18, 3521 CB Utrecht, a real address). A backend that does not offer ${operationId} answers 501.`;
}
