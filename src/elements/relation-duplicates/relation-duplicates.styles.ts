import { css } from 'lit';

export const duplicatesStyles = css`
  :host {
    display: block;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    color: var(--_color-text);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    display: grid;
    gap: calc(var(--_space) / 4);
    padding-block: var(--_space);
    border-block-end: 1px solid var(--_color-border);
  }
  .names {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) var(--_space);
    align-items: baseline;
  }
  .number,
  .reasons {
    color: var(--_color-text-muted);
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  .note.error {
    color: var(--_color-danger);
  }
`;
