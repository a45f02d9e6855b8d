import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { startServerProcess, type ServerProcess } from '../../../bench/load/server-process.js';
import { storages } from './harness.js';

/*
 * A crash while clients write: the server runs as its own process (server/main.ts, as `npm start` runs it)
 * and is killed with SIGKILL while several clients create relations, each create with an Idempotency-Key,
 * as the store's outbox sends them. After a restart on the same data, what a client was told must hold:
 * every create answered with 201 exists with what was sent, and re-sending any key (as the outbox does after
 * a failure) replays the first answer or, for a create that never committed, creates it now; never twice.
 */

const clients = 6;
/** The kill comes when this many creates have been acknowledged, with the other clients' requests in flight. */
const killAfter = 24;

interface Attempt {
  key: string;
  body: { kind: 'organization'; organization: { name: string } };
  /** The 2xx answer, when the client received it in full before the kill. */
  answer?: { status: number; body: { id: string; displayName: string; version: number } };
}

async function request(server: ServerProcess, method: string, path: string, options: { body?: unknown; key?: string } = {}) {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: {
      Authorization: 'Bearer demo-anna',
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(options.key ? { 'Idempotency-Key': options.key } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** Clients write until the server dies under them; resolves with every attempt, answered or not. */
async function writeUntilKilled(server: ServerProcess, marker: string): Promise<Attempt[]> {
  const attempts: Attempt[] = [];
  let acknowledged = 0;
  let killed: Promise<void> | undefined;
  await Promise.all(Array.from({ length: clients }, async (_, client) => {
    for (let i = 0; !killed; i++) {
      const attempt: Attempt = { key: `${marker}-${client}-${i}`, body: { kind: 'organization', organization: { name: `${marker} ${client}-${i}` } } };
      attempts.push(attempt);
      try {
        const response = await request(server, 'POST', '/relations', { body: attempt.body, key: attempt.key });
        assert.equal(response.status, 201, `create before the kill: ${JSON.stringify(response.body)}`);
        attempt.answer = { status: response.status, body: response.body };
        if (++acknowledged === killAfter) killed = server.kill('SIGKILL');
      } catch (error) {
        // The connection died with the server: this attempt is unacknowledged, and the client stops.
        if (!killed) throw error;
      }
    }
  }));
  await killed;
  return attempts;
}

for (const storage of storages) {
  describe(`reference backend on ${storage.name}: killed with SIGKILL while clients write`, { skip: storage.skip }, () => {
    test('after a restart every acknowledged create exists, and every key replays its first answer or creates once', { timeout: 120_000 }, async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'relations-durability-'));
      const marker = `Duurzaam${Date.now().toString(36)}`;
      const options = { dataDir, databaseUrl: storage.url, relations: 20 };
      let server: ServerProcess | undefined;
      try {
        server = await startServerProcess(options);
        const attempts = await writeUntilKilled(server, marker);
        const acknowledged = attempts.filter((attempt) => attempt.answer);
        assert.ok(acknowledged.length >= killAfter, `${acknowledged.length} acknowledged before the kill`);
        assert.ok(attempts.length > acknowledged.length, 'some requests were in flight when the server died');

        server = await startServerProcess(options);
        for (const attempt of acknowledged) {
          const stored = await request(server, 'GET', `/relations/${attempt.answer!.body.id}`);
          assert.equal(stored.status, 200, `acknowledged create ${attempt.key} (${attempt.answer!.body.id}) lost in the crash`);
          assert.deepEqual(stored.body, attempt.answer!.body, `acknowledged create ${attempt.key} survived as it was answered`);
        }

        // The outbox re-sends what it was not sure of; here every key, answered or not.
        for (const attempt of attempts) {
          const again = await request(server, 'POST', '/relations', { body: attempt.body, key: attempt.key });
          assert.equal(again.status, 201, `re-sent ${attempt.key}: ${JSON.stringify(again.body)}`);
          if (attempt.answer) {
            assert.equal(again.headers.get('idempotent-replayed'), 'true', `re-sent acknowledged ${attempt.key} is a replay`);
            assert.deepEqual(again.body, attempt.answer.body, `re-sent acknowledged ${attempt.key} answers as the first time`);
          } else {
            assert.equal(again.body.displayName, attempt.body.organization.name);
          }
        }

        // Each key made exactly one relation: none lost, none twice (a replay that created again would show).
        const found = await request(server, 'GET', `/relations?q=${marker}&limit=500`);
        const names = (found.body.items as { displayName: string }[]).map((relation) => relation.displayName).sort();
        assert.deepEqual(names, attempts.map((attempt) => attempt.body.organization.name).sort());
      } finally {
        await server?.kill('SIGTERM');
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
}
