import { css } from 'lit';

export const detailsStyles = css`
  :host {
    display: block;
  }
  form {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
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
  .state[data-state='conflict'] {
    color: var(--_color-danger);
  }
  .state[data-state='saved'] {
    color: var(--_color-success);
  }
  .draft,
  relation-conflict {
    margin-bottom: var(--_space);
  }
`;
