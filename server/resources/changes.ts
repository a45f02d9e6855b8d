import type { Change } from '../../src/contract/index.js';
import type { Handlers } from '../context.js';
import { problem } from '../problem.js';
import { remainingAfter } from './shared.js';

interface ChangeRow {
  seq: number;
  entity: Change['entity'];
  entity_id: string;
  deleted: boolean;
  data: unknown;
  private_author: string | null;
}

export const changeHandlers: Pick<Handlers, 'listChanges'> = {
  /**
   * The tenant's changes after `since`, in commit order, each entity once at its latest state. Someone
   * else's private contact moment is a tombstone to this reader, so a moment made private leaves their cache.
   */
  listChanges: async ({ query }, { tx, actor, locale }) => {
    const since = query.since === undefined ? 0 : Number(query.since);
    if (!Number.isSafeInteger(since) || since < 0) {
      throw problem('malformed', locale, { errors: [{ path: 'since', code: 'cursor', message: 'since' }] });
    }
    const [head] = await tx.query<{ seq: number | null }>('select max(seq) as seq from changes where tenant_id = $1', [actor.tenantId]);
    // A cursor from the future was issued by another database: the client must start over.
    if (since > (head?.seq ?? 0)) throw problem('gone', locale);
    const limit = query.limit ?? 1000;
    const rows = await tx.query<ChangeRow>(
      `select c.seq, c.entity, c.entity_id, c.deleted,
              coalesce(r.data, a.data, f.data, m.data, l.data) as data,
              case when m.private then m.author_id end as private_author
       from changes c
       left join relations r on c.entity = 'relation' and r.tenant_id = c.tenant_id and r.id = c.entity_id
       left join addresses a on c.entity = 'address' and a.tenant_id = c.tenant_id and a.id = c.entity_id
       left join affiliations f on c.entity = 'affiliation' and f.tenant_id = c.tenant_id and f.id = c.entity_id
       left join contact_moments m on c.entity = 'contactMoment' and m.tenant_id = c.tenant_id and m.id = c.entity_id
       left join labels l on c.entity = 'label' and l.tenant_id = c.tenant_id and l.id = c.entity_id
       where c.tenant_id = $1 and c.seq > $2
       order by c.seq limit $3`,
      [actor.tenantId, since, limit + 1],
    );
    const page = rows.slice(0, limit);
    const items = page.map((row) => {
      const hidden = row.private_author !== null && row.private_author !== actor.id;
      const gone = row.deleted || row.data === null || hidden;
      return { entity: row.entity, id: row.entity_id, op: gone ? 'delete' : 'upsert', data: gone ? null : row.data } as Change;
    });
    const nextCursor = String(page.at(-1)?.seq ?? since);
    const remaining = rows.length > limit ? await remainingAfter(tx, actor.tenantId, Number(nextCursor)) : 0;
    return { body: { items, nextCursor, hasMore: rows.length > limit, remaining } };
  },
};
