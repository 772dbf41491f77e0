// Migrates one in-memory PGlite for the whole browser run and dumps it: every worker's API process (server.ts), and
// any further one a test starts, loads the dump instead of creating a database and applying every migration (≈7 s of
// CPU each on a loaded 2-core machine, where four workers start at once).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyMigrations } from '../../../src/db/migrations.ts';
import { openPGlite } from '../../../src/db/pglite.ts';

export const DUMP_ENV = 'KEYSMITH_E2E_DATABASE_DUMP';

export default async function globalSetup() {
  const pglite = openPGlite();
  await applyMigrations({ kind: 'pglite', pglite });
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keysmith-e2e-'));
  const file = path.join(dir, 'migrated.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  // Workers inherit the environment of this process (and pass it on to the API processes they start).
  process.env[DUMP_ENV] = file;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
