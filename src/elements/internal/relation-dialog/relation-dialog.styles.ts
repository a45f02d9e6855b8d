import { css } from 'lit';

export const dialogStyles = css`
  :host {
    display: contents;
  }
  dialog {
    min-width: 20rem;
    max-width: min(32rem, 90vw);
    font-family: var(--_font-family);
    font-size: var(--_font-size);
  }
`;

/** For the content an element slots into its `<relation-dialog>`: fieldsets, legends, the row of buttons. */
export const dialogContentStyles = css`
  relation-dialog fieldset {
    border: 0;
    padding: 0;
    margin: 0 0 var(--_space);
    display: grid;
    gap: 2px;
  }
  relation-dialog legend {
    font-weight: 600;
    padding-bottom: 2px;
  }
  relation-dialog p {
    margin: 0 0 var(--_space);
  }
  relation-dialog progress {
    width: 100%;
  }
  relation-dialog .buttons {
    display: flex;
    justify-content: flex-end;
    gap: var(--_space);
    margin-top: var(--_space);
  }
`;
