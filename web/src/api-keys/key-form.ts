import type { ExpiryPolicy, MemberRole } from '../gql/graphql.ts';
import type { RateLimit } from './limits.ts';

// What the create and edit dialogs share: the choices they offer and the shapes they pass around.

export const DAY = 86_400_000;

export const EXPIRY_OPTIONS: { value: ExpiryPolicy; label: string; days: number | null }[] = [
  { value: 'NEVER', label: 'No expiry', days: null },
  { value: 'DAYS_7', label: '7 days', days: 7 },
  { value: 'DAYS_30', label: '30 days', days: 30 },
  { value: 'DAYS_60', label: '60 days', days: 60 },
  { value: 'DAYS_90', label: '90 days', days: 90 },
  { value: 'CUSTOM', label: 'Custom date', days: null },
];

export type KeyOrg = {
  id: string;
  slug: string;
  maxKeyLifetimeDays: number | null;
  viewerRole?: MemberRole | null;
  /** What a new key's rate limits start as (the create dialog). */
  defaultKeyRateLimits?: RateLimit[];
};
export type KeyProject = { id: string; name: string; slug: string };
export type Option = { value: string; label: string };
export type ProjectAccessChoice = 'all' | 'selected';

/**
 * A new key expires in 90 days unless chosen otherwise: a forgotten key then stops by itself within a quarter, while a
 * long-lived integration is not rotated more often than people manage. Within a shorter organization limit, the
 * longest period it allows (or its last day).
 */
export function defaultExpiry(maxDays: number | null): ExpiryPolicy {
  const fitting = EXPIRY_OPTIONS.filter((o) => o.days != null && (maxDays == null || o.days <= maxDays)).sort((a, b) => b.days! - a.days!);
  return fitting[0]?.value ?? 'CUSTOM';
}
