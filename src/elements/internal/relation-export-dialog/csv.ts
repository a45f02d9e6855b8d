import type { Address, Label } from '../../../contract/index.js';
import type { ListedRelation } from '../../../store/index.js';
import { addressFields, mailingAddress } from '../../../format/address.js';
import { messagesFor } from '../../../i18n/catalogue.js';
import type { Locale } from '../../../i18n/messages.js';
import { nextTask } from '../../../sdk/next-task.js';
import { cellText, columnLabel, type ColumnKey } from '../../relation-overview/columns.js';
import { Utf8Writer } from './utf8-writer.js';

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
 * The relations as CSV (RFC 4180, CRLF line ends), in one pass: each cell is made, neutralised, quoted when
 * it must be and written as UTF-8 bytes (`Utf8Writer`), a Blob per chunk, with a pause between
 * chunks so that the page stays responsive and a progress bar can follow 100,000 rows. Quoting follows
 * what spreadsheets and papaparse do: a cell with the separator, a quote, a line break or a byte order mark,
 * or with a space at either end, is quoted, and its quotes doubled.
 */
export async function relationsToCsv(relations: readonly ListedRelation[], options: CsvOptions): Promise<Blob> {
  const { labels, separator, columns } = options;
  const messages = messagesFor(options.locale);
  const mustQuote = separator === ';' ? /[";\r\n\uFEFF]|^ | $/ : /[",\r\n\uFEFF]|^ | $/;
  const cell = (value: string): string => {
    // Most cells neither start like a formula nor need quotes: one character and one test decide that.
    const first = value.charCodeAt(0);
    const risky = first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13 || first === 32;
    if (!risky && !mustQuote.test(value)) return value;
    const safe = neutralizeFormula(value);
    return mustQuote.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  const header = columns.map((key) => columnLabel(key, messages));
  if (options.withAddress) header.push(...messages.exporting.addressHeaders);
  // Numbers never need quotes nor start like a formula: their cells are taken as they are.
  const plain = columns.map((key) => key === 'number' || key === 'debtorNumber' || key === 'creditorNumber');
  const sep = separator.charCodeAt(0);
  const out = new Utf8Writer();
  const lineEnd = () => {
    out.ascii(13);
    out.ascii(10);
  };
  if (options.bom) out.write('\uFEFF');
  header.forEach((name, c) => {
    if (c) out.ascii(sep);
    out.write(cell(name));
  });
  lineEnd();
  for (let start = 0; start < relations.length; start += chunkSize) {
    if (options.signal?.aborted) throw new DOMException('Export cancelled', 'AbortError');
    const end = Math.min(start + chunkSize, relations.length);
    for (let i = start; i < end; i++) {
      const relation = relations[i]!;
      for (let c = 0; c < columns.length; c++) {
        if (c) out.ascii(sep);
        const text = cellText(columns[c]!, relation, labels, messages);
        out.write(plain[c] ? text : cell(text));
      }
      if (options.withAddress) {
        for (const field of addressFields(mailingAddress(options.addresses?.get(relation.id)), options.locale)) {
          out.ascii(sep);
          out.write(cell(field));
        }
      }
      lineEnd();
    }
    // Each chunk's bytes copied into a Blob in its own task.
    out.flush();
    options.onProgress?.(end, relations.length);
    await nextTask();
  }
  return out.blob('text/csv;charset=utf-8');
}
