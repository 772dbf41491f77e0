import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.ts';
import { as, execute, ok } from './support/client.ts';
import { dbId, newOrg, newProject } from './support/fixtures.ts';
import { projectKey } from './support/keys.ts';
import { ApiKeyNode, ApiKeyUsage, CurrentApiKey, DeleteApiKey } from './support/operations.ts';

/** The sum of the key's last 48 hourly buckets, through the API. */
async function hourlyTotal(own: TestApp, token: string, id: string): Promise<number> {
  const node = ok(await execute(own.app, ApiKeyUsage, { id, granularity: 'HOUR', last: 48 }, { token })).node;
  return node?.__typename === 'ApiKey' ? node.usage.reduce((n, b) => n + b.count, 0) : -1;
}

describe('usage counting when the database refuses a flush', () => {
  it('keeps the increments of a failed flush and writes them, with later ones, at the next flush', async () => {
    // Flushed only when the test says so.
    const own = await startTestApp({ env: { USAGE_FLUSH_INTERVAL_MS: '60000' } });
    const suffix = randomBytes(4).toString('hex');
    try {
      const org = await newOrg(own.app, { plan: 'TEAM' });
      const key = await projectKey(own.app, org.owner, (await newProject(own.app, org)).id);
      const keyId = dbId(key.apiKey.id);
      const call = async () => expect((await execute(own.app, CurrentApiKey, {}, { authorization: `Bearer ${key.secret}` })).status).toBe(200);
      const stored = async () => ok(await execute(own.app, ApiKeyNode, { id: key.apiKey.id }, { token: org.owner.token })).node;

      // A real database failure, for this key's row only: a trigger that refuses every update of it.
      await own.db.prisma.$executeRawUnsafe(
        `CREATE FUNCTION refuse_usage_${suffix}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`,
      );
      await own.db.prisma.$executeRawUnsafe(
        `CREATE TRIGGER refuse_usage_${suffix} BEFORE UPDATE ON "ApiKey" FOR EACH ROW WHEN (NEW.id = '${keyId}'::uuid) EXECUTE FUNCTION refuse_usage_${suffix}()`,
      );
      for (let i = 0; i < 5; i++) await call();
      expect(own.app.usage.pendingRequests).toBe(5);
      await own.app.usage.flush();
      expect(own.logs.some((l) => l.includes('usage flush failed'))).toBe(true);
      expect(own.app.usage.pendingRequests).toBe(5); // put back, not dropped
      expect(await stored()).toMatchObject({ usageCount: 0, lastUsedAt: null });

      for (let i = 0; i < 2; i++) await call();
      await own.db.prisma.$executeRawUnsafe(`DROP TRIGGER refuse_usage_${suffix} ON "ApiKey"`);
      await own.app.usage.flush();
      expect(own.app.usage.pendingRequests).toBe(0);
      const after = await stored();
      expect(after).toMatchObject({ usageCount: 7 });
      expect(after && 'lastUsedAt' in after && after.lastUsedAt).toBeTruthy();
      expect(await hourlyTotal(own, org.owner.token, key.apiKey.id)).toBe(7); // the buckets were put back too
    } finally {
      await own.db.prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS refuse_usage_${suffix} ON "ApiKey"`);
      await own.db.prisma.$executeRawUnsafe(`DROP FUNCTION IF EXISTS refuse_usage_${suffix}()`);
      await own.close();
    }
  });
});

describe('usage buckets when the database refuses them', () => {
  it('writes neither the count nor the buckets when the buckets fail, and both at the next flush', async () => {
    const own = await startTestApp({ env: { USAGE_FLUSH_INTERVAL_MS: '60000' } });
    const suffix = randomBytes(4).toString('hex');
    try {
      const org = await newOrg(own.app, { plan: 'TEAM' });
      const key = await projectKey(own.app, org.owner, (await newProject(own.app, org)).id);
      const keyId = dbId(key.apiKey.id);
      const call = async () => expect((await execute(own.app, CurrentApiKey, {}, { authorization: `Bearer ${key.secret}` })).status).toBe(200);
      const usageCount = async () => {
        const node = ok(await execute(own.app, ApiKeyNode, { id: key.apiKey.id }, { token: org.owner.token })).node;
        return node && 'usageCount' in node ? node.usageCount : -1;
      };

      // The bucket insert fails, after the count's update in the same flush has succeeded.
      await own.db.prisma.$executeRawUnsafe(
        `CREATE FUNCTION refuse_bucket_${suffix}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`,
      );
      await own.db.prisma.$executeRawUnsafe(
        `CREATE TRIGGER refuse_bucket_${suffix} BEFORE INSERT ON "ApiKeyUsageBucket" FOR EACH ROW WHEN (NEW."apiKeyId" = '${keyId}'::uuid) EXECUTE FUNCTION refuse_bucket_${suffix}()`,
      );
      for (let i = 0; i < 5; i++) await call();
      await own.app.usage.flush();
      expect(own.logs.some((l) => l.includes('usage flush failed'))).toBe(true);
      expect(own.app.usage.pendingRequests).toBe(5);
      expect(await usageCount()).toBe(0); // rolled back with the buckets: the two always agree
      expect(await hourlyTotal(own, org.owner.token, key.apiKey.id)).toBe(0);

      for (let i = 0; i < 2; i++) await call();
      await own.db.prisma.$executeRawUnsafe(`DROP TRIGGER refuse_bucket_${suffix} ON "ApiKeyUsageBucket"`);
      await own.app.usage.flush();
      expect(own.app.usage.pendingRequests).toBe(0);
      expect(await usageCount()).toBe(7);
      expect(await hourlyTotal(own, org.owner.token, key.apiKey.id)).toBe(7);
    } finally {
      await own.db.prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS refuse_bucket_${suffix} ON "ApiKeyUsageBucket"`);
      await own.db.prisma.$executeRawUnsafe(`DROP FUNCTION IF EXISTS refuse_bucket_${suffix}()`);
      await own.close();
    }
  });

  it('skips the buckets of a key deleted before the flush instead of failing it', async () => {
    const own = await startTestApp({ env: { USAGE_FLUSH_INTERVAL_MS: '60000' } });
    try {
      const org = await newOrg(own.app, { plan: 'TEAM' });
      const project = await newProject(own.app, org);
      const doomed = await projectKey(own.app, org.owner, project.id);
      const kept = await projectKey(own.app, org.owner, project.id);
      for (const key of [doomed, kept]) {
        expect((await execute(own.app, CurrentApiKey, {}, { authorization: `Bearer ${key.secret}` })).status).toBe(200);
      }
      as(ok(await execute(own.app, DeleteApiKey, { input: { id: doomed.apiKey.id } }, { token: org.owner.token })).deleteApiKey, 'DeleteApiKeyPayload');
      await own.app.usage.flush();
      expect(own.logs.some((l) => l.includes('usage flush failed'))).toBe(false);
      expect(own.app.usage.pendingRequests).toBe(0);
      expect(await hourlyTotal(own, org.owner.token, kept.apiKey.id)).toBe(1);
    } finally {
      await own.close();
    }
  });
});
