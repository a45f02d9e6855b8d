import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { RelationOverview, RelationProvider } from '../../src/index.js';
import type { RelationsStore } from '../../src/store/index.js';
import { clientFor } from './backend.js';
import { signedIn, until } from './fixtures.js';

const shadow = (el: Element) => el.shadowRoot!;
const rows = (overview: RelationOverview) => [...shadow(overview).querySelectorAll<HTMLElement>('.body [role="row"]')];
const names = (overview: RelationOverview) => rows(overview).map((row) => row.querySelector('button.open')?.textContent?.trim());
const count = (overview: RelationOverview) => shadow(overview).querySelector('.count')?.textContent?.trim() ?? '';

describe('<relation-overview>', () => {
  let provider: RelationProvider;
  let store: RelationsStore;
  let overview: RelationOverview;

  beforeEach(async () => {
    ({ provider, store } = await signedIn(html`<div style="height: 600px; display: flex"><relation-overview></relation-overview></div>`));
    overview = provider.querySelector('relation-overview')!;
    await until(() => rows(overview).length > 0 && overview.shadowRoot!.querySelector('.count')!.textContent !== '', 'rows');
  });
  afterEach(async () => {
    localStorage.clear();
    await provider.signOut();
  });

  it('shows the active relations with a screenful of rows in the DOM, whatever the total', async () => {
    const server = await clientFor('demo-anna');
    let total = 0;
    for await (const page of server.pages('listRelations', { status: ['active'], limit: 500 })) total += page.items.length;
    expect(count(overview)).to.equal(`${total.toLocaleString('nl-NL')} relaties`);
    const grid = shadow(overview).querySelector('[role="grid"]')!;
    expect(grid.getAttribute('aria-rowcount')).to.equal(String(total + 1));
    expect(rows(overview).length).to.be.lessThan(40);
    expect(rows(overview).length).to.be.lessThan(total);
    await expect(overview).to.be.accessible();
  });

  it('searches as you type, shows "no results" with a way back, and lists leads on their own tab', async () => {
    const search = shadow(overview).querySelector<HTMLInputElement>('input[type="search"]')!;
    search.focus();
    await sendKeys({ type: 'irect' });
    await until(() => names(overview).join() === 'D. Irecteur', 'the search result');
    await sendKeys({ type: 'zzz' });
    await until(() => !!shadow(overview).querySelector('.state'), 'the no-results state');
    expect(shadow(overview).querySelector('.state')!.textContent).to.contain('Geen relaties gevonden');
    await expect(overview).to.be.accessible();
    shadow(overview).querySelector<HTMLButtonElement>('.state button')!.click();
    await until(() => rows(overview).length > 10, 'all rows back');

    const leads = (await store.queryRelations({ status: ['lead'], limit: 1000 })).items.map((r) => r.displayName);
    expect(leads.length).to.be.greaterThan(0);
    shadow(overview).querySelectorAll<HTMLButtonElement>('[role="tab"]')[1]!.click();
    await until(() => overview.view === 'leads' && count(overview).startsWith(String(leads.length)), 'the leads');
    expect(names(overview).every((name) => leads.includes(name!))).to.equal(true);
  });

  it('filters by role and kind and sorts by a column header', async () => {
    const [role, kind] = shadow(overview).querySelectorAll<HTMLSelectElement>('.toolbar select');
    role!.value = 'creditor';
    role!.dispatchEvent(new Event('change'));
    kind!.value = 'organization';
    kind!.dispatchEvent(new Event('change'));
    const expected = await store.queryRelations({ status: ['active'], role: 'creditor', kind: 'organization', limit: 1000 });
    await until(() => count(overview).startsWith(expected.total.toLocaleString('nl-NL')), 'the filtered count');
    const header = [...shadow(overview).querySelectorAll('[role="columnheader"]')].find((h) => h.textContent!.includes('Crediteurnr.'))!;
    header.querySelector('button')!.click();
    await until(() => header.getAttribute('aria-sort') === 'ascending', 'ascending sort');
    const numbers = () => rows(overview).map((row) => Number(row.querySelectorAll('[role="gridcell"]')[4]!.textContent));
    await until(() => numbers().every((n, i, all) => i === 0 || all[i - 1]! <= n), 'rows in creditor number order');
    header.querySelector('button')!.click();
    await until(() => header.getAttribute('aria-sort') === 'descending', 'descending sort');
    await until(() => numbers().every((n, i, all) => i === 0 || all[i - 1]! >= n), 'rows in descending order');
  });

  it('works from the keyboard: move, select, extend, select all, open', async () => {
    const grid = shadow(overview).querySelector<HTMLElement>('[role="grid"]')!;
    grid.focus();
    const active = () => grid.getAttribute('aria-activedescendant');
    expect(active()).to.equal('cell-0');
    await sendKeys({ press: 'ArrowDown' });
    expect(active()).to.equal('cell-1');

    const selected = oneEvent(overview, 'relation-selection-change');
    await sendKeys({ press: 'Space' });
    expect((await selected).detail.ids).to.have.length(1);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ up: 'Shift' });
    expect(overview.selectedIds).to.have.length(3);
    expect(rows(overview).filter((row) => row.getAttribute('aria-selected') === 'true')).to.have.length(3);

    await sendKeys({ press: 'End' });
    const total = Number(grid.getAttribute('aria-rowcount')) - 1;
    await until(() => active() === `cell-${total - 1}` && !!shadow(overview).getElementById(`cell-${total - 1}`), 'the last row to render');
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'PageDown' });
    expect(Number(active()!.slice(5))).to.be.greaterThan(5);

    const all = oneEvent(overview, 'relation-selection-change');
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'a' });
    await sendKeys({ up: 'Control' });
    const detail = (await all).detail;
    expect(detail.allMatching).to.equal(true);
    expect(detail.ids).to.have.length(total);
    await sendKeys({ press: 'Escape' });
    expect(overview.selectedIds).to.have.length(0);

    await sendKeys({ press: 'Home' });
    const opened = oneEvent(overview, 'relation-open');
    await sendKeys({ press: 'Enter' });
    const first = (await store.queryRelations({ status: ['active'], limit: 1 })).items[0]!;
    expect((await opened).detail.id).to.equal(first.id);
    await expect(overview).to.be.accessible();
  });

  it('adds a label to the selection in bulk', async () => {
    const label = (await store.labels())[0]!;
    const without = (await store.queryRelations({ status: ['active'], limit: 1000 })).items.filter((r) => !r.labelIds.includes(label.id)).slice(0, 2);
    const search = shadow(overview).querySelector<HTMLInputElement>('input[type="search"]')!;
    search.value = String(without[0]!.number);
    search.dispatchEvent(new Event('input'));
    await until(() => rows(overview).length >= 1 && names(overview).includes(without[0]!.displayName), 'the relation');
    rows(overview).find((row) => row.textContent!.includes(without[0]!.displayName))!.querySelector('input')!.click();
    await until(() => !!shadow(overview).querySelector('.bulk'), 'the bulk actions');
    const picker = shadow(overview).querySelector<HTMLSelectElement>('.bulk select')!;
    picker.value = label.id;
    picker.dispatchEvent(new Event('change'));
    await overview.updateComplete;
    await expect(overview).to.be.accessible();
    [...shadow(overview).querySelectorAll<HTMLButtonElement>('.bulk button')].find((b) => b.textContent === 'Label toevoegen')!.click();
    const server = await clientFor('demo-anna');
    await until(async () => (await server.getRelation({ id: without[0]!.id })).labelIds.includes(label.id), 'the label on the server');
  });

  it('lets the user choose and order columns, and remembers the choice', async () => {
    shadow(overview).querySelector<HTMLButtonElement>('.anchor > button')!.click();
    await overview.updateComplete;
    const popover = shadow(overview).querySelector('.popover')!;
    const column = (name: string) => [...popover.querySelectorAll('.column')].find((c) => c.textContent!.includes(name))!;
    column('E-mail').querySelector('input')!.click();
    column('Plaats').querySelector<HTMLButtonElement>('button')!.click();
    await overview.updateComplete;
    const headers = () => [...shadow(overview).querySelectorAll('.head [role="columnheader"]')].map((h) => h.textContent!.replace(/[↑↓]/g, '').trim()).filter(Boolean);
    expect(headers()).not.to.include('E-mail');
    expect(headers().indexOf('Plaats')).to.be.lessThan(headers().indexOf('Crediteurnr.'));
    await expect(overview).to.be.accessible();

    const again = document.createElement('relation-overview');
    provider.append(again);
    await until(() => !!again.shadowRoot?.querySelector('.head'), 'a second overview');
    const second = [...again.shadowRoot!.querySelectorAll('.head [role="columnheader"]')].map((h) => h.textContent!.replace(/[↑↓]/g, '').trim()).filter(Boolean);
    expect(second).to.deep.equal(headers());
    again.remove();
  });

  it('prints address labels on A4 sheets from a frame of their own', async () => {
    const frames = () => [...document.querySelectorAll('iframe')];
    shadow(overview).querySelector<HTMLInputElement>('input[type="search"]')!.value = 'Bedrijf';
    shadow(overview).querySelector<HTMLInputElement>('input[type="search"]')!.dispatchEvent(new Event('input'));
    const matching = (await store.queryRelations({ q: 'Bedrijf', status: ['active'], limit: 0 })).total;
    await until(() => count(overview).startsWith(`${matching} `), 'the relations matching "Bedrijf"');
    expect(shadow(overview).querySelector('dialog')).to.equal(null, 'no dialog in the DOM until one is opened');
    [...shadow(overview).querySelectorAll<HTMLButtonElement>('.toolbar button')].find((b) => b.textContent === 'Adresetiketten afdrukken')!.click();
    await overview.updateComplete;
    const dialog = shadow(overview).querySelector<HTMLDialogElement>('dialog.print')!;
    expect(dialog.open).to.equal(true);
    await expect(overview).to.be.accessible();
    dialog.querySelector<HTMLInputElement>('input[value="3x8"]')!.click();
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => frames().length > 0, 'the print frame');
    const doc = frames().at(-1)!.contentDocument!;
    const labels = [...doc.querySelectorAll('.label')];
    expect(labels.length).to.be.greaterThan(0);
    expect(doc.querySelector('style')!.textContent).to.contain('repeat(8, 37.12mm)');
    expect(labels[0]!.querySelector('.name')!.textContent).to.match(/bedrijf/i);
    frames().forEach((frame) => frame.remove());
  });

  it('exports what the filters match as CSV, with the chosen columns and a progress bar', async () => {
    const search = shadow(overview).querySelector<HTMLInputElement>('input[type="search"]')!;
    search.value = 'Bedrijf';
    search.dispatchEvent(new Event('input'));
    const expected = (await store.queryRelations({ q: 'Bedrijf', status: ['active'], limit: 1000 })).items;
    await until(() => count(overview).startsWith(`${expected.length} `), 'the filtered list');
    const blobs: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      blobs.push(blob as Blob);
      return original.call(URL, blob);
    };
    try {
      [...shadow(overview).querySelectorAll<HTMLButtonElement>('.toolbar button')].find((b) => b.textContent === 'Exporteren naar CSV')!.click();
      await overview.updateComplete;
      const dialog = shadow(overview).querySelector<HTMLDialogElement>('dialog.export')!;
      expect(dialog.open).to.equal(true);
      await expect(overview).to.be.accessible();
      dialog.querySelector<HTMLInputElement>('input[value="phone"]')!.click();
      dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await until(() => blobs.length === 1, 'the download');
    } finally {
      URL.createObjectURL = original;
    }
    const lines = (await blobs[0]!.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).to.equal('Nummer;Naam;Debiteurnr.;Crediteurnr.;Plaats;E-mail;Labels;Adres;Postcode;Plaats (adres);Land');
    expect(lines.length).to.equal(expected.length + 2);
    expect(lines.slice(1, -1).map((line) => line.split(';')[1]).sort()).to.deep.equal(expected.map((r) => r.displayName).sort());
  });

  it('shows cached data with a notice when the backend cannot be reached', async () => {
    store.status = { ...store.status, online: false };
    store.dispatchEvent(new CustomEvent('status'));
    await until(() => !!shadow(overview).querySelector('.notice'), 'the offline notice');
    expect(shadow(overview).querySelector('.notice')!.textContent).to.contain('Geen verbinding');
    expect(rows(overview).length).to.be.greaterThan(0);
    await expect(overview).to.be.accessible();
  });
});
