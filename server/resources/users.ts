import type { Me, User } from '../../src/contract/index.js';
import type { Handlers } from '../context.js';

export const userHandlers: Pick<Handlers, 'listUsers' | 'getMe'> = {
  listUsers: async (_input, { tx, actor }) => {
    const rows = await tx.query<{ data: User }>("select data from users where tenant_id = $1 order by data->>'name', id", [actor.tenantId]);
    return { body: { items: rows.map((row) => row.data), nextCursor: null } };
  },

  getMe: async (_input, { tx, actor }) => {
    const [tenant] = await tx.query<{ id: string; name: string }>('select id, name from tenants where id = $1', [actor.tenantId]);
    const me: Me = { id: actor.id, name: actor.name, email: actor.email, locale: actor.locale, role: actor.role, tenant: tenant! };
    return { body: me };
  },
};
