import { serve } from '@hono/node-server';
import { build, type Plugin } from 'esbuild';

/**
 * package.json lists only dist files as having side effects, so esbuild would drop `import 'src/index.ts'`
 * (which defines the elements): every module of src/ keeps its side effects here.
 */
const srcDir = new URL('../src/', import.meta.url).pathname;
const keepSourceSideEffects: Plugin = {
  name: 'keep-source-side-effects',
  setup(build) {
    build.onResolve({ filter: /^\./ }, async (args) => {
      if (args.pluginData === keepSourceSideEffects) return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: keepSourceSideEffects });
      if (resolved.errors.length || !resolved.path.startsWith(srcDir)) return undefined;
      return { path: resolved.path, sideEffects: true };
    });
  },
};

/** A bench page's script (`entry`, a URL of a .ts file) bundled and minified as a browser module, from src/ as it is. */
export async function bundlePage(entry: URL): Promise<string> {
  const result = await build({
    entryPoints: [entry.pathname],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    tsconfig: new URL('../tsconfig.json', import.meta.url).pathname,
    logLevel: 'warning',
    plugins: [keepSourceSideEffects],
  });
  return result.outputFiles[0]!.text;
}

/**
 * Serves a bench page on a loopback port: `html` at `/`, the bundled `script` at `scriptPath`, and the
 * reference backend's API under `/api/`. Resolves with the server and its port once it listens.
 */
export function servePage(html: string, scriptPath: string, script: string, api: (request: Request) => Response | Promise<Response>) {
  return new Promise<ReturnType<typeof serve> & { port: number }>((resolve) => {
    const instance = serve(
      {
        hostname: '127.0.0.1',
        port: 0,
        fetch(request: Request) {
          const { pathname } = new URL(request.url);
          if (pathname === '/') return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
          if (pathname === scriptPath) return new Response(script, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
          return pathname.startsWith('/api/') ? api(request) : new Response(null, { status: 404 });
        },
      },
      (info) => resolve(Object.assign(instance, { port: info.port })),
    );
  });
}
