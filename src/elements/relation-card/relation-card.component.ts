import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Relation } from '../../contract/index.js';
import type { CallbackRequestOpenEvent } from '../../core/event-map.js';
import { LocaleController } from '../../i18n/locale-controller.js';
import { card } from '../../i18n/sections/card.js';
import { NetworkError } from '../../sdk/index.js';
import type { RelationsStore } from '../../store/index.js';
import { controlStyles } from '../../theme/controls.js';
import { tokenStyles } from '../../theme/tokens.js';
import { RovingTabindexController } from '../controllers/roving-tabindex.js';
import { StoreQueryController } from '../controllers/store-query.js';
import '../internal/relation-card-details/relation-card-details.js';
import '../internal/relation-card-header/relation-card-header.js';
import { cardStyles } from './relation-card.styles.js';
import { loadSection, sectionsOf, type SectionEntry } from './sections.js';

/**
 * @tagname relation-card
 * @summary One relation, completely: its header and actions, details, addresses, people, contact moments, module preferences, documents and history.
 *
 * @description Shows the relation `relation-id` names from the cache at once (or from the backend when the
 * cache does not hold it yet) and keeps it current. Every edit goes through the store's outbox, so it works
 * offline and survives a reload; what was typed and not saved is kept as a draft and offered back; a
 * conflict with a colleague's change is resolved per field. Sections show as tabs (`layout="tabs"`, the
 * default) or as one scrolling page with a list of anchors (`layout="page"`); `section` picks one. A host
 * adds its own sections as children with `slot="section-<key>"` and `data-section-label`. Another
 * tenant's relation, or one that does not exist, shows "not found" and nothing else.
 *
 * @fires relation-open - The user opens a related person or organization: `detail.id`. Cancelable.
 * @fires relation-saved - An edit was stored for sending: `detail.id`, `detail.relation`.
 * @fires relation-created - A person or organization was created in place in the people section: `detail.id` (a local id until sent), `detail.relation`.
 * @fires document-open - The user opens a module's document: `detail.id`, `detail.module`, `detail.relationId`. Cancelable.
 * @fires contact-moment-saved - A contact moment was written in the contact section: `detail.id`, `detail.relationId`, `detail.deleted`.
 * @fires callback-requested - A colleague was asked to call back, from the contact section's dialog: `detail.id`, `detail.relationId`, `detail.assigneeId`.
 *
 * @slot actions - The host's own buttons beside the card's actions.
 * @slot section-<key> - A section of the host's, named by its `data-section-label`.
 *
 * @csspart header - The name, numbers, labels and actions.
 * @csspart tabs - The list of sections (tabs, or anchors on a page).
 * @csspart section - Each section.
 * @csspart state - Loading and not-found messages.
 *
 * @cssproperty --relation-card-background - Background of the card.
 * @cssproperty --relation-card-padding - Space inside the card's edge.
 */
export class RelationCard extends LitElement {
  static override styles = [tokenStyles, controlStyles, cardStyles];

  private readonly i18n = new LocaleController(this);
  private readonly data = new StoreQueryController(this, {
    entities: ['relation'],
    args: () => [this.relationId] as const,
    run: async (store, [id], signal) => {
      try {
        if (!id) return null;
        // Not found before: the cache may have it since (a colleague's, synced), the backend is not asked again.
        if (this.missing === id) return (await store.getRelation(id)) ?? null;
        const relation = await store.loadRelation(id);
        if (!relation) this.missing = id;
        return relation;
      } finally {
        if (!signal.aborted) this.answeredFor = id;
      }
    },
    isEmpty: (relation) => relation === null,
  });
  private readonly tabs = new RovingTabindexController(this, {
    items: () => [...this.renderRoot.querySelectorAll<HTMLElement>('[role="tab"]')],
    current: () => Math.max(0, this.sections.findIndex((entry) => entry.key === this.section)),
    activate: (index) => (this.section = this.sections[index]?.key ?? this.section),
  });
  private readonly observer = new MutationObserver(() => this.requestUpdate());
  /** The id the shown answer is for: until the new id's answer arrives, the card is loading, not "not found". */
  private answeredFor: string | undefined;
  /** The id the backend did not know. */
  private missing: string | undefined;
  /** Sections whose element could not be loaded (offline on first use), to offer a retry. */
  @state() private failedSections = new Set<string>();

  /** The relation to show: its id, or the local id a relation created offline has until it is sent. */
  @property({ attribute: 'relation-id', reflect: true }) relationId = '';

  /** The section to show (tabs) or scroll to (page): details, addresses, people, contact, preferences, documents, history, or a host's key. */
  @property({ reflect: true }) section = 'details';

  /** Sections as tabs, or one scrolling page with anchors. */
  @property({ reflect: true }) layout: 'tabs' | 'page' = 'tabs';

  /** The store to read and write through; by default the one of the nearest `<relation-provider>`. */
  @property({ attribute: false }) store: RelationsStore | undefined;

  @state() private sections: SectionEntry[] = [];

  /** The callback dialog, while open: about which relation and contact person. */
  @state() private callbackFor: CallbackRequestOpenEvent['detail'] | undefined;
  private readonly onCallbackRequestOpen = (event: CallbackRequestOpenEvent) => {
    event.stopPropagation();
    // The dialog is a chunk of its own, loaded the first time someone asks for a callback.
    void import('../internal/relation-callback-dialog/relation-callback-dialog.js').then(() => (this.callbackFor = event.detail));
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.observer.observe(this, { childList: true, attributes: true, subtree: false });
    this.addEventListener('callback-request-open', this.onCallbackRequestOpen);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer.disconnect();
    this.removeEventListener('callback-request-open', this.onCallbackRequestOpen);
  }

