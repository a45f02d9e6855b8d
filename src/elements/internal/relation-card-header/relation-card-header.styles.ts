import { css } from 'lit';

export const headerStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .title {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_space);
  }
  h2 {
    margin: 0;
    font-size: 1.25em;
    overflow-wrap: anywhere;
  }
  .badge {
    border: 1px solid var(--_color-border);
    border-radius: 999px;
    padding: 0 var(--_space);
    font-size: 0.8125em;
    color: var(--_color-text-muted);
  }
  .badge[data-status='archived'] {
    color: var(--_color-warning);
    border-color: var(--_color-warning);
  }
  .numbers {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
    margin: 0;
  }
  .numbers dt {
    font-size: 0.8125em;
    color: var(--_color-text-muted);
  }
  .numbers dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
  .labels,
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }
  .label {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    border: 1px solid var(--_color-border);
    border-radius: 999px;
    padding: 0 0 0 var(--_space);
    overflow-wrap: anywhere;
  }
  .swatch {
    width: 0.625rem;
    height: 0.625rem;
    border-radius: 50%;
    flex: none;
  }
  .remove {
    border: none;
    background: none;
    padding: 0 0.5rem;
  }
  .muted {
    color: var(--_color-text-muted);
  }
`;
