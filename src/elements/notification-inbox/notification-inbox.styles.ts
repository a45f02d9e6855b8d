import { css } from 'lit';

export const inboxStyles = css`
  :host {
    display: inline-block;
    position: relative;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    color: var(--_color-text);
    --_inbox-width: var(--notification-inbox-width, 24rem);
    --_inbox-max-height: var(--notification-inbox-max-height, 28rem);
    --_badge-color: var(--notification-inbox-badge-color, var(--_color-danger));
  }
  .bell {
    position: relative;
    display: inline-flex;
    align-items: center;
    padding: 0.3rem 0.45rem;
  }
  .badge {
    position: absolute;
    top: -0.4rem;
    inset-inline-end: -0.5rem;
    min-width: 1.2rem;
    padding: 0 0.25rem;
    border-radius: 0.6rem;
    background: var(--_badge-color);
    color: var(--_color-surface);
    font-size: 0.75em;
    font-weight: 600;
    line-height: 1.2rem;
    text-align: center;
  }
  .panel {
    position: absolute;
    z-index: 3;
    inset-inline-end: 0;
    margin-top: 0.25rem;
    width: min(var(--_inbox-width), 90vw);
    max-height: var(--_inbox-max-height);
    overflow: auto;
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
    padding: var(--_space);
  }
  .head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    margin-bottom: var(--_space);
  }
  h2 {
    margin: 0;
    font-size: 1em;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 2px;
  }
  .item {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 2px var(--_space);
    padding: calc(var(--_space) / 2);
    border-radius: var(--_radius);
  }
  .item[data-unread] {
    background: var(--_color-selected);
  }
  .open {
    justify-self: start;
    text-align: start;
    border: 0;
    background: none;
    padding: 0;
    font-weight: 600;
    color: var(--_color-accent);
    text-decoration: underline;
  }
  .marker {
    font-size: 0.85em;
    font-weight: 600;
  }
  .body {
    grid-column: 1 / -1;
    margin: 0;
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  time {
    color: var(--_color-text-muted);
    font-size: 0.85em;
  }
  .read {
    font-size: 0.85em;
  }
  .state {
    margin: 0 0 var(--_space);
    color: var(--_color-text-muted);
  }
  .error {
    color: var(--_color-danger);
  }
`;
