import { css } from 'lit';

export const bulkLabelsStyles = css`
  :host {
    display: inline-flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }
`;
