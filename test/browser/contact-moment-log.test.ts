import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import '../../src/elements/contact-moment-log/contact-moment-log.js';
import type { ContactMoment, ContactMomentCreate, Relation } from '../../src/contract/index.js';
import type { RelationProvider } from '../../src/index.js';
import type { RelationsClient } from '../../src/sdk/index.js';
import type { RelationsStore } from '../../src/store/index.js';
import { backendUrl, clientFor, faultyNetwork } from './backend.js';
import { until } from './fixtures.js';
import { momentsHarness, shownText } from './harness/moments.js';
import { focused } from './harness/roles.js';

type Net = ReturnType<typeof faultyNetwork>;

/** A host page with a provider (through `net`) and the log of `id`; the store open and synced. */
async function openLog(id: string, options: { token?: string; locale?: 'nl' | 'en'; net?: Net } = {}) {
  const net = options.net ?? faultyNetwork();
  const provider = await fixture<RelationProvider>(html`<relation-provider base-url=${await backendUrl()} locale=${options.locale ?? 'nl'}>
    <contact-moment-log relation-id=${id}></contact-moment-log>
  </relation-provider>`);
  provider.fetch = net.fetch;
  const ready = oneEvent(provider, 'relation-store-ready');
  provider.getToken = () => options.token ?? 'demo-anna';
  const { store } = (await ready).detail as { store: RelationsStore };
  await store.sync().catch(() => undefined);
  const log = provider.querySelector('contact-moment-log')!;
  const ui = momentsHarness(log);
  await until(() => !ui.text().includes('laden') && !ui.text().includes('Loading'), 'the log loaded');
  return { provider, store, log, ui, net };
}

let anna: RelationsClient;
let bram: RelationsClient;

async function organization(name: string): Promise<Relation> {
  return anna.createRelation({ body: { kind: 'organization', organization: { name } } as never });
}

async function moment(client: RelationsClient, body: ContactMomentCreate): Promise<ContactMoment> {
  return client.createContactMoment({ body });
}

async function momentsOnServer(client: RelationsClient, relationId: string): Promise<ContactMoment[]> {
  return (await client.listContactMoments({ relationId, limit: 200 })).items;
}

