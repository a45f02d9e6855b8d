import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser } from 'playwright-core';
import { addresses } from '../../../src/i18n/sections/addresses.js';
import { callbacks } from '../../../src/i18n/sections/callbacks.js';
import { card } from '../../../src/i18n/sections/card.js';
import { create } from '../../../src/i18n/sections/create.js';
import { modules } from '../../../src/i18n/sections/modules.js';
import { moments } from '../../../src/i18n/sections/moments.js';
import { notifications } from '../../../src/i18n/sections/notifications.js';
import { people } from '../../../src/i18n/sections/people.js';
import { picker } from '../../../src/i18n/sections/picker.js';
// @ts-expect-error: a plain ES module of our build scripts, without types
import { chromeArgs, findChrome } from '../../../scripts/find-chrome.mjs';

/*
 * The promise to hosts without a bundler: one script tag, nothing else, and every element is defined.
 * Built here with the real rollup config so the test never checks a stale dist/.
 */
let server: Server;
let browser: Browser;
let origin: string;

before(async () => {
  execFileSync('npx', ['rollup', '-c', '--silent'], { stdio: 'pipe' });
  const page = `<!doctype html><html lang="nl"><head><script type="module" src="/relation-elements.js"></script></head>
    <body><relation-provider base-url="/api/v1"><p>host</p></relation-provider></body></html>`;
  server = createServer((req, res) => {
    // The bundle and the chunks it loads on first use of a tag (dist/lazy/), as a host serves the folder.
    if (req.url === '/relation-elements.js' || req.url?.startsWith('/lazy/')) {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(`dist${req.url.replace(/\.\./g, '')}`));
    } else if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    } else if (req.url === '/overview') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(page.replace('<p>host</p>', '<relation-overview></relation-overview>'));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Every element the manifest documents: what a host may write in its page after the one script tag. */
function manifestTags(): string[] {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as {
    modules: { declarations?: { tagName?: string; customElement?: boolean }[] }[];
  };
  return manifest.modules.flatMap((module) => module.declarations ?? []).flatMap((d) => (d.customElement && d.tagName ? [d.tagName] : []));
}

test('dist/relation-elements.js alone defines every element of custom-elements.json that a plain page writes', async () => {
  const tags = manifestTags();
  assert.ok(tags.includes('relation-overview'), `the manifest lists ${tags.join(', ')}`);
  const page = await browser.newPage();
  const failures: string[] = [];
  page.on('pageerror', (error) => failures.push(error.message));
  page.on('requestfailed', (request) => failures.push(request.url()));
  await page.goto(origin);
  await page.waitForFunction(() => customElements.get('relation-provider') !== undefined);
  // The host writes every tag into its page; the less common ones load their chunk on first sight.
  await page.evaluate((names) => {
    const provider = document.querySelector('relation-provider')!;
    for (const name of names) if (name !== 'relation-provider') provider.append(document.createElement(name));
  }, tags);
  await page
    .waitForFunction((names) => names.every((name) => customElements.get(name) !== undefined), tags, { timeout: 5000 })
    .catch(() => undefined);
  const undefinedTags = await page.evaluate((names) => names.filter((name) => customElements.get(name) === undefined), tags);
  assert.deepEqual(undefinedTags, [], `not defined by the bundle: ${undefinedTags.join(', ')}`);
  const state = await page.evaluate(() => {
    const provider = document.querySelector('relation-provider') as HTMLElement & { resolvedLocale: string; baseUrl: string };
    return { locale: provider.resolvedLocale, baseUrl: provider.baseUrl, upgraded: provider.shadowRoot !== null };
  });
  assert.deepEqual(state, { locale: 'nl', baseUrl: '/api/v1', upgraded: true });
  assert.deepEqual(failures, []);
  await page.close();
});

test('a list page fetches no chunk; the card, the form and the picker each load theirs when the page first holds one', async () => {
  const page = await browser.newPage();
  const failures: string[] = [];
  const chunks: string[] = [];
  page.on('pageerror', (error) => failures.push(error.message));
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/lazy/')) chunks.push(pathname);
  });
  await page.goto(`${origin}/overview`);
  // The overview's first paint: its tabs, toolbar (export and print buttons included) and label filter.
  await page.waitForFunction(() => document.querySelector('relation-overview')?.shadowRoot?.querySelector('[role="tablist"]') != null);
  await page.waitForFunction(() => document.querySelector('relation-overview')!.shadowRoot!.querySelector('label-filter')?.shadowRoot != null);
  assert.deepEqual([...chunks], [], 'chunks fetched by a page that shows only the list');
  for (const tag of ['relation-card', 'relation-create', 'relation-picker']) {
    assert.equal(await page.evaluate((name) => customElements.get(name) !== undefined, tag), false, `<${tag}> defined before the page holds one`);
    const before = chunks.length;
    await page.evaluate((name) => document.querySelector('relation-provider')!.append(document.createElement(name)), tag);
    await page.waitForFunction((name) => customElements.get(name) !== undefined, tag, { timeout: 5000 });
    const fetched = chunks.slice(before);
    assert.ok(fetched.some((path) => path.startsWith(`/lazy/${tag}-`)), `<${tag}>'s own chunk fetched; fetched: ${fetched.join(', ')}`);
  }
  assert.deepEqual(failures, []);
  await page.close();
});

test('the bundle imports nothing: it is self-contained', () => {
  const code = readFileSync('dist/relation-elements.js', 'utf8');
  assert.doesNotMatch(code, /(^|[;}\s])import\s*["'{*]|from\s*["'](lit|@lit|zod|ky|idb)/);
});

/** Every plain string (not the counting functions) in a section of messages, both languages. */
function wordsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(wordsOf);
  return [];
}

/** Whether `code` holds `words` as a whole string literal (not inside a longer sentence of the overview's). */
const holds = (code: string, words: string) => code.includes(`"${words}"`) || code.includes(`'${words}'`);

test('the words of the elements that load on first use travel in their chunks, not in the one script tag', () => {
  const bundle = readFileSync('dist/relation-elements.js', 'utf8');
  const chunks = readdirSync('dist/lazy').filter((name) => name.endsWith('.js')).map((name) => readFileSync(`dist/lazy/${name}`, 'utf8')).join('\n');
  // Sentences only: a short word such as "Save" may also be one of the overview's own.
  const sentences = [addresses, callbacks, card, create, modules, moments, notifications, people, picker]
    .flatMap(wordsOf)
    .filter((words) => words.length >= 20 && !/['"\\`]/.test(words));
  assert.ok(sentences.length > 50, `only ${sentences.length} sentences found in the sections`);
  assert.deepEqual(sentences.filter((words) => !holds(chunks, words)), [], 'sentences missing from dist/lazy/');
  assert.deepEqual(sentences.filter((words) => holds(bundle, words)), [], 'sentences in dist/relation-elements.js');
});
