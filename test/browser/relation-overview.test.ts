import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { RelationOverview, RelationProvider } from '../../src/index.js';
import type { RelationsClient } from '../../src/sdk/index.js';
import type { RelationsStore } from '../../src/store/index.js';
import { backendUrl, clientFor, faultyNetwork } from './backend.js';
import { signedIn, until } from './fixtures.js';
import { download } from './harness/download.js';
import { overviewHarness, type OverviewHarness } from './harness/overview.js';
import { accessibleName, allByRole, focused, getByRole, roleOf } from './harness/roles.js';

type ListQuery = NonNullable<Parameters<RelationsClient['listRelations']>[0]>;

/** Every relation the backend lists for a query, page after page: what the overview must show. */
async function fromServer(query: ListQuery) {
  const server = await clientFor('demo-anna');
  const items = [];
  for await (const page of server.pages('listRelations', { ...query, limit: 500 })) items.push(...page.items);
  return items;
}

const nlCount = (n: number) => (n === 1 ? '1 relatie' : `${n.toLocaleString('nl-NL')} relaties`);

/** Relations made for one test, named so that a search finds exactly them. */
async function relationsNamed(prefix: string, addresses: Array<Parameters<RelationsClient['createAddress']>[0]['body'] | null>) {
  const server = await clientFor('demo-anna');
  for (const [i, address] of addresses.entries()) {
    const relation = await server.createRelation({ body: { kind: 'organization', organization: { name: `${prefix} ${i + 1}` } } });
    if (address) await server.createAddress({ id: relation.id, body: address });
  }
}

const printFrames = () => [...document.querySelectorAll('iframe')];
/** Each sticker's lines, as printed (white space included: Dutch post wants two spaces before the city). */
const stickers = (frame: HTMLIFrameElement) => allByRole(frame.contentDocument!, 'listitem').map((sticker) => [...sticker.children].map((line) => line.textContent));

