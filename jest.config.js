/** Jest transpiles with swc (fast); `tsc --noEmit` type-checks once in `npm test`. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: {
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
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  setupFiles: ['<rootDir>/test/helpers/catalogues.ts'],
  testTimeout: 60000,
  // Ends the run with a line naming the tests skipped because LibreOffice, Chromium or xmllint is missing.
  reporters: ['default', '<rootDir>/scripts/skipped-reporter.js'],
};
