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

  async check(prisma: PrismaClient, publicId: string, ip: string | null): Promise<ThrottleVerdict> {
    const { start, retryAfterSeconds } = this.window();
    const rows = await prisma.authFailureWindow.findMany({
      where: { windowStart: start, bucket: { in: this.buckets(publicId, ip) } },
    });
    const over = rows.some((r) =>
      r.bucket.startsWith('key:') ? r.count >= this.limits.failuresPerKeyPerMinute : r.count >= this.limits.failuresPerIpPerMinute,
    );
    return over ? { limited: true, retryAfterSeconds } : { limited: false };
  }

  async recordFailure(prisma: PrismaClient, publicId: string, ip: string | null): Promise<void> {
    const { start } = this.window();
    const buckets = this.buckets(publicId, ip);
    await prisma.$executeRaw`
      INSERT INTO "AuthFailureWindow" (bucket, "windowStart", count)
      SELECT b, ${start}, 1 FROM unnest(${buckets}::text[]) AS b
      ON CONFLICT (bucket, "windowStart") DO UPDATE SET count = "AuthFailureWindow".count + 1`;
  }

  /** Drops windows that can no longer matter. */
  async prune(prisma: PrismaClient): Promise<void> {
    await prisma.authFailureWindow.deleteMany({ where: { windowStart: { lt: new Date(this.clock.now().getTime() - 10 * WINDOW_MS) } } });
  }
}
