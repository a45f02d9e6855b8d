import { css } from 'lit';

export const relationPickerStyles = css`
  :host {
    display: inline-block;
    min-width: 16rem;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    color: var(--_color-text);
    --relation-picker-list-height: 16rem;
  }
  :host([hidden]) {
    display: none;
  }
  .field {
    position: relative;
    display: flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }
  input {
    flex: 1;
    min-width: 0;
  }
  input:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .number {
    color: var(--_color-text-muted);
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  [role='listbox'] {
    position: absolute;
    z-index: 10;
    top: calc(100% + 2px);
    left: 0;
    right: 0;
    margin: 0;
    padding: 2px 0;
    list-style: none;
    max-height: var(--relation-picker-list-height);
    overflow-y: auto;
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
  }
  [role='listbox'][hidden] {
    display: none;
  }
  [role='option'] {
    display: flex;
    justify-content: space-between;
    gap: var(--_space);
    padding: 0.25rem calc(var(--_space) / 2);
    cursor: pointer;
  }
  [role='option']:hover {
    background: var(--_color-surface-alt);
  }
  [role='option'][aria-selected='true'] {
    background: var(--_color-selected);
    outline: 2px solid var(--_color-focus);
    outline-offset: -2px;
  }
  .name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .meta {
    display: flex;
    gap: var(--_space);
    color: var(--_color-text-muted);
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
`;
