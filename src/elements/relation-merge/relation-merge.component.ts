import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { mergeableFields, type MergeableField, type Relation } from '../../contract/index.js';
import { emit } from '../../core/events.js';
import { LocaleController } from '../../i18n/locale-controller.js';
import { history } from '../../i18n/sections/history.js';
import { stewardship } from '../../i18n/sections/stewardship.js';
import { ApiError, NetworkError } from '../../sdk/index.js';
import type { RelationsStore } from '../../store/index.js';
import { controlStyles } from '../../theme/controls.js';
import { tokenStyles } from '../../theme/tokens.js';
import { StoreQueryController } from '../controllers/store-query.js';
import { fieldName } from '../relation-history/history-format.js';
import { mergeStyles } from './relation-merge.styles.js';

type Outcome = 'done' | 'offline' | 'forbidden' | 'conflict' | 'failed' | 'notFound';

/** A field's value as the merge table shows it. */
function valueAt(relation: Relation, field: MergeableField): string | null {
  const [part, key] = field.split('.') as [keyof Relation, string | undefined];
  const value = key ? (relation[part] as Record<string, unknown> | null)?.[key] : relation[part];
  return value === null || value === undefined || value === '' ? null : String(value);
}

/**
 * Two relations side by side to merge into one: for every field where they differ, which value to keep.
 * `relation-id` stays and `other-id` is merged into it (or the other way round, one click away). Admins only:
 * members see both and a note, and the backend refuses them anyway. Merging asks the backend at once.
 *
 * @summary Merge two relations: choose each field, then move everything of one into the other.
 * @tagname relation-merge
 * @fires relation-saved - The merge is done; `detail` is `{ id, relation }` of the relation that stays, as the backend has it now.
 * @csspart table - The fields of both relations, with a choice where they differ.
 * @csspart explained - What a merge moves and keeps.
 * @csspart actions - The swap and merge buttons.
 * @csspart status - What the merge did, announced.
 */
export class RelationMerge extends LitElement {
  static override styles = [tokenStyles, controlStyles, mergeStyles];

  /** The relation that stays. */
  @property({ attribute: 'relation-id' }) relationId = '';

  /** The relation merged into it. */
  @property({ attribute: 'other-id' }) otherId = '';

  @property({ attribute: false }) store: RelationsStore | undefined;

  /** Fields whose value comes from the other relation. */
  @state() private taken = new Set<MergeableField>();
  @state() private working = false;
  @state() private outcome: Outcome | undefined;
  @state() private mergedPair: [string, string] | undefined;

  private readonly i18n = new LocaleController(this);

  private readonly pair = new StoreQueryController<{ stays: Relation; goes: Relation } | null, readonly [string, string]>(this, {
    run: async (store, [stays, goes]) => {
      const [a, b] = await Promise.all([store.loadRelation(stays), store.loadRelation(goes)]);
      return a && b ? { stays: a, goes: b } : null;
    },
    args: () => [this.relationId, this.otherId] as const,
    entities: ['relation'],
  });

  private chosenFor: string | undefined;

  protected override willUpdate(): void {
    const pair = this.pair.state.value;
    const key = pair ? `${pair.stays.id} ${pair.goes.id}` : undefined;
    // A new pair: where the one that stays has nothing and the other has a value, take the other's.
    if (pair && key !== this.chosenFor) {
      this.chosenFor = key;
      this.taken = new Set(mergeableFields.filter((field) => valueAt(pair.stays, field) === null && valueAt(pair.goes, field) !== null));
    }
  }

  private swap(): void {
    [this.relationId, this.otherId] = [this.otherId, this.relationId];
    this.outcome = undefined;
  }

  private async merge(stays: Relation, goes: Relation): Promise<void> {
    const store = this.store ?? this.pair.currentStore;
    if (!store || this.working) return;
    this.working = true;
    this.outcome = undefined;
    try {
      const [id, otherId] = await Promise.all([store.resolveId(stays.id), store.resolveId(goes.id)]);
      const relation = await store.client.mergeRelations({ id, body: { otherId, fields: [...this.taken] } });
      this.mergedPair = [goes.displayName, stays.displayName];
      this.outcome = 'done';
      await store.revalidate().catch(() => undefined);
      emit(this, 'relation-saved', { id: relation.id, relation });
    } catch (error) {
      this.outcome = error instanceof NetworkError ? 'offline'
        : error instanceof ApiError ? ({ 403: 'forbidden', 404: 'notFound', 409: 'conflict' } as const)[error.status as 403] ?? 'failed'
          : 'failed';
    } finally {
      this.working = false;
    }
  }

  protected override render() {
    const m = this.i18n.section(stewardship).merge;
    const store = this.store ?? this.pair.currentStore;
    const { value } = this.pair.state;
    if (this.outcome === 'done' && this.mergedPair) return html`<p part="status" role="status">${m.done(...this.mergedPair)}</p>`;
    if (value === null) return html`<p part="status" role="alert">${m.notFound}</p>`;
    if (!value) return html`<p part="status" role="status">${m.loading}</p>`;
    const { stays, goes } = value;
    const admin = store?.me.role === 'admin';
    return html`
      <table part="table">
        <caption class="visually-hidden">${m.label(goes.displayName)}</caption>
        <thead><tr>
          <th scope="col">${m.field}</th>
          <th scope="col">${m.stays(stays.displayName, stays.number)}</th>
          <th scope="col">${m.goes(goes.displayName, goes.number)}</th>
        </tr></thead>
        <tbody>${mergeableFields.filter((field) => stays[field.split('.')[0] as keyof Relation] !== null).map((field) => this.row(field, stays, goes))}</tbody>
      </table>
      <p part="explained">${m.explained(stays.displayName, goes.displayName)}</p>
      <div part="actions" class="actions">
        <button type="button" @click=${this.swap}>${m.swap}</button>
        ${admin
          ? html`<button type="button" class="danger" ?disabled=${this.working} @click=${() => this.merge(stays, goes)}>
              ${this.working ? m.working : m.confirm}
            </button>`
          : nothing}
      </div>
      <p part="status" class="status" role=${this.outcome ? 'alert' : 'status'}>${admin ? (this.outcome ? m[this.outcome] : '') : m.membersOnly}</p>
    `;
  }

  private row(field: MergeableField, stays: Relation, goes: Relation): TemplateResult {
    const m = this.i18n.section(stewardship).merge;
    const label = fieldName(field, this.i18n.section(history));
    const [mine, theirs] = [valueAt(stays, field), valueAt(goes, field)];
    if (mine === theirs) {
      return html`<tr class="same"><th scope="row">${label}</th><td colspan="2">${mine ?? m.none} <span class="hint">(${m.same})</span></td></tr>`;
    }
    const choose = (fromOther: boolean) => {
      const taken = new Set(this.taken);
      if (fromOther) taken.add(field);
      else taken.delete(field);
      this.taken = taken;
    };
    const cell = (value: string | null, fromOther: boolean) => html`<td>
      <label><input type="radio" name=${field} .checked=${this.taken.has(field) === fromOther} @change=${() => choose(fromOther)}
        aria-label=${m.choice(label, value ?? m.none)} /> ${value ?? m.none}</label>
    </td>`;
    return html`<tr><th scope="row">${label}</th>${cell(mine, false)}${cell(theirs, true)}</tr>`;
  }
}
