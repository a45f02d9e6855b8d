import { css } from 'lit';

export const logStyles = css`
  :host {
    display: block;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    color: var(--_color-text);
    --_log-height: var(--contact-moment-log-height, 28rem);
    --_row-height: var(--contact-moment-log-row-height, 9.5rem);
  }
  .log {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    container-type: inline-size;
  }
  h2,
  h3 {
    margin: 0;
    font-size: 1.125em;
  }
  h3 {
    font-size: 1em;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .toolbar .filter {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }
  .toolbar input[type='search'] {
    flex: 1 1 10rem;
  }
  contact-moment-compose,
  .reading,
  .agreements {
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    padding: var(--_space);
    background: var(--_color-surface);
  }
  .reading {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    max-height: 60vh;
    overflow: auto;
  }
  .reading .close {
    align-self: flex-end;
  }
  .agreements {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
    max-height: 14rem;
    overflow: auto;
  }
  .count,
  .notice,
  .state {
    margin: 0;
    color: var(--_color-text-muted);
  }
  .body {
    height: var(--_log-height);
    overflow: auto;
    position: relative;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }
  .spacer {
    position: relative;
    margin: 0;
    padding: 0;
  }
  .row {
    position: absolute;
    inset-inline: 0;
    top: 0;
    height: var(--_row-height);
    box-sizing: border-box;
    padding: var(--_space);
    border-bottom: 1px solid var(--_color-border);
    overflow: hidden;
    /* A row's size is its own: laying out or painting one never touches another, nor the list around it. */
    contain: strict;
  }
  .row .entry {
    height: 100%;
  }
`;
