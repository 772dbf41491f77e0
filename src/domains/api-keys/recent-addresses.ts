import type { Logger } from 'pino';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { normalizeClientAddress } from './allowlist.ts';

/** How many distinct client addresses a key keeps (`ApiKey.lastUsedAddresses`). */
export const RECENT_ADDRESSES_KEPT = 5;

/**
 * The last distinct client addresses each key was used from, accumulated in memory and written with the usage
 * flush (never per request). Stored one row per (key, address) in `ApiKeyAddress`: an upsert keeps addresses
 * distinct and, with `GREATEST`, lets any number of instances merge their sightings in any order; a second statement
 * trims each touched key to the RECENT_ADDRESSES_KEPT most recent. Readers also take only that many, so a trim that
 * failed (retried at the next flush) is never visible. In memory each key holds at most that many addresses too.
 */
export class RecentAddresses {
  private pending = new Map<string, Map<string, Date>>();

  note(keyId: string, clientIp: string | null, at: Date): void {
    const address = normalizeClientAddress(clientIp);
    if (address === null) return;
    let seen = this.pending.get(keyId);
    if (!seen) this.pending.set(keyId, (seen = new Map()));
    const previous = seen.get(address);
    if (!previous || at > previous) seen.set(address, at);
    if (seen.size > RECENT_ADDRESSES_KEPT) {
      let oldest: [string, Date] | null = null;
      for (const entry of seen) if (!oldest || entry[1] < oldest[1]) oldest = entry;
      seen.delete(oldest![0]);
    }
  }

  /** Writes what was noted since the last flush. Never throws: a failed write is kept for the next flush. */
  async flush(prisma: PrismaClient, logger: Logger): Promise<void> {
    if (!this.pending.size) return;
    const batch = this.pending;
    this.pending = new Map();
    // Sorted, so that concurrent flushes of several instances lock rows in the same order.
    const rows = [...batch]
      .flatMap(([keyId, seen]) => [...seen].map(([address, at]) => ({ keyId, address, at })))
      .sort((a, b) => (a.keyId === b.keyId ? (a.address < b.address ? -1 : 1) : a.keyId < b.keyId ? -1 : 1));
    const keyIds = [...batch.keys()];
    try {
      // Deleted keys simply match no row.
      await prisma.$executeRaw`
        INSERT INTO "ApiKeyAddress" ("apiKeyId", address, "lastSeenAt")
        SELECT u.id, u.address, u.t
        FROM unnest(${rows.map((r) => r.keyId)}::uuid[], ${rows.map((r) => r.address)}::text[], ${rows.map((r) => r.at)}::timestamptz[])
          AS u(id, address, t)
        WHERE EXISTS (SELECT 1 FROM "ApiKey" k WHERE k.id = u.id)
        ON CONFLICT ("apiKeyId", address) DO UPDATE SET "lastSeenAt" = GREATEST("ApiKeyAddress"."lastSeenAt", EXCLUDED."lastSeenAt")`;
    } catch (error) {
      for (const { keyId, address, at } of rows) this.note(keyId, address, at);
      logger.warn({ err: error, keys: keyIds.length }, 'recent-address flush failed; will retry');
      return;
    }
    try {
      await prisma.$executeRaw`
        DELETE FROM "ApiKeyAddress" a
        USING (
          SELECT "apiKeyId", address,
                 row_number() OVER (PARTITION BY "apiKeyId" ORDER BY "lastSeenAt" DESC, address) AS n
          FROM "ApiKeyAddress" WHERE "apiKeyId" = ANY(${keyIds}::uuid[])
        ) ranked
        WHERE ranked.n > ${RECENT_ADDRESSES_KEPT} AND a."apiKeyId" = ranked."apiKeyId" AND a.address = ranked.address`;
    } catch (error) {
      logger.warn({ err: error, keys: keyIds.length }, 'trimming recent addresses failed; the next flush trims again');
    }
  }
}
