import { html, LitElement, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Relation } from '../../../contract/index.js';
import { download } from '../../../core/download.js';
import { emit } from '../../../core/events.js';
import { LocaleController } from '../../../i18n/locale-controller.js';
import { personalData } from '../../../i18n/sections/personal-data.js';
import { ApiError, NetworkError } from '../../../sdk/index.js';
import type { RelationsStore } from '../../../store/index.js';
import { controlStyles } from '../../../theme/controls.js';
import { tokenStyles } from '../../../theme/tokens.js';
import type { RelationDialog } from '../relation-dialog/relation-dialog.component.js';
import '../relation-dialog/relation-dialog.js';
import { dialogContentStyles } from '../relation-dialog/relation-dialog.styles.js';
import { readableExport } from './readable-export.js';
import { personalDataStyles } from './relation-personal-data.styles.js';

type Outcome = { kind: 'done' | 'offline' | 'forbidden' | 'failed'; name: string };

/**
 * A relation's personal data as the GDPR asks for it: export everything about it (JSON, or a document a
 * person can read), and, for admins only, anonymise it after typing its name. Both ask the backend at once
 * (nothing waits in the outbox): an export must be complete, and an anonymisation is not to be undone.
 *
 * @internal
 * @tagname relation-personal-data
 * @fires relation-saved - The relation was anonymised; `detail` is `{ id, relation }` as the backend has it now.
 * @csspart actions - The export and anonymise buttons.
 * @csspart status - What the last action did, announced.
 */
export class RelationPersonalData extends LitElement {
  static override styles = [tokenStyles, controlStyles, dialogContentStyles, personalDataStyles];

  @property({ attribute: false }) relation: Relation | undefined;

  @property({ attribute: false }) store: RelationsStore | undefined;

  @state() private busy: 'export' | 'anonymize' | undefined;
  @state() private typed = '';
  @state() private touched = false;
  @state() private outcome: Outcome | undefined;

  @query('relation-dialog') private dialog!: RelationDialog;

  private readonly i18n = new LocaleController(this);

  /** Only an admin sees "Anonymise"; the backend refuses members whatever they send. */
  private get isAdmin(): boolean {
    return this.store?.me.role === 'admin';
  }

  private async exportData(as: 'json' | 'document'): Promise<void> {
    const relation = this.relation;
    const store = this.store;
    if (!relation || !store || this.busy) return;
    const m = this.i18n.section(personalData);
    this.busy = 'export';
    this.outcome = undefined;
    try {
      const id = await store.resolveId(relation.id);
      const data = await store.client.exportRelationData({ id });
      const date = data.exportedAt.slice(0, 10);
      if (as === 'json') download(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), m.jsonFile(relation.number, date));
      else download(readableExport(data, m.document, this.i18n.locale === 'nl' ? 'nl' : 'en'), m.documentFile(relation.number, date));
    } catch (error) {
      this.outcome = { kind: error instanceof NetworkError ? 'offline' : 'failed', name: relation.displayName };
    } finally {
      this.busy = undefined;
    }
  }

  private openAnonymize(): void {
    this.typed = '';
    this.touched = false;
    this.outcome = undefined;
    this.dialog.open = true;
  }

  private get confirmed(): boolean {
    return !!this.relation && this.typed.trim() === this.relation.displayName.trim();
  }

  private async anonymize(event: Event): Promise<void> {
    event.preventDefault();
    this.touched = true;
    const relation = this.relation;
    const store = this.store;
    if (!relation || !store || !this.confirmed || this.busy) {
      this.renderRoot.querySelector<HTMLInputElement>('input[name="confirm"]')?.focus();
      return;
    }
    this.busy = 'anonymize';
    try {
      const id = await store.resolveId(relation.id);
      const anonymous = await store.client.anonymizeRelation({ id });
      this.dialog.close();
      this.outcome = { kind: 'done', name: relation.displayName };
      // The feed carries what changed; the cache follows now rather than at the next sync.
      await store.revalidate().catch(() => undefined);
      emit(this, 'relation-saved', { id: relation.id, relation: anonymous });
    } catch (error) {
      const kind = error instanceof NetworkError ? 'offline' : error instanceof ApiError && error.status === 403 ? 'forbidden' : 'failed';
      this.outcome = { kind, name: relation.displayName };
    } finally {
      this.busy = undefined;
    }
  }

  protected override render() {
    const relation = this.relation;
    if (!relation) return nothing;
    const m = this.i18n.section(personalData);
    const mismatch = this.touched && !this.confirmed;
    return html`
      <div part="actions" class="actions" role="group" aria-label=${m.label}>
        <button ?disabled=${this.busy === 'export'} @click=${() => this.exportData('json')}>${m.exportJson}</button>
        <button ?disabled=${this.busy === 'export'} @click=${() => this.exportData('document')}>${m.exportDocument}</button>
        ${this.isAdmin ? html`<button class="danger" @click=${this.openAnonymize}>${m.anonymize}</button>` : nothing}
      </div>
      <p part="status" class="status ${this.outcome && this.outcome.kind !== 'done' ? 'error' : ''}" role="status">
        ${this.busy === 'export' ? m.exporting : this.outcome ? this.outcomeText(this.outcome) : ''}
      </p>
      <relation-dialog label=${m.anonymizeTitle}>
        <form novalidate @submit=${this.anonymize}>
          <h2>${m.anonymizeTitle}</h2>
          <p>${m.anonymizeExplained}</p>
          <label for="confirm">${m.typeName(relation.displayName)}</label>
          <input id="confirm" name="confirm" autocomplete="off" spellcheck="false" .value=${this.typed}
            aria-invalid=${mismatch ? 'true' : 'false'} aria-describedby="confirm-error"
            @input=${(e: Event) => {
              this.typed = (e.target as HTMLInputElement).value;
              this.touched = this.touched || this.typed.length >= relation.displayName.length;
            }}
            @blur=${() => (this.touched = this.typed.length > 0)} />
          <p id="confirm-error" class="field-error">${mismatch ? m.mismatch : ''}</p>
          ${this.outcome && this.outcome.kind !== 'done' && this.busy === undefined && this.dialog?.open
            ? html`<p role="alert" class="error">${this.outcomeText(this.outcome)}</p>`
            : nothing}
          <div class="buttons">
            <button type="button" @click=${() => this.dialog.close()}>${this.i18n.messages.common.cancel}</button>
            <button type="submit" class="danger" ?disabled=${this.busy === 'anonymize'}>
              ${this.busy === 'anonymize' ? m.working : m.confirm}
            </button>
          </div>
        </form>
      </relation-dialog>
    `;
  }

  private outcomeText(outcome: Outcome): string {
    const m = this.i18n.section(personalData);
    return outcome.kind === 'done' ? m.done(outcome.name) : m[outcome.kind];
  }
}
