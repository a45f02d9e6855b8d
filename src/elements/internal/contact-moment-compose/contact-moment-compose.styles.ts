import { css } from 'lit';

/** On top of the card's form styles (relation-card-details.styles.ts): the body, the agreement rows. */
export const composeStyles = css`
  section {
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
  .error {
    color: var(--_color-danger);
  }
`;
