import { operations, type OperationId } from '../src/contract/index.js';
import {
  addressBody, affiliationBody, callbackRequestBody, contactMomentBody, labelBody, organizationBody,
} from './bodies.js';
import type { Call } from './client.js';
import type { RunContext } from './context.js';
import type { Target, TargetKind } from './fixtures.js';

/** How to make one valid request to an operation. */
interface Recipe {
  /** What the path's `{id}` names. */
  readonly target?: TargetKind;
  /** The request changes its target for good though it is no PATCH or DELETE: it gets a target of its own. */
  readonly fresh?: true;
  /** The operation's own query and body; the path parameter and `If-Match` follow from the target and the table. */
  build(ctx: RunContext): Promise<Call> | Call;
}

/**
 * A valid request for every operation of the table. Typed as a record over every operation id, so an
 * operation added to the contract does not compile here until the kit knows how to exercise it.
 */
export const recipes: Record<OperationId, Recipe> = {
  listRelations: { build: () => ({ query: { limit: '20' } }) },
  createRelation: { build: (ctx) => ({ body: organizationBody(ctx.name('B.V.'), { debtor: {} }) }) },
  getRelation: { target: 'relation', build: () => ({}) },
  updateRelation: {
    target: 'relation',
    build: () => ({ body: { phone: '030 765 4321', organization: { website: 'https://www.conformance.example/nieuw' } } }),
  },
  deleteRelation: { target: 'relation', build: () => ({}) },
  findDuplicates: {
    // A draft as it is while typing: the name of an existing relation, half a KvK number.
    build: async (ctx) => ({ body: { kind: 'organization', organization: { name: (await ctx.fixtures.relation()).displayName, kvkNumber: '1234' } } }),
  },
  listRelationHistory: { target: 'relation', build: () => ({ query: { limit: '20' } }) },
  exportRelationData: { target: 'relation', build: () => ({}) },
  listDuplicates: { build: () => ({ query: { limit: '20' } }) },
  dismissDuplicate: {
    build: async (ctx) => {
      const [a, b] = await Promise.all([ctx.fixtures.newRelation(), ctx.fixtures.newRelation()]);
      return { body: { relationIds: [a.id, b.id] } };
    },
  },
  // Two relations of their own: the one of the path stays, the other is merged into it.
  mergeRelations: {
    target: 'relation', fresh: true,
    build: async (ctx) => ({ body: { otherId: (await ctx.fixtures.newRelation()).id, fields: ['email'] } }),
  },
  // A relation of its own: anonymising it archives it and erases its name.
  anonymizeRelation: { target: 'relation', fresh: true, build: () => ({}) },
  updateRelationLabels: {
    build: async (ctx) => {
      const [relation, label] = await Promise.all([ctx.fixtures.newRelation(), ctx.fixtures.label(true)]);
      return { body: { relationIds: [relation.id], addLabelIds: [label.id] } };
    },
  },

  listAddresses: {
    target: 'relation',
    build: async (ctx) => {
      await ctx.fixtures.address();
      return {};
    },
  },
  createAddress: { target: 'relation', build: () => ({ body: addressBody('Amersfoort') }) },
  updateAddress: { target: 'address', build: () => ({ body: { houseNumberAddition: 'bis', city: 'Zeist' } }) },
  deleteAddress: { target: 'address', build: () => ({}) },
  lookupAddress: { build: () => ({ query: { postalCode: '3521cb', houseNumber: '18' } }) },

  listAffiliations: {
    build: async (ctx) => ({ query: { organizationId: (await ctx.fixtures.affiliation()).organizationId, limit: '10' } }),
  },
  createAffiliation: {
    build: async (ctx) => {
      const [person, organization] = await Promise.all([ctx.fixtures.newPerson(), ctx.fixtures.relation()]);
      return { body: affiliationBody(person.id, organization.id) };
    },
  },
  updateAffiliation: { target: 'affiliation', build: () => ({ body: { function: 'Inkoper', isPrimary: true } }) },
  deleteAffiliation: { target: 'affiliation', build: () => ({}) },

  listContactMoments: {
    build: async (ctx) => ({ query: { relationId: (await ctx.fixtures.contactMoment()).relationId, limit: '10' } }),
  },
  createContactMoment: {
    build: async (ctx) => ({ body: contactMomentBody((await ctx.fixtures.relation()).id, ctx.name('gesprek')) }),
  },
  getContactMoment: { target: 'contactMoment', build: () => ({}) },
  updateContactMoment: {
    target: 'contactMoment',
    build: () => ({ body: { subject: 'Gesprek bijgewerkt', agreements: [{ text: 'Offerte gestuurd', done: true }] } }),
  },
  deleteContactMoment: { target: 'contactMoment', build: () => ({}) },

  listCallbackRequests: {
    build: async (ctx) => {
      await ctx.fixtures.callbackRequest();
      return { query: { assigneeId: 'me', limit: '10' } };
    },
  },
  createCallbackRequest: {
    build: async (ctx) => {
      const [relation, me] = await Promise.all([ctx.fixtures.relation(), ctx.fixtures.me(ctx.main)]);
      return { body: callbackRequestBody(relation.id, me.id, ctx.name('terugbellen')) };
    },
  },
  updateCallbackRequest: { target: 'callbackRequest', build: () => ({ body: { status: 'done' } }) },

  listNotifications: {
    build: async (ctx) => {
      await ctx.fixtures.notification();
      return { query: { limit: '10' } };
    },
  },
  readNotification: { target: 'notification', build: () => ({}) },
  readAllNotifications: {
    build: async (ctx) => {
      await ctx.fixtures.notification();
      return {};
    },
  },
  streamNotifications: { build: () => ({}) },

  listLabels: {
    build: async (ctx) => {
      await ctx.fixtures.label();
      return {};
    },
  },
  createLabel: { build: (ctx) => ({ body: labelBody(ctx.name('label')) }) },
  updateLabel: { target: 'label', build: () => ({ body: { color: '#2e7d32' } }) },
  deleteLabel: { target: 'label', build: () => ({}) },

  listModules: { build: () => ({}) },
  listDocuments: { target: 'relation', build: () => ({ query: { limit: '10' } }) },

  listUsers: { build: () => ({}) },
  getMe: { build: () => ({}) },

  listChanges: { build: async (ctx) => ({ query: { since: (await ctx.firstWalk(ctx.main)).cursor, limit: '100' } }) },
};

export interface Prepared {
  readonly target: Target | undefined;
  readonly call: Call;
}

/**
 * A valid request to `operationId`: its target created (fresh when the request changes or deletes it, so
 * shared data stays as it was), the path parameter filled in and, where the table requires it, `If-Match`.
 */
export async function prepare(ctx: RunContext, operationId: OperationId): Promise<Prepared> {
  const spec = operations[operationId];
  const kind = recipes[operationId].target;
  const fresh = spec.method === 'patch' || spec.method === 'delete' || recipes[operationId].fresh === true;
  const target = kind ? await ctx.fixtures.target(kind, fresh) : undefined;
  return { target, call: await requestFor(ctx, operationId, target) };
}

/** A valid request to `operationId` about `target`, with `If-Match` naming the target's version where required. */
export async function requestFor(ctx: RunContext, operationId: OperationId, target: Target | undefined): Promise<Call> {
  const call = await recipes[operationId].build(ctx);
  const ifMatch: Record<string, string> = 'ifMatch' in operations[operationId] && target ? { 'If-Match': `"${target.version ?? 0}"` } : {};
  return { ...call, ...(target ? { params: { id: target.id } } : {}), headers: { ...call.headers, ...ifMatch } };
}
