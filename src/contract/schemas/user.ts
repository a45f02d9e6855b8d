import * as z from 'zod/mini';
import { email, id } from './fields.js';

/** What a user may do: admins also merge and anonymise relations; members do everything else. */
export const UserRole = z.enum(['admin', 'member']);

export const User = z.object({ id, name: z.string(), email, locale: z.enum(['nl', 'en']), role: UserRole });

export const Me = z.object({ ...User.shape, tenant: z.object({ id, name: z.string() }) });

export type User = z.infer<typeof User>;
export type UserRole = z.infer<typeof UserRole>;
export type Me = z.infer<typeof Me>;
