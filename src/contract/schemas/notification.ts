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

/** The outcome of marking every notification of the current user read. */
export const NotificationsRead = z.object({ read: z.int().check(z.nonnegative()) });

export type NotificationsRead = z.infer<typeof NotificationsRead>;
