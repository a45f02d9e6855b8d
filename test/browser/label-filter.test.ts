import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { labelNameMaxLength } from '../../src/contract/index.js';
import type { LabelFilter, RelationOverview, RelationProvider } from '../../src/index.js';
import type { RelationsStore } from '../../src/store/index.js';
import { clientFor } from './backend.js';
import { signedIn, until } from './fixtures.js';
import { labelFilterHarness, type LabelFilterHarness } from './harness/label-filter.js';
import { overviewHarness } from './harness/overview.js';
import { accessibleName } from './harness/roles.js';

/** How many active relations the backend finds with these labels. */
async function countOnServer(labelIds: string[], labelMode: 'all' | 'any') {
  const server = await clientFor('demo-anna');
  let total = 0;
  for await (const page of server.pages('listRelations', { status: ['active'], labelIds, labelMode, limit: 500 })) total += page.items.length;
  return total;
}

const enCount = (n: number) => (n === 1 ? '1 relation' : `${n.toLocaleString('en-GB')} relations`);

/** A colour as getComputedStyle writes it, computed here from the hex the backend holds. */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

describe('<label-filter>', () => {
  let provider: RelationProvider;
  let store: RelationsStore;
  let filter: LabelFilter;
  let overview: RelationOverview;
  let ui: LabelFilterHarness;

  beforeEach(async () => {
    ({ provider, store } = await signedIn(html`
      <aside><label-filter for="list" manageable></label-filter></aside>
      <div style="height: 500px; display: flex"><relation-overview id="list"></relation-overview></div>
    `, 'demo-anna', 'en'));
    filter = provider.querySelector('label-filter')!;
    overview = provider.querySelector('relation-overview')!;
    ui = labelFilterHarness(filter);
    await until(() => ui.labelBoxes().length > 0, 'the labels');
  });
  afterEach(() => provider.signOut());

  it('lists labels with colour and count, and passes axe', async () => {
    const labels = (await (await clientFor('demo-anna')).listLabels()).items;
    await until(() => ui.labelBoxes().length === labels.length, 'every label of the server');
    expect(ui.labelBoxes().map(accessibleName).sort()).to.deep.equal(labels.map((l) => `${l.name} ${enCount(l.relationCount)}`).sort());
    for (const label of labels) {
      const swatch = ui.labelBox(label.name)!.closest('label')!.querySelector('[part~="swatch"]')!;
      expect(getComputedStyle(swatch).backgroundColor, label.name).to.equal(rgb(label.color));
    }
    await expect(filter).to.be.accessible();
  });

  it('filters the overview named by `for`, matching all or any of the chosen labels', async () => {
    const [first, second] = (await (await clientFor('demo-anna')).listLabels()).items;
    const list = overviewHarness(overview);
    const changed = oneEvent(filter, 'label-filter-change');
    ui.labelBox(first!.name)!.click();
    expect((await changed).detail).to.deep.equal({ labelIds: [first!.id], mode: 'all' });
    expect(overview.labelIds).to.deep.equal([first!.id]);
    const withFirst = await countOnServer([first!.id], 'all');
    await until(() => list.count() === enCount(withFirst), 'the filtered overview');

    ui.labelBox(second!.name)!.click();
    ui.radio('Any label').click();
    expect(overview.labelMode).to.equal('any');
    const either = await countOnServer([first!.id, second!.id], 'any');
    expect(either).to.be.greaterThan(withFirst, 'a test that can tell "any" from "all"');
    await until(() => list.count() === enCount(either), 'any of the two');
  });

  it('creates a label, refusing a duplicate name as you type', async () => {
    ui.button('Manage labels').click();
    const server = await clientFor('demo-anna');
    const existing = (await server.listLabels()).items[0]!;
    await until(() => !!ui.queryButton('Add'), 'the form');
    const input = ui.textbox('New label');
    input.focus();
    await sendKeys({ type: existing.name.toUpperCase() });
    await until(() => ui.statuses().includes('A label with this name exists.'), 'the duplicate refused');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(ui.button('Add').disabled).to.equal(true);
    await expect(filter).to.be.accessible();

    input.value = '';
    const name = `Beurs ${Date.now()}`;
    await sendKeys({ type: name });
    await sendKeys({ press: 'Enter' });
    await until(async () => (await server.listLabels()).items.some((l) => l.name === name), 'the label on the server');
    const created = (await server.listLabels()).items.find((l) => l.name === name)!;
    expect(created.color).to.equal('#1f5fbf');
    await until(() => !!ui.labelBox(name), 'the new label listed');
  });

  it('refuses a name longer than the contract allows', async () => {
    ui.button('Manage labels').click();
    await until(() => !!ui.queryButton('Add'), 'the form');
    ui.textbox('New label').focus();
    await sendKeys({ type: 'x'.repeat(labelNameMaxLength) });
    expect(ui.button('Add').disabled).to.equal(false);
    await sendKeys({ type: 'x' });
    await until(() => ui.statuses().includes(`At most ${labelNameMaxLength} characters.`), 'the length refused');
    expect(ui.button('Add').disabled).to.equal(true);
    await expect(filter).to.be.accessible();
  });

  it('deletes a label only after confirmation', async () => {
    const server = await clientFor('demo-anna');
    const label = await server.createLabel({ body: { name: `Weg ${Date.now()}`, color: '#aa00aa' } });
    await store.sync();
    ui.button('Manage labels').click();
    await until(() => !!ui.queryButton(`Delete ${label.name}`), 'the delete button');
    ui.button(`Delete ${label.name}`).click();
    const question = `Delete label ${label.name}? It is removed from 0 relations.`;
    await until(() => !!ui.queryDialog(question), 'the confirmation');
    expect(ui.dialog(question).open).to.equal(true);
    expect((await server.listLabels()).items.map((l) => l.id)).to.include(label.id, 'not deleted before confirmation');
    await expect(filter).to.be.accessible();
    ui.button(`Delete ${label.name}`).click();
    await until(async () => !(await server.listLabels()).items.some((l) => l.id === label.id), 'the label gone from the server');
  });
});
