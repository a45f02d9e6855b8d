import * as z from 'zod/mini';
import { AddressRules, type Address } from '../../src/contract/index.js';
import type { Handlers } from '../context.js';
import { fieldErrors } from '../field-errors.js';
import type { Queryable } from '../db/database.js';
import { problem } from '../problem.js';
import { recordHistory } from './history.js';
import { refreshRelationAddresses } from './relations.js';
import { checkVersion, loadForUpdate, newId, recordChange, requireRelation } from './shared.js';

/**
 * Locks the relation an address belongs to before the address itself: every write of an address ends by
 * locking its relation (its city and postcodes follow), and a relation's delete locks the relation before
 * its addresses, so taking the relation first keeps one order and two writers never wait crosswise.
 */
async function lockRelationOf(tx: Queryable, tenantId: string, addressId: string): Promise<void> {
  const [row] = await tx.query<{ relation_id: string }>(
    'select relation_id from addresses where tenant_id = $1 and id = $2', [tenantId, addressId],
  );
  // An address never moves to another relation; a missing one is loadForUpdate's 404.
  if (row) await tx.query('select 1 from relations where tenant_id = $1 and id = $2 for update', [tenantId, row.relation_id]);
}

export const addressHandlers: Pick<Handlers, 'listAddresses' | 'createAddress' | 'updateAddress' | 'deleteAddress'> = {
  listAddresses: async ({ params }, { tx, actor, locale }) => {
    await requireRelation(tx, actor.tenantId, params.id, locale);
    const rows = await tx.query<{ data: Address }>(
      'select data from addresses where tenant_id = $1 and relation_id = $2 order by id', [actor.tenantId, params.id],
    );
    return { body: { items: rows.map((row) => row.data), nextCursor: null } };
  },

  createAddress: async ({ params, body }, { tx, actor, locale, now }) => {
    // Locked now rather than after the insert: the insert's foreign key would hold a share of it that a
    // second writer's lock would wait for, and each would wait for the other.
    await loadForUpdate(tx, 'relations', actor.tenantId, params.id, locale);
    const address: Address = {
      id: newId(),
      relationId: params.id,
      purposes: body.purposes,
      poBox: body.poBox ?? null,
      street: body.poBox ? null : (body.street ?? null),
      houseNumber: body.poBox ? null : (body.houseNumber ?? null),
      houseNumberAddition: body.poBox ? null : (body.houseNumberAddition ?? null),
      postalCode: body.postalCode ?? null,
      city: body.city ?? null,
      country: body.country ?? 'NL',
      email: body.email ?? null,
      phone: body.phone ?? null,
      version: 1,
    };
    await tx.query('insert into addresses (tenant_id, id, relation_id, version, data) values ($1, $2, $3, $4, $5)', [
      actor.tenantId, address.id, address.relationId, address.version, address,
    ]);
    await recordChange(tx, actor.tenantId, 'address', address.id);
    await recordHistory(tx, actor, now, { relationId: address.relationId, entity: 'address', entityId: address.id, action: 'created', before: null, after: address });
    await refreshRelationAddresses(tx, actor.tenantId, address.relationId);
    return { body: address, version: address.version };
  },

  updateAddress: async ({ params, body, ifMatch }, { tx, actor, locale, now }) => {
    await lockRelationOf(tx, actor.tenantId, params.id);
    const current = await loadForUpdate<Address>(tx, 'addresses', actor.tenantId, params.id, locale);
    checkVersion(current, ifMatch, locale);
    const merged = { ...current, ...body };
    // The rules that span fields hold for the address as it will be, not only for the fields sent.
    const checked = z.safeParse(AddressRules, merged);
    if (!checked.success) throw problem('validation', locale, { errors: fieldErrors(checked.error.issues, locale) });
    const next: Address = { ...merged, postalCode: checked.data.postalCode, version: current.version + 1 };
    await tx.query('update addresses set version = $3, data = $4 where tenant_id = $1 and id = $2', [
      actor.tenantId, next.id, next.version, next,
    ]);
    await recordChange(tx, actor.tenantId, 'address', next.id);
    await recordHistory(tx, actor, now, { relationId: next.relationId, entity: 'address', entityId: next.id, action: 'updated', before: current, after: next });
    await refreshRelationAddresses(tx, actor.tenantId, next.relationId);
    return { body: next, version: next.version };
  },

  deleteAddress: async ({ params, ifMatch }, { tx, actor, locale, now }) => {
    await lockRelationOf(tx, actor.tenantId, params.id);
    const current = await loadForUpdate<Address>(tx, 'addresses', actor.tenantId, params.id, locale);
    checkVersion(current, ifMatch, locale);
    await tx.query('delete from addresses where tenant_id = $1 and id = $2', [actor.tenantId, params.id]);
    await recordChange(tx, actor.tenantId, 'address', params.id, true);
    await recordHistory(tx, actor, now, { relationId: current.relationId, entity: 'address', entityId: current.id, action: 'deleted', before: current, after: null });
    await refreshRelationAddresses(tx, actor.tenantId, current.relationId);
    return { body: undefined };
  },
};
