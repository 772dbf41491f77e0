import { ValidationError, type FieldIssue } from '../../errors.ts';
import type { Plan } from '../../generated/prisma/enums.ts';

/**
 * A key's named rate limits (`ApiKey.rateLimits`, `Organization.defaultKeyRateLimits`): at most `limit` calls per
 * fixed window of `durationSeconds`, counted by every instance together (rate-limiter.ts). This module is the one
 * place that says what a valid set of limits is; enforcement and storage use its types.
 */
export type RateLimit = { name: string; limit: number; durationSeconds: number };

export const MAX_RATE_LIMITS = 5;
export const MIN_DURATION_SECONDS = 1;
export const MAX_DURATION_SECONDS = 86_400;
export const MAX_LIMIT = 1_000_000_000;
/**
 * Names appear in the `RateLimit-Policy` and `RateLimit` headers as structured-field strings: a conservative alphabet
 * keeps them valid there and readable in logs.
 */
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;

/**
 * The fastest rate a plan lets any one limit allow (calls per second), or null for no cap. A plan caps what a key
 * may be given, and so what organization defaults may say; a key without limits stays unlimited on every plan.
 */
export function planMaxCallsPerSecond(plan: Plan): number | null {
  return plan === 'ENTERPRISE' ? null : 1_000;
}

/** Checks and normalizes limits given as input; `path` names the input field for errors. */
export function checkRateLimits(limits: readonly RateLimit[], path: string[], plan: Plan): RateLimit[] {
  const issues: FieldIssue[] = [];
  if (limits.length > MAX_RATE_LIMITS) issues.push({ path, message: `must list at most ${MAX_RATE_LIMITS} rate limits` });
  const seen = new Set<string>();
  const cap = planMaxCallsPerSecond(plan);
  limits.forEach((l, i) => {
    const at = (field: string) => [...path, String(i), field];
    if (!NAME.test(l.name)) {
      issues.push({ path: at('name'), message: 'must be 1 to 32 letters, digits, "_", "." or "-", starting with a letter or digit' });
    } else if (seen.has(l.name.toLowerCase())) {
      issues.push({ path: at('name'), message: `"${l.name}" is listed twice` });
    }
    seen.add(l.name.toLowerCase());
    if (!Number.isInteger(l.limit) || l.limit < 1 || l.limit > MAX_LIMIT) issues.push({ path: at('limit'), message: `must be a whole number from 1 to ${MAX_LIMIT}` });
    if (!Number.isInteger(l.durationSeconds) || l.durationSeconds < MIN_DURATION_SECONDS || l.durationSeconds > MAX_DURATION_SECONDS) {
      issues.push({ path: at('durationSeconds'), message: `must be a whole number of seconds from ${MIN_DURATION_SECONDS} (1 s) to ${MAX_DURATION_SECONDS} (1 day)` });
    } else if (cap !== null && Number.isInteger(l.limit) && l.limit / l.durationSeconds > cap) {
      // The plan in words: consoles show this message as it is, next to the limit.
      const planName = plan.charAt(0) + plan.slice(1).toLowerCase();
      issues.push({ path: at('limit'), message: `the ${planName} plan allows at most ${cap} calls per second in a limit (${cap * l.durationSeconds} per ${l.durationSeconds} s)` });
    }
  });
  if (issues.length) throw new ValidationError(issues);
  return limits.map((l) => ({ name: l.name, limit: l.limit, durationSeconds: l.durationSeconds }));
}

/** The stored JSON as limits; anything malformed is dropped (stored values were checked on the way in). */
export function parseStoredRateLimits(stored: unknown): RateLimit[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter(
    (l): l is RateLimit =>
      typeof l === 'object' && l !== null && typeof l.name === 'string' && Number.isInteger(l.limit) && Number.isInteger(l.durationSeconds) && l.limit > 0 && l.durationSeconds > 0,
  );
}

/** Same limits in another order are the same limits. */
export function sameRateLimits(a: readonly RateLimit[], b: readonly RateLimit[]): boolean {
  const key = (ls: readonly RateLimit[]) => JSON.stringify([...ls].map((l) => [l.name, l.limit, l.durationSeconds]).sort());
  return key(a) === key(b);
}

