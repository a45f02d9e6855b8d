import { serve, type ServerType } from '@hono/node-server';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { createBackend, type Backend } from '../../../server/backend.js';

/** The storages every backend test runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL names one. */
export const storages: readonly { name: string; url: string | undefined; skip: string | false }[] = [
  { name: 'PGlite', url: undefined, skip: false },
  { name: 'PostgreSQL', url: process.env.TEST_DATABASE_URL, skip: process.env.TEST_DATABASE_URL ? false : 'TEST_DATABASE_URL is not set' },
];

export interface Response<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface TestServer {
  readonly baseUrl: string;
  readonly backend: Backend;
  request<T = Record<string, unknown>>(
    method: string,
    path: string,
    options?: { token?: string | null; body?: unknown; headers?: Record<string, string>; raw?: string },
  ): Promise<Response<T>>;
  close(): Promise<void>;
}

/** Empties a PostgreSQL database, so each suite starts from the seed like a first start. */
export async function resetPostgres(url: string): Promise<void> {
  const sql = postgres(url, { onnotice: () => undefined, max: 1 });
  await sql.unsafe('drop schema public cascade; create schema public;');
  await sql.end();
}

/**
 * The reference backend on a real HTTP port, seeded with `relations` demo relations. Requests default to
 * Anna of tenant `demo`. With `join`, a further instance on the same PostgreSQL database as it is.
 */
export async function startServer(
  options: { databaseUrl?: string | undefined; relations?: number; join?: boolean } = {},
): Promise<TestServer> {
  if (options.databaseUrl && !options.join) await resetPostgres(options.databaseUrl);
  const dataDir = mkdtempSync(join(tmpdir(), 'relations-test-'));
  const backend = await createBackend({
    databaseUrl: options.databaseUrl,
    // PGlite in memory (fast); the temporary folder receives the outgoing mail
    outbox: join(dataDir, 'mail'),
    seedRelations: options.relations ?? 60,
  });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: backend.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  return {
    baseUrl,
    backend,
    async request(method, path, { token = 'demo-anna', body, headers = {}, raw } = {}) {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...(body !== undefined || raw !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...headers,
        },
        body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
    },
    async close() {
      // Streams a test left open (server-sent events) would hold the server, and the test process, open.
      if ('closeAllConnections' in server) server.closeAllConnections();
      server.close();
      await backend.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
