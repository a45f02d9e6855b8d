/*
 * The prose of the OpenAPI document: what each operation does, what each schema is, with examples. It lives
 * apart from the schemas so that the contract shipped to browsers carries none of it; only the document
 * generator (./document.ts) imports this module.
 */
import type * as z from 'zod/mini';
import { operations, type OperationId } from '../operations.js';
import { Address, AddressCreate, AddressPatch, AddressPurpose } from '../schemas/address.js';
import { AddressLookup } from '../schemas/address-lookup.js';
import { Affiliation, AffiliationCreate, AffiliationPatch } from '../schemas/affiliation.js';
import { CallbackRequest, CallbackRequestCreate, CallbackRequestPatch, CallbackStatus } from '../schemas/callback-request.js';
import { Change, ChangePage } from '../schemas/change.js';
import { Agreement, ContactMoment, ContactMomentCreate, ContactMomentKind, ContactMomentPatch, Visibility } from '../schemas/contact-moment.js';
import {
  DuplicateCandidates, DuplicateDismissal, DuplicateDraft, DuplicatePair, DuplicatePairPage, DuplicateReason, MergeRequest,
} from '../schemas/duplicates.js';
import { FieldChange, HistoryAction, HistoryEntity, HistoryEntry, HistoryPage } from '../schemas/history.js';
import { LinkedRelation, RelationExport } from '../schemas/personal-data.js';
import { color, country, email, iban, kvkNumber, phone, vatNumber, website } from '../schemas/fields.js';
import { Label, LabelBulk, LabelBulkResult, LabelCreate, LabelPatch } from '../schemas/label.js';
import { Document, Module, PreferenceField } from '../schemas/module.js';
import { Notification, NotificationsRead } from '../schemas/notification.js';
import { FieldError, Problem } from '../schemas/problem.js';
import { Organization, Person, Relation, RelationCreate, RelationKind, RelationPage, RelationPatch, RelationStatus } from '../schemas/relation.js';
import { Me, User } from '../schemas/user.js';

export const apiTitle = 'Relations API';
export const apiVersion = '1.0.0';

export const apiDescription = `The contract between relation-elements (web components for relation management in an ERP) and any
backend that implements it. The reference backend serves it under \`/api/v1\`.

## Tenants and users
Every request carries \`Authorization: Bearer <token>\`; the token names a user, and the user belongs to
one tenant. Every resource belongs to a tenant and nothing crosses tenants: a resource of another tenant,
or one the user may not see, is answered with 404 as if it did not exist.

## Versions and concurrency
Every mutable resource has an integer \`version\`, sent along as \`ETag: "<version>"\`. PATCH and DELETE
require \`If-Match\` with the ETag the change was based on: without it the answer is 428; when the resource
changed in the meantime it is 412, with the resource as it is now in \`current\`, so the user can compare
and merge.

## Idempotency
Every POST accepts an \`Idempotency-Key\` (for example a UUID per intended write), so a client can retry a
write safely: a repeat with the same key and the same body replays the first response and creates
nothing; the same key with another body is 422.

## Errors and languages
Errors are problem details (RFC 9457) as \`application/problem+json\`. A request body that breaks the rules
is 422 with every invalid field in \`errors\`: its path (\`organization.vatNumber\`), a rule code (\`vat\`) and a
message. \`Accept-Language\` chooses the language of titles and messages: any Dutch tag (\`nl\`, \`nl-NL\`) gives
Dutch, anything else English.

## Lists and the change feed
Lists are pages \`{ items, nextCursor }\` in keyset order: send \`nextCursor\` back as \`cursor\` for the next
page; it is null on the last one. \`GET /changes?since=\` returns the upserts and tombstones of every
entity in commit order, so a client cache can stay current with one small request.

## Data
JSON in camelCase; ids are opaque strings; timestamps are RFC 3339 in UTC. What people type is
normalised before it is stored: KvK numbers to 8 digits, VAT numbers to \`NL123456789B01\`, IBANs to their
electronic form, Dutch postcodes to \`1234 AB\`, e-mail addresses trimmed, country codes in upper case.`;

export const tags = [
  { name: 'Relations', description: 'Organizations and persons, with their roles (debtor, creditor) and numbers.' },
  { name: 'Addresses', description: 'Postal, visiting, invoice and delivery addresses of a relation.' },
  { name: 'Affiliations', description: 'Links between a person and an organization, each with its own function, e-mail and phone.' },
  { name: 'Contact moments', description: 'Calls, meetings, visits, e-mails, notes and conversation reports, with agreements.' },
  { name: 'Callback requests', description: 'Requests to a colleague to call a relation back; the assignee gets an e-mail and a notification.' },
  { name: 'Notifications', description: 'What needs the current user’s attention, as a list and as a live stream.' },
  { name: 'Labels', description: 'Labels that group relations: mailing lists, customer types.' },
  { name: 'Modules', description: 'The host ERP’s modules, the preferences they declare and their documents per relation.' },
  { name: 'Users', description: 'The current user and their colleagues in the same tenant.' },
  { name: 'Changes', description: 'The change feed that keeps client caches current.' },
] as const;

export type Tag = (typeof tags)[number]['name'];

/** The error statuses the contract uses; each has a general meaning, which an operation may make precise. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 412 | 413 | 415 | 422 | 428 | 500 | 501;

export const errorDocs: Record<ErrorStatus, { readonly name: string; readonly description: string }> = {
  400: {
    name: 'BadRequest',
    description: 'The request cannot be read: the body is no valid JSON, or a query parameter is invalid (listed in `errors`).',
  },
  401: { name: 'Unauthorized', description: 'No valid bearer token was sent.' },
  403: { name: 'Forbidden', description: 'The user may not do this: the operation is for admins only (`role` in `GET /me`).' },
  404: {
    name: 'NotFound',
    description: 'There is no such resource, or it belongs to another tenant or is not visible to the user.',
  },
  409: { name: 'Conflict', description: 'The request conflicts with existing data; `detail` or `errors` says how.' },
  410: { name: 'Gone', description: 'The cursor is no longer valid; start again without it.' },
  412: {
    name: 'PreconditionFailed',
    description: 'The resource changed since the version in `If-Match`; `current` holds it as it is now.',
  },
  413: { name: 'ContentTooLarge', description: 'The request body is too large.' },
  415: { name: 'UnsupportedMediaType', description: 'The request body is not `application/json`.' },
  422: {
    name: 'UnprocessableContent',
    description:
      'The body breaks the contract’s rules (every invalid field is in `errors`, with a message in the language of ' +
      '`Accept-Language`), or the `Idempotency-Key` was used before with another body.',
  },
  428: { name: 'PreconditionRequired', description: '`If-Match` is missing: send the ETag of the version the change is based on.' },
  500: { name: 'InternalServerError', description: 'Something went wrong on the server; the request may be retried.' },
  501: {
    name: 'NotImplemented',
    description: 'The backend does not offer this optional operation; clients do without it (as they do on a 404 for its path).',
  },
};

export interface OperationDoc {
  readonly tag: Tag;
  readonly summary: string;
  readonly description: string;
  /** What the success response is. */
  readonly returns: string;
  /** Path and query parameters by name; `limit` and `cursor` are described once for all lists (`pagingDocs`). */
  readonly params?: Readonly<Record<string, string>>;
  /** What an error status means for this operation in particular, where the general meaning is too vague. */
  readonly errors?: Readonly<Partial<Record<ErrorStatus, string>>>;
}

