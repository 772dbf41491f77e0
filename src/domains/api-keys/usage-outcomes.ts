import type { UsageOutcome } from '../../generated/prisma/enums.ts';

/**
 * How a call made with a known key ended: one outcome per HTTP call, counted in the usage buckets (usage-buckets.ts).
 *
 * - Admitted calls (the key authenticated, passed its allowlist and rate limits) end SUCCESS unless something in them
 *   was refused for the key's permissions (FORBIDDEN: a field's `@requiresPermission`, a typed `ForbiddenError`, a
 *   workflow outside its reach) or its quota (QUOTA_EXCEEDED). These three are what `usageCount`, `lastUsedAt` and a
 *   bucket's `count` have always counted.
 * - Refused calls never ran: RATE_LIMITED, IP_REFUSED, and, once the secret was verified, EXPIRED, REVOKED, INACTIVE;
 *   INVALID is a wrong secret for a key id that exists. A malformed key, an unknown id, a throttled guess or a plan
 *   without API access belongs to no key's counts.
 */
export const USAGE_OUTCOMES = [
  'SUCCESS',
  'RATE_LIMITED',
  'QUOTA_EXCEEDED',
  'FORBIDDEN',
  'IP_REFUSED',
  'EXPIRED',
  'REVOKED',
  'INACTIVE',
  'INVALID',
] as const satisfies readonly UsageOutcome[];

export type { UsageOutcome };

/** Outcomes of calls that were admitted (authenticated and within limits): what `usageCount` counts. */
export const ADMITTED_OUTCOMES: ReadonlySet<UsageOutcome> = new Set(['SUCCESS', 'FORBIDDEN', 'QUOTA_EXCEEDED']);

/** Counts by outcome, every outcome present. */
export type OutcomeCounts = Record<UsageOutcome, number>;

export function zeroCounts(): OutcomeCounts {
  return Object.fromEntries(USAGE_OUTCOMES.map((o) => [o, 0])) as OutcomeCounts;
}

/** Every call counted. */
export function totalOf(counts: OutcomeCounts): number {
  let n = 0;
  for (const o of USAGE_OUTCOMES) n += counts[o];
  return n;
}

/** Calls admitted: SUCCESS + FORBIDDEN + QUOTA_EXCEEDED (what a bucket's `count` and `usageCount` count). */
export function admittedOf(counts: OutcomeCounts): number {
  let n = 0;
  for (const o of ADMITTED_OUTCOMES) n += counts[o];
  return n;
}

/**
 * The outcome of an admitted call once a refusal was seen in it: a call in which several fields were refused counts
 * once, and QUOTA_EXCEEDED outranks FORBIDDEN (fields resolve in no fixed order, so the rank keeps the count
 * deterministic).
 */
export function withRefusal(current: UsageOutcome, refusal: 'FORBIDDEN' | 'QUOTA_EXCEEDED'): UsageOutcome {
  if (current === 'QUOTA_EXCEEDED' || refusal === 'QUOTA_EXCEEDED') return 'QUOTA_EXCEEDED';
  return 'FORBIDDEN';
}

/** One admitted call in progress: its outcome is settled when its response is sent (auth/api-key.ts). */
export type KeyCall = { keyId: string; at: Date; ip: string | null; outcome: UsageOutcome };

/** Marks the call of this request (a key's) as refused; nothing for a person's request. */
export function noteRefusal(call: KeyCall | undefined, refusal: 'FORBIDDEN' | 'QUOTA_EXCEEDED'): void {
  if (call) call.outcome = withRefusal(call.outcome, refusal);
}
