import type { Address } from '../contract/index.js';
import type { Cache } from './cache.js';
import {
  appendLog, byId, fold, foldLog, logRecords, readAll, readMany, writeBlocks, type BlockLayout, type BlockTx, type LogRecord,
} from './entity-blocks.js';

/**
 * How the cache keeps addresses: in blocks and a log (`entity-blocks.ts`), as relations are, since an export
 * or the search index reads all of them. A block also lists whose addresses it holds (`owners`, a multi-entry
 * index), so that a relation's addresses are one or two blocks away.
 */
export const addressStores = ['addressBlocks', 'addressLog'] as const;

export interface AddressBlock {
  rows: Address[];
  /** The relations these addresses belong to, once each. */
  owners: string[];
}

const layout: BlockLayout<Address, AddressBlock> = {
  blocks: 'addressBlocks',
  log: 'addressLog',
  rowsOf: (block) => block.rows,
  blockOf: (rows) => ({ rows, owners: [...new Set(rows.map((address) => address.relationId))] }),
};

export type AddressLogRecord = LogRecord<Address>;

type AddressTx<M extends IDBTransactionMode | 'versionchange'> = BlockTx<M>;

/** Every cached address. */
export function readAllAddresses(tx: AddressTx<IDBTransactionMode>): Promise<Address[]> {
  return readAll(tx, layout);
}

/** These addresses as the cache holds them now (undefined: not there), in the order asked. */
export function readAddresses(tx: AddressTx<IDBTransactionMode>, ids: readonly string[]): Promise<(Address | undefined)[]> {
  return readMany(tx, layout, ids);
}

/** Addresses (or what is kept of them) by the relation they belong to, in the order given. */
export function byRelation<T extends { relationId: string }>(addresses: readonly T[]): Map<string, T[]> {
  const owners = new Map<string, T[]>();
  for (const address of addresses) {
    const own = owners.get(address.relationId);
    if (own) own.push(address);
    else owners.set(address.relationId, [address]);
  }
  return owners;
}

/** Each of these relations' addresses, in id order. */
export async function addressesOfRelations(tx: AddressTx<IDBTransactionMode>, relationIds: readonly string[]): Promise<Address[][]> {
  const owners = tx.objectStore('addressBlocks').index('owners');
  const [blocks, records] = await Promise.all([
    Promise.all(relationIds.map((id) => owners.getAll(id))), logRecords(tx, layout, undefined),
  ]);
  const logged = fold(records);
  return relationIds.map((relationId, i) => {
    const own = new Map<string, Address>();
    for (const block of blocks[i]!) for (const address of block.rows) if (address.relationId === relationId) own.set(address.id, address);
    for (const [id, address] of logged) {
      if (address?.relationId === relationId) own.set(id, address);
      else own.delete(id);
    }
    return [...own.values()].sort(byId);
  });
}

/** Records writes of addresses in a transaction: one log record, whatever their number. Resolves its key. */
export function logAddresses(tx: AddressTx<'readwrite'>, record: AddressLogRecord): Promise<number> {
  return appendLog(tx, layout, record);
}

/** Folds the address log into its blocks, in one transaction. Resolves whether there was anything to fold. */
export async function compactAddresses(cache: Cache): Promise<boolean> {
  const tx = cache.transaction(addressStores, 'readwrite');
  tx.done.catch(() => undefined);
  const folded = await foldLog(tx, layout);
  await Promise.all([...(folded?.writes ?? []), tx.done]);
  return !!folded;
}

/** Lays out addresses (sorted by id) as blocks in an empty transaction: what a migration starts from. */
export function writeAddressBlocks(tx: AddressTx<'readwrite' | 'versionchange'>, sorted: readonly Address[]): Promise<unknown>[] {
  return writeBlocks(tx, layout, sorted);
}
