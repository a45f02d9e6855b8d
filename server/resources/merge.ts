import {
  displayName, type Address, type Affiliation, type ContactMoment, type MergeableField, type Relation,
} from '../../src/contract/index.js';
import type { Actor, Handlers } from '../context.js';
import type { Queryable } from '../db/database.js';
import { problem } from '../problem.js';
import { recordAffiliationHistory, recordHistory } from './history.js';
import { refreshLabelCounts, refreshRelationAddresses, saveRelation } from './relations.js';
import { invalid, recordChange } from './shared.js';

/*
 * mergeRelations: one relation stays, the other is merged into it in one transaction. Everything that points at
 * the other moves, each moved entity into the change feed, so every cache follows on its next sync.
 */

/** `relation` with the value at `path` (`email`, `organization.kvkNumber`) taken from `from`. */
function takeField(relation: Relation, from: Relation, path: MergeableField): Relation {
  const [part, key] = path.split('.') as [keyof Relation, string | undefined];
  if (!key) return { ...relation, [part]: from[part] };
  const mine = relation[part] as Record<string, unknown> | null;
  const theirs = from[part] as Record<string, unknown> | null;
  if (!mine || !theirs) return relation;
  return { ...relation, [part]: { ...mine, [key]: theirs[key] } };
}

/** The stayer's preferences, with what it lacks taken from the other, module by module. */
function mergedPreferences(stays: Relation['preferences'], other: Relation['preferences']): Relation['preferences'] {
  const merged: Relation['preferences'] = {};
  for (const module of new Set([...Object.keys(other), ...Object.keys(stays)])) merged[module] = { ...other[module], ...stays[module] };
  return merged;
}

/** Rows of `table` whose `column` names the other relation, locked, with their data. */
const pointingAt = <T>(tx: Queryable, table: string, column: string, tenantId: string, id: string) =>
  tx.query<{ id: string; data: T }>(`select id, data from ${table} where tenant_id = $1 and ${column} = $2 order by id for update`, [tenantId, id]);

/** Moves the other's links to the one that stays; a link to a relation both were linked to stays once. */
async function moveLinks(tx: Queryable, actor: Actor, now: Date, stays: Relation, other: Relation): Promise<void> {
  const side = other.kind === 'person' ? { column: 'person_id', key: 'personId', far: 'organizationId' } as const
    : { column: 'organization_id', key: 'organizationId', far: 'personId' } as const;
  const mine = await pointingAt<Affiliation>(tx, 'affiliations', side.column, actor.tenantId, stays.id);
  const linked = new Set(mine.map((row) => row.data[side.far]));
  for (const { data: link } of await pointingAt<Affiliation>(tx, 'affiliations', side.column, actor.tenantId, other.id)) {
    if (linked.has(link[side.far]) || link[side.far] === stays.id) {
      await tx.query('delete from affiliations where tenant_id = $1 and id = $2', [actor.tenantId, link.id]);
      await recordChange(tx, actor.tenantId, 'affiliation', link.id, true);
      await recordAffiliationHistory(tx, actor, now, 'merged', link, null);
      continue;
    }
    const moved: Affiliation = { ...link, [side.key]: stays.id, version: link.version + 1 };
    await tx.query(`update affiliations set ${side.column} = $3, version = $4, data = $5 where tenant_id = $1 and id = $2`, [
      actor.tenantId, link.id, stays.id, moved.version, moved,
    ]);
    await recordChange(tx, actor.tenantId, 'affiliation', link.id);
    await recordAffiliationHistory(tx, actor, now, 'merged', link, moved);
  }
}

