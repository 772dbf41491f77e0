import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { ValidationError } from '../../errors.ts';
import { admittedOf, zeroCounts, type OutcomeCounts, type UsageOutcome } from './usage-outcomes.ts';

/**
 * Calls per key per hour and outcome (`ApiKeyUsageBucket`, outcomes: usage-outcomes.ts), written by the usage flush (usage.ts) and read as hourly or daily
 * (UTC) series. Hours are the storage unit; a day is the sum of its 24 hours. Rows older than the retention are
 * pruned, so storage per key is bounded (at most 24 × USAGE_RETENTION_DAYS rows).
 */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export type UsageGranularity = 'HOUR' | 'DAY';
export const PERIOD_MS: Record<UsageGranularity, number> = { HOUR: HOUR_MS, DAY: DAY_MS };
/** The most buckets one `ApiKey.usage` call returns. */
export const MAX_USAGE_BUCKETS: Record<UsageGranularity, number> = { HOUR: 48, DAY: 90 };
/** Usage is kept for the current UTC day and the 89 before it: exactly the longest daily series. */
export const USAGE_RETENTION_DAYS = 90;

/** One period: `count` is the admitted calls (as it always was), `outcomes` every call by how it ended. */
export type UsageBucket = { start: Date; count: number; outcomes: OutcomeCounts };

/** Calls of one flush: `keyId hourStart outcome` → calls. */
export type HourCounts = Map<string, number>;

export function hourOf(at: Date): number {
  return Math.floor(at.getTime() / HOUR_MS) * HOUR_MS;
}

export function addToHour(counts: HourCounts, keyId: string, hour: number, outcome: UsageOutcome, n: number): void {
  const slot = `${keyId} ${hour} ${outcome}`;
  counts.set(slot, (counts.get(slot) ?? 0) + n);
}

/** Adds every count of `from` into `into` (a failed flush puts its counts back this way). */
export function mergeHours(into: HourCounts, from: HourCounts): void {
  for (const [slot, n] of from) into.set(slot, (into.get(slot) ?? 0) + n);
}

/**
 * The statement that adds a flush's counts to the stored hours, additively, so any number of instances add up
 * exactly. Rows go in a fixed order (key, hour, outcome) so that concurrent flushes lock them in the same order. Keys
 * deleted since their requests are skipped (the join), instead of failing the whole flush on the foreign key.
 * Outcomes travel as text[] and are cast per row: bound as a "UsageOutcome"[] parameter, PGlite refused them
 * ("malformed array literal") on a database its own process had just migrated, i.e. on every fresh `npm start`.
 */
export function addHourCounts(prisma: PrismaClient, counts: HourCounts): Prisma.PrismaPromise<number> {
  const rows = [...counts].map(([slot, n]) => {
    const [keyId, hour, outcome] = slot.split(' ');
    return { keyId, hour: Number(hour), outcome, n };
  });
  rows.sort((a, b) => (a.keyId < b.keyId ? -1 : a.keyId > b.keyId ? 1 : a.hour - b.hour || (a.outcome < b.outcome ? -1 : a.outcome > b.outcome ? 1 : 0)));
  return prisma.$executeRaw`
    INSERT INTO "ApiKeyUsageBucket" ("apiKeyId", "bucketStart", "outcome", "count")
    SELECT u.id, u.hour, u.outcome::"UsageOutcome", u.n
    FROM unnest(${rows.map((r) => r.keyId)}::uuid[], ${rows.map((r) => new Date(r.hour))}::timestamptz[], ${rows.map((r) => r.outcome)}::text[], ${rows.map((r) => r.n)}::bigint[])
      WITH ORDINALITY AS u(id, hour, outcome, n, i)
    JOIN "ApiKey" k ON k.id = u.id
    ORDER BY u.i
    ON CONFLICT ("apiKeyId", "bucketStart", "outcome") DO UPDATE SET "count" = "ApiKeyUsageBucket"."count" + EXCLUDED."count"`;
}

/** The oldest instant whose usage is kept: the start of the UTC day USAGE_RETENTION_DAYS - 1 days before `now`'s. */
export function retentionStart(now: Date): Date {
  return new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS - (USAGE_RETENTION_DAYS - 1) * DAY_MS);
}

/** Deletes the hours older than the retention. */
export function pruneHourCounts(prisma: PrismaClient, now: Date): Promise<{ count: number }> {
  return prisma.apiKeyUsageBucket.deleteMany({ where: { bucketStart: { lt: retentionStart(now) } } });
}

export type UsageRange = { granularity: UsageGranularity; start: number; period: number; buckets: number };

/**
 * The `last` periods ending with the latest one that starts before `before` (so `before` = now ends with the
 * current, still-counting period; `before` = a period's start ends with the period before it). Refuses more
 * buckets than MAX_USAGE_BUCKETS and ranges reaching back past the retention, naming the argument.
 */
export function usageRange(granularity: UsageGranularity, last: number, before: Date | null | undefined, now: Date): UsageRange {
  const max = MAX_USAGE_BUCKETS[granularity];
  if (!Number.isInteger(last) || last < 1 || last > max) {
    throw ValidationError.field(['last'], `must be from 1 to ${max} for ${granularity} buckets`);
  }
  const period = PERIOD_MS[granularity];
  const end = Math.ceil((before ?? now).getTime() / period) * period;
  const start = end - last * period;
  const kept = retentionStart(now);
  // Without `before`, even the longest series (90 days) starts exactly at the retention: only `before` can pass it.
  if (start < kept.getTime()) {
    throw ValidationError.field(['before'], `usage is kept for ${USAGE_RETENTION_DAYS} days: the range must start at or after ${kept.toISOString()}`);
  }
  return { granularity, start, period, buckets: last };
}

/** One bucket per period of the range, oldest first, with the stored hours summed in and zero where there are none. */
export function fillBuckets(range: UsageRange, hours: { bucketStart: Date; outcome: UsageOutcome; count: bigint | number }[]): UsageBucket[] {
  const outcomes = Array.from({ length: range.buckets }, zeroCounts);
  for (const row of hours) {
    const i = Math.floor((row.bucketStart.getTime() - range.start) / range.period);
    if (i >= 0 && i < range.buckets) outcomes[i][row.outcome] += Number(row.count);
  }
  return outcomes.map((counts, i) => ({ start: new Date(range.start + i * range.period), count: admittedOf(counts), outcomes: counts }));
}

export async function readUsage(prisma: PrismaClient, apiKeyId: string, range: UsageRange): Promise<UsageBucket[]> {
  const hours = await prisma.apiKeyUsageBucket.findMany({
    where: { apiKeyId, bucketStart: { gte: new Date(range.start), lt: new Date(range.start + range.buckets * range.period) } },
    select: { bucketStart: true, outcome: true, count: true },
  });
  return fillBuckets(range, hours);
}
