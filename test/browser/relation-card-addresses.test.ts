import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Address, Relation } from '../../src/contract/index.js';
import '../../src/elements/internal/relation-card-addresses/relation-card-addresses.js';
import type { RelationCardAddresses } from '../../src/elements/internal/relation-card-addresses/relation-card-addresses.js';
import type { RelationProvider } from '../../src/index.js';
import type { RelationsStore } from '../../src/store/index.js';
import { backendUrl, clientFor, faultyNetwork } from './backend.js';
import { signedIn, until } from './fixtures.js';
import { addressesHarness, watchPagehideListeners, type AddressesHarness } from './harness/addresses.js';
import { focused } from './harness/roles.js';

/** The purposes as a Dutch reader knows them, written here apart from the element's messages. */
const dutchPurpose: Record<string, string> = { postal: 'Postadres', visiting: 'Bezoekadres', invoice: 'Factuuradres', delivery: 'Afleveradres' };

/** The contract's sentences, as its documentation gives them. */
const rules = {
  nl: {
    postcode: 'Een postcode bestaat uit 4 cijfers en 2 letters, zoals 1234 AB.',
    poBoxPostalOnly: 'Een postbus kan alleen een postadres zijn.',
    addressLine: 'Vul een straat en huisnummer in, of een postbus.',
  },
  en: {
    postcode: 'A Dutch postcode has 4 digits and 2 letters, like 1234 AB.',
    poBoxPostalOnly: 'A PO box can only be a postal address.',
    addressLine: 'Enter a street and house number, or a PO box.',
  },
};
const words = {
  nl: { add: 'Adres toevoegen', new: 'Nieuw adres', street: 'Straat', houseNumber: 'Huisnummer', postcode: 'Postcode', city: 'Plaats', poBox: 'Postbus', poBoxNumber: 'Postbusnummer', visiting: 'Bezoekadres', save: 'Opslaan', country: 'Land' },
  en: { add: 'Add address', new: 'New address', street: 'Street', houseNumber: 'House number', postcode: 'Postcode', city: 'City', poBox: 'PO box', poBoxNumber: 'PO box number', visiting: 'Visiting address', save: 'Save', country: 'Country' },
};

/** A relation of its own for a test that writes, so tests do not change each other's data. */
async function freshRelation(addresses: Parameters<Awaited<ReturnType<typeof clientFor>>['createAddress']>[0]['body'][] = []) {
  const server = await clientFor('demo-anna');
  const relation = await server.createRelation({ body: { kind: 'organization', organization: { name: `Adrestest ${Date.now()}` } } });
  for (const body of addresses) await server.createAddress({ id: relation.id, body });
  return relation;
}

async function listOnServer(relationId: string): Promise<Address[]> {
  return (await (await clientFor('demo-anna')).listAddresses({ id: relationId })).items;
}

/** Types into a field as a user does: focus it, type, and leave it with Tab. */
async function typeInto(input: HTMLInputElement, text: string, leave = true) {
  input.focus();
  input.select();
  if (text) await sendKeys({ type: text });
  if (leave) await sendKeys({ press: 'Tab' });
}

