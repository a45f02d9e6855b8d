import { css } from 'lit';

export const callbackListStyles = css`
  :host {
    display: block;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    color: var(--_color-text);
    --_overdue-color: var(--callback-list-overdue-color, var(--_color-danger));
  }
  .callbacks {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  h2,
  h3 {
    margin: 0;
    font-size: 1.125em;
  }
  h3 {
    font-size: 1em;
  }
  .filter {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  .filter [aria-pressed='true'] {
    background: var(--_color-accent);
    border-color: var(--_color-accent);
    color: var(--_color-on-accent);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .item {
    display: flex;
    flex-direction: column;
    gap: 2px;
    align-items: flex-start;
    padding: var(--_space);
    border: 1px solid var(--_color-border);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
  }
  .item[data-overdue] {
    border-inline-start-color: var(--_overdue-color);
  }
  .item[data-done] {
    color: var(--_color-text-muted);
  }
  .item p {
    margin: 0;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_space);
  }
  .relation {
    border: 0;
    background: none;
    padding: 0;
    font: inherit;
    font-weight: 600;
    color: var(--_color-accent);
    text-decoration: underline;
    text-align: start;
  }
  .marker {
    font-size: 0.85em;
    font-weight: 600;
  }
  .overdue {
    color: var(--_overdue-color);
  }
  .message {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .meta {
    color: var(--_color-text-muted);
    font-size: 0.9em;
  }
  .status {
    margin-top: calc(var(--_space) / 2);
  }
  .state {
    margin: 0;
    color: var(--_color-text-muted);
  }
  .problem {
    color: var(--_color-danger);
  }
`;
