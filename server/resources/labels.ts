import { compareLabels, type Label, type Locale, type Relation } from '../../src/contract/index.js';
import type { Handlers } from '../context.js';
import type { Queryable } from '../db/database.js';
import { problem } from '../problem.js';
import { checkVersion, loadForUpdate, newId, recordChange } from './shared.js';

const nameTaken = (locale: Locale) => problem('conflict', locale, {
  errors: [{ path: 'name', code: 'duplicate', message: locale === 'nl' ? 'Er is al een label met deze naam.' : 'A label with this name exists.' }],
});

/**
 * Writes a label's row; the unique name per tenant is the database's to keep, as a check before the write
 * cannot see a label another writer is adding at the same moment.
 */
async function saveLabel(tx: Queryable, tenantId: string, label: Label, insert: boolean, locale: Locale): Promise<void> {
  const values = [tenantId, label.id, label.name.toLowerCase(), label.version, label];
  try {
    await tx.query(
      insert
        ? 'insert into labels (tenant_id, id, name_key, version, data) values ($1, $2, $3, $4, $5)'
        : 'update labels set name_key = $3, version = $4, data = $5 where tenant_id = $1 and id = $2',
      values,
    );
  } catch (error) {
    // The transaction is lost either way; the client learns which field to change.
    if ((error as { code?: unknown }).code === '23505') throw nameTaken(locale);
    throw error;
  }
}

export const labelHandlers: Pick<Handlers, 'listLabels' | 'createLabel' | 'updateLabel' | 'deleteLabel'> = {
  listLabels: async (_input, { tx, actor }) => {
    // Ordered as the cache orders them (`compareLabels`): a tenant has tens of labels, not thousands.
    const rows = await tx.query<{ data: Label }>('select data from labels where tenant_id = $1', [actor.tenantId]);
    return { body: { items: rows.map((row) => row.data).sort(compareLabels), nextCursor: null } };
  },

  createLabel: async ({ body }, { tx, actor, locale }) => {
    const label: Label = { id: newId(), name: body.name, color: body.color, relationCount: 0, version: 1 };
    await saveLabel(tx, actor.tenantId, label, true, locale);
    await recordChange(tx, actor.tenantId, 'label', label.id);
    return { body: label, version: label.version };
  },

  updateLabel: async ({ params, body, ifMatch }, { tx, actor, locale }) => {
    const current = await loadForUpdate<Label>(tx, 'labels', actor.tenantId, params.id, locale);
    checkVersion(current, ifMatch, locale);
    const next: Label = { ...current, ...body, version: current.version + 1 };
    await saveLabel(tx, actor.tenantId, next, false, locale);
    await recordChange(tx, actor.tenantId, 'label', next.id);
    return { body: next, version: next.version };
  },

  /** Deleting a label takes it off every relation that carried it; each of those relations changes once. */
  deleteLabel: async ({ params, ifMatch }, { tx, actor, locale, now }) => {
    const carriersOf = () => tx.query<{ data: Relation }>(
      'select data from relations where tenant_id = $1 and label_ids @> array[$2::text] order by id for update', [actor.tenantId, params.id],
    );
    // Relations first, then the label, in the order relation writers lock them; once the label is ours, the
    // second look also finds relations that took the label before we had it.
    await carriersOf();
    const current = await loadForUpdate<Label>(tx, 'labels', actor.tenantId, params.id, locale);
    checkVersion(current, ifMatch, locale);
    const carriers = await carriersOf();
    for (const { data: relation } of carriers) {
      const next = {
        ...relation,
        labelIds: relation.labelIds.filter((id) => id !== params.id),
        updatedAt: now.toISOString(),
        version: relation.version + 1,
      };
      await tx.query('update relations set label_ids = $3, data = $4, version = $5, updated_at = $6 where tenant_id = $1 and id = $2', [
        actor.tenantId, relation.id, next.labelIds, next, next.version, next.updatedAt,
      ]);
      await recordChange(tx, actor.tenantId, 'relation', relation.id);
    }
    await tx.query('delete from labels where tenant_id = $1 and id = $2', [actor.tenantId, params.id]);
    await recordChange(tx, actor.tenantId, 'label', params.id, true);
    return { body: undefined };
  },
};