/** A date `days` from today in this browser's time zone, as the contract writes dates. */
function dayFromNow(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

describe('<contact-moment-log>', () => {
  before(async () => {
    anna = await clientFor('demo-anna');
    bram = await clientFor('demo-bram');
  });
  afterEach(async () => {
    localStorage.clear();
    for (const provider of document.querySelectorAll('relation-provider')) await provider.signOut();
  });

  it("shows D. Irecteur's meeting at Bedrijf Uno on both logs, each naming the other party; passes axe", async () => {
    const uno = (await anna.listRelations({ q: 'Bedrijf Uno' })).items[0]!;
    const irecteur = (await anna.listRelations({ q: 'Irecteur' })).items[0]!;
    const shared = (await momentsOnServer(anna, uno.id)).find((m) => m.personId === irecteur.id)!;
    expect(shared, 'the seed has a moment with D. Irecteur at Bedrijf Uno').to.not.equal(undefined);

    const one = await openLog(uno.id, { locale: 'en' });
    await until(() => !!one.ui.row(shared.subject), 'the moment on Uno’s log');
    expect(shownText(one.ui.row(shared.subject)!)).to.contain(`with ${irecteur.displayName}`);
    await expect(one.log).to.be.accessible();
    one.provider.remove();

    const other = await openLog(irecteur.id, { locale: 'en' });
    await until(() => !!other.ui.row(shared.subject), 'the moment on Irecteur’s log');
    expect(shownText(other.ui.row(shared.subject)!)).to.contain(`about ${uno.displayName}`);
    // Newest first, as the backend lists them.
    const subjects = (await momentsOnServer(anna, irecteur.id)).map((m) => m.subject);
    const shown = other.ui.rows().map((row) => row.querySelector('[part="subject"]')!.textContent);
    expect(shown).to.deep.equal(subjects.slice(0, shown.length));
  });

  it('lists open agreements on top with their due dates, overdue ones marked', async () => {
    const relation = await organization('Afspraken B.V.');
    await moment(anna, {
      relationId: relation.id, kind: 'call', subject: 'Terugbellen over levering',
      agreements: [
        { text: 'Prijsopgave sturen', dueDate: dayFromNow(-3) },
        { text: 'Monsters meenemen', dueDate: dayFromNow(10) },
        { text: 'Al gedaan', dueDate: dayFromNow(-5), done: true },
      ],
    });
    const { ui, log } = await openLog(relation.id, { locale: 'en' });
    await until(() => ui.openAgreements().length === 2, 'two open agreements');
    const [first, second] = ui.openAgreements();
    expect(first).to.contain('Prijsopgave sturen').and.contain('Overdue');
    expect(second).to.contain('Monsters meenemen').and.not.contain('Overdue');
    expect(ui.openAgreements().join(' ')).to.not.contain('Al gedaan');
    await expect(log).to.be.accessible();
  });

  it('composes a moment that the server then has, visible to a colleague', async () => {
    const relation = await organization('Nieuw Moment B.V.');
    const saved: CustomEvent[] = [];
    const { ui, log } = await openLog(relation.id, { locale: 'en' });
    log.addEventListener('contact-moment-saved', (event) => saved.push(event));
    ui.button('New contact moment').click();
    await until(() => !!ui.maybeButton('Save'), 'the compose form');
    await expect(log).to.be.accessible();
    ui.choose('Kind', 'visit');
    ui.type(/^Subject/, 'Kennismaking op locatie');
    ui.type('Report', 'Eerste regel\nTweede regel https://example.com/offerte.');
    ui.button('Add an agreement').click();
    await log.updateComplete;
    ui.type(/^Agreement 1/, 'Offerte sturen');
    ui.setInput('Due (agreement 1)', dayFromNow(7));
    ui.button('Save').click();
    await until(async () => (await momentsOnServer(bram, relation.id)).length === 1, 'the moment on the server', 15_000);
    const [onServer] = await momentsOnServer(bram, relation.id);
    expect(onServer).to.include({ kind: 'visit', subject: 'Kennismaking op locatie', body: 'Eerste regel\nTweede regel https://example.com/offerte.', visibility: 'team' });
    expect(onServer!.agreements).to.deep.equal([{ text: 'Offerte sturen', dueDate: dayFromNow(7), done: false }]);
    expect(saved[0]!.detail).to.include({ relationId: relation.id, deleted: false });
    await until(() => !!ui.row('Kennismaking op locatie'), 'the row');
    const link = ui.row('Kennismaking op locatie')!.querySelector('a')!;
    expect(link.href).to.equal('https://example.com/offerte');
  });

  it('validates as you type with the contract’s messages and sends nothing invalid', async () => {
    const relation = await organization('Validatie Moment B.V.');
    const { ui, net } = await openLog(relation.id, { locale: 'nl' });
    ui.button('Nieuw contactmoment').click();
    await until(() => !!ui.maybeButton('Opslaan'), 'the compose form');
    ui.type(/^Onderwerp/, '   ');
    await ui.el.updateComplete;
    await until(() => ui.errorOf(/^Onderwerp/) !== '', 'the message');
    expect(ui.errorOf(/^Onderwerp/)).to.equal('Mag niet leeg zijn.');
    ui.type(/^Onderwerp/, 'x'.repeat(201));
    await until(() => ui.errorOf(/^Onderwerp/) !== 'Mag niet leeg zijn.', 'the length message');
    expect(ui.errorOf(/^Onderwerp/)).to.match(/200/);
    const sent = net.plan.sent.length;
    ui.button('Opslaan').click();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(net.plan.sent.slice(sent).filter((request) => request.startsWith('POST'))).to.deep.equal([]);
  });

  it("keeps anna's private moment from bram: not on his client, not in his log", async () => {
    const relation = await organization('Privé Moment B.V.');
    const mine = await openLog(relation.id, { locale: 'en' });
    mine.ui.button('New contact moment').click();
    await until(() => !!mine.ui.maybeButton('Save'), 'the compose form');
    mine.ui.type(/^Subject/, 'Vertrouwelijk gesprek');
    mine.ui.choose('Visible to', 'private');
    mine.ui.button('Save').click();
    await until(async () => (await momentsOnServer(anna, relation.id)).length === 1, 'on the server for anna', 15_000);
    expect((await momentsOnServer(anna, relation.id))[0]!.visibility).to.equal('private');
    await until(() => !!mine.ui.row('Vertrouwelijk gesprek') && mine.ui.rowTexts()[0]!.includes('Private'), 'marked private');
    mine.provider.remove();

    expect(await momentsOnServer(bram, relation.id)).to.deep.equal([]);
    const his = await openLog(relation.id, { token: 'demo-bram', locale: 'en' });
    await until(() => his.ui.text().includes('No contact moments yet.'), 'an empty log for bram');
    expect(his.ui.text()).to.not.contain('Vertrouwelijk');
  });

  it("edits and deletes one's own moment, and offers neither on a colleague's", async () => {
    const relation = await organization('Bewerken Moment B.V.');
    const own = await moment(anna, { relationId: relation.id, kind: 'note', subject: 'Eigen notitie', occurredAt: new Date(Date.now() - 60_000).toISOString() });
    await moment(bram, { relationId: relation.id, kind: 'call', subject: 'Notitie van Bram', occurredAt: new Date(Date.now() - 120_000).toISOString() });
    const { ui, log } = await openLog(relation.id, { locale: 'en' });
    await until(() => !!ui.row('Notitie van Bram') && !!ui.row('Eigen notitie'), 'both moments');
    expect(ui.maybeButton('Edit: Notitie van Bram')).to.equal(undefined);
    expect(ui.maybeButton('Delete: Notitie van Bram')).to.equal(undefined);

    ui.button('Edit: Eigen notitie').click();
    await until(() => !!ui.maybeButton('Save'), 'the edit form');
    ui.type(/^Subject/, 'Eigen notitie, aangevuld');
    ui.button('Save').click();
    await until(async () => (await anna.getContactMoment({ id: own.id })).subject === 'Eigen notitie, aangevuld', 'the edit on the server', 15_000);

    await until(() => !!ui.maybeButton('Delete: Eigen notitie, aangevuld'), 'the edited row');
    ui.button('Delete: Eigen notitie, aangevuld').click();
    await until(() => !!log.shadowRoot!.querySelector('relation-dialog'), 'the question');
    expect((await momentsOnServer(anna, relation.id)).length, 'nothing deleted before the answer').to.equal(2);
    const dialog = log.shadowRoot!.querySelector('relation-dialog')!;
    getByRoleIn(dialog, 'Delete: Eigen notitie, aangevuld').click();
    await until(async () => (await momentsOnServer(anna, relation.id)).length === 1, 'deleted on the server', 15_000);
    expect((await momentsOnServer(anna, relation.id))[0]!.subject).to.equal('Notitie van Bram');
  });

  it('ticks an agreement done, on the server', async () => {
    const relation = await organization('Afvinken B.V.');
    const made = await moment(bram, {
      relationId: relation.id, kind: 'meeting', subject: 'Overleg planning',
      agreements: [{ text: 'Planning rondsturen', dueDate: dayFromNow(2) }, { text: 'Zaal boeken', dueDate: null }],
    });
    const { ui } = await openLog(relation.id, { locale: 'en' });
    await until(() => !!ui.maybeCheckbox('Done: Planning rondsturen'), 'the open agreement');
    ui.checkbox('Done: Planning rondsturen').click();
    await until(async () => (await anna.getContactMoment({ id: made.id })).agreements[0]!.done, 'done on the server', 15_000);
    expect((await anna.getContactMoment({ id: made.id })).agreements).to.deep.equal([
      { text: 'Planning rondsturen', dueDate: dayFromNow(2), done: true },
      { text: 'Zaal boeken', dueDate: null, done: false },
    ]);
    await until(() => ui.openAgreements().length === 1, 'one left open');
  });

  it('filters by kind and searches subject, body and agreements, ignoring case and accents', async () => {
    const relation = await organization('Filteren B.V.');
    await moment(anna, { relationId: relation.id, kind: 'call', subject: 'Gesprek met Müller', occurredAt: new Date(Date.now() - 3_600_000).toISOString() });
    await moment(anna, { relationId: relation.id, kind: 'email', subject: 'Offerte', body: 'Over de CAFÉ-inrichting', occurredAt: new Date(Date.now() - 7_200_000).toISOString() });
    await moment(anna, { relationId: relation.id, kind: 'note', subject: 'Losse notitie', agreements: [{ text: 'Brochure sturen' }], occurredAt: new Date(Date.now() - 10_800_000).toISOString() });
    const { ui } = await openLog(relation.id, { locale: 'en' });
    await until(() => ui.rows().length === 3, 'three moments');
    ui.choose('Filter by kind', 'email');
    await until(() => ui.rows().length === 1, 'one e-mail');
    expect(ui.rowTexts()[0]).to.contain('Offerte');
    ui.choose('Filter by kind', '');
    const search = ui.search();
    for (const [q, subject] of [['muller', 'Gesprek met Müller'], ['cafe', 'Offerte'], ['BROCHURE', 'Losse notitie']] as const) {
      search.value = q;
      search.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await until(() => ui.rows().length === 1 && !!ui.row(subject), `"${q}" finds ${subject}`);
    }
    search.value = 'niets dergelijks';
    search.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await until(() => ui.rows().length === 0 && ui.text().includes('No contact moments match these filters.'), 'no matches');
  });

  it('composes offline: queued at once, sent once after reconnecting', async () => {
    const relation = await organization('Offline Moment B.V.');
    const net = faultyNetwork();
    const { ui, store } = await openLog(relation.id, { locale: 'en', net });
    net.plan.offline = true;
    ui.button('New contact moment').click();
    await until(() => !!ui.maybeButton('Save'), 'the compose form');
    ui.type(/^Subject/, 'Geschreven zonder verbinding');
    ui.button('Save').click();
    await until(() => !!ui.row('Geschreven zonder verbinding') && ui.rowTexts()[0]!.includes('Waiting for a connection'), 'queued', 15_000);
    expect(await momentsOnServer(anna, relation.id)).to.deep.equal([]);
    net.plan.offline = false;
    await store.revalidate();
    await until(async () => (await momentsOnServer(anna, relation.id)).length === 1, 'sent', 15_000);
    await until(() => !!ui.row('Geschreven zonder verbinding') && !ui.rowTexts()[0]!.includes('Waiting'), 'no longer queued', 15_000);
    await store.revalidate();
    expect((await momentsOnServer(anna, relation.id)).length, 'sent once').to.equal(1);
    expect(net.plan.sent.filter((request) => request === 'POST /api/v1/contact-moments').length).to.be.at.least(1);
  });

  it('shows hostile text inert and readable', async () => {
    const relation = await organization('Vijandig B.V.');
    const head = '<img src=x onerror="window.__pwned = 2"> javascript:window.__pwned=3 data:text/html,<b>x</b> z\u200Bero https://example.com/ok mailto:iemand@example.com\n';
    // The longest body the contract allows.
    const long = 'lang '.repeat(4000).slice(0, 20_000 - head.length);
    await moment(anna, {
      relationId: relation.id, kind: 'note',
      subject: '<script>window.__pwned = 1</script>\u202Etxt.exe',
      body: head + long,
      agreements: [{ text: '<b onclick="window.__pwned=4">vet</b>' }],
    });
    const { ui, log } = await openLog(relation.id, { locale: 'en' });
    const subject = '<script>window.__pwned = 1</script>txt.exe';
    await until(() => !!ui.row(subject), 'the hostile moment, without its direction override');
    const entry = ui.row(subject)!;
    expect(entry.querySelectorAll('script, img, b')).to.have.length(0);
    const links = [...entry.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['https://example.com/ok', 'mailto:iemand@example.com']);
    expect(shownText(entry)).to.contain('javascript:window.__pwned=3').and.contain('data:text/html,<b>x</b>');
    expect(ui.openAgreements()[0]).to.contain('<b onclick="window.__pwned=4">vet</b>');
    // The row keeps its height whatever the body's length; reading it all shows the whole text.
    expect(ui.rows()[0]!.offsetHeight).to.be.below(300);
    ui.button(`Read all: ${subject}`).click();
    await until(() => !!log.shadowRoot!.querySelector('.reading'), 'the whole moment');
    expect(shownText(log.shadowRoot!.querySelector('.reading')!)).to.contain(long.trim());
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    await expect(log).to.be.accessible();
  });

  it('composes from the keyboard alone', async () => {
    const relation = await organization('Toetsenbord Moment B.V.');
    const { ui } = await openLog(relation.id, { locale: 'en' });
    ui.button('New contact moment').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !!ui.maybeButton('Save'), 'the compose form');
    await until(() => focused() === ui.combobox('Kind'), 'focus in the first field');
    for (let i = 0; i < 20 && focused() !== ui.textbox(/^Subject/); i++) await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(ui.textbox(/^Subject/));
    await sendKeys({ type: 'Met het toetsenbord' });
    await sendKeys({ press: 'Enter' });
    await until(async () => (await momentsOnServer(anna, relation.id)).length === 1, 'on the server', 15_000);
    expect((await momentsOnServer(anna, relation.id))[0]!.subject).to.equal('Met het toetsenbord');
    await until(() => focused() === ui.button('New contact moment'), 'focus back on the compose button');
  });

  it('asks the host for a callback dialog from its toolbar', async () => {
    const relation = await organization('Terugbellen B.V.');
    const { ui, provider } = await openLog(relation.id, { locale: 'nl' });
    const asked = oneEvent(provider, 'callback-request-open' as never) as Promise<CustomEvent>;
    ui.button('Terugbelverzoek').click();
    expect((await asked).detail).to.deep.equal({ relationId: relation.id, personId: null });
  });

  it('keeps only a window of a long log in the page, moves through it from the keyboard, and scrolls to the oldest', async function () {
    this.timeout(60_000);
    const relation = await organization('Lang Logboek B.V.');
    const total = 300;
    const start = Date.now() - total * 3_600_000;
    for (let batch = 0; batch < total; batch += 30) {
      await Promise.all([...Array(30).keys()].map((i) => moment(anna, {
        relationId: relation.id, kind: 'note', subject: `Moment ${String(batch + i + 1).padStart(3, '0')}`,
        occurredAt: new Date(start + (batch + i) * 3_600_000).toISOString(),
      })));
    }
    const { ui, log } = await openLog(relation.id, { locale: 'en' });
    await until(() => ui.text().includes(`${total} contact moments`), 'all counted');
    expect(ui.rows().length).to.be.within(1, 40);
    expect(ui.rows()[0]!.getAttribute('aria-setsize')).to.equal(String(total));
    expect(ui.row('Moment 300')).to.not.equal(undefined);

    // A feed: Tab reaches the newest moment, Page Down and Page Up go from moment to moment (also from a
    // button inside one), Home and End to either end, rendering whatever was outside the window.
    const article = () => focused()?.getAttribute('role') === 'article' ? focused()!.getAttribute('aria-label') : `not an article: ${focused()?.outerHTML.slice(0, 80)}`;
    ui.button('Request a callback').focus();
    await sendKeys({ press: 'Tab' });
    expect(article()).to.equal('Moment 300');
    for (let i = 0; i < 10; i++) await sendKeys({ press: 'PageDown' });
    await until(() => article() === 'Moment 290', 'the 11th moment');
    expect(focused()!.getAttribute('aria-posinset')).to.equal('11');
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(ui.button('Read all: Moment 290'));
    await sendKeys({ press: 'PageUp' });
    await until(() => article() === 'Moment 291', 'the moment above');
    await sendKeys({ press: 'End' });
    await until(() => article() === 'Moment 001', 'the oldest moment in focus');
    expect(ui.rows().length).to.be.within(1, 40);
    expect(ui.rows().filter((row) => row.tabIndex === 0).map((row) => row.getAttribute('aria-label'))).to.deep.equal(['Moment 001']);
    await sendKeys({ press: 'Home' });
    await until(() => article() === 'Moment 300', 'the newest again');
    await expect(log).to.be.accessible();

    const body = log.shadowRoot!.querySelector<HTMLElement>('[part="list"]')!;
    body.scrollTop = body.scrollHeight;
    await until(() => !!ui.row('Moment 001'), 'the oldest moment', 5000);
    expect(ui.rows().length).to.be.within(1, 40);
    expect(ui.row('Moment 300')).to.equal(undefined);
  });
});

function getByRoleIn(scope: Element, name: string): HTMLButtonElement {
  const button = [...scope.querySelectorAll('button')].find((el) => el.textContent?.trim() === name);
  if (!button) throw new Error(`no button ${name}`);
  return button;
}
