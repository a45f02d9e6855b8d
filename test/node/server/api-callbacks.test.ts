import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { createMailer } from '../../../server/mail.js';
import { startServer, storages, type TestServer } from './harness.js';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
interface CallbackRequest {
  id: string;
  requestedById: string;
  assigneeId: string;
  status: 'open' | 'done';
  dueAt: string | null;
  version: number;
}
interface Mail {
  headers: string;
  text: string;
  html: string;
}

/** What the host configures: its own page of a relation. */
const relationUrl = 'http://localhost:5173/#/relaties/{id}';

const escapeRegExp = (text: string): string => text.replace(/[.?*+^$[\]\\(){}|-]/g, '\\$&');

/** A part's body as the reader sees it: quoted-printable and base64 undone. */
function decodePart(part: string): { type: string; body: string } {
  const split = part.indexOf('\r\n\r\n');
  const headers = part.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const raw = part.slice(split + 4);
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  const body = encoding === 'base64'
    ? Buffer.from(raw, 'base64').toString('utf8')
    : encoding === 'quoted-printable'
      ? Buffer.from(raw.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8')
      : raw;
  return { type: /^content-type:\s*([^;\s]+)/im.exec(headers)?.[1]?.toLowerCase() ?? 'text/plain', body };
}

/** Reads an .eml as a mail client shows it: its headers, and its plain-text and HTML parts. */
function readMail(eml: string): Mail {
  const split = eml.indexOf('\r\n\r\n');
  const headers = eml.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(headers)?.[1];
  const parts = boundary
    ? eml.slice(split + 4).split(`--${boundary}`).slice(1, -1).map((part) => decodePart(part.replace(/^\r\n/, '').replace(/\r\n$/, '')))
    : [decodePart(eml)];
  return {
    headers,
    text: parts.find((part) => part.type === 'text/plain')?.body ?? '',
    html: parts.find((part) => part.type === 'text/html')?.body ?? '',
  };
}

/** The mail in the outbox whose plain text contains `marker`. */
function mailWith(server: TestServer, marker: string): Mail {
  const found = readdirSync(server.backend.outbox)
    .map((name) => readMail(readFileSync(join(server.backend.outbox, name), 'utf8')))
    .filter((mail) => mail.text.includes(marker));
  assert.equal(found.length, 1, `one mail says ${marker}`);
  return found[0]!;
}

async function unread(server: TestServer, token: string): Promise<string[]> {
  const page = await server.request<Page<{ id: string }>>('GET', '/notifications?unread=true&limit=500', { token });
  return page.body.items.map((item) => item.id);
}

async function allPages(server: TestServer, query: string, limit: number, token: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { status: number; body: Page<CallbackRequest> } = await server.request<Page<CallbackRequest>>(
      'GET', `/callback-requests?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, { token },
    );
    assert.equal(page.status, 200);
    ids.push(...page.body.items.map((item) => item.id));
    cursor = page.body.nextCursor;
  } while (cursor);
  return ids;
}

for (const storage of storages) {
  describe(`reference backend on ${storage.name}: callback mail, to-do order, reading all notifications`, { skip: storage.skip }, () => {
    let server: TestServer;
    let uno: { id: string; displayName: string; number: number };
    let personId: string;
    let users: { id: string; name: string; locale: string }[];
    before(async () => {
      process.env['RELATION_URL'] = relationUrl;
      server = await startServer({ databaseUrl: storage.url });
      delete process.env['RELATION_URL'];
      const people = await server.request<Page<{ id: string; displayName: string }>>('GET', '/relations?limit=100&q=irecteur');
      personId = people.body.items.find((r) => r.displayName === 'D. Irecteur')!.id;
      const found = await server.request<Page<{ id: string }>>('GET', '/relations?q=Bedrijf%20Uno');
      uno = (await server.request<typeof uno>('GET', `/relations/${found.body.items[0]!.id}`)).body;
      users = (await server.request<Page<{ id: string; name: string; locale: string }>>('GET', '/users')).body.items;
    });
    after(() => server.close());

    const user = (id: string) => users.find((u) => u.id === id)!;

    test("anna's request mails bram in his language, text and HTML, with what he needs to call and the host's link", async () => {
      const [affiliation] = (await server.request<Page<{ phone: string | null }>>('GET', `/affiliations?personId=${personId}&organizationId=${uno.id}`)).body.items;
      const message = 'Wil de offerte van maart bespreken voordat hij tekent';
      const created = await server.request<CallbackRequest>('POST', '/callback-requests', {
        body: { relationId: uno.id, personId, message, assigneeId: 'user-bram', dueAt: '2026-03-03T12:00:00Z' },
      });
      assert.equal(created.status, 201);

      const mail = mailWith(server, message);
      assert.match(mail.headers, /^content-type: multipart\/alternative/im, 'one mail with two parts, the client shows the best it can');
      assert.match(mail.headers, /^to: .*bram/im);
      const bram = user('user-bram');
      assert.equal(bram.locale, 'en');
      assert.match(mail.html, new RegExp(`<html lang="${bram.locale}"`));
      const link = relationUrl.replace('{id}', uno.id);
      for (const [part, body] of [['text', mail.text], ['HTML', mail.html]] as const) {
        assert.ok(body.includes(uno.displayName), `${part} names the relation`);
        assert.match(body, new RegExp(`${escapeRegExp(uno.displayName)}[^<\\n]{0,40}\\b${uno.number}\\b`), `${part} gives its relation number`);
        assert.ok(body.includes(affiliation!.phone!), `${part} gives D. Irecteur's number at the organization`);
        assert.ok(body.includes('D. Irecteur'), `${part} says whom to ask for`);
        assert.ok(body.includes(user('user-anna').name), `${part} says who asks`);
        assert.ok(body.includes(message), `${part} has the message`);
        // 12:00 UTC on 3 March is 13:00 in Amsterdam (winter time), in English.
        assert.match(body, /3 March 2026.*13:00/, `${part} gives the due time in Dutch time, in English`);
        assert.ok(body.includes(link), `${part} links to the relation in the host app`);
      }
      assert.match(mail.html, new RegExp(`<a href="${escapeRegExp(link)}">`));
    });

    test("bram's request mails anna in Dutch, calling the number he gave", async () => {
      const message = 'Graag vandaag nog terugbellen over de levering';
      const created = await server.request<CallbackRequest>('POST', '/callback-requests', {
        token: 'demo-bram',
        body: { relationId: uno.id, phone: '020-7654321', message, assigneeId: 'user-anna', dueAt: '2026-07-01T08:30:00Z' },
      });
      assert.equal(created.status, 201);
      const mail = mailWith(server, message);
      assert.equal(user('user-anna').locale, 'nl');
      assert.match(mail.html, /<html lang="nl"/);
      for (const body of [mail.text, mail.html]) {
        assert.ok(body.includes('020-7654321'));
        assert.ok(body.includes(user('user-bram').name));
        // 08:30 UTC on 1 July is 10:30 in Amsterdam (summer time), in Dutch.
        assert.match(body, /1 juli 2026.*10:30/);
      }
    });

    test('hostile text in a message arrives inert in the HTML part and verbatim in the text part', async () => {
      const message = 'Bel <script>alert("x")</script> terug" onload="steal() <img src=x onerror=alert(1)> & klaar';
      const created = await server.request<CallbackRequest>('POST', '/callback-requests', {
        body: { relationId: uno.id, message, assigneeId: 'user-bram' },
      });
      assert.equal(created.status, 201);
      const mail = mailWith(server, message);
      assert.doesNotMatch(mail.html, /<script|<img/i, 'no tag from the message');
      assert.doesNotMatch(mail.html, /" onload="/, 'no attribute from the message');
      assert.ok(mail.html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'), 'shown as the text it is');
      assert.ok(mail.html.includes('&amp; klaar'));
    });

    test('requestedById=me lists what I asked for, as a to-do list: open first, earliest due first, then newest; pages agree', async () => {
      // Made by bram for anna, one after the other, so each is newer than the one before.
      const make = async (dueAt: string | null) => {
        await sleep(5);
        const created = await server.request<CallbackRequest>('POST', '/callback-requests', {
          token: 'demo-bram', body: { relationId: uno.id, message: 'Volgorde', assigneeId: 'user-anna', dueAt },
        });
        assert.equal(created.status, 201);
        return created.body;
      };
      const noDueOld = await make(null);
      const later = await make('2026-05-01T09:00:00Z');
      const sooner = await make('2026-04-01T09:00:00Z');
      const noDueNew = await make(null);
      const finished = await make('2026-03-01T09:00:00Z');
      const done = await server.request<CallbackRequest>('PATCH', `/callback-requests/${finished.id}`, {
        token: 'demo-anna', body: { status: 'done' }, headers: { 'If-Match': `"${finished.version}"` },
      });
      assert.equal(done.body.status, 'done');
      const earlier = await server.request<Page<CallbackRequest>>('GET', '/callback-requests?requestedById=me&limit=500', { token: 'demo-bram' });
      const before = earlier.body.items.filter((item) => ![noDueOld, later, sooner, noDueNew, finished].some((m) => m.id === item.id));
      assert.ok(before.every((item) => item.requestedById === 'user-bram'), 'only what bram asked for');

      const mine = earlier.body.items.map((item) => item.id).filter((id) => !before.some((b) => b.id === id));
      assert.deepEqual(mine, [sooner.id, later.id, noDueNew.id, noDueOld.id, finished.id]);
      const everything = earlier.body.items.map((item) => item.id);
      for (const limit of [1, 2, 3]) {
        assert.deepEqual(await allPages(server, 'requestedById=me', limit, 'demo-bram'), everything, `pages of ${limit} in the same order`);
      }

      const annas = await server.request<Page<CallbackRequest>>('GET', '/callback-requests?requestedById=me&limit=500');
      assert.ok(annas.body.items.length > 0 && annas.body.items.every((item) => item.requestedById === 'user-anna'));
      const byId = await server.request<Page<CallbackRequest>>('GET', '/callback-requests?requestedById=user-bram&assigneeId=me&status=open&limit=500');
      assert.deepEqual(byId.body.items.map((item) => item.id).filter((id) => mine.includes(id)), [sooner.id, later.id, noDueNew.id, noDueOld.id]);
      const everyone = await server.request<Page<CallbackRequest>>('GET', '/callback-requests?limit=500');
      const statuses = everyone.body.items.map((item) => item.status);
      assert.ok(!statuses.slice(statuses.indexOf('done')).includes('open'), 'open before done across all requests too');
      assert.deepEqual(await allPages(server, 'assigneeId=me', 2, 'demo-anna'),
        (await server.request<Page<CallbackRequest>>('GET', '/callback-requests?assigneeId=me&limit=500')).body.items.map((item) => item.id));

      const forged = Buffer.from(JSON.stringify([0, 'gisteren', 'x', 1])).toString('base64url');
      assert.equal((await server.request('GET', `/callback-requests?cursor=${forged}`)).status, 400, 'a cursor the server never gave is a 400');
      const tenants = await server.request<Page<CallbackRequest>>('GET', '/callback-requests?requestedById=user-bram', { token: 'acme-olga' });
      assert.deepEqual(tenants.body.items, [], "another tenant never sees these");
    });

    test("reading all notifications reads the current user's, and only theirs", async () => {
      const [acmeRelation] = (await server.request<Page<{ id: string }>>('GET', '/relations?limit=1', { token: 'acme-olga' })).body.items;
      const olgas = await server.request('POST', '/callback-requests', {
        token: 'acme-olga', body: { relationId: acmeRelation!.id, message: 'Zelf terugbellen', assigneeId: 'user-olga' },
      });
      assert.equal(olgas.status, 201);
      const bramUnread = await unread(server, 'demo-bram');
      const annaUnread = await unread(server, 'demo-anna');
      const olgaUnread = await unread(server, 'acme-olga');
      assert.ok(bramUnread.length > 0 && annaUnread.length > 0 && olgaUnread.length > 0, 'everyone has something unread');

      const read = await server.request<{ read: number }>('POST', '/notifications/read', { token: 'demo-bram' });
      assert.equal(read.status, 200);
      assert.deepEqual(read.body, { read: bramUnread.length });
      assert.deepEqual(await unread(server, 'demo-bram'), []);
      const nowRead = await server.request<Page<{ id: string; readAt: string | null }>>('GET', '/notifications?unread=false&limit=500', { token: 'demo-bram' });
      for (const id of bramUnread) assert.ok(nowRead.body.items.find((n) => n.id === id)?.readAt, `${id} has its moment of reading`);
      assert.deepEqual(await unread(server, 'demo-anna'), annaUnread, "a colleague's stay unread");
      assert.deepEqual(await unread(server, 'acme-olga'), olgaUnread, "another tenant's stay unread");

      const again = await server.request<{ read: number }>('POST', '/notifications/read', { token: 'demo-bram' });
      assert.deepEqual(again.body, { read: 0 }, 'nothing left to read');
      assert.equal((await server.request('POST', '/notifications/read', { token: null })).status, 401);
    });
  });
}

describe('the relation link in mail is what the host configures', () => {
  test('without RELATION_URL the mail has no link', async () => {
    delete process.env['RELATION_URL'];
    const server = await startServer();
    try {
      const [relation] = (await server.request<Page<{ id: string }>>('GET', '/relations?limit=1')).body.items;
      const message = 'Zonder koppeling terugbellen';
      await server.request('POST', '/callback-requests', { body: { relationId: relation!.id, message, assigneeId: 'user-bram' } });
      const mail = mailWith(server, message);
      assert.doesNotMatch(mail.html, /<a href="http/);
      assert.doesNotMatch(mail.text, /https?:\/\//);
    } finally {
      await server.close();
    }
  });

  test('a template that is not an http(s) URL with {id} stops the backend at start', () => {
    const outbox = join(tmpdir(), 'relations-test-unused');
    for (const relationUrl of ['javascript:alert(1)//{id}', 'http://localhost:5173/#/relaties/', 'relaties/{id}']) {
      assert.throws(() => createMailer({ outbox, relationUrl }), /RELATION_URL/, relationUrl);
    }
  });
});
