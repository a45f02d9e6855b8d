import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import '../../src/elements/relation-card/relation-card.js';
import type { Relation } from '../../src/contract/index.js';
import type { RelationProvider } from '../../src/index.js';
import type { RelationsClient } from '../../src/sdk/index.js';
import type { RelationsStore } from '../../src/store/index.js';
import { backendUrl, clientFor, faultyNetwork } from './backend.js';
import { cardHarness } from './harness/card.js';
import { focused, getByRole, queryByRole } from './harness/roles.js';
import { until } from './fixtures.js';

type Net = ReturnType<typeof faultyNetwork>;

/** A host page with a provider (through `net`) and a card of `id`; the store open and synced. */
async function openCard(
  id: string,
  options: { token?: string; locale?: 'nl' | 'en'; net?: Net; layout?: 'tabs' | 'page'; width?: string } = {},
) {
  const net = options.net ?? faultyNetwork();
  const provider = await fixture<RelationProvider>(html`<relation-provider base-url=${await backendUrl()} locale=${options.locale ?? 'nl'}>
    <div style="width: ${options.width ?? 'auto'}"><relation-card relation-id=${id} layout=${options.layout ?? 'tabs'}></relation-card></div>
  </relation-provider>`);
  provider.fetch = net.fetch;
  const ready = oneEvent(provider, 'relation-store-ready');
  provider.getToken = () => options.token ?? 'demo-anna';
  const { store } = (await ready).detail as { store: RelationsStore };
  await store.sync().catch(() => undefined);
  const card = provider.querySelector('relation-card')!;
  return { provider, store, card, ui: cardHarness(card), net };
}

/** Leaves the page without signing out: the cache and the outbox stay, as after closing a tab. */
function leave(provider: RelationProvider): void {
  provider.remove();
}

let server: RelationsClient;
const created: string[] = [];

async function organization(name: string, extra: Partial<Relation> = {}): Promise<Relation> {
  const relation = await server.createRelation({ body: { kind: 'organization', organization: { name }, ...extra } as never });
  created.push(relation.id);
  return relation;
}

