import * as z from 'zod/mini';
import { Address } from './address.js';
import { Affiliation } from './affiliation.js';
import { ContactMoment } from './contact-moment.js';
import { id } from './fields.js';
import { Label } from './label.js';
import { Relation } from './relation.js';

export const changeEntities = ['relation', 'address', 'affiliation', 'contactMoment', 'label'] as const;

function change<E extends (typeof changeEntities)[number], S extends z.core.$ZodType>(entity: E, schema: S) {
  return z.object({
    entity: z.literal(entity),
    id,
    /** `upsert` carries the entity as it is now; `delete` is a tombstone with `data: null`. */
    op: z.enum(['upsert', 'delete']),
    data: z.nullable(schema),
  });
}

/** One entry of the change feed: the latest state of one entity, or its tombstone. */
export const Change = z.discriminatedUnion('entity', [
  change('relation', Relation),
  change('address', Address),
  change('affiliation', Affiliation),
  change('contactMoment', ContactMoment),
  change('label', Label),
]);

/**
 * A page of the change feed in commit order. Each entity appears at most once, at its latest change, so a
 * first sync receives every live entity once. `nextCursor` is where the next request continues, also on
 * the last page: keep it as the `since` of the next revalidation. `remaining` counts the entries after this
 * page, so a first sync can show real progress.
 */
export const ChangePage = z.object({
  items: z.array(Change),
  nextCursor: z.string(),
  hasMore: z.boolean(),
  remaining: z.int().check(z.nonnegative()),
});

export type Change = z.infer<typeof Change>;
export type ChangePage = z.infer<typeof ChangePage>;
export type ChangeEntity = (typeof changeEntities)[number];
