import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Document, Module, Relation } from '../../../contract/index.js';
import { emit } from '../../../core/events.js';
import { LocaleController } from '../../../i18n/locale-controller.js';
import { modules } from '../../../i18n/sections/modules.js';
import { isLocalId, type RelationsStore } from '../../../store/index.js';
import { controlStyles } from '../../../theme/controls.js';
import { tokenStyles } from '../../../theme/tokens.js';
import { StoreQueryController } from '../../controllers/store-query.js';
import { failedReadNote } from '../failed-read.js';
import { isOffline, loadModules } from '../relation-card-preferences/module-list.js';
import { formatAmount, formatDate } from './document-format.js';
import { documentsStyles } from './relation-card-documents.styles.js';

interface ModulePage {
  items: Document[];
  nextCursor: string | null;
}

interface Loaded {
  /** The relation asked for, and its id at the backend (they differ for one created here, until accepted). */
  askedId: string;
  relationId: string;
  modules: Module[];
  pages: Record<string, ModulePage>;
}

/** A module's "more" request: its pages so far, and how the last one went. */
interface More extends ModulePage {
  loading: boolean;
  error: unknown;
}

/**
 * The relation's documents in the host's modules (quotes, orders, invoices, …), a table per module with
 * number, description, date, status and amount in the user's locale, a page at a time. Documents live in
 * the host's ERP and are fetched from the backend on each visit, not cached: offline, a note says so.
 *
 * @internal
 * @tagname relation-card-documents
 * @fires document-open - The user chose a document's number; `detail` is `{ id, module, relationId }`.
 *   Cancelable: a host that opens the document itself calls `preventDefault()`.
 * @csspart module - A module's section: its heading, table, empty note and more button.
 * @csspart module-name - A module's heading.
 * @csspart table - A module's table of documents.
 * @csspart row - A document's row.
 * @csspart document-link - The button on a document's number that fires `document-open`.
 * @csspart amount - A document's amount cell.
 * @csspart empty - The note of a module without documents for this relation.
 * @csspart more - The button that loads a module's next page.
 * @csspart note - The loading, offline or error note.
 */
export class RelationCardDocuments extends LitElement {
  static override styles = [tokenStyles, controlStyles, documentsStyles];

  /** The relation whose documents are shown. */
  @property({ attribute: false }) relation: Relation | undefined;

  /** The store whose client fetches the documents; by default the provider's. */
  @property({ attribute: false }) store: RelationsStore | undefined;

  /** How many documents of a module one page holds. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 10;

  @state() private more: Record<string, More> = {};

  private moreFor: Loaded | undefined;

  private readonly i18n = new LocaleController(this);

  private readonly query = new StoreQueryController<Loaded, readonly [string, string, number]>(this, {
    run: async (store, [id, locale, limit], signal) => {
      const { modules } = await loadModules(store, locale === 'nl' ? 'nl' : 'en', signal);
      const relationId = id ? await store.resolveId(id) : '';
      // A relation created here and not yet accepted by the backend has no documents there yet.
      if (!relationId || isLocalId(relationId)) return { askedId: id, relationId, modules, pages: {} };
      const pages = await Promise.all(
        modules.map(async (module) => [module.key, await store.client.listDocuments({ id: relationId, module: module.key, limit }, { signal })] as const),
      );
      return { askedId: id, relationId, modules, pages: Object.fromEntries(pages) };
    },
    args: () => [this.relation?.id ?? '', this.i18n.locale, this.pageSize] as const,
    entities: [],
  });

  private wasOffline = false;

  protected override willUpdate(): void {
    // Back online after the documents could not be fetched: ask again.
    const { offline, status, error } = this.query.state;
    if (this.wasOffline && !offline && status === 'error' && isOffline(error)) this.query.refresh();
    this.wasOffline = offline;
    // New first pages (another relation, language or page size, or a retry): the pages loaded with "more" go.
    const loaded = this.query.state.value;
    if (loaded !== this.moreFor) {
      this.moreFor = loaded;
      this.more = {};
    }
  }

  /** A module's documents so far: the first page, and any pages loaded with "more". */
  private pageOf(loaded: Loaded, module: string): More {
    const first = loaded.pages[module] ?? { items: [], nextCursor: null };
    return this.more[module] ?? { ...first, loading: false, error: undefined };
  }

