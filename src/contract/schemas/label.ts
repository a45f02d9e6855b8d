import * as z from 'zod/mini';
import { color, id, text, version } from './fields.js';

/** A label groups relations: a mailing list, a customer type. `relationCount` is kept by the backend. */
export const Label = z.object({ id, name: z.string(), color, relationCount: z.int().check(z.nonnegative()), version });

/** The longest label name, in characters. */
export const labelNameMaxLength = 60;
/** How many relations one bulk label request may change; clients send larger selections in chunks of this. */
export const labelBulkMaxRelations = 10_000;

export const LabelCreate = z.strictObject({ name: text(labelNameMaxLength), color });
export const LabelPatch = z.partial(LabelCreate);

/** Adds and removes labels on many relations in one request; each relation changes once. */
export const LabelBulk = z.strictObject({
  relationIds: z.array(id).check(z.minLength(1), z.maxLength(labelBulkMaxRelations)),
  addLabelIds: z.optional(z.array(id).check(z.maxLength(100))),
  removeLabelIds: z.optional(z.array(id).check(z.maxLength(100))),
});

export const LabelBulkResult = z.object({ updated: z.int().check(z.nonnegative()) });

export type Label = z.infer<typeof Label>;
export type LabelCreate = z.input<typeof LabelCreate>;
export type LabelPatch = z.input<typeof LabelPatch>;
export type LabelBulk = z.input<typeof LabelBulk>;
