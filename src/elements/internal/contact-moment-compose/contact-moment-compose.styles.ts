import { css } from 'lit';

export const composeStyles = css`
  :host {
    display: block;
  }
  section,
  form {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  textarea {
    resize: vertical;
    min-height: 6rem;
  }
  .agreements {
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .agreement {
    display: grid;
    grid-template-columns: minmax(0, 2fr) minmax(9rem, 1fr) auto;
    align-items: end;
    gap: var(--_space);
  }
  .agreement .checkbox {
    grid-column: 1 / -1;
  }
  @container (max-width: 30rem) {
    .agreement {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .add-agreement {
    align-self: flex-start;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: var(--_space);
  }
  .state {
    margin: 0 auto 0 0;
    color: var(--_color-text-muted);
  }
  .state[data-state='rejected'],
  .state[data-state='conflict'],
  .error {
    color: var(--_color-danger);
  }
`;
