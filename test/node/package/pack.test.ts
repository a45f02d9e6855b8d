import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

/*
 * What a host gets from `npm install relation-elements`: the packed package (`npm pack`, which builds first)
 * installed into an empty project from the registry, as a host's CI would.
 */

/** What the browser code needs (docs/development.md, "Packaging"); tslib because the build imports its helpers. */
const browserRoots = ['lit', '@lit/context', 'idb', 'zod', 'ky', 'tslib'];
/** The reference backend's libraries: they run from a clone and must never reach a host. */
const serverRoots = ['@electric-sql/pglite', 'hono', '@hono/node-server', 'postgres', 'nodemailer', '@faker-js/faker'];

interface LockedPackage {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockedPackage> };

/** The lockfile entry that `name` resolves to from the package at `from`, walking up as Node does. */
function resolveLocked(from: string, name: string): string | undefined {
  for (let base = from; ; ) {
    const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (!base) return undefined;
    const parent = base.lastIndexOf('/node_modules/');
    base = parent === -1 ? '' : base.slice(0, parent);
  }
}

/** Names of the packages `roots` need, by the lockfile's dependency graph. */
function closure(roots: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = roots.map((name) => resolveLocked('', name) ?? assert.fail(`${name} is not in package-lock.json`));
  for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
    if (seen.has(path)) continue;
    seen.add(path);
    const locked = lock.packages[path] ?? {};
    const names = Object.keys({ ...locked.dependencies, ...locked.optionalDependencies, ...locked.peerDependencies });
    for (const name of names) {
      const resolved = resolveLocked(path, name);
      if (resolved) queue.push(resolved);
    }
  }
  return new Set([...seen].map((path) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)));
}

interface LsNode {
  dependencies?: Record<string, LsNode>;
}
function installedNames(node: LsNode, into = new Set<string>()): Set<string> {
  for (const [name, child] of Object.entries(node.dependencies ?? {})) {
    into.add(name);
    installedNames(child, into);
  }
  return into;
}

/*
 * Run under `npm test`, this process inherits npm's settings for the repository (npm_config_local_prefix and
 * the like); the host project's npm must see only its own folder, as on the host's machine.
 */
const npmEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));

const workDir = mkdtempSync(join(tmpdir(), 'relation-elements-pack-'));
const host = join(workDir, 'host');
let tarball: string;
let tarballFiles: string[];
let installed: Set<string>;

before(() => {
  // prepack builds dist/ first, so the tarball never carries a stale or missing build.
  execFileSync('npm', ['pack', '--pack-destination', workDir], { stdio: 'pipe', timeout: 180_000 });
  const packed = readdirSync(workDir).filter((name) => name.endsWith('.tgz'));
  assert.equal(packed.length, 1);
  tarball = join(workDir, packed[0]!);
  tarballFiles = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').map((path) => path.replace(/^package\//, ''));

  mkdirSync(host);
  writeFileSync(join(host, 'package.json'), JSON.stringify({ name: 'host-app', private: true, type: 'module' }));
  execFileSync('npm', ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline'], { cwd: host, env: npmEnv, stdio: 'pipe', timeout: 180_000 });
  // npm ls exits non-zero on a missing or invalid dependency, which fails the test here.
  const tree = JSON.parse(execFileSync('npm', ['ls', '--all', '--json'], { cwd: host, env: npmEnv, encoding: 'utf8', timeout: 60_000 })) as LsNode;
  installed = installedNames(tree);
  installed.delete('relation-elements');
}, { timeout: 360_000 });

after(() => rmSync(workDir, { recursive: true, force: true }));

test('the package declares exactly the browser libraries as runtime dependencies, each one imported by dist/', () => {
  const manifest = JSON.parse(readFileSync(join(host, 'node_modules/relation-elements/package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  assert.deepEqual(Object.keys(manifest.dependencies ?? {}).sort(), [...browserRoots].sort());
  const shipped = tarballFiles.filter((path) => path.startsWith('dist/') && path.endsWith('.js'));
  const code = shipped.map((path) => readFileSync(join(host, 'node_modules/relation-elements', path), 'utf8')).join('\n');
  for (const name of browserRoots) {
    const escaped = name.replace(/[/.]/g, '\\$&');
    assert.match(code, new RegExp(`(from|import)\\s*\\(?\\s*["']${escaped}(/[^"']*)?["']`), `dist/ never imports ${name}: drop it`);
  }
});

test('installing the packed package brings only the browser libraries and what they depend on', () => {
  const allowed = closure(browserRoots);
  const extra = [...installed].filter((name) => !allowed.has(name));
  assert.deepEqual(extra, [], `installed beyond the browser set: ${extra.join(', ')}`);
  for (const name of browserRoots) assert.ok(installed.has(name), `${name} was not installed`);
});

test('none of the reference backend\'s libraries, nor what only they need, is installed', () => {
  const browser = closure(browserRoots);
  const serverOnly = [...closure(serverRoots)].filter((name) => !browser.has(name));
  assert.ok(serverOnly.length >= serverRoots.length);
  assert.deepEqual(serverOnly.filter((name) => installed.has(name)), []);
  assert.deepEqual(serverRoots.filter((name) => existsSync(join(host, 'node_modules', name))), []);
});

test('the tarball holds the build, the contract document and the manifest: no server, sources, docs or probes', (t) => {
  t.diagnostic(`${tarballFiles.length} files, ${readFileSync(tarball).length} bytes packed`);
  const unexpected = tarballFiles.filter((path) => /^(server|src|docs|conformance|test|dist\/probe)\//.test(path));
  assert.deepEqual(unexpected, []);
  for (const required of ['dist/relation-elements.js', 'dist/index.js', 'dist/index.d.ts', 'openapi/relations.v1.yaml', 'custom-elements.json']) {
    assert.ok(tarballFiles.includes(required), `${required} is missing from the tarball`);
  }
});

test('every export of the installed package resolves to a shipped file, types included', () => {
  const root = join(host, 'node_modules/relation-elements');
  const { exports } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    exports: Record<string, string | { types: string; default: string }>;
  };
  for (const [entry, target] of Object.entries(exports)) {
    for (const file of typeof target === 'string' ? [target] : [target.types, target.default]) {
      assert.ok(existsSync(join(root, file)), `${entry} points at ${file}, which is not in the package`);
    }
  }
});

test('a Node host imports the SDK and the contract from the installed package', () => {
  const script = `
    const sdk = await import('relation-elements/sdk');
    const contract = await import('relation-elements/contract');
    const root = import.meta.resolve('relation-elements');
    console.log(JSON.stringify({
      client: typeof sdk.createRelationsClient,
      listRelations: Object.keys(contract.operations).includes('listRelations'),
      iban: contract.isIban('NL91ABNA0417164300'),
      root: root.endsWith('/node_modules/relation-elements/dist/index.js'),
    }));`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: host, env: npmEnv, encoding: 'utf8', timeout: 30_000 });
  assert.deepEqual(JSON.parse(output), { client: 'function', listRelations: true, iban: true, root: true });
});