  protected override willUpdate(): void {
    this.sections = sectionsOf(this, this.i18n.section(card));
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('section') && this.layout === 'page' && changed.get('section') !== undefined) this.scrollToSection();
  }

  private choose(key: string): void {
    this.section = key;
    if (this.layout === 'page') this.scrollToSection();
  }

  private scrollToSection(): void {
    const heading = this.renderRoot.querySelector<HTMLElement>(`#heading-${CSS.escape(this.section)}`);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  }

  private renderSection(entry: SectionEntry, relation: Relation) {
    const store = this.data.currentStore;
    if (entry.slotted) return html`<slot name="section-${entry.key}"></slot>`;
    if (this.failedSections.has(entry.key)) {
      const common = this.i18n.messages.common;
      return html`<p class="state" role="alert">${common.error}
        <button @click=${() => (this.failedSections = new Set([...this.failedSections].filter((key) => key !== entry.key)))}>${common.retry}</button></p>`;
    }
    loadSection(entry.key).catch(() => (this.failedSections = new Set(this.failedSections).add(entry.key)));
    switch (entry.key) {
      case 'details':
        return html`<relation-card-details .relation=${relation} .store=${store}></relation-card-details>`;
      case 'addresses':
        return html`<relation-card-addresses .relation=${relation} .store=${store}></relation-card-addresses>`;
      case 'people':
        return html`<relation-card-people .relation=${relation} .store=${store}></relation-card-people>`;
      case 'contact':
        return html`<contact-moment-log .relationId=${relation.id} .store=${store}></contact-moment-log>`;
      case 'preferences':
        return html`<relation-card-preferences .relation=${relation} .store=${store}></relation-card-preferences>`;
      case 'documents':
        return html`<relation-card-documents .relation=${relation} .store=${store}></relation-card-documents>`;
      default:
        return html`<relation-history relation-id=${relation.id} .store=${store}></relation-history>`;
    }
  }

  private renderTabs(relation: Relation) {
    const m = this.i18n.section(card);
    const active = this.sections.find((entry) => entry.key === this.section) ?? this.sections[0]!;
    return html`
      <div class="tabs" role="tablist" part="tabs" aria-label=${m.sections.label} @keydown=${this.tabs.onKeydown}>
        ${this.sections.map(
          (entry) => html`<button role="tab" id="tab-${entry.key}" aria-selected=${entry === active} aria-controls="panel"
            @click=${() => this.choose(entry.key)}>${entry.label}</button>`,
        )}
      </div>
      <div class="panel" id="panel" role="tabpanel" part="section" aria-labelledby="tab-${active.key}">${this.renderSection(active, relation)}</div>
      ${this.sections.filter((entry) => entry.slotted && entry !== active).map((entry) => html`<div hidden><slot name="section-${entry.key}"></slot></div>`)}
    `;
  }

  private renderPage(relation: Relation) {
    const m = this.i18n.section(card);
    return html`
      <nav part="tabs" aria-label=${m.sections.label}>
        <ul>${this.sections.map((entry) => html`<li><a href="#section-${entry.key}" @click=${(event: Event) => {
          event.preventDefault();
          this.choose(entry.key);
        }}>${entry.label}</a></li>`)}</ul>
      </nav>
      ${this.sections.map(
        (entry) => html`<section id="section-${entry.key}" part="section">
          <h3 id="heading-${entry.key}" tabindex="-1">${entry.label}</h3>
          ${this.renderSection(entry, relation)}
        </section>`,
      )}
    `;
  }

  protected override render() {
    const m = this.i18n.section(card);
    const { status, value: relation } = this.data.state;
    if (!this.relationId) return html`<p class="state" part="state">${m.noRelation}</p>`;
    // The answer on screen may be the previous relation's: never show or edit it under the new id.
    if (status === 'loading' || this.answeredFor !== this.relationId) return html`<p class="state" part="state" role="status">${m.loading}</p>`;
    if (status === 'error') {
      const offline = this.data.state.error instanceof NetworkError;
      return html`<p class="state" part="state" role="alert">${offline ? m.unavailableOffline : this.i18n.messages.common.error}
        <button @click=${() => this.data.refresh()}>${this.i18n.messages.common.retry}</button></p>`;
    }
    if (!relation) return html`<p class="state" part="state" role="status">${m.notFound}</p>`;
    return html`<article class="card" aria-labelledby="relation-heading">
      ${this.data.state.offline ? html`<p class="notice" role="status">${this.i18n.messages.common.offline}</p>` : nothing}
      <relation-card-header part="header" heading-id="relation-heading" .relation=${relation} .store=${this.data.currentStore}>
        <slot name="actions" slot="actions"></slot>
      </relation-card-header>
      ${this.layout === 'page' ? this.renderPage(relation) : this.renderTabs(relation)}
      ${this.callbackFor
        ? html`<relation-callback-dialog open relation-id=${this.callbackFor.relationId} person-id=${this.callbackFor.personId ?? nothing}
            .store=${this.data.currentStore} @close=${() => (this.callbackFor = undefined)}></relation-callback-dialog>`
        : nothing}
    </article>`;
  }
}
