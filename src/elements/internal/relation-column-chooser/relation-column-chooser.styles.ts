import { css } from 'lit';

export const columnChooserStyles = css`
  :host {
    display: inline-block;
    position: relative;
  }
  .popover {
    position: absolute;
    z-index: 2;
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
    padding: var(--_space);
    display: grid;
    gap: 2px;
  }
  .column {
    display: flex;
    gap: calc(var(--_space) / 2);
    align-items: center;
    white-space: nowrap;
  }
  .column label {
    flex: 1;
  }
  .column button {
    padding: 0 0.4em;
  }
`;
