import * as z from 'zod/mini';
import { id, phone, text, timestamp, version } from './fields.js';

export const CallbackStatus = z.enum(['open', 'done']);

/** A request to a colleague to call a relation back; creating one mails and notifies the assignee. */
export const CallbackRequest = z.object({
  id,
  relationId: id,
  personId: z.nullable(id),
  phone: z.nullable(phone),
  message: z.string(),
  assigneeId: id,
  requestedById: id,
  status: CallbackStatus,
  dueAt: z.nullable(timestamp),
  createdAt: timestamp,
  version,
});

export const CallbackRequestCreate = z.strictObject({
  relationId: id,
  personId: z.optional(z.nullable(id)),
  phone: z.optional(z.nullable(phone)),
  message: text(2000),
  assigneeId: id,
  dueAt: z.optional(z.nullable(timestamp)),
});

export const CallbackRequestPatch = z.partial(
  z.strictObject({ status: CallbackStatus, message: text(2000), assigneeId: id, dueAt: z.nullable(timestamp) }),
);

export type CallbackRequest = z.infer<typeof CallbackRequest>;
export type CallbackRequestCreate = z.input<typeof CallbackRequestCreate>;
export type CallbackRequestPatch = z.input<typeof CallbackRequestPatch>;
