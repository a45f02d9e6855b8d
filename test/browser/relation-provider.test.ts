import { ContextConsumer } from '@lit/context';
import { expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import { LitElement } from 'lit';
import '../../src/index.js';
import { connectionContext, type Connection, type RelationProvider } from '../../src/index.js';
import { LocaleController } from '../../src/i18n/locale-controller.js';
import type { RelationsStore } from '../../src/store/index.js';
import { backendUrl, clientFor, faultyNetwork } from './backend.js';
import { signedIn, until } from './fixtures.js';

/** Stands in for a relation element: shows a message in its locale and what connection it was given. */
class ProbeElement extends LitElement {
  readonly i18n = new LocaleController(this);
  connection: Connection | undefined;
  constructor() {
    super();
    new ContextConsumer(this, {
      context: connectionContext,
      subscribe: true,
      callback: (value) => {
        this.connection = value;
      },
    });
  }
  protected override render() {
    return this.i18n.messages.common.retry;
  }
}
customElements.define('probe-element', ProbeElement);

declare global {
  interface HTMLElementTagNameMap {
    'probe-element': ProbeElement;
  }
}

function text(el: Element): string {
  return el.shadowRoot?.textContent?.trim() ?? '';
}

describe('<relation-provider>', () => {
  afterEach(() => document.documentElement.removeAttribute('lang'));

  it('gives the elements inside it its locale, however deep in shadow roots', async () => {
    const provider = await fixture<RelationProvider>(html`
      <relation-provider locale="nl"><div><probe-element></probe-element></div></relation-provider>
    `);
    const probe = provider.querySelector('probe-element')!;
    await probe.updateComplete;
    expect(text(probe)).to.equal('Opnieuw proberen');

    provider.locale = 'en';
    await provider.updateComplete;
    await probe.updateComplete;
    expect(text(probe)).to.equal('Try again');
  });

  it('follows the nearest lang attribute when it has no locale of its own', async () => {
    document.documentElement.lang = 'nl-BE';
    const provider = await fixture<RelationProvider>(html`<relation-provider><probe-element></probe-element></relation-provider>`);
    const probe = provider.querySelector('probe-element')!;
    await probe.updateComplete;
    expect(provider.resolvedLocale).to.equal('nl');
    expect(text(probe)).to.equal('Opnieuw proberen');

    document.documentElement.lang = 'de';
    await nextFrame();
    await probe.updateComplete;
    expect(text(probe)).to.equal('Try again', 'any other language falls back to English');
  });

  it("lets an element's own lang attribute win over the provider", async () => {
    const provider = await fixture<RelationProvider>(html`
      <relation-provider locale="nl"><probe-element lang="en"></probe-element></relation-provider>
    `);
    const probe = provider.querySelector('probe-element')!;
    await probe.updateComplete;
    expect(text(probe)).to.equal('Try again');
  });

  it('works without a provider, from the page language', async () => {
    document.documentElement.lang = 'nl';
    const probe = await fixture<ProbeElement>(html`<probe-element></probe-element>`);
    expect(text(probe)).to.equal('Opnieuw proberen');
  });

  it('hands its connection to the elements and keeps the token source out of the DOM', async () => {
    const provider = await fixture<RelationProvider>(html`
      <relation-provider base-url="https://erp.example/api/v1"><probe-element></probe-element></relation-provider>
    `);
    provider.getToken = async () => 'secret-token';
    await provider.updateComplete;
    const probe = provider.querySelector<ProbeElement>('probe-element')!;
    expect(probe.connection?.baseUrl).to.equal('https://erp.example/api/v1');
    expect(await probe.connection?.getToken?.()).to.equal('secret-token');
    expect(provider.outerHTML).not.to.contain('secret-token');
    expect(provider.getAttributeNames()).to.have.members(['base-url', 'theme']);
  });

  it('reaches elements that were upgraded before the provider was defined', async () => {
    // A host page may parse consumers first; the provider's context root replays their requests.
    const container = document.createElement('div');
    container.innerHTML = '<late-provider locale="en"><late-probe></late-probe></late-provider>';
    document.body.append(container);
    class LateProbe extends ProbeElement {}
    customElements.define('late-probe', LateProbe);
    const { RelationProvider } = await import('../../src/index.js');
    customElements.define('late-provider', class extends RelationProvider {});
    const probe = container.querySelector<LateProbe>('late-probe')!;
    await nextFrame();
    await probe.updateComplete;
    expect(text(probe)).to.equal('Try again');
    container.remove();
  });

  it('sets the dark theme tokens for everything inside it', async () => {
    const provider = await fixture<RelationProvider>(html`
      <relation-provider theme="dark"><p>text</p></relation-provider>
    `);
    const p = provider.querySelector('p')!;
    const surface = () => getComputedStyle(p).getPropertyValue('--relation-color-surface').trim();
    expect(surface()).to.equal('#1c1e22');
    provider.theme = 'light';
    await provider.updateComplete;
    expect(surface()).to.equal('#ffffff');
  });

  it("lets the host's own CSS override a token", async () => {
    const provider = await fixture<RelationProvider>(html`
      <relation-provider theme="dark" style="--relation-color-accent: rgb(200, 0, 0)"><p>text</p></relation-provider>
    `);
    const accent = getComputedStyle(provider.querySelector('p')!).getPropertyValue('--relation-color-accent');
    expect(accent.trim()).to.equal('rgb(200, 0, 0)');
  });

  it('does not change the layout of what it wraps', async () => {
    const provider = await fixture<RelationProvider>(html`<relation-provider><p>text</p></relation-provider>`);
    expect(getComputedStyle(provider).display).to.equal('contents');
  });

  it('passes axe in every theme', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const provider = await fixture<RelationProvider>(html`
        <relation-provider theme=${theme} locale="nl"><button>Relatie openen</button></relation-provider>
      `);
      await expect(provider).to.be.accessible();
    }
  });

  describe('moved, removed and added again, as frameworks do', () => {
    /** Adds a label through the provider's store now, and waits until the backend has it. */
    async function labelReachesServer(provider: RelationProvider, name: string): Promise<void> {
      const store = provider.store!;
      await store.write('createLabel', { body: { name, color: '#2a6f97' } });
      await store.flush();
      const anna = await clientFor('demo-anna');
      await until(async () => (await anna.listLabels()).items.some((label) => label.name === name), `label ${name} on the server`);
    }

    it('keeps reading and writing after a move to another place in the page', async () => {
      const { provider, store } = await signedIn(html`<relation-overview></relation-overview>`);
      const elsewhere = document.createElement('section');
      document.body.append(elsewhere);
      elsewhere.append(provider);
      await nextFrame();
      await nextFrame();
      expect(provider.store, 'the same store, still open').to.equal(store);
      await labelReachesServer(provider, `Verhuisd ${Date.now()}`);
      const overview = provider.querySelector('relation-overview')!;
      await until(() => (overview.shadowRoot?.querySelectorAll('[role="row"]').length ?? 0) > 1, 'rows in the moved overview');
      elsewhere.remove();
    });

    it('opens its store again when it is added back after being removed', async () => {
      const { provider, store } = await signedIn(html`<relation-overview></relation-overview>`);
      const parent = provider.parentElement!;
      provider.remove();
      await until(() => provider.store === undefined, 'the store closed while the provider is out of the page');
      const ready = oneEvent(provider, 'relation-store-ready');
      parent.append(provider);
      const reopened = ((await ready).detail as { store: RelationsStore }).store;
      expect(reopened).not.to.equal(store);
      expect(provider.store).to.equal(reopened);
      await labelReachesServer(provider, `Terug ${Date.now()}`);
      const overview = provider.querySelector('relation-overview')!;
      await until(() => (overview.shadowRoot?.querySelectorAll('[role="row"]').length ?? 0) > 1, 'rows after re-adding');
    });
  });

  describe('starting without a connection', () => {
    async function offlineProvider(token: string) {
      const net = faultyNetwork();
      net.plan.offline = true;
      const provider = await fixture<RelationProvider>(html`<relation-provider base-url=${await backendUrl()}></relation-provider>`);
      provider.fetch = net.fetch;
      const outcome = Promise.race([
        oneEvent(provider, 'relation-store-ready').then((event) => ({ store: (event.detail as { store: RelationsStore }).store })),
        oneEvent(provider, 'relation-provider-error').then(() => ({ store: undefined })),
      ]);
      provider.getToken = () => token;
      return { provider, ...(await outcome) };
    }

    it("opens the signed-in user's own cache, and never another tenant's user's", async () => {
      const online = await signedIn(html``, 'demo-anna');
      online.provider.remove();
      const anna = await offlineProvider('demo-anna');
      expect(anna.store?.me.id, "anna's own cache opens offline").to.equal(online.store.me.id);
      expect((await anna.store!.queryRelations({ limit: 1 })).total).to.be.greaterThan(0);
      anna.provider.remove();
      const olga = await offlineProvider('acme-olga');
      expect(olga.store, "olga gets no store, so nobody's rows").to.equal(undefined);
      expect(olga.provider.store).to.equal(undefined);
    });
  });
});
