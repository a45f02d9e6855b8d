import { css } from 'lit';

/** One moment, as a row of the log (clamped to its height) or in full (`.entry.full`). */
export const entryStyles = css`
  .entry {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    min-width: 0;
  }
  .entry p {
    margin: 0;
    min-width: 0;
    unicode-bidi: isolate;
  }
  .entry .meta {
    display: flex;
    gap: 0 var(--_space);
    color: var(--_color-text-muted);
    font-size: 0.875em;
    overflow: hidden;
    white-space: nowrap;
  }
  .entry .kind {
    font-weight: 600;
    color: var(--_color-text);
  }
  .entry .party {
    overflow: hidden;
    text-overflow: ellipsis;
    unicode-bidi: isolate;
  }
  .entry .marker {
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    padding: 0 0.25rem;
  }
  .entry .marker.private {
    border-color: var(--_color-warning);
    color: var(--_color-warning);
  }
  .entry .marker[data-write='rejected'],
  .entry .marker[data-write='conflict'] {
    border-color: var(--_color-danger);
    color: var(--_color-danger);
  }
  .entry .subject {
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .entry .text {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .entry:not(.full) .text {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
    max-height: 2.6em;
  }
  .entry.full .subject {
    white-space: normal;
    overflow-wrap: anywhere;
  }
  .entry.full .text {
    white-space: pre-wrap;
  }
  .entry .agreement-count {
    color: var(--_color-text-muted);
    font-size: 0.875em;
  }
  .entry .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    margin-top: auto;
  }
  .entry:not(.full) .actions {
    flex-wrap: nowrap;
    overflow: hidden;
  }
  .entry .actions button {
    max-width: 14rem;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .entry a {
    color: var(--_color-accent);
  }
`;
