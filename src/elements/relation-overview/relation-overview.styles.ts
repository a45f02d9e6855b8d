import { css } from 'lit';

export const overviewStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 20rem;
    height: 100%;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    color: var(--_color-text);
    background: var(--relation-overview-background, var(--_color-surface));
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    overflow: hidden;
    --relation-overview-row-height: var(--_row-height);
    --_row: var(--relation-overview-row-height);
  }
  [role='tablist'] {
    display: flex;
    gap: 2px;
    padding: var(--_space) var(--_space) 0;
    border-bottom: 1px solid var(--_color-border);
  }
  [role='tab'] {
    border: 0;
    border-bottom: 3px solid transparent;
    border-radius: 0;
    background: none;
    padding: var(--_space) calc(var(--_space) * 2);
  }
  [role='tab'][aria-selected='true'] {
    border-bottom-color: var(--_color-accent);
    font-weight: 600;
  }
  .panel {
    display: flex;
    flex-direction: column;
    flex: 1;
    min-height: 0;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    padding: var(--_space);
    border-bottom: 1px solid var(--_color-border);
  }
  .toolbar input[type='search'] {
    flex: 1 1 16rem;
    min-width: 10rem;
  }
  .count {
    color: var(--_color-text-muted);
    margin-left: auto;
    font-variant-numeric: tabular-nums;
  }
  .bulk {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    padding: calc(var(--_space) / 2) var(--_space);
    background: var(--_color-selected);
    border-bottom: 1px solid var(--_color-border);
  }
  .main {
    display: flex;
    flex: 1;
    min-height: 0;
  }
  .side {
    flex: none;
    width: 14rem;
    padding: var(--_space);
    border-right: 1px solid var(--_color-border);
    overflow: auto;
  }
  .list {
    flex: 1;
    display: flex;
    flex-direction: column;
    min-width: 0;
    position: relative;
  }
  .grid {
    flex: 1;
    display: flex;
    flex-direction: column;
    min-height: 0;
    outline: none;
  }
  .list > .state,
  .list > .loading {
    position: absolute;
    left: 0;
    right: 0;
    bottom: 0;
    top: calc(var(--_row) + 1px);
    background: var(--relation-overview-background, var(--_color-surface));
  }
  .progress {
    padding: var(--_space);
    text-align: center;
    color: var(--_color-text-muted);
  }
  .grid:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: -2px;
  }
  .head,
  .row {
    display: grid;
    grid-template-columns: var(--_columns);
    align-items: center;
    height: var(--_row);
    padding-right: 1rem;
  }
  .head {
    background: var(--_color-surface-alt);
    border-bottom: 1px solid var(--_color-border);
    font-weight: 600;
  }
  .head button {
    background: none;
    border: 0;
    padding: 0;
    font-weight: 600;
    text-align: left;
    width: 100%;
  }
  .body {
    flex: 1;
    overflow: auto;
    position: relative;
    contain: strict;
  }
  .spacer {
    position: relative;
  }
  .row {
    position: absolute;
    left: 0;
    right: 0;
    top: 0;
    border-bottom: 1px solid var(--_color-border);
    cursor: default;
  }
  .row[aria-selected='true'] {
    background: var(--_color-selected);
  }
  .row.active {
    box-shadow: inset 3px 0 0 var(--_color-accent);
  }
  .cell {
    padding: 0 var(--_space);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .cell.number {
    font-variant-numeric: tabular-nums;
    color: var(--_color-text-muted);
  }
  .cell button.open {
    background: none;
    border: 0;
    padding: 0;
    color: var(--_color-accent);
    text-align: left;
    max-width: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .chip {
    display: inline-block;
    padding: 0 0.4em;
    margin-right: 0.25em;
    border-radius: 999px;
    font-size: 0.8em;
    border: 1px solid var(--_color-border);
    border-left: 0.6em solid var(--_chip);
  }
  .notice {
    padding: calc(var(--_space) / 2) var(--_space);
    background: var(--_color-surface-alt);
    color: var(--_color-warning);
    border-bottom: 1px solid var(--_color-border);
  }
  .state {
    padding: calc(var(--_space) * 3);
    text-align: center;
    color: var(--_color-text-muted);
  }
  .state.error {
    color: var(--_color-danger);
  }
  .skeleton {
    height: calc(var(--_row) - 12px);
    margin: 6px var(--_space);
    border-radius: var(--_radius);
    background: linear-gradient(90deg, var(--_color-surface-alt), var(--_color-border), var(--_color-surface-alt));
    background-size: 200% 100%;
    animation: shimmer 1.2s infinite linear;
  }
  @keyframes shimmer {
    to {
      background-position: -200% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
  progress {
    width: 100%;
  }
`;
