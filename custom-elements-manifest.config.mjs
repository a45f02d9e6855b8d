// custom-elements.json is generated from the elements' JSDoc (`npm run analyze`); a test fails when stale.
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  // package.json names the committed manifest; an analysis into another folder must not repoint it.
  packagejson: false,
};
