import { createHash, timingSafeEqual } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import { Counter, Gauge, Registry } from 'prom-client';
import type { KeyVerifier } from './domains/api-keys/hashing.ts';
import type { KeyStateCache } from './domains/api-keys/key-state.ts';
import type { UsageTracker } from './domains/api-keys/usage.ts';
import type { TimeSlicer } from './lib/time-slice.ts';
import { onPathRequest } from './http-edge.ts';

/**
 * Prometheus metrics at GET /metrics (per instance; the benchmark reads argon2 figures from here).
 * Per-instance figures for operators. They describe other tenants' traffic (and would tell an outsider whether a key
 * id exists), so they are served only with `Authorization: Bearer <METRICS_TOKEN>`, and not at all without a token.
 */
export function createMetrics(deps: { verifier: KeyVerifier; usage: UsageTracker; keyStates: KeyStateCache; timeSlicer: TimeSlicer; token: string | null }) {
  const registry = new Registry();
  countedElsewhere(registry, 'keysmith_graphql_time_slice_pauses_total', 'resolvers sent to a later turn of the event loop because their request had used up its time slice', () => deps.timeSlicer.pauses);
  countedElsewhere(registry, 'keysmith_argon2_verifications_total', 'argon2id verifications run by this process (cache misses)', () => deps.verifier.stats.argon2Verifications);
  countedElsewhere(registry, 'keysmith_key_verification_cache_hits_total', 'key verifications answered from the digest cache', () => deps.verifier.stats.cacheHits);
  new Gauge({
    name: 'keysmith_argon2_queue_length',
    help: 'verifications waiting for an argon2 slot',
    registers: [registry],
    collect() {
      this.set(deps.verifier.pending);
    },
  });
  new Gauge({
    name: 'keysmith_usage_pending_requests',
    help: 'authenticated requests not yet flushed to usageCount',
    registers: [registry],
    collect() {
      this.set(deps.usage.pendingRequests);
    },
  });
  new Gauge({
    name: 'keysmith_key_state_cache_live',
    help: '1 while the key-state cache listens for invalidations (0: every request reads the database)',
    registers: [registry],
    collect() {
      this.set(deps.keyStates.isLive ? 1 : 0);
    },
  });
  countedElsewhere(registry, 'keysmith_key_state_cache_hits_total', 'key-state reads answered from the cache', () => deps.keyStates.stats.hits);
  countedElsewhere(registry, 'keysmith_key_state_cache_evictions_total', 'keys dropped from the key-state cache to stay within KEY_CACHE_MAX_ENTRIES', () => deps.keyStates.stats.evictions);
  countedElsewhere(registry, 'keysmith_key_verification_cache_evictions_total', 'argon2 verdicts dropped to stay within KEY_VERDICT_CACHE_MAX_ENTRIES', () => deps.verifier.stats.evictions);
  countedElsewhere(registry, 'keysmith_key_state_invalidations_total', 'key-state change notifications received', () => deps.keyStates.stats.invalidations);
  const failures = new Counter({
    name: 'keysmith_api_key_auth_failures_total',
    help: 'API key authentication failures: identity (every 401 alike), plan, throttled, address (outside the key IP allowlist), rate_limited (over one of the key\'s rate limits)',
    labelNames: ['reason'],
    registers: [registry],
  });

  // Digests of equal length whatever was sent: comparing them never throws (a header of the token's length in
  // characters but not in bytes made timingSafeEqual throw) and takes the same time for any guess.
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  const expected = deps.token === null ? null : digest(`Bearer ${deps.token}`);

  const plugin: Plugin = {
    onRequest: onPathRequest((pathname) => pathname === '/metrics', async ({ request, endResponse, fetchAPI }) => {
      const allowed = expected !== null && timingSafeEqual(digest(request.headers.get('authorization') ?? ''), expected);
      if (!allowed) return endResponse(new fetchAPI.Response('Not found', { status: 404 }));
      endResponse(new fetchAPI.Response(await registry.metrics(), { headers: { 'content-type': registry.contentType } }));
    }),
  };

  const authFailure = (failure: string) =>
    failures.inc({ reason: failure === 'plan' || failure === 'throttled' || failure === 'address' || failure === 'rate_limited' ? failure : 'identity' });
  return { registry, plugin, authFailure };
}

/**
 * A Prometheus counter for a running count its owner keeps (verifier, key-state cache): each scrape adds what was
 * counted since the previous one, so the series is typed `counter` and only ever goes up.
 */
function countedElsewhere(registry: Registry, name: string, help: string, read: () => number): void {
  let reported = 0;
  new Counter({
    name,
    help,
    registers: [registry],
    collect() {
      const now = read();
      if (now > reported) this.inc(now - reported);
      reported = Math.max(reported, now);
    },
  });
}
