import { isDeepStrictEqual } from 'node:util';
import {
  anonymizedName, displayName, type Address, type Affiliation, type CallbackRequest, type ContactMoment, type Document,
  type FieldChange, type HistoryEntry, type Relation,
} from '../../src/contract/index.js';
import type { Actor, Handlers } from '../context.js';
import type { Queryable } from '../db/database.js';
import { problem } from '../problem.js';
import { historyOf, recordHistory } from './history.js';
import { saveRelation } from './relations.js';
import { loadForUpdate, recordChange } from './shared.js';

/*
 * A data subject's rights (GDPR): access (`exportRelationData`, everything about a relation the requester may
 * see) and erasure (`anonymizeRelation`, admins only: personal data replaced or cleared, what bookkeeping needs
 * kept).
 */

/** The relation's fields history keeps after anonymising: no person can be read from them. */
const keptInHistory = /^(number|kind|status|debtor\.number|creditor\.number|labelIds|preferences\..*)$/;
/** A link's fields that hold personal data. */
const personalOfLink = new Set(['email', 'phone']);

const rowsOf = async <T>(tx: Queryable, sql: string, params: unknown[]): Promise<T[]> =>
  (await tx.query<{ data: T }>(sql, params)).map((row) => row.data);

/** Every link the relation is part of, as a person or as an organization. */
const linksOf = (tx: Queryable, tenantId: string, id: string) => rowsOf<Affiliation>(
  tx, 'select data from affiliations where tenant_id = $1 and (person_id = $2 or organization_id = $2) order by id', [tenantId, id],
);

/** A history's changes with the values no longer to be read cleared. */
function purged(changes: FieldChange[], keep: (field: string) => boolean): FieldChange[] {
  return changes.map((change) => (keep(change.field) ? change : { field: change.field, old: null, new: null }));
}

/** Clears the personal values of history entries (`where` selects them), entry by entry. */
async function purgeHistory(
  tx: Queryable, actor: Actor, where: string, params: unknown[], keep: (entity: HistoryEntry['entity'], field: string) => boolean,
) {
  const rows = await tx.query<{ id: string; entity: HistoryEntry['entity']; changes: FieldChange[] }>(
    `select id::text as id, entity, changes from relation_history where tenant_id = $1 and ${where}`, [actor.tenantId, ...params],
  );
  for (const row of rows) {
    const changes = purged(row.changes, (field) => keep(row.entity, field));
    if (isDeepStrictEqual(changes, row.changes)) continue;
    await tx.query('update relation_history set changes = ($3::text)::jsonb where tenant_id = $1 and id = $2::bigint', [
      actor.tenantId, row.id, JSON.stringify(changes),
    ]);
  }
}

