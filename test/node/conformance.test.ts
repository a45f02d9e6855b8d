import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { formatReport, runConformance, summarize, type Report } from '../../conformance/run.js';
import { startServer, type TestServer } from './server/harness.js';

const tokens = { token: 'demo-anna', colleagueToken: 'demo-bram', otherTenantToken: 'acme-olga' };

function failures(report: Report) {
  return report.checks.filter((check) => check.status === 'fail');
}

/**
 * The reference backend with three faults a backend team could plausibly make, each in one place: no ETag
 * on a changed label, a relation number sent as a string, and a stale If-Match on a contact moment let
 * through (as a backend does that forgets to compare versions). It also leaves out the optional address
 * lookup (501), which is no fault.
 */
function brokenBackend(app: TestServer['backend']['app']): typeof fetch {
  return async (input, init) => {
    let request = new Request(input, init);
    const { pathname } = new URL(request.url);
    if (pathname.endsWith('/address-lookup')) {
      return new Response(JSON.stringify({ type: 'about:blank', title: 'Not implemented', status: 501 }), {
        status: 501, headers: { 'Content-Type': 'application/problem+json' },
      });
    }
    if (request.method === 'PATCH' && /\/contact-moments\/[^/]+$/.test(pathname) && request.headers.has('if-match')) {
      const current = await app.fetch(new Request(request.url, { headers: { Authorization: request.headers.get('authorization') ?? '' } }));
      const etag = current.headers.get('etag');
      if (etag) {
        const headers = new Headers(request.headers);
        headers.set('If-Match', etag);
        request = new Request(request, { headers });
      }
    }
    const response = await app.fetch(request);
    if (request.method === 'PATCH' && /\/labels\/[^/]+$/.test(pathname)) {
      const headers = new Headers(response.headers);
      headers.delete('etag');
      return new Response(response.body, { status: response.status, headers });
    }
    if (request.method === 'GET' && /\/relations\/[^/]+$/.test(pathname) && response.status === 200) {
      const relation = (await response.json()) as { number: unknown };
      const headers = new Headers(response.headers);
      headers.delete('content-length');
      return new Response(JSON.stringify({ ...relation, number: String(relation.number) }), { status: 200, headers });
    }
    return response;
  };
}

/**
 * The reference backend with a lookup that is offered (it refuses a malformed postcode with 400, as the
 * contract's query schema does) but finds nothing: every address it is asked for answers 404.
 */
function lookupFindsNothing(app: TestServer['backend']['app']): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const response = await app.fetch(request);
    if (!new URL(request.url).pathname.endsWith('/address-lookup') || response.status !== 200) return response;
    return new Response(JSON.stringify({ type: 'about:blank', title: 'Not found', status: 404 }), {
      status: 404, headers: { 'Content-Type': 'application/problem+json' },
    });
  };
}

/** Runs the CLI as a user would; asynchronously, since the server it talks to lives in this process. */
function cli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'conformance/cli.ts', ...args], (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

describe('conformance kit', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  test('the reference backend passes every check with all three tokens, and the run leaves nothing behind', async () => {
    const report = await runConformance({ baseUrl: server.baseUrl, ...tokens });
    const { failed, skipped, passed } = summarize(report);
    assert.equal(failed + skipped, 0, formatReport(report));
    assert.ok(passed > 100, `${passed} checks`);
    const left = await server.request<{ items: { displayName: string; status: string }[] }>('GET', `/relations?q=${report.runId}&status=lead,active&limit=500`);
    assert.deepEqual(left.body.items, [], 'only archived relations remain');
    const labels = await server.request<{ items: { name: string }[] }>('GET', '/labels');
    assert.ok(!labels.body.items.some((label) => label.name.includes(report.runId)), 'no labels remain');
  });

  test('a deliberately broken backend fails exactly the checks for its faults, naming the operation', async () => {
    const report = await runConformance({
      baseUrl: 'http://reference.test/api/v1', ...tokens, fetch: brokenBackend(server.backend.app),
    });
    const failed = failures(report);
    assert.deepEqual(
      failed.map((check) => check.id).sort(),
      ['concurrency.updateContactMoment.if-match-stale', 'operation.getRelation', 'operation.updateLabel'],
      formatReport(report),
    );
    const skipped = report.checks.filter((check) => check.status === 'skip');
    assert.deepEqual(skipped.map((check) => check.id).sort(), ['addresses.lookup', 'operation.lookupAddress'], 'the optional lookup is not offered');
    assert.ok(skipped.every((check) => check.message?.startsWith('not offered')), formatReport(report));
    assert.match(report.checks.find((check) => check.id === 'coverage')?.message ?? '', /not offered \(optional\): lookupAddress/);
    const message = (id: string) => failed.find((check) => check.id === id)?.message ?? '';
    assert.match(message('operation.updateLabel'), /^updateLabel PATCH \/labels\/\{id\}: expected ETag "2" for version 2, got no ETag$/);
    assert.match(message('operation.getRelation'), /^getRelation GET \/relations\/\{id\}: response body does not match the contract: \$\.number: expected number, got "\d+"$/);
    assert.match(message('concurrency.updateContactMoment.if-match-stale'), /^updateContactMoment PATCH \/contact-moments\/\{id\} with a stale If-Match "1": expected status 412, got 200$/);
  });

  test('an offered lookup that finds no address fails, saying why it counts as offered', async () => {
    const report = await runConformance({
      baseUrl: 'http://reference.test/api/v1', ...tokens, fetch: lookupFindsNothing(server.backend.app),
    });
    const failed = failures(report);
    assert.deepEqual(failed.map((check) => check.id).sort(), ['addresses.lookup', 'coverage', 'operation.lookupAddress'], formatReport(report));
    for (const id of ['addresses.lookup', 'operation.lookupAddress']) {
      assert.match(
        failed.find((check) => check.id === id)?.message ?? '',
        /^lookupAddress GET \/address-lookup with \{"postalCode":"3521cb","houseNumber":"18"\}: expected 200, got 404; the backend refused the malformed \{"postalCode":"12345","houseNumber":"18"\} with 400, so it offers lookupAddress, and then it must find this address \(Croeselaan 18, 3521 CB Utrecht, a real address\)\. A backend that does not offer lookupAddress answers 501\.$/,
      );
    }
    assert.match(failed.find((check) => check.id === 'coverage')?.message ?? '', /^never answered with success: lookupAddress$/);
  });

  test('the command line: exit 0 with a summary line when all pass, 2 with a one-line usage for bad arguments', async () => {
    const usage = await cli(['--token', 'demo-anna']);
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /^usage: npm run conformance -- --base-url URL --token T .*\n$/);
    const run = await cli(['--base-url', server.baseUrl, '--token', 'demo-anna']);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /\n\d+ passed, 0 failed, \d+ skipped in [\d.]+ s\n$/);
    const json = await cli(['--base-url', server.baseUrl, '--token', 'nobody', '--json']);
    assert.equal(json.status, 1);
    assert.ok((JSON.parse(json.stdout) as Report).checks.some((check) => check.status === 'fail'));
  });
});
