import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import '../../src/elements/relation-create/relation-create.js';
import type { RelationProvider } from '../../src/index.js';
import type { RelationsClient } from '../../src/sdk/index.js';
import type { RelationsStore } from '../../src/store/index.js';
import { backendUrl, clientFor, faultyNetwork } from './backend.js';
import { cardHarness } from './harness/card.js';
import { focused } from './harness/roles.js';
import { until } from './fixtures.js';

type Net = ReturnType<typeof faultyNetwork>;

async function openForm(options: { locale?: 'nl' | 'en'; net?: Net; withCard?: boolean } = {}) {
  const net = options.net ?? faultyNetwork();
  const provider = await fixture<RelationProvider>(html`<relation-provider base-url=${await backendUrl()} locale=${options.locale ?? 'en'}>
    <relation-create></relation-create>
    ${options.withCard ? html`<relation-card></relation-card>` : ''}
  </relation-provider>`);
  provider.fetch = net.fetch;
  const ready = oneEvent(provider, 'relation-store-ready');
  provider.getToken = () => 'demo-anna';
  const { store } = (await ready).detail as { store: RelationsStore };
  await store.sync();
  const form = provider.querySelector('relation-create')!;
  // The card harness finds fields, buttons and text by role and name through shadow roots: the form's too.
  const ui = cardHarness(form as never);
  return { provider, store, form, ui, net };
}

let server: RelationsClient;

describe('<relation-create>', () => {
  before(async () => {
    server = await clientFor('demo-anna');
  });
  afterEach(async () => {
    for (const provider of document.querySelectorAll('relation-provider')) await provider.signOut();
  });

  it('creates an organization from its name and KvK number and announces it; passes axe', async () => {
    const { ui, form, store } = await openForm();
    await expect(form).to.be.accessible();
    ui.type('Name', 'Nieuw Gemaakt B.V.');
    ui.type(/KvK number/, '12345672');
    const created = oneEvent(form, 'relation-created');
    ui.button('Create').click();
    const { detail } = await created;
    expect(detail.relation.displayName).to.equal('Nieuw Gemaakt B.V.');
    await store.flush();
    await until(async () => (await server.listRelations({ q: 'Nieuw Gemaakt' })).items.length === 1, 'the relation on the server');
    const onServer = (await server.listRelations({ q: 'Nieuw Gemaakt' })).items[0]!;
    expect(onServer.organization?.kvkNumber).to.equal('12345672');
    expect(await store.resolveId(detail.id)).to.equal(onServer.id);
    expect(ui.field('Name').value).to.equal('', 'the form starts again');
  });

  it('requires a name (a last name for a person) with the message in the user’s language, and sends nothing', async () => {
    const { ui, net } = await openForm({ locale: 'nl' });
    ui.button('Aanmaken').click();
    await until(() => ui.errorOf(/^Naam/) !== '', 'the error');
    expect(ui.errorOf(/^Naam/)).to.equal('Mag niet leeg zijn.');
    expect(focused()?.getAttribute('name')).to.equal('organization.name');
    ui.radio('Persoon').click();
    await until(() => !!ui.all('input').find((input) => input.getAttribute('name') === 'person.lastName'), 'the person form');
    ui.button('Aanmaken').click();
    await until(() => ui.errorOf(/^Achternaam/) !== '', 'the error');
    expect(ui.errorOf(/^Achternaam/)).to.equal('Mag niet leeg zijn.');
    expect(net.plan.sent.filter((s) => s === 'POST /api/v1/relations')).to.deep.equal([]);
  });

  it('warns of a likely duplicate while typing: an equal KvK number and a similar name, each to open instead', async () => {
    const seeded = (await server.listRelations({ kind: 'organization', limit: 100 })).items.find((r) => r.organization?.kvkNumber)!;
    const { ui, form } = await openForm();
    ui.type(/KvK number/, seeded.organization!.kvkNumber!);
    await until(() => !!ui.maybeButton(`Open ${seeded.displayName}`), 'the duplicate by KvK');
    expect(ui.text()).to.contain('same KvK number');
    const opened = oneEvent(form, 'relation-open');
    ui.button(`Open ${seeded.displayName}`).click();
    expect((await opened).detail.id).to.equal(seeded.id);

    ui.type(/KvK number/, '');
    ui.type('Name', 'Bedrijf Uno');
    const uno = (await server.listRelations({ q: 'Bedrijf Uno' })).items[0]!;
    await until(() => !!ui.maybeButton(`Open ${uno.displayName}`), 'the duplicate by name');
    expect(ui.text()).to.match(/name \d+% alike/);
  });

  it('offline: warns by an equal e-mail from the cache, creates at once, and a card shows it with its number pending until sent', async () => {
    const withEmail = (await server.listRelations({ limit: 100 })).items.find((r) => r.email)!;
    const net = faultyNetwork();
    const { ui, form, store, provider } = await openForm({ net, withCard: true });
    net.plan.offline = true;
    ui.type('E-mail', withEmail.email!.toUpperCase());
    await until(() => !!ui.maybeButton(`Open ${withEmail.displayName}`), 'the duplicate from the cache');
    expect(ui.text()).to.contain('same e-mail address').and.to.contain('Offline');

    ui.type('E-mail', '');
    ui.type('Name', 'Zonder Verbinding B.V.');
    const created = oneEvent(form, 'relation-created');
    ui.button('Create').click();
    const { detail } = await created;
    expect(detail.id).to.match(/^local-/);
    const card = provider.querySelector('relation-card')!;
    card.relationId = detail.id;
    const cardUi = cardHarness(card);
    await until(() => cardUi.headings().includes('Zonder Verbinding B.V.'), 'the card of the new relation');
    expect(cardUi.text()).to.contain('pending');

    net.plan.offline = false;
    await store.revalidate();
    await until(async () => (await server.listRelations({ q: 'Zonder Verbinding' })).items.length === 1, 'sent');
    const number = (await server.listRelations({ q: 'Zonder Verbinding' })).items[0]!.number;
    await until(() => cardUi.text().includes(String(number)), 'the number shown on the card');
  });

  it('offers what was typed back after a reload, kind included', async () => {
    const first = await openForm({ locale: 'en' });
    first.ui.radio('Person').click();
    await until(() => first.ui.all('input').some((input) => input.getAttribute('name') === 'person.lastName'), 'the person form');
    first.ui.type(/^Last name/, 'Teruggehaald');
    await new Promise((resolve) => setTimeout(resolve, 500));
    first.provider.remove();
    const again = await openForm({ locale: 'en' });
    await until(() => !!again.ui.maybeButton('Restore'), 'the draft offered');
    again.ui.button('Restore').click();
    await until(() => again.ui.all('input').some((input) => input.getAttribute('name') === 'person.lastName'), 'the person form back');
    expect(again.ui.field(/^Last name/).value).to.equal('Teruggehaald');
  });
});
