import { css } from 'lit';

export const entryStyles = css`
  :host {
    display: block;
    min-width: 0;
  }
  article {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    min-width: 0;
  }
  p {
    margin: 0;
    min-width: 0;
    unicode-bidi: isolate;
  }
  .meta {
    display: flex;
    gap: 0 var(--_space);
    color: var(--_color-text-muted);
    font-size: 0.875em;
    overflow: hidden;
    white-space: nowrap;
  }
  .kind {
    font-weight: 600;
    color: var(--_color-text);
  }
  .party {
    overflow: hidden;
    text-overflow: ellipsis;
    unicode-bidi: isolate;
  }
  .marker {
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    padding: 0 0.25rem;
  }
  .marker.private {
    border-color: var(--_color-warning);
    color: var(--_color-warning);
  }
  .marker[data-write='rejected'],
  .marker[data-write='conflict'] {
    border-color: var(--_color-danger);
    color: var(--_color-danger);
  }
  .subject {
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .body {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  :host(:not([full])) .body {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--contact-moment-entry-lines, 2);
    overflow: hidden;
  }
  :host([full]) .subject {
    white-space: normal;
    overflow-wrap: anywhere;
  }
  :host([full]) .body {
    white-space: pre-wrap;
  }
  .count {
    color: var(--_color-text-muted);
    font-size: 0.875em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    margin-top: auto;
  }
  :host(:not([full])) .actions {
    flex-wrap: nowrap;
    overflow: hidden;
  }
  .actions button {
    max-width: 14rem;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  a {
    color: var(--_color-accent);
  }
`;
