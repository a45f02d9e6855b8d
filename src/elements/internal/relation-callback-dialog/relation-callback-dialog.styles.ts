import { css } from 'lit';

export const callbackDialogStyles = css`
  h2 {
    margin: 0 0 var(--_space);
    font-size: 1.125em;
  }
  form {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  textarea {
    resize: vertical;
    min-height: 5rem;
  }
  .error {
    color: var(--_color-danger);
  }
  .hint {
    font-size: 0.85em;
    color: var(--_color-text-muted);
  }
`;
