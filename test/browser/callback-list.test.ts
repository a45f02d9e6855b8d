import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import '../../src/elements/callback-list/callback-list.js';
import '../../src/elements/internal/relation-callback-dialog/relation-callback-dialog.js';
import type { Relation } from '../../src/contract/index.js';
import type { RelationProvider } from '../../src/index.js';
import type { RelationsClient } from '../../src/sdk/index.js';
import { backendUrl, clientFor, faultyNetwork } from './backend.js';
import { signedIn, until } from './fixtures.js';
import { callbackDialogHarness, callbackListHarness, callbackScene, type CallbackScene } from './harness/notifications.js';
import { focused } from './harness/roles.js';

let scene: CallbackScene;
let anna: RelationsClient;
let bram: RelationsClient;
let uno: Relation;
const requestForBram: CallbackScene['requestForBram'] = (message, extra) => scene.requestForBram(message, extra);


/** A callback list inside a provider signed in as `token`, loaded. */
async function listFor(token: string, locale: 'nl' | 'en' = 'en', filter = 'assigned') {
  const { provider, store } = await signedIn(html`<callback-list filter=${filter}></callback-list>`, token, locale);
  const list = provider.querySelector('callback-list')!;
  const ui = callbackListHarness(list);
  await until(() => !list.shadowRoot!.querySelector('[role="status"]')?.textContent?.includes('Loading'), 'the list');
  return { provider, store, list, ui };
}

