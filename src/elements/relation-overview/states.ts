import { html, nothing } from 'lit';
import type { Messages } from '../../i18n/messages.js';
import type { QueryState } from '../controllers/store-query.js';

/*
 * What the list says beside its rows, never in the grid (a grid holds rows only): the first sync's
 * progress above it; loading, error and empty over it.
 */

export function syncProgress(state: QueryState<unknown>, m: Messages) {
  if (!state.progress || !state.stale) return nothing;
  const text = m.overview.syncing(state.progress.received, state.progress.total);
  return html`<div class="progress" part="state" role="status">
    <progress max=${state.progress.total} value=${state.progress.received} aria-label=${text}></progress> ${text}
  </div>`;
}

export interface ListState {
  state: QueryState<unknown>;
  /** Rows are showing already (a preview), so loading needs no placeholder. */
  showingRows: boolean;
  filtered: boolean;
  messages: Messages;
  onRetry: () => void;
  onClearFilters: () => void;
}

export function listState({ state, showingRows, filtered, messages: m, onRetry, onClearFilters }: ListState) {
  if (state.status === 'loading' && !showingRows) {
    return html`<div class="loading" part="state" role="status" aria-label=${m.common.loading}>${Array.from({ length: 8 }, () => html`<div class="skeleton"></div>`)}</div>`;
  }
  if (state.status === 'error') {
    return html`<div class="state error" part="state" role="alert">${m.common.error} <button @click=${onRetry}>${m.common.retry}</button></div>`;
  }
  if (state.status !== 'empty') return nothing;
  return html`<div class="state" part="state" role="status">
    ${filtered ? html`${m.overview.noResults} <button @click=${onClearFilters}>${m.overview.clearFilters}</button>` : m.overview.noRelations}
  </div>`;
}
