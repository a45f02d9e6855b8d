import { css } from 'lit';

export const peopleStyles = css`
  :host {
    display: block;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    color: var(--_color-text);
  }
  h3 {
    margin: 0 0 var(--_space);
    font-size: 1em;
  }
  .links {
    list-style: none;
    margin: 0 0 var(--_space);
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .link {
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .summary {
    display: grid;
    grid-template-columns: minmax(10rem, 1fr) 2fr auto;
    gap: var(--_space);
    align-items: start;
  }
  @container (max-width: 30rem) {
    .summary {
      grid-template-columns: 1fr;
    }
  }
  .who {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }
  button.name {
    background: none;
    border: 0;
    padding: 0;
    color: var(--_color-accent);
    text-decoration: underline;
    font-weight: 600;
    text-align: start;
  }
  .primary {
    font-size: 0.8em;
    padding: 0 0.4em;
    border-radius: 999px;
    background: var(--_color-selected);
  }
  dl {
    margin: 0;
    display: grid;
    gap: 0.125rem;
  }
  dl div {
    display: flex;
    gap: calc(var(--_space) / 2);
    min-width: 0;
  }
  dt {
    color: var(--_color-text-muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  a {
    color: var(--_color-accent);
  }
  .actions,
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  .buttons {
    justify-content: flex-end;
    margin-top: var(--_space);
  }
  fieldset {
    border: 0;
    margin: var(--_space) 0 0;
    padding: 0;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 0 calc(var(--_space) / 2);
  }
  .state {
    margin: calc(var(--_space) / 2) 0 0;
    color: var(--_color-text-muted);
  }
  .state:empty {
    display: none;
  }
  .state[data-state='rejected'],
  .state[data-state='conflict'] {
    color: var(--_color-danger);
  }
  .add {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: start;
  }
  .add form {
    flex-basis: 100%;
  }
`;
