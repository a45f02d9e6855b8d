import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import * as z from 'zod/mini';
import type { Module, PreferenceField, Relation } from '../../../contract/index.js';
import { intlLocale } from '../../../i18n/formats.js';
import { LocaleController } from '../../../i18n/locale-controller.js';
import { modules } from '../../../i18n/sections/modules.js';
import type { RelationsStore } from '../../../store/index.js';
import { controlStyles } from '../../../theme/controls.js';
import { tokenStyles } from '../../../theme/tokens.js';
import { emit } from '../../../core/events.js';
import { EditFormController } from '../../controllers/edit-form.js';
import { StoreQueryController } from '../../controllers/store-query.js';
import { textField } from '../fields/fields.js';
import { fieldStyles } from '../fields/fields.styles.js';
import { failedReadNote } from '../failed-read.js';
import { isOffline, loadModules, type ModuleList } from './module-list.js';
import { boundsText, defaultText, pathOf, preferencesBody, preferencesSchema, readPreferences } from './preference-form.js';
import { preferencesStyles } from './relation-card-preferences.styles.js';

/**
 * The relation's preferences for each module of the host (`GET /modules`): a group per module with a
 * control per preference it declares, its default beside it, checked as you type with the contract's
 * rules, and saved through the store's outbox into `preferences.<module>.<key>` as a merge patch (so it
 * works offline). An empty field returns the preference to the module's default.
 *
 * @internal
 * @tagname relation-card-preferences
 * @csspart form - The form around every module's group.
 * @csspart module - A module's group of preferences (a fieldset).
 * @csspart module-name - A module's name (the group's legend).
 * @csspart field - A preference: its label, control, default and error.
 * @csspart actions - The save and undo buttons.
 * @csspart status - Where the save state, a draft or a note is told.
 * @csspart note - The offline or empty note.
 * @fires relation-saved - A change was stored for sending: `detail.id`, `detail.relation` as the cache has it.
 */
export class RelationCardPreferences extends LitElement {
  static override styles = [tokenStyles, controlStyles, fieldStyles, preferencesStyles];

  /** The relation whose preferences are shown, as the cache has it now. */
  @property({ attribute: false }) relation: Relation | undefined;

  /** The store to read and write through; by default the provider's. */
  @property({ attribute: false }) store: RelationsStore | undefined;

  private readonly i18n = new LocaleController(this);

  private readonly modules = new StoreQueryController<ModuleList, readonly [string]>(this, {
    run: (store, [locale], signal) => loadModules(store, locale === 'nl' ? 'nl' : 'en', signal),
    args: () => [this.i18n.locale] as const,
    entities: [],
    isEmpty: (list) => list.modules.every((module) => module.preferences.length === 0),
  });

  private readonly form = new EditFormController<Relation>(this, {
    entity: () => this.relation,
    read: (relation) => readPreferences(this.declared, relation),
    body: (values, changed) => preferencesBody(this.declared, values, changed),
    // With the input in each issue, text in a whole-number field reads "expected a number", not "required".
    check: (body) => z.safeParse(preferencesSchema(this.declared), body, { reportInput: true }),
    submit: (store, body, relation) => store.write('updateRelation', { id: relation!.id, body }, { baseVersion: relation!.version }),
    draftKey: () => (this.relation ? `preferences:${this.relation.id}` : undefined),
    store: () => this.modules.currentStore,
    locale: () => this.i18n.locale,
    saved: (id) => void this.announceSaved(id),
  });

  /** Tells the host a change was stored for sending, with the relation as the cache has it after the write. */
  private async announceSaved(id: string): Promise<void> {
    const relation = await this.modules.currentStore?.getRelation(id);
    if (relation) emit(this, 'relation-saved', { id, relation });
  }

  private wasOffline = false;

  protected override willUpdate(): void {
    // Back online after the modules could not be fetched, or only the kept ones could: ask again.
    const { offline, status, error, value } = this.modules.state;
    if (this.wasOffline && !offline && (value?.kept || (status === 'error' && isOffline(error)))) this.modules.refresh();
    this.wasOffline = offline;
  }

  /** The modules that declare at least one preference. */
  private get declared(): Module[] {
    return (this.modules.state.value?.modules ?? []).filter((module) => module.preferences.length > 0);
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    const saved = await this.form.save();
    if (!saved) this.focusFirstError();
  }

