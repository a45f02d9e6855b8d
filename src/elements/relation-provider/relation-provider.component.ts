import { ContextProvider } from '@lit/context';
import { html, LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { languageOf, observeLanguage } from '../../i18n/lang.js';
import { toLocale, type Locale } from '../../i18n/messages.js';
import type { Theme } from '../../theme/tokens.js';
import { emit } from '../../core/events.js';
import { createRelationsClient, type RelationsClient, type TokenSource } from '../../sdk/index.js';
import { RelationsStore } from '../../store/index.js';
import { clientContext, connectionContext, localeContext, storeContext, type Connection } from '../../core/context.js';
import { providerStyles } from './relation-provider.styles.js';

/**
 * @tagname relation-provider
 * @summary Connects every relation element inside it to one backend, in one language and one theme.
 *
 * @description Wrap the part of the host page that shows relation elements. The provider takes the backend's
 * base URL, the host's token source and the locale, and hands them to every element below it, however deep
 * in shadow roots. It renders nothing of its own and does not affect layout.
 *
 * @slot - The host's content; relation elements anywhere inside it use this provider.
 *
 * @fires relation-store-ready - The store of the signed-in user is open; `detail.store` is it.
 * @fires relation-provider-error - The store could not open, e.g. the token was refused; `detail.error` says why.
 *
 * @cssproperty --relation-color-surface - Background of panels and rows.
 * @cssproperty --relation-color-surface-alt - Background of headers, zebra rows and inputs.
 * @cssproperty --relation-color-text - Body text.
 * @cssproperty --relation-color-text-muted - Secondary text such as numbers and hints.
 * @cssproperty --relation-color-border - Borders and dividers.
 * @cssproperty --relation-color-accent - Primary buttons, links and the selection.
 * @cssproperty --relation-color-on-accent - Text on the accent colour.
 * @cssproperty --relation-color-focus - The focus ring.
 * @cssproperty --relation-color-selected - Background of selected rows.
 * @cssproperty --relation-color-danger - Errors and destructive actions.
 * @cssproperty --relation-color-warning - Warnings such as offline notices.
 * @cssproperty --relation-color-success - Confirmations.
 * @cssproperty --relation-font-family - Font of every element.
 * @cssproperty --relation-font-size - Base font size.
 * @cssproperty --relation-radius - Corner radius of controls and panels.
 * @cssproperty --relation-space - The spacing unit; paddings are multiples of it.
 * @cssproperty --relation-row-height - Height of a list row.
 * @cssproperty --relation-shadow - Shadow of raised surfaces such as menus and dialogs.
 */
export class RelationProvider extends LitElement {
  static override styles = providerStyles;

  private readonly localeProvider = new ContextProvider(this, { context: localeContext, initialValue: 'en' });
  private readonly connectionProvider = new ContextProvider(this, {
    context: connectionContext,
    initialValue: { baseUrl: '/api/v1', getToken: undefined, fetch: undefined },
  });
  private readonly clientProvider = new ContextProvider(this, { context: clientContext, initialValue: undefined });
  private readonly storeProvider = new ContextProvider(this, { context: storeContext, initialValue: undefined });
  private stopObservingLanguage: (() => void) | undefined;
  private opening = 0;
  /** Only a store the provider opened itself is closed by it; a host's own store is the host's to close. */
  private ownStore: RelationsStore | undefined;
  private revalidateTimer: ReturnType<typeof setInterval> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly onVisible = () => {
    if (document.visibilityState === 'visible') void this.store?.revalidate();
  };

  /** Base URL of the backend that implements the relations contract, absolute or relative to the page. */
  @property({ attribute: 'base-url' }) baseUrl = '/api/v1';

  /**
   * Language of every element inside: `nl` or `en`. When absent, the nearest `lang` attribute decides
   * (any Dutch variant gives Dutch, other languages English).
   */
  @property() locale: Locale | undefined;

  /** Colour theme: `light`, `dark`, or `auto` to follow the operating system. */
  @property({ reflect: true }) theme: Theme | 'auto' = 'light';

  /**
   * Returns the bearer token for the next request. Set as a property only, never an attribute: tokens
   * are kept in memory and never written to the page or to storage.
   */
  @property({ attribute: false }) getToken: TokenSource | undefined;

  /** A `fetch` to route every request through the host's own stack (interceptors, telemetry). */
  @property({ attribute: false }) fetch: typeof globalThis.fetch | undefined;

  /**
   * The client the elements share. Set it to use your own; by default the provider creates one from
   * `base-url`, `getToken` and `fetch` as soon as `getToken` is set.
   */
  @property({ attribute: false }) client: RelationsClient | undefined;

  /** The store the elements read and write through. Set it to share one; by default the provider opens it. */
  @property({ attribute: false }) store: RelationsStore | undefined;

  /** The locale in force: the `locale` attribute, or else the one derived from `lang`. */
  get resolvedLocale(): Locale {
    return this.locale ? toLocale(this.locale) : toLocale(languageOf(this));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopObservingLanguage = observeLanguage(() => this.localeProvider.setValue(this.resolvedLocale));
    this.localeProvider.setValue(this.resolvedLocale);
    clearTimeout(this.closeTimer);
    // Back after it stayed out long enough to close its store: open it again for the same client.
    if (this.client && !this.store && this.hasUpdated) void this.openStore();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopObservingLanguage?.();
    this.stopObservingLanguage = undefined;
    // React, Vue and Angular move elements by taking them out and putting them back in one task: keep the
    // store open through a move, and close it only when the provider stays out of the document.
    clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(() => {
      if (this.isConnected || !this.ownStore) return;
      this.closeStore();
      this.opening++;
      this.store = undefined;
    }, 0);
  }

  /** Deletes the signed-in user's cache and queued writes from this browser and closes the store. */
  async signOut(): Promise<void> {
    const store = this.store;
    this.closeStore();
    this.store = undefined;
    this.opening++;
    await store?.signOut();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale')) this.localeProvider.setValue(this.resolvedLocale);
    if (changed.has('baseUrl') || changed.has('getToken') || changed.has('fetch')) {
      const connection: Connection = { baseUrl: this.baseUrl, getToken: this.getToken, fetch: this.fetch };
      this.connectionProvider.setValue(connection);
      if (!changed.has('client') && this.getToken) {
        // A new backend or a new user: a new client, and the store of that user.
        this.client = createRelationsClient({
          baseUrl: this.baseUrl,
          getToken: () => this.getToken?.(),
          fetch: this.fetch,
          locale: () => this.resolvedLocale,
        });
      }
    }
    if (changed.has('client')) {
      this.clientProvider.setValue(this.client);
      if (!changed.has('store')) void this.openStore();
    }
    if (changed.has('store')) this.storeProvider.setValue(this.store);
  }

  private async openStore(): Promise<void> {
    const attempt = ++this.opening;
    this.closeStore();
    this.store = undefined;
    if (!this.client) return;
    try {
      const store = await RelationsStore.open(this.client, { getToken: this.getToken });
      if (attempt !== this.opening || !this.isConnected) {
        store.close();
        return;
      }
      this.ownStore = store;
      this.store = store;
      store.addEventListener('signed-out', () => {
        if (this.store === store) this.store = undefined;
      });
      document.addEventListener('visibilitychange', this.onVisible);
      this.revalidateTimer = setInterval(() => void store.revalidate(), 60_000);
      emit(this, 'relation-store-ready', { store });
      void store.revalidate();
      // Colleagues' changes and notifications as they happen; the interval above is the safety net.
      store.connect();
    } catch (error) {
      if (attempt === this.opening) emit(this, 'relation-provider-error', { error });
    }
  }

  private closeStore(): void {
    clearInterval(this.revalidateTimer);
    document.removeEventListener('visibilitychange', this.onVisible);
    this.ownStore?.close();
    this.ownStore = undefined;
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