export const pagingDocs: Readonly<Record<string, string>> = {
  limit: 'How many items one page holds at most.',
  cursor: 'Where the page starts: the `nextCursor` of the page before. Left out, the list starts at the beginning.',
};

const relationId = 'The id of the relation.';

export const operationDocs: Record<OperationId, OperationDoc> = {
  listRelations: {
    tag: 'Relations',
    summary: 'List relations',
    description:
      'Relations of the tenant, filtered, searched and sorted, one page at a time. Filters combine with AND; a list ' +
      'parameter such as `status=lead,active` matches any of its values. Without `status`, archived relations are left out.',
    returns: 'A page of relations.',
    params: {
      q:
        'Search text, split on white space; a relation matches when every term is found in it. Found by: name (a ' +
        "person's first and last name too), relation, debtor and creditor number, e-mail, phone (as written, as digits, " +
        'and national `0…` or international `31…`), KvK, VAT, IBAN, and the city and postcode (with and without the ' +
        'space) of each of its addresses. Case, accents and typographic apostrophes are ignored (`muller` finds ' +
        "`Müller`, `'s-Hertogenbosch` finds `’s-Hertogenbosch`); a term that is a number written with dashes, dots, " +
        'brackets or a leading `+` is matched by its digits. Clients that search a cache use the same definition ' +
        '(`relation-elements/contract`: `searchTerms`, `relationSearchText`, `relationSortKeys`), so both find the same.',
      status: 'Comma-separated statuses, e.g. `lead` for the leads list or `active,archived`.',
      kind: 'Only organizations or only persons.',
      role: 'Only debtors (customers) or only creditors (suppliers).',
      labelIds: 'Comma-separated label ids.',
      labelMode: '`all`: relations with every label in `labelIds` (the default); `any`: with at least one of them.',
      sort: 'Sort key; a leading `-` sorts descending. Default `name`.',
    },
  },
  createRelation: {
    tag: 'Relations',
    summary: 'Create a relation',
    description:
      'Creates an organization (with `organization`) or a person (with `person`). `debtor: {}` or `creditor: {}` ' +
      'gives the relation that role with the next number; the backend owns all numbering.',
    returns: 'The new relation.',
    errors: { 422: 'The body breaks the rules (every invalid field is in `errors`), a label id is unknown, or the `Idempotency-Key` was used with another body.' },
  },
  getRelation: {
    tag: 'Relations',
    summary: 'Get a relation',
    description: 'One relation with all its details.',
    returns: 'The relation.',
    params: { id: relationId },
  },
  updateRelation: {
    tag: 'Relations',
    summary: 'Change a relation',
    description:
      'A JSON merge patch: fields left out stay as they are; within `organization`, `person` and `preferences` only ' +
      'the fields sent change; `null` clears a field. The kind of a relation never changes. `debtor: {}` adds the ' +
      'role with a new number; `debtor: null` ends it.',
    returns: 'The relation as it is now.',
    params: { id: relationId },
    errors: { 422: 'The body breaks the rules, e.g. `person` sent for an organization, or a label id is unknown.' },
  },
  deleteRelation: {
    tag: 'Relations',
    summary: 'Delete a relation',
    description: 'Deletes a relation that nothing refers to, with its addresses. A relation that is referred to is archived instead.',
    returns: 'Deleted.',
    params: { id: relationId },
    errors: {
      409: 'Affiliations, contact moments, callback requests or documents refer to the relation: archive it (`status: archived`) instead.',
    },
  },
  updateRelationLabels: {
    tag: 'Labels',
    summary: 'Add and remove labels on many relations',
    description: 'Adds `addLabelIds` to and removes `removeLabelIds` from every relation in `relationIds`, all or nothing.',
    returns: 'How many relations changed.',
  },
  findDuplicates: {
    tag: 'Relations',
    summary: 'Find relations that may be the one being entered',
    description:
      'While someone enters or edits a relation, the relations of the tenant that may be the same one, so the card can ' +
      'warn before a duplicate is made. Equal keys count first: KvK number, VAT number, IBAN and e-mail, compared ' +
      'normalised (KvK without spaces and dots, VAT as `NL123456789B01`, IBAN without spaces in upper case, e-mail ' +
      'trimmed in lower case; `relation-elements/contract`: `duplicateKey`); a value that is not (yet) valid matches ' +
      'nothing. Then similar names: the organization’s name, or the person’s first name (else initials), infix and last name, folded ' +
      '(`duplicateName`), compared with relations of the same kind. The reference backend uses PostgreSQL trigram ' +
      'similarity of at least 0.55; other backends may compare names their own way. Archived relations are included ' +
      '(re-activating one beats entering it again). Only relations are searched, never contact moments. Nothing ' +
      'changes, so the request needs no `Idempotency-Key` and may be repeated; the body is lenient, since it is sent ' +
      'as people type.',
    returns:
      'At most 10 candidates, best first: `score` 1 for an equal key, else the name’s similarity (0..1). Empty when ' +
      'nothing resembles the draft.',
    errors: { 422: 'The body is not a draft: an unknown field, a value of the wrong type, or text beyond its length.' },
  },
  listRelationHistory: {
    tag: 'Relations',
    summary: 'List the history of a relation',
    description:
      'Every change to the relation, its addresses and the affiliations it is part of, newest first: who, when, ' +
      'which fields, and each field’s value before and after. A link between a person and an organization shows in ' +
      'the history of both. Labels show as changes of `labelIds`. Contact moments are not part of it, so a private ' +
      'moment never shows to anyone but its author. Entries stay while the relation exists; merges, imports and ' +
      'anonymisation show as such (`action`), and anonymising a relation erases the personal values of its entries.',
    returns: 'A page of history entries, newest first.',
    params: { id: relationId },
  },
  listDuplicates: {
    tag: 'Relations',
    summary: 'List likely duplicate relations',
    description:
      'Pairs of relations of the tenant that are likely the same one: an equal KvK number, VAT number, IBAN or e-mail ' +
      '(compared as `findDuplicates` compares them), or the same name folded (`duplicateName`) for relations of the ' +
      'same kind. Archived relations are left out, and so are pairs someone dismissed. Ordered by the lower relation ' +
      'number of the pair, then the higher. `score` is 1 for an equal key or name.',
    returns: 'A page of pairs.',
  },
  dismissDuplicate: {
    tag: 'Relations',
    summary: 'Dismiss a pair as not a duplicate',
    description: 'Remembers, for the whole tenant, that two relations are not the same one: `listDuplicates` never lists the pair again. Repeating it changes nothing.',
    returns: 'Remembered.',
    errors: { 422: 'The ids are not two different relations of the tenant.' },
  },
  mergeRelations: {
    tag: 'Relations',
    summary: 'Merge another relation into this one',
    description:
      'Admins only. The relation of the path stays; `otherId` is merged into it in one transaction. The values of ' +
      '`fields` are taken from the other; labels are joined; preferences the one that stays lacks are taken over. ' +
      'The other’s addresses, links (a link to a relation both were linked to is kept once), contact moments, ' +
      'callback requests, module documents and notifications move to the one that stays. The other is archived with ' +
      '`mergedInto`, keeps its number (numbers are never reused) and its role numbers. The change feed carries every ' +
      'moved entity; both histories record the merge.',
    returns: 'The relation that stays, as it is now.',
    params: { id: relationId },
    errors: {
      403: 'The user is a member, not an admin.',
      409: 'The other relation was merged already, or is the same relation.',
      422: 'The two relations are of different kinds, or `otherId` is not a relation of the tenant.',
    },
  },
  exportRelationData: {
    tag: 'Relations',
    summary: 'Export everything about a relation (GDPR access)',
    description:
      'Everything the backend holds about one relation that the requester may see, for a data subject’s access ' +
      'request: the relation, its addresses, its links and the relations at their other end, the contact moments ' +
      'about it or with the person that the requester may read (a colleague’s private moments are left out), ' +
      'callback requests, module documents and the whole history. Nothing changes.',
    returns: 'The export, as JSON.',
    params: { id: relationId },
  },
  anonymizeRelation: {
    tag: 'Relations',
    summary: 'Anonymise a relation (GDPR erasure)',
    description:
      'Admins only. Erases the personal data of a relation and keeps what bookkeeping needs: the name becomes ' +
      '`Geanonimiseerd`; KvK and VAT number, website, e-mail, phone and IBAN are cleared; its addresses are ' +
      'deleted; the e-mail and phone of each of its links are cleared; the subject, text and agreements of every ' +
      'contact moment about it or with the person are replaced, and so are its callback requests’ messages and ' +
      'numbers and its notifications’ texts; personal values are purged from its history and from the history of ' +
      'the relations it is linked to. The relation number, debtor and creditor numbers, labels, preferences and ' +
      'module documents stay; the relation is archived. The change feed carries every changed entity, so every ' +
      'cache drops the old values on its next sync. The anonymisation itself shows in the history. Repeating it ' +
      'changes nothing more.',
    returns: 'The relation as it is now.',
    params: { id: relationId },
    errors: { 403: 'The user is a member, not an admin.' },
  },

  listAddresses: {
    tag: 'Addresses',
    summary: 'List the addresses of a relation',
    description: 'Every address of one relation.',
    returns: 'A page of addresses.',
    params: { id: relationId },
  },
  createAddress: {
    tag: 'Addresses',
    summary: 'Add an address to a relation',
    description:
      'An address needs a street and house number, or a PO box (for postal addresses only). Each purpose appears ' +
      'once. A Dutch postcode (country `NL`, the default) is checked and stored as `1234 AB`; other postcodes as given.',
    returns: 'The new address.',
    params: { id: relationId },
  },
  updateAddress: {
    tag: 'Addresses',
    summary: 'Change an address',
    description: 'A merge patch; the rules that span fields are checked on the address that results.',
    returns: 'The address as it is now.',
    params: { id: 'The id of the address.' },
    errors: { 422: 'The body, or the address that would result, breaks the rules (every invalid field is in `errors`).' },
  },
  deleteAddress: {
    tag: 'Addresses',
    summary: 'Delete an address',
    description: 'Deletes one address of a relation.',
    returns: 'Deleted.',
    params: { id: 'The id of the address.' },
  },

  lookupAddress: {
    tag: 'Addresses',
    summary: 'Look up the street and city of a Dutch postcode and house number',
    description:
      'Optional: a backend may leave it out and answer 501, or 404 to every request (no such path); clients then fill ' +
      'in nothing. A backend that offers it refuses a malformed postcode with 400, and the conformance kit then ' +
      'expects it to find 3521 CB 18 (Croeselaan, Utrecht), a real address. The ' +
      'reference backend answers from its own reference table of streets with their postcodes and house-number ' +
      'ranges, never from the relations’ addresses of any tenant.',
    returns: 'The street and city at that postcode and house number.',
    params: {
      postalCode: 'A Dutch postcode, e.g. `1234 AB`; `1234ab` is accepted and normalised.',
      houseNumber: 'The house number without addition: a whole number from 1 to 99999.',
    },
    errors: {
      400: 'The postcode is not a Dutch postcode, or the house number is not a whole number (listed in `errors`).',
      404: 'No address is known at that postcode and house number, or the backend does not offer the operation.',
    },
  },

  listAffiliations: {
    tag: 'Affiliations',
    summary: 'List affiliations',
    description: 'Links between persons and organizations: the contact persons of an organization, or the organizations of a person.',
    returns: 'A page of affiliations.',
    params: { personId: 'Only the links of this person.', organizationId: 'Only the links of this organization.' },
  },
  createAffiliation: {
    tag: 'Affiliations',
    summary: 'Link a person to an organization',
    description: 'Links a person relation to an organization relation, with the function, e-mail and phone particular to that link.',
    returns: 'The new affiliation.',
    errors: {
      409: 'The person is already linked to this organization.',
      422: 'The body breaks the rules, `personId` is no person or `organizationId` no organization, or the `Idempotency-Key` was used with another body.',
    },
  },
  updateAffiliation: {
    tag: 'Affiliations',
    summary: 'Change an affiliation',
    description: 'Changes the function, e-mail, phone or primary flag of a link.',
    returns: 'The affiliation as it is now.',
    params: { id: 'The id of the affiliation.' },
  },
  deleteAffiliation: {
    tag: 'Affiliations',
    summary: 'Unlink a person from an organization',
    description: 'Deletes the link; both relations stay.',
    returns: 'Deleted.',
    params: { id: 'The id of the affiliation.' },
  },

  listContactMoments: {
    tag: 'Contact moments',
    summary: 'List contact moments',
    description:
      'Contact moments, newest first. With `relationId`: those about that relation and those where it was the contact ' +
      'person, so a conversation with a contact person about an organization shows on both. Private moments of other users are left out.',
    returns: 'A page of contact moments.',
    params: { relationId: 'Only moments about this relation or with it as the contact person.' },
  },
  createContactMoment: {
    tag: 'Contact moments',
    summary: 'Register a contact moment',
    description: 'Registers a call, meeting, visit, e-mail, note or conversation report, with the agreements made. `occurredAt` defaults to now.',
    returns: 'The new contact moment.',
  },
  getContactMoment: {
    tag: 'Contact moments',
    summary: 'Get a contact moment',
    description: 'One contact moment with its agreements.',
    returns: 'The contact moment.',
    params: { id: 'The id of the contact moment.' },
  },
  updateContactMoment: {
    tag: 'Contact moments',
    summary: 'Change a contact moment',
    description: 'A merge patch, e.g. to mark an agreement done. `agreements`, when sent, replaces the whole list.',
    returns: 'The contact moment as it is now.',
    params: { id: 'The id of the contact moment.' },
  },
  deleteContactMoment: {
    tag: 'Contact moments',
    summary: 'Delete a contact moment',
    description: 'Deletes a contact moment with its agreements.',
    returns: 'Deleted.',
    params: { id: 'The id of the contact moment.' },
  },

  listCallbackRequests: {
    tag: 'Callback requests',
    summary: 'List callback requests',
    description:
      'Callback requests of the tenant, e.g. the open ones assigned to the current user (`assigneeId=me&status=open`) or ' +
      'the ones the current user asked for (`requestedById=me`). In to-do order: open before done, then by `dueAt` ' +
      '(earliest first, requests without one after those with one), then newest first.',
    returns: 'A page of callback requests.',
    params: {
      assigneeId: 'Only requests assigned to this user; `me` is the current user.',
      requestedById: 'Only requests made by this user; `me` is the current user.',
      status: 'Only open or only done requests.',
    },
  },
  createCallbackRequest: {
    tag: 'Callback requests',
    summary: 'Ask a colleague to call back',
    description: 'Creates a callback request; the assignee receives an e-mail and a notification.',
    returns: 'The new callback request.',
  },
  updateCallbackRequest: {
    tag: 'Callback requests',
    summary: 'Change a callback request',
    description: 'Marks a request done, reassigns it or changes its message or due moment.',
    returns: 'The callback request as it is now.',
    params: { id: 'The id of the callback request.' },
  },

  listNotifications: {
    tag: 'Notifications',
    summary: 'List my notifications',
    description: 'The current user’s notifications, newest first.',
    returns: 'A page of notifications.',
    params: { unread: '`true`: only unread notifications; `false`: only read ones.' },
  },
  readNotification: {
    tag: 'Notifications',
    summary: 'Mark a notification read',
    description: 'Sets `readAt`; reading a notification twice keeps the first moment.',
    returns: 'The notification as it is now.',
    params: { id: 'The id of the notification.' },
  },
  readAllNotifications: {
    tag: 'Notifications',
    summary: 'Mark all my notifications read',
    description: 'Sets `readAt` on every unread notification of the current user; those of other users stay as they are.',
    returns: 'How many notifications were unread and are read now.',
  },
  streamNotifications: {
    tag: 'Notifications',
    summary: 'Stream my notifications and what my colleagues change',
    description:
      'Server-sent events: first a `ready` event, then one `notification` event per new notification, with the ' +
      'notification as JSON in `data` and its id as the event id. Comment lines keep an idle connection open. A ' +
      'client that reconnects with `Last-Event-ID` first receives what it missed.\n\n' +
      'Announcements, without an event id and with `data: {}`: `changes` when any user of the tenant committed a ' +
      'write that the change feed carries (pull `GET /changes` from your cursor), and `callbacks` when a callback ' +
      'request of the tenant was created or changed (read your callback lists again), and, to the current user ' +
      'only, `notifications` when they marked notifications read, on any device (read your notifications again). ' +
      'A burst of writes may become one announcement, and announcements are not replayed after a reconnect: ' +
      'a client pulls once on every ' +
      '`ready`. A backend with several instances announces on every instance (the reference backend uses ' +
      'PostgreSQL `NOTIFY`). Clients show colleagues\' changes within seconds this way; a backend without ' +
      'announcements still works, clients then see changes on their next revalidation.',
    returns: 'An event stream that stays open.',
  },

  listLabels: {
    tag: 'Labels',
    summary: 'List labels',
    description: 'Every label of the tenant, by name, with the number of relations that carry it.',
    returns: 'A page of labels.',
  },
  createLabel: {
    tag: 'Labels',
    summary: 'Create a label',
    description: 'A label has a name, unique within the tenant regardless of case, and a colour.',
    returns: 'The new label.',
    errors: { 409: 'Another label has this name.' },
  },
  updateLabel: {
    tag: 'Labels',
    summary: 'Change a label',
    description: 'Renames a label or changes its colour.',
    returns: 'The label as it is now.',
    params: { id: 'The id of the label.' },
    errors: { 409: 'Another label has this name.' },
  },
  deleteLabel: {
    tag: 'Labels',
    summary: 'Delete a label',
    description: 'Deletes a label and takes it off every relation.',
    returns: 'Deleted.',
    params: { id: 'The id of the label.' },
  },

  listModules: {
    tag: 'Modules',
    summary: 'List the host’s modules',
    description: 'The modules the host ERP has activated (quotes, orders, invoices, …), each with the preferences it lets users set per relation.',
    returns: 'A page of modules.',
  },
  listDocuments: {
    tag: 'Modules',
    summary: 'List the documents of a relation',
    description: 'Quotes, orders, subscriptions, invoices and other documents of the host’s modules for one relation, newest first.',
    returns: 'A page of documents.',
    params: { id: relationId, module: 'Only documents of this module, by its key (e.g. `invoices`).' },
  },

  listUsers: {
    tag: 'Users',
    summary: 'List colleagues',
    description: 'The users of the current tenant, e.g. to assign a callback request.',
    returns: 'A page of users.',
  },
  getMe: {
    tag: 'Users',
    summary: 'Get the current user',
    description: 'The user the token belongs to, with their tenant and preferred language.',
    returns: 'The current user.',
  },

  listChanges: {
    tag: 'Changes',
    summary: 'List changes since a cursor',
    description:
      'The change feed: the latest state of every entity changed since `since`, or its tombstone, in commit order. ' +
      'Without `since` it starts at the beginning, so a first sync receives every live entity once. Keep the ' +
      '`nextCursor` of the last page as the `since` of the next request.',
    returns: 'A page of changes.',
    params: {
      since: 'The `nextCursor` of an earlier page of the feed.',
      limit: 'How many changes one page holds at most.',
    },
    errors: { 410: 'The cursor no longer fits the feed (e.g. the backend’s data was reset): discard the cache and sync again without `since`.' },
  },
};

