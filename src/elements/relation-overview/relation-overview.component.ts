import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Label, Relation, RelationSort } from '../../contract/index.js';
import { emit } from '../../core/events.js';
import { LocaleController } from '../../i18n/locale-controller.js';
import { afterNextPaint } from '../../sdk/next-task.js';
import type { ListedRelation, RelationQuery, RelationSelection, RelationsStore } from '../../store/index.js';
import { controlStyles } from '../../theme/controls.js';
import { tokenStyles } from '../../theme/tokens.js';
import { GridKeyboardController } from '../controllers/grid-keyboard.js';
import { RovingTabindexController } from '../controllers/roving-tabindex.js';
import { SelectionController } from '../controllers/selection.js';
import { StoreQueryController } from '../controllers/store-query.js';
import { VirtualRowsController } from '../controllers/virtual-rows.js';
import '../internal/relation-column-chooser/relation-column-chooser.js';
import type { RelationColumnChooser } from '../internal/relation-column-chooser/relation-column-chooser.component.js';
import '../label-filter/label-filter.js';
import { columnKeys, columnLabel, defaultColumns, isColumnKey, loadColumns, saveColumns, sortBy, type ColumnKey } from './columns.js';
import { filterControls, noFilters } from './filters.js';
import { isFiltered, isFirstView, overviewQuery } from './query.js';
import { overviewStyles } from './relation-overview.styles.js';
import { gridColumns, headerRow, relationRow } from './rows.js';
import { listState, syncProgress } from './states.js';

const views = ['relations', 'leads'] as const;

/**
 * The export and print dialogs load when first opened, as chunks of their own in the one-script-tag bundle:
 * most visits to the list never open them.
 */
const dialogs: Record<'export' | 'print', () => Promise<unknown>> = {
  export: () => import('../internal/relation-export-dialog/relation-export-dialog.js'),
  print: () => import('../internal/relation-print-dialog/relation-print-dialog.js'),
};

/**
 * @tagname relation-overview
 * @summary The list of relations to find, filter, select, label, export and print address labels from.
 *
 * @description Relations and leads as two lists, archived relations by a filter. Search as you type over
 * name, numbers, e-mail, phone, city, postcode, KvK and VAT; filter by role, kind and labels; sort by any
 * column; choose and order columns (remembered per user). Rows are virtualized, so 100,000 relations keep
 * a screenful of rows in the DOM. Fully usable from the keyboard: arrows, Home/End, Page Up/Down, Enter
 * opens, Space selects, Shift extends, Ctrl+A selects all matching, Escape clears. It never navigates:
 * opening fires `relation-open`.
 *
 * @fires relation-open - The user opens a relation: `detail.id`. Cancelable.
 * @fires relation-selection-change - The selection changed: `detail.ids`, `detail.allMatching`.
 *
 * @csspart tabs - The Relations / Leads tabs.
 * @csspart toolbar - Search and filters.
 * @csspart bulk - The actions for the selection.
 * @csspart side - The label filter beside the list.
 * @csspart grid - The list, header included.
 * @csspart header - The row of column headers.
 * @csspart row - Each relation's row.
 * @csspart cell - Each cell.
 * @csspart notice - The offline notice, and the notice that a dialog could not be loaded.
 * @csspart state - Loading, empty, no results and error messages.
 *
 * @cssproperty --relation-overview-background - Background of the overview.
 * @cssproperty --relation-overview-row-height - Height of a row (default: --relation-row-height).
 */
export class RelationOverview extends LitElement {
  static override styles = [tokenStyles, controlStyles, overviewStyles];

  private readonly i18n = new LocaleController(this);
  private readonly results = new StoreQueryController(this, {
    entities: ['relation'],
    args: () => [overviewQuery(this)] as const,
    run: (store, [query]) => this.load(store, query),
    isEmpty: (results) => results.total === 0,
  });
  private readonly labelData = new StoreQueryController(this, {
    entities: ['label'],
    args: () => [] as const,
    run: async (store) => new Map((await store.labels()).map((label): [string, Label] => [label.id, label])),
  });
  private readonly rows = new VirtualRowsController(this, { body: () => this.body, sample: () => this.head });
  private readonly selection = new SelectionController(this, {
    idAt: (index) => this.rowAt(index)?.id,
    allIds: () => this.results.state.value?.ids() ?? [],
    onChange: (ids, allMatching) => emit(this, 'relation-selection-change', { ids, allMatching }),
  });
  private readonly keyboard = new GridKeyboardController(this, {
    rows: this.rows, selection: this.selection, total: () => this.total, open: (index) => this.open(index),
  });
  private readonly tabs = new RovingTabindexController(this, {
    items: () => [...this.renderRoot.querySelectorAll<HTMLElement>('[role="tab"]')],
    current: () => views.indexOf(this.view),
    activate: (index) => (this.view = views[index] ?? this.view),
  });

  @query('.body') private body?: HTMLElement;
  @query('.head') private head?: HTMLElement;
  @query('.grid') private grid?: HTMLElement;

