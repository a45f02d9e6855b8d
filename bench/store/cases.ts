/** The write cases of the store benchmark, shared by the page script and the Node driver. */

export type WriteCaseSpec =
  | { kind: 'ours'; pageSize: number; durability: IDBTransactionDurability | undefined; label: string }
  | { kind: 'dexie'; label: string }
  | { kind: 'idb'; pageSize: number; durability: IDBTransactionDurability; indexes: 'all' | 'read' | 'name' | 'none'; label: string }
  | { kind: 'chunks'; chunkSize: number; label: string };

/**
 * How each case writes the same relation rows (already in memory) into a new database. Only `ours-apply` is
 * the path the store ships (`sync()` applying pages of 2000); the rest are peers, variants and a prototype,
 * measured for comparison and never judged against a target.
 */
export const writeCases = {
  'ours-apply': {
    kind: 'ours', pageSize: 2000, durability: undefined,
    label: 'ours: applyChanges, pages of 2000, then folded into blocks (as sync does)',
  },
  'ours-apply-relaxed': {
    kind: 'ours', pageSize: 2000, durability: 'relaxed',
    label: "ours: applyChanges, pages of 2000, durability 'relaxed'",
  },
  'ours-apply-5000-relaxed': {
    kind: 'ours', pageSize: 5000, durability: 'relaxed',
    label: "ours: applyChanges, pages of 5000, durability 'relaxed'",
  },
  'dexie-bulkput': { kind: 'dexie', label: 'peer: Dexie 4 bulkPut, all rows in one call' },
  'idb-1tx': {
    kind: 'idb', pageSize: Infinity, durability: 'default', indexes: 'all',
    label: 'peer: raw IndexedDB, one transaction',
  },
  'idb-1tx-relaxed': {
    kind: 'idb', pageSize: Infinity, durability: 'relaxed', indexes: 'all',
    label: "raw IndexedDB, one transaction, 'relaxed'",
  },
  'idb-1tx-strict': {
    kind: 'idb', pageSize: Infinity, durability: 'strict', indexes: 'all',
    label: "raw IndexedDB, one transaction, 'strict'",
  },
  'idb-2000tx': {
    kind: 'idb', pageSize: 2000, durability: 'default', indexes: 'all',
    label: 'raw IndexedDB, transactions of 2000',
  },
  'idb-1tx-2-indexes': {
    kind: 'idb', pageSize: Infinity, durability: 'default', indexes: 'read',
    label: 'raw IndexedDB, one transaction, only sortName + labelIds indexes',
  },
  'idb-1tx-sortname': {
    kind: 'idb', pageSize: Infinity, durability: 'default', indexes: 'name',
    label: 'raw IndexedDB, one transaction, only the sortName index',
  },
  'idb-1tx-no-indexes': {
    kind: 'idb', pageSize: Infinity, durability: 'default', indexes: 'none',
    label: 'raw IndexedDB, one transaction, no indexes',
  },
  'idb-chunks-2000': {
    kind: 'chunks', chunkSize: 2000,
    label: 'prototype, not shipped: raw IndexedDB, one record per 2000 relations (an array), no indexes, one transaction',
  },
} as const satisfies Record<string, WriteCaseSpec>;

export type WriteCaseName = keyof typeof writeCases;