// ---------------------------------------------------------------------------------------------------------
// Schemas

export interface SchemaDoc {
  readonly schema: z.core.$ZodType;
  /** The schema's name under `components/schemas`. */
  readonly id: string;
  readonly description: string;
  /** A value the schema accepts; a test parses each. */
  readonly example: unknown;
  /** Descriptions of the schema's properties, where the name alone does not say enough. */
  readonly fields: Readonly<Record<string, string>>;
}

type FieldName<S extends z.core.$ZodType> = z.input<S> extends object ? Extract<keyof z.input<S>, string> : never;

function component<S extends z.core.$ZodType>(
  schema: S,
  doc: { id: string; description: string; example: z.input<S>; fields?: Partial<Record<FieldName<S>, string>> },
): SchemaDoc {
  const fields: Record<string, string> = {};
  for (const [name, text] of Object.entries(doc.fields ?? {})) if (typeof text === 'string') fields[name] = text;
  return { schema, id: doc.id, description: doc.description, example: doc.example, fields };
}

const uno = {
  id: 'rel_uno',
  number: 1001,
  kind: 'organization',
  status: 'active',
  displayName: 'Bedrijf Uno B.V.',
  debtor: { number: 20001 },
  creditor: null,
  organization: {
    name: 'Bedrijf Uno B.V.',
    kvkNumber: '34215678',
    vatNumber: 'NL852123450B01',
    website: 'https://www.bedrijfuno.nl',
  },
  person: null,
  email: 'info@bedrijfuno.nl',
  phone: '+31 20 123 4567',
  iban: 'NL44RABO0123456789',
  city: 'Amsterdam',
  labelIds: ['lbl_klant'],
  preferences: { quotes: { validityDays: 30 }, invoices: { paymentTermDays: 14 } },
  createdAt: '2026-01-12T09:30:00Z',
  updatedAt: '2026-03-02T14:05:00Z',
  version: 3,
} satisfies z.input<typeof Relation>;

