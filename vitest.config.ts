import os from 'node:os';
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
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core machine, which then runs the files
    // one by one on one core while the other waits. A file also spends much of its time waiting (server processes
    // starting, sockets, argon2 on libuv's threads), so at least two workers.
    maxWorkers: Math.max(2, os.availableParallelism()),
    // A worker runs its files one after another without reloading the modules: each file would otherwise import the
    // server, the schema and Prisma's client again (seconds each). Files share no state but what they close
    // (sharedApp forgets a closed app; vitest restores spies after each file) and, on PGlite, the worker's database
    // (test/support/app.ts), shared by tenant as the one PostgreSQL schema is.
    isolate: false,
  },
});
