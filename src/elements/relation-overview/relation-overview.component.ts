import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Label, Relation, RelationSort, RelationStatus } from '../../contract/index.js';
import { emit } from '../../core/events.js';
import { LocaleController } from '../../i18n/locale-controller.js';
import type { RelationQuery, RelationsStore } from '../../store/index.js';
import { controlStyles } from '../../theme/controls.js';
import { tokenStyles } from '../../theme/tokens.js';
import { StoreQueryController } from '../controllers/store-query.js';
import '../label-filter/label-filter.js';
import { labelFor, printAddressLabels, type LabelAddress, type SheetLayout } from './address-labels.js';
import { cellText, columnKeys, columnLabel, parseColumns, sortOf, type ColumnKey } from './columns.js';
import { relationsToCsv } from './csv.js';
import { overviewStyles } from './relation-overview.styles.js';

/** What the overview shows: a window of the matches and how to read any of them. */
interface Results {
  total: number;
  at(i: number): Relation;
  ids(): string[];
  /** Answered by the backend because the cache was still filling: only a first page. */
  fromServer: boolean;
}

const overscan = 6;
const widths: Record<ColumnKey, string> = {
  number: '6rem', name: 'minmax(12rem, 2fr)', kind: '7rem', debtorNumber: '7rem', creditorNumber: '7rem',
  city: 'minmax(7rem, 1fr)', email: 'minmax(10rem, 1.5fr)', phone: '9rem', labels: 'minmax(8rem, 1fr)',
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
 * @csspart notice - The offline notice.
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
    args: () => [this.currentQuery()] as const,
    run: (store, [query]) => this.load(store, query),
    isEmpty: (results) => results.total === 0,
  });
  private readonly labelData = new StoreQueryController(this, {
    entities: ['label'],
    args: () => [] as const,
    run: async (store) => new Map((await store.labels()).map((label): [string, Label] => [label.id, label])),
  });

  @query('.body') private body?: HTMLElement;
  @query('.grid') private grid?: HTMLElement;
  @query('dialog.export') private exportDialog?: HTMLDialogElement;
  @query('dialog.print') private printDialog?: HTMLDialogElement;

  @state() private scrollOffset = 0;
  @state() private viewport = 600;
  @state() private rowHeight = 36;
  @state() private active = 0;
  @state() private selection = new Set<string>();
  @state() private allMatching = false;
  @state() private columns: ColumnKey[] = parseColumns(null);
  @state() private choosingColumns = false;
  @state() private preview: Relation[] = [];
  @state() private exportState: { done: number; total: number } | undefined;
  /** Which dialog is open; a closed dialog is not rendered at all (fewer elements at rest). */
  @state() private dialog: 'export' | 'print' | undefined;
  @state() private bulkLabel = '';
  private anchor = 0;
  private scrollFrame = 0;
  private resizeObserver: ResizeObserver | undefined;
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
    return [...this.selection];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver = new ResizeObserver(() => this.measure());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
  }

  protected override firstUpdated(): void {
    if (this.body) this.resizeObserver?.observe(this.body);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const store = this.results.currentStore;
    if (store && store.name !== this.columnsLoadedFor) {
      this.columnsLoadedFor = store.name;
      this.columns = parseColumns(localStorage.getItem(this.columnsKey(store)));
    }
    const filters = ['view', 'q', 'roleFilter', 'kind', 'labelIds', 'labelMode', 'showArchived', 'sort'] as const;
    if (filters.some((name) => changed.has(name)) && this.hasUpdated) {
      this.active = 0;
      this.anchor = 0;
      if (this.body) this.body.scrollTop = 0;
      if (this.allMatching) this.setSelection(new Set(), false);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.measure();
    if (changed.has('dialog' as keyof RelationOverview)) {
      const dialog = this.dialog === 'export' ? this.exportDialog : this.dialog === 'print' ? this.printDialog : undefined;
      if (dialog && !dialog.open) dialog.showModal();
    }
  }

  // Data ------------------------------------------------------------------------------------------------

  private currentQuery(): RelationQuery {
    const status: RelationStatus[] = this.view === 'leads' ? ['lead'] : this.showArchived ? ['active', 'archived'] : ['active'];
    return {
      q: this.q,
      status,
      ...(this.kind ? { kind: this.kind } : {}),
      ...(this.roleFilter ? { role: this.roleFilter } : {}),
      ...(this.labelIds.length ? { labelIds: this.labelIds, labelMode: this.labelMode } : {}),
      sort: this.sort,
    };
  }

  /** From the cache; while a first sync is still filling it, the backend answers the first page instead. */
  private async load(store: RelationsStore, query: RelationQuery): Promise<Results> {
    if (!(await store.isComplete())) {
      try {
        const page = await store.client.listRelations({ ...query, limit: 200 });
        return { total: page.items.length, at: (i) => page.items[i]!, ids: () => page.items.map((r) => r.id), fromServer: true };
      } catch {
        // offline before the first sync: whatever the cache has is the best answer
      }
    }
    if (!store.indexReady && this.isDefaultView()) {
      // Loading the whole index takes a while at 100,000 relations: paint the first screenful off the
      // name index first (tens of milliseconds), before the full read competes with it.
      this.preview = await store.firstRelations(Math.ceil(this.viewport / this.rowHeight) + overscan);
    }
    const selection = await store.selectRelations(query);
    this.preview = [];
    return { ...selection, fromServer: false };
  }

  /** The list as it first opens: active relations by name, nothing filtered (what the preview shows). */
  private isDefaultView(): boolean {
    return this.view === 'relations' && !this.showArchived && !this.q && !this.roleFilter && !this.kind && !this.labelIds.length && this.sort === 'name';
  }

  private columnsKey(store: RelationsStore): string {
    return `relation-elements:columns:${store.name}`;
  }

  private saveColumns(columns: ColumnKey[]): void {
    this.columns = columns;
    const store = this.results.currentStore;
    if (store) localStorage.setItem(this.columnsKey(store), JSON.stringify(columns));
  }

  // Layout ----------------------------------------------------------------------------------------------

  private measure(): void {
    const body = this.body;
    if (!body) return;
    if (body.clientHeight && body.clientHeight !== this.viewport) this.viewport = body.clientHeight;
    const row = this.renderRoot.querySelector<HTMLElement>('.head');
    if (row && row.offsetHeight && row.offsetHeight !== this.rowHeight) this.rowHeight = row.offsetHeight;
  }

  private onScroll(): void {
    // One render per frame, however fast the wheel turns, with the offset read in that frame: read at the
    // scroll event, it would be a frame old by the time the rows are painted.
    if (this.scrollFrame) return;
    this.scrollFrame = requestAnimationFrame(() => {
      this.scrollFrame = 0;
      const top = this.body?.scrollTop ?? 0;
      if (this.scrollOffset !== top) this.scrollOffset = top;
    });
  }

  private revealRow(index: number): void {
    const body = this.body;
    if (!body) return;
    const top = index * this.rowHeight;
    if (top < body.scrollTop) body.scrollTop = top;
    else if (top + this.rowHeight > body.scrollTop + body.clientHeight) body.scrollTop = top + this.rowHeight - body.clientHeight;
    this.scrollOffset = body.scrollTop;
  }

  // Selection -------------------------------------------------------------------------------------------

  private setSelection(selection: Set<string>, allMatching: boolean): void {
    this.selection = selection;
    this.allMatching = allMatching;
    emit(this, 'relation-selection-change', { ids: [...selection], allMatching });
  }

  private toggle(index: number): void {
    const relation = this.rowAt(index);
    if (!relation) return;
    const next = new Set(this.selection);
    if (next.has(relation.id)) next.delete(relation.id);
    else next.add(relation.id);
    this.anchor = index;
    this.setSelection(next, false);
  }

  private selectRange(from: number, to: number): void {
    const next = new Set(this.selection);
    for (let i = Math.min(from, to); i <= Math.max(from, to); i++) {
      const relation = this.rowAt(i);
      if (relation) next.add(relation.id);
    }
    this.setSelection(next, false);
  }

  private selectAllMatching(): void {
    const results = this.results.state.value;
    if (!results) return;
    this.setSelection(new Set(results.ids()), true);
  }

  // Keyboard and pointer --------------------------------------------------------------------------------

  private onKeydown(event: KeyboardEvent): void {
    const total = this.total;
    if (total === 0) return;
    const page = Math.max(1, Math.floor(this.viewport / this.rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: this.active + 1, ArrowUp: this.active - 1, PageDown: this.active + page, PageUp: this.active - page,
      Home: 0, End: total - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      const next = Math.max(0, Math.min(total - 1, moves[event.key]!));
      if (event.shiftKey) this.selectRange(this.anchor, next);
      else this.anchor = next;
      this.active = next;
      this.revealRow(next);
    } else if (event.key === ' ') {
      event.preventDefault();
      this.toggle(this.active);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      this.open(this.active);
    } else if (event.key === 'a' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.selectAllMatching();
    } else if (event.key === 'Escape' && this.selection.size) {
      event.preventDefault();
      this.setSelection(new Set(), false);
    }
  }

  private onRowClick(event: MouseEvent, index: number): void {
    if (event.shiftKey) this.selectRange(this.anchor, index);
    else if (event.ctrlKey || event.metaKey) this.toggle(index);
    else this.anchor = index;
    this.active = index;
    this.grid?.focus({ preventScroll: true });
  }

  private open(index: number): void {
    const relation = this.rowAt(index);
    // A relation still waiting for the backend opens by its local id, which the store keeps resolving.
    if (relation) emit(this, 'relation-open', { id: relation.id }, { cancelable: true });
  }

  private setSort(column: ColumnKey): void {
    const sort = sortOf[column];
    if (!sort) return;
    this.sort = (this.sort === sort ? `-${sort}` : sort) as RelationSort;
  }

  private clearFilters(): void {
    this.q = '';
    this.roleFilter = '';
    this.kind = '';
    this.labelIds = [];
    this.showArchived = false;
  }

  // Bulk actions ----------------------------------------------------------------------------------------

  private async changeLabels(add: boolean): Promise<void> {
    const store = this.results.currentStore;
    if (!store || !this.bulkLabel || !this.selection.size) return;
    const relationIds = [...this.selection];
    for (let i = 0; i < relationIds.length; i += 10000) {
      const chunk = relationIds.slice(i, i + 10000);
      await store.write('updateRelationLabels', { body: { relationIds: chunk, [add ? 'addLabelIds' : 'removeLabelIds']: [this.bulkLabel] } });
    }
  }

  /** The relations an action applies to: the selection, or else everything the filters match. */
  private targets(): Relation[] {
    const results = this.results.state.value;
    if (!results) return [];
    const all = Array.from({ length: results.total }, (_, i) => results.at(i));
    return this.selection.size ? all.filter((r) => this.selection.has(r.id)) : all;
  }

  private async runExport(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const store = this.results.currentStore;
    const relations = this.targets();
    const withAddress = form.get('address') === 'on';
    this.exportState = { done: 0, total: relations.length };
    const blob = await relationsToCsv(relations, {
      columns: columnKeys.filter((key) => form.getAll('column').includes(key)),
      withAddress,
      separator: form.get('separator') === ',' ? ',' : ';',
      bom: form.get('bom') === 'on',
      messages: this.i18n.messages,
      labels: this.labelData.state.value ?? new Map(),
      ...(withAddress && store ? { addresses: await store.addressesFor(relations.map((r) => r.id)) } : {}),
      onProgress: (done, total) => (this.exportState = { done, total }),
    });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `relaties-${new Date().toISOString().slice(0, 10)}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    this.exportDialog?.close();
    this.exportState = undefined;
  }

  private async runPrint(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const store = this.results.currentStore;
    if (!store) return;
    const relations = this.targets();
    const addresses = await store.addressesFor(relations.map((r) => r.id));
    const use = (form.get('address') === 'invoice' ? 'invoice' : 'postal') as LabelAddress;
    const labels = relations.flatMap((relation) => labelFor(relation, addresses.get(relation.id), use) ?? []);
    this.printDialog?.close();
    printAddressLabels(labels, (form.get('layout') === '3x8' ? '3x8' : '3x7') as SheetLayout, this.i18n.messages.addressLabels.title);
  }

  // Rendering -------------------------------------------------------------------------------------------

  private get total(): number {
    return this.results.state.value?.total ?? this.preview.length;
  }

  private rowAt(index: number): Relation | undefined {
    const results = this.results.state.value;
    if (results) return index < results.total ? results.at(index) : undefined;
    return this.preview[index];
  }

  protected override render() {
    const m = this.i18n.messages;
    const state = this.results.state;
    return html`
      <div role="tablist" part="tabs" aria-label=${m.overview.label}>
        ${(['relations', 'leads'] as const).map(
          (view) => html`<button role="tab" aria-selected=${this.view === view} aria-controls="grid" tabindex=${this.view === view ? 0 : -1}
            @click=${() => (this.view = view)}
            @keydown=${(e: KeyboardEvent) => {
              if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') this.view = this.view === 'relations' ? 'leads' : 'relations';
            }}>${m.overview.tabs[view]}</button>`,
        )}
      </div>
      ${this.renderToolbar()}
      ${state.offline ? html`<div class="notice" part="notice" role="status">${m.common.offline}</div>` : nothing}
      ${this.selection.size ? this.renderBulk() : nothing}
      <div class="main">
        <div class="side" part="side">
          <label-filter manageable .selected=${this.labelIds} .mode=${this.labelMode}
            @label-filter-change=${(e: CustomEvent<{ labelIds: string[]; mode: 'all' | 'any' }>) => {
              this.labelIds = e.detail.labelIds;
              this.labelMode = e.detail.mode;
            }}></label-filter>
        </div>
        ${this.renderGrid()}
      </div>
      ${this.dialog === 'export' ? this.renderExportDialog() : nothing} ${this.dialog === 'print' ? this.renderPrintDialog() : nothing}
    `;
  }

  private renderToolbar() {
    const m = this.i18n.messages;
    const state = this.results.state;
    const total = state.value?.total;
    return html`<div class="toolbar" part="toolbar">
      <input type="search" aria-label=${m.overview.search} placeholder=${m.overview.searchPlaceholder} .value=${this.q}
        @input=${(e: Event) => (this.q = (e.target as HTMLInputElement).value)} />
      <select aria-label=${m.overview.role.label} .value=${this.roleFilter}
        @change=${(e: Event) => (this.roleFilter = (e.target as HTMLSelectElement).value as '' | 'debtor' | 'creditor')}>
        <option value="">${m.overview.role.all}</option>
        <option value="debtor">${m.overview.role.debtor}</option>
        <option value="creditor">${m.overview.role.creditor}</option>
      </select>
      <select aria-label=${m.overview.kind.label} .value=${this.kind}
        @change=${(e: Event) => (this.kind = (e.target as HTMLSelectElement).value as '' | 'organization' | 'person')}>
        <option value="">${m.overview.kind.all}</option>
        <option value="organization">${m.overview.kind.organization}</option>
        <option value="person">${m.overview.kind.person}</option>
      </select>
      ${this.view === 'relations'
        ? html`<label><input type="checkbox" .checked=${this.showArchived}
            @change=${(e: Event) => (this.showArchived = (e.target as HTMLInputElement).checked)} /> ${m.overview.showArchived}</label>`
        : nothing}
      <div class="anchor">
        <button aria-expanded=${this.choosingColumns} @click=${() => (this.choosingColumns = !this.choosingColumns)}>${m.overview.columns.choose}</button>
        ${this.choosingColumns ? this.renderColumnChooser() : nothing}
      </div>
      <button @click=${() => (this.dialog = 'export')}>${m.exporting.title}</button>
      <button @click=${() => (this.dialog = 'print')}>${m.addressLabels.title}</button>
      <span class="count" role="status">${total === undefined ? '' : `${m.relations.count(total)}${state.value?.fromServer ? '+' : ''}`}</span>
    </div>`;
  }

  private renderColumnChooser() {
    const m = this.i18n.messages;
    const order = [...this.columns, ...columnKeys.filter((key) => !this.columns.includes(key))];
    const move = (key: ColumnKey, by: number) => {
      const columns = [...this.columns];
      const from = columns.indexOf(key);
      const to = from + by;
      if (from < 0 || to < 0 || to >= columns.length) return;
      [columns[from], columns[to]] = [columns[to]!, columns[from]!];
      this.saveColumns(columns);
    };
    return html`<div class="popover" role="group" aria-label=${m.overview.columns.choose}
      @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && (this.choosingColumns = false)}>
      ${order.map((key) => {
        const label = columnLabel(key, m);
        const shown = this.columns.includes(key);
        return html`<div class="column">
          <label><input type="checkbox" .checked=${shown}
            @change=${(e: Event) => this.saveColumns((e.target as HTMLInputElement).checked ? [...this.columns, key] : this.columns.filter((c) => c !== key))} />
            ${label}</label>
          <button aria-label=${m.overview.columns.moveUp(label)} ?disabled=${!shown} @click=${() => move(key, -1)}>↑</button>
          <button aria-label=${m.overview.columns.moveDown(label)} ?disabled=${!shown} @click=${() => move(key, 1)}>↓</button>
        </div>`;
      })}
    </div>`;
  }

  private renderBulk() {
    const m = this.i18n.messages;
    const labels = [...(this.labelData.state.value?.values() ?? [])];
    return html`<div class="bulk" part="bulk" role="toolbar" aria-label=${m.overview.actions}>
      <span>${m.overview.selected(this.selection.size)}</span>
      <button @click=${() => this.setSelection(new Set(), false)}>${m.overview.clearSelection}</button>
      <select aria-label=${m.overview.chooseLabel} .value=${this.bulkLabel} @change=${(e: Event) => (this.bulkLabel = (e.target as HTMLSelectElement).value)}>
        <option value="">${m.overview.chooseLabel}</option>
        ${labels.map((label) => html`<option value=${label.id}>${label.name}</option>`)}
      </select>
      <button ?disabled=${!this.bulkLabel} @click=${() => this.changeLabels(true)}>${m.overview.addLabel}</button>
      <button ?disabled=${!this.bulkLabel} @click=${() => this.changeLabels(false)}>${m.overview.removeLabel}</button>
    </div>`;
  }

  private renderGrid() {
    const m = this.i18n.messages;
    const state = this.results.state;
    const total = this.total;
    const template = ['2.5rem', ...this.columns.map((key) => widths[key])].join(' ');
    const first = Math.max(0, Math.floor(this.scrollOffset / this.rowHeight) - overscan);
    const last = Math.min(total, Math.ceil((this.scrollOffset + this.viewport) / this.rowHeight) + overscan);
    const activeRow = this.rowAt(this.active);
    const sortColumn = this.sort.replace('-', '');
    // Messages about the list sit beside the grid, not in it: a grid holds rows only.
    return html`<div class="list">
      ${state.progress && state.stale
        ? html`<div class="progress" part="state" role="status">
            <progress max=${state.progress.total} value=${state.progress.received} aria-label=${m.overview.syncing(state.progress.received, state.progress.total)}></progress>
            ${m.overview.syncing(state.progress.received, state.progress.total)}
          </div>`
        : nothing}
      <div id="grid" class="grid" part="grid" role="grid" tabindex="0" aria-label=${m.overview.label}
        aria-rowcount=${total + 1} aria-colcount=${this.columns.length + 1} aria-multiselectable="true"
        aria-activedescendant=${activeRow ? `cell-${this.active}` : nothing}
        style=${styleMap({ '--_columns': template })} @keydown=${this.onKeydown}>
        <div class="head" part="header" role="row" aria-rowindex="1">
          <div class="cell" role="columnheader">
            <input type="checkbox" aria-label=${m.overview.selectAll} .checked=${this.allMatching && this.selection.size > 0}
              @change=${(e: Event) => ((e.target as HTMLInputElement).checked ? this.selectAllMatching() : this.setSelection(new Set(), false))} />
          </div>
          ${this.columns.map((key) => {
            const sorted = sortOf[key] === sortColumn;
            const ariaSort = sorted ? (this.sort.startsWith('-') ? 'descending' : 'ascending') : 'none';
            return html`<div class="cell" role="columnheader" aria-sort=${sortOf[key] ? ariaSort : nothing}>
              ${sortOf[key]
                ? html`<button @click=${() => this.setSort(key)}>${columnLabel(key, m)}${sorted ? (this.sort.startsWith('-') ? ' ↓' : ' ↑') : ''}</button>`
                : columnLabel(key, m)}
            </div>`;
          })}
        </div>
        <div class="body" role="rowgroup" @scroll=${this.onScroll}>
          <div class="spacer" style=${styleMap({ height: `${total * this.rowHeight}px` })}>
            ${Array.from({ length: Math.max(0, last - first) }, (_, offset) => this.renderRow(first + offset))}
          </div>
        </div>
      </div>
      ${this.renderState()}
    </div>`;
  }

  private renderState() {
    const m = this.i18n.messages;
    const state = this.results.state;
    if (state.status === 'loading' && this.preview.length === 0) {
      return html`<div class="loading" part="state" role="status" aria-label=${m.common.loading}>${Array.from({ length: 8 }, () => html`<div class="skeleton"></div>`)}</div>`;
    }
    if (state.status === 'error') {
      return html`<div class="state error" part="state" role="alert">
        ${m.common.error} <button @click=${() => this.results.refresh()}>${m.common.retry}</button>
      </div>`;
    }
    if (state.status === 'empty') {
      const filtered = this.q || this.roleFilter || this.kind || this.labelIds.length;
      return html`<div class="state" part="state" role="status">
        ${filtered ? html`${m.overview.noResults} <button @click=${this.clearFilters}>${m.overview.clearFilters}</button>` : m.overview.noRelations}
      </div>`;
    }
    return nothing;
  }

  /* The grid holds focus and handles every key for the active row (aria-activedescendant); a row's click
     only makes it the active one. */
  /* eslint-disable lit-a11y/click-events-have-key-events */
  private renderRow(index: number) {
    const relation = this.rowAt(index);
    if (!relation) return nothing;
    const m = this.i18n.messages;
    const labels = this.labelData.state.value ?? new Map<string, Label>();
    const selected = this.selection.has(relation.id);
    return html`<div class="row ${index === this.active ? 'active' : ''}" part="row" role="row" aria-rowindex=${index + 2}
      aria-selected=${selected} style=${styleMap({ transform: `translateY(${index * this.rowHeight}px)` })}
      @click=${(e: MouseEvent) => this.onRowClick(e, index)} @dblclick=${() => this.open(index)}>
      <div class="cell" part="cell" role="gridcell">
        <input type="checkbox" tabindex="-1" aria-label=${m.overview.select(relation.displayName)} .checked=${selected}
          @click=${(e: MouseEvent) => e.stopPropagation()} @change=${() => this.toggle(index)} />
      </div>
      ${this.columns.map((key) => {
        const id = key === 'name' ? `cell-${index}` : nothing;
        if (key === 'name') {
          return html`<div class="cell" part="cell" role="gridcell" id=${id}>
            <button class="open" tabindex="-1" aria-label=${m.overview.open(relation.displayName)}
              @click=${(e: MouseEvent) => { e.stopPropagation(); this.active = index; this.open(index); }}>${relation.displayName}</button>
          </div>`;
        }
        if (key === 'labels') {
          return html`<div class="cell" part="cell" role="gridcell">${relation.labelIds.map((labelId) => {
            const label = labels.get(labelId);
            return label ? html`<span class="chip" style=${styleMap({ '--_chip': label.color })}>${label.name}</span>` : nothing;
          })}</div>`;
        }
        return html`<div class="cell ${key.endsWith('umber') ? 'number' : ''}" part="cell" role="gridcell">${cellText(key, relation, labels, m)}</div>`;
      })}
    </div>`;
  }

  /* eslint-enable lit-a11y/click-events-have-key-events */

  private renderExportDialog() {
    const m = this.i18n.messages;
    const count = this.selection.size || this.results.state.value?.total || 0;
    return html`<dialog class="export" aria-label=${m.exporting.title} @close=${() => (this.dialog = undefined)}>
      <form @submit=${this.runExport}>
        <p>${m.relations.count(count)}</p>
        <fieldset>
          <legend>${m.exporting.columns}</legend>
          ${columnKeys.map((key) => html`<label><input type="checkbox" name="column" value=${key} ?checked=${this.columns.includes(key)} /> ${columnLabel(key, m)}</label>`)}
          <label><input type="checkbox" name="address" checked /> ${m.exporting.withAddress}</label>
        </fieldset>
        <fieldset>
          <legend>${m.exporting.separator}</legend>
          <label><input type="radio" name="separator" value=";" checked /> ${m.exporting.semicolon}</label>
          <label><input type="radio" name="separator" value="," /> ${m.exporting.comma}</label>
          <label><input type="checkbox" name="bom" checked /> ${m.exporting.bom}</label>
        </fieldset>
        ${this.exportState
          ? html`<progress max=${this.exportState.total} value=${this.exportState.done} aria-label=${m.exporting.progress(this.exportState.done, this.exportState.total)}></progress>`
          : nothing}
        <div class="buttons">
          <button type="button" @click=${() => this.exportDialog?.close()}>${m.common.cancel}</button>
          <button type="submit" class="primary" ?disabled=${!!this.exportState}>${m.exporting.start}</button>
        </div>
      </form>
    </dialog>`;
  }

  private renderPrintDialog() {
    const m = this.i18n.messages;
    return html`<dialog class="print" aria-label=${m.addressLabels.title} @close=${() => (this.dialog = undefined)}>
      <form @submit=${this.runPrint}>
        <fieldset>
          <legend>${m.addressLabels.layout}</legend>
          <label><input type="radio" name="layout" value="3x7" checked /> A4 3 × 7</label>
          <label><input type="radio" name="layout" value="3x8" /> A4 3 × 8</label>
        </fieldset>
        <fieldset>
          <legend>${m.addressLabels.address}</legend>
          <label><input type="radio" name="address" value="postal" checked /> ${m.addressLabels.postal}</label>
          <label><input type="radio" name="address" value="invoice" /> ${m.addressLabels.invoice}</label>
        </fieldset>
        <div class="buttons">
          <button type="button" @click=${() => this.printDialog?.close()}>${m.common.cancel}</button>
          <button type="submit" class="primary">${m.addressLabels.print}</button>
        </div>
      </form>
    </dialog>`;
  }
}
