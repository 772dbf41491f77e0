import { defineConfig } from 'prisma/config';

// Prisma 7's CLI refuses to generate unless it believes a schema engine is present; generation needs none, and the
// native engine cannot be downloaded offline. Migrations run through the WebAssembly engine (scripts/migrate.ts).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= '/bin/false';
process.env.CHECKPOINT_DISABLE ??= '1';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
