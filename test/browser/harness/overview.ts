import type { RelationOverview } from '../../../src/index.js';
import { accessibleName, allByRole, getByRole, queryByRole, type Name } from './roles.js';

const text = (el: Element | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** A `<relation-overview>` as a user finds its parts: by role and name. */
export function overviewHarness(el: RelationOverview) {
  const grid = () => getByRole(el, 'grid');
  /** Nothing, rather than an error, before the grid renders: for waiting on it. */
  const within = (role: string) => {
    const found = queryByRole(el, 'grid');
    return found ? allByRole(found, role) : [];
  };
  const rows = () => within('row').filter((row) => allByRole(row, 'columnheader').length === 0);
  return {
    el,
    tab: (name: Name) => getByRole(el, 'tab', name),
    tabs: () => allByRole(el, 'tab'),
    tabPanel: () => getByRole(el, 'tabpanel'),
    searchBox: () => getByRole<HTMLInputElement>(el, 'searchbox'),
    combobox: (name: Name) => getByRole<HTMLSelectElement>(el, 'combobox', name),
    checkbox: (name: Name) => getByRole<HTMLInputElement>(el, 'checkbox', name),
    radio: (name: Name) => getByRole<HTMLInputElement>(el, 'radio', name),
    button: (name: Name) => getByRole<HTMLButtonElement>(el, 'button', name),
    queryButton: (name: Name) => queryByRole<HTMLButtonElement>(el, 'button', name),
    dialog: (name: Name) => getByRole<HTMLDialogElement>(el, 'dialog', name),
    queryDialog: (name?: Name) => queryByRole<HTMLDialogElement>(el, 'dialog', name),
    toolbar: (name: Name) => getByRole(el, 'toolbar', name),
    grid,
    rows,
    /** The rows the user sees selected. */
    selectedRows: () => rows().filter((row) => row.getAttribute('aria-selected') === 'true'),
    /** Each row's relation name, as its name cell shows it. */
    names: () => rows().map((row) => text(allByRole(row, 'gridcell').find((cell) => allByRole(cell, 'button').length > 0))),
    /** A row's cells as text. */
    cells: (row: Element) => allByRole(row, 'gridcell').map(text),
    /** The column headers' names, the select-all box's first: indexes match `cells`. */
    columnHeaders: () => within('columnheader').map((h) => accessibleName(h).replace(/ [↑↓]$/, '')),
    columnHeader: (name: string) => within('columnheader').find((h) => accessibleName(h).replace(/ [↑↓]$/, '') === name),
    /** What the toolbar's count announces, e.g. "123 relaties" (with "+" while the cache fills). */
    count: () => allByRole(el, 'status').map(accessibleName).find((t) => /^[\d.,]+ relati(e|es|on|ons)\+?$/.test(t)) ?? '',
    /** Every status message shown, in order. */
    statuses: () => allByRole(el, 'status').map(accessibleName),
  };
}

export type OverviewHarness = ReturnType<typeof overviewHarness>;