describe('<relation-overview>', () => {
  let provider: RelationProvider;
  let store: RelationsStore;
  let overview: RelationOverview;
  let ui: OverviewHarness;

  const search = (text: string) => {
    ui.searchBox().value = text;
    ui.searchBox().dispatchEvent(new Event('input'));
  };

  beforeEach(async () => {
    ({ provider, store } = await signedIn(html`<div style="height: 600px; display: flex"><relation-overview></relation-overview></div>`));
    overview = provider.querySelector('relation-overview')!;
    ui = overviewHarness(overview);
    await until(() => ui.rows().length > 0 && ui.count() !== '', 'rows');
  });
  afterEach(async () => {
    localStorage.clear();
    printFrames().forEach((frame) => frame.remove());
    await provider.signOut();
  });

  it('shows the active relations with a screenful of rows in the DOM, whatever the total', async () => {
    const total = (await fromServer({ status: ['active'] })).length;
    await until(() => ui.count() === nlCount(total), `the count of ${total} active relations`);
    expect(ui.grid().getAttribute('aria-rowcount')).to.equal(String(total + 1));
    expect(ui.rows().length).to.be.lessThan(40);
    expect(ui.rows().length).to.be.lessThan(total);
    await expect(overview).to.be.accessible();
  });

  it('searches as you type, shows "no results" with a way back, and lists leads on their own tab', async () => {
    ui.searchBox().focus();
    await sendKeys({ type: 'irect' });
    await until(() => ui.names().join() === 'D. Irecteur', 'the search result');
    await sendKeys({ type: 'zzz' });
    await until(() => ui.statuses().some((s) => s.startsWith('Geen relaties gevonden met deze filters.')), 'the no-results state');
    await expect(overview).to.be.accessible();
    ui.button('Filters wissen').click();
    await until(() => ui.rows().length > 10, 'all rows back');

    const leads = (await fromServer({ status: ['lead'] })).map((r) => r.displayName);
    expect(leads.length).to.be.greaterThan(0);
    ui.tab('Leads').click();
    await until(() => ui.count() === nlCount(leads.length), 'the leads');
    expect(ui.names().length).to.be.greaterThan(0);
    expect(ui.names().every((name) => leads.includes(name))).to.equal(true);
  });

  it('shows a filtered list from its first row, also after scrolling down, and the rows a scroll reaches', async () => {
    const body = ui.grid().querySelector<HTMLElement>('.body')!;
    const active = await fromServer({ status: ['active'], sort: 'name' });
    body.scrollTop = 40 * 36;
    await until(() => ui.names()[0] !== active[0]!.displayName && ui.rows().length > 0, 'rows further down the list');
    expect(active.slice(30, 60).map((r) => r.displayName)).to.include(ui.names()[0]);
    ui.combobox('Soort').value = 'person';
    ui.combobox('Soort').dispatchEvent(new Event('change'));
    const persons = await fromServer({ status: ['active'], kind: 'person', sort: 'name' });
    await until(() => ui.count() === nlCount(persons.length), 'the persons');
    await until(() => ui.names()[0] === persons[0]!.displayName, 'the first person at the top');
    expect(body.scrollTop).to.equal(0);
  });

  it('filters by role and kind and sorts by a column header', async () => {
    ui.combobox('Rol').value = 'creditor';
    ui.combobox('Rol').dispatchEvent(new Event('change'));
    ui.combobox('Soort').value = 'organization';
    ui.combobox('Soort').dispatchEvent(new Event('change'));
    const expected = await fromServer({ status: ['active'], role: 'creditor', kind: 'organization' });
    await until(() => ui.count() === nlCount(expected.length), 'the filtered count');
    const header = ui.columnHeader('Crediteurnr.')!;
    const column = ui.columnHeaders().indexOf('Crediteurnr.');
    const numbers = () => ui.rows().map((row) => Number(ui.cells(row)[column]));
    getByRole(header, 'button').click();
    await until(() => header.getAttribute('aria-sort') === 'ascending', 'ascending sort');
    await until(() => numbers().every((n, i, all) => i === 0 || all[i - 1]! <= n), 'rows in creditor number order');
    getByRole(header, 'button').click();
    await until(() => header.getAttribute('aria-sort') === 'descending', 'descending sort');
    await until(() => numbers().every((n, i, all) => i === 0 || all[i - 1]! >= n), 'rows in descending order');
    expect(numbers()[0]).to.equal(Math.max(...expected.map((r) => r.creditor!.number)));
  });

  it('works from the keyboard: move, select, extend, select all, open', async () => {
    const grid = ui.grid();
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
    await until(() => ui.selectedRows().length === 3, 'three rows shown selected');

    const total = (await fromServer({ status: ['active'] })).length;
    await sendKeys({ press: 'End' });
    await until(() => active() === `cell-${total - 1}` && !!overview.shadowRoot!.getElementById(`cell-${total - 1}`), 'the last row to render');
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
    const first = (await (await clientFor('demo-anna')).listRelations({ status: ['active'], sort: 'name', limit: 1 })).items[0]!;
    expect((await opened).detail.id).to.equal(first.id);
    await expect(overview).to.be.accessible();
  });

  it('moves focus and the list with the arrow keys, Home and End, as ARIA tabs do', async () => {
    const [relations, leads] = [ui.tab('Relaties'), ui.tab('Leads')];
    expect(ui.tabs()).to.have.length(2);
    expect(relations.getAttribute('aria-selected')).to.equal('true');
    expect(relations.getAttribute('aria-controls')).to.equal(ui.tabPanel().id);
    expect(accessibleName(ui.tabPanel())).to.equal('Relaties');
    expect([relations.tabIndex, leads.tabIndex]).to.deep.equal([0, -1]);

    const expectOn = async (tab: HTMLElement, view: 'relations' | 'leads') => {
      await until(() => overview.view === view && focused() === tab, `focus and the ${view} list on tab ${tab.textContent}`);
      expect(tab.getAttribute('aria-selected')).to.equal('true');
      expect(ui.tabs().map((t) => t.tabIndex)).to.deep.equal(ui.tabs().map((t) => (t === tab ? 0 : -1)));
      expect(accessibleName(ui.tabPanel())).to.equal(tab.textContent);
    };
    relations.focus();
    await sendKeys({ press: 'ArrowRight' });
    await expectOn(leads, 'leads');
    await sendKeys({ press: 'ArrowRight' });
    await expectOn(relations, 'relations');
    await sendKeys({ press: 'ArrowLeft' });
    await expectOn(leads, 'leads');
    await sendKeys({ press: 'Home' });
    await expectOn(relations, 'relations');
    await sendKeys({ press: 'End' });
    await expectOn(leads, 'leads');
    await expect(overview).to.be.accessible();

    // One Tab stop for the tab list: Tab leaves it, Shift+Tab comes back to the selected tab.
    await sendKeys({ press: 'Tab' });
    expect(roleOf(focused()!)).not.to.equal('tab');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(focused()).to.equal(leads);
  });

  it('adds a label to the selection in bulk', async () => {
    const server = await clientFor('demo-anna');
    const label = (await server.listLabels()).items[0]!;
    const target = (await fromServer({ status: ['active'] })).find((r) => !r.labelIds.includes(label.id))!;
    search(String(target.number));
    await until(() => ui.names().includes(target.displayName), 'the relation');
    ui.checkbox(`${target.displayName} selecteren`).click();
    await until(() => !!allByRole(overview, 'toolbar', 'Acties voor de selectie').length, 'the bulk actions');
    const picker = ui.combobox('Kies een label');
    picker.value = label.id;
    picker.dispatchEvent(new Event('change'));
    await until(() => !ui.button('Label toevoegen').disabled, 'the add button enabled');
    await expect(overview).to.be.accessible();
    ui.button('Label toevoegen').click();
    await until(async () => (await server.getRelation({ id: target.id })).labelIds.includes(label.id), 'the label on the server');
  });

  it('lets the user choose and order columns, and remembers the choice', async () => {
    ui.button('Kolommen').click();
    await until(() => allByRole(overview, 'group', 'Kolommen').length === 1, 'the column chooser');
    ui.checkbox('E-mail').click();
    ui.button('Plaats naar voren').click();
    await until(() => !ui.columnHeaders().includes('E-mail'), 'the e-mail column hidden');
    expect(ui.columnHeaders().indexOf('Plaats')).to.be.lessThan(ui.columnHeaders().indexOf('Crediteurnr.'));
    await expect(overview).to.be.accessible();
    ui.button('Plaats naar voren').focus();
    await sendKeys({ press: 'Escape' });
    await until(() => allByRole(overview, 'group', 'Kolommen').length === 0, 'the chooser closed');
    expect(focused()).to.equal(ui.button('Kolommen'));

    const again = document.createElement('relation-overview');
    provider.append(again);
    const second = overviewHarness(again);
    await until(() => second.columnHeaders().length > 1, 'a second overview');
    await until(() => second.columnHeaders().join() === ui.columnHeaders().join(), 'the same columns in the second overview');
    again.remove();
  });

  it('prints address labels on A4 sheets from a frame of their own', async () => {
    search('Bedrijf');
    const matching = (await fromServer({ q: 'Bedrijf', status: ['active'] })).length;
    await until(() => ui.count() === nlCount(matching), 'the relations matching "Bedrijf"');
    expect(ui.queryDialog()).to.equal(undefined, 'no dialog until one is opened');
    ui.button('Adresetiketten afdrukken').click();
    await until(() => !!ui.queryDialog('Adresetiketten afdrukken'), 'the print dialog');
    expect(ui.dialog('Adresetiketten afdrukken').open).to.equal(true);
    await expect(overview).to.be.accessible();
    ui.radio('A4 3 × 8').click();
    await until(() => !ui.button('Afdrukken').disabled, 'the addresses read');
    ui.button('Afdrukken').click();
    await until(() => printFrames().length > 0, 'the print frame');
    const frame = printFrames().at(-1)!;
    expect(stickers(frame).length).to.be.greaterThan(0);
    expect(frame.contentDocument!.querySelector('style')!.textContent).to.contain('repeat(8, 37.12mm)');
    expect(stickers(frame)[0]![0]).to.match(/bedrijf/i);
  });

  it('says before and after printing how many relations were left out for want of an address', async () => {
    const name = `Etiket ${Date.now()}`;
    await relationsNamed(name, [{ purposes: ['postal'], street: 'Hoofdstraat', houseNumber: '1', houseNumberAddition: 'A', postalCode: '3511 AB', city: 'Utrecht' }, null]);
    await store.sync();
    search(name);
    await until(() => ui.count() === '2 relaties', 'the two relations');
    ui.button('Adresetiketten afdrukken').click();
    await until(() => ui.statuses().includes('1 etiket 1 relatie heeft geen adres en krijgt geen etiket.'), 'the count of left-out relations before printing');
    await expect(overview).to.be.accessible();
    ui.button('Afdrukken').click();
    await until(() => ui.statuses().includes('1 etiket afgedrukt. 1 relatie zonder adres overgeslagen.'), 'the count after printing');
    expect(stickers(printFrames().at(-1)!)).to.deep.equal([[`${name} 1`, 'Hoofdstraat 1 A', '3511 AB  UTRECHT']]);
    expect(focused()).to.equal(ui.button('Sluiten'));
    ui.button('Sluiten').click();
    await until(() => ui.queryDialog() === undefined, 'the dialog closed');
  });

  it("addresses a person's sticker with their salutation, which the list's rows do not hold", async () => {
    const lastName = `Sticker${Date.now()}`;
    const server = await clientFor('demo-anna');
    const person = await server.createRelation({ body: { kind: 'person', person: { salutation: 'Mevr.', initials: 'A.', lastName } } });
    await server.createAddress({ id: person.id, body: { purposes: ['postal'], street: 'Kerkstraat', houseNumber: '2', postalCode: '3511 AB', city: 'Utrecht' } });
    await store.sync();
    search(lastName);
    await until(() => ui.count() === '1 relatie', 'the person');
    ui.button('Adresetiketten afdrukken').click();
    await until(() => !!ui.queryDialog('Adresetiketten afdrukken') && !ui.button('Afdrukken').disabled, 'the addresses read');
    ui.button('Afdrukken').click();
    await until(() => printFrames().length > 0, 'the print frame');
    // The oracle: the salutation as the backend stores it, in front of the display name it gave.
    const stored = await server.getRelation({ id: person.id });
    expect(stickers(printFrames().at(-1)!)).to.deep.equal([[`${stored.person!.salutation} ${stored.displayName}`, 'Kerkstraat 2', '3511 AB  UTRECHT']]);
  });

  it('prints in English for an English reader: PO Box, country names, plural counts', async () => {
    overview.setAttribute('lang', 'en');
    const name = `Label ${Date.now()}`;
    await relationsNamed(name, [
      { purposes: ['postal'], poBox: '45', postalCode: '1000 AA', city: 'Amsterdam' },
      { purposes: ['visiting'], street: 'Kerkstraat', houseNumber: '9', postalCode: '2000', city: 'Antwerpen', country: 'BE' },
      null,
      null,
    ]);
    await store.sync();
    search(name);
    await until(() => ui.count() === '4 relations', 'the four relations');
    ui.button('Print address labels').click();
    await until(() => ui.statuses().includes('2 labels 2 relations have no address and get no label.'), 'the left-out count in English');
    await expect(overview).to.be.accessible();
    ui.button('Print').click();
    await until(() => ui.statuses().includes('2 labels printed. 2 relations without an address left out.'), 'the count after printing');
    expect(stickers(printFrames().at(-1)!)).to.deep.equal([
      [`${name} 1`, 'PO Box 45', '1000 AA  AMSTERDAM'],
      [`${name} 2`, 'Kerkstraat 9', '2000 Antwerpen', 'BELGIUM'],
    ]);
  });

  it('exports what the filters match as CSV, with the chosen columns and a progress bar', async () => {
    search('Bedrijf');
    const expected = await fromServer({ q: 'Bedrijf', status: ['active'] });
    await until(() => ui.count() === nlCount(expected.length), 'the filtered list');
    const file = await download(async () => {
      ui.button('Exporteren naar CSV').click();
      await until(() => !!ui.queryDialog('Exporteren naar CSV'), 'the export dialog');
      expect(ui.dialog('Exporteren naar CSV').open).to.equal(true);
      await expect(overview).to.be.accessible();
      ui.checkbox('Telefoon').click();
      ui.button('Exporteren').click();
    });
    expect(file.name).to.equal(`relaties-${new Date().toISOString().slice(0, 10)}.csv`);
    const lines = file.text.split('\r\n');
    expect(lines[0]).to.equal('Nummer;Naam;Debiteurnr.;Crediteurnr.;Plaats;E-mail;Labels;Adres;Postcode;Plaats (adres);Land');
    expect(lines.length).to.equal(expected.length + 2);
    expect(lines.slice(1, -1).map((line) => line.split(';')[1]).sort()).to.deep.equal(expected.map((r) => r.displayName).sort());
  });

  it('exports in English for an English reader: file name, header, country names', async () => {
    overview.setAttribute('lang', 'en');
    const name = `Export ${Date.now()}`;
    await relationsNamed(name, [{ purposes: ['postal'], poBox: '12', postalCode: '1000 AA', city: 'Amsterdam' }]);
    await store.sync();
    search(name);
    await until(() => ui.count() === '1 relation', 'the relation');
    const file = await download(async () => {
      ui.button('Export to CSV').click();
      await until(() => !!ui.queryDialog('Export to CSV'), 'the export dialog');
      await expect(overview).to.be.accessible();
      ui.button('Export').click();
    });
    expect(file.name).to.equal(`relations-${new Date().toISOString().slice(0, 10)}.csv`);
    const [header, row] = file.text.split('\r\n');
    expect(header).to.equal('Number;Name;Debtor no.;Creditor no.;City;E-mail;Phone;Labels;Address;Postcode;City (address);Country');
    expect(row!.split(';').slice(-4)).to.deep.equal(['PO Box 12', '1000 AA', 'Amsterdam', 'Netherlands']);
  });
});