  private async loadMore(loaded: Loaded, module: string): Promise<void> {
    const store = this.query.currentStore;
    const current = this.pageOf(loaded, module);
    if (!store || !current.nextCursor || current.loading) return;
    this.more = { ...this.more, [module]: { ...current, loading: true, error: undefined } };
    try {
      const page = await store.client.listDocuments({ id: loaded.relationId, module, limit: this.pageSize, cursor: current.nextCursor });
      if (this.moreFor !== loaded) return;
      this.more = { ...this.more, [module]: { items: [...current.items, ...page.items], nextCursor: page.nextCursor, loading: false, error: undefined } };
    } catch (error) {
      if (this.moreFor !== loaded) return;
      this.more = { ...this.more, [module]: { ...current, loading: false, error } };
    }
  }

  private open(document: Document, relationId: string): void {
    emit(this, 'document-open', { id: document.id, module: document.module, relationId }, { cancelable: true });
  }

  protected override render() {
    const m = this.i18n.section(modules).documents;
    if (!this.relation) return nothing;
    const { status, error, value } = this.query.state;
    if (status === 'error') return failedReadNote(error, m, () => this.query.refresh());
    // Until the documents of this relation arrive, not those of the one shown before.
    if (!value || value.askedId !== this.relation.id) return html`<p role="status" part="note" class="note">${m.loading}</p>`;
    if (value.modules.length === 0) return html`<p part="note" class="note">${m.noModules}</p>`;
    return html`${value.modules.map((module) => this.module(value, module))}`;
  }

  private module(loaded: Loaded, module: Module): TemplateResult {
    const m = this.i18n.section(modules).documents;
    const page = this.pageOf(loaded, module.key);
    const headingId = `module-${module.key}`;
    return html`<section part="module" aria-labelledby=${headingId}>
      <h3 id=${headingId} part="module-name">${module.name}</h3>
      ${page.items.length === 0
        ? html`<p part="empty" class="note">${m.empty(module.name)}</p>`
        : html`<div class="scroll">
            <table part="table" role="table" aria-labelledby=${headingId}>
              <thead>
                <tr role="row">
                  <th role="columnheader" scope="col">${m.columns.number}</th>
                  <th role="columnheader" scope="col">${m.columns.title}</th>
                  <th role="columnheader" scope="col">${m.columns.date}</th>
                  <th role="columnheader" scope="col">${m.columns.status}</th>
                  <th role="columnheader" scope="col" class="amount">${m.columns.amount}</th>
                </tr>
              </thead>
              <tbody>
                ${page.items.map((document) => this.row(document, loaded.relationId))}
              </tbody>
            </table>
          </div>`}
      ${page.nextCursor
        ? html`<button type="button" part="more" class="more" ?disabled=${page.loading} @click=${() => this.loadMore(loaded, module.key)}>
            ${page.loading ? m.loadingMore : m.more(module.name)}
          </button>`
        : nothing}
      ${page.error
        ? html`<p role=${isOffline(page.error) ? 'status' : 'alert'} class="note error">${isOffline(page.error) ? m.offline : m.error}</p>`
        : nothing}
    </section>`;
  }

  private row(document: Document, relationId: string): TemplateResult {
    const m = this.i18n.section(modules).documents;
    const locale = this.i18n.locale;
    return html`<tr part="row" role="row">
      <td role="cell" class="number"><button type="button" class="link" part="document-link" @click=${() => this.open(document, relationId)}>${document.number}</button></td>
      <td role="cell" class="title">${document.title}</td>
      <td role="cell" class="date">${formatDate(document.date, locale)}</td>
      <td role="cell" class="status">${document.status}</td>
      <td role="cell" class="amount" part="amount">${document.amount ? formatAmount(document.amount, locale) : html`<span aria-hidden="true">—</span><span class="visually-hidden">${m.noAmount}</span>`}</td>
    </tr>`;
  }
}
