import assert from 'node:assert/strict';
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { createRelationsClient } from '../../../src/sdk/index.js';
import { startDemo, type Demo } from '../../../server/main.js';
import { startServer, type TestServer } from './harness.js';

/** What Chromium sends over HTTPS, and over plain HTTP (where browsers leave brotli out). */
const browserOverHttps = 'gzip, deflate, br, zstd';
const browserOverHttp = 'gzip, deflate';

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes as they came over the connection, not decoded. */
  body: Buffer;
}

/** A request over node:http, which (unlike fetch) hands over the body exactly as it crossed the wire. */
function raw(server: { baseUrl: string }, path: string, headers: Record<string, string>, options: { method?: string; body?: string } = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${server.baseUrl}${path}`, {
      method: options.method ?? 'GET',
      headers: { Authorization: 'Bearer demo-anna', ...(options.body ? { 'Content-Type': 'application/json' } : {}), ...headers },
    });
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

const decode = (reply: Raw): Buffer =>
  reply.headers['content-encoding'] === 'br' ? brotliDecompressSync(reply.body)
  : reply.headers['content-encoding'] === 'gzip' ? gunzipSync(reply.body)
  : reply.body;

const feedPage = '/changes?since=0&limit=2000';

// Compression sits in front of every route and never touches storage, so PGlite alone answers for both.
describe('reference backend: compressed answers by Accept-Encoding (issue 11)', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ relations: 200 });
  });
  after(() => server.close());

  test('a change-feed page goes as brotli to a browser over HTTPS and decodes to exactly the uncompressed JSON', async () => {
    const plain = await raw(server, feedPage, { 'Accept-Encoding': 'identity' });
    const br = await raw(server, feedPage, { 'Accept-Encoding': browserOverHttps });
    assert.equal(plain.status, 200);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(Number(plain.headers['content-length']), plain.body.length);
    assert.ok((JSON.parse(plain.body.toString('utf8')) as { items: unknown[] }).items.length > 500, 'a page of hundreds of entities');

    assert.equal(br.status, 200);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.match(br.headers.vary ?? '', /accept-encoding/i);
    assert.equal(Number(br.headers['content-length']), br.body.length, 'Content-Length counts the compressed bytes');
    assert.ok(brotliDecompressSync(br.body).equals(plain.body), 'byte for byte the uncompressed answer');
    assert.ok(br.body.length * 4 < plain.body.length, `JSON of Dutch relations shrinks well: ${br.body.length} of ${plain.body.length} bytes`);
  });

  test('goes as gzip when brotli is not acceptable, e.g. a browser over plain HTTP', async () => {
    const plain = await raw(server, feedPage, { 'Accept-Encoding': 'identity' });
    for (const header of [browserOverHttp, 'br;q=0, *']) {
      const gzip = await raw(server, feedPage, { 'Accept-Encoding': header });
      assert.equal(gzip.headers['content-encoding'], 'gzip', header);
      assert.ok(gunzipSync(gzip.body).equals(plain.body), header);
    }
  });

  test('follows q-values, identity and * as RFC 9110 says', async () => {
    const cases: [string | undefined, string | undefined][] = [
      [undefined, undefined], // no header: no preference stated, so the form every client reads
      ['', undefined],
      ['identity', undefined],
      ['gzip;q=0.5, identity', undefined], // identity at q=1 is preferred
      ['gzip;q=0.5, br;q=0.8', 'br'],
      ['br;q=0.5, gzip', 'gzip'],
      ['*', 'br'],
      ['GZIP', 'gzip'],
      ['x-gzip', 'gzip'],
      ['br;q=0, gzip;q=0', undefined],
      ['deflate', undefined], // a coding we do not offer
    ];
    for (const [header, expected] of cases) {
      const reply = await raw(server, '/changes?since=0&limit=200', header === undefined ? {} : { 'Accept-Encoding': header });
      assert.equal(reply.status, 200);
      assert.equal(reply.headers['content-encoding'], expected, `Accept-Encoding: ${String(header)}`);
      assert.ok(Array.isArray((JSON.parse(decode(reply).toString('utf8')) as { items: unknown }).items));
    }
  });

  test('leaves tiny answers uncompressed', async () => {
    const me = await raw(server, '/me', { 'Accept-Encoding': browserOverHttps });
    assert.equal(me.status, 200);
    assert.equal(me.headers['content-encoding'], undefined);
    assert.ok(me.body.length < 1024);
    assert.equal((JSON.parse(me.body.toString('utf8')) as { id: string }).id, 'user-anna');
  });

  test('the SDK reads compressed pages and problems as fetch decodes them, as browsers do', async () => {
    const codings: (string | null)[] = [];
    const client = createRelationsClient({
      baseUrl: server.baseUrl,
      getToken: () => 'demo-anna',
      // A browser sets Accept-Encoding itself; Node's fetch lets us say what Chromium says over HTTPS.
      fetch: async (input, init) => {
        const request = new Request(input, init);
        request.headers.set('Accept-Encoding', browserOverHttps);
        const response = await fetch(request);
        codings.push(response.headers.get('content-encoding'));
        return response;
      },
    });
    const expected = JSON.parse((await raw(server, feedPage, {})).body.toString('utf8')) as { items: { id: string }[]; nextCursor: string };
    const page = await client.listChanges({ since: '0', limit: 2000 });
    assert.deepEqual(codings, ['br']);
    assert.equal(page.nextCursor, expected.nextCursor);
    assert.deepEqual(page.items.map((item) => item.id), expected.items.map((item) => item.id));

    // A problem long enough to be compressed still reads as a problem.
    const longPath = `/nothing-here/${'x'.repeat(1500)}`;
    const problem = await raw(server, longPath, { 'Accept-Encoding': browserOverHttps });
    assert.equal(problem.status, 404);
    assert.equal(problem.headers['content-type'], 'application/problem+json');
    assert.equal(problem.headers['content-encoding'], 'br');
    const body = JSON.parse(decode(problem).toString('utf8')) as { status: number; detail: string };
    assert.equal(body.status, 404);
    assert.ok(body.detail.includes('x'.repeat(1500)));
    const viaFetch = await fetch(`${server.baseUrl}${longPath}`, { headers: { 'Accept-Encoding': browserOverHttps } });
    assert.equal(((await viaFetch.json()) as { status: number }).status, 404);
  });

  test('keeps the ETag a compressed resource carries usable in If-Match', async () => {
    const relations = JSON.parse((await raw(server, '/relations?limit=1', {})).body.toString('utf8')) as { items: { id: string }[] };
    const text = 'Verslag van het gesprek over de nieuwe offerte. '.repeat(80);
    const created = await raw(server, '/contact-moments', { 'Accept-Encoding': browserOverHttps }, {
      method: 'POST',
      body: JSON.stringify({ relationId: relations.items[0]!.id, kind: 'report', subject: 'Offerte', body: text }),
    });
    assert.equal(created.status, 201);
    assert.equal(created.headers['content-encoding'], 'br');
    assert.equal(created.headers.etag, '"1"');
    const moment = JSON.parse(decode(created).toString('utf8')) as { id: string; body: string; version: number };
    assert.equal(moment.body, text);
    const patched = await server.request('PATCH', `/contact-moments/${moment.id}`, { body: { subject: 'Offerte 2' }, headers: { 'If-Match': created.headers.etag } });
    assert.equal(patched.status, 200);
    assert.equal(patched.headers.get('etag'), '"2"');
  });

  test('the event stream stays uncompressed and delivers each event as it happens', { timeout: 10_000 }, async () => {
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      httpRequest(`${server.baseUrl}/notifications/stream`, { headers: { Authorization: 'Bearer demo-anna', 'Accept-Encoding': browserOverHttps } })
        .on('response', resolve)
        .on('error', reject)
        .end();
    });
    try {
      assert.equal(response.headers['content-type'], 'text/event-stream');
      assert.equal(response.headers['content-encoding'], undefined);
      let received = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (received += chunk));
      /** Resolves when `event` has arrived; fails after `ms`: a compressor would hold events back much longer. */
      const arrival = async (event: string, ms: number) => {
        const deadline = Date.now() + ms;
        while (!received.includes(`event: ${event}\n`)) {
          assert.ok(Date.now() < deadline, `no "${event}" event within ${ms} ms; got ${JSON.stringify(received)}`);
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      };
      await arrival('ready', 2000);
      const write = await server.request('POST', '/relations', { token: 'demo-bram', body: { kind: 'organization', organization: { name: 'Ingepakt B.V.' } } });
      assert.equal(write.status, 201);
      await arrival('changes', 2000);
    } finally {
      response.destroy();
    }
  });
});

describe('the demo: its page and scripts compressed as the API is (issue 11)', () => {
  let demo: Demo;
  before(async () => {
    demo = await startDemo({ port: 0, hostname: '127.0.0.1', seedRelations: 0, storybookDir: 'storybook-static' });
  });
  after(() => demo.close());

  // demo/ is in the repository, so these are there without a build; /dist/ is served by the same middleware.
  for (const [path, file] of [['/', 'demo/index.html'], ['/host.js', 'demo/host.js'], ['/host.css', 'demo/host.css']] as const) {
    test(`${path} goes as gzip to a browser over plain HTTP, and as the file itself to a client that asks for no coding`, async () => {
      const onDisk = readFileSync(file);
      const gzip = await raw({ baseUrl: demo.origin }, path, { 'Accept-Encoding': browserOverHttp });
      assert.equal(gzip.status, 200);
      assert.equal(gzip.headers['content-encoding'], 'gzip');
      assert.match(gzip.headers.vary ?? '', /accept-encoding/i);
      assert.ok(gunzipSync(gzip.body).equals(onDisk), 'byte for byte the file');
      assert.ok(gzip.body.length < onDisk.length, `${gzip.body.length} of ${onDisk.length} bytes`);
      const plain = await raw({ baseUrl: demo.origin }, path, {});
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.ok(plain.body.equals(onDisk));
    });
  }
});
