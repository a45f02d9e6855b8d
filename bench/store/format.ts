/** Small helpers of the store benchmark: medians and tables (kept here so this suite stands on its own). */

export function median(values: readonly number[]): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export const min = (values: readonly number[]): number => (values.length ? Math.min(...values) : Number.NaN);
export const max = (values: readonly number[]): number => (values.length ? Math.max(...values) : Number.NaN);

/** Milliseconds: one decimal below 100, whole numbers up to 10 s, seconds with two decimals above. */
export function duration(value: number): string {
  if (!Number.isFinite(value)) return '-';
  if (value >= 10_000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 100) return `${Math.round(value).toLocaleString('en-US')} ms`;
  return `${value.toFixed(1)} ms`;
}

export function ratio(value: number, base: number): string {
  if (!Number.isFinite(value) || !Number.isFinite(base) || base === 0) return '-';
  return `${(value / base).toFixed(2)}x`;
}

export function bytes(value: number): string {
  if (!Number.isFinite(value)) return '-';
  if (value >= 1024 * 1024) return `${(value / 1024 / 1024).toFixed(1)} MiB`;
  if (value >= 10 * 1024) return `${(value / 1024).toFixed(1)} kB`;
  return `${Math.round(value).toLocaleString('en-US')} B`;
}

export const count = (value: number): string => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '-');

/** `median [min–max]` of a series, or only the value when there is one. */
export function spread(values: readonly number[]): string {
  if (values.length <= 1) return duration(values[0] ?? Number.NaN);
  return `${duration(median(values))} [${duration(min(values))}–${duration(max(values))}]`;
}

export interface Table {
  header: readonly string[];
  rows: readonly (readonly string[])[];
  /** Columns to right-align (numbers). */
  right: readonly boolean[];
}

export function markdown({ header, rows, right }: Table): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(right.map((r) => (r ? '---:' : '---'))), ...rows.map(line)].join('\n');
}

export function text({ header, rows, right }: Table): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, i) => (right[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
