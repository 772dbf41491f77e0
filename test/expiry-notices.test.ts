import { describe, expect, it } from 'vitest';
import { dueNotice, EXPIRED_LOOKBACK_MS, type NoticeKey } from '../src/domains/api-keys/expiry-notices.ts';

// The pure rules of `api_key.expiring` / `api_key.expired`: which notice is due for a key at a given instant.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const t0 = new Date('2026-01-01T00:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

function key(overrides: Partial<NoticeKey> = {}): NoticeKey {
  return { status: 'ACTIVE', createdAt: t0, rotatedAt: null, expiresAt: at(90 * DAY), graceEndsAt: null, ...overrides };
}

/** The notice due at `ms` after t0, as `type warning`. */
function dueAt(k: NoticeKey, ms: number): string | null {
  const n = dueNotice(k, at(ms));
  return n ? `${n.type} ${n.reason} ${n.warning ?? '-'}` : null;
}

describe('warnings before a key expires', () => {
  it('a 90-day key: nothing until 30 days before, then the 30-day, 7-day and 1-day warnings, then expired', () => {
    const k = key();
    expect(dueAt(k, 0)).toBeNull();
    expect(dueAt(k, 60 * DAY - 1)).toBeNull();
    expect(dueAt(k, 60 * DAY)).toBe('api_key.expiring EXPIRY P30D');
    expect(dueAt(k, 83 * DAY - 1)).toBe('api_key.expiring EXPIRY P30D');
    expect(dueAt(k, 83 * DAY)).toBe('api_key.expiring EXPIRY P7D');
    expect(dueAt(k, 89 * DAY)).toBe('api_key.expiring EXPIRY P1D');
    expect(dueAt(k, 90 * DAY - 1)).toBe('api_key.expiring EXPIRY P1D');
    expect(dueAt(k, 90 * DAY)).toBe('api_key.expired EXPIRY -');
  });

  it('each notice has its own identity, tied to the instant the key stops working', () => {
    const k = key();
    const ids = [60, 83, 89, 90].map((d) => dueNotice(k, at(d * DAY))!.notice);
    expect(new Set(ids).size).toBe(4);
    expect(ids[0]).toBe(`EXPIRY:P30D:${at(90 * DAY).toISOString()}`);
    // The same warning, asked again later, is the same notice (sent once).
    expect(dueNotice(k, at(70 * DAY))!.notice).toBe(ids[0]);
    // A key whose expiry moved gets notices of its own.
    expect(dueNotice(key({ expiresAt: at(91 * DAY) }), at(61 * DAY))!.notice).not.toBe(ids[0]);
  });

  it('a key created with less time to live than a threshold never gets that warning', () => {
    const sevenDays = key({ expiresAt: at(7 * DAY) });
    expect(dueAt(sevenDays, 0)).toBeNull();
    expect(dueAt(sevenDays, 5 * DAY)).toBeNull();
    expect(dueAt(sevenDays, 6 * DAY)).toBe('api_key.expiring EXPIRY P1D');
    const thirtyDays = key({ expiresAt: at(30 * DAY) });
    expect(dueAt(thirtyDays, 0)).toBeNull();
    expect(dueAt(thirtyDays, 23 * DAY)).toBe('api_key.expiring EXPIRY P7D');
  });

  it('a missed warning is not sent late: after a gap, the nearest threshold reached is the one due', () => {
    expect(dueAt(key(), 88 * DAY)).toBe('api_key.expiring EXPIRY P7D');
    expect(dueAt(key(), 89 * DAY + HOUR)).toBe('api_key.expiring EXPIRY P1D');
  });

  it('expired is produced within the look-back only; never-expiring and revoked keys get nothing', () => {
    expect(dueAt(key(), 90 * DAY + EXPIRED_LOOKBACK_MS)).toBe('api_key.expired EXPIRY -');
    expect(dueAt(key(), 90 * DAY + EXPIRED_LOOKBACK_MS + 1)).toBeNull();
    expect(dueAt(key({ expiresAt: null }), 1000 * DAY)).toBeNull();
    expect(dueAt(key({ status: 'REVOKED' }), 60 * DAY)).toBeNull();
    expect(dueAt(key({ status: 'REVOKED' }), 90 * DAY)).toBeNull();
    // An inactive key still expires: its owner may turn it back on.
    expect(dueAt(key({ status: 'INACTIVE' }), 83 * DAY)).toBe('api_key.expiring EXPIRY P7D');
  });
});

describe('warnings before a rotation grace period ends', () => {
  const rotated = (graceMs: number, expiresAt: Date | null = null) =>
    key({ expiresAt, rotatedAt: at(10 * DAY), graceEndsAt: at(10 * DAY + graceMs) });

  it('a grace period longer than 1 h: one warning 1 h before it ends, then expired', () => {
    const k = rotated(2 * HOUR);
    expect(dueAt(k, 10 * DAY)).toBeNull();
    expect(dueAt(k, 10 * DAY + HOUR - 1)).toBeNull();
    expect(dueAt(k, 10 * DAY + HOUR)).toBe('api_key.expiring GRACE_END PT1H');
    expect(dueAt(k, 10 * DAY + 2 * HOUR)).toBe('api_key.expired GRACE_END -');
    expect(dueNotice(k, at(10 * DAY + HOUR))!.until).toEqual(at(10 * DAY + 2 * HOUR));
  });

  it('a grace period of 1 h or less: no warning, only expired', () => {
    const k = rotated(HOUR);
    expect(dueAt(k, 10 * DAY)).toBeNull();
    expect(dueAt(k, 10 * DAY + HOUR / 2)).toBeNull();
    expect(dueAt(k, 10 * DAY + HOUR)).toBe('api_key.expired GRACE_END -');
  });

  it('a grace period cut short by the key\'s own expiry counts as the expiry', () => {
    // graceEnd() never goes past expiresAt: the key simply expires then.
    const k = rotated(20 * HOUR, at(10 * DAY + 20 * HOUR));
    // The key's own 1-day warning, the same notice as before the rotation (so not sent again).
    expect(dueNotice(k, at(10 * DAY + 19 * HOUR))!.notice).toBe(dueNotice(key({ expiresAt: at(10 * DAY + 20 * HOUR) }), at(9 * DAY + 21 * HOUR))!.notice);
    expect(dueAt(k, 10 * DAY + 20 * HOUR)).toBe('api_key.expired EXPIRY -');
  });
});