describe('<callback-list>', () => {
  before(async () => {
    scene = await callbackScene();
    ({ anna, bram, uno } = scene);
  });
  afterEach(async () => {
    for (const provider of document.querySelectorAll('relation-provider')) await provider.signOut();
  });

  it('lists Bram’s requests in the server’s order, overdue ones marked, with relation, tel: link, message, requester and due time; passes axe', async () => {
    const past = new Date(Date.now() - 3 * 3600_000).toISOString();
    const overdue = await requestForBram(`Te laat ${Date.now()}`, { dueAt: past, phone: '+31 20 555 0199' });
    const { list, ui } = await listFor('demo-bram', 'en');
    const onServer = (await bram.listCallbackRequests({ assigneeId: 'me', limit: 100 })).items;
    await until(() => ui.items().length === onServer.length, 'every request');
    ui.items().forEach((item, i) => expect(item.textContent).to.contain(onServer[i]!.message));
    const item = ui.itemWith(overdue.message)!;
    expect(item.textContent).to.contain('Overdue');
    expect(item.textContent).to.contain(uno.displayName);
    expect(item.textContent).to.contain('Requested by Anna de Vries');
    expect(item.querySelector('a')!.getAttribute('href')).to.equal('tel:+31205550199');
    expect(item.querySelector('time')!.getAttribute('datetime')).to.equal(overdue.dueAt);
    const notDue = onServer.find((request) => request.status === 'open' && request.dueAt === null);
    if (notDue) expect(ui.itemWith(notDue.message)!.textContent).not.to.contain('Overdue');
    await expect(list).to.be.accessible();
  });

  it('marks a request done on the server and reopens it, keeping focus on its button', async () => {
    const request = await requestForBram(`Afhandelen ${Date.now()}`);
    const { ui } = await listFor('demo-bram', 'en');
    await until(() => !!ui.itemWith(request.message), 'the request');
    const done = ui.itemWith(request.message)!.querySelector<HTMLButtonElement>('button.status')!;
    expect(done.textContent!.trim()).to.equal(`Mark done: ${uno.displayName}`);
    done.focus();
    await sendKeys({ press: 'Enter' });
    await until(async () => (await bram.listCallbackRequests({ assigneeId: 'me', status: 'done', limit: 100 })).items.some((r) => r.id === request.id), 'done on the server');
    await until(() => ui.itemWith(request.message)!.textContent!.includes(`Reopen: ${uno.displayName}`), 'the reopen button');
    await until(() => focused()?.textContent?.trim() === `Reopen: ${uno.displayName}`, 'focus on the reopen button');
    await sendKeys({ press: 'Enter' });
    await until(async () => (await bram.listCallbackRequests({ assigneeId: 'me', status: 'open', limit: 100 })).items.some((r) => r.id === request.id), 'open again on the server');
  });

  it('says so when a colleague changed the request first (412) and shows it as it is now', async () => {
    const request = await requestForBram(`Tegelijk ${Date.now()}`);
    const { ui, list } = await listFor('demo-bram', 'en');
    await until(() => !!ui.itemWith(request.message), 'the request');
    await bram.updateCallbackRequest({ id: request.id, ifMatch: request.version, body: { message: `${request.message} (gewijzigd)` } });
    ui.itemWith(request.message)!.querySelector<HTMLButtonElement>('button.status')!.click();
    await until(() => list.shadowRoot!.querySelector('[role="alert"]')?.textContent?.includes('Someone else changed this request') ?? false, 'the conflict message');
    await until(() => !!ui.itemWith(`${request.message} (gewijzigd)`), 'the request as it is now');
    const onServer = (await bram.listCallbackRequests({ assigneeId: 'me', limit: 100 })).items.find((r) => r.id === request.id)!;
    expect(onServer.status).to.equal('open');
    await expect(list).to.be.accessible();
  });

  it('“requested by me” lists what Anna asked for, in Dutch; opening a relation fires relation-open', async () => {
    const request = await requestForBram(`Door Anna ${Date.now()}`);
    const { list, ui } = await listFor('demo-anna', 'nl');
    ui.filter('Door mij gevraagd').click();
    await until(() => list.getAttribute('filter') === 'requested', 'the filter attribute');
    await until(() => !!ui.itemWith(request.message), 'the request Anna made');
    expect(ui.filter('Door mij gevraagd').getAttribute('aria-pressed')).to.equal('true');
    const mine = (await anna.listCallbackRequests({ requestedById: 'me', limit: 100 } as never)).items;
    expect(ui.items().length).to.equal(mine.length);
    expect(ui.itemWith(request.message)!.textContent).to.contain('Voor Bram Jansen');
    const opened = oneEvent(list, 'relation-open');
    ui.itemWith(request.message)!.querySelector<HTMLButtonElement>('button.relation')!.click();
    expect((await opened).detail).to.deep.equal({ id: uno.id });
    await expect(list).to.be.accessible();
  });

  it('renders hostile text in a message as text', async () => {
    const request = await requestForBram(`<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> ${Date.now()}`);
    const { ui } = await listFor('demo-bram', 'en');
    await until(() => !!ui.itemWith(request.message), 'the hostile message as text');
    expect(ui.itemWith(request.message)!.querySelector('img, script')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('shows an empty state for a user without requests, and the list as last seen offline', async () => {
    const empty = await listFor('acme-olga', 'en');
    expect((await (await clientFor('acme-olga')).listCallbackRequests({ assigneeId: 'me' })).items).to.have.length(0);
    await until(() => empty.ui.text().includes('Nobody asks you to call back.'), 'the empty state');
    await expect(empty.list).to.be.accessible();
    await empty.provider.signOut();

    const net = faultyNetwork();
    const provider = await fixture<RelationProvider>(html`<relation-provider base-url=${await backendUrl()} locale="en">
      <callback-list></callback-list></relation-provider>`);
    provider.fetch = net.fetch;
    const ready = oneEvent(provider, 'relation-store-ready');
    provider.getToken = () => 'demo-bram';
    const { store } = (await ready).detail;
    const expected = (await bram.listCallbackRequests({ assigneeId: 'me', limit: 100 })).items.map((r) => r.message);
    const first = callbackListHarness(provider.querySelector('callback-list')!);
    await until(() => first.items().length === expected.length, 'the list online');
    net.plan.offline = true;
    // The store notices the lost connection on its next pull (the live connection's, or a revalidation).
    await until(async () => {
      await store.sync().catch(() => undefined);
      return !store.status.online;
    }, 'the store to notice');
    provider.querySelector('callback-list')!.remove();
    const list = document.createElement('callback-list');
    provider.append(list);
    const ui = callbackListHarness(list);
    await until(() => ui.text().includes('No connection'), 'the offline notice');
    await until(() => ui.items().length === expected.length, 'the list as last seen');
    ui.items().forEach((item, i) => expect(item.textContent).to.contain(expected[i]!));
  });

  it('the callback dialog keeps what was typed when the contract refuses it, with the contract’s messages; passes axe', async () => {
    const { provider } = await signedIn(html`<relation-callback-dialog relation-id=${uno.id} open></relation-callback-dialog>`, 'demo-anna', 'nl');
    const dialog = provider.querySelector('relation-callback-dialog')!;
    const ui = callbackDialogHarness(dialog);
    await until(() => !!dialog.shadowRoot!.querySelector('form'), 'the form');
    await expect(dialog).to.be.accessible();
    await ui.tabTo(ui.control('textbox', 'Te bellen nummer'));
    await sendKeys({ type: '+31 6 1234 5678' });
    await ui.tabTo(ui.control('button', 'Verzoek versturen'));
    await sendKeys({ press: 'Enter' });
    await until(() => ui.errorOf(ui.control('textbox', 'Bericht')) !== '', 'the message’s error');
    expect(dialog.open).to.equal(true);
    expect(ui.control('textbox', 'Te bellen nummer').value).to.equal('+31 6 1234 5678');
    expect(ui.errorOf(ui.control('combobox', 'Collega'))).not.to.equal('');
    expect(focused()).to.equal(ui.control('combobox', 'Collega'));
    await expect(dialog).to.be.accessible();
  });
});
