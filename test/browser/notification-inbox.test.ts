import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import '../../src/elements/callback-list/callback-list.js';
import '../../src/elements/internal/relation-callback-dialog/relation-callback-dialog.js';
import '../../src/elements/notification-inbox/notification-inbox.js';
import type { Notification, Relation } from '../../src/contract/index.js';
import type { NotificationInbox } from '../../src/elements/notification-inbox/notification-inbox.component.js';
import type { RelationProvider } from '../../src/index.js';
import type { RelationsClient } from '../../src/sdk/index.js';
import { backendUrl, faultyNetwork } from './backend.js';
import { signedIn, until } from './fixtures.js';
import { callbackDialogHarness, callbackListHarness, callbackScene, inboxHarness, type CallbackScene } from './harness/notifications.js';
import { focused } from './harness/roles.js';


let scene: CallbackScene;
let bram: RelationsClient;
let bramId: string;
let uno: Relation;
const requestForBram: CallbackScene['requestForBram'] = (message, extra) => scene.requestForBram(message, extra);

/** Bram's unread notifications as the server has them. */
async function unreadOnServer(): Promise<Notification[]> {
  return (await bram.listNotifications({ unread: 'true', limit: 100 })).items;
}

/** The bell's name for `n` unread, in English: what the server's count must read as. */
const englishBell = (n: number) => `Notifications, ${n === 0 ? 'none' : n} unread`;


/** Bram's inbox (in `locale`) inside a provider signed in as Bram, loaded. */
async function bramsInbox(locale: 'nl' | 'en' = 'en') {
  const { provider, store } = await signedIn(html`<notification-inbox></notification-inbox>`, 'demo-bram', locale);
  const inbox = provider.querySelector('notification-inbox')!;
  const ui = inboxHarness(inbox);
  await until(() => !/…/.test(ui.bellName()) && inbox.shadowRoot!.querySelector('.bell') !== null, 'the bell');
  return { provider, store, inbox, ui };
}

async function openList(inbox: NotificationInbox) {
  const ui = inboxHarness(inbox);
  ui.bell().focus();
  await sendKeys({ press: 'Enter' });
  await until(() => ui.bell().getAttribute('aria-expanded') === 'true' && ui.items().length > 0, 'the open list');
}

