import { css } from 'lit';

/** The look of labelled fields in a form: label above, error below, two columns where there is room. */
export const fieldStyles = css`
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
    gap: var(--_space);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.125rem;
    min-width: 0;
  }
  .field.checkbox {
    flex-direction: row;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }
  .field label {
    font-size: 0.875em;
    color: var(--_color-text-muted);
  }
  .field input:not([type='checkbox']),
  .field select {
    width: 100%;
    box-sizing: border-box;
  }
  fieldset.field {
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    flex-direction: row;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  fieldset.field label {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    color: inherit;
    font-size: inherit;
  }
  .field[data-invalid] input,
  .field[data-invalid] select {
    border-color: var(--_color-danger);
  }
  .error {
    color: var(--_color-danger);
    font-size: 0.875em;
  }
  .hint {
    color: var(--_color-text-muted);
    font-size: 0.8125em;
  }
  .draft {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_color-accent);
    border-radius: var(--_radius);
  }
  .draft p {
    margin: 0 auto 0 0;
  }
`;
