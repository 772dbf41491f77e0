import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'src/generated/', 'test/generated/', '.data/', 'web/dist/', 'web/src/gql/', 'test-results/', 'packages/*/dist/', 'packages/sdk/src/gql/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly' } },
    rules: {
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  // Scripts, the benchmark and the tests print figures on purpose.
  { files: ['scripts/**', 'bench/**', 'test/**', 'web/scripts/**', 'web/e2e/**'], rules: { 'no-console': 'off' } },
  { files: ['web/**'], languageOptions: { globals: { window: 'readonly', document: 'readonly', location: 'readonly', history: 'readonly', fetch: 'readonly' } } },
);
