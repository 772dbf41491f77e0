import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { RateLimit } from './rate-limits.ts';

/**
 * Enforces keys' named rate limits across every instance on one database, without a database round trip per call.
 *
 * Each limit counts calls in fixed windows (`durationSeconds` long, aligned to the Unix epoch). The database row of a
 * (key, limit, window) holds how many calls all instances together have *asked* for; an instance asks for a lease of
 * `leaseSize(limit)` calls at a time with one additive upsert (`count = count + n RETURNING count`), which row-locks, so
 * the leases are serialised and each learns exactly what was left before it: it is granted
 * `min(n, limit - (count - n))`, never less than 0. It then admits that many calls locally, with no I/O, and asks again
 * only when they are used up. Once a lease comes back short, the window is spent for that instance: its calls are
 * refused locally (no I/O) until the window ends.
 *
 * The bound (SECURITY.md, "Rate limits and quotas"): the calls admitted in a window never exceed the limit, on any
 * number of instances (grants sum to at most the limit). The error is the other way: calls leased by one instance and
 * not used there before the window ends are lost to the others, so with N instances a key may be refused up to
 * N × (leaseSize − 1) calls before the limit (at most 5% of the limit per instance; 0 for limits up to 39, whose
 * leases are single calls). Fixed windows admit up to 2 × limit across a window boundary (the end of one and the
 * start of the next), the usual trade-off of fixed windows for state that is one counter per window.
 */
export type LimitStatus = { limit: RateLimit; remaining: number; resetSeconds: number };

export type RateDecision =
  | { allowed: true; statuses: LimitStatus[] }
  | { allowed: false; statuses: LimitStatus[]; blocking: LimitStatus; retryAfterSeconds: number };

/** Calls asked for per lease: a twentieth of the limit, from 1 to 1000. */
export function leaseSize(limit: number): number {
  return Math.max(1, Math.min(1000, Math.floor(limit / 20)));
}

type Slot = {
  windowStart: number;
  /** Calls leased to this instance and not yet admitted. */
  tokens: number;
  /** Calls asked for by every instance in the window, as of this instance's last lease. */
  asked: number;
  /** The last lease came back short: the database has nothing left in this window. */
  drained: boolean;
  pending: Promise<void> | null;
};

const NO_LIMITS: RateDecision = { allowed: true, statuses: [] };

export class RateLimiter {
  private readonly slots = new Map<string, Slot>();
  /** Leases asked of the database (for tests and metrics: the warm path must not grow this per call). */
  leases = 0;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly maxSlots = 100_000,
  ) {}

  /**
   * Admits one call of `keyId` against every limit, or refuses it without consuming any: synchronous while every
   * limit has leased calls left here (or is known spent), a promise when a lease must be asked of the database.
   */
  take(keyId: string, limits: readonly RateLimit[], now: Date): RateDecision | Promise<RateDecision> {
    if (!limits.length) return NO_LIMITS;
    const t = now.getTime();
    const slots = limits.map((l) => this.slot(keyId, l, t));
    const spent = slots.findIndex((s) => s.drained && s.tokens < 1);
    if (spent >= 0) return this.refuse(limits, slots, t, spent);
    const empty = slots.filter((s) => s.tokens < 1);
    if (empty.length) {
      return Promise.all(limits.map((l, i) => (slots[i].tokens < 1 ? this.lease(keyId, l, slots[i]) : undefined))).then(() =>
        // Others may have used the new calls meanwhile: decide again (each round either finds calls or drains a slot).
        this.take(keyId, limits, now),
      );
    }
    for (const s of slots) s.tokens--;
    return { allowed: true, statuses: limits.map((l, i) => status(l, slots[i], t)) };
  }

  private refuse(limits: readonly RateLimit[], slots: Slot[], t: number, first: number): RateDecision {
    const statuses = limits.map((l, i) => status(l, slots[i], t));
    // The call can pass only once every spent limit has a new window: wait for the latest of them.
    let blocking = statuses[first];
    for (const [i, s] of statuses.entries()) if (slots[i].drained && slots[i].tokens < 1 && s.resetSeconds > blocking.resetSeconds) blocking = s;
    return { allowed: false, statuses, blocking, retryAfterSeconds: blocking.resetSeconds };
  }

  private slot(keyId: string, l: RateLimit, t: number): Slot {
    const id = `${keyId}\0${l.name}\0${l.durationSeconds}\0${l.limit}`;
    const windowStart = Math.floor(t / (l.durationSeconds * 1000)) * l.durationSeconds * 1000;
    let slot = this.slots.get(id);
    if (!slot || slot.windowStart !== windowStart) {
      // A new window (the calls left of the last one are simply dropped), or a clock stepped back: start afresh.
      if (slot) this.slots.delete(id);
      else if (this.slots.size >= this.maxSlots) this.slots.delete(this.slots.keys().next().value!);
      slot = { windowStart, tokens: 0, asked: 0, drained: false, pending: null };
      this.slots.set(id, slot);
    }
    return slot;
  }

  /** One lease for the slot's window; concurrent calls that need one share it. */
  private lease(keyId: string, l: RateLimit, slot: Slot): Promise<void> {
    if (slot.pending) return slot.pending;
    const want = leaseSize(l.limit);
    this.leases++;
    slot.pending = this.prisma
      .$queryRaw<{ count: bigint }[]>`
        INSERT INTO "ApiKeyRateWindow" ("apiKeyId", "name", "windowStart", "count")
        VALUES (${keyId}::uuid, ${l.name}, ${new Date(slot.windowStart)}, ${want})
        ON CONFLICT ("apiKeyId", "name", "windowStart") DO UPDATE SET "count" = "ApiKeyRateWindow"."count" + EXCLUDED."count"
        RETURNING "count"`
      .then(([row]) => {
        const asked = Number(row.count);
        const granted = Math.max(0, Math.min(want, l.limit - (asked - want)));
        slot.tokens += granted;
        slot.asked = asked;
        if (granted < want) slot.drained = true;
      })
      .finally(() => {
        slot.pending = null;
      });
    return slot.pending;
  }

  /** Deletes windows that ended (the longest is a day), keeping a day more for clocks that differ a little. */
  prune(now: Date): Promise<{ count: number }> {
    return this.prisma.apiKeyRateWindow.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 2 * 86_400_000) } } });
  }
}

/** What is left of a limit as far as this instance knows: its own calls, plus what the database had at its last lease. */
function status(limit: RateLimit, slot: Slot, t: number): LimitStatus {
  const elsewhere = slot.drained ? 0 : Math.max(0, limit.limit - slot.asked);
  return {
    limit,
    remaining: Math.max(0, Math.min(limit.limit, slot.tokens + elsewhere)),
    resetSeconds: Math.max(1, Math.ceil((slot.windowStart + limit.durationSeconds * 1000 - t) / 1000)),
  };
}

/** The IETF draft fields (draft-ietf-httpapi-ratelimit-headers): the policies, and what is left of each. */
export function rateLimitHeaders(statuses: readonly LimitStatus[]): Record<string, string> {
  if (!statuses.length) return {};
  return {
    'RateLimit-Policy': statuses.map((s) => `"${s.limit.name}";q=${s.limit.limit};w=${s.limit.durationSeconds}`).join(', '),
    RateLimit: statuses.map((s) => `"${s.limit.name}";r=${s.remaining};t=${s.resetSeconds}`).join(', '),
  };
}
