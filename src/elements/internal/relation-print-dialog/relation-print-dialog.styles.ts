import { css } from 'lit';

export const printDialogStyles = css`
  :host {
    display: contents;
  }
  .left-out {
    color: var(--_color-warning);
  }
`;
