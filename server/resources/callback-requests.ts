import * as z from 'zod/mini';
import type { CallbackRequest, Locale, Notification } from '../../src/contract/index.js';
import { timestamp } from '../../src/contract/schemas/fields.js';
import { afterCommit } from '../after-commit.js';
import { callbackFacts, callbackMail, callbackNotification } from '../callback-mail.js';
import type { Handlers, RequestContext } from '../context.js';
import type { Queryable } from '../db/database.js';
import { problem } from '../problem.js';
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

/** Tells the assignee: a notification in their environment (pushed live) and an e-mail, in their language. */
async function notifyAssignee(ctx: RequestContext, request: CallbackRequest, assignee: Colleague) {
  const { tx, actor, services, now } = ctx;
  const requester = request.requestedById === actor.id ? actor : await colleague(tx, actor.tenantId, request.requestedById, ctx.locale);
  const facts = await callbackFacts(tx, actor.tenantId, request, requester.name, services.mailer.relationLink(request.relationId));
  const notification: Notification = {
    id: newId(),
    kind: 'callback-request',
    ...callbackNotification(assignee.locale, facts),
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
  // Sent once the request is stored: never for a write that rolls back, never twice for one that runs again.
  await afterCommit(tx, () =>
    services.mailer.send(callbackMail(assignee.locale, assignee.email, facts)).catch((error: unknown) => {
      console.error('callback request mail not sent', error);
    }),
  );
}

/** A cursor of the to-do order: [rank, due, createdAt, id], each checked, as the database would reject a bad one with a 500. */
function todoCursor(cursor: string | undefined, locale: Locale): [number, string, string, string] | undefined {
  const values = decodeCursor(cursor, locale);
  if (values === undefined) return undefined;
  const [rank, due, createdAt, id] = values;
  const moment = (value: unknown): value is string => z.safeParse(timestamp, value).success;
  if (values.length === 4 && (rank === 0 || rank === 1) && (due === 'infinity' || moment(due)) && moment(createdAt) && typeof id === 'string') {
    return [rank, due, createdAt, id];
  }
  throw problem('malformed', locale, { errors: [{ path: 'cursor', code: 'cursor', message: 'cursor' }] });
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
    const after = todoCursor(query.cursor, locale);
    const me = (id: string | undefined) => (id === 'me' ? actor.id : (id ?? null));
    // To-do order: open before done (rank), then the earliest due (none: last), then the newest. The keyset
    // compares each part in its own direction; `due` is the stored text, so a cursor compares exactly (and
    // goes as text: the PostgreSQL driver would turn a timestamptz parameter into a Date, which has no infinity).
    const rows = await tx.query<{ data: CallbackRequest; rank: number; due: string; created_at: Date; id: string }>(
      `select data, rank, due, created_at, id from (
         select data, created_at, id, case when status = 'done' then 1 else 0 end as rank,
           coalesce(data->>'dueAt', 'infinity') as due
         from callback_requests
         where tenant_id = $1 and ($2::text is null or assignee_id = $2) and ($3::text is null or data->>'requestedById' = $3)
           and ($4::text is null or status = $4)
       ) todo
       where $5::int is null or rank > $5 or (rank = $5 and (due::timestamptz > $6::text::timestamptz
         or (due::timestamptz = $6::text::timestamptz and (created_at, id) < ($7::timestamptz, $8))))
       order by rank, due::timestamptz, created_at desc, id desc limit $9`,
      [actor.tenantId, me(query.assigneeId), me(query.requestedById), query.status ?? null, ...(after ?? [null, null, null, null]), limit + 1],
    );
    return {
      body: toPage(rows, limit, (row) => row.data, (row) => [row.rank, row.due, new Date(row.created_at).toISOString(), row.id]),
    };
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
