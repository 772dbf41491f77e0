import { describe, expect, it } from 'vitest';
import { createMetrics } from '../src/metrics.ts';

type Deps = Parameters<typeof createMetrics>[0];

/** What /metrics reads, as plain numbers a test can move. */
function fakeSources() {
  const verifier = { stats: { argon2Verifications: 0, cacheHits: 0, evictions: 0 }, pending: 0 };
  const keyStates = { stats: { hits: 0, invalidations: 0, evictions: 0 }, isLive: true };
  const usage = { pendingRequests: 0 };
  const timeSlicer = { pauses: 0 };
  const deps = { verifier, keyStates, usage, timeSlicer, token: 'metrics-token-for-tests' } as unknown as Deps;
  return { verifier, keyStates, usage, timeSlicer, metrics: createMetrics(deps) };
}

const sample = (text: string, name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1]);

describe('Prometheus metrics', () => {
  it('exposes running counts as counters that follow their source from scrape to scrape', async () => {
    const { verifier, keyStates, metrics } = fakeSources();
    verifier.stats.argon2Verifications = 3;
    keyStates.stats.invalidations = 2;
    const first = await metrics.registry.metrics();
    expect(first).toContain('# TYPE keysmith_argon2_verifications_total counter');
    expect(first).toContain('# TYPE keysmith_key_verification_cache_hits_total counter');
    expect(first).toContain('# TYPE keysmith_key_state_cache_hits_total counter');
    expect(first).toContain('# TYPE keysmith_key_state_invalidations_total counter');
    expect(first).toContain('# TYPE keysmith_graphql_time_slice_pauses_total counter');
    expect(first).toContain('# TYPE keysmith_key_state_cache_evictions_total counter');
    expect(first).toContain('# TYPE keysmith_key_verification_cache_evictions_total counter');
    expect(sample(first, 'keysmith_argon2_verifications_total')).toBe(3);
    expect(sample(first, 'keysmith_key_state_invalidations_total')).toBe(2);

    verifier.stats.argon2Verifications = 7;
    verifier.stats.cacheHits = 40;
    keyStates.stats.evictions = 5;
    verifier.stats.evictions = 2;
    const second = await metrics.registry.metrics();
    expect(sample(second, 'keysmith_argon2_verifications_total')).toBe(7);
    expect(sample(second, 'keysmith_key_verification_cache_hits_total')).toBe(40);
    expect(sample(second, 'keysmith_key_state_cache_evictions_total')).toBe(5);
    expect(sample(second, 'keysmith_key_verification_cache_evictions_total')).toBe(2);
    // Scraping again without new work adds nothing.
    expect(sample(await metrics.registry.metrics(), 'keysmith_argon2_verifications_total')).toBe(7);
  });

  it('names no gauge `_total` (Prometheus reserves the suffix for counters)', async () => {
    const text = await fakeSources().metrics.registry.metrics();
    const gauges = [...text.matchAll(/^# TYPE (\S+) gauge$/gm)].map((m) => m[1]);
    expect(gauges).toEqual(expect.arrayContaining(['keysmith_argon2_queue_length', 'keysmith_key_state_cache_live']));
    expect(gauges.filter((name) => name.endsWith('_total'))).toEqual([]);
  });
});
