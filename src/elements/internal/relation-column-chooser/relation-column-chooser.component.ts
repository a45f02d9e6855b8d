import { html, LitElement, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { LocaleController } from '../../../i18n/locale-controller.js';
import { controlStyles } from '../../../theme/controls.js';
import { tokenStyles } from '../../../theme/tokens.js';
import { columnChooserStyles } from './relation-column-chooser.styles.js';

export interface ColumnOption {
  key: string;
  label: string;
}

/**
 * A button that opens the list of columns to show and their order: a box to show or hide each, arrows to
 * move a shown one. Like a native control, it fires `change` (not bubbling) with the new `value`.
 *
 * @internal
 * @tagname relation-column-chooser
 */
export class RelationColumnChooser extends LitElement {
  static override styles = [tokenStyles, controlStyles, columnChooserStyles];

  private readonly i18n = new LocaleController(this);

  @query('button[aria-expanded]') private toggleButton!: HTMLButtonElement;

  @state() private expanded = false;

  /** Every column there is, in its default order. */
  @property({ attribute: false }) options: readonly ColumnOption[] = [];

  /** The keys of the columns shown, in the order shown. */
  @property({ attribute: false }) value: readonly string[] = [];

  private change(value: string[]): void {
    this.value = value;
    this.dispatchEvent(new Event('change'));
  }

  private move(key: string, by: number): void {
    const value = [...this.value];
    const from = value.indexOf(key);
    const to = from + by;
    if (from < 0 || to < 0 || to >= value.length) return;
    [value[from], value[to]] = [value[to]!, value[from]!];
    this.change(value);
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.expanded = false;
    this.toggleButton.focus();
  }

  protected override render() {
    const m = this.i18n.messages.overview.columns;
    return html`<button aria-expanded=${this.expanded} @click=${() => (this.expanded = !this.expanded)}>${m.choose}</button>
      ${this.expanded ? this.renderList() : nothing}`;
  }

  private renderList() {
    const m = this.i18n.messages.overview.columns;
    const byKey = new Map(this.options.map((option) => [option.key, option]));
    const order = [...this.value.flatMap((key) => byKey.get(key) ?? []), ...this.options.filter((option) => !this.value.includes(option.key))];
    return html`<div class="popover" role="group" aria-label=${m.choose} @keydown=${this.onKeydown}>
      ${order.map(({ key, label }) => {
        const shown = this.value.includes(key);
        return html`<div class="column">
          <label><input type="checkbox" .checked=${shown}
            @change=${(e: Event) => this.change((e.target as HTMLInputElement).checked ? [...this.value, key] : this.value.filter((c) => c !== key))} />
            ${label}</label>
          <button aria-label=${m.moveUp(label)} ?disabled=${!shown} @click=${() => this.move(key, -1)}>↑</button>
          <button aria-label=${m.moveDown(label)} ?disabled=${!shown} @click=${() => this.move(key, 1)}>↓</button>
        </div>`;
      })}
    </div>`;
  }
}
