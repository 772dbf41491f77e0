import type { Context } from '../../context.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import { ValidationError } from '../../errors.ts';
import { keyListFilter, keyProjectsWith } from '../../authz/read-rules.ts';
import { DAY_MS, PERIOD_MS, retentionStart, USAGE_RETENTION_DAYS, type UsageGranularity } from './usage-buckets.ts';
import { USAGE_OUTCOMES, zeroCounts, type OutcomeCounts, type UsageOutcome } from './usage-outcomes.ts';

/**
 * An organization's usage across its keys, read from the hourly buckets: the overview (totals, top keys by calls and
 * by refusals) and the export (one row per key, period and outcome, keyset-paged). Both see only the keys whose usage
 * the caller reads (a key narrowed to projects: those projects' keys).
 */

/** A range of whole periods: [from, to). */
export type UsageWindow = { from: Date; to: Date };

/**
 * `from` rounded down and `to` (default: now) rounded up to whole periods (hours, or UTC days). Refuses, naming the
 * argument, a range that starts before the retention, ends before it starts, or spans more than the retention.
 */
export function usageWindow(from: Date, to: Date | null | undefined, granularity: UsageGranularity, now: Date): UsageWindow {
  const period = PERIOD_MS[granularity];
  const start = Math.floor(from.getTime() / period) * period;
  const end = Math.ceil((to ?? now).getTime() / period) * period;
  const kept = retentionStart(now);
  if (start < kept.getTime()) {
    throw ValidationError.field(['from'], `usage is kept for ${USAGE_RETENTION_DAYS} days: must be at or after ${kept.toISOString()}`);
  }
  if (end <= start) throw ValidationError.field(['to'], 'must be after `from`');
  if (end - start > USAGE_RETENTION_DAYS * DAY_MS) throw ValidationError.field(['to'], `the range may span at most ${USAGE_RETENTION_DAYS} days`);
  return { from: new Date(start), to: new Date(end) };
}

/** The organization's keys whose usage the caller reads (`k` is "ApiKey"). */
function visibleKeys(ctx: Context, organizationId: string): Prisma.Sql {
  const and = [Prisma.sql`k."organizationId" = ${organizationId}::uuid`];
  const principal = ctx.principal;
  if (principal?.kind === 'apiKey') {
    for (const projectIds of [keyListFilter(ctx, 'ApiKey')?.projectIds ?? null, keyProjectsWith(principal.key, 'usage:read')]) {
      if (projectIds) and.push(Prisma.sql`k."projectId" = ANY(${projectIds}::uuid[])`);
    }
  }
  return Prisma.join(and, ' AND ');
}

const inWindow = (w: UsageWindow) => Prisma.sql`b."bucketStart" >= ${w.from} AND b."bucketStart" < ${w.to}`;

/** One column per outcome: the calls of the group that ended so (constants only, no input). */
const OUTCOME_SUMS = Prisma.raw(USAGE_OUTCOMES.map((o) => `COALESCE(sum(b.count) FILTER (WHERE b.outcome = '${o}'), 0) AS "${o}"`).join(', '));
const REFUSED_SUM = Prisma.raw(`COALESCE(sum(b.count) FILTER (WHERE b.outcome <> 'SUCCESS'), 0)`);

type SumsRow = Record<UsageOutcome, bigint | number>;

function countsOf(row: SumsRow | undefined): OutcomeCounts {
  const counts = zeroCounts();
  if (row) for (const o of USAGE_OUTCOMES) counts[o] = Number(row[o]);
  return counts;
}

export async function usageTotals(ctx: Context, organizationId: string, w: UsageWindow): Promise<OutcomeCounts> {
  const [row] = await ctx.prisma.$queryRaw<SumsRow[]>`
    SELECT ${OUTCOME_SUMS} FROM "ApiKeyUsageBucket" b JOIN "ApiKey" k ON k.id = b."apiKeyId"
    WHERE ${visibleKeys(ctx, organizationId)} AND ${inWindow(w)}`;
  return countsOf(row);
}

export type KeyUsage = { apiKeyId: string; outcomes: OutcomeCounts };

/**
 * The `first` keys with the most calls (every outcome), or the most refusals (every outcome but SUCCESS; keys with
 * none are left out), in the window; ties by key id so that the order is stable.
 */
