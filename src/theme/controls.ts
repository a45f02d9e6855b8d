import { css } from 'lit';

/** The look of native controls inside every element: buttons, selects, text fields, dialogs, focus. */
export const controlStyles = css`
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button,
  select {
    background: var(--_color-surface-alt);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    padding: 0.25rem var(--_space);
    cursor: pointer;
  }
  button.primary {
    background: var(--_color-accent);
    color: var(--_color-on-accent);
    border-color: var(--_color-accent);
  }
  button.danger {
    color: var(--_color-danger);
  }
  input[type='text'],
  input[type='search'],
  input[type='email'],
  input[type='tel'],
  input[type='url'],
  input[type='number'],
  textarea {
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    padding: 0.25rem calc(var(--_space) / 2);
    min-width: 0;
  }
  /* Read by screen readers, not shown: live announcements and labels that the layout makes visible otherwise. */
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  :focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 1px;
  }
  dialog {
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
    box-shadow: var(--_shadow);
  }
  dialog .buttons {
    display: flex;
    justify-content: flex-end;
    gap: var(--_space);
    margin-top: var(--_space);
  }
`;