  /** The first screenful, from the store's kept first screen while the full index loads. */
  @state() private preview: Relation[] = [];
  @state() private columns: ColumnKey[] = [...defaultColumns];
  /** Which dialog is open; a closed dialog is not rendered at all (fewer elements at rest). */
  @state() private dialog: 'export' | 'print' | undefined;
  /** A dialog's code could not be loaded (offline on first use); its button tries again. */
  @state() private dialogFailed = false;
  private columnsLoadedFor: string | undefined;

  /** Which list: `relations` (active, with archived by `show-archived`) or `leads`. */
  @property({ reflect: true }) view: 'relations' | 'leads' = 'relations';

  /** The search text. */
  @property() q = '';

  /** Only debtors or only creditors; empty for both. (Not `role`: that is the element's ARIA role.) */
  @property({ attribute: 'role-filter' }) roleFilter: '' | 'debtor' | 'creditor' = '';

  /** Only organizations or only persons; empty for both. */
  @property() kind: '' | 'organization' | 'person' = '';

  /** Only relations with these labels (all or any of them, by `label-mode`). */
  @property({ attribute: false }) labelIds: string[] = [];

  /** `all` or `any` of `labelIds`. */
  @property({ attribute: 'label-mode' }) labelMode: 'all' | 'any' = 'all';

  /** Also list archived relations (in the relations view). */
  @property({ type: Boolean, attribute: 'show-archived' }) showArchived = false;

  /** The sort order, as in the contract: `name`, `-number`, `city`, … */
  @property() sort: RelationSort = 'name';

  /** The store to read from; by default the one of the nearest `<relation-provider>`. */
  @property({ attribute: false }) store: RelationsStore | undefined;

  /** The ids of the selected relations. */
  get selectedIds(): string[] {
    return this.selection.ids;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const store = this.results.currentStore;
    if (store && store.name !== this.columnsLoadedFor) {
      this.columnsLoadedFor = store.name;
      this.columns = loadColumns(store.name);
    }
    const filters = ['view', 'q', 'roleFilter', 'kind', 'labelIds', 'labelMode', 'showArchived', 'sort'] as const;
    if (filters.some((name) => changed.has(name)) && this.hasUpdated) {
      this.keyboard.reset();
      this.selection.reset();
      this.rows.toStart();
    }
  }

  // Data ------------------------------------------------------------------------------------------------

  private async load(store: RelationsStore, query: RelationQuery): Promise<RelationSelection> {
    if (!store.indexReady && isFirstView(this) && (await store.isComplete())) {
      // Loading the whole index takes a while at 100,000 relations: paint the first screenful from the
      // kept first screen (one record), before the full read competes with it.
      this.preview = await store.firstRelations(this.rows.window(Number.POSITIVE_INFINITY).last);
      // The full read competes with painting them for the main thread: it starts once they are painted.
      if (this.preview.length) await this.updateComplete.then(() => afterNextPaint());
    }
    const selection = await store.selectRelations(query);
    this.preview = [];
    // The rows show at once; the count (and the scrollbar's length) follows when the store has counted them.
    if (selection.counting) void selection.counted.then(() => this.results.state.value === selection && this.requestUpdate());
    return selection;
  }

  private get total(): number {
    return this.results.state.value?.total ?? this.preview.length;
  }

  private rowAt(index: number): ListedRelation | undefined {
    const results = this.results.state.value;
    if (results) return index < results.total ? results.at(index) : undefined;
    return this.preview[index];
  }

  /** The relations an action applies to: the selection, or else everything the filters match. */
  private targets(): ListedRelation[] {
    const results = this.results.state.value;
    if (!results) return [];
    // Everything the filters match, counted to the end first: the store may still be counting in idle time.
    const all = Array.from({ length: results.count() }, (_, i) => results.at(i));
    return this.selection.size ? all.filter((r) => this.selection.has(r.id)) : all;
  }

  // Actions ---------------------------------------------------------------------------------------------

  private open(index: number): void {
    const relation = this.rowAt(index);
    // A relation still waiting for the backend opens by its local id, which the store keeps resolving.
    if (relation) emit(this, 'relation-open', { id: relation.id }, { cancelable: true });
  }

  private openDialog(dialog: 'export' | 'print'): void {
    this.dialogFailed = false;
    dialogs[dialog]().then(
      () => (this.dialog = dialog),
      () => (this.dialogFailed = true),
    );
  }

  private chooseColumns(keys: readonly string[]): void {
    this.columns = keys.filter(isColumnKey);
    const store = this.results.currentStore;
    if (store) saveColumns(store.name, this.columns);
  }

  // Rendering -------------------------------------------------------------------------------------------

