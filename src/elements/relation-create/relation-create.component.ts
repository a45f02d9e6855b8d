import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { DuplicateCandidate, Relation, RelationKind } from '../../contract/index.js';
import { emit } from '../../core/events.js';
import { LocaleController } from '../../i18n/locale-controller.js';
import { card } from '../../i18n/sections/card.js';
import { create } from '../../i18n/sections/create.js';
import type { RelationsStore } from '../../store/index.js';
import { controlStyles } from '../../theme/controls.js';
import { tokenStyles } from '../../theme/tokens.js';
import { EditFormController, type FieldValue } from '../controllers/edit-form.js';
import { StoreQueryController } from '../controllers/store-query.js';
import { checkboxField, draftOffer, textField } from '../internal/fields/fields.js';
import { fieldStyles } from '../internal/fields/fields.styles.js';
import { relationFieldLabel } from '../internal/relation-card-details/details-fields.js';
import { checkCreate, createBody, createPaths, duplicateDraft, emptyCreate } from './create-fields.js';
import { createStyles } from './relation-create.styles.js';

const duplicateDelay = 300;

/**
 * @tagname relation-create
 * @summary A form for a new organization or person: the required fields first, and a warning of a likely duplicate while typing.
 *
 * @description Choose organization or person; the name (or last name) is all that is required, more details
 * fold open. While typing, relations with the same KvK number, VAT number, IBAN or e-mail address, or a
 * similar name, are listed with the reason, each to open instead of creating a duplicate (offline, the
 * cache answers the equal keys). Creating works offline: the relation is in the cache at once, with a
 * local id that keeps working, and gets its numbers once it is sent. What was typed survives a reload.
 *
 * @fires relation-created - A relation was created: `detail.id` (a local id until sent) and `detail.relation`.
 * @fires relation-open - The user opens a likely duplicate instead: `detail.id`. Cancelable.
 *
 * @csspart form - The form.
 * @csspart field - Each labelled field.
 * @csspart duplicates - The list of likely duplicates.
 * @csspart state - What happened after creating.
 */
export class RelationCreateElement extends LitElement {
  static override styles = [tokenStyles, controlStyles, fieldStyles, createStyles];

  private readonly i18n = new LocaleController(this);
  /** Only to have the provider's store; the form itself reads nothing. */
  private readonly connection = new StoreQueryController(this, { entities: [], args: () => [] as const, run: async () => null });

  /** The kind the form starts with. */
  @property({ reflect: true }) kind: RelationKind = 'organization';

  /** Create as a lead rather than a relation. */
  @property({ type: Boolean, reflect: true }) lead = false;

  /** The store to write through; by default the one of the nearest `<relation-provider>`. */
  @property({ attribute: false }) store: RelationsStore | undefined;

  @state() private duplicates: DuplicateCandidate[] = [];
  @state() private duplicatesOffline = false;
  @state() private showMore = false;
  @state() private lastCreated: { id: string; name: string; offline: boolean } | undefined;

  private duplicateTimer: ReturnType<typeof setTimeout> | undefined;
  private asked = 0;

  private readonly form = new EditFormController<Relation>(this, {
    entity: () => undefined,
    read: () => emptyCreate(this.kind, this.lead),
    body: (values) => createBody(values),
    check: checkCreate,
    submit: (store, body) => store.write('createRelation', { body: body as never }),
    draftKey: () => 'relation:new',
    store: () => this.connection.currentStore,
    locale: () => this.i18n.locale,
    saved: (id) => void this.created(id),
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.duplicateTimer);
  }

  private async created(id: string): Promise<void> {
    const store = this.connection.currentStore;
    const relation = await store?.getRelation(id);
    if (!relation) return;
    this.lastCreated = { id, name: relation.displayName, offline: !store!.status.online };
    this.duplicates = [];
    emit(this, 'relation-created', { id, relation });
  }

  private changed(path: string, value: string | boolean): void {
    this.form.set(path, value);
    if (path === 'kind') this.kind = value as RelationKind;
    clearTimeout(this.duplicateTimer);
    this.duplicateTimer = setTimeout(() => void this.findDuplicates(), duplicateDelay);
  }

  private async findDuplicates(): Promise<void> {
    const store = this.connection.currentStore;
    if (!store) return;
    const asked = ++this.asked;
    const draft = duplicateDraft(this.form.values);
    const filled = draft.email || draft.iban || draft.organization?.name || draft.organization?.kvkNumber || draft.organization?.vatNumber || draft.person?.lastName;
    const found = filled ? await store.findDuplicates(draft).catch(() => []) : [];
    if (asked !== this.asked) return;
    this.duplicates = found;
    this.duplicatesOffline = !store.status.online;
  }

