import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { LitElement } from 'lit';
import '../../src/index.js';
import type { RelationProvider } from '../../src/index.js';
import { StoreQueryController } from '../../src/elements/controllers/store-query.js';
import type { RelationsStore } from '../../src/store/index.js';
import { backendUrl, clientFor } from './backend.js';
import { until } from './fixtures.js';

/** Shows how many active organizations match its `q`, as an element of ours would. */
class CountProbe extends LitElement {
  static override properties = { q: {} };
  q = '';
  store: RelationsStore | undefined;
  readonly data = new StoreQueryController(this, {
    entities: ['relation'],
    args: () => [this.q] as const,
    run: async (store, [q]) => (await store.queryRelations({ q, kind: 'organization', limit: 0 })).total,
    isEmpty: (total) => total === 0,
  });
  protected override render() {
    const { status, value } = this.data.state;
    return `${status}:${value ?? ''}`;
  }
}
customElements.define('count-probe', CountProbe);

declare global {
  interface HTMLElementTagNameMap {
    'count-probe': CountProbe;
  }
}

const text = (el: Element) => el.shadowRoot?.textContent?.trim() ?? '';

describe('<relation-provider> with its store, and the store query controller', () => {
  let provider: RelationProvider;
  afterEach(async () => {
    await provider?.signOut();
  });

  it('opens the signed-in user\'s store, shares it, and elements follow its changes', async () => {
    provider = await fixture<RelationProvider>(html`
      <relation-provider base-url=${await backendUrl()}><count-probe q="B.V."></count-probe></relation-provider>
    `);
    const ready = oneEvent(provider, 'relation-store-ready');
    provider.getToken = () => 'demo-anna';
    const { store } = (await ready).detail;
    expect(store.me.id).to.equal('user-anna');
    const probe = provider.querySelector('count-probe')!;
    await until(() => text(probe).startsWith('data:') && !probe.data.state.stale, 'the first sync');
    const server = await clientFor('demo-anna');
    const onServer = (await server.listRelations({ q: 'B.V.', kind: 'organization', limit: 500 })).items.length;
    expect(text(probe)).to.equal(`data:${onServer}`);

    await store.write('createRelation', { body: { kind: 'organization', organization: { name: 'Teller B.V.' } } });
    await until(() => text(probe) === `data:${onServer + 1}`, 'the element to show the new relation');

    probe.q = 'zzz-niets';
    await until(() => text(probe) === 'empty:0', 'the empty state');
  });

  it('reports a refused token instead of opening a store', async () => {
    provider = await fixture<RelationProvider>(html`<relation-provider base-url=${await backendUrl()}></relation-provider>`);
    const failed = oneEvent(provider, 'relation-provider-error');
    provider.getToken = () => 'not-a-token';
    const { error } = (await failed).detail;
    expect((error as { status: number }).status).to.equal(401);
    expect(provider.store).to.equal(undefined);
  });

  it('deletes the user\'s cache on signOut', async () => {
    provider = await fixture<RelationProvider>(html`<relation-provider base-url=${await backendUrl()}></relation-provider>`);
    const ready = oneEvent(provider, 'relation-store-ready');
    provider.getToken = () => 'demo-bram';
    const { store } = (await ready).detail;
    await store.sync();
    await provider.signOut();
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.to.include(store.name);
    expect(provider.store).to.equal(undefined);
  });
});
