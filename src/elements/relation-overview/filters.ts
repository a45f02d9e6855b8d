import { html, nothing } from 'lit';
import type { Messages } from '../../i18n/messages.js';
import type { OverviewFilters } from './query.js';

/** The filters a user clears with one button: every narrowing but the list and its order. */
export const noFilters = { q: '', roleFilter: '', kind: '', labelIds: [], showArchived: false } as const satisfies Partial<OverviewFilters>;

/** The search box and the role, kind and archived filters; each change is handed to `onChange`. */
export function filterControls(filters: OverviewFilters, m: Messages, onChange: (change: Partial<OverviewFilters>) => void) {
  const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;
  return html`
    <input type="search" aria-label=${m.overview.search} placeholder=${m.overview.searchPlaceholder} .value=${filters.q}
      @input=${(e: Event) => onChange({ q: value(e) })} />
    <select aria-label=${m.overview.role.label} .value=${filters.roleFilter}
      @change=${(e: Event) => onChange({ roleFilter: value(e) as OverviewFilters['roleFilter'] })}>
      ${(['', 'debtor', 'creditor'] as const).map((role) => html`<option value=${role}>${m.overview.role[role || 'all']}</option>`)}
    </select>
    <select aria-label=${m.overview.kind.label} .value=${filters.kind}
      @change=${(e: Event) => onChange({ kind: value(e) as OverviewFilters['kind'] })}>
      ${(['', 'organization', 'person'] as const).map((kind) => html`<option value=${kind}>${m.overview.kind[kind || 'all']}</option>`)}
    </select>
    ${filters.view === 'relations'
      ? html`<label><input type="checkbox" .checked=${filters.showArchived}
          @change=${(e: Event) => onChange({ showArchived: (e.target as HTMLInputElement).checked })} /> ${m.overview.showArchived}</label>`
      : nothing}
  `;
}
