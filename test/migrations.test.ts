import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openPGlite } from '../src/db/pglite.ts';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, migrationsDir } from '../src/db/migrations.ts';
import { createPGliteAdapter } from '../src/db/pglite-adapter.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';

type MigrationRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

const committed = fs
  .readdirSync(migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** The Prisma CLI's checksum: sha256 of migration.sql as committed. */
function checksumOf(migration: string): string {
  return createHash('sha256').update(fs.readFileSync(path.join(migrationsDir, migration, 'migration.sql'))).digest('hex');
}

function expectRecorded(rows: MigrationRow[]) {
  expect(rows.map((row) => row.migration_name).sort()).toEqual(committed);
  for (const row of rows) {
    expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(row.checksum).toBe(checksumOf(row.migration_name));
    expect(row.finished_at).not.toBeNull();
    expect(row.rolled_back_at).toBeNull();
  }
}

describe('applyMigrations on PGlite', () => {
  let pglite: PGlite;
  beforeAll(async () => {
    pglite = openPGlite();
    await pglite.waitReady;
  });
  afterAll(() => pglite.close());

  it('applies every committed migration once', async () => {
    expect(await applyMigrations({ kind: 'pglite', pglite })).toEqual(committed);
    expect(await applyMigrations({ kind: 'pglite', pglite })).toEqual([]);
  });

  it('records the migrations with sha256 checksums like the Prisma CLI', async () => {
    const { rows } = await pglite.query<MigrationRow>('SELECT * FROM _prisma_migrations');
    expectRecorded(rows);
  });

  it('serves a PrismaClient through the PGlite adapter', async () => {
    const prisma = new PrismaClient({ adapter: createPGliteAdapter(pglite) });
    try {
      const subject = `mig-${randomBytes(4).toString('hex')}`;
      const created = await prisma.user.create({ data: { subject, email: `${subject}@example.test` } });
      const read = await prisma.user.findUnique({ where: { subject } });
      expect(read).toMatchObject({ id: created.id, subject, email: `${subject}@example.test` });
    } finally {
      await prisma.$disconnect();
    }
    // Disposing the adapter must leave the caller's PGlite open.
    expect(pglite.closed).toBe(false);
  });
});

const databaseUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!databaseUrl)('applyMigrations on PostgreSQL', () => {
  const url = databaseUrl!;
  const schema = `mig_check_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  beforeAll(() => admin.connect());
  afterAll(async () => {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  });

  it('creates the schema and applies every committed migration once, inside it', async () => {
    expect(await applyMigrations({ kind: 'postgres', connectionString: url, schema })).toEqual(committed);
    expect(await applyMigrations({ kind: 'postgres', connectionString: url, schema })).toEqual([]);
    const { rows } = await admin.query<{ table_schema: string }>(
      `SELECT table_schema FROM information_schema.tables WHERE table_name IN ('User', '_prisma_migrations')
         AND table_schema = $1`,
      [schema],
    );
    expect(rows).toHaveLength(2);
  });

  it('records the migrations with sha256 checksums like the Prisma CLI', async () => {
    const { rows } = await admin.query<MigrationRow>(`SELECT * FROM "${schema}"._prisma_migrations`);
    expectRecorded(rows);
  });

  it('serves a PrismaClient in that schema', async () => {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 1 }, { schema }) });
    try {
      const subject = `mig-${randomBytes(4).toString('hex')}`;
      await prisma.user.create({ data: { subject } });
      const { rows } = await admin.query(`SELECT subject FROM "${schema}"."User" WHERE subject = $1`, [subject]);
      expect(rows).toEqual([{ subject }]);
    } finally {
      await prisma.$disconnect();
    }
  });
});
