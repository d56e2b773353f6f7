/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  // Every core: jest's default leaves one idle, and the suite waits on child processes half the time.
  maxWorkers: '100%',
  // Concurrent tests (the hostile workbooks, each an smvp process) two at a time: five at once on two
  // cores slowed the browser tests running beside them.
  maxConcurrency: 2,
  testSequencer: '<rootDir>/test/support/slow-first-sequencer.js',
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // Type-stripping only, as the build's own checks do the typing (`npm run typecheck`): swc turns the
  // suite's TypeScript into JavaScript in about a second where ts-jest took some 15 s of CPU on a clean
  // checkout. The options follow tsconfig.base.json: ES2020, CommonJS, React's automatic JSX runtime,
  // class fields assigned in the constructor as tsc does for that target.
  transform: {
    '^.+\\.tsx?$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2020', transform: { react: { runtime: 'automatic' }, useDefineForClassFields: false } },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  // office-addin-mock needs only the OfficeApp enum of office-addin-manifest, whose entry point pulls
  // ESM-only packages that jest's CommonJS runtime cannot load: point it at that enum's own module.
  moduleNameMapper: { '^office-addin-manifest$': '<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js' },
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
