import type { Affiliation } from '../../src/contract/index.js';
import type { Actor, Handlers } from '../context.js';
import type { Queryable } from '../db/database.js';
import { problem } from '../problem.js';
import { recordAffiliationHistory } from './history.js';
import { checkVersion, decodeCursor, loadForUpdate, lockKey, newId, recordChange, requireReference, toPage } from './shared.js';

/**
 * Two writers each making a contact primary would each demote only the primaries they can see, and leave
 * two. Whoever takes this lock second sees the first one's primary and demotes it. Taken before any
 * affiliation row, so writers meet here first.
 */
async function lockPrimaries(tx: Queryable, tenantId: string, organizationId: string) {
  await lockKey(tx, 'primary-contact', tenantId, organizationId);
}

/** Only one primary contact per organization: making one primary makes the others not. */
async function demoteOtherPrimaries(tx: Queryable, actor: Actor, now: Date, affiliation: Affiliation) {
  if (!affiliation.isPrimary) return;
  const tenantId = actor.tenantId;
  const demoted = await tx.query<{ id: string; data: Affiliation }>(
    `update affiliations set data = jsonb_set(data, '{isPrimary}', 'false') || jsonb_build_object('version', version + 1),
       version = version + 1
     where tenant_id = $1 and organization_id = $2 and id <> $3 and (data->>'isPrimary')::boolean returning id, data`,
    [tenantId, affiliation.organizationId, affiliation.id],
  );
  for (const row of demoted) {
    await recordChange(tx, tenantId, 'affiliation', row.id);
    await recordAffiliationHistory(tx, actor, now, 'updated', { ...row.data, isPrimary: true }, row.data);
  }
}

export const affiliationHandlers: Pick<Handlers, 'listAffiliations' | 'createAffiliation' | 'updateAffiliation' | 'deleteAffiliation'> = {
  listAffiliations: async ({ query }, { tx, actor, locale }) => {
    const limit = query.limit ?? 100;
    const after = decodeCursor(query.cursor, locale);
    const rows = await tx.query<{ data: Affiliation; id: string }>(
      `select data, id from affiliations where tenant_id = $1
         and ($2::text is null or person_id = $2) and ($3::text is null or organization_id = $3)
         and ($4::text is null or id > $4)
       order by id limit $5`,
      [actor.tenantId, query.personId ?? null, query.organizationId ?? null, (after?.[0] as string) ?? null, limit + 1],
    );
    return { body: toPage(rows, limit, (row) => row.data, (row) => [row.id]) };
  },

  createAffiliation: async ({ body }, { tx, actor, locale, now }) => {
    await requireReference(tx, actor.tenantId, body.personId, 'personId', locale, 'person');
    await requireReference(tx, actor.tenantId, body.organizationId, 'organizationId', locale, 'organization');
    if (body.isPrimary) await lockPrimaries(tx, actor.tenantId, body.organizationId);
    const affiliation: Affiliation = {
      id: newId(),
      personId: body.personId,
      organizationId: body.organizationId,
      function: body.function ?? null,
      email: body.email ?? null,
      phone: body.phone ?? null,
      isPrimary: body.isPrimary ?? false,
      version: 1,
    };
    // The pair is unique by constraint, which also sees a link another writer is adding this moment.
    const inserted = await tx.query(
      `insert into affiliations (tenant_id, id, person_id, organization_id, version, data) values ($1, $2, $3, $4, $5, $6)
       on conflict (tenant_id, person_id, organization_id) do nothing returning id`,
      [actor.tenantId, affiliation.id, affiliation.personId, affiliation.organizationId, affiliation.version, affiliation],
    );
    if (inserted.length === 0) {
      throw problem('conflict', locale, {
        detail: locale === 'nl' ? 'Deze persoon is al aan deze organisatie gekoppeld.' : 'This person is already linked to this organization.',
      });
    }
    await demoteOtherPrimaries(tx, actor, now, affiliation);
    await recordChange(tx, actor.tenantId, 'affiliation', affiliation.id);
    await recordAffiliationHistory(tx, actor, now, 'created', null, affiliation);
    return { body: affiliation, version: affiliation.version };
  },

  updateAffiliation: async ({ params, body, ifMatch }, { tx, actor, locale, now }) => {
    if (body.isPrimary) {
      const [row] = await tx.query<{ organization_id: string }>(
        'select organization_id from affiliations where tenant_id = $1 and id = $2', [actor.tenantId, params.id],
      );
      if (row) await lockPrimaries(tx, actor.tenantId, row.organization_id);
    }
    const current = await loadForUpdate<Affiliation>(tx, 'affiliations', actor.tenantId, params.id, locale);
    checkVersion(current, ifMatch, locale);
    const next: Affiliation = { ...current, ...body, version: current.version + 1 };
    await tx.query('update affiliations set version = $3, data = $4 where tenant_id = $1 and id = $2', [
      actor.tenantId, next.id, next.version, next,
    ]);
    await demoteOtherPrimaries(tx, actor, now, next);
    await recordChange(tx, actor.tenantId, 'affiliation', next.id);
    await recordAffiliationHistory(tx, actor, now, 'updated', current, next);
    return { body: next, version: next.version };
  },

  deleteAffiliation: async ({ params, ifMatch }, { tx, actor, locale, now }) => {
    const current = await loadForUpdate<Affiliation>(tx, 'affiliations', actor.tenantId, params.id, locale);
    checkVersion(current, ifMatch, locale);
    await tx.query('delete from affiliations where tenant_id = $1 and id = $2', [actor.tenantId, params.id]);
    await recordChange(tx, actor.tenantId, 'affiliation', params.id, true);
    await recordAffiliationHistory(tx, actor, now, 'deleted', current, null);
    return { body: undefined };
  },
};
