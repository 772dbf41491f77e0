import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.ts';
import type { Config } from '../config.ts';
import { applyMigrations } from './migrations.ts';
import { createPGliteAdapter } from './pglite-adapter.ts';

export type Database = {
  kind: 'pglite' | 'postgres';
  prisma: PrismaClient;
  /** Applies committed migrations that are not yet applied; returns their names. */
  migrate(): Promise<string[]>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
};

export async function openDatabase(config: Config['database']): Promise<Database> {
  if (config.kind === 'postgres') {
    const adapter = new PrismaPg(
      {
        connectionString: config.url,
        max: 10,
        connectionTimeoutMillis: 5000,
        // Raw SQL (auth hot path, locks, usage flush) must see the same schema as Prisma's generated queries.
        ...(config.schema ? { options: `-c search_path="${config.schema}"` } : {}),
      },
      config.schema ? { schema: config.schema } : undefined,
    );
    const prisma = new PrismaClient({ adapter });
    return {
      kind: 'postgres',
      prisma,
      migrate: () => applyMigrations({ kind: 'postgres', connectionString: config.url, schema: config.schema }),
      ping: async () => {
        await prisma.$queryRawUnsafe('SELECT 1');
      },
      close: () => prisma.$disconnect(),
    };
  }
  if (config.dataDir) fs.mkdirSync(config.dataDir, { recursive: true });
  const pglite = config.dataDir ? new PGlite(config.dataDir) : new PGlite();
  await pglite.waitReady;
  return pgliteDatabase(pglite);
}

/** Wraps an already open PGlite (tests share one migrated instance per worker). */
export function pgliteDatabase(pglite: PGlite, options: { ownsPglite?: boolean } = {}): Database {
  const prisma = new PrismaClient({ adapter: createPGliteAdapter(pglite) });
  return {
    kind: 'pglite',
    prisma,
    migrate: () => applyMigrations({ kind: 'pglite', pglite }),
    ping: async () => {
      if (pglite.closed) throw new Error('database closed');
      await pglite.query('SELECT 1');
    },
    close: async () => {
      await prisma.$disconnect();
      if (options.ownsPglite !== false && !pglite.closed) await pglite.close();
    },
  };
}