  /** The draft holds the fields typed, which tell the kind it was for: the form switches to it first. */
  private async restoreDraft(): Promise<void> {
    const paths = Object.keys(this.form.offeredDraft?.values ?? {});
    const kind = paths.some((path) => path.startsWith('person.')) ? 'person' : paths.some((path) => path.startsWith('organization.')) ? 'organization' : undefined;
    if (kind && kind !== this.kind) {
      this.kind = kind;
      await this.updateComplete;
    }
    this.form.restoreDraft();
    void this.findDuplicates();
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.lastCreated = undefined;
    if (!(await this.form.save())) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }

  /** Fields bind through `changed` so that each keystroke also looks for duplicates. */
  private get bound() {
    const { form } = this;
    return {
      values: form.values,
      errorFor: (path: string) => form.errorFor(path),
      touch: (path: string) => form.touch(path),
      set: (path: string, value: FieldValue) => this.changed(path, value as string | boolean),
    };
  }

  private field(path: string) {
    const m = this.i18n.section(card);
    const key = path.split('.').at(-1) as keyof typeof m.hints;
    const required = path === 'organization.name' || path === 'person.lastName';
    return textField(this.bound, { path, label: relationFieldLabel(m, path), hint: m.hints[key], required, idPrefix: 'create' });
  }

  private renderDuplicates() {
    const m = this.i18n.section(create).duplicates;
    if (this.duplicates.length === 0) return nothing;
    return html`<section class="duplicates" part="duplicates" aria-labelledby="duplicates-title" aria-live="polite">
      <h3 id="duplicates-title">${m.title(this.duplicates.length)}</h3>
      ${this.duplicatesOffline ? html`<p class="hint">${m.offline}</p>` : nothing}
      <ul>
        ${this.duplicates.map(({ relation, reasons, score }) => html`<li>
          <button class="link" @click=${() => emit(this, 'relation-open', { id: relation.id }, { cancelable: true })}
            >${this.i18n.section(create).open(relation.displayName)}</button>
          <span class="meta">${relation.number > 0 ? relation.number : nothing}${relation.city ? html` · ${relation.city}` : nothing}
            ${relation.status === 'archived' ? html` · ${m.archived}` : nothing}</span>
          <span class="reasons">${reasons.map((reason) => (reason === 'name' ? m.reason.name(score) : m.reason[reason])).join(', ')}</span>
        </li>`)}
      </ul>
    </section>`;
  }

  protected override render() {
    const m = this.i18n.section(create);
    const { draft, kind: kindName } = this.i18n.section(card);
    const kind = this.form.values['kind'] === 'person' ? 'person' : 'organization';
    const done = this.lastCreated;
    return html`<form part="form" novalidate @submit=${this.submit} aria-labelledby="title">
      <h2 id="title">${m.title}</h2>
      ${draftOffer(this.form, {
        offered: this.form.offeredDraft ? draft.offered(this.form.offeredDraft.savedAt) : '',
        restore: draft.restore,
        dismiss: draft.dismiss,
      }, () => void this.restoreDraft())}
      <fieldset class="kind">
        <legend>${m.kind}</legend>
        ${(['organization', 'person'] as const).map((choice) => html`<label><input type="radio" name="kind" .checked=${kind === choice}
          @change=${() => this.changed('kind', choice)} />${kindName[choice]}</label>`)}
      </fieldset>
      <div class="fields">${createPaths[kind].first.map((path) => this.field(path))}</div>
      ${this.renderDuplicates()}
      <details ?open=${this.showMore} @toggle=${(event: Event) => (this.showMore = (event.target as HTMLDetailsElement).open)}>
        <summary>${m.more}</summary>
        <div class="fields">${createPaths[kind].more.map((path) => this.field(path))}</div>
      </details>
      ${checkboxField(this.bound, { path: 'lead', label: m.asLead, idPrefix: 'create' })}
      <div class="buttons">
        <p class="state" part="state" role="status">${done ? (done.offline ? m.createdOffline(done.name) : m.created(done.name)) : ''}
          ${done ? html`<button type="button" class="link" @click=${() => emit(this, 'relation-open', { id: done.id }, { cancelable: true })}>${m.open(done.name)}</button>` : nothing}</p>
        <button type="submit" class="primary">${m.create}</button>
      </div>
    </form>`;
  }
}
