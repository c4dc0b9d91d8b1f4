/**
 * The layer rules of DESIGN.md ("Shape of the code"), checked by `npm run
 * check:layers` (part of `npm test`). Type-only imports count: a type is
 * knowledge too. No exceptions list: a rule that does not hold is fixed in the
 * code, or changed here together with DESIGN.md and docs/ARCHITECTURE.md.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'Modules that import each other (directly or round a circle) are one module in two files.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-entrypoints-below',
      comment: 'lib/ and components/ never import entrypoints/: entrypoints wire them, not the reverse.',
      severity: 'error',
      from: { path: '^(lib|components)/' },
      to: { path: '^entrypoints/' },
    },
    {
      name: 'components-no-database',
      comment: 'Components take records as props (lib/model); the database stays with the background and the pages that wire it.',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: '^lib/db/' },
    },
    {
      name: 'components-no-browser-apis',
      comment: 'Components are props in, callbacks out: no extension APIs (wxt/browser, chrome, WXT storage through #imports).',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: ['^#imports$', '(^|/)node_modules/(wxt|@wxt-dev/browser|@webext-core|webextension-polyfill|@types/chrome)/', '^(chrome|wxt/browser)$'] },
    },
    {
      name: 'analysis-is-pure',
      comment: 'lib/analysis is text in, Analysis out: it imports its own folder and the vocabulary layer only.',
      severity: 'error',
      from: { path: '^lib/analysis/' },
      to: { pathNot: '^lib/(analysis|model)/' },
    },
    {
      name: 'export-never-reads-db',
      comment: 'Export lays out plain data; what reads the database hands it over (lib/notebook/study-record.ts).',
      severity: 'error',
      from: { path: '^lib/export/' },
      to: { path: '^lib/db/' },
    },
    {
      name: 'model-imports-nothing-of-ours',
      comment: 'lib/model is the vocabulary every layer shares: it sits at the bottom.',
      severity: 'error',
      from: { path: '^lib/model/' },
      to: { path: '^(lib|components|entrypoints|scripts|tests|bench)/', pathNot: '^lib/model/' },
    },
  ],
  options: {
    // What ships: the extension's own code (tests, scripts and benches may reach anywhere).
    includeOnly: { path: ['^(lib|components|entrypoints)/', '^#imports$', '(^|/)node_modules/'] },
    doNotFollow: { path: ['(^|/)node_modules/', '^\\.wxt/'] },
    tsPreCompilationDeps: true,
    // WXT's generated tsconfig writes its paths relative to .wxt/; the checker reads them from the root.
    tsConfig: { fileName: '.dependency-cruiser.tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
