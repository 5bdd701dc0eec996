import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations from the committed server schema. The output (src/gql/) is committed: the build
 * needs no code generation, and `npm test` fails when it is stale (`npm run web:codegen -- --check`).
 */
const config: CodegenConfig = {
  schema: 'apps/api/schema.gql',
  documents: ['apps/web/src/**/*.ts', 'apps/web/src/**/*.tsx', '!apps/web/src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'apps/web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { enumsAsTypes: true, useTypeImports: true, scalars: { DateTime: 'string' } },
    },
  },
};

export default config;
