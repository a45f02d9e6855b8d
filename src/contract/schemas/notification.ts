import * as z from 'zod/mini';
import { id, timestamp } from './fields.js';

/** Something for the current user's attention, such as a callback request assigned to them. */
export const Notification = z.object({
  id,
  kind: z.enum(['callback-request']),
  title: z.string(),
  body: z.string(),
  relationId: z.nullable(id),
  callbackRequestId: z.nullable(id),
  createdAt: timestamp,
  readAt: z.nullable(timestamp),
});

export type Notification = z.infer<typeof Notification>;
