/**
 * Jest transpiles with swc (fast); `tsc --noEmit` type-checks once in `npm test`.
 *
 * The tests in tiers (README, "Tests"), as projects: `npm run test:quick`
 * runs "quick" alone (`-- --onlyChanged` for what the changes touch); `npm
 * test` runs them all. A test file belongs to exactly one project.
 */
const transform = {
  // The task pane's React components (JSX with the automatic runtime, as webpack builds them).
  '^.+\\.tsx$': [
    '@swc/jest',
    {
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', tsx: true },
        transform: { react: { runtime: 'automatic' } },
      },
      module: { type: 'commonjs' },
    },
  ],
  '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
};

const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  setupFiles: ['<rootDir>/test/helpers/catalogues.ts'],
  testTimeout: 60000,
  setupFilesAfterEnv: ['<rootDir>/test/global/dom.ts'],
};

const TEST = '\\.test\\.tsx?$';

/** The quick tier (regular expressions of paths): pure units and the pane's components, no program spawned. */
const QUICK = [
  `/test/(core|i18n|excel-sim|taskpane|playground)/.*${TEST}`,
  // The reader; the writer's tests validate with xmllint or open LibreOffice.
  `/test/xlsx/(reader|reader-cells|limits|errors|fixtures|zlib)${TEST}`,
  `/test/excel/swap${TEST}`,
];

/** The tests that run the built command or bench (`dist/`): built once first when a source is newer. */
const DIST = [`/test/cli/(cli|language|consolidate-many|pipe)${TEST}`, `/test/excel/national${TEST}`];

/** The browser's: the add-in and the playground built once for all of them. */
const BROWSER = [`/test/e2e/.*${TEST}`];

module.exports = {
  testTimeout: 60000,
  // A worker per core: Jest's default (one less than the cores) runs a 2-core machine's tests one file at a time.
  maxWorkers: '100%',
  // Ends the run with a line naming the tests skipped because LibreOffice, Chromium or xmllint is missing.
  reporters: ['default', '<rootDir>/scripts/skipped-reporter.js'],
  projects: [
    { ...base, displayName: 'quick', testRegex: QUICK },
    {
      ...base,
      displayName: 'full',
      testPathIgnorePatterns: ['/node_modules/', ...QUICK, ...DIST, ...BROWSER],
    },
    {
      ...base,
      displayName: 'dist',
      testRegex: DIST,
      globalSetup: '<rootDir>/test/global/dist.ts',
    },
    {
      ...base,
      displayName: 'browser',
      testRegex: BROWSER,
      globalSetup: '<rootDir>/test/global/web.ts',
    },
  ],
};
