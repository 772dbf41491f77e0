import { ValidationError, type FieldIssue } from '../../errors.ts';

/**
 * A key's quota of credits (`ApiKey.quota`, `quotaRemaining`, `quotaRefilledAt`): each execution a trigger starts
 * costs `cost` credits (default 1); at too few the trigger is refused with QuotaExceededError and starts nothing. A
 * refill sets the credits back to `amount` every UTC day, or every month on `dayOfMonth` (the month's last day when it
 * has fewer days), at 00:00 UTC. Refills are applied lazily, when the quota is next read or charged.
 */
export type QuotaInterval = 'DAILY' | 'MONTHLY';
export type QuotaSettings = {
  refill: { amount: number; interval: QuotaInterval; dayOfMonth: number | null } | null;
  /** `api_key.quota_low` is sent when the credits fall to this or below (null: never). */
  lowThreshold: number | null;
};
export type QuotaState = QuotaSettings & { remaining: number; refilledAt: Date };

export const MAX_CREDITS = 1_000_000_000;
export const MAX_TRIGGER_COST = 1_000;
const DAY_MS = 86_400_000;

export type QuotaInput = {
  remaining: number;
  refill?: { amount: number; interval: QuotaInterval; dayOfMonth?: number | null } | null;
  lowThreshold?: number | null;
};

/** Checks a quota given as input; `path` names the input field for errors. */
export function checkQuota(input: QuotaInput, path: string[]): { settings: QuotaSettings; remaining: number } {
  const issues: FieldIssue[] = [];
  const credits = (value: number, field: string[], min: number) => {
    if (!Number.isInteger(value) || value < min || value > MAX_CREDITS) issues.push({ path: field, message: `must be a whole number from ${min} to ${MAX_CREDITS}` });
  };
  credits(input.remaining, [...path, 'remaining'], 0);
  const refill = input.refill ?? null;
  if (refill) {
    credits(refill.amount, [...path, 'refill', 'amount'], 1);
    const day = refill.dayOfMonth ?? null;
    if (refill.interval === 'MONTHLY') {
      if (day === null || !Number.isInteger(day) || day < 1 || day > 31) issues.push({ path: [...path, 'refill', 'dayOfMonth'], message: 'a monthly refill needs a day of the month from 1 to 31 (the last day of shorter months)' });
    } else if (day !== null) {
      issues.push({ path: [...path, 'refill', 'dayOfMonth'], message: 'only a MONTHLY refill takes a day of the month' });
    }
  }
  const threshold = input.lowThreshold ?? null;
  if (threshold !== null) credits(threshold, [...path, 'lowThreshold'], 1);
  if (issues.length) throw new ValidationError(issues);
  return {
    settings: { refill: refill && { amount: refill.amount, interval: refill.interval, dayOfMonth: refill.interval === 'MONTHLY' ? refill.dayOfMonth! : null }, lowThreshold: threshold },
    remaining: input.remaining,
  };
}

export function parseStoredQuota(stored: unknown): QuotaSettings | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const s = stored as Partial<QuotaSettings>;
  return { refill: s.refill ?? null, lowThreshold: s.lowThreshold ?? null };
}

/** 00:00 UTC on `day` of the month of (year, month), or the month's last day when it is shorter. */
function monthlyInstant(year: number, month: number, day: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(day, last));
}

/** The latest refill instant at or before `t` (ms). */
export function lastRefillAt(refill: NonNullable<QuotaSettings['refill']>, t: number): number {
  if (refill.interval === 'DAILY') return Math.floor(t / DAY_MS) * DAY_MS;
  const now = new Date(t);
  const thisMonth = monthlyInstant(now.getUTCFullYear(), now.getUTCMonth(), refill.dayOfMonth!);
  return thisMonth <= t ? thisMonth : monthlyInstant(now.getUTCFullYear(), now.getUTCMonth() - 1, refill.dayOfMonth!);
}

/** The first refill instant after `t` (ms). */
export function nextRefillAt(refill: NonNullable<QuotaSettings['refill']>, t: number): number {
  if (refill.interval === 'DAILY') return Math.floor(t / DAY_MS) * DAY_MS + DAY_MS;
  const now = new Date(t);
  const thisMonth = monthlyInstant(now.getUTCFullYear(), now.getUTCMonth(), refill.dayOfMonth!);
  return thisMonth > t ? thisMonth : monthlyInstant(now.getUTCFullYear(), now.getUTCMonth() + 1, refill.dayOfMonth!);
}

/** The quota as of `now`: refilled when a refill instant passed since the last one. */
export function currentQuota(state: QuotaState, now: Date): QuotaState {
  if (!state.refill) return state;
  const last = lastRefillAt(state.refill, now.getTime());
  if (last <= state.refilledAt.getTime()) return state;
  return { ...state, remaining: state.refill.amount, refilledAt: new Date(last) };
}

/** Which events a charge from `before` to `after` credits crosses into (each once per crossing). */
export function quotaEvents(before: number, after: number, lowThreshold: number | null): ('api_key.quota_low' | 'api_key.quota_exhausted')[] {
  if (after === 0 && before > 0) return ['api_key.quota_exhausted'];
  if (lowThreshold !== null && before > lowThreshold && after <= lowThreshold) return ['api_key.quota_low'];
  return [];
}

