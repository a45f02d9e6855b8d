import { css } from 'lit';

export const addressesStyles = css`
  :host {
    display: block;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    color: var(--_color-text);
  }
  h3 {
    font-size: 1em;
    margin: 0 0 var(--_space);
  }
  ul.addresses {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  li.address {
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .summary {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: calc(var(--_space) / 2) var(--_space);
  }
  .purposes {
    grid-column: 1 / -1;
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  .purpose {
    font-size: 0.8125em;
    border: 1px solid var(--_color-border);
    border-radius: 999px;
    padding: 0 0.5em;
    background: var(--_color-surface-alt);
  }
  address {
    font-style: normal;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  address .line {
    display: block;
  }
  .actions {
    display: flex;
    align-items: start;
    gap: calc(var(--_space) / 2);
  }
  .state:empty {
    display: none;
  }
  .state {
    margin: calc(var(--_space) / 2) 0 0;
    font-size: 0.875em;
    color: var(--_color-text-muted);
  }
  .state[data-state='rejected'],
  .state[data-state='conflict'] {
    color: var(--_color-danger);
  }
  form.address-form {
    display: grid;
    gap: var(--_space);
    margin-top: var(--_space);
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: var(--_space);
  }
  .add {
    margin-top: var(--_space);
  }
`;
