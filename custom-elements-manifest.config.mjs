// custom-elements.json is generated from the elements' JSDoc (`npm run analyze`); a test fails when stale.
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  // package.json names the committed manifest; an analysis into another folder must not repoint it.
  packagejson: false,
  plugins: [
    {
      // The analyzer lists modules in the order its file walk finds them, which varies between runs: sort
      // them by path, so the committed manifest and a fresh analysis compare equal.
      name: 'modules-by-path',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      },
    },
  ],
};
