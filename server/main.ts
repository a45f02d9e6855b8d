import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

/** Serves the demo host page and the built bundle; `npm start` runs this after `npm run build`. */
const port = Number(process.env.PORT ?? 8080);
const hostname = process.env.HOST ?? '127.0.0.1';

const app = new Hono();
app.use('/dist/*', serveStatic({ root: './' }));
app.use('/*', serveStatic({ root: './demo' }));

serve({ fetch: app.fetch, port, hostname }, (info) => {
  console.log(`relation-elements demo on http://${hostname}:${info.port}/`);
});
