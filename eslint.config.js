import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'graph/target/**',
      '.data/**',
      'coverage/**',
      'apps/web/dist/**',
      'apps/web/src/gql/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', performance: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../../../libs/*', '../../libs/*'],
              message: 'Import libraries through @cartographer/* aliases.',
            },
          ],
        },
      ],
    },
  },
  {
    // The dashboard runs in the browser.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    plugins: reactHooks.configs.flat.recommended.plugins,
    rules: reactHooks.configs.flat.recommended.rules,
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        FormData: 'readonly',
        URLSearchParams: 'readonly',
        setTimeout: 'readonly',
      },
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@nestjs/graphql', message: 'Libraries know nothing of GraphQL: keep it in apps/.' }],
          patterns: [{ group: ['../../*/src/*'], message: 'Import other libraries through @cartographer/* aliases.' }],
        },
      ],
    },
  },
);
