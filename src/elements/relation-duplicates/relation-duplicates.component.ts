import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { DuplicatePair, Relation } from '../../contract/index.js';
import { emit } from '../../core/events.js';
import { LocaleController } from '../../i18n/locale-controller.js';
import { stewardship } from '../../i18n/sections/stewardship.js';
import type { RelationsStore } from '../../store/index.js';
import { controlStyles } from '../../theme/controls.js';
import { tokenStyles } from '../../theme/tokens.js';
import { StoreQueryController } from '../controllers/store-query.js';
import { failedReadNote } from '../internal/failed-read.js';
import type { RelationDialog } from '../internal/relation-dialog/relation-dialog.component.js';
import '../internal/relation-dialog/relation-dialog.js';
import { dialogContentStyles } from '../internal/relation-dialog/relation-dialog.styles.js';
import '../relation-merge/relation-merge.js';
import { duplicatesStyles } from './relation-duplicates.styles.js';

interface Loaded {
  pairs: DuplicatePair[];
  nextCursor: string | null;
  relations: ReadonlyMap<string, Relation>;
}

/**
 * Pairs of relations that are likely the same one, with why (an equal KvK or VAT number, IBAN, e-mail, or the
 * same name): open either, dismiss a pair as "not a duplicate" (remembered for everyone), or, as an admin,
 * merge the two in `<relation-merge>`. Read from the backend a page at a time; not kept offline.
 *
 * @summary Likely duplicate relations, to dismiss or merge.
 * @tagname relation-duplicates
 * @fires relation-open - The user chose one of a pair's relations; `detail` is `{ id }`. Cancelable.
 * @fires relation-saved - Two relations were merged; `detail` is `{ id, relation }` of the one that stays.
 * @csspart list - The list of pairs.
 * @csspart pair - One pair.
 * @csspart reasons - Why the two are likely the same.
 * @csspart more - The button that loads more pairs.
 * @csspart note - The loading, empty, offline or error note.
 */
export class RelationDuplicates extends LitElement {
  static override styles = [tokenStyles, controlStyles, dialogContentStyles, duplicatesStyles];

  @property({ attribute: false }) store: RelationsStore | undefined;

  /** How many pairs one page holds. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  @state() private more: Loaded | undefined;
  @state() private dismissed = new Set<string>();
  @state() private announcement = '';
  @state() private merging: [Relation, Relation] | undefined;

  @query('relation-dialog') private dialog!: RelationDialog;

  private readonly i18n = new LocaleController(this);

  private readonly query = new StoreQueryController<Loaded, readonly [number]>(this, {
    run: async (store, [limit], signal) => {
      const page = await store.client.listDuplicates({ limit }, { signal });
      return { pairs: page.items, nextCursor: page.nextCursor, relations: await relationsOf(store, page.items, new Map()) };
    },
    args: () => [this.pageSize] as const,
    // Not on every change of a relation: finding the pairs reads every relation (a first sync alone would ask
    // for them again page after page). The list reads again after a merge here, and on retry.
    entities: [],
    isEmpty: (loaded) => loaded.pairs.length === 0,
  });

  private get shown(): Loaded | undefined {
    return this.more ?? this.query.state.value;
  }

  private async loadMore(): Promise<void> {
    const store = this.query.currentStore;
    const shown = this.shown;
    if (!store || !shown?.nextCursor) return;
    const page = await store.client.listDuplicates({ limit: this.pageSize, cursor: shown.nextCursor });
    this.more = { pairs: [...shown.pairs, ...page.items], nextCursor: page.nextCursor, relations: await relationsOf(store, page.items, shown.relations) };
  }

  private async dismiss(a: Relation, b: Relation): Promise<void> {
    const store = this.query.currentStore;
    if (!store) return;
    await store.client.dismissDuplicate({ body: { relationIds: [a.id, b.id] } });
    this.dismissed = new Set(this.dismissed).add(`${a.id} ${b.id}`);
    this.announcement = this.i18n.section(stewardship).duplicates.dismissed(a.displayName, b.displayName);
  }

  private openMerge(a: Relation, b: Relation): void {
    this.merging = [a, b];
    this.dialog.open = true;
  }

  private merged(): void {
    this.more = undefined;
    this.query.refresh();
  }

  protected override render() {
    const m = this.i18n.section(stewardship).duplicates;
    const { status, error } = this.query.state;
    if (status === 'error') return failedReadNote(error, m, () => this.query.refresh());
    const shown = this.shown;
    if (!shown) return html`<p role="status" part="note" class="note">${m.loading}</p>`;
    const pairs = shown.pairs.filter((pair) => !this.dismissed.has(pair.relationIds.join(' ')));
    return html`
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${pairs.length === 0
        ? html`<p part="note" class="note">${m.empty}</p>`
        : html`<ul part="list" aria-label=${m.label}>${pairs.map((pair) => this.pair(pair, shown.relations))}</ul>`}
      ${shown.nextCursor ? html`<button type="button" part="more" @click=${() => this.loadMore()}>${m.more}</button>` : nothing}
      <relation-dialog label=${this.merging ? this.i18n.section(stewardship).merge.label(this.merging[1].displayName) : m.merge}
        @close=${() => (this.merging = undefined)}>
        ${this.merging
          ? html`<relation-merge relation-id=${this.merging[0].id} other-id=${this.merging[1].id} .store=${this.query.currentStore}
              @relation-saved=${this.merged}></relation-merge>`
          : nothing}
        <div class="buttons"><button type="button" @click=${() => this.dialog.close()}>${m.close}</button></div>
      </relation-dialog>
    `;
  }

  private pair(pair: DuplicatePair, relations: ReadonlyMap<string, Relation>): TemplateResult | typeof nothing {
    const m = this.i18n.section(stewardship).duplicates;
    const [a, b] = pair.relationIds.map((id) => relations.get(id));
    if (!a || !b) return nothing;
    const open = (relation: Relation) => emit(this, 'relation-open', { id: relation.id }, { cancelable: true });
    const admin = this.query.currentStore?.me.role === 'admin';
    return html`<li part="pair" aria-label=${m.pair(a.displayName, b.displayName)}>
      <div class="names">
        ${[a, b].map((relation) => html`<button type="button" class="link" @click=${() => open(relation)}>${relation.displayName}</button>
          <span class="number">${relation.number}</span>`)}
      </div>
      <p part="reasons" class="reasons">${pair.reasons.map((reason) => m.reasons[reason]).join(', ')}</p>
      <div class="actions">
        <button type="button" @click=${() => this.dismiss(a, b)}>${m.dismiss}</button>
        ${admin ? html`<button type="button" @click=${() => this.openMerge(a, b)}>${m.merge}</button>` : nothing}
      </div>
    </li>`;
  }
}

/** The relations of `pairs`, from the cache or else the backend, added to those known already. */
async function relationsOf(store: RelationsStore, pairs: readonly DuplicatePair[], known: ReadonlyMap<string, Relation>) {
  const relations = new Map(known);
  const ids = [...new Set(pairs.flatMap((pair) => pair.relationIds))].filter((id) => !relations.has(id));
  for (const relation of await Promise.all(ids.map((id) => store.loadRelation(id)))) if (relation) relations.set(relation.id, relation);
  return relations;
}
