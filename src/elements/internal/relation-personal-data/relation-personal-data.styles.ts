import { css } from 'lit';

export const personalDataStyles = css`
  :host {
    display: contents;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  .status:empty {
    display: none;
  }
  .status.error,
  .error,
  .field-error {
    color: var(--_color-danger);
  }
  form {
    display: grid;
    gap: calc(var(--_space) / 2);
    max-width: 32rem;
  }
  h2 {
    font-size: 1.1em;
    margin: 0;
  }
  .field-error:empty {
    display: none;
  }
`;
