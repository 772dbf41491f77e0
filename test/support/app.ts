import fs from 'node:fs';
import { Writable } from 'node:stream';
import type { PGlite } from '@electric-sql/pglite';
import { openPGlite } from '../../src/db/pglite.ts';
import { inject } from 'vitest';
import { systemClock, type Clock } from '../../src/clock.ts';
import { loadConfig, type Config } from '../../src/config/config.ts';
import { openDatabase, pgliteDatabase, type Database } from '../../src/db/client.ts';
import { createLogger } from '../../src/logger.ts';
import { createApp, type App } from '../../src/server.ts';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

export type TestApp = {
  app: App;
  db: Database;
  config: Config;
  /** Every log line this app wrote (JSON strings). */
  logs: string[];
  close(): Promise<void>;
};

export function testConfig(overrides: NodeJS.ProcessEnv = {}): Config {
  // Test files share one PostgreSQL schema: an app delivers webhooks only when its test asks (WEBHOOKS_DELIVER), so
  // that no other file's app claims a test's deliveries.
  return loadConfig({ NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'info', PGLITE_DATA_DIR: 'memory', WEBHOOKS_DELIVER: 'false', ...overrides });
}

/** A new PGlite loaded from the run's migrated dump (≈ 2 s of CPU: 40 MB of data directory). */
async function loadMigratedPglite(dumpFile: string): Promise<PGlite> {
  const pglite = openPGlite(undefined, { loadDataDir: new Blob([fs.readFileSync(dumpFile)]) });
  await pglite.waitReady;
  return pglite;
}

/**
 * The PGlite of this worker, loaded once and shared by every file the worker runs (vitest.config.ts: isolate false),
 * as every file shares one schema on PostgreSQL: tests isolate by tenant, not by database. Loading it per file cost
 * ≈ 2 s of CPU each time, about a hundred times per run.
 */
let workerPglite: Promise<PGlite> | null = null;

/** Opens this run's test database (see global-setup.ts); closing it leaves the worker's PGlite open. */
export async function openTestDatabase(): Promise<Database> {
  const target = inject('database');
  if (target.kind === 'postgres') {
    return openDatabase({ kind: 'postgres', url: target.url, schema: target.schema });
  }
  workerPglite ??= loadMigratedPglite(target.dumpFile);
  let pglite = await workerPglite;
  if (pglite.closed) {
    workerPglite = loadMigratedPglite(target.dumpFile);
    pglite = await workerPglite;
  }
  return pgliteDatabase(pglite, { ownsPglite: false });
}

/**
 * A database of this test file's own, for tests that act on every row of a table (a delivery loop draining all due
 * webhooks): on PostgreSQL a separate schema, migrated here and dropped by `close`; on PGlite a PGlite of its own.
 */
export async function openIsolatedTestDatabase(name: string): Promise<{ db: Database; env: NodeJS.ProcessEnv | null; close(): Promise<void> }> {
  const target = inject('database');
  if (target.kind !== 'postgres') {
    const db = pgliteDatabase(await loadMigratedPglite(target.dumpFile));
    return { db, env: null, close: () => db.close() };
  }
  const schema = `${target.schema}_${name}`.slice(0, 63);
  const db = await openDatabase({ kind: 'postgres', url: target.url, schema });
  await db.migrate();
  return {
    db,
    /** For server processes on PostgreSQL (null on PGlite, whose in-memory database no other process can open). */
    env: { DATABASE_URL: target.url, DATABASE_SCHEMA: schema },
    close: async () => {
      await db.prisma.$executeRawUnsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await db.close();
    },
  };
}

export async function startTestApp(
  options: { clock?: Clock; env?: NodeJS.ProcessEnv; db?: Database } = {},
): Promise<TestApp> {
  const db = options.db ?? (await openTestDatabase());
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const config = testConfig(options.env);
  const logger = createLogger(config.logLevel, sink);
  const app = createApp({ config, db, logger, clock: options.clock ?? systemClock });
  return {
    app,
    db,
    config,
    logs,
    close: async () => {
      await app.stop();
      if (!options.db) await db.close();
    },
  };
}

let shared: Promise<TestApp> | null = null;

/**
 * One app per test file; tests inside share it and isolate by tenant. A worker runs several files one after another
 * without reloading modules (vitest.config.ts: isolate false), so closing the app forgets it: the next file that asks
 * gets a new one, never a closed one.
 */
export function sharedApp(): Promise<TestApp> {
  shared ??= startTestApp().then((t) => ({
    ...t,
    close: async () => {
      shared = null;
      await t.close();
    },
  }));
  return shared;
}
