import { html, LitElement, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { labelNameMaxLength, type Label } from '../../contract/index.js';
import { emit } from '../../core/events.js';
import { LocaleController } from '../../i18n/locale-controller.js';
import type { RelationsStore } from '../../store/index.js';
import { controlStyles } from '../../theme/controls.js';
import { tokenStyles } from '../../theme/tokens.js';
import { StoreQueryController } from '../controllers/store-query.js';
import type { RelationDialog } from '../internal/relation-dialog/relation-dialog.component.js';
import '../internal/relation-dialog/relation-dialog.js';
import { dialogContentStyles } from '../internal/relation-dialog/relation-dialog.styles.js';
import { labelFilterStyles } from './label-filter.styles.js';

/** Filters relations by labels. Set on an overview through `for`, or listened to as `label-filter-change`. */
interface LabelFilterTarget extends HTMLElement {
  labelIds: string[];
  labelMode: 'all' | 'any';
}

/**
 * @tagname label-filter
 * @summary The labels with their colour and count, to filter relations by; and the place to manage labels.
 *
 * @description Select one or more labels and whether relations must carry all or any of them. Inside a
 * `<relation-overview>` it filters that overview; elsewhere (the host's sidebar) name the overview with `for`.
 * With `manageable`, users create, rename, recolour and delete labels (deleting asks first).
 *
 * @fires label-filter-change - The selected labels or the match mode changed: `detail.labelIds`, `detail.mode`.
 *
 * @csspart base - The fieldset around everything.
 * @csspart label - One label's row.
 * @csspart swatch - The colour dot of a label.
 * @csspart count - The number of relations with a label.
 * @csspart manage - The panel for managing labels.
 *
 * @cssproperty --label-filter-swatch-size - Diameter of the colour dots.
 */
export class LabelFilter extends LitElement {
  static override styles = [tokenStyles, controlStyles, dialogContentStyles, labelFilterStyles];

  private readonly i18n = new LocaleController(this);
  private readonly labels = new StoreQueryController(this, {
    entities: ['label'],
    args: () => [] as const,
    run: (store) => store.labels(),
    isEmpty: (labels) => labels.length === 0,
  });

  @query('relation-dialog') private dialog!: RelationDialog;

  @state() private managing = false;
  @state() private newName = '';
  @state() private newColor = '#1f5fbf';
  @state() private pendingDelete: Label | undefined;
  @state() private renameErrors = new Map<string, string>();

  /** The id of a `<relation-overview>` in the same document (or shadow root) that this filter drives. */
  @property({ attribute: 'for' }) for = '';

  /** The selected label ids. */
  @property({ attribute: false }) selected: string[] = [];

  /** `all`: relations must carry every selected label; `any`: at least one. */
  @property({ reflect: true }) mode: 'all' | 'any' = 'all';

  /** Allow creating, renaming, recolouring and deleting labels. */
  @property({ type: Boolean, reflect: true }) manageable = false;

  /** The store to read labels from; by default the one of the nearest `<relation-provider>`. */
  @property({ attribute: false }) store: RelationsStore | undefined;

  private toggle(id: string, on: boolean): void {
    this.selected = on ? [...this.selected, id] : this.selected.filter((other) => other !== id);
    this.announce();
  }

  private setMode(mode: 'all' | 'any'): void {
    this.mode = mode;
    this.announce();
  }

  private announce(): void {
    emit(this, 'label-filter-change', { labelIds: [...this.selected], mode: this.mode });
    const root = this.getRootNode() as Document | ShadowRoot;
    const target = this.for ? (root.getElementById?.(this.for) as LabelFilterTarget | null) : null;
    if (target) {
      target.labelIds = [...this.selected];
      target.labelMode = this.mode;
    }
  }

  /** A message when `name` cannot be a label's name (empty, too long, or taken by another label). */
  private nameProblem(name: string, except?: string): string | undefined {
    const trimmed = name.trim();
    const m = this.i18n.messages;
    if (!trimmed) return m.common.required;
    if (trimmed.length > labelNameMaxLength) return m.common.tooLong(labelNameMaxLength);
    const taken = (this.labels.state.value ?? []).some((l) => l.id !== except && l.name.toLowerCase() === trimmed.toLowerCase());
    return taken ? m.labels.taken : undefined;
  }

  private async create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const store = this.labels.currentStore;
    if (!store || this.nameProblem(this.newName)) return;
    await store.write('createLabel', { body: { name: this.newName.trim(), color: this.newColor } });
    this.newName = '';
  }

  private async rename(label: Label, name: string): Promise<void> {
    const problem = this.nameProblem(name, label.id);
    this.renameErrors = new Map(this.renameErrors);
    if (problem) {
      this.renameErrors.set(label.id, problem);
      return;
    }
    this.renameErrors.delete(label.id);
    if (name.trim() !== label.name) await this.labels.currentStore?.write('updateLabel', { id: label.id, body: { name: name.trim() } });
  }

  private async recolour(label: Label, color: string): Promise<void> {
    if (color !== label.color) await this.labels.currentStore?.write('updateLabel', { id: label.id, body: { color } });
  }

  private confirmDelete(label: Label): void {
    this.pendingDelete = label;
  }

  private async delete(): Promise<void> {
    const label = this.pendingDelete;
    this.dialog.close();
    this.pendingDelete = undefined;
    if (!label) return;
    if (this.selected.includes(label.id)) this.toggle(label.id, false);
    await this.labels.currentStore?.write('deleteLabel', { id: label.id });
  }

  protected override render() {
    const m = this.i18n.messages;
    const labels = this.labels.state.value ?? [];
    const newProblem = this.newName ? this.nameProblem(this.newName) : undefined;
    return html`
      <fieldset part="base">
        <legend>${m.labels.filter}</legend>
        ${this.labels.state.status === 'loading' ? html`<p>${m.common.loading}</p>` : nothing}
        ${this.labels.state.status === 'empty' ? html`<p>${m.labels.none}</p>` : nothing}
        <ul>
          ${labels.map(
            (label) => html`<li part="label">
              <label>
                <input type="checkbox" .checked=${this.selected.includes(label.id)}
                  @change=${(e: Event) => this.toggle(label.id, (e.target as HTMLInputElement).checked)} />
                <span class="swatch" part="swatch" style=${styleMap({ background: label.color })}></span>
                <span class="name">${label.name}</span>
                <span class="count" part="count" aria-label=${m.labels.count(label.relationCount)}>${label.relationCount}</span>
              </label>
            </li>`,
          )}
        </ul>
        <div class="mode" role="radiogroup" aria-label=${m.labels.match}>
          <label><input type="radio" name="mode" .checked=${this.mode === 'all'} @change=${() => this.setMode('all')} />${m.labels.all}</label>
          <label><input type="radio" name="mode" .checked=${this.mode === 'any'} @change=${() => this.setMode('any')} />${m.labels.any}</label>
        </div>
        ${this.manageable ? this.renderManage(labels, newProblem) : nothing}
      </fieldset>
      ${this.pendingDelete ? this.renderConfirm(this.pendingDelete) : nothing}
    `;
  }

  private renderConfirm(label: Label) {
    const m = this.i18n.messages;
    const question = m.labels.confirmDelete(label.name, label.relationCount);
    return html`<relation-dialog open label=${question} @close=${() => (this.pendingDelete = undefined)}>
      <p>${question}</p>
      <div class="buttons">
        <button @click=${() => this.dialog.close()}>${m.common.cancel}</button>
        <button class="danger" @click=${() => this.delete()}>${m.labels.delete(label.name)}</button>
      </div>
    </relation-dialog>`;
  }

  private renderManage(labels: Label[], newProblem: string | undefined) {
    const m = this.i18n.messages;
    return html`
      <button class="toggle" aria-expanded=${this.managing} @click=${() => (this.managing = !this.managing)}>${m.labels.manage}</button>
      ${this.managing
        ? html`<div class="manage" part="manage">
            <form @submit=${this.create}>
              <div class="row">
                <input type="text" aria-label=${m.labels.create} placeholder=${m.labels.create} .value=${this.newName}
                  aria-invalid=${newProblem ? 'true' : 'false'} aria-describedby="new-error"
                  @input=${(e: Event) => (this.newName = (e.target as HTMLInputElement).value)} />
                <input type="color" aria-label=${m.labels.color} .value=${this.newColor}
                  @input=${(e: Event) => (this.newColor = (e.target as HTMLInputElement).value)} />
                <button type="submit" ?disabled=${!this.newName || !!newProblem}>${m.labels.add}</button>
              </div>
              <p class="error" id="new-error" role="status">${newProblem ?? ''}</p>
            </form>
            <ul>
              ${labels.map((label) => {
                const error = this.renameErrors.get(label.id);
                return html`<li class="managed"><div class="row">
                  <input type="text" aria-label=${m.labels.rename(label.name)} .value=${label.name}
                    aria-invalid=${error ? 'true' : 'false'} aria-describedby=${`error-${label.id}`}
                    @input=${(e: Event) => this.checkRename(label, (e.target as HTMLInputElement).value)}
                    @change=${(e: Event) => this.rename(label, (e.target as HTMLInputElement).value)} />
                  <input type="color" aria-label=${m.labels.recolour(label.name)} .value=${label.color}
                    @change=${(e: Event) => this.recolour(label, (e.target as HTMLInputElement).value)} />
                  <button class="danger" aria-label=${m.labels.delete(label.name)} @click=${() => this.confirmDelete(label)}>✕</button>
                </div>
                <p class="error" id=${`error-${label.id}`} role="status">${error ?? ''}</p></li>`;
              })}
            </ul>
          </div>`
        : nothing}
    `;
  }

  private checkRename(label: Label, name: string): void {
    const problem = this.nameProblem(name, label.id);
    this.renameErrors = new Map(this.renameErrors);
    if (problem) this.renameErrors.set(label.id, problem);
    else this.renameErrors.delete(label.id);
  }
}
