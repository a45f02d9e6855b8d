import { css } from 'lit';

export const conflictStyles = css`
  :host {
    display: block;
  }
  .conflict {
    border: 1px solid var(--_color-warning);
    border-radius: var(--_radius);
    padding: var(--_space);
    background: var(--_color-surface);
  }
  h3 {
    margin: 0 0 calc(var(--_space) / 2);
    font-size: 1em;
    color: var(--_color-warning);
  }
  table {
    width: 100%;
    border-collapse: collapse;
    table-layout: fixed;
  }
  th,
  td {
    text-align: start;
    padding: calc(var(--_space) / 2);
    border-top: 1px solid var(--_color-border);
    vertical-align: top;
    overflow-wrap: anywhere;
  }
  td label {
    display: flex;
    gap: 0.25rem;
    align-items: baseline;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_space);
    margin-top: var(--_space);
  }
`;
