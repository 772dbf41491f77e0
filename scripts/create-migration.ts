// `npm run migrate:create -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql from the difference
// between the committed migrations and prisma/schema.prisma (no database needed). Commit the new directory.
import path from 'node:path';
import { createMigration } from '../src/db/migrations.ts';

const name = process.argv[2];
if (!name || process.argv.length > 3) {
  console.error('usage: npm run migrate:create -- <name>');
  process.exit(2);
}

try {
  const directory = await createMigration(name);
  console.log(directory ? `created ${path.relative(process.cwd(), directory)}` : 'no changes');
  // Explicit exit: nothing should keep the process alive, but a migration tool must never hang.
  process.exit(0);
} catch (error) {
  // The engine's errors carry a wasm stack trace that says nothing useful: show it only when debugging.
  console.error(process.env.MIGRATE_DEBUG === '1' || !(error instanceof Error) ? error : error.message);
  process.exit(1);
}
