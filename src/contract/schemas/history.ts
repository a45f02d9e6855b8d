import * as z from 'zod/mini';
import { id, timestamp } from './fields.js';

/** What a history entry is about: the relation itself, one of its addresses, or a link between a person and an organization. */
export const historyEntities = ['relation', 'address', 'affiliation'] as const;
export const HistoryEntity = z.enum(historyEntities);

/**
 * What happened: written through the API (`created`, `updated`, `deleted`), or by one of the stewardship
 * operations, which history names as such (`merged`, `imported`, `anonymized`).
 */
export const historyActions = ['created', 'updated', 'deleted', 'merged', 'imported', 'anonymized'] as const;
export const HistoryAction = z.enum(historyActions);

/**
 * One field's change. `field` is a dotted path into the entity as the API shows it (`email`,
 * `organization.kvkNumber`, `debtor.number`, `preferences.invoices.paymentTermDays`); `old` and `new` are its
 * values as JSON, `null` where it had or has none. Lists (`labelIds`, `purposes`) change as a whole.
 */
export const FieldChange = z.object({ field: z.string(), old: z.unknown(), new: z.unknown() });

/** One change of a relation or what belongs to it: who, when, what, and each field before and after. */
export const HistoryEntry = z.object({
  id,
  relationId: id,
  at: timestamp,
  /** The user who made the change, and their name at the time. */
  actorId: id,
  actorName: z.string(),
  entity: HistoryEntity,
  entityId: id,
  action: HistoryAction,
  changes: z.array(FieldChange),
});

export const HistoryPage = z.object({ items: z.array(HistoryEntry), nextCursor: z.nullable(z.string()) });

export type HistoryEntity = z.infer<typeof HistoryEntity>;
export type HistoryAction = z.infer<typeof HistoryAction>;
export type FieldChange = z.infer<typeof FieldChange>;
export type HistoryEntry = z.infer<typeof HistoryEntry>;
export type HistoryPage = z.infer<typeof HistoryPage>;
