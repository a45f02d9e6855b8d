import { css } from 'lit';

export const cardStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    color: var(--_color-text);
    background: var(--relation-card-background, var(--_color-surface));
  }
  :host([hidden]) {
    display: none;
  }
  .card {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 2);
    padding: var(--relation-card-padding, calc(var(--_space) * 2));
  }
  .tabs {
    display: flex;
    gap: 0.125rem;
    border-bottom: 1px solid var(--_color-border);
    overflow-x: auto;
    scrollbar-width: thin;
  }
  .tabs [role='tab'] {
    border: none;
    border-bottom: 2px solid transparent;
    border-radius: 0;
    background: none;
    white-space: nowrap;
    padding: calc(var(--_space) / 2) var(--_space);
  }
  .tabs [role='tab'][aria-selected='true'] {
    border-bottom-color: var(--_color-accent);
    color: var(--_color-accent);
  }
  nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    list-style: none;
    margin: 0;
    padding: 0;
  }
  nav a {
    color: var(--_color-accent);
  }
  section {
    scroll-margin-top: var(--_space);
  }
  section h3 {
    font-size: 1em;
    margin: 0 0 var(--_space);
    padding-bottom: calc(var(--_space) / 2);
    border-bottom: 1px solid var(--_color-border);
  }
  .state,
  .notice {
    padding: var(--_space);
    margin: 0;
  }
  .notice {
    color: var(--_color-warning);
  }
  @container (max-width: 30rem) {
    .card {
      padding: var(--_space);
    }
  }
`;
