import type { Clock } from '../../clock.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';

const WINDOW_MS = 60_000;

export type ThrottleVerdict = { limited: false } | { limited: true; retryAfterSeconds: number };

/**
 * Throttles failed API-key authentications that cost something (an argon2 verification, or a database read for an
 * unknown key id), per public key id and per client address, in one-minute windows stored in the database so that
 * every instance enforces the same budget. Unknown and existing key ids share the same treatment, so a 429 reveals
 * nothing about existence. Requests whose verdict is already known (cached) never reach this class: a flood against
 * a key cannot lock out its legitimate, already-verified users.
 */
export class AuthThrottle {
  constructor(
    private readonly limits: { failuresPerKeyPerMinute: number; failuresPerIpPerMinute: number },
    private readonly clock: Clock,
  ) {}

  private window(): { start: Date; retryAfterSeconds: number } {
    const now = this.clock.now().getTime();
    const start = now - (now % WINDOW_MS);
    return { start: new Date(start), retryAfterSeconds: Math.max(1, Math.ceil((start + WINDOW_MS - now) / 1000)) };
  }

  private buckets(publicId: string, ip: string | null): string[] {
    return ip ? [`key:${publicId}`, `ip:${ip}`] : [`key:${publicId}`];
  }

  /**
   * Takes one attempt from the budget of the key id and of the address, atomically in the database, before the
   * attempt costs anything: concurrent requests cannot all pass a check made before any of them is recorded. Over
   * budget, the attempt is handed back and the caller answers 429. A successful attempt is handed back by `release`.
   */
  async reserve(prisma: PrismaClient, publicId: string, ip: string | null): Promise<ThrottleVerdict & { release: () => Promise<void> }> {
    const { start, retryAfterSeconds } = this.window();
    const buckets = this.buckets(publicId, ip);
    // One single-row statement per bucket: a statement that locked both rows could deadlock with a concurrent one
    // taking them in the other order (one key id from many addresses).
    const rows = await Promise.all(
      buckets.map(async (bucket) => {
        const [row] = await prisma.$queryRaw<{ count: number }[]>`
          INSERT INTO "AuthFailureWindow" (bucket, "windowStart", count) VALUES (${bucket}, ${start}, 1)
          ON CONFLICT (bucket, "windowStart") DO UPDATE SET count = "AuthFailureWindow".count + 1
          RETURNING count`;
        return { bucket, count: row.count };
      }),
    );
    const release = async () => {
      await Promise.all(
        buckets.map(
          (bucket) => prisma.$executeRaw`
            UPDATE "AuthFailureWindow" SET count = count - 1 WHERE "windowStart" = ${start} AND bucket = ${bucket} AND count > 0`,
        ),
      );
    };
    const over = rows.some((r) =>
      r.bucket.startsWith('key:') ? r.count > this.limits.failuresPerKeyPerMinute : r.count > this.limits.failuresPerIpPerMinute,
    );
    if (!over) return { limited: false, release };
    await release();
    return { limited: true, retryAfterSeconds, release: async () => {} };
  }

  /** Drops windows that can no longer matter. */
  async prune(prisma: PrismaClient): Promise<void> {
    await prisma.authFailureWindow.deleteMany({ where: { windowStart: { lt: new Date(this.clock.now().getTime() - 10 * WINDOW_MS) } } });
  }
}
