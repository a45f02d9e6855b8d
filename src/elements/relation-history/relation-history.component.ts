import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { FieldChange, HistoryEntry } from '../../contract/index.js';
import { formatDateTime } from '../../i18n/formats.js';
import { LocaleController } from '../../i18n/locale-controller.js';
import { history } from '../../i18n/sections/history.js';
import { isLocalId, type RelationsStore } from '../../store/index.js';
import { controlStyles } from '../../theme/controls.js';
import { tokenStyles } from '../../theme/tokens.js';
import { StoreQueryController } from '../controllers/store-query.js';
import { failedReadNote } from '../internal/failed-read.js';
import { isOffline } from '../internal/relation-card-preferences/module-list.js';
import { fieldName, isEmptyValue, namedIds, valueText, type Names } from './history-format.js';
import { historyStyles } from './relation-history.styles.js';

/** Entries of a relation, the cursor after them, and the names their values refer to. */
interface Loaded {
  /** The relation asked for, and its id at the backend (they differ for one created here, until accepted). */
  askedId: string;
  relationId: string;
  items: HistoryEntry[];
  nextCursor: string | null;
  names: Names;
}

/**
 * Every change to a relation, its addresses and the links between its people and organizations, newest
 * first: when, by whom, what, and each field before and after. Read from the backend a page at a time and
 * not kept offline; it follows changes made meanwhile. Labels and linked relations show by name.
 *
 * @summary The change history of one relation: who changed which field, when, from what to what.
 * @tagname relation-history
 * @csspart list - The list of changes.
 * @csspart entry - One change.
 * @csspart what - What happened ("Adres gewijzigd").
 * @csspart meta - When and by whom.
 * @csspart fields - The fields of a change, each with its old and new value.
 * @csspart old-value - A field's value before.
 * @csspart new-value - A field's value after.
 * @csspart more - The button that loads older changes.
 * @csspart note - The loading, empty, offline or error note.
 */
export class RelationHistory extends LitElement {
  static override styles = [tokenStyles, controlStyles, historyStyles];

  /** The relation whose history is shown. */
  @property({ attribute: 'relation-id' }) relationId = '';

  /** The store whose client reads the history; by default the provider's. */
  @property({ attribute: false }) store: RelationsStore | undefined;

  /** How many changes one page holds. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** Everything shown when "more" last loaded a page: kept while the first page refreshes above it. */
  @state() private loadedMore: Loaded | undefined;
  @state() private loadingMore = false;
  @state() private moreError: unknown;

  private readonly i18n = new LocaleController(this);

  private readonly query = new StoreQueryController<Loaded, readonly [string, number]>(this, {
    run: async (store, [id, limit], signal) => {
      const relationId = id ? await store.resolveId(id) : '';
      // A relation created here and not yet accepted by the backend has no history there yet.
      if (!relationId || isLocalId(relationId)) return { askedId: id, relationId, items: [], nextCursor: null, names: new Map() };
      const page = await store.client.listRelationHistory({ id: relationId, limit }, { signal });
      return { askedId: id, relationId, ...page, names: await namesFor(store, page.items, new Map()) };
    },
    args: () => [this.relationId, this.pageSize] as const,
    // A change here or by a colleague (through the feed) may add an entry.
    entities: ['relation', 'address', 'affiliation'],
    isEmpty: (loaded) => loaded.items.length === 0,
  });

  private wasOffline = false;

  protected override willUpdate(): void {
    const { offline, status, error, value } = this.query.state;
    // Back online after the history could not be read: ask again.
    if (this.wasOffline && !offline && status === 'error' && isOffline(error)) this.query.refresh();
    this.wasOffline = offline;
    // Another relation: what "more" loaded for the one before goes.
    if (this.loadedMore && value && this.loadedMore.askedId !== value.askedId) {
      this.loadedMore = undefined;
      this.moreError = undefined;
    }
  }

  /**
   * The history so far: the first page, which refreshes when something changes, and below it what "more"
   * loaded before (ids only grow, so what lies below the first page's last entry is still in order).
   */
  private get shown(): Loaded | undefined {
    const first = this.query.state.value;
    const more = this.loadedMore;
    if (!first || !more || more.askedId !== first.askedId || !first.nextCursor) return first;
    const last = Number(first.items.at(-1)?.id ?? Number.POSITIVE_INFINITY);
    return {
      ...first,
      items: [...first.items, ...more.items.filter((entry) => Number(entry.id) < last)],
      nextCursor: more.nextCursor,
      names: new Map([...more.names, ...first.names]),
    };
  }

