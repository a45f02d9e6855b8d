// custom-elements.json is generated from the elements' JSDoc (`npm run analyze`); a test fails when stale.
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
};
