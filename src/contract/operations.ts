import * as z from 'zod/mini';
import { Address, AddressCreate, AddressPatch } from './schemas/address.js';
import { AddressLookup, AddressLookupQuery } from './schemas/address-lookup.js';
import { Affiliation, AffiliationCreate, AffiliationPatch } from './schemas/affiliation.js';
import { CallbackRequest, CallbackRequestCreate, CallbackRequestPatch, CallbackStatus } from './schemas/callback-request.js';
import { ChangePage } from './schemas/change.js';
import { ContactMoment, ContactMomentCreate, ContactMomentPatch } from './schemas/contact-moment.js';
import { DuplicateCandidates, DuplicateDismissal, DuplicateDraft, DuplicatePairPage, MergeRequest } from './schemas/duplicates.js';
import { id, intParam, listParam, page } from './schemas/fields.js';
import { HistoryPage } from './schemas/history.js';
import { RelationExport } from './schemas/personal-data.js';
import { Label, LabelBulk, LabelBulkResult, LabelCreate, LabelPatch } from './schemas/label.js';
import { Document, Module } from './schemas/module.js';
import { Notification, NotificationsRead } from './schemas/notification.js';
import { Relation, RelationCreate, RelationKind, RelationPage, RelationPatch, RelationStatus, relationRoles, relationSorts } from './schemas/relation.js';
import { Me, User } from './schemas/user.js';

/**
 * One operation of the contract: the single description from which the SDK's methods, the reference
 * server's routes and validation, the conformance kit and the OpenAPI document are all derived.
 */
export interface OperationSpec {
  readonly method: 'get' | 'post' | 'patch' | 'delete';
  /** Relative to the base URL, with `{name}` for path parameters. */
  readonly path: `/${string}`;
  readonly params?: z.ZodMiniObject;
  readonly query?: z.ZodMiniObject;
  readonly body?: z.core.$ZodType;
  /** The success status; 204 has no body. */
  readonly status: 200 | 201 | 204;
  readonly response?: z.core.$ZodType;
  /** PATCH and DELETE of a versioned resource: `If-Match` is required (428) and must be current (412). */
  readonly ifMatch?: true;
  /** A server-sent event stream instead of a JSON body. */
  readonly stream?: true;
  /** Error statuses particular to this operation, beyond 400, 401, 413, 415 and 500 that any may return. */
  readonly errors: readonly number[];
  /**
   * A POST that only reads (its question does not fit a query string): nothing changes, so it needs no
   * `Idempotency-Key` and may be repeated freely.
   */
  readonly safe?: true;
  /**
   * A backend may leave the operation out, answering 404 or 501; clients then do without what it gives
   * (the card then fills in no address).
   */
  readonly optional?: true;
}

const byId = z.object({ id });
const paging = { limit: z.optional(intParam(1, 500)), cursor: z.optional(z.string().check(z.maxLength(500))) };

export const ListRelationsQuery = z.object({
  /** Searches name, relation/debtor/creditor number, e-mail, phone, city, postcode, KvK and VAT. */
  q: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  status: z.optional(listParam(RelationStatus)),
  kind: z.optional(RelationKind),
  role: z.optional(z.enum(relationRoles)),
  labelIds: z.optional(listParam(id)),
  labelMode: z.optional(z.enum(['all', 'any'])),
  sort: z.optional(z.enum(relationSorts)),
  ...paging,
});

