import * as z from 'zod/mini';
import { email, id } from './fields.js';

export const User = z.object({ id, name: z.string(), email, locale: z.enum(['nl', 'en']) });

export const Me = z.object({ ...User.shape, tenant: z.object({ id, name: z.string() }) });

export type User = z.infer<typeof User>;
export type Me = z.infer<typeof Me>;
