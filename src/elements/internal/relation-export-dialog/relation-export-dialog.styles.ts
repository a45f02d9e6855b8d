import { css } from 'lit';

export const exportDialogStyles = css`
  :host {
    display: contents;
  }
`;
