import { css } from 'lit';

export const documentsStyles = css`
  :host {
    display: block;
    container: documents / inline-size;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    color: var(--_color-text);
  }
  section {
    margin-block-end: calc(var(--_space) * 2);
  }
  h3 {
    font-size: 1em;
    margin: 0 0 calc(var(--_space) / 2);
  }
  .scroll {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    padding: calc(var(--_space) / 2);
    border-block-end: 1px solid var(--_color-border);
    vertical-align: baseline;
  }
  th {
    font-weight: 600;
    color: var(--_color-text-muted);
  }
  .amount {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .date {
    white-space: nowrap;
  }
  button.link {
    background: none;
    border: none;
    padding: 0;
    color: var(--_color-accent);
    text-decoration: underline;
    cursor: pointer;
    font-variant-numeric: tabular-nums;
  }
  .note {
    margin: 0;
    color: var(--_color-text-muted);
  }
  .note.error {
    color: var(--_color-danger);
  }
  .more {
    margin-block-start: calc(var(--_space) / 2);
  }
  /*
   * In a narrow side panel each document is a small block: number and amount, the title under them, then
   * date and status. The explicit roles in the markup keep it a table for screen readers.
   */
  @container documents (max-width: 30rem) {
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    table,
    tbody,
    td {
      display: block;
    }
    tr {
      display: grid;
      grid-template-columns: 1fr auto;
      grid-template-areas: 'number amount' 'title title' 'date status';
      gap: 0 var(--_space);
      padding-block: calc(var(--_space) / 2);
      border-block-end: 1px solid var(--_color-border);
    }
    td {
      border: none;
      padding: 0;
      overflow-wrap: anywhere;
    }
    td.number {
      grid-area: number;
    }
    td.amount {
      grid-area: amount;
    }
    td.title {
      grid-area: title;
    }
    td.date {
      grid-area: date;
      color: var(--_color-text-muted);
    }
    td.status {
      grid-area: status;
      text-align: end;
      color: var(--_color-text-muted);
    }
  }
`;
