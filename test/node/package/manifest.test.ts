import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';

test('the committed custom-elements.json matches a fresh analysis of the elements', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'cem-'));
  try {
    // The analyzer joins --outdir onto the working directory, so it must be relative.
    execFileSync('npx', ['cem', 'analyze', '--outdir', relative(process.cwd(), outdir)], { stdio: 'pipe' });
    const fresh = readFileSync(join(outdir, 'custom-elements.json'), 'utf8');
    const committed = readFileSync('custom-elements.json', 'utf8');
    assert.ok(fresh === committed, 'custom-elements.json is stale: run `npm run analyze` and commit it');
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
});

test('the manifest documents every element with a tag, a summary and its attributes', () => {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as {
    modules: { declarations?: { tagName?: string; summary?: string; attributes?: { name: string; description?: string }[] }[] }[];
  };
  const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
  assert.ok(elements.some((d) => d.tagName === 'relation-provider'));
  for (const element of elements) {
    assert.ok(element.summary, `<${element.tagName}> has no @summary`);
    for (const attribute of element.attributes ?? []) {
      assert.ok(attribute.description, `<${element.tagName}> attribute ${attribute.name} has no description`);
    }
  }
});
