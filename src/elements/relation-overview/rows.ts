import { html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { Label, RelationSort } from '../../contract/index.js';
import type { ListedRelation } from '../../store/index.js';
import type { Messages } from '../../i18n/messages.js';
import { cellText, columnLabel, sortOf, type ColumnKey } from './columns.js';

/*
 * The overview's header row and relation rows as templates. The grid keeps focus and handles every key
 * for the active row (aria-activedescendant); a row's click only makes it the active one, so these rows
 * take clicks without keyboard handlers of their own.
 */

const widths: Record<ColumnKey, string> = {
  number: '6rem', name: 'minmax(12rem, 2fr)', kind: '7rem', debtorNumber: '7rem', creditorNumber: '7rem',
  city: 'minmax(7rem, 1fr)', email: 'minmax(10rem, 1.5fr)', phone: '9rem', labels: 'minmax(8rem, 1fr)',
};

/** The grid's `grid-template-columns`: the selection box, then the chosen columns. */
export function gridColumns(columns: readonly ColumnKey[]): string {
  return ['2.5rem', ...columns.map((key) => widths[key])].join(' ');
}

export interface HeaderRow {
  columns: readonly ColumnKey[];
  sort: RelationSort;
  allSelected: boolean;
  messages: Messages;
  onSelectAll: (on: boolean) => void;
  onSort: (column: ColumnKey) => void;
}

export function headerRow({ columns, sort, allSelected, messages: m, onSelectAll, onSort }: HeaderRow) {
  const sortColumn = sort.replace('-', '');
  const descending = sort.startsWith('-');
  return html`<div class="head" part="header" role="row" aria-rowindex="1">
    <div class="cell" role="columnheader">
      <input type="checkbox" aria-label=${m.overview.selectAll} .checked=${allSelected}
        @change=${(e: Event) => onSelectAll((e.target as HTMLInputElement).checked)} />
    </div>
    ${columns.map((key) => {
      const sorted = sortOf[key] === sortColumn;
      return html`<div class="cell" role="columnheader" aria-sort=${sortOf[key] ? (sorted ? (descending ? 'descending' : 'ascending') : 'none') : nothing}>
        ${sortOf[key] ? html`<button @click=${() => onSort(key)}>${columnLabel(key, m)}${sorted ? (descending ? ' ↓' : ' ↑') : ''}</button>` : columnLabel(key, m)}
      </div>`;
    })}
  </div>`;
}

export interface RelationRow {
  relation: ListedRelation;
  index: number;
  /** Where the row sits in the scrolled spacer, in pixels. */
  top: number;
  active: boolean;
  selected: boolean;
  columns: readonly ColumnKey[];
  labels: ReadonlyMap<string, Label>;
  messages: Messages;
  onPoint: (event: MouseEvent) => void;
  onToggle: () => void;
  /** Makes the row the active one and opens it. */
  onOpen: () => void;
}

/* eslint-disable lit-a11y/click-events-have-key-events */
export function relationRow(row: RelationRow) {
  const { relation, index, messages: m, labels } = row;
  return html`<div class="row ${row.active ? 'active' : ''}" part="row" role="row" aria-rowindex=${index + 2}
    aria-selected=${row.selected} style=${styleMap({ transform: `translateY(${row.top}px)` })} @click=${row.onPoint} @dblclick=${row.onOpen}>
    <div class="cell" part="cell" role="gridcell">
      <input type="checkbox" tabindex="-1" aria-label=${m.overview.select(relation.displayName)} .checked=${row.selected}
        @click=${(e: MouseEvent) => e.stopPropagation()} @change=${row.onToggle} />
    </div>
    ${row.columns.map((key) => {
      if (key === 'name') {
        // The active row's name cell is what the grid's aria-activedescendant points at.
        return html`<div class="cell" part="cell" role="gridcell" id="cell-${index}">
          <button class="open" tabindex="-1" aria-label=${m.overview.open(relation.displayName)}
            @click=${(e: MouseEvent) => { e.stopPropagation(); row.onOpen(); }}>${relation.displayName}</button>
        </div>`;
      }
      if (key === 'labels') {
        return html`<div class="cell" part="cell" role="gridcell">${relation.labelIds.map((labelId) => {
          const label = labels.get(labelId);
          return label ? html`<span class="chip" style=${styleMap({ '--_chip': label.color })}>${label.name}</span>` : nothing;
        })}</div>`;
      }
      return html`<div class="cell ${key.endsWith('umber') ? 'number' : ''}" part="cell" role="gridcell">${cellText(key, relation, labels, m)}</div>`;
    })}
  </div>`;
}
/* eslint-enable lit-a11y/click-events-have-key-events */
