import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents for the operations the tests send, generated from the committed contract. CI regenerates and
// fails when the committed output is stale (`npm run codegen:check`).
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['test/**/*.ts', '!test/generated/**'],
  ignoreNoDocuments: false,
  importExtension: '.ts',
  generates: {
    'test/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', JSON: 'unknown', SafeInt: 'number' },
        strictScalars: true,
      },
    },
  },
};

export default config;
