import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Address, Relation } from '../../../contract/index.js';
import { LocaleController } from '../../../i18n/locale-controller.js';
import type { ListedRelation, RelationsStore } from '../../../store/index.js';
import { controlStyles } from '../../../theme/controls.js';
import { tokenStyles } from '../../../theme/tokens.js';
import { dialogContentStyles } from '../relation-dialog/relation-dialog.styles.js';
import '../relation-dialog/relation-dialog.js';
import type { RelationDialog } from '../relation-dialog/relation-dialog.component.js';
import { labelFor, printAddressLabels, type AddressLabel, type LabelAddress, type SheetLayout } from './address-sheets.js';
import { printDialogStyles } from './relation-print-dialog.styles.js';

/**
 * Address labels on A4 sticker sheets for the given relations. Says before and after printing how many
 * relations get no sticker for want of an address. Open while it is in the DOM; fires `close`.
 *
 * @internal
 * @tagname relation-print-dialog
 */
export class RelationPrintDialog extends LitElement {
  static override styles = [tokenStyles, controlStyles, dialogContentStyles, printDialogStyles];

  private readonly i18n = new LocaleController(this);

  @query('relation-dialog') private frame!: RelationDialog;

  @state() private use: LabelAddress = 'postal';
  @state() private addresses: Map<string, Address[]> | undefined;
  /** The stickers for the chosen address, and how many relations get none: computed once per choice. */
  @state() private sheet: { labels: AddressLabel[]; leftOut: number } | undefined;
  /** After printing: how many stickers went out and how many relations were left out. */
  @state() private printed: { labels: number; leftOut: number } | undefined;
  /** The relations as they were when the dialog opened: what the counts and the sheets are about. */
  private relations: readonly Relation[] = [];

  /** The store to read addresses from. */
  @property({ attribute: false }) store: RelationsStore | undefined;

  /** The relations to print labels for, as a list has them: each is read whole for its addressee. */
  @property({ attribute: false }) targets: () => readonly ListedRelation[] = () => [];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadAddresses();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!this.addresses || !(changed.has('addresses') || changed.has('use'))) return;
    const { addresses, use } = this;
    const labels = this.relations.flatMap((relation) => labelFor(relation, addresses.get(relation.id), use, this.i18n.locale) ?? []);
    this.sheet = { labels, leftOut: this.relations.length - labels.length };
  }

  private async loadAddresses(): Promise<void> {
    const ids = this.targets().map((r) => r.id);
    const [relations, addresses] = await Promise.all([this.store?.getRelations(ids), this.store?.addressesFor(ids)]);
    this.relations = relations ?? [];
    this.addresses = addresses ?? new Map();
  }

  private onClose(): void {
    this.dispatchEvent(new Event('close'));
  }

  private async print(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    if (!this.sheet) return;
    const { labels, leftOut } = this.sheet;
    printAddressLabels(labels, (form.get('layout') === '3x8' ? '3x8' : '3x7') as SheetLayout, this.i18n.messages.addressLabels.title);
    this.printed = { labels: labels.length, leftOut };
    // The print button is gone with the form: focus stays in the dialog, on the way out of it.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('.buttons button')?.focus();
  }

  protected override render() {
    const m = this.i18n.messages;
    return html`<relation-dialog open label=${m.addressLabels.title} @close=${this.onClose}>
      ${this.printed ? this.renderPrinted(this.printed) : this.renderChoice()}
    </relation-dialog>`;
  }

  private renderChoice() {
    const m = this.i18n.messages;
    const { labels, leftOut } = this.sheet ?? { labels: undefined, leftOut: 0 };
    return html`<form @submit=${this.print}>
      <fieldset>
        <legend>${m.addressLabels.layout}</legend>
        <label><input type="radio" name="layout" value="3x7" checked /> A4 3 × 7</label>
        <label><input type="radio" name="layout" value="3x8" /> A4 3 × 8</label>
      </fieldset>
      <fieldset>
        <legend>${m.addressLabels.address}</legend>
        <label><input type="radio" name="address" value="postal" .checked=${this.use === 'postal'} @change=${() => (this.use = 'postal')} /> ${m.addressLabels.postal}</label>
        <label><input type="radio" name="address" value="invoice" .checked=${this.use === 'invoice'} @change=${() => (this.use = 'invoice')} /> ${m.addressLabels.invoice}</label>
      </fieldset>
      <div role="status">
        ${labels ? html`<p>${m.addressLabels.labelCount(labels.length)}</p>` : html`<p>${m.common.loading}</p>`}
        ${leftOut ? html`<p class="left-out">${m.addressLabels.missing(leftOut)}</p>` : nothing}
      </div>
      <div class="buttons">
        <button type="button" @click=${() => this.frame.close()}>${m.common.cancel}</button>
        <button type="submit" class="primary" ?disabled=${!labels?.length}>${m.addressLabels.print}</button>
      </div>
    </form>`;
  }

  private renderPrinted(printed: { labels: number; leftOut: number }) {
    const m = this.i18n.messages;
    return html`<p role="status" class=${printed.leftOut ? 'left-out' : ''}>${m.addressLabels.printed(printed.labels, printed.leftOut)}</p>
      <div class="buttons"><button type="button" @click=${() => this.frame.close()}>${m.common.close}</button></div>`;
  }
}
