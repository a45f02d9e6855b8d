import type { Notification } from '../../src/contract/index.js';
import type { Handlers } from '../context.js';
import { problem } from '../problem.js';
import { decodeCursor, toPage } from './shared.js';

export const notificationHandlers: Pick<Handlers, 'listNotifications' | 'readNotification' | 'readAllNotifications'> = {
  listNotifications: async ({ query }, { tx, actor, locale }) => {
    const limit = query.limit ?? 50;
    const after = decodeCursor(query.cursor, locale);
    const rows = await tx.query<{ data: Notification; created_at: Date; id: string }>(
      `select data, created_at, id from notifications
       where tenant_id = $1 and user_id = $2 and ($3::boolean is null or read = not $3)
         and ($4::timestamptz is null or (created_at, id) < ($4, $5))
       order by created_at desc, id desc limit $6`,
      [actor.tenantId, actor.id, query.unread === undefined ? null : query.unread === 'true',
        (after?.[0] as string) ?? null, (after?.[1] as string) ?? null, limit + 1],
    );
    return { body: toPage(rows, limit, (row) => row.data, (row) => [new Date(row.created_at).toISOString(), row.id]) };
  },

  readNotification: async ({ params }, { tx, actor, locale, now }) => {
    const [row] = await tx.query<{ data: Notification }>(
      `update notifications set read = true,
         data = case when read then data else jsonb_set(data, '{readAt}', to_jsonb($4::text)) end
       where tenant_id = $1 and user_id = $2 and id = $3 returning data`,
      [actor.tenantId, actor.id, params.id, now.toISOString()],
    );
    if (!row) throw problem('notFound', locale);
    return { body: row.data };
  },

  readAllNotifications: async (_input, { tx, actor, now }) => {
    const [row] = await tx.query<{ read: number }>(
      `with marked as (
         update notifications set read = true, data = jsonb_set(data, '{readAt}', to_jsonb($3::text))
         where tenant_id = $1 and user_id = $2 and not read returning 1
       ) select count(*)::int as read from marked`,
      [actor.tenantId, actor.id, now.toISOString()],
    );
    return { body: { read: row!.read } };
  },
};
