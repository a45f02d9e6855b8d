import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LabelFilter, RelationOverview, RelationProvider } from '../../src/index.js';
import type { RelationsStore } from '../../src/store/index.js';
import { clientFor } from './backend.js';
import { signedIn, until } from './fixtures.js';

const shadow = (el: Element) => el.shadowRoot!;

describe('<label-filter>', () => {
  let provider: RelationProvider;
  let store: RelationsStore;
  let filter: LabelFilter;
  let overview: RelationOverview;

  beforeEach(async () => {
    ({ provider, store } = await signedIn(html`
      <aside><label-filter for="list" manageable></label-filter></aside>
      <div style="height: 500px; display: flex"><relation-overview id="list"></relation-overview></div>
    `, 'demo-anna', 'en'));
    filter = provider.querySelector('label-filter')!;
    overview = provider.querySelector('relation-overview')!;
    await until(() => shadow(filter).querySelectorAll('li[part="label"]').length > 0, 'the labels');
  });
  afterEach(() => provider.signOut());

  it('lists labels with colour and count, and passes axe', async () => {
    const labels = await store.labels();
    const items = [...shadow(filter).querySelectorAll('li[part="label"]')];
    expect(items.map((item) => item.querySelector('.name')!.textContent)).to.deep.equal(labels.map((l) => l.name));
    expect(items[0]!.querySelector('.count')!.textContent).to.equal(String(labels[0]!.relationCount));
    expect(getComputedStyle(items[0]!.querySelector('.swatch')!).backgroundColor).to.not.equal('');
    await expect(filter).to.be.accessible();
  });

  it('filters the overview named by `for`, matching all or any of the chosen labels', async () => {
    const [first, second] = await store.labels();
    const changed = oneEvent(filter, 'label-filter-change');
    shadow(filter).querySelectorAll<HTMLInputElement>('li[part="label"] input')[0]!.click();
    expect((await changed).detail).to.deep.equal({ labelIds: [first!.id], mode: 'all' });
    expect(overview.labelIds).to.deep.equal([first!.id]);
    const withFirst = (await store.queryRelations({ status: ['active'], labelIds: [first!.id], limit: 1 })).total;
    await until(() => shadow(overview).querySelector('.count')!.textContent === `${withFirst} relations`, 'the filtered overview');

    shadow(filter).querySelectorAll<HTMLInputElement>('li[part="label"] input')[1]!.click();
    shadow(filter).querySelectorAll<HTMLInputElement>('input[type="radio"]')[1]!.click();
    expect(overview.labelMode).to.equal('any');
    const either = (await store.queryRelations({ status: ['active'], labelIds: [first!.id, second!.id], labelMode: 'any', limit: 1 })).total;
    await until(() => shadow(overview).querySelector('.count')!.textContent === `${either} relations`, 'any of the two');
  });

  it('creates a label, refusing a duplicate name as you type', async () => {
    shadow(filter).querySelector<HTMLButtonElement>('button.toggle')!.click();
    await filter.updateComplete;
    const existing = (await store.labels())[0]!;
    const input = shadow(filter).querySelector<HTMLInputElement>('form input[type="text"]')!;
    input.focus();
    await sendKeys({ type: existing.name.toUpperCase() });
    await filter.updateComplete;
    expect(shadow(filter).querySelector('#new-error')!.textContent).to.equal('A label with this name exists.');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(shadow(filter).querySelector<HTMLButtonElement>('form button[type="submit"]')!.disabled).to.equal(true);
    await expect(filter).to.be.accessible();

    input.value = '';
    const name = `Beurs ${Date.now()}`;
    await sendKeys({ type: name });
    await sendKeys({ press: 'Enter' });
    const server = await clientFor('demo-anna');
    await until(async () => (await server.listLabels()).items.some((l) => l.name === name), 'the label on the server');
    await until(() => [...shadow(filter).querySelectorAll('.name')].some((n) => n.textContent === name), 'the new label listed');
  });

  it('deletes a label only after confirmation', async () => {
    const label = (await store.write('createLabel', { body: { name: `Weg ${Date.now()}`, color: '#aa00aa' } })).id!;
    shadow(filter).querySelector<HTMLButtonElement>('button.toggle')!.click();
    const server = await clientFor('demo-anna');
    await until(async () => (await server.listLabels()).items.some((l) => l.name.startsWith('Weg ')), 'the label to exist');
    await until(() => [...shadow(filter).querySelectorAll<HTMLButtonElement>('.manage button.danger')].some((b) => b.getAttribute('aria-label')!.includes('Weg ')), 'the delete button');
    const button = [...shadow(filter).querySelectorAll<HTMLButtonElement>('.manage button.danger')].find((b) => b.getAttribute('aria-label')!.includes('Weg '))!;
    button.click();
    await filter.updateComplete;
    const dialog = shadow(filter).querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.textContent).to.contain('It is removed from 0 relations');
    await expect(filter).to.be.accessible();
    dialog.querySelector<HTMLButtonElement>('button.danger')!.click();
    await until(async () => !(await server.listLabels()).items.some((l) => l.name.startsWith('Weg ')), 'the label gone from the server');
    expect(label).to.be.a('string');
  });
});
