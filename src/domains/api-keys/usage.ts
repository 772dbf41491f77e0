import type { Logger } from 'pino';
import { systemClock, type Clock } from '../../clock.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { RecentAddresses } from './recent-addresses.ts';
import { addHourCounts, addToHour, hourOf, HOUR_MS, mergeHours, pruneHourCounts, type HourCounts } from './usage-buckets.ts';
import { ADMITTED_OUTCOMES, type UsageOutcome } from './usage-outcomes.ts';

type Pending = { count: number; lastUsedAt: Date; lastIp: string | null };

/**
 * Exact usage counting without one UPDATE per request: each instance accumulates increments in memory and flushes
 * them in one statement every `intervalMs` (and on graceful shutdown). Increments are additive (`usageCount + n`),
 * so any number of instances sharing one database count exactly. A failed flush puts its increments back.
 * A crash loses at most the increments of the last interval on that instance.
 *
 * The same flush adds the calls per (key, hour of the call, outcome) to `ApiKeyUsageBucket` (usage-buckets.ts), in one
 * transaction with the counts, so `usageCount` and the admitted outcomes of the buckets always agree; at most once an
 * hour it also prunes hours older than the retention. Refused calls (usage-outcomes.ts) count only in the buckets:
 * `usageCount`, `lastUsedAt` and `lastUsedIp` stay about admitted calls.
 */
export class UsageTracker {
  private pending = new Map<string, Pending>();
  private pendingHours: HourCounts = new Map();
  private lastPrune = -Infinity;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  /** Each key's last distinct client addresses, written with every flush (see recent-addresses.ts). */
  private readonly addresses = new RecentAddresses();
  flushedRequests = 0;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly logger: Logger,
    private readonly intervalMs: number,
    private readonly clock: Clock = systemClock,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.flush(), this.intervalMs);
    this.timer.unref();
  }

  /** One call made with the key, counted under its outcome (`at`: when it arrived). No I/O. */
  record(keyId: string, at: Date, ip: string | null, outcome: UsageOutcome): void {
    addToHour(this.pendingHours, keyId, hourOf(at), outcome, 1);
    if (!ADMITTED_OUTCOMES.has(outcome)) return;
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
    await this.writeCounts();
    await this.pruneHourly();
  }

  private async writeCounts(): Promise<void> {
    if (!this.pendingHours.size) return;
    const batch = this.pending;
    const hours = this.pendingHours;
    this.pending = new Map();
    this.pendingHours = new Map();
    const ids = [...batch.keys()];
    const entries = [...batch.values()];
    try {
      await this.prisma.$transaction([
        this.prisma.$executeRaw`
        UPDATE "ApiKey" AS k
        SET "usageCount" = k."usageCount" + u.n,
            "lastUsedAt" = GREATEST(k."lastUsedAt", u.t),
            "lastUsedIp" = CASE WHEN k."lastUsedAt" IS NULL OR u.t >= k."lastUsedAt" THEN COALESCE(u.ip, k."lastUsedIp") ELSE k."lastUsedIp" END
        FROM unnest(${ids}::uuid[], ${entries.map((e) => e.count)}::bigint[], ${entries.map((e) => e.lastUsedAt)}::timestamptz[], ${entries.map((e) => e.lastIp)}::text[])
          AS u(id, n, t, ip)
        WHERE k.id = u.id`,
        addHourCounts(this.prisma, hours),
      ]);
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
      mergeHours(this.pendingHours, hours);
      this.logger.warn({ err: error, keys: ids.length }, 'usage flush failed; will retry');
    }
  }

  /**
   * Deletes hours past the retention, at most once an hour per instance (a failure is retried an hour later). A clock
   * stepped back counts as an hour gone too, so a step cannot stop pruning for its length.
   */
  private async pruneHourly(): Promise<void> {
    const now = this.clock.now();
    if (Math.abs(now.getTime() - this.lastPrune) < HOUR_MS) return;
    this.lastPrune = now.getTime();
    try {
      await pruneHourCounts(this.prisma, now);
    } catch (error) {
      this.logger.warn({ err: error }, 'usage bucket prune failed; will retry');
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }
}
