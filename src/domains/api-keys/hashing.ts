import { createHash } from 'node:crypto';
import argon2 from 'argon2';
import { LRUCache } from 'lru-cache';
import pLimit from 'p-limit';

/**
 * argon2id parameters, in one place (OWASP's minimum: m=19 MiB, t=2, p=1; ≈28 ms per hash here). Stored hashes
 * carry their own parameters, so raising these later only affects new keys.
 */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashKey(fullKey: string): Promise<string> {
  return argon2.hash(fullKey, ARGON2_OPTIONS);
}

export type VerifierStats = { argon2Verifications: number; cacheHits: number; inflightShared: number; refusedBusy: number; evictions: number };

/** Thrown instead of queueing when the argon2 queue is full: the caller answers "retry later". */
export class VerifierBusyError extends Error {
  override name = 'VerifierBusyError';
}

/**
 * Verifies full keys against stored argon2id hashes, paying argon2 at most once per (key, stored hash) per process.
 *
 * The cache is keyed by SHA-256(stored hash ‖ full key): an entry can only ever answer for the exact hash it was
 * verified against, so a rotated, recreated or deleted key can never match an old entry. The cache holds digests and
 * booleans, never a key. Key *state* (status, expiry, plan…) is not cached here: callers read it every request.
 * Concurrent first requests with the same key share one verification, and at most `maxConcurrency` argon2
 * verifications run at once so that a flood of wrong secrets cannot monopolise the CPU. The wait is bounded by time:
 * a verification that would start later than `maxWaitMs` from now (queue length × the measured time of one
 * verification ÷ concurrency) is refused (VerifierBusyError), as is one beyond `maxQueue` waiting, a memory bound.
 */
export class KeyVerifier {
  private readonly results: LRUCache<string, boolean>;
  private readonly inflight = new Map<string, Promise<boolean>>();
  private readonly limit: ReturnType<typeof pLimit>;
  readonly stats: VerifierStats = { argon2Verifications: 0, cacheHits: 0, inflightShared: 0, refusedBusy: 0, evictions: 0 };
  /** Verifications allowed in the system at once: running plus waiting. */
  private readonly capacity: number;
  private readonly maxWaitMs: number;
  private readonly concurrency: number;
  /** Moving average of one verification's duration, in ms. */
  private averageMs: number;

  /** `maxEntries`: verdicts remembered (KEY_VERDICT_CACHE_MAX_ENTRIES), least recently used dropped first. */
  constructor(options: { maxConcurrency: number; maxWaitMs?: number; maxQueue?: number; maxEntries?: number; initialEstimateMs?: number }) {
    this.concurrency = options.maxConcurrency;
    this.limit = pLimit(options.maxConcurrency);
    this.capacity = options.maxConcurrency + (options.maxQueue ?? 10_000);
    this.maxWaitMs = options.maxWaitMs ?? 10_000;
    this.averageMs = options.initialEstimateMs ?? 30;
    this.results = new LRUCache({
      max: options.maxEntries ?? 50_000,
      dispose: (_value, _key, reason) => {
        if (reason === 'evict') this.stats.evictions++;
      },
    });
  }

  /** When a verification admitted now would start, in ms from now (an estimate). */
  private expectedWaitMs(): number {
    return Math.floor((this.limit.activeCount + this.limit.pendingCount) / this.concurrency) * this.averageMs;
  }

  /** How many verifications are waiting for an argon2 slot (reported by /metrics). */
  get pending(): number {
    return this.limit.pendingCount;
  }

  private digest(storedHash: string, fullKey: string): string {
    return createHash('sha256').update(storedHash).update('\0').update(fullKey).digest('base64');
  }

  /** The verdict if this (hash, key) pair was verified before; undefined when verifying would cost argon2. */
  knownVerdict(storedHash: string, fullKey: string): boolean | undefined {
    return this.results.get(this.digest(storedHash, fullKey));
  }

  async verify(storedHash: string, fullKey: string): Promise<boolean> {
    const digest = this.digest(storedHash, fullKey);
    const cached = this.results.get(digest);
    if (cached !== undefined) {
      this.stats.cacheHits++;
      return cached;
    }
    const running = this.inflight.get(digest);
    if (running) {
      this.stats.inflightShared++;
      return running;
    }
    // A bounded wait: beyond it a flood would only pile up sockets and memory while every verdict came too late.
    if (this.limit.activeCount + this.limit.pendingCount >= this.capacity || this.expectedWaitMs() > this.maxWaitMs) {
      this.stats.refusedBusy++;
      throw new VerifierBusyError('too many key verifications waiting');
    }
    const verification = this.limit(async () => {
      this.stats.argon2Verifications++;
      const started = performance.now();
      try {
        return await argon2.verify(storedHash, fullKey);
      } catch {
        return false; // a malformed stored hash never authenticates
      } finally {
        this.averageMs = 0.8 * this.averageMs + 0.2 * (performance.now() - started);
      }
    })
      .then((ok) => {
        this.results.set(digest, ok);
        return ok;
      })
      .finally(() => this.inflight.delete(digest));
    this.inflight.set(digest, verification);
    return verification;
  }
}
