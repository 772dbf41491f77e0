import type { Plugin } from 'graphql-yoga';
import { Counter, Gauge, Registry } from 'prom-client';
import type { KeyVerifier } from './domains/api-keys/hashing.ts';
import type { UsageTracker } from './domains/api-keys/usage.ts';

/** Prometheus metrics at GET /metrics (per instance; the benchmark reads argon2 figures from here). */
export function createMetrics(deps: { verifier: KeyVerifier; usage: UsageTracker }) {
  const registry = new Registry();
  new Gauge({
    name: 'keysmith_argon2_verifications_total',
    help: 'argon2id verifications run by this process (cache misses)',
    registers: [registry],
    collect() {
      this.set(deps.verifier.stats.argon2Verifications);
    },
  });
  new Gauge({
    name: 'keysmith_key_verification_cache_hits_total',
    help: 'key verifications answered from the digest cache',
    registers: [registry],
    collect() {
      this.set(deps.verifier.stats.cacheHits);
    },
  });
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
  const failures = new Counter({
    name: 'keysmith_api_key_auth_failures_total',
    help: 'API key authentication failures by reason',
    labelNames: ['reason'],
    registers: [registry],
  });

  const plugin: Plugin = {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== '/metrics') return;
      endResponse(new fetchAPI.Response(await registry.metrics(), { headers: { 'content-type': registry.contentType } }));
    },
  };

  return { registry, plugin, authFailure: (reason: string) => failures.inc({ reason }) };
}