export const operations = {
  listRelations: { method: 'get', path: '/relations', query: ListRelationsQuery, status: 200, response: RelationPage, errors: [] },
  createRelation: { method: 'post', path: '/relations', body: RelationCreate, status: 201, response: Relation, errors: [422] },
  getRelation: { method: 'get', path: '/relations/{id}', params: byId, status: 200, response: Relation, errors: [404] },
  updateRelation: {
    method: 'patch', path: '/relations/{id}', params: byId, body: RelationPatch, status: 200, response: Relation,
    ifMatch: true, errors: [404, 412, 422, 428],
  },
  deleteRelation: {
    method: 'delete', path: '/relations/{id}', params: byId, status: 204, ifMatch: true, errors: [404, 409, 412, 428],
  },
  updateRelationLabels: {
    method: 'post', path: '/relations/labels', body: LabelBulk, status: 200, response: LabelBulkResult, errors: [422],
  },
  findDuplicates: {
    method: 'post', path: '/relations/find-duplicates', body: DuplicateDraft, status: 200, response: DuplicateCandidates,
    safe: true, errors: [422],
  },
  listRelationHistory: {
    method: 'get', path: '/relations/{id}/history', params: byId, query: z.object(paging), status: 200, response: HistoryPage,
    errors: [404],
  },
  listDuplicates: { method: 'get', path: '/duplicates', query: z.object(paging), status: 200, response: DuplicatePairPage, errors: [] },
  dismissDuplicate: { method: 'post', path: '/duplicates/dismissals', body: DuplicateDismissal, status: 204, errors: [422] },
  mergeRelations: {
    method: 'post', path: '/relations/{id}/merge', params: byId, body: MergeRequest, status: 200, response: Relation,
    errors: [403, 404, 409, 422],
  },
  exportRelationData: {
    method: 'get', path: '/relations/{id}/export', params: byId, status: 200, response: RelationExport, errors: [404],
  },
  anonymizeRelation: {
    method: 'post', path: '/relations/{id}/anonymize', params: byId, status: 200, response: Relation, errors: [403, 404],
  },

  listAddresses: { method: 'get', path: '/relations/{id}/addresses', params: byId, status: 200, response: page(Address), errors: [404] },
  createAddress: {
    method: 'post', path: '/relations/{id}/addresses', params: byId, body: AddressCreate, status: 201, response: Address, errors: [404, 422],
  },
  updateAddress: {
    method: 'patch', path: '/addresses/{id}', params: byId, body: AddressPatch, status: 200, response: Address,
    ifMatch: true, errors: [404, 412, 422, 428],
  },
  deleteAddress: { method: 'delete', path: '/addresses/{id}', params: byId, status: 204, ifMatch: true, errors: [404, 412, 428] },
  lookupAddress: {
    method: 'get', path: '/address-lookup', query: AddressLookupQuery, status: 200, response: AddressLookup,
    optional: true, errors: [404, 501],
  },

  listAffiliations: {
    method: 'get', path: '/affiliations', query: z.object({ personId: z.optional(id), organizationId: z.optional(id), ...paging }),
    status: 200, response: page(Affiliation), errors: [],
  },
  createAffiliation: { method: 'post', path: '/affiliations', body: AffiliationCreate, status: 201, response: Affiliation, errors: [409, 422] },
  updateAffiliation: {
    method: 'patch', path: '/affiliations/{id}', params: byId, body: AffiliationPatch, status: 200, response: Affiliation,
    ifMatch: true, errors: [404, 412, 422, 428],
  },
  deleteAffiliation: { method: 'delete', path: '/affiliations/{id}', params: byId, status: 204, ifMatch: true, errors: [404, 412, 428] },

  listContactMoments: {
    method: 'get', path: '/contact-moments', query: z.object({ relationId: z.optional(id), ...paging }),
    status: 200, response: page(ContactMoment), errors: [],
  },
  createContactMoment: {
    method: 'post', path: '/contact-moments', body: ContactMomentCreate, status: 201, response: ContactMoment, errors: [422],
  },
  getContactMoment: { method: 'get', path: '/contact-moments/{id}', params: byId, status: 200, response: ContactMoment, errors: [404] },
  updateContactMoment: {
    method: 'patch', path: '/contact-moments/{id}', params: byId, body: ContactMomentPatch, status: 200, response: ContactMoment,
    ifMatch: true, errors: [404, 412, 422, 428],
  },
  deleteContactMoment: {
    method: 'delete', path: '/contact-moments/{id}', params: byId, status: 204, ifMatch: true, errors: [404, 412, 428],
  },

  listCallbackRequests: {
    method: 'get', path: '/callback-requests',
    query: z.object({ assigneeId: z.optional(id), requestedById: z.optional(id), status: z.optional(CallbackStatus), ...paging }),
    status: 200, response: page(CallbackRequest), errors: [],
  },
  createCallbackRequest: {
    method: 'post', path: '/callback-requests', body: CallbackRequestCreate, status: 201, response: CallbackRequest, errors: [422],
  },
  updateCallbackRequest: {
    method: 'patch', path: '/callback-requests/{id}', params: byId, body: CallbackRequestPatch, status: 200,
    response: CallbackRequest, ifMatch: true, errors: [404, 412, 422, 428],
  },

  listNotifications: {
    method: 'get', path: '/notifications', query: z.object({ unread: z.optional(z.enum(['true', 'false'])), ...paging }),
    status: 200, response: page(Notification), errors: [],
  },
  readNotification: { method: 'post', path: '/notifications/{id}/read', params: byId, status: 200, response: Notification, errors: [404] },
  readAllNotifications: { method: 'post', path: '/notifications/read', status: 200, response: NotificationsRead, errors: [] },
  streamNotifications: { method: 'get', path: '/notifications/stream', status: 200, stream: true, errors: [] },

  listLabels: { method: 'get', path: '/labels', status: 200, response: page(Label), errors: [] },
  createLabel: { method: 'post', path: '/labels', body: LabelCreate, status: 201, response: Label, errors: [409, 422] },
  updateLabel: {
    method: 'patch', path: '/labels/{id}', params: byId, body: LabelPatch, status: 200, response: Label,
    ifMatch: true, errors: [404, 409, 412, 422, 428],
  },
  deleteLabel: { method: 'delete', path: '/labels/{id}', params: byId, status: 204, ifMatch: true, errors: [404, 412, 428] },

  listModules: { method: 'get', path: '/modules', status: 200, response: page(Module), errors: [] },
  listDocuments: {
    method: 'get', path: '/relations/{id}/documents', params: byId, query: z.object({ module: z.optional(z.string()), ...paging }),
    status: 200, response: page(Document), errors: [404],
  },

  listUsers: { method: 'get', path: '/users', status: 200, response: page(User), errors: [] },
  getMe: { method: 'get', path: '/me', status: 200, response: Me, errors: [] },

  listChanges: {
    method: 'get', path: '/changes', query: z.object({ since: z.optional(z.string().check(z.maxLength(100))), limit: z.optional(intParam(1, 5000)) }),
    status: 200, response: ChangePage, errors: [410],
  },
} as const satisfies Record<string, OperationSpec>;

export type Operations = typeof operations;
export type OperationId = keyof Operations;
