import { html, type TemplateResult } from 'lit';
import { isOffline } from './relation-card-preferences/module-list.js';

/**
 * The note of a read from the backend that failed: no connection as a status (it passes), anything else as an
 * alert, each with a retry.
 */
export function failedReadNote(error: unknown, words: { offline: string; error: string; retry: string }, retry: () => void): TemplateResult {
  const offline = isOffline(error);
  return html`<p role=${offline ? 'status' : 'alert'} part="note" class="note ${offline ? '' : 'error'}">
    ${offline ? words.offline : words.error}
    <button type="button" @click=${retry}>${words.retry}</button>
  </p>`;
}
