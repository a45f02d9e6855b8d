import { css } from 'lit';

export const createStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    color: var(--_color-text);
  }
  form {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    padding: var(--relation-create-padding, calc(var(--_space) * 2));
    background: var(--relation-create-background, var(--_color-surface));
  }
  h2 {
    margin: 0;
    font-size: 1.125em;
  }
  h3 {
    margin: 0;
    font-size: 1em;
  }
  .kind {
    display: flex;
    gap: var(--_space);
    border: none;
    padding: 0;
    margin: 0;
  }
  .kind legend {
    font-size: 0.875em;
    color: var(--_color-text-muted);
    margin-bottom: 0.25rem;
  }
  .kind label {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
  }
  .duplicates {
    border: 1px solid var(--_color-warning);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .duplicates ul {
    list-style: none;
    margin: calc(var(--_space) / 2) 0 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
  }
  .duplicates li {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space);
    align-items: baseline;
  }
  .meta,
  .reasons {
    color: var(--_color-text-muted);
    font-size: 0.875em;
  }
  button.link {
    background: none;
    border: none;
    padding: 0;
    color: var(--_color-accent);
    text-decoration: underline;
    overflow-wrap: anywhere;
    text-align: start;
  }
  summary {
    cursor: pointer;
    margin-bottom: var(--_space);
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
  }
`;
