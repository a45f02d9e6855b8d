import * as z from 'zod/mini';
import { Address } from './address.js';
import { Affiliation } from './affiliation.js';
import { CallbackRequest } from './callback-request.js';
import { ContactMoment } from './contact-moment.js';
import { id, timestamp } from './fields.js';
import { HistoryEntry } from './history.js';
import { Document } from './module.js';
import { Relation } from './relation.js';

/** A relation another one is linked to, as far as an export names it. */
export const LinkedRelation = z.object({ id, number: z.int(), displayName: z.string() });

/**
 * Everything the backend holds about one relation that the requester may see (a GDPR access request):
 * the relation, its addresses, its links and the relations at their other end, the contact moments about it
 * that the requester may read, callback requests, module documents and its history.
 */
export const RelationExport = z.object({
  exportedAt: timestamp,
  exportedBy: z.object({ id, name: z.string() }),
  relation: Relation,
  addresses: z.array(Address),
  affiliations: z.array(Affiliation),
  linkedRelations: z.array(LinkedRelation),
  contactMoments: z.array(ContactMoment),
  callbackRequests: z.array(CallbackRequest),
  documents: z.array(Document),
  history: z.array(HistoryEntry),
});

/** What an anonymised relation's name becomes: the same in every language, as data is. */
export const anonymizedName = 'Geanonimiseerd';

export type LinkedRelation = z.infer<typeof LinkedRelation>;
export type RelationExport = z.infer<typeof RelationExport>;
