import * as z from 'zod/mini';

/** One invalid field: its path (`organization.vatNumber`), a rule code, and a message in the user's language. */
export const FieldError = z.object({ path: z.string(), code: z.string(), message: z.string() });

/**
 * An error as RFC 9457 problem details. Validation errors list every invalid field in `errors`; a 412 on a
 * stale `If-Match` carries the resource as it is now in `current`, so the user can compare and merge.
 */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  errors: z.optional(z.array(FieldError)),
  current: z.optional(z.unknown()),
});

export type Problem = z.infer<typeof Problem>;
export type FieldError = z.infer<typeof FieldError>;
