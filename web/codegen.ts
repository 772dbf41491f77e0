import type { CodegenConfig } from '@graphql-codegen/cli';

// The console's typed documents, generated from the committed contract (../schema.graphql). Committed; CI regenerates
// and fails when they are stale (`npm run codegen:check`).
const config: CodegenConfig = {
  schema: '../schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
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
