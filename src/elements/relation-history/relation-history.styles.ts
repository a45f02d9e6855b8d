import { css } from 'lit';

export const historyStyles = css`
  :host {
    display: block;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    color: var(--_color-text);
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    padding-block: var(--_space);
    border-block-end: 1px solid var(--_color-border);
  }
  h3 {
    font-size: 1em;
    margin: 0;
  }
  .meta {
    color: var(--_color-text-muted);
    margin: 0;
  }
  dl {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) 1fr;
    gap: calc(var(--_space) / 4) var(--_space);
    margin: calc(var(--_space) / 2) 0 0;
  }
  dt {
    color: var(--_color-text-muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .old {
    text-decoration: line-through;
    color: var(--_color-text-muted);
  }
  .note.error {
    color: var(--_color-danger);
  }
  .more {
    margin-block-start: var(--_space);
  }
`;
