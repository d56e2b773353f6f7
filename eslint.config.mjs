import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The engine's stages from the bottom up (src/engine/<stage>/). A stage imports only the stages before
// it, through their index; none imports the facade (src/engine/index.ts, analyse.ts, marks.ts) above them.
const ENGINE_STAGES = ['core', 'cells', 'rules', 'trees', 'sheets', 'reports', 'planning', 'scorecards'];
const ENGINE_FORBIDDEN_GLOBALS = ['window', 'document', 'Office', 'Excel', 'CustomFunctions', 'process'];
const ENGINE_FORBIDDEN_PACKAGES = {
  group: ['node:*', 'react*', '@fluentui/*', '@microsoft/*', 'exceljs'],
  message: 'The engine is pure TypeScript: only decimal.js from outside.',
};
const stageRules = ENGINE_STAGES.map((stage, i) => ({
  files: [`src/engine/${stage}/**/*.ts`],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [
        ENGINE_FORBIDDEN_PACKAGES,
        {
          regex: `^\\.\\./(${ENGINE_STAGES.slice(i + 1).concat('analyse', 'marks', 'index').join('|')})(/.*)?$|^\\.\\.$`,
          message: `${stage} may import only ${ENGINE_STAGES.slice(0, i).join(', ') || 'decimal.js'}: a later stage or the facade is above it.`,
        },
        { regex: `^\\.\\./(${ENGINE_STAGES.slice(0, i).join('|') || '-'})/`, message: 'Import another stage through its index.' },
      ],
    }],
  },
}));

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'coverage/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['*.config.js', 'test/support/*.js', 'bin/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Custom functions take whatever Excel hands them: `any` is their declared metadata type.
    files: ['src/functions/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...ENGINE_FORBIDDEN_GLOBALS],
      'no-restricted-imports': ['error', { patterns: [ENGINE_FORBIDDEN_PACKAGES] }],
    },
  },
  ...stageRules,
  {
    // The pane reaches Office only through src/office (test/requirement-sets.test.ts analyses that folder).
    files: ['src/taskpane/**/*.ts', 'src/taskpane/**/*.tsx'],
    rules: { 'no-restricted-globals': ['error', 'Office', 'Excel', 'OfficeRuntime', 'CustomFunctions'] },
  },
);