  private focusFirstError(): void {
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), () => undefined);
  }

  protected override render() {
    const m = this.i18n.section(modules).preferences;
    if (!this.relation) return nothing;
    const { status, error, value } = this.modules.state;
    if (status === 'loading') return html`<p role="status" part="note">${m.loading}</p>`;
    if (status === 'error') return failedReadNote(error, { ...m, retry: this.i18n.messages.common.retry }, () => this.modules.refresh());
    if (status === 'empty') return html`<p part="note" class="note">${m.none}</p>`;
    return html`${value?.kept ? html`<p role="status" part="note" class="note">${m.offlineKept}</p>` : nothing}
      <form part="form" aria-label=${m.label} novalidate @submit=${this.submit}>
        ${this.declared.map(
          (module) => html`<fieldset part="module">
            <legend part="module-name">${module.name}</legend>
            <div class="fields">${module.preferences.map((field) => this.field(module, field))}</div>
          </fieldset>`,
        )}
        <div class="actions" part="actions">
          <button type="submit" class="primary" ?disabled=${!this.form.dirty}>${m.save}</button>
          <button type="button" ?disabled=${!this.form.dirty} @click=${() => this.form.revert()}>${m.revert}</button>
        </div>
        ${this.status()}
      </form>`;
  }

  private field(module: Module, field: PreferenceField): TemplateResult {
    const m = this.i18n.section(modules).preferences;
    const path = pathOf(module.key, field.key);
    const locale = intlLocale(this.i18n.locale);
    const fallback = defaultText(field, locale, m);
    const hint = fallback === undefined ? undefined : m.defaultValue(fallback);
    const placeholder = field.default === null || field.type === 'boolean' ? undefined : String(field.default);
    switch (field.type) {
      case 'boolean':
        return this.checkbox(path, field.label, hint);
      case 'integer': {
        // A text field: a number field reads "12,5" or "1e" as empty, which would silently mean "the default".
        // What was typed stays, and the contract's schema says what is wrong with it.
        const range = boundsText(field, locale, m);
        return textField(this.form, {
          path, label: field.label, inputmode: 'numeric', autocomplete: 'off',
          hint: [hint, range].filter(Boolean).join('; ') || undefined,
          ...(placeholder !== undefined ? { placeholder } : {}),
        });
      }
      case 'currency':
        return textField(this.form, { path, label: field.label, autocomplete: 'off', hint, ...(placeholder !== undefined ? { placeholder } : {}) });
      case 'text':
        return textField(this.form, { path, label: field.label, hint, ...(placeholder !== undefined ? { placeholder } : {}) });
    }
  }

  /** A checkbox with its default read with it (the shared checkbox template has no hint). */
  private checkbox(path: string, label: string, hint: string | undefined): TemplateResult {
    const id = `f-${path.replaceAll('.', '-')}`;
    return html`<div class="field checkbox" part="field">
      <input
        id=${id}
        type="checkbox"
        name=${path}
        aria-describedby=${hint ? `${id}-hint` : nothing}
        .checked=${live(this.form.values[path] === true)}
        @change=${(event: Event) => this.form.set(path, (event.target as HTMLInputElement).checked)}
      />
      <label for=${id}>${label}</label>
      ${hint ? html`<span class="hint" id="${id}-hint">${hint}</span>` : nothing}
    </div>`;
  }

  private status(): TemplateResult {
    const m = this.i18n.section(modules).preferences;
    const { state, entry, offeredDraft } = this.form;
    const store = this.modules.currentStore;
    const seq = entry?.seq;
    let detail: TemplateResult | typeof nothing = nothing;
    if (offeredDraft) {
      detail = html`${m.draftOffered(offeredDraft.savedAt)}
        <button type="button" @click=${() => this.form.restoreDraft()}>${m.restoreDraft}</button>
        <button type="button" @click=${() => this.form.dismissDraft()}>${m.dismissDraft}</button>`;
    } else if (state === 'rejected') {
      detail = html`${entry?.error?.detail || entry?.error?.title ? m.rejected(entry.error.detail || entry.error.title) : m.state.rejected}
        <button type="button" @click=${() => this.form.discardRejected()}>${m.discardRejected}</button>`;
    } else if (state === 'conflict' && store && seq !== undefined) {
      detail = html`${m.state.conflict}
        <button type="button" @click=${() => store.resolveConflict(seq, 'mine')}>${m.keepMine}</button>
        <button type="button" @click=${() => store.resolveConflict(seq, 'theirs')}>${m.takeTheirs}</button>`;
    } else if (state === 'saving' || state === 'queued' || state === 'saved') {
      detail = html`${m.state[state]}`;
    }
    return html`<p role="status" part="status" class="status" data-state=${state}>${detail}</p>`;
  }
}
