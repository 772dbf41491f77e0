import type { Logger } from 'pino';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { RecentAddresses } from './recent-addresses.ts';

type Pending = { count: number; lastUsedAt: Date; lastIp: string | null };

/**
 * Exact usage counting without one UPDATE per request: each instance accumulates increments in memory and flushes
 * them in one statement every `intervalMs` (and on graceful shutdown). Increments are additive (`usageCount + n`),
 * so any number of instances sharing one database count exactly. A failed flush puts its increments back.
 * A crash loses at most the increments of the last interval on that instance.
 */
export class UsageTracker {
  private pending = new Map<string, Pending>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  /** Each key's last distinct client addresses, written with every flush (see recent-addresses.ts). */
  private readonly addresses = new RecentAddresses();
  flushedRequests = 0;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly logger: Logger,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.flush(), this.intervalMs);
    this.timer.unref();
  }

  record(keyId: string, at: Date, ip: string | null): void {
    this.addresses.note(keyId, ip, at);
    const entry = this.pending.get(keyId);
    if (entry) {
      entry.count++;
      if (at >= entry.lastUsedAt) {
        entry.lastUsedAt = at;
        entry.lastIp = ip ?? entry.lastIp;
      }
    } else {
      this.pending.set(keyId, { count: 1, lastUsedAt: at, lastIp: ip });
    }
  }

  get pendingRequests(): number {
    let n = 0;
    for (const p of this.pending.values()) n += p.count;
    return n;
  }

  /** Writes everything accumulated so far. Flushes never overlap. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.flushOnce()).then(() => this.addresses.flush(this.prisma, this.logger));
    return this.flushing;
  }

  private async flushOnce(): Promise<void> {
    if (!this.pending.size) return;
    const batch = this.pending;
    this.pending = new Map();
    const ids = [...batch.keys()];
    const entries = [...batch.values()];
    try {
      await this.prisma.$executeRaw`
        UPDATE "ApiKey" AS k
        SET "usageCount" = k."usageCount" + u.n,
            "lastUsedAt" = GREATEST(k."lastUsedAt", u.t),
            "lastUsedIp" = CASE WHEN k."lastUsedAt" IS NULL OR u.t >= k."lastUsedAt" THEN COALESCE(u.ip, k."lastUsedIp") ELSE k."lastUsedIp" END
        FROM unnest(${ids}::uuid[], ${entries.map((e) => e.count)}::bigint[], ${entries.map((e) => e.lastUsedAt)}::timestamptz[], ${entries.map((e) => e.lastIp)}::text[])
          AS u(id, n, t, ip)
        WHERE k.id = u.id`;
      this.flushedRequests += entries.reduce((n, e) => n + e.count, 0);
    } catch (error) {
      // Put the increments back: they are retried on the next flush (deleted keys simply match no row).
      for (const [id, e] of batch) {
        const current = this.pending.get(id);
        if (current) {
          current.count += e.count;
          if (e.lastUsedAt > current.lastUsedAt) Object.assign(current, { lastUsedAt: e.lastUsedAt, lastIp: e.lastIp });
        } else this.pending.set(id, e);
      }
      this.logger.warn({ err: error, keys: ids.length }, 'usage flush failed; will retry');
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }
}
