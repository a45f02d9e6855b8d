import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';

/*
 * Bundlers drop a module that package.json does not name in `sideEffects` when nothing is imported from it:
 * a tag's define() then never runs and the element stays undefined. That happened to the built Storybook,
 * which bundles src/. So every module that defines a tag is named, as source (Storybook, this repository's
 * own builds) and as the dist/ file a host's bundler sees.
 */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

test('package.json names every module that defines a tag as a side effect, in src/ and dist/, and nothing else', () => {
  const defining = sourceFiles('src')
    .filter((file) => /^define\(/m.test(readFileSync(file, 'utf8')))
    .map((file) => relative('src', file).replace(/\.ts$/, ''));
  assert.ok(defining.includes('elements/relation-overview/relation-overview'), 'no define module found: is the scan still right?');
  const expected = [
    './dist/relation-elements.js',
    './dist/index.js',
    './src/index.ts',
    ...defining.flatMap((module) => [`./dist/${module}.js`, `./src/${module}.ts`]),
  ].sort();
  const { sideEffects } = JSON.parse(readFileSync('package.json', 'utf8')) as { sideEffects: string[] };
  assert.deepEqual([...sideEffects].sort(), expected);
});
