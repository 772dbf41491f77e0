// `npm run migrate`: applies the committed migrations to DATABASE_URL (PostgreSQL, in DATABASE_SCHEMA when set), or
// else to the PGlite data directory PGLITE_DATA_DIR (default .data/pglite under the project root).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { openPGlite } from '../src/db/pglite.ts';
import { lockDataDir, type DataDirLock } from '../src/db/data-dir-lock.ts';
import { applyMigrations, type MigrationTarget } from '../src/db/migrations.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  let target: MigrationTarget;
  let pglite: PGlite | undefined;
  let lock: DataDirLock | undefined;
  if (url) {
    const schema = process.env.DATABASE_SCHEMA || undefined;
    console.log(`migrating PostgreSQL${schema ? ` (schema ${schema})` : ''}`);
    target = { kind: 'postgres', connectionString: url, schema };
  } else {
    // Same resolution as src/config.ts: relative paths against the working directory, the default under the root.
    const dataDir = path.resolve(process.env.PGLITE_DATA_DIR ?? path.join(projectRoot, '.data', 'pglite'));
    if (process.env.PGLITE_DATA_DIR === 'memory') throw new Error('PGLITE_DATA_DIR=memory: nothing would persist');
    console.log(`migrating PGlite at ${path.relative(process.cwd(), dataDir) || '.'}`);
    // A running server holds this directory; a second process writing to it would lose writes (see data-dir-lock.ts).
    lock = lockDataDir(dataDir);
    pglite = openPGlite(dataDir);
    target = { kind: 'pglite', pglite };
  }
  try {
    const applied = await applyMigrations(target);
    if (applied.length === 0) console.log('already up to date');
    for (const name of applied) console.log(`applied ${name}`);
  } finally {
    await pglite?.close();
    lock?.release();
  }
}

try {
  await main();
  process.exit(0);
} catch (error) {
  // The engine's errors carry a wasm stack trace that says nothing useful: show it only when debugging.
  console.error(process.env.MIGRATE_DEBUG === '1' || !(error instanceof Error) ? error : error.message);
  process.exit(1);
}
