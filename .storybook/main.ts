import { getRequestListener } from '@hono/node-server';
import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Stories show the elements with real data: `npm run storybook` mounts the reference backend (in memory,
 * seeded) at /api/v1 of Storybook's own server. A built Storybook is served by `npm start` at /storybook/,
 * next to the same API.
 */
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  async viteFinal(vite, { configType }) {
    if (configType !== 'DEVELOPMENT') return vite;
    return {
      ...vite,
      plugins: [
        ...(vite.plugins ?? []),
        {
          name: 'reference-backend',
          async configureServer(server) {
            const { createBackend } = await import('../server/backend.js');
            const backend = await createBackend({ seedRelations: 2000 });
            const listener = getRequestListener(backend.app.fetch);
            server.middlewares.use((req, res, next) => (req.url?.startsWith('/api/v1/') ? void listener(req, res) : next()));
          },
        },
      ],
    };
  },
};

export default config;
