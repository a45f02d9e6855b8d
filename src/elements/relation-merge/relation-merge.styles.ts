import { css } from 'lit';

export const mergeStyles = css`
  :host {
    display: block;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    color: var(--_color-text);
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    padding: calc(var(--_space) / 2);
    border-block-end: 1px solid var(--_color-border);
    vertical-align: baseline;
    overflow-wrap: anywhere;
  }
  tr.same td,
  .hint {
    color: var(--_color-text-muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    margin-block: var(--_space);
  }
  .status:empty {
    display: none;
  }
  [role='alert'] {
    color: var(--_color-danger);
  }
`;
