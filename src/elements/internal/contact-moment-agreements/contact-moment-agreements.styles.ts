import { css } from 'lit';

export const agreementsStyles = css`
  :host {
    display: block;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  li {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 var(--_space);
    min-width: 0;
  }
  label {
    display: inline-flex;
    align-items: baseline;
    gap: calc(var(--_space) / 2);
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .text {
    unicode-bidi: isolate;
  }
  .due,
  .from {
    color: var(--_color-text-muted);
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }
  .overdue {
    color: var(--_color-danger);
    font-size: 0.875em;
  }
  li[data-overdue] .due {
    color: var(--_color-danger);
  }
`;
