import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import assert from 'node:assert/strict';

/*
 * A backend team runs the kit from a clone as docs/backend-implementers.md says: `npx relation-conformance`,
 * the bin of the conformance workspace, which loads the TypeScript kit without a build step. Without a base
 * URL it answers with its usage line and exit status 2, which proves the whole chain up to the kit's own
 * argument parsing; conformance.test.ts runs the kit itself against the reference backend.
 */
test('npx relation-conformance runs the kit from the repository', () => {
  // npm_config_yes=false is npx --no: never fetch a package of that name from the registry instead. (The flag
  // itself would make npx read the kit's --token as its own option.)
  const env = { ...process.env, npm_config_yes: 'false' };
  const run = spawnSync('npx', ['relation-conformance', '--token', 'demo-anna'], { encoding: 'utf8', env, timeout: 60_000 });
  assert.equal(run.status, 2, run.stderr);
  assert.match(run.stderr, /^usage: .*--base-url URL --token T/);
});
