import { css } from 'lit';

export const preferencesStyles = css`
  :host {
    display: block;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    color: var(--_color-text);
  }
  form {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  fieldset[part='module'] {
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 calc(var(--_space) / 2);
  }
  .actions {
    display: flex;
    gap: var(--_space);
  }
  .note,
  .status {
    margin: 0;
    color: var(--_color-text-muted);
  }
  .status:empty {
    display: none;
  }
  .status[data-state='rejected'],
  .status[data-state='conflict'],
  .note.error {
    color: var(--_color-danger);
  }
  .status button,
  .note button {
    margin-inline-start: calc(var(--_space) / 2);
  }
`;
