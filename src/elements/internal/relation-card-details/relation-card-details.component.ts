import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { Relation } from '../../../contract/index.js';
import { emit } from '../../../core/events.js';
import { LocaleController } from '../../../i18n/locale-controller.js';
import { card } from '../../../i18n/sections/card.js';
import type { RelationsStore } from '../../../store/index.js';
import { controlStyles } from '../../../theme/controls.js';
import { tokenStyles } from '../../../theme/tokens.js';
import { EditFormController } from '../../controllers/edit-form.js';
import { draftOffer, textField, type FieldOptions } from '../fields/fields.js';
import { fieldStyles } from '../fields/fields.styles.js';
import type { ConflictResolution } from '../relation-conflict/relation-conflict.component.js';
import '../relation-conflict/relation-conflict.js';
import { checkDetails, detailPaths, detailsPatch, readDetails, relationFieldLabel } from './details-fields.js';
import { detailsStyles } from './relation-card-details.styles.js';

/** How each detail is typed: the keyboard a phone shows and what the browser may fill in. */
const inputs: Record<string, Partial<FieldOptions>> = {
  'organization.name': { required: true, autocomplete: 'organization' },
  'organization.kvkNumber': { inputmode: 'numeric' },
  'organization.website': { type: 'url', autocomplete: 'url' },
  'person.salutation': { autocomplete: 'honorific-prefix' },
  'person.firstName': { autocomplete: 'given-name' },
  'person.lastName': { required: true, autocomplete: 'family-name' },
  email: { type: 'email', autocomplete: 'email' },
  phone: { type: 'tel', autocomplete: 'tel' },
};

/**
 * The details of one relation, editable: an organization's name, KvK, VAT, website, or a person's name
 * parts; e-mail, phone and IBAN. Validated as you type by the contract's rules; saved through the outbox
 * with its state in view; a draft of what was typed survives a reload; a conflict is resolved per field.
 *
 * @internal
 * @tagname relation-card-details
 * @fires relation-saved - An edit was stored for sending: `detail.id`, `detail.relation`.
 * @csspart form - The form.
 * @csspart field - Each labelled field.
 * @csspart state - The save state.
 */
export class RelationCardDetails extends LitElement {
  static override styles = [tokenStyles, controlStyles, fieldStyles, detailsStyles];

  private readonly i18n = new LocaleController(this);

  /** The relation as the cache has it. */
  @property({ attribute: false }) relation: Relation | undefined;

  /** The store to save through: the card's. */
  @property({ attribute: false }) store: RelationsStore | undefined;

  private readonly form = new EditFormController<Relation>(this, {
    entity: () => this.relation,
    read: readDetails,
    body: (values, changed) => detailsPatch(values, changed),
    check: checkDetails,
    submit: (store, body, relation) => store.write('updateRelation', { id: relation!.id, body }, { baseVersion: relation!.version }),
    draftKey: () => (this.relation ? `relation:${this.relation.id}:details` : undefined),
    store: () => this.store,
    locale: () => this.i18n.locale,
    saved: (id) => void this.announceSaved(id),
    // Everything of the relation but its preferences (that section's): the header's status and roles too.
    owns: (path) => !path.startsWith('preferences.'),
  });

  private async announceSaved(id: string): Promise<void> {
    const relation = await this.store?.getRelation(id);
    if (relation) emit(this, 'relation-saved', { id, relation });
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const queued = await this.form.save();
    if (!queued) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }

  private async resolve(resolution: ConflictResolution): Promise<void> {
    const seq = this.form.entry?.seq;
    if (seq !== undefined) await this.store?.resolveConflict(seq, resolution);
  }

  private field(path: string) {
    const m = this.i18n.section(card);
    const key = path.split('.').at(-1) as keyof typeof m.hints;
    return textField(this.form, { path, label: relationFieldLabel(m, path), hint: m.hints[key], idPrefix: 'details', ...inputs[path] });
  }

  private renderState() {
    const m = this.i18n.section(card);
    const { state, entry } = this.form;
    // The backend's reasons for fields this form does not show (labels, roles) go in the state line.
    const shown = new Set(Object.keys(this.form.values));
    const elsewhere = (entry?.error?.fieldErrors ?? []).filter((error) => !shown.has(error.path)).map((error) => error.message);
    const reason = elsewhere.length > 0 ? elsewhere.join(' ') : (entry?.error?.detail ?? entry?.error?.title ?? '');
    const text = state === 'idle' ? '' : state === 'rejected' && entry?.error ? m.rejected(reason) : m.state[state];
    return html`<p class="state" part="state" role="status" data-state=${state}>${text}</p>`;
  }

  protected override render() {
    const relation = this.relation;
    if (!relation) return nothing;
    const m = this.i18n.section(card);
    const { form } = this;
    return html`
      ${draftOffer(form, { offered: form.offeredDraft ? m.draft.offered(form.offeredDraft.savedAt) : '', restore: m.draft.restore, dismiss: m.draft.dismiss })}
      ${form.state === 'conflict'
        ? html`<relation-conflict .entry=${form.entry} .fieldLabel=${(path: string) => relationFieldLabel(m, path)}
            .resolve=${(resolution: ConflictResolution) => this.resolve(resolution)}></relation-conflict>`
        : nothing}
      <form part="form" novalidate @submit=${this.submit}>
        <div class="fields">${detailPaths[relation.kind].map((path) => this.field(path))}</div>
        <div class="buttons">
          ${this.renderState()}
          ${form.state === 'rejected' ? html`<button type="button" @click=${() => form.discardRejected()}>${m.discardRejected}</button>` : nothing}
          <button type="button" ?disabled=${!form.dirty} @click=${() => form.revert()}>${m.revert}</button>
          <button type="submit" class="primary">${m.save}</button>
        </div>
      </form>
    `;
  }
}
