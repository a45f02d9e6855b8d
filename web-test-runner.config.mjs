import rollupCommonjs from '@rollup/plugin-commonjs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import { chromeLauncher } from '@web/test-runner-chrome';
import { serve } from '@hono/node-server';
import { tsImport } from 'tsx/esm/api';
import { chromeArgs, findChrome } from './scripts/find-chrome.mjs';

const commonjs = fromRollup(rollupCommonjs);

/*
 * Element and store tests talk HTTP to the real reference backend: in memory, seeded, on its own loopback
 * port (it allows any origin). Tests ask the dev server for its address at /__backend.
 */
const { createBackend } = await tsImport('./server/backend.ts', import.meta.url);
const backend = await createBackend({ seedRelations: 150 });
const backendServer = await new Promise((resolve) => {
  const server = serve({ fetch: backend.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(server));
});
const backendUrl = `http://127.0.0.1:${backendServer.address().port}/api/v1`;

export default {
  files: 'test/browser/**/*.test.ts',
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 1,
  // The store's property test replays 120 fault sequences against the real backend: minutes on a busy machine.
  testsFinishTimeout: 600_000,
  testFramework: { config: { timeout: 10000 } },
  middleware: [
    // A worker the source starts beside itself (`new URL('./sync-worker.js', import.meta.url)`) is its .ts file.
    (context, next) => {
      if (context.path.startsWith('/src/') && context.path.endsWith('-worker.js')) context.path = context.path.replace(/\.js$/, '.ts');
      return next();
    },
    (context, next) => {
      if (context.path !== '/__backend') return next();
      context.body = { baseUrl: backendUrl };
      return undefined;
    },
  ],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'auto' }),
    commonjs({ include: ['**/node_modules/papaparse/**'], ignore: ['stream'], strictRequires: false }),
  ],
  browsers: [chromeLauncher({ launchOptions: { executablePath: findChrome(), headless: true, args: chromeArgs } })],
};
