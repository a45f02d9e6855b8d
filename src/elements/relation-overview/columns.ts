import type { Label, RelationSort } from '../../contract/index.js';
import type { ListedRelation } from '../../store/index.js';
import { formatName } from '../../format/name.js';
import type { Messages } from '../../i18n/messages.js';

export const columnKeys = ['number', 'name', 'kind', 'debtorNumber', 'creditorNumber', 'city', 'email', 'phone', 'labels'] as const;
export type ColumnKey = (typeof columnKeys)[number];

export const defaultColumns: ColumnKey[] = ['number', 'name', 'debtorNumber', 'creditorNumber', 'city', 'email', 'phone', 'labels'];

/** The sort behind each column; labels have no order of their own. */
export const sortOf: Partial<Record<ColumnKey, RelationSort>> = {
  number: 'number',
  name: 'name',
  kind: 'kind',
  debtorNumber: 'debtorNumber',
  creditorNumber: 'creditorNumber',
  city: 'city',
  email: 'email',
  phone: 'phone',
};

/** The order after a click on a column's header: by that column, and reversed when it already was. */
export function sortBy(column: ColumnKey, current: RelationSort): RelationSort {
  const sort = sortOf[column];
  if (!sort) return current;
  return (current === sort ? `-${sort}` : sort) as RelationSort;
}

export function columnLabel(key: ColumnKey, messages: Messages): string {
  return messages.overview.columns[key];
}

/** A cell as text, the same on screen and in an export. */
export function cellText(key: ColumnKey, relation: ListedRelation, labels: ReadonlyMap<string, Label>, messages: Messages): string {
  switch (key) {
    case 'number':
      return relation.number ? String(relation.number) : '';
    case 'name':
      return formatName(relation, 'list');
    case 'kind':
      return messages.overview.kindValue[relation.kind];
    case 'debtorNumber':
      return relation.debtor ? String(relation.debtor.number) : '';
    case 'creditorNumber':
      return relation.creditor ? String(relation.creditor.number) : '';
    case 'city':
      return relation.city ?? '';
    case 'email':
      return relation.email ?? '';
    case 'phone':
      return relation.phone ?? '';
    case 'labels':
      return relation.labelIds.map((id) => labels.get(id)?.name).filter(Boolean).join(', ');
  }
}

export function isColumnKey(key: unknown): key is ColumnKey {
  return columnKeys.includes(key as ColumnKey);
}

/** A user's choice of columns from storage, keeping only known ones; the default when there is none. */
export function parseColumns(saved: string | null): ColumnKey[] {
  try {
    const parsed: unknown = JSON.parse(saved ?? 'null');
    if (Array.isArray(parsed)) {
      const known = parsed.filter(isColumnKey);
      if (known.length) return [...new Set(known)];
    }
  } catch {
    // an unreadable choice falls back to the default
  }
  return [...defaultColumns];
}

/** Columns are remembered per user: per store, since each user of each tenant has a store of their own. */
const storageKey = (storeName: string) => `relation-elements:columns:${storeName}`;

export function loadColumns(storeName: string): ColumnKey[] {
  return parseColumns(localStorage.getItem(storageKey(storeName)));
}

export function saveColumns(storeName: string, columns: readonly ColumnKey[]): void {
  localStorage.setItem(storageKey(storeName), JSON.stringify(columns));
}