  private async loadMore(): Promise<void> {
    const store = this.query.currentStore;
    const shown = this.shown;
    if (!store || !shown?.nextCursor || this.loadingMore) return;
    this.loadingMore = true;
    this.moreError = undefined;
    try {
      const page = await store.client.listRelationHistory({ id: shown.relationId, limit: this.pageSize, cursor: shown.nextCursor });
      const names = await namesFor(store, page.items, shown.names);
      if (this.query.state.value?.askedId !== shown.askedId) return;
      this.loadedMore = { ...shown, items: [...shown.items, ...page.items], nextCursor: page.nextCursor, names };
    } catch (error) {
      if (this.query.state.value?.askedId === shown.askedId) this.moreError = error;
    } finally {
      this.loadingMore = false;
    }
  }

  protected override render() {
    const m = this.i18n.section(history);
    const { status, error } = this.query.state;
    if (status === 'error') return failedReadNote(error, m, () => this.query.refresh());
    const shown = this.shown;
    // Until the history of this relation arrives, not that of the one shown before.
    if (!shown || shown.askedId !== this.relationId) return html`<p role="status" part="note" class="note">${m.loading}</p>`;
    if (shown.items.length === 0) return html`<p part="note" class="note">${m.empty}</p>`;
    return html`
      <ol part="list" aria-label=${m.label}>${shown.items.map((entry) => this.entry(entry, shown.names))}</ol>
      ${shown.nextCursor
        ? html`<button type="button" part="more" class="more" ?disabled=${this.loadingMore} @click=${() => this.loadMore()}>
            ${this.loadingMore ? m.loadingMore : m.more}
          </button>`
        : nothing}
      ${this.moreError
        ? html`<p role=${isOffline(this.moreError) ? 'status' : 'alert'} part="note" class="note error">
            ${isOffline(this.moreError) ? m.offline : m.error}
          </p>`
        : nothing}
    `;
  }

  private entry(entry: HistoryEntry, names: Names): TemplateResult {
    const m = this.i18n.section(history);
    const headingId = `entry-${entry.id}`;
    return html`<li part="entry" aria-labelledby=${headingId}>
      <h3 id=${headingId} part="what">${m.what[entry.entity][entry.action]}</h3>
      <p part="meta" class="meta">
        <time datetime=${entry.at}>${formatDateTime(this.i18n.locale, entry.at)}</time> ${m.by(entry.actorName)}
      </p>
      ${entry.changes.length
        ? html`<dl part="fields">${entry.changes.map((change) => this.change(change, names))}</dl>`
        : nothing}
    </li>`;
  }

  private change(change: FieldChange, names: Names): TemplateResult {
    const m = this.i18n.section(history);
    const had = !isEmptyValue(change.old);
    const has = !isEmptyValue(change.new);
    // What was set where there was nothing; what was there where nothing is left; else both, read as "old becomes new".
    return html`<dt>${fieldName(change.field, m)}</dt>
      <dd>
        ${had ? html`<span part="old-value" class=${has ? 'old' : ''}>${valueText(change.old, m, names)}</span>` : nothing}
        ${had && has ? html`<span aria-hidden="true"> → </span><span class="visually-hidden"> ${m.becomes} </span>` : nothing}
        ${has ? html`<span part="new-value">${valueText(change.new, m, names)}</span>` : nothing}
        ${had || has ? nothing : m.none}
      </dd>`;
  }
}

/** The names of the labels and relations the entries' values refer to, added to those known already. */
async function namesFor(store: RelationsStore, entries: readonly HistoryEntry[], known: Names): Promise<Names> {
  const ids = new Set(entries.flatMap((entry) => entry.changes.flatMap(namedIds)).filter((id) => !known.has(id)));
  const names = new Map(known);
  if (ids.size === 0) return names;
  const [labels, relations] = await Promise.all([store.labels(), store.getRelations([...ids])]);
  for (const label of labels) if (ids.has(label.id)) names.set(label.id, label.name);
  for (const relation of relations) names.set(relation.id, relation.displayName);
  return names;
}