  protected override render() {
    const m = this.i18n.messages;
    const state = this.results.state;
    return html`
      <div role="tablist" part="tabs" aria-label=${m.overview.label} @keydown=${this.tabs.onKeydown}>
        ${views.map((view) => html`<button role="tab" id="tab-${view}" aria-selected=${this.view === view} aria-controls="panel"
          @click=${() => (this.view = view)}>${m.overview.tabs[view]}</button>`)}
      </div>
      <div class="panel" id="panel" role="tabpanel" aria-labelledby="tab-${this.view}">
        ${this.renderToolbar()}
        ${state.offline ? html`<div class="notice" part="notice" role="status">${m.common.offline}</div>` : nothing}
        ${this.dialogFailed ? html`<div class="notice" part="notice" role="alert">${m.common.error}</div>` : nothing}
        ${this.selection.size ? this.renderBulk() : nothing}
        <div class="main">
          <div class="side" part="side">
            <label-filter manageable .selected=${this.labelIds} .mode=${this.labelMode}
              @label-filter-change=${(e: GlobalEventHandlersEventMap['label-filter-change']) => {
                this.labelIds = e.detail.labelIds;
                this.labelMode = e.detail.mode;
              }}></label-filter>
          </div>
          ${this.renderGrid()}
        </div>
      </div>
      ${this.renderDialog()}
    `;
  }

  private renderToolbar() {
    const m = this.i18n.messages;
    const results = this.results.state.value;
    return html`<div class="toolbar" part="toolbar">
      ${filterControls(this, m, (change) => Object.assign(this, change))}
      <relation-column-chooser .options=${columnKeys.map((key) => ({ key, label: columnLabel(key, m) }))} .value=${this.columns}
        @change=${(e: Event) => this.chooseColumns((e.target as RelationColumnChooser).value)}></relation-column-chooser>
      <button @click=${() => this.openDialog('export')}>${m.exporting.title}</button>
      <button @click=${() => this.openDialog('print')}>${m.addressLabels.title}</button>
      <span class="count" role="status">${results ? `${m.relations.count(results.total)}${results.partial || results.counting ? '+' : ''}` : ''}</span>
    </div>`;
  }

  private renderBulk() {
    const m = this.i18n.messages;
    // Loaded with the first selection, as a chunk of its own; rendered before that, it upgrades in place.
    void import('../internal/relation-bulk-labels/relation-bulk-labels.js');
    return html`<div class="bulk" part="bulk" role="toolbar" aria-label=${m.overview.actions}>
      <span>${m.overview.selected(this.selection.size)}</span>
      <button @click=${() => this.selection.clear()}>${m.overview.clearSelection}</button>
      <relation-bulk-labels .store=${this.results.currentStore} .labels=${[...(this.labelData.state.value?.values() ?? [])]}
        .relationIds=${this.selection.ids}></relation-bulk-labels>
    </div>`;
  }

  private renderGrid() {
    const m = this.i18n.messages;
    const total = this.total;
    const { first, last } = this.rows.window(total);
    const active = this.keyboard.active;
    return html`<div class="list">
      ${syncProgress(this.results.state, m)}
      <div id="grid" class="grid" part="grid" role="grid" tabindex="0" aria-label=${m.overview.label}
        aria-rowcount=${total + 1} aria-colcount=${this.columns.length + 1} aria-multiselectable="true"
        aria-activedescendant=${this.rowAt(active) ? `cell-${active}` : nothing}
        style=${styleMap({ '--_columns': gridColumns(this.columns) })} @keydown=${this.keyboard.onKeydown}>
        ${headerRow({
          columns: this.columns, sort: this.sort, allSelected: this.selection.allMatching, messages: m,
          onSelectAll: (on) => (on ? this.selection.selectAllMatching() : this.selection.clear()),
          onSort: (column) => (this.sort = sortBy(column, this.sort)),
        })}
        <div class="body" role="rowgroup" @scroll=${this.rows.onScroll}>
          <div class="spacer" style=${styleMap({ height: `${this.rows.height(total)}px` })}>
            ${Array.from({ length: last - first }, (_, offset) => this.renderRow(first + offset))}
          </div>
        </div>
      </div>
      ${listState({
        state: this.results.state, showingRows: this.preview.length > 0, filtered: isFiltered(this), messages: m,
        onRetry: () => this.results.refresh(), onClearFilters: () => Object.assign(this, noFilters),
      })}
    </div>`;
  }

  private renderRow(index: number) {
    const relation = this.rowAt(index);
    if (!relation) return nothing;
    return relationRow({
      relation, index, top: this.rows.top(index), active: index === this.keyboard.active, selected: this.selection.has(relation.id),
      columns: this.columns, labels: this.labelData.state.value ?? new Map<string, Label>(), messages: this.i18n.messages,
      onPoint: (event) => {
        this.keyboard.point(index, event);
        this.grid?.focus({ preventScroll: true });
      },
      onToggle: () => this.selection.toggle(index),
      onOpen: () => {
        this.keyboard.active = index;
        this.open(index);
      },
    });
  }

  private renderDialog() {
    const close = () => (this.dialog = undefined);
    if (this.dialog === 'print') {
      return html`<relation-print-dialog .store=${this.results.currentStore} .targets=${() => this.targets()} @close=${close}></relation-print-dialog>`;
    }
    if (this.dialog !== 'export') return nothing;
    return html`<relation-export-dialog .store=${this.results.currentStore} .count=${this.selection.size || this.total} .targets=${() => this.targets()}
      .columns=${this.columns} .labels=${this.labelData.state.value ?? new Map()} @close=${close}></relation-export-dialog>`;
  }
}
