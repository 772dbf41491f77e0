import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Node loads graphql's CommonJS entry for the plugins in node_modules; the sources must get the same instance
    // (Vite would otherwise pick index.mjs and graphql would see two realms).
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each test creates its own users and organization, so files and tests run in parallel on one database.
    fileParallelism: true,
  },
});
