import { csvQuote } from './database.js';

/**
 * Rows as the CSV that `Queryable.copyCsv` takes, one line each: NULL unquoted and empty, every text quoted
 * with `csvQuote` (so '' stays an empty string), an array as PostgreSQL's literal, an object as JSON.
 */
export function csvLines(rows: readonly (readonly unknown[])[]): string {
  let csv = '';
  for (const row of rows) csv += `${row.map(csvValue).join(',')}\n`;
  return csv;
}

function csvValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string') return quoted(value);
  if (value instanceof Date) return quoted(value.toISOString());
  // A PostgreSQL array literal of texts; an object is jsonb.
  if (Array.isArray(value)) return quoted(`{${value.map((item) => `"${String(item).replace(/[\\"]/g, '\\$&')}"`).join(',')}}`);
  return quoted(JSON.stringify(value));
}

function quoted(text: string): string {
  return csvQuote + (text.includes(csvQuote) ? text.replaceAll(csvQuote, csvQuote + csvQuote) : text) + csvQuote;
}