const irecteur = {
  ...uno,
  id: 'rel_irecteur',
  number: 1002,
  kind: 'person',
  displayName: 'D. Irecteur',
  debtor: { number: 20002 },
  organization: null,
  person: { salutation: 'De heer', initials: 'D.', firstName: 'Dirk', infix: null, lastName: 'Irecteur' },
  email: 'dirk@irecteur.nl',
  phone: '+31 6 1234 5678',
  iban: null,
  city: 'Haarlem',
  labelIds: [],
  preferences: {},
  version: 1,
} satisfies z.input<typeof Relation>;

const visitingAddress = {
  id: 'adr_uno_bezoek',
  relationId: 'rel_uno',
  purposes: ['visiting', 'delivery'],
  poBox: null,
  street: 'Damrak',
  houseNumber: '70',
  houseNumberAddition: 'A',
  postalCode: '1012 LM',
  city: 'Amsterdam',
  country: 'NL',
  email: null,
  phone: null,
  version: 2,
} satisfies z.input<typeof Address>;

const affiliation = {
  id: 'aff_irecteur_uno',
  personId: 'rel_irecteur',
  organizationId: 'rel_uno',
  function: 'Directeur',
  email: 'd.irecteur@bedrijfuno.nl',
  phone: '+31 20 123 4500',
  isPrimary: true,
  version: 1,
} satisfies z.input<typeof Affiliation>;

