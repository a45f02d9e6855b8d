import type { ContactMoment, Locale } from '../../src/contract/index.js';
import type { Actor, Handlers } from '../context.js';
import type { Queryable } from '../db/database.js';
import { problem } from '../problem.js';
import { checkVersion, decodeCursor, invalid, newId, recordChange, requireReference, toPage } from './shared.js';

/** A moment its reader may see: every team moment of the tenant, and their own private ones. */
const visible = '(not private or author_id = $2)';

async function loadVisible(tx: Queryable, actor: Actor, id: string, locale: Locale, forUpdate = false): Promise<ContactMoment> {
  const [row] = await tx.query<{ data: ContactMoment }>(
    `select data from contact_moments where tenant_id = $1 and ${visible} and id = $3${forUpdate ? ' for update' : ''}`,
    [actor.tenantId, actor.id, id],
  );
  // Someone else's private moment is as unknown as one that never existed.
  if (!row) throw problem('notFound', locale);
  return row.data;
}

async function save(tx: Queryable, tenantId: string, moment: ContactMoment, insert: boolean) {
  const values = [
    tenantId, moment.id, moment.relationId, moment.personId, moment.authorId, moment.visibility === 'private',
    moment.occurredAt, moment.version, moment,
  ];
  await tx.query(
    insert
      ? `insert into contact_moments (tenant_id, id, relation_id, person_id, author_id, private, occurred_at, version, data)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`
      : `update contact_moments set relation_id = $3, person_id = $4, author_id = $5, private = $6, occurred_at = $7,
           version = $8, data = $9 where tenant_id = $1 and id = $2`,
    values,
  );
  await recordChange(tx, tenantId, 'contactMoment', moment.id);
}

export const contactMomentHandlers: Pick<
  Handlers, 'listContactMoments' | 'createContactMoment' | 'getContactMoment' | 'updateContactMoment' | 'deleteContactMoment'
> = {
  listContactMoments: async ({ query }, { tx, actor, locale }) => {
    const limit = query.limit ?? 50;
    const after = decodeCursor(query.cursor, locale);
    const rows = await tx.query<{ data: ContactMoment; occurred_at: Date; id: string }>(
      `select data, occurred_at, id from contact_moments
       where tenant_id = $1 and ${visible}
         and ($3::text is null or relation_id = $3 or person_id = $3)
         and ($4::timestamptz is null or (occurred_at, id) < ($4, $5))
       order by occurred_at desc, id desc limit $6`,
      [actor.tenantId, actor.id, query.relationId ?? null, (after?.[0] as string) ?? null, (after?.[1] as string) ?? null, limit + 1],
    );
    return { body: toPage(rows, limit, (row) => row.data, (row) => [new Date(row.occurred_at).toISOString(), row.id]) };
  },

  getContactMoment: async ({ params }, { tx, actor, locale }) => {
    const moment = await loadVisible(tx, actor, params.id, locale);
    return { body: moment, version: moment.version };
  },

  createContactMoment: async ({ body }, { tx, actor, locale, now }) => {
    await requireReference(tx, actor.tenantId, body.relationId, 'relationId', locale);
    await requireReference(tx, actor.tenantId, body.personId, 'personId', locale, 'person');
    const timestamp = now.toISOString();
    const moment: ContactMoment = {
      id: newId(),
      relationId: body.relationId,
      personId: body.personId ?? null,
      kind: body.kind,
      subject: body.subject,
      body: body.body ?? '',
      occurredAt: body.occurredAt ?? timestamp,
      agreements: (body.agreements ?? []).map((a) => ({ text: a.text, dueDate: a.dueDate ?? null, done: a.done ?? false })),
      visibility: body.visibility ?? 'team',
      authorId: actor.id,
      createdAt: timestamp,
      updatedAt: timestamp,
      version: 1,
    };
    await save(tx, actor.tenantId, moment, true);
    return { body: moment, version: moment.version };
  },

  updateContactMoment: async ({ params, body, ifMatch }, { tx, actor, locale, now }) => {
    const current = await loadVisible(tx, actor, params.id, locale, true);
    checkVersion(current, ifMatch, locale);
    if (body.visibility === 'private' && current.authorId !== actor.id) {
      invalid('visibility', 'notAuthor', locale === 'nl' ? 'Alleen de auteur kan dit privé maken.' : 'Only its author can make this private.', locale);
    }
    await requireReference(tx, actor.tenantId, body.personId, 'personId', locale, 'person');
    const next: ContactMoment = {
      ...current,
      ...body,
      personId: body.personId === undefined ? current.personId : body.personId,
      body: body.body ?? current.body,
      occurredAt: body.occurredAt ?? current.occurredAt,
      agreements: body.agreements
        ? body.agreements.map((a) => ({ text: a.text, dueDate: a.dueDate ?? null, done: a.done ?? false }))
        : current.agreements,
      visibility: body.visibility ?? current.visibility,
      updatedAt: now.toISOString(),
      version: current.version + 1,
    };
    await save(tx, actor.tenantId, next, false);
    return { body: next, version: next.version };
  },

  deleteContactMoment: async ({ params, ifMatch }, { tx, actor, locale }) => {
    const current = await loadVisible(tx, actor, params.id, locale, true);
    checkVersion(current, ifMatch, locale);
    await tx.query('delete from contact_moments where tenant_id = $1 and id = $2', [actor.tenantId, params.id]);
    await recordChange(tx, actor.tenantId, 'contactMoment', params.id, true);
    return { body: undefined };
  },
};
