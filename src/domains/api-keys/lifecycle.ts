import { ValidationError } from '../../errors.ts';
import type { ApiKeyStatus, ExpiryPolicy } from '../../generated/prisma/enums.ts';

// Pure rules of a key's life: expiry policies, derived status, rotation grace. No I/O here.

export const POLICY_DAYS: Record<Exclude<ExpiryPolicy, 'NEVER' | 'CUSTOM'>, number> = {
  DAYS_7: 7,
  DAYS_30: 30,
  DAYS_60: 60,
  DAYS_90: 90,
};
const DAY_MS = 86_400_000;
/** A CUSTOM date must be at least this far ahead (a key that dies before it is copied helps nobody)… */
export const MIN_CUSTOM_LEAD_MS = 60_000;
/** …and at most this far (beyond it, NEVER says what is meant). */
export const MAX_CUSTOM_DAYS = 3650;
export const MAX_GRACE_SECONDS = 86_400;

export type ExpiryInput = { policy: ExpiryPolicy; expiresAt?: Date | null };

/** The expiry date of a key created at `now` under `expiry`, checked against the organization's maximum lifetime. */
export function computeExpiresAt(expiry: ExpiryInput, now: Date, maxLifetimeDays: number | null): Date | null {
  const path = ['input', 'expiry'];
  if (expiry.policy !== 'CUSTOM' && expiry.expiresAt != null) {
    throw ValidationError.field([...path, 'expiresAt'], 'is only allowed with the CUSTOM policy');
  }
  let expiresAt: Date | null;
  if (expiry.policy === 'NEVER') expiresAt = null;
  else if (expiry.policy === 'CUSTOM') {
    if (!expiry.expiresAt) throw ValidationError.field([...path, 'expiresAt'], 'is required with the CUSTOM policy');
    if (Number.isNaN(expiry.expiresAt.getTime())) throw ValidationError.field([...path, 'expiresAt'], 'is not a date');
    if (expiry.expiresAt.getTime() < now.getTime() + MIN_CUSTOM_LEAD_MS) {
      throw ValidationError.field([...path, 'expiresAt'], 'must be at least one minute in the future');
    }
    if (expiry.expiresAt.getTime() > now.getTime() + MAX_CUSTOM_DAYS * DAY_MS) {
      throw ValidationError.field([...path, 'expiresAt'], `must be within ${MAX_CUSTOM_DAYS} days`);
    }
    expiresAt = expiry.expiresAt;
  } else {
    expiresAt = new Date(now.getTime() + POLICY_DAYS[expiry.policy] * DAY_MS);
  }
  if (maxLifetimeDays != null) {
    const limit = now.getTime() + maxLifetimeDays * DAY_MS;
    if (expiresAt === null) {
      throw ValidationError.field([...path, 'policy'], `keys of this organization must expire within ${maxLifetimeDays} days`);
    }
    if (expiresAt.getTime() > limit) {
      throw ValidationError.field(
        [...path, expiry.policy === 'CUSTOM' ? 'expiresAt' : 'policy'],
        `exceeds the organization's maximum key lifetime of ${maxLifetimeDays} days`,
      );
    }
  }
  return expiresAt;
}

type KeyTimes = { status: ApiKeyStatus; expiresAt: Date | null; graceEndsAt: Date | null };

/** The instant after which the key no longer authenticates (expiry or end of a rotation grace), if any. */
export function validUntil(key: Pick<KeyTimes, 'expiresAt' | 'graceEndsAt'>): Date | null {
  const candidates = [key.expiresAt, key.graceEndsAt].filter((d): d is Date => d !== null);
  return candidates.length ? new Date(Math.min(...candidates.map((d) => d.getTime()))) : null;
}

export type DisplayStatus = ApiKeyStatus | 'EXPIRED';

/** REVOKED wins; otherwise a key past its validity is EXPIRED (valid one millisecond before, not at the instant). */
export function displayStatus(key: KeyTimes, now: Date): DisplayStatus {
  if (key.status === 'REVOKED') return 'REVOKED';
  const until = validUntil(key);
  if (until && now.getTime() >= until.getTime()) return 'EXPIRED';
  return key.status;
}

/** When a rotated key stops working: after the grace period, but never past its own original expiry. */
export function graceEnd(now: Date, graceSeconds: number, expiresAt: Date | null): Date {
  const end = new Date(now.getTime() + graceSeconds * 1000);
  return expiresAt && expiresAt.getTime() < end.getTime() ? expiresAt : end;
}

/**
 * Expiry of the successor made by rotation: the same policy, counted from now (CUSTOM keeps its date). If the
 * organization lowered its maximum lifetime since the key was made, its settings cannot be copied.
 */
export function successorExpiresAt(policy: ExpiryPolicy, expiresAt: Date | null, now: Date, maxLifetimeDays: number | null): Date | null {
  const successor = policy === 'NEVER' ? null : policy === 'CUSTOM' ? expiresAt : new Date(now.getTime() + POLICY_DAYS[policy] * DAY_MS);
  if (maxLifetimeDays != null && (successor === null || successor.getTime() > now.getTime() + maxLifetimeDays * DAY_MS)) {
    throw ValidationError.field(
      ['input', 'id'],
      `the key's expiry policy exceeds the organization's maximum key lifetime of ${maxLifetimeDays} days`,
    );
  }
  return successor;
}