const contactMoment = {
  id: 'cm_0042',
  relationId: 'rel_uno',
  personId: 'rel_irecteur',
  kind: 'call',
  subject: 'Offerte onderhoudscontract',
  body: 'Besproken: uitbreiding naar twee locaties per 1 april.',
  occurredAt: '2026-03-02T10:15:00Z',
  agreements: [{ text: 'Aangepaste offerte sturen', dueDate: '2026-03-09', done: false }],
  visibility: 'team',
  authorId: 'usr_anna',
  createdAt: '2026-03-02T10:20:00Z',
  updatedAt: '2026-03-02T10:20:00Z',
  version: 1,
} satisfies z.input<typeof ContactMoment>;

const callbackRequest = {
  id: 'cb_0007',
  relationId: 'rel_uno',
  personId: 'rel_irecteur',
  phone: '+31 20 123 4500',
  message: 'Wil graag de offerte doorspreken.',
  assigneeId: 'usr_bram',
  requestedById: 'usr_anna',
  status: 'open',
  dueAt: '2026-03-03T12:00:00Z',
  createdAt: '2026-03-02T10:25:00Z',
  version: 1,
} satisfies z.input<typeof CallbackRequest>;

const notification = {
  id: 'ntf_0031',
  kind: 'callback-request',
  title: 'Terugbelverzoek: Bedrijf Uno B.V.',
  body: 'Wil graag de offerte doorspreken.',
  relationId: 'rel_uno',
  callbackRequestId: 'cb_0007',
  createdAt: '2026-03-02T10:25:00Z',
  readAt: null,
} satisfies z.input<typeof Notification>;

const label = { id: 'lbl_klant', name: 'Vaste klant', color: '#1f5fbf', relationCount: 412, version: 2 } satisfies z.input<typeof Label>;

const quotesModule = {
  key: 'quotes',
  name: 'Offertes',
  preferences: [{ key: 'validityDays', label: 'Geldigheid offerte (dagen)', type: 'integer', min: 1, max: 365, default: 30 }],
} satisfies z.input<typeof Module>;

const invoice = {
  id: 'doc_fac_2026_0113',
  module: 'invoices',
  number: 'FAC-2026-0113',
  title: 'Factuur februari',
  date: '2026-02-28',
  status: 'Open',
  amount: { value: '1250.00', currency: 'EUR' },
} satisfies z.input<typeof Document>;

const historyEntry = {
  id: '1042',
  relationId: 'rel_uno',
  at: '2026-03-02T10:31:00Z',
  actorId: 'usr_bram',
  actorName: 'Bram Jansen',
  entity: 'address',
  entityId: 'adr_uno_visit',
  action: 'updated',
  changes: [{ field: 'city', old: 'Utrecht', new: 'Amersfoort' }, { field: 'postalCode', old: '3511 AB', new: '3811 CD' }],
} satisfies z.input<typeof HistoryEntry>;

const anna = { id: 'usr_anna', name: 'Anna de Vries', email: 'anna@demo.example', locale: 'nl', role: 'admin' } satisfies z.input<typeof User>;

/** The start of a notification stream, as a client receives it. */
export const notificationStreamExample =
  `event: ready\ndata: {}\nretry: 3000\n\nevent: notification\nid: ${notification.id}\ndata: ${JSON.stringify(notification)}\n\n`;

export const validationProblem = {
  type: 'https://relation-elements.dev/problems/validation',
  title: 'Enkele velden zijn niet goed ingevuld',
  status: 422,
  errors: [
    { path: 'organization.vatNumber', code: 'vat', message: 'Geen geldig btw-nummer; het ziet eruit als NL123456789B01.' },
    { path: 'iban', code: 'iban', message: 'Geen geldig IBAN; controleer de cijfers.' },
  ],
} satisfies z.input<typeof Problem>;