describe('<relation-card-addresses>', () => {
  let provider: RelationProvider;
  let store: RelationsStore;
  let el: RelationCardAddresses;
  let ui: AddressesHarness;

  async function mount(relation: Relation, locale: 'nl' | 'en' = 'nl') {
    ({ provider, store } = await signedIn(html`<relation-card-addresses></relation-card-addresses>`, 'demo-anna', locale));
    await show(relation);
  }

  /** A provider whose requests go through `fetcher`, as a network between browser and backend. */
  async function mountThrough(fetcher: typeof fetch, relation: Relation, locale: 'nl' | 'en' = 'nl') {
    provider = await fixture<RelationProvider>(html`<relation-provider base-url=${await backendUrl()} locale=${locale}>
      <relation-card-addresses></relation-card-addresses>
    </relation-provider>`);
    provider.fetch = fetcher;
    const ready = oneEvent(provider, 'relation-store-ready');
    provider.getToken = () => 'demo-anna';
    ({ store } = (await ready).detail as { store: RelationsStore });
    await store.sync();
    await show(relation);
  }

  async function show(relation: Relation) {
    el = provider.querySelector('relation-card-addresses')!;
    el.relation = relation;
    ui = addressesHarness(el);
    await el.updateComplete;
  }
  afterEach(() => provider?.signOut());

  it("shows a seeded relation's addresses as the backend has them, and passes axe", async () => {
    const server = await clientFor('demo-anna');
    let relation: Relation | undefined;
    let expected: Address[] = [];
    for (const candidate of (await server.listRelations({ limit: 50 })).items) {
      expected = (await server.listAddresses({ id: candidate.id })).items;
      if (expected.length >= 2) {
        relation = candidate;
        break;
      }
    }
    expect(relation, 'a seeded relation with two addresses').to.not.equal(undefined);
    await mount(relation!);
    await until(() => ui.items().length === expected.length, 'every address of the server');
    for (const address of expected) {
      const street = address.poBox ? `Postbus ${address.poBox}` : `${address.street} ${address.houseNumber}`;
      const item = ui.item(street);
      expect(item, street).to.not.equal(undefined);
      const text = item!.textContent!.replace(/\s+/g, ' ');
      if (address.postalCode) expect(text).to.include(address.postalCode);
      if (address.city) expect(text.toUpperCase()).to.include(address.city.toUpperCase());
      for (const purpose of address.purposes) expect(text).to.include(dutchPurpose[purpose]!);
    }
    await expect(el).to.be.accessible();
  });

  it('adds an address, its postcode saved in Dutch form as 1234 AB', async () => {
    const relation = await freshRelation();
    await mount(relation);
    await until(() => !!ui.queryButton('Adres toevoegen'), 'the add button');
    ui.button('Adres toevoegen').click();
    await el.updateComplete;
    await typeInto(ui.textbox('Nieuw adres', /^Straat/), 'Teststraat');
    await typeInto(ui.textbox('Nieuw adres', /^Huisnummer/), '7');
    const postcode = ui.textbox('Nieuw adres', 'Postcode');
    await typeInto(postcode, '1234ab');
    await until(() => postcode.value === '1234 AB', 'the postcode tidied when left');
    await typeInto(ui.textbox('Nieuw adres', 'Plaats'), 'Amsterdam');
    ui.button('Opslaan').click();
    await until(async () => (await listOnServer(relation.id)).length === 1, 'the address on the server', 10000);
    const [saved] = await listOnServer(relation.id);
    expect(saved).to.include({ street: 'Teststraat', houseNumber: '7', postalCode: '1234 AB', city: 'Amsterdam', country: 'NL', poBox: null });
    expect(saved!.purposes).to.deep.equal(['postal']);
    await until(() => ui.statuses().includes('Opgeslagen.'), 'the saved state');
    await until(() => !!ui.item('Teststraat 7'), 'the new address listed');
  });

  for (const locale of ['nl', 'en'] as const) {
    it(`shows the contract's rules as you type, in ${locale}, and sends nothing`, async () => {
      const w = words[locale];
      const relation = await freshRelation();
      await mount(relation, locale);
      await until(() => !!ui.queryButton(w.add), 'the add button');
      ui.button(w.add).click();
      await el.updateComplete;

      const street = ui.textbox(w.new, new RegExp(`^${w.street}`));
      await typeInto(street, '', true);
      await typeInto(ui.textbox(w.new, new RegExp(`^${w.houseNumber}`)), '12');
      await until(() => ui.errorOf(street) === rules[locale].addressLine, 'a street asked for');
      expect(street.getAttribute('aria-invalid')).to.equal('true');

      const postcode = ui.textbox(w.new, w.postcode);
      await typeInto(postcode, '0123 AB');
      await until(() => ui.errorOf(postcode) === rules[locale].postcode, 'the postcode refused');

      ui.checkbox(w.new, w.visiting).click();
      ui.radio(w.new, w.poBox).click();
      await el.updateComplete;
      const poBox = ui.textbox(w.new, new RegExp(`^${w.poBoxNumber}`));
      await typeInto(poBox, '45');
      await until(() => ui.errorOf(poBox) === rules[locale].poBoxPostalOnly, 'a PO box only for post');
      await expect(el).to.be.accessible();

      // Countries by name in the user's language; the Dutch postcode rule holds for NL only.
      const country = ui.select(w.new, w.country);
      const belgium = new Intl.DisplayNames([locale], { type: 'region' }).of('BE')!;
      expect([...country.options].find((option) => option.value === 'BE')?.textContent).to.equal(belgium);
      country.value = 'BE';
      country.dispatchEvent(new Event('change'));
      await until(() => ui.errorOf(postcode) === '', 'no Dutch postcode rule for Belgium');
      country.value = 'NL';
      country.dispatchEvent(new Event('change'));
      await until(() => ui.errorOf(postcode) === rules[locale].postcode, 'the rule back for NL');

      ui.button(w.save).click();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await store.outbox()).to.deep.equal([], 'nothing queued');
      expect(await listOnServer(relation.id)).to.deep.equal([], 'nothing on the server');
      expect(focused()).to.equal(poBox, 'focus on the first field in error');
    });
  }

  it('fills in street and city from postcode and house number, and leaves typed ones alone', async function () {
    this.timeout(30000);
    const server = await clientFor('demo-anna');
    const reference = await server.lookupAddress({ postalCode: '3572 BK', houseNumber: '101' });
    expect(reference, 'the reference backend knows 3572 BK 101').to.not.equal(null);
    const relation = await freshRelation();
    await mount(relation);
    await until(() => !!ui.queryButton('Adres toevoegen'), 'the add button');
    ui.button('Adres toevoegen').click();
    await el.updateComplete;
    await typeInto(ui.textbox('Nieuw adres', 'Postcode'), '3572bk');
    await typeInto(ui.textbox('Nieuw adres', /^Huisnummer/), '101');
    const street = ui.textbox('Nieuw adres', /^Straat/);
    const city = ui.textbox('Nieuw adres', 'Plaats');
    await until(() => street.value === reference!.street && city.value === reference!.city, 'street and city filled in');
    expect(ui.announcement()).to.include(reference!.street);

    // A city the user typed stays when the number changes; the filled-in street follows the lookup.
    await typeInto(city, 'Mijnstad');
    await typeInto(ui.textbox('Nieuw adres', /^Huisnummer/), '102');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(city.value).to.equal('Mijnstad');
    ui.button('Opslaan').click();
    await until(async () => (await listOnServer(relation.id)).length === 1, 'the address on the server');
    expect((await listOnServer(relation.id))[0]).to.include({ street: reference!.street, city: 'Mijnstad', postalCode: '3572 BK', houseNumber: '102' });
  });

  it('edits and deletes an address on the server, deleting only after confirmation', async () => {
    const relation = await freshRelation([{ purposes: ['visiting'], street: 'Oudeweg', houseNumber: '3', postalCode: '2011 AB', city: 'Haarlem' }]);
    await mount(relation, 'en');
    await until(() => !!ui.queryButton('Edit Oudeweg 3'), 'the address');
    ui.button('Edit Oudeweg 3').click();
    await el.updateComplete;
    await typeInto(ui.textbox('Address Oudeweg 3', 'City'), 'Heemstede');
    ui.button('Save').click();
    await until(async () => (await listOnServer(relation.id))[0]?.city === 'Heemstede', 'the change on the server');
    await until(() => ui.statuses().includes('Saved.'), 'the saved state');
    await until(() => (ui.item('Oudeweg 3')?.textContent ?? '').replace(/\s+/g, ' ').includes('2011 AB HEEMSTEDE'), 'the change shown');

    ui.button('Delete Oudeweg 3').click();
    const question = 'Delete address Oudeweg 3?';
    await until(() => !!ui.queryDialog(question), 'the confirmation');
    expect(await listOnServer(relation.id)).to.have.length(1, 'not deleted before confirmation');
    await expect(el).to.be.accessible();
    ui.button('Delete Oudeweg 3').click();
    await until(async () => (await listOnServer(relation.id)).length === 0, 'the address gone from the server');
    await until(() => ui.items().length === 0 && !!ui.el.shadowRoot!.textContent!.includes('No addresses yet.'), 'the list empty');
  });

  it('keeps an edit made offline as queued, and saves it when the connection is back', async () => {
    const relation = await freshRelation([{ purposes: ['postal'], street: 'Stilleweg', houseNumber: '5', postalCode: '3511 AA', city: 'Utrecht' }]);
    const net = faultyNetwork();
    await mountThrough(net.fetch, relation);
    await until(() => !!ui.queryButton('Stilleweg 5 bewerken'), 'the address');
    net.plan.offline = true;
    ui.button('Stilleweg 5 bewerken').click();
    await el.updateComplete;
    await typeInto(ui.textbox('Adres Stilleweg 5', 'Plaats'), 'Zeist');
    ui.button('Opslaan').click();
    await until(() => ui.statuses().some((text) => text.includes('zodra er verbinding is')), 'queued offline', 15_000);
    expect((await listOnServer(relation.id))[0]!.city).to.equal('Utrecht');
    net.plan.offline = false;
    await store.revalidate();
    await until(async () => (await listOnServer(relation.id))[0]?.city === 'Zeist', 'the edit on the server', 15_000);
    await until(() => ui.statuses().includes('Opgeslagen.'), 'saved');
  });

  it('shows a colleague\'s change beside mine on a conflict, and applies the choice', async () => {
    const relation = await freshRelation([{ purposes: ['postal'], street: 'Botsweg', houseNumber: '1', postalCode: '3511 AA', city: 'Utrecht' }]);
    await mount(relation, 'en');
    await until(() => !!ui.queryButton('Edit Botsweg 1'), 'the address');
    const [address] = await listOnServer(relation.id);
    const bram = await clientFor('demo-bram');

    ui.button('Edit Botsweg 1').click();
    await el.updateComplete;
    await typeInto(ui.textbox('Address Botsweg 1', 'City'), 'Annastad');
    // While anna types, bram changes the same field; his change reaches anna's cache live (or not yet):
    // either way her save is based on the version she started from, and must come back as a conflict.
    await bram.updateAddress({ id: address!.id, ifMatch: address!.version, body: { city: 'Bramstad' } });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(ui.textbox('Address Botsweg 1', 'City').value).to.equal('Annastad', 'what she typed stays while his change arrives');
    ui.button('Save').click();
    await until(() => !!ui.queryButton('All mine'), 'the conflict', 15_000);
    expect(ui.statuses()).to.include('Someone else changed this address meanwhile.');
    expect(el.shadowRoot!.querySelector('relation-conflict')!.shadowRoot!.textContent).to.include('Bramstad').and.include('Annastad');
    ui.button('All mine').click();
    await until(async () => (await listOnServer(relation.id))[0]?.city === 'Annastad', 'mine on the server', 15_000);
  });

  it("shows the backend's field errors on their fields when it rejects a save", async () => {
    const relation = await freshRelation([{ purposes: ['postal'], street: 'Weigerweg', houseNumber: '2', postalCode: '3511 AA', city: 'Utrecht' }]);
    // A network that changes the postcode on the way, as an older client might send it: the backend's rule decides.
    const tampering: typeof fetch = async (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      if (request.method !== 'PATCH' || !new URL(request.url).pathname.includes('/addresses/')) return fetch(request);
      const body = (await request.clone().json()) as Record<string, unknown>;
      return fetch(new Request(request, { body: JSON.stringify({ ...body, postalCode: '0000 XX' }) }));
    };
    await mountThrough(tampering, relation);
    await until(() => !!ui.queryButton('Weigerweg 2 bewerken'), 'the address');
    ui.button('Weigerweg 2 bewerken').click();
    await el.updateComplete;
    await typeInto(ui.textbox('Adres Weigerweg 2', 'Plaats'), 'Zeist');
    ui.button('Opslaan').click();
    await until(() => ui.statuses().some((text) => text.startsWith('Niet opgeslagen')), 'rejected', 15_000);
    await until(() => !!ui.queryForm('Adres Weigerweg 2'), 'the form open');
    expect(ui.errorOf(ui.textbox('Adres Weigerweg 2', 'Postcode'))).to.equal(rules.nl.postcode);
    expect(ui.textbox('Adres Weigerweg 2', 'Plaats').value).to.equal('Zeist', 'what was typed stays');
    expect((await listOnServer(relation.id))[0]!.city).to.equal('Utrecht');
  });

  it('offers what was typed back after leaving the page unsaved, and saves it only when asked', async () => {
    const relation = await freshRelation([{ purposes: ['postal'], street: 'Kladweg', houseNumber: '4', postalCode: '3511 AA', city: 'Utrecht' }]);
    await mount(relation);
    await until(() => !!ui.queryButton('Kladweg 4 bewerken'), 'the address');
    ui.button('Kladweg 4 bewerken').click();
    await el.updateComplete;
    await typeInto(ui.textbox('Adres Kladweg 4', 'Plaats'), 'Bunnik', false);
    await new Promise((resolve) => setTimeout(resolve, 500));
    provider.remove();

    await mount(relation);
    await until(() => !!ui.queryButton('Terugzetten'), 'the draft offered');
    expect(ui.textbox('Adres Kladweg 4', 'Plaats').value).to.equal('Utrecht');
    ui.button('Terugzetten').click();
    await until(() => ui.textbox('Adres Kladweg 4', 'Plaats').value === 'Bunnik', 'the draft restored');
    expect((await listOnServer(relation.id))[0]!.city).to.equal('Utrecht', 'a draft is not saved until the user saves');
    ui.button('Opslaan').click();
    await until(async () => (await listOnServer(relation.id))[0]?.city === 'Bunnik', 'saved on the server');
  });

  it('shows hostile text as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const relation = await freshRelation([{ purposes: ['postal'], street: hostile, houseNumber: '1', city: '<b>Stad</b>', postalCode: '1000 AA' }]);
    await mount(relation);
    await until(() => !!ui.item(hostile), 'the address');
    expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(ui.item(hostile)!.textContent).to.include('<B>STAD</B>');
  });

  it('can be used with the keyboard alone', async () => {
    const relation = await freshRelation();
    await mount(relation);
    await until(() => !!ui.queryButton('Adres toevoegen'), 'the add button');
    ui.button('Adres toevoegen').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => focused() === ui.checkbox('Nieuw adres', 'Postadres'), 'focus in the new form');
    // Purposes, then the choice of street or PO box, then the street.
    for (let i = 0; i < 8 && focused() !== ui.textbox('Nieuw adres', /^Straat/); i++) await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(ui.textbox('Nieuw adres', /^Straat/));
    await sendKeys({ type: 'Toetsweg' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '9' });
    await sendKeys({ press: 'Enter' });
    await until(async () => (await listOnServer(relation.id)).length === 1, 'the address on the server');
    expect((await listOnServer(relation.id))[0]).to.include({ street: 'Toetsweg', houseNumber: '9' });
    await until(() => focused() === ui.queryButton('Adres toevoegen'), 'focus back on the add button');

    // Escape leaves a form without saving, focus back where it was.
    await until(() => !!ui.queryButton('Toetsweg 9 bewerken'), 'the new address listed');
    // Opened once it has the backend's id: a form opened in the moment its local id is replaced is rebuilt
    // under the new id and loses focus (a known limit, in the closing note of issue 9).
    await until(async () => (await store.addressesOf(relation.id)).every((address) => !address.id.startsWith('local-')), "the backend's id");
    await until(() => !ui.button('Toetsweg 9 bewerken').id.includes('local-'), 'listed under it');
    ui.button('Toetsweg 9 bewerken').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !!ui.queryForm('Adres Toetsweg 9'), 'the form open');
    await sendKeys({ press: 'Escape' });
    await until(() => !ui.queryForm('Adres Toetsweg 9') && focused() === ui.queryButton('Toetsweg 9 bewerken'), 'closed, focus on its button');
  });

  it('lets the form of a deleted address go, listeners included', async () => {
    const relation = await freshRelation([
      { purposes: ['postal'], street: 'Blijfweg', houseNumber: '1', postalCode: '3511 AA', city: 'Utrecht' },
      { purposes: ['postal'], street: 'Gaweg', houseNumber: '2', postalCode: '3511 AA', city: 'Utrecht' },
    ]);
    const listeners = watchPagehideListeners();
    try {
      await mount(relation);
      await until(() => ui.items().length === 2, 'both addresses');
      const before = listeners.count();
      expect(before, 'a form per address and one for a new address').to.be.at.least(3);
      ui.button('Gaweg 2 verwijderen').click();
      await until(() => !!ui.queryDialog(), 'the confirmation');
      ui.button('Gaweg 2 verwijderen').click();
      await until(() => ui.items().length === 1, 'the address gone');
      await until(() => listeners.count() === before - 1, "the deleted address's form stops listening");
    } finally {
      listeners.stop();
    }
  });

  it("keeps the new address's draft when the page is left after an address was deleted", async () => {
    const relation = await freshRelation([{ purposes: ['postal'], street: 'Wisweg', houseNumber: '1', postalCode: '3511 AA', city: 'Utrecht' }]);
    await mount(relation);
    await until(() => !!ui.queryButton('Wisweg 1 verwijderen'), 'the address');
    ui.button('Wisweg 1 verwijderen').click();
    await until(() => !!ui.queryDialog(), 'the confirmation');
    ui.button('Wisweg 1 verwijderen').click();
    await until(() => ui.items().length === 0, 'the address gone');
    // Then a new address, typed and not saved, and the page is left (the tab closed: no element disconnects).
    ui.button('Adres toevoegen').click();
    await el.updateComplete;
    await typeInto(ui.textbox('Nieuw adres', /^Straat/), 'Kladstraat', false);
    await new Promise((resolve) => setTimeout(resolve, 500));
    window.dispatchEvent(new Event('pagehide'));
    await new Promise((resolve) => setTimeout(resolve, 300));

    // The next visit, on the same cache, offers what was typed.
    await mount(relation);
    await until(() => !!ui.queryButton('Terugzetten'), 'the new address draft offered');
    ui.button('Terugzetten').click();
    await until(() => ui.textbox('Nieuw adres', /^Straat/).value === 'Kladstraat', 'what was typed back');
  });

  it('moves focus to the next address after a delete, else the previous, else the add button', async () => {
    const relation = await freshRelation([
      { purposes: ['postal'], street: 'Eersteweg', houseNumber: '1', postalCode: '3511 AA', city: 'Utrecht' },
      { purposes: ['postal'], street: 'Tweedeweg', houseNumber: '2', postalCode: '3511 AA', city: 'Utrecht' },
      { purposes: ['postal'], street: 'Derdeweg', houseNumber: '3', postalCode: '3511 AA', city: 'Utrecht' },
    ]);
    await mount(relation, 'en');
    await until(() => ui.items().length === 3, 'three addresses');
    /** The streets in the order shown. */
    const order = () => ui.items().map((item) => ['Eersteweg 1', 'Tweedeweg 2', 'Derdeweg 3'].find((street) => item.textContent!.includes(street))!);
    const remove = async (street: string) => {
      const before = ui.items().length;
      ui.button(`Delete ${street}`).focus();
      await sendKeys({ press: 'Enter' });
      await until(() => !!ui.queryDialog(`Delete address ${street}?`), 'the confirmation');
      await sendKeys({ press: 'Tab' });
      expect(focused()).to.equal(ui.button(`Delete ${street}`), 'the confirming button');
      await sendKeys({ press: 'Enter' });
      await until(() => ui.items().length === before - 1, `${street} gone`);
    };
    const [first, middle, last] = order();
    await remove(middle!);
    await until(() => focused() === ui.queryButton(`Edit ${last}`), 'focus on the next address');
    await remove(last!);
    await until(() => focused() === ui.queryButton(`Edit ${first}`), 'focus on the previous address');
    await remove(first!);
    await until(() => focused() === ui.queryButton('Add address'), 'focus on the add button');
    await expect(el).to.be.accessible();
  });

  it('closes a form on Escape keeping what was typed as a draft; Cancel lets it go', async () => {
    const relation = await freshRelation([{ purposes: ['postal'], street: 'Ontsnapweg', houseNumber: '8', postalCode: '3511 AA', city: 'Utrecht' }]);
    await mount(relation);
    await until(() => !!ui.queryButton('Ontsnapweg 8 bewerken'), 'the address');
    ui.button('Ontsnapweg 8 bewerken').click();
    await el.updateComplete;
    await typeInto(ui.textbox('Adres Ontsnapweg 8', 'Plaats'), 'Houten', false);
    await sendKeys({ press: 'Escape' });
    await until(() => !ui.queryForm('Adres Ontsnapweg 8') && focused() === ui.queryButton('Ontsnapweg 8 bewerken'), 'closed, focus on its button');
    expect((await listOnServer(relation.id))[0]!.city).to.equal('Utrecht', 'nothing saved');

    // Opened again: the address as it is, and what was typed offered back.
    ui.button('Ontsnapweg 8 bewerken').click();
    await until(() => !!ui.queryButton('Terugzetten'), 'the draft offered');
    expect(ui.textbox('Adres Ontsnapweg 8', 'Plaats').value).to.equal('Utrecht');
    await expect(el).to.be.accessible();
    // Escape again without answering: still offered, also after leaving the page.
    await sendKeys({ press: 'Escape' });
    await until(() => !ui.queryForm('Adres Ontsnapweg 8'), 'closed again');
    provider.remove();
    await mount(relation);
    await until(() => !!ui.queryButton('Terugzetten'), 'the draft offered after a reload');
    ui.button('Terugzetten').click();
    await until(() => ui.textbox('Adres Ontsnapweg 8', 'Plaats').value === 'Houten', 'what was typed back');

    // Cancel is the explicit way to let it go.
    ui.button('Annuleren').click();
    await until(() => !ui.queryForm('Adres Ontsnapweg 8'), 'closed by Cancel');
    ui.button('Ontsnapweg 8 bewerken').click();
    await until(() => !!ui.queryForm('Adres Ontsnapweg 8'), 'open again');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ui.queryButton('Terugzetten'), 'no draft after Cancel').to.equal(undefined);
    expect(ui.textbox('Adres Ontsnapweg 8', 'Plaats').value).to.equal('Utrecht');
  });

  it('fires relation-saved with the relation when an address is added, changed or deleted', async () => {
    const relation = await freshRelation();
    await mount(relation);
    await until(() => !!ui.queryButton('Adres toevoegen'), 'the add button');
    const expectSaved = async (saved: Promise<CustomEvent>, what: string) => {
      const { detail } = await saved;
      expect(detail.id, what).to.equal(relation.id);
      expect(detail.relation.id, what).to.equal(relation.id);
      expect(detail.relation.displayName, what).to.equal(relation.displayName);
    };

    ui.button('Adres toevoegen').click();
    await el.updateComplete;
    await typeInto(ui.textbox('Nieuw adres', /^Straat/), 'Meldweg');
    await typeInto(ui.textbox('Nieuw adres', /^Huisnummer/), '1');
    let saved = oneEvent(el, 'relation-saved');
    ui.button('Opslaan').click();
    await expectSaved(saved, 'create');

    await until(() => ui.statuses().includes('Opgeslagen.'), 'the new address saved under its backend id', 10000);
    ui.button('Meldweg 1 bewerken').click();
    await el.updateComplete;
    await typeInto(ui.textbox('Adres Meldweg 1', 'Plaats'), 'Gouda');
    saved = oneEvent(el, 'relation-saved');
    ui.button('Opslaan').click();
    await expectSaved(saved, 'update');

    ui.button('Meldweg 1 verwijderen').click();
    await until(() => !!ui.queryDialog(), 'the confirmation');
    saved = oneEvent(el, 'relation-saved');
    ui.button('Meldweg 1 verwijderen').click();
    await expectSaved(saved, 'delete');
  });
});
