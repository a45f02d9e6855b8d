import { css } from 'lit';

export const labelFilterStyles = css`
  :host {
    display: block;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    color: var(--_color-text);
    --label-filter-swatch-size: 0.75rem;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 0 calc(var(--_space) / 2);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 2px;
  }
  li,
  .row {
    display: flex;
    align-items: center;
    gap: var(--_space);
    min-height: 1.75rem;
  }
  li.managed {
    display: block;
  }
  label {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
    flex: 1;
    cursor: pointer;
    min-width: 0;
  }
  .swatch {
    width: var(--label-filter-swatch-size);
    height: var(--label-filter-swatch-size);
    border-radius: 50%;
    flex: none;
    border: 1px solid var(--_color-border);
  }
  .name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .count {
    color: var(--_color-text-muted);
    font-variant-numeric: tabular-nums;
  }
  .mode {
    display: flex;
    gap: var(--_space);
    margin-top: var(--_space);
    flex-wrap: wrap;
  }
  input[type='text'] {
    flex: 1;
  }
  input[type='color'] {
    width: 2rem;
    height: 1.5rem;
    padding: 0;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }
  .manage {
    margin-top: var(--_space);
    display: grid;
    gap: var(--_space);
  }
  .error {
    color: var(--_color-danger);
    margin: 0;
    font-size: 0.85em;
  }
`;
