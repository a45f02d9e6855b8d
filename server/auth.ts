import type { Locale, UserRole } from '../src/contract/index.js';
import type { Actor } from './context.js';
import type { Queryable } from './db/database.js';
import { problem } from './problem.js';

/**
 * The actor behind `Authorization: Bearer <token>`. The reference backend keeps tokens in its users table;
 * a production backend would verify a signed token from its identity provider here instead.
 */
export async function authenticate(db: Queryable, header: string | undefined, locale: Locale): Promise<Actor> {
  const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
  if (!token) throw problem('unauthorized', locale);
  const [row] = await db.query<{ id: string; tenant_id: string; data: { name: string; email: string; locale: Locale; role: UserRole } }>(
    'select id, tenant_id, data from users where token = $1',
    [token],
  );
  if (!row) throw problem('unauthorized', locale);
  const { name, email, locale: language, role } = row.data;
  return { id: row.id, tenantId: row.tenant_id, name, email, locale: language, role };
}
