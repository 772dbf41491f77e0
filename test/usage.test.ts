import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startTestApp } from './support/app.ts';
import { execute, ok } from './support/client.ts';
import { dbId, newOrg, newProject } from './support/fixtures.ts';
import { projectKey } from './support/keys.ts';
import { ApiKeyNode, CurrentApiKey } from './support/operations.ts';

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
    } finally {
      await own.db.prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS refuse_usage_${suffix} ON "ApiKey"`);
      await own.db.prisma.$executeRawUnsafe(`DROP FUNCTION IF EXISTS refuse_usage_${suffix}()`);
      await own.close();
    }
  });
});
