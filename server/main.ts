import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { createBackend } from './backend.js';

/**
 * `npm start`: the reference backend under /api/v1 and the demo host page with the built bundle, on one
 * port. Data persists in DATA_DIR (PGlite) or DATABASE_URL (PostgreSQL) across restarts.
 */
const port = Number(process.env.PORT ?? 8080);
const hostname = process.env.HOST ?? '127.0.0.1';
const dataDir = process.env.DATA_DIR ?? '.data';

const started = Date.now();
const backend = await createBackend({
  databaseUrl: process.env.DATABASE_URL,
  dataDir,
  smtpUrl: process.env.SMTP_URL,
  seedRelations: Number(process.env.SEED_RELATIONS ?? 3000),
});
const app = backend.app;
app.use('/dist/*', serveStatic({ root: './' }));
// A built Storybook (npm run build-storybook) shows every element against this same API.
app.use('/storybook/*', serveStatic({ root: './storybook-static', rewriteRequestPath: (path) => path.replace(/^\/storybook/, '') }));
app.use('/*', serveStatic({ root: './demo' }));

const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
  console.log(`relation-elements demo on http://${hostname}:${info.port}/ (API /api/v1, ready in ${Date.now() - started} ms)`);
  console.log(process.env.DATABASE_URL ? 'storage: PostgreSQL (DATABASE_URL)' : `storage: PGlite in ${dataDir}; mail in ${backend.outbox}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    void backend.close().then(() => process.exit(0));
  });
}
