import { operations, type OperationId } from '../../src/contract/index.js';
import { affiliationBody, callbackRequestBody, contactMomentBody, organizationBody } from '../bodies.js';
import type { Check } from '../check.js';
import { requestLine, type ApiClient, type Call } from '../client.js';
import type { RunContext } from '../context.js';
import { expectProblem, expectSuccess, fail, forEach } from '../expect.js';
import { walkChanges } from '../feed.js';
import { prepare } from '../recipes.js';

const operationIds = Object.keys(operations) as OperationId[];
/** Pages of 500 a list walk reads at most; isolation is about what leaks, not about reading a big tenant whole. */
const maxPages = 20;

/** Narrows a list to where the run's data would be, were it to leak. */
const narrowing: Partial<Record<OperationId, (ctx: RunContext) => Promise<Record<string, string>>>> = {
  listRelations: async (ctx) => ({ q: ctx.runId, status: 'lead,active,archived' }),
  listAffiliations: async (ctx) => ({ organizationId: (await ctx.fixtures.relation()).id }),
  listContactMoments: async (ctx) => ({ relationId: (await ctx.fixtures.relation()).id }),
};

/** Ids of the main tenant that the other tenant must never see: everything the run made, its users, a notification. */
async function ownIds(ctx: RunContext): Promise<Set<string>> {
  // Make sure every kind of resource exists before looking for leaks.
  await Promise.all([
    ctx.fixtures.affiliation(), ctx.fixtures.contactMoment(), ctx.fixtures.label(), ctx.fixtures.address(), ctx.fixtures.callbackRequest(),
  ]);
  const notification = await ctx.fixtures.notification();
  const users = expectSuccess(await ctx.main.send('listUsers'));
  return new Set([...ctx.tracker.ids(), ...users.items.map((user) => user.id), notification.id]);
}

async function leaksIn(client: ApiClient, operationId: OperationId, query: Record<string, string>, own: Set<string>): Promise<string[]> {
  const spec = operations[operationId];
  const paged = 'query' in spec && 'limit' in spec.query.shape;
  const leaked: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const call: Call = { query: { ...query, ...(paged ? { limit: '500' } : {}), cursor } };
    const body = expectSuccess(await client.send(operationId, call)) as unknown as { items: { id?: unknown }[]; nextCursor: string | null };
    leaked.push(...body.items.map((item) => item.id).filter((id): id is string => typeof id === 'string' && own.has(id)));
    if (!body.nextCursor) break;
    cursor = body.nextCursor;
  }
  return leaked;
}

/** Every operation on one resource: with another tenant's token, the run's ids do not exist. */
const byId = operationIds.filter((id) => operations[id].path.includes('{id}') && !('stream' in operations[id]));
/** The lists of the table: GETs without an id whose response is a page (the change feed has its own check). */
const lists = operationIds.filter((id) => {
  const spec = operations[id];
  const shape = 'response' in spec && 'shape' in spec.response ? (spec.response.shape as Record<string, unknown>) : {};
  return spec.method === 'get' && !spec.path.includes('{id}') && 'items' in shape && 'nextCursor' in shape && id !== 'listChanges';
});

export const isolationChecks: Check[] = [
  {
    id: 'isolation.ids',
    area: 'Tenant isolation',
    title: `every operation on an id (${byId.length}) answers 404 to another tenant for the run's resources`,
    needs: ['otherTenant'],
    run: (ctx) =>
      forEach(byId, async (operationId) => {
        const { call } = await prepare(ctx, operationId);
        expectProblem(await ctx.otherTenant.send(operationId, call), 404, " as another tenant, for this tenant's resource");
      }),
  },
  {
    id: 'isolation.lists',
    area: 'Tenant isolation',
    title: `no list (${lists.length}) shows another tenant the run's resources or this tenant's users`,
    needs: ['otherTenant'],
    async run(ctx) {
      const own = await ownIds(ctx);
      await forEach(lists, async (operationId) => {
        const leaked = await leaksIn(ctx.otherTenant, operationId, (await narrowing[operationId]?.(ctx)) ?? {}, own);
        if (leaked.length) fail(`${requestLine(operationId)} as another tenant lists ${leaked.join(', ')} of this tenant`);
      });
    },
  },
  {
    id: 'isolation.changes',
    area: 'Tenant isolation',
    title: "another tenant's change feed never carries the run's resources",
    needs: ['otherTenant'],
    async run(ctx) {
      const own = await ownIds(ctx);
      const walk = await walkChanges(ctx.otherTenant, (await ctx.firstWalk(ctx.otherTenant)).cursor);
      const leaked = walk.items.filter((item) => own.has(item.id)).map((item) => `${item.entity} ${item.id}`);
      if (leaked.length) fail(`${requestLine('listChanges')} as another tenant carries ${leaked.join(', ')} of this tenant`);
    },
  },
  {
    id: 'isolation.references',
    area: 'Tenant isolation',
    title: "a write cannot refer to another tenant's relation or user (404 or 422, nothing created)",
    needs: ['otherTenant'],
    async run(ctx) {
      const theirs = expectSuccess(await ctx.otherTenant.send('createRelation', { body: organizationBody(ctx.name('Ander Tenant B.V.')) }), ' (preparing test data)');
      const theirUser = expectSuccess(await ctx.otherTenant.send('getMe'));
      const [ours, person, label] = await Promise.all([ctx.fixtures.relation(), ctx.fixtures.newPerson(), ctx.fixtures.label()]);
      const attempts: [OperationId, Call][] = [
        ['createContactMoment', { body: contactMomentBody(theirs.id, ctx.name('gesprek')) }],
        ['createAffiliation', { body: affiliationBody(person.id, theirs.id) }],
        ['createCallbackRequest', { body: callbackRequestBody(theirs.id, (await ctx.fixtures.me(ctx.main)).id, ctx.name('terugbellen')) }],
        ['createCallbackRequest', { body: callbackRequestBody(ours.id, theirUser.id, ctx.name('terugbellen')) }],
        ['updateRelationLabels', { body: { relationIds: [theirs.id], addLabelIds: [label.id] } }],
      ];
      await forEach(attempts, async ([operationId, call]) => {
        expectProblem(await ctx.main.send(operationId, call), [404, 422], " naming another tenant's data");
      });
    },
  },
];
