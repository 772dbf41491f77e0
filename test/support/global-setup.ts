import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { openPGlite } from '../../src/db/pglite.ts';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { applyMigrations } from '../../src/db/migrations.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    database: { kind: 'pglite'; dumpFile: string } | { kind: 'postgres'; url: string; schema: string };
  }
}

/**
 * Prepares one migrated database for the whole run. PGlite: migrate once and dump it; every test file loads the dump
 * (≈1 s instead of ≈4 s cold + migrations). PostgreSQL (TEST_DATABASE_URL): a fresh schema per run, dropped at the
 * end, so that a rerun never sees leftovers.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const schema = `test_${Date.now()}_${randomBytes(3).toString('hex')}`;
    await applyMigrations({ kind: 'postgres', connectionString: url, schema });
    project.provide('database', { kind: 'postgres', url, schema });
    return async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    };
  }
  const pglite = openPGlite();
  await applyMigrations({ kind: 'pglite', pglite });
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keysmith-test-'));
  const dumpFile = path.join(dir, 'migrated.tar');
  fs.writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
  project.provide('database', { kind: 'pglite', dumpFile });
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