export const personalDataHandlers: Pick<Handlers, 'exportRelationData' | 'anonymizeRelation'> = {
  exportRelationData: async ({ params }, { tx, actor, locale, now }) => {
    const [row] = await tx.query<{ data: Relation }>('select data from relations where tenant_id = $1 and id = $2', [actor.tenantId, params.id]);
    if (!row) throw problem('notFound', locale);
    const args = [actor.tenantId, params.id];
    const affiliations = await linksOf(tx, actor.tenantId, params.id);
    const others = affiliations.map((link) => (link.personId === params.id ? link.organizationId : link.personId));
    const linkedRelations = (await rowsOf<Relation>(
      tx, 'select data from relations where tenant_id = $1 and id = any($2::text[]) order by number', [actor.tenantId, others],
    )).map((relation) => ({ id: relation.id, number: relation.number, displayName: relation.displayName }));
    return {
      body: {
        exportedAt: now.toISOString(),
        exportedBy: { id: actor.id, name: actor.name },
        relation: row.data,
        addresses: await rowsOf<Address>(tx, 'select data from addresses where tenant_id = $1 and relation_id = $2 order by id', args),
        affiliations,
        linkedRelations,
        // What the requester may read: team moments and their own private ones, as everywhere.
        contactMoments: await rowsOf<ContactMoment>(
          tx,
          `select data from contact_moments where tenant_id = $1 and (relation_id = $2 or person_id = $2)
             and (not private or author_id = $3) order by occurred_at desc, id`,
          [...args, actor.id],
        ),
        callbackRequests: await rowsOf<CallbackRequest>(
          tx, "select data from callback_requests where tenant_id = $1 and (relation_id = $2 or data ->> 'personId' = $2) order by id", args,
        ),
        documents: await rowsOf<Document>(tx, 'select data from documents where tenant_id = $1 and relation_id = $2 order by date desc, id', args),
        history: await historyOf(tx, actor.tenantId, params.id),
      },
    };
  },

  anonymizeRelation: async ({ params }, { tx, actor, locale, now }) => {
    if (actor.role !== 'admin') throw problem('forbidden', locale);
    const current = await loadForUpdate<Relation>(tx, 'relations', actor.tenantId, params.id, locale);
    const args = [actor.tenantId, params.id];
    const organization = current.organization && { name: anonymizedName, kvkNumber: null, vatNumber: null, website: null };
    const person = current.person && { salutation: null, initials: null, firstName: null, infix: null, lastName: anonymizedName };
    const anonymous: Relation = {
      ...current, organization, person, displayName: displayName({ organization, person }), email: null, phone: null, iban: null,
      city: null, status: 'archived',
    };
    const changed = !isDeepStrictEqual(anonymous, current);
    const next = changed ? { ...anonymous, updatedAt: now.toISOString(), version: current.version + 1 } : current;
    if (changed) await saveRelation(tx, actor.tenantId, next, [], false);

    const addresses = await tx.query<{ id: string }>('delete from addresses where tenant_id = $1 and relation_id = $2 returning id', args);
    for (const address of addresses) await recordChange(tx, actor.tenantId, 'address', address.id, true);

    const links = await linksOf(tx, actor.tenantId, params.id);
    const clearedLinks = links.filter((l) => l.email !== null || l.phone !== null);
    for (const link of clearedLinks) {
      const cleared = { ...link, email: null, phone: null, version: link.version + 1 };
      await tx.query('update affiliations set version = $3, data = $4 where tenant_id = $1 and id = $2', [actor.tenantId, link.id, cleared.version, cleared]);
      await recordChange(tx, actor.tenantId, 'affiliation', link.id);
    }

    const moments = await rowsOf<ContactMoment>(
      tx, 'select data from contact_moments where tenant_id = $1 and (relation_id = $2 or person_id = $2) for update', args,
    );
    let erasedMoments = 0;
    for (const moment of moments) {
      const erased = {
        ...moment, subject: anonymizedName, body: '', agreements: moment.agreements.map((a) => ({ ...a, text: anonymizedName })),
      };
      if (isDeepStrictEqual(erased, moment)) continue;
      const version = moment.version + 1;
      await tx.query('update contact_moments set version = $3, data = $4 where tenant_id = $1 and id = $2', [
        actor.tenantId, moment.id, version, { ...erased, version, updatedAt: now.toISOString() },
      ]);
      await recordChange(tx, actor.tenantId, 'contactMoment', moment.id);
      erasedMoments++;
    }
    await tx.query(
      `update callback_requests set data = data || jsonb_build_object('message', '', 'phone', null)
       where tenant_id = $1 and (relation_id = $2 or data ->> 'personId' = $2)`,
      args,
    );
    await tx.query(
      `update notifications set data = data || jsonb_build_object('title', $3::text, 'body', '')
       where tenant_id = $1 and data ->> 'relationId' = $2`,
      [...args, anonymizedName],
    );
    // Stored answers for replayed requests may hold the old values: they answer without a body from now on.
    await tx.query('update idempotency_keys set body = null where tenant_id = $1 and body::text like $2', [actor.tenantId, `%${params.id}%`]);

    await purgeHistory(tx, actor, 'relation_id = $2', [params.id], (entity, field) =>
      entity === 'relation' ? keptInHistory.test(field) : entity === 'affiliation' && !personalOfLink.has(field));
    await purgeHistory(tx, actor, "entity = 'affiliation' and entity_id = any($2::text[])", [links.map((l) => l.id)],
      (_entity, field) => !personalOfLink.has(field));
    // Once: a repeat that found nothing left to erase is no new event.
    if (changed || addresses.length || clearedLinks.length || erasedMoments) {
      await recordHistory(tx, actor, now, {
        relationId: params.id, entity: 'relation', entityId: params.id, action: 'anonymized', before: null, after: null,
      });
    }
    return { body: next, version: next.version };
  },
};
