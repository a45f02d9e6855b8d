import type { Address, Label, Relation } from '../../../contract/index.js';
import { addressFields, mailingAddress } from '../../../format/address.js';
import { messagesFor } from '../../../i18n/catalogue.js';
import type { Locale } from '../../../i18n/messages.js';
import { cellText, columnLabel, type ColumnKey } from '../../relation-overview/columns.js';

/**
 * A cell that a spreadsheet would evaluate (it starts with = + - @, a tab or a carriage return, also after
 * leading spaces, and in any line of a multi-line cell) gets a leading apostrophe on each such line, so that
 * exported data is shown as text and never run as a formula.
 */
export function neutralizeFormula(value: string): string {
  // Fast path: a cell that does not start with a trigger or a blank, and has one line, is safe as it is.
  const first = value.charCodeAt(0);
  const risky = first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13 || first === 32;
  if (!risky && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) return value;
  return value.replace(/(^|\r\n|\n|\r)([ \t]*[=+\-@\t\r])/g, "$1'$2");
}

export interface CsvOptions {
  columns: readonly ColumnKey[];
  /** Also export the mailing address (street and number, or PO box; postcode; city; country). */
  withAddress: boolean;
  /** `;` opens in Excel with Dutch regional settings; `,` elsewhere. */
  separator: ';' | ',';
  /** A UTF-8 byte order mark makes Excel read accents right. */
  bom: boolean;
  /** The language of the header, the PO box and the country names. */
  locale: Locale;
  labels: ReadonlyMap<string, Label>;
  addresses?: ReadonlyMap<string, Address[]>;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Rows built between two pauses: small enough to keep the page responsive, large enough to be fast. */
const chunkSize = 10000;

/**
 * The relations as CSV (RFC 4180, CRLF line ends), built in chunks with a pause between them so that the
 * page stays responsive and a progress bar can follow 100,000 rows. Papaparse is loaded only now.
 */
export async function relationsToCsv(relations: readonly Relation[], options: CsvOptions): Promise<Blob> {
  const { unparse } = (await import('papaparse')).default;
  const { labels } = options;
  const messages = messagesFor(options.locale);
  const header = options.columns.map((key) => columnLabel(key, messages));
  if (options.withAddress) header.push(...messages.exporting.addressHeaders);
  const parts: BlobPart[] = options.bom ? ['\uFEFF'] : [];
  const config = { delimiter: options.separator, newline: '\r\n', quotes: false, escapeFormulae: false };
  parts.push(unparse([header.map(neutralizeFormula)], config));
  for (let start = 0; start < relations.length; start += chunkSize) {
    if (options.signal?.aborted) throw new DOMException('Export cancelled', 'AbortError');
    const rows = relations.slice(start, start + chunkSize).map((relation) => {
      const cells = options.columns.map((key) => cellText(key, relation, labels, messages));
      if (options.withAddress) cells.push(...addressFields(mailingAddress(options.addresses?.get(relation.id)), options.locale));
      return cells.map(neutralizeFormula);
    });
    parts.push('\r\n', unparse(rows, config));
    options.onProgress?.(Math.min(start + chunkSize, relations.length), relations.length);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  parts.push('\r\n');
  return new Blob(parts, { type: 'text/csv;charset=utf-8' });
}
