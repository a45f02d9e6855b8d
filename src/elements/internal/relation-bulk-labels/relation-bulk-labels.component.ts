import { html, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { labelBulkMaxRelations, type Label } from '../../../contract/index.js';
import { LocaleController } from '../../../i18n/locale-controller.js';
import type { RelationsStore } from '../../../store/index.js';
import { controlStyles } from '../../../theme/controls.js';
import { tokenStyles } from '../../../theme/tokens.js';
import { bulkLabelsStyles } from './relation-bulk-labels.styles.js';

/**
 * A label to choose and buttons to add it to, or remove it from, the given relations, through the store's
 * outbox (so it works offline), in as many requests as the contract's limit asks.
 *
 * @internal
 * @tagname relation-bulk-labels
 */
export class RelationBulkLabels extends LitElement {
  static override styles = [tokenStyles, controlStyles, bulkLabelsStyles];

  private readonly i18n = new LocaleController(this);

  @state() private labelId = '';

  @property({ attribute: false }) store: RelationsStore | undefined;

  /** The labels to choose from. */
  @property({ attribute: false }) labels: readonly Label[] = [];

  /** The relations to change. */
  @property({ attribute: false }) relationIds: readonly string[] = [];

  private async change(add: boolean): Promise<void> {
    const { store, labelId } = this;
    if (!store || !labelId) return;
    for (let i = 0; i < this.relationIds.length; i += labelBulkMaxRelations) {
      const relationIds = this.relationIds.slice(i, i + labelBulkMaxRelations);
      await store.write('updateRelationLabels', { body: { relationIds, [add ? 'addLabelIds' : 'removeLabelIds']: [labelId] } });
    }
  }

  protected override render() {
    const m = this.i18n.messages.overview;
    return html`<select aria-label=${m.chooseLabel} .value=${this.labelId} @change=${(e: Event) => (this.labelId = (e.target as HTMLSelectElement).value)}>
        <option value="">${m.chooseLabel}</option>
        ${this.labels.map((label) => html`<option value=${label.id}>${label.name}</option>`)}
      </select>
      <button ?disabled=${!this.labelId} @click=${() => this.change(true)}>${m.addLabel}</button>
      <button ?disabled=${!this.labelId} @click=${() => this.change(false)}>${m.removeLabel}</button>`;
  }
}