describe('<notification-inbox>', () => {
  before(async () => {
    scene = await callbackScene();
    ({ bram, bramId, uno } = scene);
  });
  afterEach(async () => {
    for (const provider of document.querySelectorAll('relation-provider')) await provider.signOut();
  });

  it('a callback Anna requests with the keyboard reaches the server, Bram’s bell without a reload, and his callback list', async () => {
    const before = (await unreadOnServer()).length;
    const bramPage = await signedIn(html`<notification-inbox></notification-inbox><callback-list></callback-list>`, 'demo-bram', 'en');
    const inbox = bramPage.provider.querySelector('notification-inbox')!;
    const list = bramPage.provider.querySelector('callback-list')!;
    await until(() => inboxHarness(inbox).bellName() === englishBell(before), 'Bram’s unread count');
    await until(() => bramPage.store.status.live === 'stream', 'the live stream');

    const annaPage = await signedIn(html`<relation-callback-dialog relation-id=${uno.id} open></relation-callback-dialog>`, 'demo-anna', 'nl');
    const dialog = annaPage.provider.querySelector('relation-callback-dialog')!;
    const ui = callbackDialogHarness(dialog);
    await until(() => !!dialog.shadowRoot!.querySelector('form'), 'the form');
    const message = `Bel terug over de offerte ${Date.now()}`;
    const phone = '+31 20 555 0101';

    await ui.tabTo(ui.control('combobox', 'Collega'));
    await sendKeys({ type: 'Bram' });
    expect(ui.control('combobox', 'Collega').value).to.equal(bramId);
    await ui.tabTo(ui.control('textbox', 'Te bellen nummer'));
    await sendKeys({ type: phone });
    await ui.tabTo(ui.control('textbox', 'Bericht'));
    await sendKeys({ type: message });
    await ui.tabTo(ui.control('button', 'Verzoek versturen'));
    const requested = oneEvent(dialog, 'callback-requested');
    await sendKeys({ press: 'Enter' });
    expect((await requested).detail).to.include({ relationId: uno.id, assigneeId: bramId });
    await until(() => !dialog.open, 'the dialog to close');

    let sent: { message: string; phone: string | null } | undefined;
    await until(async () => {
      sent = (await bram.listCallbackRequests({ assigneeId: 'me', limit: 100 })).items.find((request) => request.message === message);
      return !!sent;
    }, 'the request on the server');
    expect(sent!.phone).to.equal(phone);

    const after = (await unreadOnServer()).length;
    expect(after).to.equal(before + 1);
    await until(() => inboxHarness(inbox).bellName() === englishBell(after), 'the bell to count the new notification', 10000);
    await until(() => inboxHarness(inbox).statuses().some((text) => text.startsWith('New notification:')), 'the polite announcement');

    const onServer = (await bram.listCallbackRequests({ assigneeId: 'me', limit: 100 })).items;
    const lui = callbackListHarness(list);
    await until(() => !!lui.itemWith(message), 'the request in Bram’s callback list');
    const index = onServer.findIndex((request) => request.message === message);
    expect(lui.items().findIndex((item) => item.textContent!.includes(message))).to.equal(index);
    expect(lui.items()[0]!.textContent).to.contain(onServer[0]!.message);
    await expect(inbox).to.be.accessible();
  });

  it('marks one and then all read as the server then has them; Escape closes and returns focus; passes axe open', async () => {
    await requestForBram(`Eerste ${Date.now()}`);
    await requestForBram(`Tweede ${Date.now()}`);
    const { inbox, ui } = await bramsInbox('en');
    const unread = await unreadOnServer();
    await until(() => ui.bellName() === englishBell(unread.length), 'the count');
    await openList(inbox);
    expect(focused()).to.equal(ui.opener(0));
    expect(ui.titles()).to.deep.equal((await bram.listNotifications({ limit: 50 })).items.map((n) => n.title));
    await expect(inbox).to.be.accessible();

    await sendKeys({ press: 'ArrowDown' });
    expect(focused()).to.equal(ui.opener(1));

    const first = unread[0]!;
    expect(ui.reader(0)?.textContent).to.equal(`Mark as read: ${first.title}`);
    ui.reader(0)!.click();
    await until(async () => !(await unreadOnServer()).some((n) => n.id === first.id), 'the server to have it read');
    const left = (await unreadOnServer()).length;
    await until(() => ui.bellName() === englishBell(left), 'the count after marking one read');

    ui.button('Mark all as read').click();
    await until(async () => (await unreadOnServer()).length === 0, 'the server to have all read');
    await until(() => ui.bellName() === englishBell(0), 'the count after marking all read');
    expect(inbox.shadowRoot!.textContent).not.to.contain('Unread');

    await sendKeys({ press: 'Escape' });
    await until(() => ui.bell().getAttribute('aria-expanded') === 'false', 'the list to close');
    expect(focused()).to.equal(ui.bell());
  });

  it('follows notifications marked read on another device, without a reload', async () => {
    await requestForBram(`Elders gelezen ${Date.now()}`);
    const { store, ui } = await bramsInbox('en');
    await until(() => store.status.live === 'stream', 'the live stream');
    const unread = (await unreadOnServer()).length;
    expect(unread).to.be.greaterThan(0);
    await until(() => ui.bellName() === englishBell(unread), 'the count');
    // Bram's phone: the API itself, not this store or another tab of this browser.
    expect((await bram.readAllNotifications()).read).to.equal(unread);
    await until(() => ui.bellName() === englishBell(0), 'the count after the other device marked all read');
  });

  it('opening a notification marks it read and fires notification-open, then relation-open; a cancelled one stops relation-open', async () => {
    const created = await requestForBram(`Openen ${Date.now()}`);
    const { inbox, ui } = await bramsInbox('en');
    const listed = (await bram.listNotifications({ limit: 50 })).items;
    const index = listed.findIndex((n) => n.callbackRequestId === created.id);
    const notification = listed[index]!;
    await openList(inbox);
    const events: string[] = [];
    const details: unknown[] = [];
    const record = (event: Event) => {
      events.push(event.type);
      details.push((event as CustomEvent).detail);
    };
    document.addEventListener('notification-open', record);
    document.addEventListener('relation-open', record);
    try {
      ui.opener(index).focus();
      const vetoOnce = (event: Event) => event.preventDefault();
      document.addEventListener('notification-open', vetoOnce, { once: true });
      await sendKeys({ press: 'Enter' });
      expect(events).to.deep.equal(['notification-open']);
      await sendKeys({ press: 'Enter' });
      expect(events).to.deep.equal(['notification-open', 'notification-open', 'relation-open']);
      expect(details[1]).to.deep.equal({ id: notification.id, relationId: uno.id, callbackRequestId: created.id });
      expect(details[2]).to.deep.equal({ id: uno.id });
    } finally {
      document.removeEventListener('notification-open', record);
      document.removeEventListener('relation-open', record);
    }
    await until(async () => !(await unreadOnServer()).some((n) => n.id === notification.id), 'the opened one read on the server');
  });

  it('renders hostile text in a notification as text', async () => {
    const hostile = `<img src=x onerror="window.__pwned=1"><b>vet</b> ${Date.now()}`;
    const created = await requestForBram(hostile);
    const { inbox, ui } = await bramsInbox('en');
    await openList(inbox);
    const notification = (await bram.listNotifications({ limit: 50 })).items.find((n) => n.callbackRequestId === created.id)!;
    const item = ui.items().find((li) => li.textContent!.includes(notification.body))!;
    expect(item, 'the notification shows its body as text').not.to.equal(undefined);
    expect(item.querySelector('img, b')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('names the bell in Dutch and in English by the server’s count', async () => {
    const count = (await unreadOnServer()).length;
    const dutch = await bramsInbox('nl');
    await until(() => dutch.ui.bellName() === `Meldingen, ${count === 0 ? 'geen' : count} ongelezen`, 'the Dutch name');
    await expect(dutch.inbox).to.be.accessible();
    dutch.inbox.setAttribute('lang', 'en');
    await until(() => dutch.ui.bellName() === englishBell(count), 'the English name');
  });

  it('offline shows the inbox as last seen and says it is not current', async function () {
    this.timeout(20000);
    await requestForBram(`Offline ${Date.now()}`);
    const net = faultyNetwork();
    const provider = await fixture<RelationProvider>(html`<relation-provider base-url=${await backendUrl()} locale="en">
      <notification-inbox></notification-inbox></relation-provider>`);
    provider.fetch = net.fetch;
    const ready = oneEvent(provider, 'relation-store-ready');
    provider.getToken = () => 'demo-bram';
    await ready;
    const first = provider.querySelector('notification-inbox')!;
    const expected = (await bram.listNotifications({ limit: 50 })).items.map((n) => n.title);
    await openList(first);
    await until(() => inboxHarness(first).titles().join('|') === expected.join('|'), 'the inbox online');

    net.plan.offline = true;
    first.remove();
    const inbox = document.createElement('notification-inbox');
    provider.append(inbox);
    const ui = inboxHarness(inbox);
    await until(() => !!inbox.shadowRoot?.querySelector('.bell'), 'the bell');
    await openList(inbox);
    await until(() => ui.statuses().some((text) => /may not be current/.test(text)), 'the not-current notice');
    expect(ui.titles()).to.deep.equal(expected);
    await expect(inbox).to.be.accessible();
  });
});