export async function topKeys(ctx: Context, organizationId: string, w: UsageWindow, by: 'calls' | 'refusals', first: number): Promise<KeyUsage[]> {
  if (first === 0) return [];
  const rows = await ctx.prisma.$queryRaw<(SumsRow & { id: string })[]>`
    SELECT b."apiKeyId" AS id, ${OUTCOME_SUMS}, sum(b.count) AS total, ${REFUSED_SUM} AS refused
    FROM "ApiKeyUsageBucket" b JOIN "ApiKey" k ON k.id = b."apiKeyId"
    WHERE ${visibleKeys(ctx, organizationId)} AND ${inWindow(w)}
    GROUP BY b."apiKeyId"
    HAVING ${by === 'refusals' ? Prisma.sql`${REFUSED_SUM} > 0` : Prisma.sql`sum(b.count) > 0`}
    ORDER BY ${by === 'refusals' ? Prisma.sql`refused DESC, total DESC` : Prisma.sql`total DESC`}, id
    LIMIT ${first}`;
  return rows.map((row) => ({ apiKeyId: row.id, outcomes: countsOf(row) }));
}

export type UsageExportRow = { apiKeyId: string; apiKeyName: string; start: Date; outcome: UsageOutcome; count: number };
type Position = { start: Date; apiKeyId: string; outcome: UsageOutcome };

/** Export cursors: opaque to clients, `base64url(JSON [granularity, start, key id, outcome])`. */
export function exportCursor(granularity: UsageGranularity, row: Position): string {
  return Buffer.from(JSON.stringify([granularity, row.start.toISOString(), row.apiKeyId, row.outcome])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function parseExportCursor(cursor: string, argument: 'after' | 'before', granularity: UsageGranularity): Position {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const invalid = () => ValidationError.field([argument], 'is not a cursor of this export: pass an `endCursor`/`startCursor` it returned');
  if (!Array.isArray(parsed) || parsed.length !== 4) throw invalid();
  const [g, start, apiKeyId, outcome] = parsed as unknown[];
  if (g !== granularity) throw ValidationError.field([argument], `belongs to an export by ${String(g)}: page with the same granularity`);
  const at = typeof start === 'string' ? new Date(start) : null;
  if (!at || Number.isNaN(at.getTime()) || typeof apiKeyId !== 'string' || !UUID.test(apiKeyId) || !USAGE_OUTCOMES.includes(outcome as UsageOutcome)) {
    throw invalid();
  }
  return { start: at, apiKeyId, outcome: outcome as UsageOutcome };
}

export type ExportPage = { after?: string; before?: string; limit: number; inverted: boolean };

/**
 * One page of the export, in (period start, key id, outcome) order (reversed when `inverted`): a keyset over the
 * grouped rows, so every row appears exactly once across pages whatever is flushed meanwhile into other periods.
 * Only non-zero rows exist.
 */
export async function exportPage(ctx: Context, organizationId: string, w: UsageWindow, granularity: UsageGranularity, page: ExportPage): Promise<UsageExportRow[]> {
  const period = granularity === 'DAY' ? Prisma.sql`date_trunc('day', b."bucketStart", 'UTC')` : Prisma.sql`b."bucketStart"`;
  const conditions: Prisma.Sql[] = [];
  if (page.after) {
    const p = parseExportCursor(page.after, 'after', granularity);
    conditions.push(Prisma.sql`(r.start, r.id, r.outcome) > (${p.start}::timestamptz, ${p.apiKeyId}::uuid, ${p.outcome}::"UsageOutcome")`);
  }
  if (page.before) {
    const p = parseExportCursor(page.before, 'before', granularity);
    conditions.push(Prisma.sql`(r.start, r.id, r.outcome) < (${p.start}::timestamptz, ${p.apiKeyId}::uuid, ${p.outcome}::"UsageOutcome")`);
  }
  const dir = Prisma.raw(page.inverted ? 'DESC' : 'ASC');
  const rows = await ctx.prisma.$queryRaw<{ start: Date; id: string; name: string; outcome: UsageOutcome; n: bigint }[]>`
    SELECT r.start, r.id, r.name, r.outcome, r.n FROM (
      SELECT ${period} AS start, b."apiKeyId" AS id, k.name, b.outcome, sum(b.count) AS n
      FROM "ApiKeyUsageBucket" b JOIN "ApiKey" k ON k.id = b."apiKeyId"
      WHERE ${visibleKeys(ctx, organizationId)} AND ${inWindow(w)}
      GROUP BY 1, 2, 3, 4
    ) r
    WHERE ${conditions.length ? Prisma.join(conditions, ' AND ') : Prisma.sql`TRUE`}
    ORDER BY r.start ${dir}, r.id ${dir}, r.outcome ${dir}
    LIMIT ${page.limit}`;
  return rows.map((r) => ({ apiKeyId: r.id, apiKeyName: r.name, start: r.start, outcome: r.outcome, count: Number(r.n) }));
}