export const schemaDocs: readonly SchemaDoc[] = [
  component(kvkNumber, {
    id: 'KvkNumber',
    description: 'A Chamber of Commerce (KvK) number: 8 digits, no checksum. Spaces and dots are accepted and removed.',
    example: '34215678',
  }),
  component(vatNumber, {
    id: 'VatNumber',
    description:
      'A Dutch VAT (btw) number: `NL`, 9 digits, `B`, 2 digits (not `00`). Valid when the 11-check on the 9 digits holds ' +
      'or, for numbers issued since 2020, MOD 97-10 over the whole number gives 1. Spaces, dots, lower case and a ' +
      'missing `NL` are accepted; it is stored as `NL123456789B01`.',
    example: 'NL852123450B01',
  }),
  component(iban, {
    id: 'Iban',
    description:
      'An IBAN of any country that issues them, with that country’s length and a valid MOD 97-10 check. Spaces and ' +
      'lower case are accepted; it is stored in electronic form, without spaces.',
    example: 'NL44RABO0123456789',
  }),
  component(email, { id: 'Email', description: 'An e-mail address, trimmed.', example: 'info@bedrijfuno.nl' }),
  component(phone, {
    id: 'Phone',
    description: 'A phone number as people write it: digits, spaces, dashes, dots, brackets and a leading `+`; 6 to 15 digits.',
    example: '+31 20 123 4567',
  }),
  component(website, {
    id: 'Website',
    description: 'An http(s) address; `https://` is added when no scheme is given.',
    example: 'https://www.bedrijfuno.nl',
  }),
  component(country, {
    id: 'CountryCode',
    description: 'An ISO 3166-1 alpha-2 country code, stored in upper case.',
    example: 'NL',
  }),
  component(color, { id: 'Color', description: 'A colour as `#rrggbb`, stored in lower case.', example: '#1f5fbf' }),

  component(RelationKind, { id: 'RelationKind', description: 'An organization or a person.', example: 'organization' }),
  component(RelationStatus, {
    id: 'RelationStatus',
    description: 'A lead is a prospective relation; archived relations keep their numbers but leave the lists.',
    example: 'active',
  }),
  component(Organization, {
    id: 'Organization',
    description: 'The details of an organization relation.',
    example: uno.organization,
    fields: { name: 'The registered name, e.g. with its legal form.' },
  }),
  component(Person, {
    id: 'Person',
    description: 'The name of a person relation, in its Dutch parts.',
    example: irecteur.person,
    fields: {
      salutation: 'How to address the person in letters, e.g. `De heer`, `Mevrouw`.',
      initials: 'Initials as written, e.g. `D.J.`.',
      infix: 'The tussenvoegsel, e.g. `van der`.',
    },
  }),
  component(Relation, {
    id: 'Relation',
    description: 'An organization or a person the tenant does business with, once, whatever its roles.',
    example: uno,
    fields: {
      number: 'The relation number, given by the backend; unique per tenant and never reused.',
      displayName: 'The name to show: the organization’s name, or the person’s name composed from its parts.',
      debtor: 'The debtor role (a customer the tenant invoices) with its debtor number, or null.',
      creditor: 'The creditor role (a supplier the tenant pays) with its creditor number, or null.',
      organization: 'The organization’s details; null for a person.',
      person: 'The person’s name; null for an organization.',
      city: 'The city of the relation’s main address, for lists.',
      labelIds: 'The ids of the labels the relation carries.',
      preferences: 'Per module key, the relation’s value of each preference that module declares.',
      mergedInto: 'Only on a relation merged into another: the relation that holds its data now.',
      version: 'Raised by every change; sent as the `ETag`.',
    },
  }),
  component(RelationCreate, {
    id: 'RelationCreate',
    description: 'A new relation: `organization` for an organization, `person` for a person, never both.',
    example: {
      kind: 'organization',
      organization: { name: 'Bedrijf Uno B.V.', kvkNumber: '3421 5678', vatNumber: 'NL 8521.23.450 B01', website: 'www.bedrijfuno.nl' },
      email: 'info@bedrijfuno.nl',
      iban: 'NL44 RABO 0123 4567 89',
      debtor: {},
      labelIds: ['lbl_klant'],
    },
    fields: {
      debtor: '`{}` gives the relation the debtor role with the next debtor number; null or left out: no such role.',
      creditor: '`{}` gives the relation the creditor role with the next creditor number; null or left out: no such role.',
      status: 'Default `active`; `lead` for a prospect.',
    },
  }),
  component(RelationPatch, {
    id: 'RelationPatch',
    description: 'A change to a relation as a JSON merge patch: only the fields sent change; null clears a field.',
    example: { organization: { vatNumber: 'NL002455799B11' }, phone: null, creditor: {} },
    fields: {
      debtor: '`{}` adds the debtor role with a new number; null ends the role (the number stays reserved).',
      creditor: '`{}` adds the creditor role with a new number; null ends the role (the number stays reserved).',
      preferences: 'Per module, the preferences to set; the others stay.',
    },
  }),
  component(DuplicateReason, {
    id: 'DuplicateReason',
    description: 'Why a relation may be a duplicate: an equal KvK number, VAT number, IBAN or e-mail, or a similar name.',
    example: 'kvkNumber',
  }),
  component(DuplicateDraft, {
    id: 'DuplicateDraft',
    description:
      'A relation as far as it is filled in, sent while typing: every field may be left out, and values are not yet ' +
      'checked against their rules (a value that is not valid matches nothing exactly).',
    example: { kind: 'organization', organization: { name: 'Bedrijf Uno', kvkNumber: '3421 5678' }, email: 'INFO@bedrijfuno.nl' },
    fields: {
      kind: 'Names are compared with relations of this kind only; equal keys count whatever the kind.',
      excludeId: 'The relation being edited, which is left out of the answer.',
    },
  }),
  component(DuplicateCandidates, {
    id: 'DuplicateCandidates',
    description: 'Relations that may be the one being entered, best first, archived ones included.',
    example: { items: [{ relation: uno, reasons: ['kvkNumber', 'email'], score: 1 }] },
  }),
  component(HistoryEntity, { id: 'HistoryEntity', description: 'What a history entry is about.', example: 'address' }),
  component(HistoryAction, {
    id: 'HistoryAction',
    description: 'What happened: a write through the API, or a merge, import or anonymisation.',
    example: 'updated',
  }),
  component(FieldChange, {
    id: 'FieldChange',
    description: 'One field before and after.',
    example: historyEntry.changes[0]!,
    fields: {
      field: 'A dotted path into the entity as the API shows it, e.g. `organization.kvkNumber` or `debtor.number`.',
      old: 'The value before, as JSON; `null` where there was none (and for every field of a creation).',
      new: 'The value after, as JSON; `null` where there is none (and for every field of a deletion).',
    },
  }),
  component(HistoryEntry, {
    id: 'HistoryEntry',
    description: 'One change of a relation or what belongs to it.',
    example: historyEntry,
    fields: {
      actorName: 'The user’s name when they made the change.',
      entityId: 'The relation, address or affiliation that changed.',
    },
  }),
  component(HistoryPage, {
    id: 'HistoryPage',
    description: 'A page of a relation’s history, newest first.',
    example: { items: [historyEntry], nextCursor: null },
  }),
  component(DuplicatePair, {
    id: 'DuplicatePair',
    description: 'Two relations that are likely the same one.',
    example: { relationIds: ['rel_uno', 'rel_uno2'], reasons: ['kvkNumber', 'name'], score: 1 },
    fields: { relationIds: 'The two relations, the one with the lower relation number first.' },
  }),
  component(DuplicatePairPage, {
    id: 'DuplicatePairPage',
    description: 'A page of likely duplicate pairs.',
    example: { items: [{ relationIds: ['rel_uno', 'rel_uno2'], reasons: ['email'], score: 1 }], nextCursor: null },
  }),
  component(DuplicateDismissal, {
    id: 'DuplicateDismissal',
    description: 'A pair judged not to be a duplicate.',
    example: { relationIds: ['rel_uno', 'rel_uno2'] },
  }),
  component(MergeRequest, {
    id: 'MergeRequest',
    description: 'What to merge into the relation of the path, and which of its values to take.',
    example: { otherId: 'rel_uno2', fields: ['email', 'organization.website'] },
    fields: { fields: 'Fields whose value comes from the other relation; the rest keep the value of the one that stays.' },
  }),
  component(LinkedRelation, {
    id: 'LinkedRelation',
    description: 'A relation at the other end of a link, as an export names it.',
    example: { id: 'rel_irecteur', number: 10001, displayName: 'D. Irecteur' },
  }),
  component(RelationExport, {
    id: 'RelationExport',
    description: 'Everything about one relation that the requester may see.',
    example: {
      exportedAt: '2026-03-02T11:00:00Z',
      exportedBy: { id: 'usr_anna', name: 'Anna de Vries' },
      relation: uno,
      addresses: [visitingAddress],
      affiliations: [affiliation],
      linkedRelations: [{ id: 'rel_irecteur', number: 10001, displayName: 'D. Irecteur' }],
      contactMoments: [contactMoment],
      callbackRequests: [],
      documents: [invoice],
      history: [historyEntry],
    },
    fields: {
      linkedRelations: 'The relations at the other end of `affiliations`, by number and name.',
      contactMoments: 'Those about the relation, or with the person at an organization, that the requester may read.',
    },
  }),
  component(RelationPage, { id: 'RelationPage', description: 'A page of relations.', example: { items: [uno, irecteur], nextCursor: 'eyJuIjoiQmVkcmlqZiJ9' } }),

  component(AddressPurpose, { id: 'AddressPurpose', description: 'What an address is for.', example: 'invoice' }),
  component(Address, {
    id: 'Address',
    description: 'An address of a relation, for one or more purposes.',
    example: visitingAddress,
    fields: {
      purposes: 'What the address is for; each purpose at most once.',
      poBox: 'The PO box number (postbus), for postal addresses only; street and house number are then left empty.',
      houseNumberAddition: 'Toevoeging, e.g. `A` or `2-hoog`.',
      postalCode: 'In the Netherlands `1234 AB`; elsewhere as the country writes it.',
      email: 'An e-mail address for this address only, e.g. the accounts department for invoices.',
    },
  }),
  component(AddressCreate, {
    id: 'AddressCreate',
    description: 'A new address: a street and house number, or a PO box for a postal address. The country defaults to NL.',
    example: { purposes: ['visiting', 'delivery'], street: 'Damrak', houseNumber: '70', houseNumberAddition: 'A', postalCode: '1012lm', city: 'Amsterdam' },
  }),
  component(AddressPatch, {
    id: 'AddressPatch',
    description: 'A change to an address: only the fields sent change; the result must still be a valid address.',
    example: { purposes: ['postal'], poBox: '1234', street: null, houseNumber: null, postalCode: '1000 AB' },
  }),
  component(AddressLookup, {
    id: 'AddressLookup',
    description: 'The address at a Dutch postcode and house number, to fill in street and city.',
    example: { postalCode: '1012 LM', houseNumber: '70', street: 'Damrak', city: 'Amsterdam', country: 'NL' },
  }),

  component(Affiliation, {
    id: 'Affiliation',
    description: 'A person’s link to an organization, with what is particular to that link.',
    example: affiliation,
    fields: {
      personId: 'The person relation.',
      organizationId: 'The organization relation.',
      function: 'The person’s function at the organization, e.g. `Directeur`, `Voorzitter`.',
      email: 'The person’s e-mail address at this organization.',
      phone: 'The person’s phone number at this organization.',
      isPrimary: 'Whether this is the organization’s main contact person.',
    },
  }),
  component(AffiliationCreate, {
    id: 'AffiliationCreate',
    description: 'A new link between a person and an organization.',
    example: { personId: 'rel_irecteur', organizationId: 'rel_tennisclub', function: 'Voorzitter', phone: '+31 23 456 7890' },
  }),
  component(AffiliationPatch, {
    id: 'AffiliationPatch',
    description: 'A change to a link: only the fields sent change.',
    example: { function: 'Algemeen directeur', isPrimary: true },
  }),

  component(ContactMomentKind, { id: 'ContactMomentKind', description: 'What kind of contact it was.', example: 'meeting' }),
  component(Visibility, {
    id: 'Visibility',
    description: '`team`: every colleague sees it; `private`: only its author.',
    example: 'team',
  }),
  component(Agreement, {
    id: 'Agreement',
    description: 'Something agreed during a contact moment, findable later on the relation and the contact person.',
    example: { text: 'Aangepaste offerte sturen', dueDate: '2026-03-09', done: false },
  }),
  component(ContactMoment, {
    id: 'ContactMoment',
    description: 'A call, meeting, visit, e-mail, note or conversation report about a relation, maybe with one of its contact persons.',
    example: contactMoment,
    fields: {
      relationId: 'The relation the moment is about.',
      personId: 'The contact person spoken to, if any; the moment shows in their log too.',
      occurredAt: 'When the contact took place.',
      authorId: 'The user who registered it.',
    },
  }),
  component(ContactMomentCreate, {
    id: 'ContactMomentCreate',
    description: 'A new contact moment.',
    example: {
      relationId: 'rel_uno',
      personId: 'rel_irecteur',
      kind: 'call',
      subject: 'Offerte onderhoudscontract',
      body: 'Besproken: uitbreiding naar twee locaties per 1 april.',
      agreements: [{ text: 'Aangepaste offerte sturen', dueDate: '2026-03-09' }],
    },
    fields: { occurredAt: 'When the contact took place; default now.', visibility: 'Default `team`.' },
  }),
  component(ContactMomentPatch, {
    id: 'ContactMomentPatch',
    description: 'A change to a contact moment: only the fields sent change; `agreements` replaces the whole list.',
    example: { agreements: [{ text: 'Aangepaste offerte sturen', dueDate: '2026-03-09', done: true }] },
  }),

  component(CallbackStatus, { id: 'CallbackStatus', description: 'Open until the assignee marks it done.', example: 'open' }),
  component(CallbackRequest, {
    id: 'CallbackRequest',
    description: 'A request to a colleague to call a relation back.',
    example: callbackRequest,
    fields: {
      personId: 'The contact person to call, if any.',
      phone: 'The number to call, if it is not the relation’s own.',
      assigneeId: 'The colleague who is to call back.',
      requestedById: 'The user who made the request.',
      dueAt: 'When the call should have been made, if it matters.',
    },
  }),
  component(CallbackRequestCreate, {
    id: 'CallbackRequestCreate',
    description: 'A new callback request; the assignee is mailed and notified.',
    example: { relationId: 'rel_uno', personId: 'rel_irecteur', message: 'Wil graag de offerte doorspreken.', assigneeId: 'usr_bram' },
  }),
  component(CallbackRequestPatch, {
    id: 'CallbackRequestPatch',
    description: 'A change to a callback request: only the fields sent change.',
    example: { status: 'done' },
  }),

  component(Notification, {
    id: 'Notification',
    description: 'Something for the current user’s attention, such as a callback request assigned to them.',
    example: notification,
    fields: { readAt: 'When the user read it; null while unread.' },
  }),
  component(NotificationsRead, {
    id: 'NotificationsRead',
    description: 'The outcome of marking every notification read.',
    example: { read: 3 },
    fields: { read: 'How many notifications were unread; 0 when there were none.' },
  }),

  component(Label, {
    id: 'Label',
    description: 'A label that groups relations.',
    example: label,
    fields: { relationCount: 'How many relations carry the label; kept by the backend.' },
  }),
  component(LabelCreate, { id: 'LabelCreate', description: 'A new label.', example: { name: 'Nieuwsbrief', color: '#2E7D32' } }),
  component(LabelPatch, { id: 'LabelPatch', description: 'A change to a label: only the fields sent change.', example: { name: 'Vaste klanten' } }),
  component(LabelBulk, {
    id: 'LabelBulk',
    description: 'Labels to add to and remove from many relations at once.',
    example: { relationIds: ['rel_uno', 'rel_irecteur'], addLabelIds: ['lbl_nieuwsbrief'], removeLabelIds: ['lbl_klant'] },
  }),
  component(LabelBulkResult, {
    id: 'LabelBulkResult',
    description: 'The outcome of a bulk label change.',
    example: { updated: 2 },
    fields: { updated: 'How many relations changed.' },
  }),

  component(PreferenceField, {
    id: 'PreferenceField',
    description: 'A preference a module lets users set per relation, e.g. how many days a quote stays valid.',
    example: { key: 'paymentTermDays', label: 'Betaaltermijn (dagen)', type: 'integer', min: 0, max: 365, default: 30 },
    fields: { label: 'The name to show, in the host’s language.', default: 'The value when a relation sets none.' },
  }),
  component(Module, {
    id: 'Module',
    description: 'A module of the host ERP with the preferences it declares.',
    example: quotesModule,
    fields: { key: 'The key of the module in `preferences` and in `listDocuments`.' },
  }),
  component(Document, {
    id: 'Document',
    description: 'A document of a host module about a relation: a quote, an order, an invoice.',
    example: invoice,
    fields: {
      status: 'The status as the module shows it.',
      amount: 'The amount as a decimal string with two decimals, and its currency.',
    },
  }),

  component(User, { id: 'User', description: 'A colleague in the same tenant.', example: anna, fields: {
    locale: 'The user’s language.',
    role: '`admin` may also merge and anonymise relations (operations that answer 403 to a `member`).',
  } }),
  component(Me, {
    id: 'Me',
    description: 'The current user, with their tenant.',
    example: { ...anna, tenant: { id: 'demo', name: 'Demo B.V.' } },
  }),

  component(Change, {
    id: 'Change',
    description: 'One entry of the change feed: an entity as it is now (`upsert`), or its tombstone (`delete`, `data: null`).',
    example: { entity: 'relation', id: 'rel_uno', op: 'upsert', data: uno },
  }),
  component(ChangePage, {
    id: 'ChangePage',
    description:
      'A page of the change feed in commit order; each entity appears at most once, at its latest change. ' +
      '`nextCursor` is set on every page, the last one too: keep it as the next `since`.',
    example: {
      items: [{ entity: 'address', id: 'adr_uno_oud', op: 'delete', data: null }, { entity: 'label', id: 'lbl_klant', op: 'upsert', data: label }],
      nextCursor: '18234',
      hasMore: false,
      remaining: 0,
    },
    fields: {
      hasMore: 'Whether more changes follow right away; if not, the client is current.',
      remaining: 'How many entries follow this page, so a first sync can show its progress.',
    },
  }),

  component(FieldError, {
    id: 'FieldError',
    description: 'One invalid field.',
    example: { path: 'organization.vatNumber', code: 'vat', message: 'Geen geldig btw-nummer; het ziet eruit als NL123456789B01.' },
    fields: {
      path: 'The field, as a dotted path into the request (`organization.vatNumber`, `agreements.0.dueDate`).',
      code: 'What rule failed: a rule code (`vat`, `postcode`, `addressLine`, …) or a zod issue code (`too_big`, …).',
      message: 'A sentence for the user, in the language of `Accept-Language`.',
    },
  }),
  component(Problem, {
    id: 'Problem',
    description: 'An error as RFC 9457 problem details.',
    example: validationProblem,
    fields: {
      type: 'A URI per kind of problem, the same in every language, for code to act on.',
      title: 'A short summary in the language of `Accept-Language`.',
      detail: 'What exactly went wrong, in the same language.',
      errors: 'Every invalid field, for validation errors.',
      current: 'For 412: the resource as it is now.',
    },
  }),

  // The pages of the operation table are made there; they are named here.
  ...(
    [
      ['listAddresses', 'AddressPage', 'A page of addresses.', visitingAddress],
      ['listAffiliations', 'AffiliationPage', 'A page of affiliations.', affiliation],
      ['listContactMoments', 'ContactMomentPage', 'A page of contact moments.', contactMoment],
      ['listCallbackRequests', 'CallbackRequestPage', 'A page of callback requests.', callbackRequest],
      ['listNotifications', 'NotificationPage', 'A page of notifications.', notification],
      ['listLabels', 'LabelPage', 'A page of labels.', label],
      ['listModules', 'ModulePage', 'A page of modules.', quotesModule],
      ['listDocuments', 'DocumentPage', 'A page of documents.', invoice],
      ['listUsers', 'UserPage', 'A page of users.', anna],
    ] as const
  ).map(([operationId, id, description, item]) => ({
    schema: operations[operationId].response,
    id,
    description,
    example: { items: [item], nextCursor: null },
    fields: {},
  })),
];
