import { html, render } from 'lit';
import type { Address, Relation } from '../../../contract/index.js';
import { envelopeLines, mailingAddress } from '../../../format/address.js';
import { formatName } from '../../../format/name.js';
import type { Locale } from '../../../i18n/messages.js';

export type SheetLayout = '3x7' | '3x8';
export type LabelAddress = 'postal' | 'invoice';

export interface AddressLabel {
  name: string;
  lines: string[];
}

/** A4 sticker sheets, edge to edge: 3 columns of 70 mm, 7 rows of 42.4 mm or 8 rows of 37.1 mm. */
const sheets: Record<SheetLayout, { rows: number; height: string }> = {
  '3x7': { rows: 7, height: '42.43mm' },
  '3x8': { rows: 8, height: '37.12mm' },
};

/** A relation's sticker, or nothing when it has no address to send post to (see `mailingAddress`). */
export function labelFor(relation: Relation, addresses: readonly Address[] | undefined, use: LabelAddress, locale: Locale): AddressLabel | undefined {
  const address = mailingAddress(addresses, use);
  if (!address) return undefined;
  return { name: formatName(relation, 'addressee'), lines: envelopeLines(address, locale) };
}

function sheetStyles(layout: SheetLayout): string {
  const { rows, height } = sheets[layout];
  return `
    @page { size: A4; margin: 0; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 10pt/1.3 system-ui, sans-serif; color: #000; }
    .sheet { width: 210mm; height: 297mm; margin: 0; padding: 0; list-style: none; display: grid; grid-template-columns: repeat(3, 70mm);
      grid-template-rows: repeat(${rows}, ${height}); break-after: page; overflow: hidden; }
    .sheet:last-child { break-after: auto; }
    .label { padding: 5mm 6mm; overflow: hidden; display: flex; flex-direction: column; justify-content: center; }
    .label p { margin: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    .name { font-weight: 600; }
    @media screen { .sheet { outline: 1px dashed #bbb; margin-bottom: 8mm; } .label { outline: 1px dotted #ddd; } }
  `;
}

/** The sheets as a template, each a list of stickers; names and addresses are rendered as text, never as markup. */
export function sheetsTemplate(labels: readonly AddressLabel[], layout: SheetLayout) {
  const perSheet = sheets[layout].rows * 3;
  const pages: AddressLabel[][] = [];
  for (let i = 0; i < labels.length; i += perSheet) pages.push(labels.slice(i, i + perSheet));
  return html`${pages.map(
    (page) => html`<ul class="sheet">${page.map(
      (label) => html`<li class="label"><p class="name">${label.name}</p>${label.lines.map((line) => html`<p>${line}</p>`)}</li>`,
    )}</ul>`,
  )}`;
}

/**
 * Prints the labels from a hidden frame that holds only them and their print stylesheet, so the host page
 * is untouched. Resolves with the frame, which removes itself after printing.
 */
export function printAddressLabels(labels: readonly AddressLabel[], layout: SheetLayout, title: string): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.title = title;
  frame.setAttribute('aria-hidden', 'true');
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
  document.body.append(frame);
  const doc = frame.contentDocument!;
  doc.title = title;
  const style = doc.createElement('style');
  style.textContent = sheetStyles(layout);
  doc.head.append(style);
  render(sheetsTemplate(labels, layout), doc.body);
  const win = frame.contentWindow!;
  win.addEventListener('afterprint', () => frame.remove(), { once: true });
  win.focus();
  win.print();
  return frame;
}
