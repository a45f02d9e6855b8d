import { html, LitElement, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { Relation, RelationKind } from '../../contract/index.js';
import { LocaleController } from '../../i18n/locale-controller.js';
import { picker } from '../../i18n/sections/picker.js';
import type { RelationsStore } from '../../store/index.js';
import { controlStyles } from '../../theme/controls.js';
import { tokenStyles } from '../../theme/tokens.js';
import { StoreQueryController } from '../controllers/store-query.js';
import { renderOption } from './option.js';
import { relationPickerStyles } from './relation-picker.styles.js';

/** How many matches the list offers at once: enough to choose from, few enough to read. */
const shownMatches = 20;

/**
 * @tagname relation-picker
 * @summary A form field to choose one relation by searching its name, number or city.
 *
 * @description A form-associated element: inside a `<form>` its `value`, the chosen relation's id, is
 * submitted under its `name`, `required` takes part in the form's validation with the browser's own
 * message (in the user's language), a form reset brings back the `value` attribute, and a disabled
 * fieldset disables it. Typing searches the relations in the cache (leads and active, never archived);
 * arrow keys walk the matches, Enter chooses, Escape closes the list and, pressed again, clears the field.
 * `role-filter="debtor"` offers only debtors (for invoices) and shows their debtor number too.
 *
 * @fires change - The user chose a relation or cleared the field (bubbles, as a native control's).
 * @fires input - Same moment as `change`, as native selects fire both.
 *
 * @csspart input - The text field.
 * @csspart listbox - The list of matches.
 * @csspart option - One match.
 * @csspart number - The chosen relation's number beside the field.
 *
 * @cssproperty --relation-picker-list-height - The most the list of matches grows before it scrolls.
 */
export class RelationPicker extends LitElement {
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [tokenStyles, controlStyles, relationPickerStyles];

  private readonly internals: ElementInternals = this.attachInternals();
  private readonly i18n = new LocaleController(this);

  /** The matches of what is typed; runs only while the list is open. */
  private readonly search = new StoreQueryController(this, {
    entities: ['relation'],
    args: () => [this.open ? (this.text ?? '') : null, this.roleFilter, this.kind] as const,
    run: (store, [q, role, kind]) =>
      q === null
        ? Promise.resolve({ items: [] as Relation[], total: 0 })
        : store.queryRelations({ q, status: ['lead', 'active'], role: role ?? undefined, kind: kind ?? undefined, limit: shownMatches }),
  });

  /** The chosen relation, read by its id (a local id of a relation created offline resolves too). */
  private readonly chosen = new StoreQueryController(this, {
    entities: ['relation'],
    args: () => [this.value] as const,
    run: async (store, [id]) => ({ asked: id, relation: id ? await store.getRelation(id) : undefined }),
  });

  @query('input') private input!: HTMLInputElement;

  /** What the user typed; undefined while the field shows the chosen relation. */
  @state() private text: string | undefined;
  @state() private open = false;
  @state() private active = -1;
  @state() private formDisabled = false;
  /** The relation the user chose last, shown until the store answers for it. */
  private picked: Relation | undefined;

  /** The name the value is submitted under. */
  @property({ reflect: true }) name = '';

  private chosenId = '';
  private isRequired = false;

  /** The chosen relation's id; '' when none. The `value` attribute is the value a form reset returns to. */
  @property()
  get value(): string {
    return this.chosenId;
  }
  set value(id: string) {
    const old = this.chosenId;
    this.chosenId = id ?? '';
    this.syncForm();
    this.requestUpdate('value', old);
  }

  /** The form cannot be submitted without a relation chosen. */
  @property({ type: Boolean, reflect: true })
  get required(): boolean {
    return this.isRequired;
  }
  set required(on: boolean) {
    const old = this.isRequired;
    this.isRequired = on;
    this.syncForm();
    this.requestUpdate('required', old);
  }

  /** Not editable and left out of the form's data, as a disabled input (also inside a disabled fieldset). */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Offer only relations with this role: `debtor` (invoices) or `creditor`. */
  @property({ attribute: 'role-filter', reflect: true }) roleFilter: 'debtor' | 'creditor' | undefined;

  /** Offer only organizations or only persons. */
  @property({ reflect: true }) kind: RelationKind | undefined;

  /** A hint shown in the empty search field. */
  @property() placeholder: string | undefined;

  /** The field's accessible name; else the text of a host `<label for>`; else "Relation" (or "Person", "Organization" with `kind`). */
  @property() label: string | undefined;

  /** The store to search; by default the one of the nearest `<relation-provider>`. */
  @property({ attribute: false }) store: RelationsStore | undefined;

  // The form-control surface, as native controls have it -------------------------------------------------

  get form(): HTMLFormElement | null {
    return this.internals.form;
  }
  get validity(): ValidityState {
    return this.internals.validity;
  }
  get validationMessage(): string {
    return this.internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.internals.willValidate;
  }
  get type(): string {
    return this.localName;
  }
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  /** The chosen relation as the cache has it, once read. */
  get relation(): Relation | undefined {
    const chosen = this.chosen.state.value;
    if (chosen?.asked === this.value && chosen.relation) return chosen.relation;
    return this.picked?.id === this.value ? this.picked : undefined;
  }

  formResetCallback(): void {
    this.value = this.getAttribute('value') ?? '';
    this.text = undefined;
    this.close();
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    this.value = typeof state === 'string' ? state : '';
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  /** The `label` attribute; else the host's `<label for>` around or naming the picker; else a default. */
  private get accessibleLabel(): string {
    const labels = [...this.internals.labels].map((label) => label.textContent?.replace(/\s+/g, ' ').trim() ?? '').filter(Boolean);
    return this.label || labels.join(' ') || this.i18n.section(picker).label(this.kind);
  }

  private get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  protected override updated(): void {
    // A relation created offline is chosen by its local id; once the backend accepted it, submit its own id.
    const chosen = this.relation;
    if (chosen && chosen.id !== this.value) this.value = chosen.id;
    this.syncForm();
    if (this.open) this.renderRoot.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }

  /** What the form submits and whether it may: at once, so a form read right after a choice sees it. */
  private syncForm(): void {
    this.internals.setFormValue(this.value || null, this.value);
    if (this.required && !this.value) this.internals.setValidity({ valueMissing: true }, this.i18n.section(picker).required, this.input ?? undefined);
    else this.internals.setValidity({});
  }

  private get options(): Relation[] {
    return this.open ? (this.search.state.value?.items ?? []) : [];
  }

  private close(): void {
    this.open = false;
    this.active = -1;
  }

  private choose(relation: Relation | undefined): void {
    const before = this.value;
    this.picked = relation;
    this.value = relation?.id ?? '';
    this.text = undefined;
    this.close();
    if (this.value === before) return;
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  private onInput(event: Event): void {
    // Typing is not a change of the value: the host hears `input` only when a relation is chosen.
    event.stopPropagation();
    this.text = (event.target as HTMLInputElement).value;
    this.open = true;
    this.active = -1;
  }

  private onKeyDown(event: KeyboardEvent): void {
    const options = this.options;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!this.open) {
          this.open = true;
          this.active = -1;
          return;
        }
        if (options.length === 0) return;
        const step = event.key === 'ArrowDown' ? 1 : -1;
        this.active = this.active < 0 ? (step > 0 ? 0 : options.length - 1) : (this.active + step + options.length) % options.length;
        return;
      }
      case 'Enter': {
        const option = options[this.active];
        if (this.open && option) {
          event.preventDefault();
          this.choose(option);
        } else if (!this.open) {
          // Enter in a text field submits its form; so it does here.
          this.internals.form?.requestSubmit();
        }
        return;
      }
      case 'Escape': {
        if (this.open) {
          event.preventDefault();
          this.close();
        } else if (this.text || this.value) {
          event.preventDefault();
          this.choose(undefined);
        }
        return;
      }
      case 'Tab':
        this.close();
        return;
      default:
    }
  }

  private onFocusOut(): void {
    // Focus leaves for good: an emptied field clears the choice; other unfinished typing gives way to it.
    if (this.text === '' && this.value) this.choose(undefined);
    this.text = undefined;
    this.close();
  }

  protected override render() {
    const m = this.i18n.section(picker);
    const chosen = this.relation;
    const options = this.options;
    const activeOption = options[this.active];
    const shown = this.text ?? chosen?.displayName ?? '';
    const total = this.search.state.value?.total ?? 0;
    const settled = this.open && !!this.text && this.search.state.status !== 'loading';
    return html`
      <div class="field" @focusout=${this.onFocusOut}>
        <input
          part="input"
          type="text"
          role="combobox"
          autocomplete="off"
          spellcheck="false"
          aria-autocomplete="list"
          aria-expanded=${this.open ? 'true' : 'false'}
          aria-controls="listbox"
          aria-activedescendant=${activeOption ? `option-${this.active}` : nothing}
          aria-label=${this.accessibleLabel}
          aria-describedby=${chosen && this.text === undefined ? 'number' : nothing}
          aria-required=${this.required ? 'true' : 'false'}
          placeholder=${this.placeholder ?? m.placeholder}
          ?disabled=${this.isDisabled}
          .value=${live(shown)}
          @input=${this.onInput}
          @keydown=${this.onKeyDown}
          @click=${() => !this.open && (this.open = true)}
        />
        ${chosen && this.text === undefined
          ? html`<span class="number" part="number" id="number"
              >${m.number(chosen.number)}${this.roleFilter === 'debtor' && chosen.debtor ? html` · ${m.debtorNumber(chosen.debtor.number)}` : nothing}</span
            >`
          : nothing}
        <ul part="listbox" id="listbox" role="listbox" aria-label=${m.results} ?hidden=${!this.open || options.length === 0}
          @mousedown=${(e: Event) => e.preventDefault()}>
          ${options.map((relation, i) => renderOption(relation, i, i === this.active, this.roleFilter === 'debtor', m, () => this.choose(relation)))}
        </ul>
        <span class="visually-hidden" role="status">${settled ? m.found(total, Math.min(total, shownMatches)) : ''}</span>
      </div>
    `;
  }
}
