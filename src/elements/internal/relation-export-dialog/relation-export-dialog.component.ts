import { download } from '../../../core/download.js';
import { html, LitElement, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Address, Label } from '../../../contract/index.js';
import { LocaleController } from '../../../i18n/locale-controller.js';
import type { ListedRelation, RelationsStore } from '../../../store/index.js';
import { controlStyles } from '../../../theme/controls.js';
import { tokenStyles } from '../../../theme/tokens.js';
import { columnKeys, columnLabel, type ColumnKey } from '../../relation-overview/columns.js';
import { dialogContentStyles } from '../relation-dialog/relation-dialog.styles.js';
import '../relation-dialog/relation-dialog.js';
import type { RelationDialog } from '../relation-dialog/relation-dialog.component.js';
import { relationsToCsv } from './csv.js';
import { exportDialogStyles } from './relation-export-dialog.styles.js';

/**
 * The export of relations to a CSV download: columns, address, separator, progress. Open while it is in
 * the DOM; fires `close` when done or cancelled.
 *
 * @internal
 * @tagname relation-export-dialog
 */
export class RelationExportDialog extends LitElement {
  static override styles = [tokenStyles, controlStyles, dialogContentStyles, exportDialogStyles];

  private readonly i18n = new LocaleController(this);

  @query('relation-dialog') private frame!: RelationDialog;

  @state() private progress: { done: number; total: number } | undefined;

  /** The store to read addresses from. */
  @property({ attribute: false }) store: RelationsStore | undefined;

  /** How many relations the export will hold, shown before it runs. */
  @property({ type: Number }) count = 0;

  /** The relations to export, read only when the user starts (they may be 100,000). */
  @property({ attribute: false }) targets: () => readonly ListedRelation[] = () => [];

  /** The columns ticked at first: those the list shows. */
  @property({ attribute: false }) columns: readonly ColumnKey[] = [];

  @property({ attribute: false }) labels: ReadonlyMap<string, Label> = new Map();

  /** What the export will hold, read as the dialog opens: the user's reading time hides the address reads. */
  private prepared: { relations: readonly ListedRelation[]; addresses: Promise<Map<string, Address[]> | undefined> } | undefined;

  protected override firstUpdated(): void {
    this.prepare();
  }

  private prepare() {
    if (this.prepared) return this.prepared;
    const relations = this.targets();
    const addresses = this.store ? this.store.addressesFor(relations.map((r) => r.id)) : Promise.resolve(undefined);
    // A failed read shows when the export runs; until then it is nobody's error.
    addresses.catch(() => undefined);
    return (this.prepared = { relations, addresses });
  }

  private onClose(): void {
    this.progress = undefined;
    this.dispatchEvent(new Event('close'));
  }

  private async run(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const { relations, addresses } = this.prepare();
    const withAddress = form.get('address') === 'on';
    this.progress = { done: 0, total: relations.length };
    const locale = this.i18n.locale;
    const byRelation = withAddress ? await addresses : undefined;
    const blob = await relationsToCsv(relations, {
      columns: columnKeys.filter((key) => form.getAll('column').includes(key)),
      withAddress,
      separator: form.get('separator') === ',' ? ',' : ';',
      bom: form.get('bom') === 'on',
      locale,
      labels: this.labels,
      ...(byRelation ? { addresses: byRelation } : {}),
      onProgress: (done, total) => (this.progress = { done, total }),
    });
    download(blob, this.i18n.messages.exporting.fileName(new Date().toISOString().slice(0, 10)));
    this.frame.close();
  }

  protected override render() {
    const m = this.i18n.messages;
    return html`<relation-dialog open label=${m.exporting.title} @close=${this.onClose}>
      <form @submit=${this.run}>
        <p>${m.relations.count(this.count)}</p>
        <fieldset>
          <legend>${m.exporting.columns}</legend>
          ${columnKeys.map((key) => html`<label><input type="checkbox" name="column" value=${key} ?checked=${this.columns.includes(key)} /> ${columnLabel(key, m)}</label>`)}
          <label><input type="checkbox" name="address" checked /> ${m.exporting.withAddress}</label>
        </fieldset>
        <fieldset>
          <legend>${m.exporting.separator}</legend>
          <label><input type="radio" name="separator" value=";" checked /> ${m.exporting.semicolon}</label>
          <label><input type="radio" name="separator" value="," /> ${m.exporting.comma}</label>
          <label><input type="checkbox" name="bom" checked /> ${m.exporting.bom}</label>
        </fieldset>
        ${this.progress
          ? html`<progress max=${this.progress.total} value=${this.progress.done} aria-label=${m.exporting.progress(this.progress.done, this.progress.total)}></progress>`
          : nothing}
        <div class="buttons">
          <button type="button" @click=${() => this.frame.close()}>${m.common.cancel}</button>
          <button type="submit" class="primary" ?disabled=${!!this.progress}>${m.exporting.start}</button>
        </div>
      </form>
    </relation-dialog>`;
  }
}
