import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { createBackend, type Backend, type BackendOptions } from './backend.js';
import { compression } from './compression.js';

export interface DemoOptions extends BackendOptions {
  port: number;
  hostname: string;
  /** A built Storybook (npm run build-storybook), served at /storybook/. */
  storybookDir: string;
}

export interface Demo {
  readonly backend: Backend;
  /** Where it listens, e.g. `http://127.0.0.1:8080`; the port the system chose when asked for port 0. */
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * The reference backend under /api/v1, the demo host page with the built bundle and the built Storybook,
 * on one port. Tests start it as `npm start` does, so what they check is what a newcomer sees.
 */
export async function startDemo(options: DemoOptions): Promise<Demo> {
  const backend = await createBackend(options);
  const app = backend.app;
  // The files compressed by Accept-Encoding as the API's answers are: uncompressed, the one-script bundle was
  // 197 kB on the wire instead of about 60, and on a slow link a first visit's paint waited for it (issue 11).
  const compressed = compression();
  app.use('/dist/*', compressed, serveStatic({ root: './' }));
  // Every element against this same API: stories talk to /api/v1 of the origin that serves them.
  app.use('/storybook/*', compressed, serveStatic({ root: options.storybookDir, rewriteRequestPath: (path) => path.replace(/^\/storybook/, '') }));
  app.use('/*', compressed, serveStatic({ root: './demo' }));
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const listening = serve({ fetch: app.fetch, port: options.port, hostname: options.hostname }, () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    backend,
    origin: `http://${options.hostname}:${port}`,
    async close() {
      // Storybook and the SSE stream keep connections open; close() alone would wait for them.
      if ('closeAllConnections' in server) server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await backend.close();
    },
  };
}

/** `npm start`: data persists in DATA_DIR (PGlite) or DATABASE_URL (PostgreSQL) across restarts. */
async function main(): Promise<void> {
  const dataDir = process.env.DATA_DIR ?? '.data';
  const started = Date.now();
  const port = Number(process.env.PORT ?? 8080);
  const hostname = process.env.HOST ?? '127.0.0.1';
  // Out of the box, a callback mail links to the relation in the demo page (its route #/relaties/<id>).
  if (!process.env.RELATION_URL && port) process.env.RELATION_URL = `http://${hostname}:${port}/#/relaties/{id}`;
  const demo = await startDemo({
    port,
    hostname,
    databaseUrl: process.env.DATABASE_URL,
    dataDir,
    smtpUrl: process.env.SMTP_URL,
    seedRelations: Number(process.env.SEED_RELATIONS ?? 3000),
    storybookDir: './storybook-static',
  });
  console.log(`relation-elements demo on ${demo.origin}/ (API /api/v1, ready in ${Date.now() - started} ms)`);
  console.log(process.env.DATABASE_URL ? 'storage: PostgreSQL (DATABASE_URL)' : `storage: PGlite in ${dataDir}; mail in ${demo.backend.outbox}`);
  // Read by the mailer (server/mail.ts); said here so a host sees where the mail's links will lead.
  if (process.env.RELATION_URL) console.log(`mail links to relations as ${process.env.RELATION_URL}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => void demo.close().then(() => process.exit(0)));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