describe('<relation-overview> without a connection', () => {
  it('shows cached data with a notice when the backend cannot be reached, and drops the notice when it can', async () => {
    const net = faultyNetwork();
    const provider = await fixture<RelationProvider>(html`<relation-provider base-url=${await backendUrl()} locale="nl">
      <div style="height: 600px; display: flex"><relation-overview></relation-overview></div>
    </relation-provider>`);
    provider.fetch = net.fetch;
    const ready = oneEvent(provider, 'relation-store-ready');
    provider.getToken = () => 'demo-anna';
    const { store } = (await ready).detail;
    await store.sync();
    const overview = provider.querySelector('relation-overview')!;
    const ui = overviewHarness(overview);
    await until(() => ui.rows().length > 0, 'rows');
    const notice = 'Geen verbinding: je ziet de laatst opgehaalde gegevens.';
    expect(ui.statuses()).not.to.include(notice);
    try {
      net.plan.offline = true;
      await store.revalidate();
      await until(() => ui.statuses().includes(notice), 'the offline notice');
      expect(ui.rows().length).to.be.greaterThan(0);
      await expect(overview).to.be.accessible();
      net.plan.offline = false;
      await store.revalidate();
      await until(() => !ui.statuses().includes(notice), 'the notice gone once the backend answers');
    } finally {
      net.plan.offline = false;
      localStorage.clear();
      await provider.signOut();
    }
  });
});
