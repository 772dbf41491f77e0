// The API process for the browser tests: the real server on a throwaway in-memory database, serving the built
// console. The test process talks to it over IPC only to seed bulk data straight into the database (10,000 keys
// through the API would cost 10,000 argon2 hashes).
import fs from 'node:fs';
import http from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import { loadConfig } from '../../../src/config/config.ts';
import { openDatabase, pgliteDatabase } from '../../../src/db/client.ts';
import { openPGlite } from '../../../src/db/pglite.ts';
import { createLogger } from '../../../src/logger.ts';
import { createApp } from '../../../src/server.ts';
import { DUMP_ENV } from './global-setup.ts';

// TRUST_PROXY: a test chooses the address its API-key calls come from with X-Forwarded-For (IP allowlists, recent
// addresses); requests without the header (the browser's) count as the socket peer, 127.0.0.1.
// Webhooks: this process delivers (one process, its own database), polling often, to receivers a test starts on
// loopback, which only WEBHOOKS_ALLOW_PRIVATE_ADDRESSES permits (NODE_ENV test also allows http).
const config = loadConfig({
  ...process.env,
  NODE_ENV: 'test',
  PGLITE_DATA_DIR: 'memory',
  JWT_SECRET: '',
  LOG_LEVEL: 'silent',
  USAGE_FLUSH_INTERVAL_MS: '100',
  PORT: '0',
  TRUST_PROXY: 'true',
  WEBHOOKS_DELIVER: 'true',
  WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: 'true',
  WEBHOOK_POLL_INTERVAL_MS: '100',
});
// The run's migrated database (support/global-setup.ts) when there is one; the server's own start-up otherwise.
const dump = process.env[DUMP_ENV];
const db = dump ? pgliteDatabase(openPGlite(undefined, { loadDataDir: new Blob([fs.readFileSync(dump)]) })) : await openDatabase(config.database);
await db.migrate(); // with the dump: nothing to apply, and the ANALYZE of every start-up
const app = createApp({ config, db, logger: createLogger('silent') });
const server = http.createServer(app.listener);
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send!({ type: 'listening', port: typeof address === 'object' && address ? address.port : 0 });
});

type SeedRequest =
  | { type: 'seedKeys'; id: number; slug: string; count: number }
  | { type: 'seedUsage'; id: number; keyId: string; hours: [hoursAgo: number, count: number, outcome?: string][] }
  | { type: 'seedFailingSince'; id: number; endpointId: string; hoursAgo: number };

process.on('message', async (message: SeedRequest) => {
  if (message.type === 'seedFailingSince') {
    // An endpoint whose attempts have all failed since then, as the delivery loop would have recorded it (days cannot
    // pass in a browser test); the loop's next failed attempt decides what follows.
    try {
      await db.prisma.$executeRaw`
        UPDATE "WebhookEndpoint" SET "failingSince" = now() - ${message.hoursAgo}::int * interval '1 hour', "lastFailedAt" = now() WHERE id = ${message.endpointId}::uuid`;
      process.send!({ type: 'seeded', id: message.id });
    } catch (error) {
      process.send!({ type: 'seeded', id: message.id, error: String(error) });
    }
    return;
  }
  if (message.type === 'seedUsage') {
    // Past usage of a key: the hourly buckets (and the total) a usage flush would have written back then.
    try {
      const hoursAgo = message.hours.map(([h]) => h);
      const counts = message.hours.map(([, n]) => n);
      const outcomes = message.hours.map(([, , outcome]) => outcome ?? 'SUCCESS');
      // `usageCount` counts the admitted calls only (UsageOutcome: SUCCESS, FORBIDDEN, QUOTA_EXCEEDED).
      const admitted = message.hours.reduce((sum, [, n, outcome]) => sum + (['SUCCESS', 'FORBIDDEN', 'QUOTA_EXCEEDED'].includes(outcome ?? 'SUCCESS') ? n : 0), 0);
      await db.prisma.$transaction([
        db.prisma.$executeRaw`
          INSERT INTO "ApiKeyUsageBucket" ("apiKeyId", "bucketStart", "outcome", "count")
          SELECT ${message.keyId}::uuid, date_trunc('hour', now()) - u.h * interval '1 hour', u.o::"UsageOutcome", u.n
          FROM unnest(${hoursAgo}::int[], ${counts}::bigint[], ${outcomes}::text[]) AS u(h, n, o)
          ON CONFLICT ("apiKeyId", "bucketStart", "outcome") DO UPDATE SET "count" = "ApiKeyUsageBucket"."count" + EXCLUDED."count"`,
        db.prisma.$executeRaw`UPDATE "ApiKey" SET "usageCount" = "usageCount" + ${admitted} WHERE id = ${message.keyId}::uuid`,
      ]);
      process.send!({ type: 'seeded', id: message.id });
    } catch (error) {
      process.send!({ type: 'seeded', id: message.id, error: String(error) });
    }
    return;
  }
  try {
    const org = await db.prisma.organization.findUniqueOrThrow({ where: { slug: message.slug }, include: { memberships: true } });
    const owner = org.memberships[0].userId;
    // The hash is of no key anyone holds: these rows exist to be listed, never to authenticate. One set-based
    // INSERT: seeding must not dominate the test.
    const hash = `$argon2id$v=19$m=19456,t=2,p=1$${randomBytes(16).toString('base64')}$${randomBytes(32).toString('base64')}`;
    await db.prisma.$executeRaw`
      INSERT INTO "ApiKey" (id, "organizationId", level, "allProjects", name, "ownerId", "createdById", grants, "expiryPolicy",
                            status, "publicId", "secretHash", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), ${org.id}::uuid, 'ORGANIZATION'::"ApiKeyLevel", true, 'seeded key ' || g, ${owner}::uuid, ${owner}::uuid,
             '[{"permission":"workflow:trigger","projectIds":null,"workflowIds":null}]'::jsonb, 'NEVER'::"ExpiryPolicy", 'ACTIVE'::"ApiKeyStatus",
             substr(md5(${randomUUID()} || g), 1, 12), ${hash}, now() - (${message.count}::int - g) * interval '1 second', now()
      FROM generate_series(0, ${message.count}::int - 1) AS g`;
    // What PostgreSQL's autovacuum does after a bulk insert (PGlite has none; the server analyzes at start-up).
    await db.prisma.$executeRaw`ANALYZE "ApiKey"`;
    process.send!({ type: 'seeded', id: message.id });
  } catch (error) {
    process.send!({ type: 'seeded', id: message.id, error: String(error) });
  }
});

process.on('SIGTERM', async () => {
  server.close();
  await app.stop();
  await db.close();
  process.exit(0);
});
