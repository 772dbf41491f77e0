import type { CodegenConfig } from '@graphql-codegen/cli';

// The SDK's typed operations, generated from the committed contract (../../schema.graphql) as plain strings: the
// client posts them with `fetch`, no GraphQL client runtime. Committed; `npm run codegen:check` fails on drift.
const config: CodegenConfig = {
  schema: '../../schema.graphql',
  documents: ['src/operations.ts'],
  ignoreNoDocuments: false,
  importExtension: '.js',
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', JSON: 'unknown', SafeInt: 'number' },
        strictScalars: true,
      },
    },
  },
};

export default config;
