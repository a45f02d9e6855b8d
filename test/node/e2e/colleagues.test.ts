import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { bundlePage } from '../../../bench/bundle.js';
// @ts-expect-error: a plain ES module of our build scripts, without types
import { chromeArgs, findChrome } from '../../../scripts/find-chrome.mjs';
import { startServer, storages, type TestServer } from '../server/harness.js';

/*
 * Two colleagues, each in a browser context of their own (separate storage, as two machines), on one host
 * page with the elements, against the reference backend over HTTP. What one does reaches the other without a
 * reload: a new relation in the overview, a callback request in the bell and the callback list (and a mail);
 * a private moment never. On PGlite one backend serves both; on PostgreSQL each colleague has an instance of
 * their own on the one database, as behind a load balancer, so what reaches the other crossed instances.
 */
let backends: TestServer[] = [];
let backend: TestServer;
let pages: Server;
let browser: Browser;
let origin: string;
const contexts: BrowserContext[] = [];

const page = (api: string) => `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>colleagues</title>
<script type="module" src="/app.js"></script></head><body>
<relation-provider base-url="${api}" locale="nl">
  <header><notification-inbox></notification-inbox></header>
  <callback-list></callback-list>
  <relation-overview q="Tweecontext" style="display:block;height:300px"></relation-overview>
  <relation-card></relation-card>
</relation-provider></body></html>`;

/** Reads the token and the relation to open from the page's address; the provider opens the user's store. */
const app = `import '/src.js';
const params = new URLSearchParams(location.search);
const provider = document.querySelector('relation-provider');
provider.addEventListener('relation-store-ready', (event) => { globalThis.store = event.detail.store; });
provider.getToken = () => params.get('token');
if (params.get('card')) document.querySelector('relation-card').relationId = params.get('card');`;

