import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser } from 'playwright-core';
import { startDemo, type Demo } from '../../../server/main.js';
// @ts-expect-error: a plain ES module of our build scripts, without types
import { chromeArgs, findChrome } from '../../../scripts/find-chrome.mjs';

/*
 * What a newcomer sees at /storybook/ after `npm run build-storybook` and `npm start`: the production build
 * of the stories, served next to the reference backend. Built here, into a directory of its own, so the test
 * never checks a stale build and never races a developer's storybook-static/.
 */
const workDir = mkdtempSync(join(tmpdir(), 'built-storybook-'));
const storybookDir = join(workDir, 'storybook');
const overviewStory = 'elements-relation-overview--relations';

let demo: Demo;
let browser: Browser;

before(async () => {
  // npm passes the extra -o after the script's own, and the last one wins.
  execFileSync('npm', ['run', 'build-storybook', '--', '-o', storybookDir], { stdio: 'pipe', timeout: 120_000 });
  demo = await startDemo({ port: 0, hostname: '127.0.0.1', seedRelations: 40, outbox: join(workDir, 'mail'), storybookDir });
  browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs, timeout: 30_000 });
}, { timeout: 180_000 });

after(async () => {
  await browser?.close();
  await demo?.close();
  rmSync(workDir, { recursive: true, force: true });
});

/** The first active relations by name, as the server answers them to Anna: what the story must show. */
async function firstActiveRelations(count: number): Promise<string[]> {
  const response = await fetch(`${demo.origin}/api/v1/relations?status=active&sort=name&limit=${count}`, {
    headers: { authorization: 'Bearer demo-anna' },
  });
  assert.equal(response.status, 200);
  const { items } = (await response.json()) as { items: { displayName: string }[] };
  assert.equal(items.length, count);
  return items.map((item) => item.displayName);
}

test('the built Storybook lists the overview story', () => {
  const index = JSON.parse(readFileSync(join(storybookDir, 'index.json'), 'utf8')) as { entries: Record<string, unknown> };
  assert.ok(overviewStory in index.entries, `${overviewStory} is not among ${Object.keys(index.entries).join(', ')}`);
});

test('a story of the built Storybook, served as npm start serves it, shows relations from the server', { timeout: 60_000 }, async () => {
  const expected = await firstActiveRelations(3);
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(`${demo.origin}/storybook/iframe.html?id=${overviewStory}&viewMode=story`, { timeout: 20_000 });
    const defined = await page.waitForFunction(() => customElements.get('relation-overview') !== undefined, undefined, { timeout: 20_000 })
      .then(() => true, () => false);
    assert.ok(defined, `<relation-overview> is not defined in the built Storybook${errors.length ? `; page errors: ${errors.join('; ')}` : ''}`);
    for (const name of expected) {
      // Playwright's role locators pierce the elements' open shadow roots, as a screen reader reads them.
      await page.getByRole('row').filter({ hasText: name }).first().waitFor({ state: 'visible', timeout: 20_000 });
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
