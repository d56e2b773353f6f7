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
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  // office-addin-mock needs only the OfficeApp enum of office-addin-manifest, whose entry point pulls
  // ESM-only packages that jest's CommonJS runtime cannot load: point it at that enum's own module.
  moduleNameMapper: { '^office-addin-manifest$': '<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js' },
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