before(async () => {
  const script = await bundlePage(new URL('../../../src/index.ts', import.meta.url));
  pages = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    // `?api=1`: the page talks to the second instance (the colleague's own, on PostgreSQL).
    const api = backends[Number(url.searchParams.get('api') ?? 0)] ?? backend;
    if (url.pathname === '/') res.writeHead(200, { 'content-type': 'text/html' }).end(page(api.baseUrl));
    else if (url.pathname === '/app.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(app);
    else if (url.pathname === '/src.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
});

after(async () => {
  await browser?.close();
  pages?.close();
});

/** Every mail the backends wrote, as text. */
function mails(): string[] {
  return backends.flatMap((server) => {
    try {
      return readdirSync(server.backend.outbox).map((file) => readFileSync(join(server.backend.outbox, file), 'utf8'));
    } catch {
      return [];
    }
  });
}

/** A colleague's own browser: a fresh context, signed in with `token`, the store synced and live. */
async function colleague(token: string, card?: string, instance = 0): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const tab = await context.newPage();
  const errors: string[] = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  await tab.goto(`${origin}/?token=${token}&api=${instance}${card ? `&card=${card}` : ''}`);
  await tab
    .waitForFunction(async () => {
      const store = (globalThis as { store?: { isComplete(): Promise<boolean>; status: { live: string } } }).store;
      return !!store && (await store.isComplete()) && store.status.live === 'stream';
    }, undefined, { timeout: 30_000 })
    .catch((error: unknown) => {
      throw new Error(`${token}'s page did not get ready${errors.length ? `: ${errors.join('; ')}` : ''}`, { cause: error });
    });
  return tab;
}

/** The unread count the bell's accessible name says ("Meldingen, 3 ongelezen"; "geen" is 0). */
async function bellCount(tab: Page): Promise<number> {
  const name = (await tab.getByRole('button', { name: /^Meldingen,/ }).getAttribute('aria-label')) ?? '';
  const count = /Meldingen, (\S+) ongelezen/.exec(name)?.[1];
  return count === 'geen' ? 0 : Number(count);
}

for (const storage of storages) {
  describe(`two colleagues in two browsers, on ${storage.name}${storage.url ? ' with an instance each' : ''}`, { skip: storage.skip }, () => {
    before(async () => {
      backend = await startServer({ databaseUrl: storage.url, relations: 30 });
      backends = storage.url ? [backend, await startServer({ databaseUrl: storage.url, relations: 30, join: true })] : [backend];
    });
    after(async () => {
      for (const context of contexts.splice(0)) await context.close();
      for (const server of backends.reverse()) await server.close();
      backends = [];
    });

    test("anna's new relation shows in bram's open overview, and her callback request in his bell and list, without a reload", async () => {
      const uno = (await backend.request<{ items: { id: string; displayName: string }[] }>('GET', '/relations?q=Bedrijf%20Uno')).body.items[0]!;
      const anna = await colleague('demo-anna', uno.id);
      const bram = await colleague('demo-bram', undefined, backends.length - 1);

      // A relation anna makes in her browser reaches bram's open overview.
      const name = `Tweecontext ${Date.now().toString(36)}`;
      await anna.evaluate((name) => {
        const store = (globalThis as unknown as { store: { write(op: string, request: unknown): Promise<unknown> } }).store;
        return store.write('createRelation', { body: { kind: 'organization', organization: { name } } });
      }, name);
      await bram.getByRole('gridcell', { name }).or(bram.getByText(name)).first().waitFor({ timeout: 5000 });

      // Anna asks bram to call Bedrijf Uno back, from its card's contact section, by keyboard and mouse as a user.
      const unreadBefore = (await backend.request<{ items: unknown[] }>('GET', '/notifications?unread=true&limit=100', { token: 'demo-bram' })).body.items.length;
      assert.equal(await bellCount(bram), unreadBefore, "bram's bell says what the server says");
      await anna.getByRole('tab', { name: 'Contactmomenten' }).click();
      await anna.getByRole('button', { name: 'Terugbelverzoek' }).click();
      await anna.getByRole('dialog', { name: /^Terugbelverzoek voor Bedrijf Uno/ }).waitFor();
      // Its fields are slotted into the dialog's frame: found on the page, not inside the <dialog> element.
      const dialog = anna.locator('relation-callback-dialog');
      // The colleague by the backend's id for him (the option's value).
      await dialog.getByRole('combobox', { name: 'Collega' }).selectOption('user-bram');
      const message = `Wil de offerte bespreken ${Date.now()}`;
      await dialog.getByRole('textbox', { name: 'Bericht' }).fill(message);
      await dialog.getByRole('button', { name: 'Verzoek versturen' }).click();

      // Bram's bell counts it and his list shows it, without a reload.
      await bram.waitForFunction(
        async (expected) => {
          const bell = [...document.querySelectorAll('notification-inbox')][0]?.shadowRoot?.querySelector('button');
          return (bell?.getAttribute('aria-label') ?? '').includes(`${expected} ongelezen`);
        },
        unreadBefore + 1,
        { timeout: 5000 },
      );
      await bram.getByText(message).first().waitFor({ timeout: 5000 });
      const onServer = (await backend.request<{ items: { message: string; relationId: string }[] }>('GET', '/callback-requests?assigneeId=me', { token: 'demo-bram' })).body.items;
      assert.ok(onServer.some((request) => request.message === message && request.relationId === uno.id));

      // And a mail for bram that names the relation and carries the message.
      const mail = mails().find((text) => text.includes('Bedrijf Uno') && /^To: .*bram/im.test(text) && text.includes(message.slice(0, 20)));
      assert.ok(mail, "bram's .eml names the relation");
    });

    test("anna's private moment never reaches bram's browser; her team moment after it does", async () => {
      const uno = (await backend.request<{ items: { id: string }[] }>('GET', '/relations?q=Bedrijf%20Uno')).body.items[0]!;
      const anna = await colleague('demo-anna');
      const bram = await colleague('demo-bram', uno.id, backends.length - 1);
      await bram.getByRole('tab', { name: 'Contactmomenten' }).click();
      const stamp = Date.now().toString(36);
      for (const [subject, visibility] of [[`Privé ${stamp}`, 'private'], [`Team ${stamp}`, 'team']] as const) {
        await anna.evaluate(
          ([relationId, subject, visibility]) => {
            const store = (globalThis as unknown as { store: { write(op: string, request: unknown): Promise<unknown> } }).store;
            return store.write('createContactMoment', { body: { relationId, kind: 'note', subject, visibility } });
          },
          [uno.id, subject, visibility] as const,
        );
      }
      // The team moment, written after the private one, arrives: so the private one had its chance too.
      await bram.getByText(`Team ${stamp}`).first().waitFor({ timeout: 5000 });
      assert.equal(await bram.getByText(`Privé ${stamp}`).count(), 0, 'not on his screen');
      const inHisCache = await bram.evaluate(async (subject) => {
        const store = (globalThis as unknown as { store: { contactMomentsOf(id: string): Promise<{ subject: string }[]> } }).store;
        const uno = new URLSearchParams(location.search).get('card')!;
        return (await store.contactMomentsOf(uno)).some((moment) => moment.subject === subject);
      }, `Privé ${stamp}`);
      assert.equal(inHisCache, false, 'not in his cache');
      const search = (await backend.request<{ items: { subject: string }[] }>('GET', `/contact-moments?relationId=${uno.id}&limit=100`, { token: 'demo-bram' })).body.items;
      assert.ok(!search.some((moment) => moment.subject === `Privé ${stamp}`), 'not in what the backend gives him');
      assert.ok(search.some((moment) => moment.subject === `Team ${stamp}`));
    });
  });
}