describe('<relation-card>', () => {
  before(async () => {
    server = await clientFor('demo-anna');
  });
  afterEach(async () => {
    localStorage.clear();
    for (const provider of document.querySelectorAll('relation-provider')) await provider.signOut();
  });

  it('shows an organization as the backend has it: header, numbers and details; passes axe', async () => {
    const uno = (await server.listRelations({ q: 'Bedrijf Uno' })).items[0]!;
    const { ui, card } = await openCard(uno.id, { locale: 'en' });
    await until(() => ui.headings().includes(uno.displayName), 'the heading');
    const text = ui.text();
    expect(text).to.contain(String(uno.number));
    if (uno.debtor) expect(text).to.contain(String(uno.debtor.number));
    expect(ui.field('Name').value).to.equal(uno.organization!.name);
    expect(ui.field(/KvK number/).value).to.equal(uno.organization!.kvkNumber ?? '');
    expect(ui.field('E-mail').value).to.equal(uno.email ?? '');
    expect(ui.field(/IBAN/).value).to.equal(uno.iban ?? '');
    await expect(card).to.be.accessible();
  });

  it('fits a 360 px side panel in every section: nothing sticks out but the scrolling tab list', async () => {
    for (const q of ['Irecteur', 'Bedrijf Uno']) {
      const relation = (await server.listRelations({ q })).items[0]!;
      const { ui, card, provider } = await openCard(relation.id, { locale: 'en', width: '360px' });
      await until(() => ui.headings().includes(relation.displayName), 'the heading');
      const right = card.getBoundingClientRect().right;
      for (const name of ['Details', 'Addresses', 'People', 'Preferences', 'Documents']) {
        ui.tab(name).click();
        await until(() => ui.tab(name).getAttribute('aria-selected') === 'true', name);
        await new Promise((resolve) => setTimeout(resolve, 300));
        const sticking = ui.all().filter((el) => {
          if (el.closest('[role="tablist"]') || el.getClientRects().length === 0) return false;
          return el.getBoundingClientRect().right > right + 1;
        });
        expect(sticking.map((el) => `${el.localName}.${el.className}`), `${q}: ${name}`).to.deep.equal([]);
      }
      expect(card.scrollWidth).to.be.at.most(360);
      leave(provider);
    }
  });

  it("shows a host's own section as a tab of its own, after the card's sections", async () => {
    const relation = await organization('Gastsectie B.V.');
    const { ui, card } = await openCard(relation.id, { locale: 'en' });
    const notes = document.createElement('div');
    notes.slot = 'section-notes';
    notes.dataset['sectionLabel'] = 'Host notes';
    notes.textContent = 'Written by the host';
    card.append(notes);
    await until(() => ui.headings().includes('Gastsectie B.V.'), 'the heading');
    await until(() => ui.text().includes('Host notes'), 'the host tab');
    expect(notes.assignedSlot, 'hidden until chosen').to.satisfy((slot: HTMLSlotElement | null) => !slot || slot.closest('[hidden]') !== null);
    ui.tab('Host notes').click();
    await until(() => ui.tab('Host notes').getAttribute('aria-selected') === 'true', 'chosen');
    await until(() => notes.assignedSlot?.closest('[role="tabpanel"]') != null && notes.getClientRects().length > 0, 'shown in the panel');
  });

  it('moves between sections with the arrow keys, as a tab list does', async () => {
    const relation = await organization('Tabbladen B.V.');
    const { ui } = await openCard(relation.id, { locale: 'en' });
    await until(() => ui.headings().includes('Tabbladen B.V.'), 'the heading');
    const details = ui.tab('Details');
    expect(details.getAttribute('aria-selected')).to.equal('true');
    details.focus();
    details.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    await until(() => ui.tab('Addresses').getAttribute('aria-selected') === 'true', 'the addresses tab selected');
    expect(focused()).to.equal(ui.tab('Addresses'));
  });

  it('shows an edit saved in the card in its history tab: the field, before and after, by whom', async () => {
    const relation = await organization('Historie Kaart B.V.');
    const { ui, store } = await openCard(relation.id, { locale: 'en' });
    await until(() => ui.headings().includes('Historie Kaart B.V.'), 'the heading');
    ui.type('E-mail', 'kaart@historie.nl');
    ui.button('Save').click();
    await store.flush();
    ui.tab('History').click();
    const entries = () => ui.all('relation-history').flatMap((el) => [...(el.shadowRoot?.querySelectorAll('li') ?? [])]);
    await until(() => entries().length === 2, 'the creation and the edit');
    const edit = entries()[0]!.textContent!.replace(/\s+/g, ' ');
    expect(edit).to.contain('Relation changed').and.to.contain('by Anna de Vries').and.to.contain('E-mail kaart@historie.nl');
  });

  it('validates as you type with the contract’s messages, in Dutch and in English, and sends nothing invalid', async () => {
    const relation = await organization('Regels B.V.');
    for (const [locale, expected] of [
      ['nl', {
        kvk: 'Een KvK-nummer bestaat uit 8 cijfers.', vat: 'Geen geldig btw-nummer; het ziet eruit als NL123456789B01.',
        iban: 'Geen geldig IBAN; controleer de cijfers.', email: 'Geen geldig e-mailadres.', name: 'Mag niet leeg zijn.',
      }],
      ['en', {
        kvk: 'A KvK number has 8 digits.', vat: 'Not a valid Dutch VAT number; it looks like NL123456789B01.',
        iban: 'Not a valid IBAN; check the digits.', email: 'Not a valid e-mail address.', name: 'Must not be empty.',
      }],
    ] as const) {
      const { ui, provider, net } = await openCard(relation.id, { locale });
      const f = locale === 'nl'
        ? { name: 'Naam', kvk: /KvK-nummer/, vat: /Btw-nummer/, iban: /IBAN/, email: 'E-mail', save: 'Opslaan' }
        : { name: 'Name', kvk: /KvK number/, vat: /VAT number/, iban: /IBAN/, email: 'E-mail', save: 'Save' };
      await until(() => ui.headings().includes('Regels B.V.'), 'the heading');
      ui.type(f.kvk, '1234');
      ui.type(f.vat, 'NL1');
      ui.type(f.iban, 'NL00BANK0123456789');
      ui.type(f.email, 'iemand@');
      ui.type(f.name, '   ');
      await until(() => ui.errorOf(f.kvk) !== '', 'an error');
      expect(ui.errorOf(f.kvk)).to.equal(expected.kvk);
      expect(ui.errorOf(f.vat)).to.equal(expected.vat);
      expect(ui.errorOf(f.iban)).to.equal(expected.iban);
      expect(ui.errorOf(f.email)).to.equal(expected.email);
      expect(ui.errorOf(f.name)).to.equal(expected.name);
      ui.button(f.save).click();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(net.plan.sent.filter((s) => s.startsWith('PATCH'))).to.deep.equal([]);
      expect(focused()?.getAttribute('aria-invalid')).to.equal('true', 'focus goes to the first invalid field');
      leave(provider);
    }
    expect((await server.getRelation({ id: relation.id })).version).to.equal(relation.version);
  });

  it('saves an edit made offline, keeps it across a reload, and sends it exactly once', async () => {
    const relation = await organization('Onderweg B.V.');
    const net = faultyNetwork();
    const first = await openCard(relation.id, { net });
    await until(() => first.ui.headings().includes('Onderweg B.V.'), 'the heading');
    net.plan.offline = true;
    first.ui.type('E-mail', 'info@onderweg.nl');
    const saved = oneEvent(first.provider, 'relation-saved');
    first.ui.button('Opslaan').click();
    const { detail } = await saved;
    expect([detail.id, detail.relation.email]).to.deep.equal([relation.id, 'info@onderweg.nl'], 'relation-saved reaches the host');
    await until(() => first.ui.statuses().some((s) => s.includes('zodra er verbinding is')), 'queued offline');
    leave(first.provider);

    const again = await openCard(relation.id, { net });
    await until(() => again.ui.field('E-mail').value === 'info@onderweg.nl', 'the queued edit shown after the reload');
    net.plan.offline = false;
    await again.store.revalidate();
    await until(async () => (await server.getRelation({ id: relation.id })).email === 'info@onderweg.nl', 'the edit on the server');
    const onServer = await server.getRelation({ id: relation.id });
    expect(onServer.version).to.equal(relation.version + 1, 'sent once');
  });

  it('offers a draft back after a reload, for the same user only', async () => {
    const relation = await organization('Klad B.V.');
    const first = await openCard(relation.id);
    await until(() => first.ui.headings().includes('Klad B.V.'), 'the heading');
    first.ui.type('Telefoon', '020 123 4567');
    await new Promise((resolve) => setTimeout(resolve, 500));
    leave(first.provider);

    const bram = await openCard(relation.id, { token: 'demo-bram' });
    await until(() => bram.ui.headings().includes('Klad B.V.'), 'the heading for bram');
    expect(bram.ui.maybeButton('Terugzetten')).to.equal(undefined, 'never offered to another user');
    expect(bram.ui.field('Telefoon').value).to.equal('');
    leave(bram.provider);

    const again = await openCard(relation.id);
    await until(() => !!again.ui.maybeButton('Terugzetten'), 'the draft offered');
    expect(again.ui.field('Telefoon').value).to.equal('');
    again.ui.button('Terugzetten').click();
    await until(() => again.ui.field('Telefoon').value === '020 123 4567', 'the draft restored');
    expect((await server.getRelation({ id: relation.id })).phone).to.equal(null, 'a draft is not saved until the user saves');
  });

  it('shows a conflict with a colleague’s change field by field and applies the choice', async () => {
    const relation = await organization('Botsing B.V.');
    const { ui, store } = await openCard(relation.id, { locale: 'en' });
    await until(() => ui.headings().includes('Botsing B.V.'), 'the heading');
    const bram = await clientFor('demo-bram');
    await bram.updateRelation({ id: relation.id, ifMatch: relation.version, body: { organization: { name: 'Botsing (Bram) B.V.' }, email: 'bram@botsing.nl' } });

    ui.type('Name', 'Botsing (Anna) B.V.');
    ui.type('E-mail', 'anna@botsing.nl');
    ui.button('Save').click();
    await until(() => !!ui.maybeButton('Apply choice'), 'the conflict');
    expect(ui.text()).to.contain('Botsing (Bram) B.V.').and.to.contain('bram@botsing.nl');
    ui.radio(/^Name: keep your value/).click();
    ui.radio(/^E-mail: take their value \(bram@botsing\.nl\)$/).click();
    // The store hears more (a sync, a status change) while the user chooses: the choices stay.
    await store.revalidate();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ui.radio(/^E-mail: take their value/).checked).to.equal(true, 'the choice survives the store’s news');
    ui.button('Apply choice').click();
    await store.flush();
    await until(async () => (await server.getRelation({ id: relation.id })).organization?.name === 'Botsing (Anna) B.V.', 'mine for the name');
    expect((await server.getRelation({ id: relation.id })).email).to.equal('bram@botsing.nl', 'theirs for the e-mail');
  });

  it('makes a relation a debtor offline: "pending" until the number the backend gives arrives', async () => {
    const relation = await organization('Debiteur Later B.V.');
    const net = faultyNetwork();
    const { ui, store } = await openCard(relation.id, { net, locale: 'en' });
    await until(() => ui.headings().includes('Debiteur Later B.V.'), 'the heading');
    net.plan.offline = true;
    ui.button('Make debtor').click();
    await until(() => ui.text().includes('Debtor number') && ui.text().includes('pending'), 'pending');
    net.plan.offline = false;
    await store.revalidate();
    await until(async () => (await server.getRelation({ id: relation.id })).debtor !== null, 'a debtor on the server');
    const number = (await server.getRelation({ id: relation.id })).debtor!.number;
    await until(() => ui.text().includes(String(number)), 'the debtor number shown');
  });

  it('archives and restores after asking', async () => {
    const relation = await organization('Archief B.V.');
    const { ui, store } = await openCard(relation.id, { locale: 'en' });
    await until(() => ui.headings().includes('Archief B.V.'), 'the heading');
    ui.button('Archive').click();
    await until(() => ui.text().includes('Archive Archief B.V.?'), 'the question');
    const buttons = () => ui.all('button').filter((b) => b.textContent?.trim() === 'Archive');
    (buttons().at(-1) as HTMLButtonElement).click();
    await store.flush();
    await until(async () => (await server.getRelation({ id: relation.id })).status === 'archived', 'archived on the server');
    await until(() => !!ui.maybeButton('Restore'), 'restore offered');
    ui.button('Restore').click();
    const confirm = () => ui.all('button').filter((b) => b.textContent?.trim() === 'Restore').at(-1) as HTMLButtonElement;
    await until(() => ui.text().includes('Restore Archief B.V. as an active relation?'), 'the question');
    confirm().click();
    await store.flush();
    await until(async () => (await server.getRelation({ id: relation.id })).status === 'active', 'active again');
  });

  it('opens a relation the cache does not hold yet from the backend, and saves an edit of it', async () => {
    const { ui, store, card } = await openCard('', { locale: 'en' });
    const later = await organization('Nog Niet Gesynchroniseerd B.V.');
    expect(await store.getRelation(later.id)).to.equal(undefined, 'not in the cache');
    card.relationId = later.id;
    await until(() => ui.headings().includes('Nog Niet Gesynchroniseerd B.V.'), 'the heading');
    ui.type('Phone', '+31 20 555 0101');
    ui.button('Save').click();
    await until(async () => (await server.getRelation({ id: later.id })).phone !== null, 'the edit on the server');
    expect((await server.getRelation({ id: later.id })).version).to.equal(later.version + 1);
  });

  it("shows another tenant's relation as not found, and nothing of it", async () => {
    const olga = await clientFor('acme-olga');
    const theirs = (await olga.listRelations({ limit: 1 })).items[0]!;
    const { ui } = await openCard(theirs.id, { locale: 'en' });
    await until(() => ui.statuses().includes('This relation does not exist, or you have no access to it.'), 'not found');
    expect(ui.text()).not.to.contain(theirs.displayName);
  });

  it('shows hostile text in every text field as text', async () => {
    // Each within its field's 20 characters, and each an element if it were rendered as HTML.
    const hostile = (n: number) => `<b>${n}</b><i>x</i>`;
    const name = '<img src=x onerror="window.__hacked=1"><b>Vet</b>';
    const relation = await organization(name);
    const person = await server.createRelation({
      body: { kind: 'person', person: { salutation: hostile(2), initials: hostile(3), firstName: hostile(4), infix: hostile(5), lastName: hostile(6) } },
    });
    created.push(person.id);
    const { ui, card } = await openCard(relation.id, { locale: 'en', layout: 'page' });
    await until(() => ui.headings().includes(name), 'the heading as text');
    expect(ui.field('Name').value).to.equal(name);
    await expect(card).to.be.accessible();
    card.relationId = person.id;
    await until(() => ui.headings().includes(person.displayName), 'the person');
    for (const [field, value] of [['Salutation', 2], ['Initials', 3], ['First name', 4], ['Infix', 5], ['Last name', 6]] as const) {
      expect(ui.field(field).value, field).to.equal(hostile(value));
    }
    expect(ui.headings()).to.include(person.displayName);
    expect(person.displayName).to.contain('<b>');
    expect(ui.all('img')).to.deep.equal([]);
    expect(ui.all('b')).to.deep.equal([]);
    expect(ui.all('i')).to.deep.equal([]);
    expect((window as { __hacked?: number }).__hacked).to.equal(undefined);
  });

  it('keeps each relation’s typing to itself when the card switches relation', async () => {
    const first = await organization('Eerste Wissel B.V.');
    const second = await organization('Tweede Wissel B.V.');
    const { ui, card } = await openCard(first.id);
    await until(() => ui.headings().includes('Eerste Wissel B.V.'), 'the first');
    ui.type('Telefoon', '010 111 2222');
    card.relationId = second.id;
    await until(() => ui.headings().includes('Tweede Wissel B.V.'), 'the second');
    expect(ui.field('Telefoon').value).to.equal('');
    expect(ui.maybeButton('Terugzetten')).to.equal(undefined, 'the first one’s draft is not offered on the second');
    expect(ui.statuses().join(' ')).not.to.contain('Opgeslagen');
    card.relationId = first.id;
    await until(() => !!ui.maybeButton('Terugzetten'), 'the first one’s draft offered back');
    ui.button('Terugzetten').click();
    await until(() => ui.field('Telefoon').value === '010 111 2222', 'restored');
  });

  it('sends a corrected rejected change whole: the backend’s reason on its field, the other fields kept', async () => {
    const relation = await organization('Afgewezen B.V.');
    // The wire breaks the first PATCH's KvK number (as a backend with a stricter rule would refuse it).
    let broken = false;
    const net = faultyNetwork();
    const rewrite: typeof fetch = async (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      if (request.method === 'PATCH' && !broken) {
        broken = true;
        const body = JSON.parse(await request.text()) as { organization?: { kvkNumber?: string } };
        if (body.organization) body.organization.kvkNumber = '1234';
        return net.fetch(new Request(request, { body: JSON.stringify(body) }));
      }
      return net.fetch(request);
    };
    const { ui, provider, store } = await openCard('', { locale: 'en', net: { ...net, fetch: rewrite } as Net });
    provider.querySelector('relation-card')!.relationId = relation.id;
    await until(() => ui.headings().includes('Afgewezen B.V.'), 'the heading');
    ui.type('Name', 'Afgewezen en Hersteld B.V.');
    ui.type(/KvK number/, '12345672');
    ui.button('Save').click();
    await until(() => ui.errorOf(/KvK number/) === 'A KvK number has 8 digits.', 'the backend’s reason on its field');
    expect(ui.field('Name').value).to.equal('Afgewezen en Hersteld B.V.', 'what was typed stays');
    ui.type(/KvK number/, '87654325');
    ui.button('Save').click();
    await store.flush();
    await until(async () => (await server.getRelation({ id: relation.id })).organization?.kvkNumber === '87654325', 'the correction');
    expect((await server.getRelation({ id: relation.id })).organization?.name).to.equal('Afgewezen en Hersteld B.V.', 'the rest of the change too');
  });

  it('has a contact section, the moment log, whose callback button opens the card’s dialog; a request sent there reaches the colleague', async () => {
    const uno = (await server.listRelations({ q: 'Bedrijf Uno' })).items[0]!;
    const { card, ui } = await openCard(uno.id);
    ui.tab('Contactmomenten').click();
    await until(() => ui.all('contact-moment-log').length === 1 && !!ui.maybeButton('Terugbelverzoek'), 'the log in the contact section');
    ui.button('Terugbelverzoek').click();
    await until(() => ui.all('relation-callback-dialog').length === 1 && !!queryByRole(card, 'combobox', 'Collega'), 'the dialog');
    const bram = (await (await clientFor('demo-bram')).getMe()).id;
    const colleague = getByRole<HTMLSelectElement>(card, 'combobox', 'Collega');
    colleague.value = bram;
    colleague.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    const message = `Vanuit de kaart ${Date.now()}`;
    const field = getByRole<HTMLTextAreaElement>(card, 'textbox', 'Bericht');
    field.value = message;
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    const requested = oneEvent(card, 'callback-requested');
    ui.button('Verzoek versturen').click();
    const { detail } = await requested;
    expect(detail.relationId).to.equal(uno.id);
    await until(() => ui.all('relation-callback-dialog').length === 0, 'the dialog closed');
    const bramClient = await clientFor('demo-bram');
    await until(async () => (await bramClient.listCallbackRequests({ assigneeId: 'me', limit: 100 })).items.some((r) => r.message === message), "in bram's callbacks");
  });
});