export const mergeHandlers: Pick<Handlers, 'mergeRelations'> = {
  mergeRelations: async ({ params, body }, { tx, actor, locale, now }) => {
    if (actor.role !== 'admin') throw problem('forbidden', locale);
    const nl = locale === 'nl';
    if (body.otherId === params.id) throw problem('conflict', locale, { detail: nl ? 'Een relatie kan niet met zichzelf worden samengevoegd.' : 'A relation cannot be merged with itself.' });
    // Both locked, in id order as every writer of two relations does.
    const rows = await tx.query<{ data: Relation }>(
      'select data from relations where tenant_id = $1 and id = any($2::text[]) order by id for update', [actor.tenantId, [params.id, body.otherId]],
    );
    const current = rows.find((row) => row.data.id === params.id)?.data;
    const other = rows.find((row) => row.data.id === body.otherId)?.data;
    if (!current) throw problem('notFound', locale);
    if (!other) invalid('otherId', 'unknownRelation', nl ? 'Deze relatie bestaat niet.' : 'This relation does not exist.', locale);
    if (other.kind !== current.kind) invalid('otherId', 'wrongKind', nl ? 'Alleen relaties van dezelfde soort kunnen samen.' : 'Only relations of the same kind can be merged.', locale);
    if (other.mergedInto || current.mergedInto) {
      throw problem('conflict', locale, { detail: nl ? 'Een van beide is al samengevoegd.' : 'One of the two was merged already.' });
    }

    let stays: Relation = { ...current };
    for (const field of body.fields ?? []) stays = takeField(stays, other, field);
    stays = {
      ...stays,
      displayName: displayName(stays),
      labelIds: [...new Set([...current.labelIds, ...other.labelIds])],
      preferences: mergedPreferences(current.preferences, other.preferences),
      status: current.status === 'archived' ? other.status : current.status,
      updatedAt: now.toISOString(),
      version: current.version + 1,
    };
    const merged: Relation = { ...other, status: 'archived', labelIds: [], mergedInto: current.id, updatedAt: now.toISOString(), version: other.version + 1 };

    const args = [actor.tenantId, other.id];
    for (const { data: address } of await pointingAt<Address>(tx, 'addresses', 'relation_id', actor.tenantId, other.id)) {
      const moved = { ...address, relationId: current.id, version: address.version + 1 };
      await tx.query('update addresses set relation_id = $3, version = $4, data = $5 where tenant_id = $1 and id = $2', [
        actor.tenantId, address.id, current.id, moved.version, moved,
      ]);
      await recordChange(tx, actor.tenantId, 'address', address.id);
      await recordHistory(tx, actor, now, { relationId: current.id, entity: 'address', entityId: address.id, action: 'merged', before: null, after: moved });
    }
    await moveLinks(tx, actor, now, current, other);
    const moments = await tx.query<{ id: string; data: ContactMoment }>(
      'select id, data from contact_moments where tenant_id = $1 and (relation_id = $2 or person_id = $2) for update', args,
    );
    for (const { data: moment } of moments) {
      const moved = {
        ...moment,
        relationId: moment.relationId === other.id ? current.id : moment.relationId,
        personId: moment.personId === other.id ? current.id : moment.personId,
        version: moment.version + 1,
      };
      await tx.query('update contact_moments set relation_id = $3, person_id = $4, version = $5, data = $6 where tenant_id = $1 and id = $2', [
        actor.tenantId, moment.id, moved.relationId, moved.personId, moved.version, moved,
      ]);
      await recordChange(tx, actor.tenantId, 'contactMoment', moment.id);
    }
    await tx.query(
      `update callback_requests set relation_id = $3, data = data || jsonb_build_object('relationId', $3::text) where tenant_id = $1 and relation_id = $2`,
      [...args, current.id],
    );
    await tx.query(
      `update callback_requests set data = data || jsonb_build_object('personId', $3::text) where tenant_id = $1 and data ->> 'personId' = $2`,
      [...args, current.id],
    );
    await tx.query('update documents set relation_id = $3 where tenant_id = $1 and relation_id = $2', [...args, current.id]);
    await tx.query(
      `update notifications set data = data || jsonb_build_object('relationId', $3::text) where tenant_id = $1 and data ->> 'relationId' = $2`,
      [...args, current.id],
    );

    await saveRelation(tx, actor.tenantId, merged, [], false);
    await saveRelation(tx, actor.tenantId, stays, [], false);
    await refreshRelationAddresses(tx, actor.tenantId, current.id);
    await refreshLabelCounts(tx, actor.tenantId, [...current.labelIds, ...other.labelIds]);
    await recordHistory(tx, actor, now, { relationId: current.id, entity: 'relation', entityId: current.id, action: 'merged', before: current, after: stays });
    await recordHistory(tx, actor, now, { relationId: other.id, entity: 'relation', entityId: other.id, action: 'merged', before: other, after: merged });
    const [saved] = await tx.query<{ data: Relation }>('select data from relations where tenant_id = $1 and id = $2', [actor.tenantId, current.id]);
    return { body: saved!.data, version: saved!.data.version };
  },
};
