// @ts-check
import tseslint from 'typescript-eslint';
import globals from 'globals';
import layers from './tools/eslint/layers.js';

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'playwright-report/**', 'bench/results/**', 'data/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    plugins: { atrium: layers },
    rules: {
      'atrium/layers': ['error', { root: import.meta.dirname }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Tests read loosely typed JSON answers; `any` there is the honest type.
    files: ['**/*.test.ts', '**/*.test.tsx', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // One write path: SQL only in the ledger, the projectors (which own their tables' reads
    // too), the storage commands (files and SQLite backups) and the key store's own database.
    files: ['main/hub/**/*.ts'],
    ignores: [
      '**/*.test.ts',
      'main/hub/ledger/**',
      'main/hub/storage/**',
      'main/hub/**/*projector.ts',
      'main/hub/personal/key-store.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name=/^(prepare|pragma|transaction)$/]", message: 'SQL belongs in main/hub/ledger/ or a projector module (*-projector.ts).' },
        { selector: "CallExpression[callee.property.name='exec'][arguments.0.type=/^(Literal|TemplateLiteral)$/]", message: 'SQL belongs in main/hub/ledger/ or a projector module (*-projector.ts).' },
      ],
    },
  },
  {
    // The specs take `test` from tests/e2e/test.ts, which closes the screens a test opened.
    files: ['tests/e2e/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: '@playwright/test', message: "Import from './test.js': its test closes the browser contexts a test opened." }] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
