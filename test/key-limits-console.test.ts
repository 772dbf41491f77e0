import { describe, expect, it } from 'vitest';
import {
  limitWords,
  newDraft,
  quotaChanged,
  quotaProblems,
  quotaWords,
  rateLimitProblems,
  sameRateLimits,
  splitDuration,
  toDraft,
  toQuotaDraft,
  toQuotaInput,
  toRateLimitInput,
  untilWords,
  type RateLimitDraft,
} from '../web/src/api-keys/limits.ts';
import { changeLines } from '../web/src/audit/changes.ts';
import { checkRateLimits } from '../src/domains/api-keys/rate-limits.ts';
import { checkQuota } from '../src/domains/api-keys/quota.ts';

// The console's rate-limit and quota fields (web/src/api-keys/limits.ts): the words shown, the checks made before
// sending (the same bounds as the server's: each case is also put to the server's own check), and what is sent. The
// browser test (web/e2e/rate-limits.spec.ts) goes through the dialogs against a server.

const draft = (name: string, limit: number | string, every: number | string, unit: RateLimitDraft['unit']): RateLimitDraft => ({ key: name, name, limit, every, unit });

describe('rate limits', () => {
  it('shows a limit in words in the largest whole unit', () => {
    expect(limitWords({ limit: 100, durationSeconds: 1 })).toBe('100 per second');
    expect(limitWords({ limit: 10_000, durationSeconds: 86_400 })).toBe('10,000 per day');
    expect(limitWords({ limit: 20, durationSeconds: 300 })).toBe('20 per 5 minutes');
    expect(limitWords({ limit: 1, durationSeconds: 90 })).toBe('1 per 90 seconds');
    expect(splitDuration(7_200)).toEqual({ every: 2, unit: 'hour' });
  });

  it('round-trips a stored limit through the fields unchanged', () => {
    const limits = [
      { name: 'burst', limit: 100, durationSeconds: 1 },
      { name: 'slow', limit: 7, durationSeconds: 5_400 },
    ];
    expect(toRateLimitInput(limits.map(toDraft))).toEqual(limits);
    expect(sameRateLimits(limits, [...limits].reverse())).toBe(true);
    expect(sameRateLimits(limits, [limits[0]])).toBe(false);
  });

  it('names each problem on its field, as the server would refuse it', () => {
    const rows = [draft('fast', 10, 1, 'second'), draft('FAST', 0, 2, 'day'), draft('-bad', 1.5, '', 'minute'), draft('ok', 5, 24, 'hour')];
    expect(rateLimitProblems(rows).rows).toEqual([
      {},
      { name: 'Another limit has this name.', limit: 'A whole number of calls from 1 to 1,000,000,000.', every: 'A period from 1 second to 1 day.' },
      { name: 'Use 1 to 32 letters, digits, “_”, “.” or “-”, starting with a letter or digit.', limit: 'A whole number of calls from 1 to 1,000,000,000.', every: 'A period from 1 second to 1 day.' },
      {},
    ]);
    // The rows found fine are fine to the server too, and each refused one is refused there.
    const plan = 'ENTERPRISE' as const;
    expect(() => checkRateLimits(toRateLimitInput([rows[0], rows[3]]), ['input', 'rateLimits'], plan)).not.toThrow();
    for (const bad of [rows[1], rows[2]]) expect(() => checkRateLimits(toRateLimitInput([rows[0], bad]), ['input', 'rateLimits'], plan)).toThrow();
  });

  it('adds rows with names not yet used', () => {
    const first = newDraft([]);
    const second = newDraft([first]);
    expect([first.name, second.name]).toEqual(['per-second', 'per-minute']);
    expect(toRateLimitInput([second])).toEqual([{ name: 'per-minute', limit: 100, durationSeconds: 60 }]);
  });
});

describe('quota', () => {
  const quota = { remaining: 500, lowThreshold: 50, nextRefillAt: '2027-01-01T00:00:00.000Z', refill: { amount: 1_000, interval: 'MONTHLY' as const, dayOfMonth: 1 } };

  it('sends what the fields say, and nothing for a key without quota', () => {
    expect(toQuotaInput(toQuotaDraft(quota))).toEqual({ remaining: 500, lowThreshold: 50, refill: { amount: 1_000, interval: 'MONTHLY', dayOfMonth: 1 } });
    expect(toQuotaInput({ ...toQuotaDraft(quota), refill: 'DAILY', lowThreshold: '' })).toEqual({ remaining: 500, refill: { amount: 1_000, interval: 'DAILY' } });
    expect(toQuotaInput({ ...toQuotaDraft(quota), refill: 'NONE' })).toEqual({ remaining: 500, lowThreshold: 50 });
    expect(toQuotaInput(toQuotaDraft(null))).toBeNull();
  });

  it('is changed only when a field says something else (an unchanged quota keeps its credits)', () => {
    expect(quotaChanged(toQuotaDraft(quota), quota)).toBe(false);
    expect(quotaChanged({ ...toQuotaDraft(quota), amount: 2_000 }, quota)).toBe(true);
    expect(quotaChanged({ ...toQuotaDraft(quota), enabled: false }, quota)).toBe(true);
    expect(quotaChanged(toQuotaDraft(null), null)).toBe(false);
  });

  it('names bad credits, refill and day, as the server would refuse them', () => {
    const bad = { ...toQuotaDraft(quota), remaining: -1, amount: 0, dayOfMonth: 32, lowThreshold: 0 };
    expect(Object.keys(quotaProblems(bad)).sort()).toEqual(['amount', 'dayOfMonth', 'lowThreshold', 'remaining']);
    expect(() => checkQuota(toQuotaInput(bad)!, ['input', 'quota'])).toThrow();
    expect(quotaProblems(toQuotaDraft(quota))).toEqual({});
    expect(() => checkQuota(toQuotaInput(toQuotaDraft(quota))!, ['input', 'quota'])).not.toThrow();
    // Off: nothing to check.
    expect(quotaProblems({ ...bad, enabled: false })).toEqual({});
  });

  it('says when it refills, from now, with the UTC date', () => {
    const now = Date.parse('2026-12-29T06:00:00Z');
    expect(untilWords('2027-01-01T00:00:00Z', now)).toBe('in 3 days, on 1 Jan 2027');
    expect(untilWords('2026-12-30T00:00:00Z', now)).toBe('in 18 hours, on 30 Dec');
    expect(untilWords('2026-12-29T06:40:00Z', now)).toBe('in 40 minutes, on 29 Dec');
  });
});

describe('the audit log', () => {
  it('shows rate limits and a quota in words, not as JSON', () => {
    const lines = changeLines({
      rateLimits: { from: [{ name: 'burst', limit: 100, durationSeconds: 1 }], to: [] },
      quota: { remaining: 500, refill: { amount: 1_000, interval: 'MONTHLY', dayOfMonth: 1 }, lowThreshold: 50 },
    });
    expect(lines.map((l) => [l.field, l.from?.text, l.to.text])).toEqual([
      ['rate limits', '100 per second (burst)', 'none'],
      ['quota', undefined, '500 credits, back to 1,000 credits every month on the 1st, at 00:00 UTC; warning at 50 credits'],
    ]);
    expect(quotaWords({ remaining: 1, refill: null, lowThreshold: null })).toBe('1 credit, no refill');
  });
});
