import type { CallbackRequest, Locale, Notification, Relation } from '../../src/contract/index.js';
import type { Actor, Handlers, RequestContext } from '../context.js';
import type { Queryable } from '../db/database.js';
import { checkVersion, decodeCursor, invalid, loadForUpdate, newId, requireReference, toPage } from './shared.js';

/** The channel on which every instance of the backend hears new notifications (LISTEN/NOTIFY). */
export const notificationChannel = 'relation_notifications';

interface Colleague {
  id: string;
  name: string;
  email: string;
  locale: Locale;
}

async function colleague(tx: Queryable, tenantId: string, id: string, locale: Locale): Promise<Colleague> {
  const [row] = await tx.query<{ data: Colleague }>('select data from users where tenant_id = $1 and id = $2', [tenantId, id]);
  if (!row) invalid('assigneeId', 'unknownUser', locale === 'nl' ? 'Deze collega bestaat niet.' : 'This colleague does not exist.', locale);
  return row.data;
}

/** The text of the e-mail and the notification, in the assignee's own language. */
function callbackText(locale: Locale, requester: Actor, relation: Relation, request: CallbackRequest) {
  const phone = request.phone ?? relation.phone;
  return locale === 'nl'
    ? {
        title: `Terugbelverzoek: ${relation.displayName}`,
        body: `${requester.name} vraagt je ${relation.displayName} terug te bellen${phone ? ` op ${phone}` : ''}.\n\n${request.message}`,
      }
    : {
        title: `Callback request: ${relation.displayName}`,
        body: `${requester.name} asks you to call ${relation.displayName} back${phone ? ` on ${phone}` : ''}.\n\n${request.message}`,
      };
}

/** Tells the assignee: a notification in their environment (pushed live) and an e-mail. */
async function notifyAssignee(ctx: RequestContext, request: CallbackRequest, assignee: Colleague) {
  const { tx, actor, services, now } = ctx;
  const [relation] = await tx.query<{ data: Relation }>('select data from relations where tenant_id = $1 and id = $2', [
    actor.tenantId, request.relationId,
  ]);
  const text = callbackText(assignee.locale, actor, relation!.data, request);
  const notification: Notification = {
    id: newId(),
    kind: 'callback-request',
    title: text.title,
    body: text.body,
    relationId: request.relationId,
    callbackRequestId: request.id,
    createdAt: now.toISOString(),
    readAt: null,
  };
  await tx.query('insert into notifications (tenant_id, id, user_id, created_at, read, data) values ($1, $2, $3, $4, false, $5)', [
    actor.tenantId, notification.id, assignee.id, notification.createdAt, notification,
  ]);
  // Delivered to listeners on commit, on every instance of the backend.
  await tx.query('select pg_notify($1, $2)', [notificationChannel, JSON.stringify({ userId: assignee.id, notification })]);
  await services.mailer.send({ to: assignee.email, subject: text.title, text: text.body }).catch((error: unknown) => {
    console.error('callback request mail not sent', error);
  });
}

async function save(tx: Queryable, tenantId: string, request: CallbackRequest, insert: boolean) {
  const values = [tenantId, request.id, request.relationId, request.assigneeId, request.status, request.createdAt, request.version, request];
  await tx.query(
    insert
      ? `insert into callback_requests (tenant_id, id, relation_id, assignee_id, status, created_at, version, data)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`
      : `update callback_requests set relation_id = $3, assignee_id = $4, status = $5, created_at = $6, version = $7, data = $8
         where tenant_id = $1 and id = $2`,
    values,
  );
}

export const callbackRequestHandlers: Pick<Handlers, 'listCallbackRequests' | 'createCallbackRequest' | 'updateCallbackRequest'> = {
  listCallbackRequests: async ({ query }, { tx, actor, locale }) => {
    const limit = query.limit ?? 50;
    const after = decodeCursor(query.cursor, locale);
    const assignee = query.assigneeId === 'me' ? actor.id : (query.assigneeId ?? null);
    const rows = await tx.query<{ data: CallbackRequest; created_at: Date; id: string }>(
      `select data, created_at, id from callback_requests
       where tenant_id = $1 and ($2::text is null or assignee_id = $2) and ($3::text is null or status = $3)
         and ($4::timestamptz is null or (created_at, id) < ($4, $5))
       order by created_at desc, id desc limit $6`,
      [actor.tenantId, assignee, query.status ?? null, (after?.[0] as string) ?? null, (after?.[1] as string) ?? null, limit + 1],
    );
    return { body: toPage(rows, limit, (row) => row.data, (row) => [new Date(row.created_at).toISOString(), row.id]) };
  },

  createCallbackRequest: async ({ body }, ctx) => {
    const { tx, actor, locale, now } = ctx;
    await requireReference(tx, actor.tenantId, body.relationId, 'relationId', locale);
    await requireReference(tx, actor.tenantId, body.personId, 'personId', locale, 'person');
    const assignee = await colleague(tx, actor.tenantId, body.assigneeId, locale);
    const request: CallbackRequest = {
      id: newId(),
      relationId: body.relationId,
      personId: body.personId ?? null,
      phone: body.phone ?? null,
      message: body.message,
      assigneeId: assignee.id,
      requestedById: actor.id,
      status: 'open',
      dueAt: body.dueAt ?? null,
      createdAt: now.toISOString(),
      version: 1,
    };
    await save(tx, actor.tenantId, request, true);
    await notifyAssignee(ctx, request, assignee);
    return { body: request, version: request.version };
  },

  updateCallbackRequest: async ({ params, body, ifMatch }, ctx) => {
    const { tx, actor, locale } = ctx;
    const current = await loadForUpdate<CallbackRequest>(tx, 'callback_requests', actor.tenantId, params.id, locale);
    checkVersion(current, ifMatch, locale);
    const reassigned = body.assigneeId !== undefined && body.assigneeId !== current.assigneeId;
    const assignee = reassigned ? await colleague(tx, actor.tenantId, body.assigneeId!, locale) : undefined;
    const next: CallbackRequest = { ...current, ...body, version: current.version + 1 };
    await save(tx, actor.tenantId, next, false);
    if (assignee) await notifyAssignee(ctx, next, assignee);
    return { body: next, version: next.version };
  },
};
