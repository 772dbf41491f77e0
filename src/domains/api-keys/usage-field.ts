import { resolveCursorConnection } from '@pothos/plugin-relay';
import { builder } from '../../graphql/builder.ts';
import { toGlobalId } from '../../graphql/ids.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../graphql/limit-rules.ts';
import { forbidden } from '../../http-errors.ts';
import { listsIn } from '../../authz/read-rules.ts';
import type { Context } from '../../context.ts';
import { OrganizationRef } from '../organizations/types.ts';
import { ApiKeyRef } from './types.ts';
import { MAX_USAGE_BUCKETS, readUsage, USAGE_RETENTION_DAYS, usageRange, type UsageBucket } from './usage-buckets.ts';
import { admittedOf, totalOf, USAGE_OUTCOMES, zeroCounts, type OutcomeCounts, type UsageOutcome } from './usage-outcomes.ts';
import { exportCursor, exportPage, topKeys, usageTotals, usageWindow, type KeyUsage, type UsageExportRow, type UsageWindow } from './usage-reports.ts';

const UsageGranularityEnum = builder.enumType('UsageGranularity', {
  description: 'The period of one usage bucket.',
  values: {
    HOUR: { description: `One hour. At most ${MAX_USAGE_BUCKETS.HOUR} buckets per call.` },
    DAY: { description: `One UTC day (00:00 to 24:00 UTC). At most ${MAX_USAGE_BUCKETS.DAY} buckets per call.` },
  },
});

const OUTCOME_DESCRIPTIONS: Record<UsageOutcome, string> = {
  SUCCESS: 'Admitted, and nothing in it was refused for a permission or the quota (a validation or not-found error still counts here).',
  RATE_LIMITED: 'Refused with 429: over one of the key\'s rate limits. Nothing ran.',
  QUOTA_EXCEEDED: "Admitted, but a trigger was refused for the key's quota (QuotaExceededError). Nothing was started.",
  FORBIDDEN: 'Admitted, but refused (in part) for a permission the key lacks: a FORBIDDEN error or a typed ForbiddenError.',
  IP_REFUSED: "Refused with 403: the address is not in the key's IP allowlist. Nothing ran.",
  EXPIRED: 'Refused with 401: the key (or its grace period after a rotation) had expired. Nothing ran.',
  REVOKED: 'Refused with 401: the key was revoked. Nothing ran.',
  INACTIVE: 'Refused with 401: the key was inactive. Nothing ran.',
  INVALID: "Refused with 401: a wrong secret for this key's id. Nothing ran.",
};

const UsageOutcomeEnum = builder.enumType('UsageOutcome', {
  description:
    'How a call made with a known key ended, counted once per HTTP call. SUCCESS, FORBIDDEN and QUOTA_EXCEEDED were admitted ' +
    '(`ApiKey.usageCount` counts them); the others were refused before anything ran. A malformed key, an unknown key id, a ' +
    'throttled guess or a plan without API access belongs to no key.',
  values: Object.fromEntries(USAGE_OUTCOMES.map((o) => [o, { description: OUTCOME_DESCRIPTIONS[o] }])) as Record<UsageOutcome, { description: string }>,
});

const camel = (o: UsageOutcome) => o.toLowerCase().replace(/_(\w)/g, (_, c: string) => c.toUpperCase());

const UsageOutcomeCountsRef = builder.objectRef<OutcomeCounts>('UsageOutcomeCounts').implement({
  description: 'Calls by outcome (see UsageOutcome: one field per value), with their sums.',
  fields: (t) => ({
    ...Object.fromEntries(
      USAGE_OUTCOMES.map((o) => [camel(o), t.field({ type: 'SafeInt', description: `${o}: ${OUTCOME_DESCRIPTIONS[o]}`, resolve: (c) => c[o] })]),
    ),
    admitted: t.field({ type: 'SafeInt', description: 'success + forbidden + quotaExceeded: the calls `usageCount` counts.', resolve: admittedOf }),
    refused: t.field({ type: 'SafeInt', description: 'Every call that did not end SUCCESS (total - success).', resolve: (c) => totalOf(c) - c.SUCCESS }),
    total: t.field({ type: 'SafeInt', description: 'Every call counted, whatever its outcome.', resolve: totalOf }),
  }),
});

const UsageBucketRef = builder.objectRef<UsageBucket>('UsageBucket').implement({
  description: 'Calls made with a key in one period.',
  fields: (t) => ({
    start: t.expose('start', { type: 'DateTime', description: 'The start of the period (the end is the next bucket\'s start).' }),
    count: t.expose('count', {
      type: 'SafeInt',
      description: 'Authenticated (admitted) calls made with the key in the period: `outcomes.admitted`. Refused calls are only in `outcomes`.',
    }),
    outcomes: t.expose('outcomes', { type: UsageOutcomeCountsRef, description: 'Every call of the period by how it ended.' }),
  }),
});

builder.prismaObjectFields(ApiKeyRef, (t) => {
  const args = {
    granularity: t.arg({ type: UsageGranularityEnum, required: true }),
    last: t.arg.int({
      required: true,
      description: `How many buckets: 1 to ${MAX_USAGE_BUCKETS.HOUR} for HOUR, 1 to ${MAX_USAGE_BUCKETS.DAY} for DAY.`,
    }),
    before: t.arg({
      type: 'DateTime',
      description:
        'The series ends with the latest period that starts before this instant. Default: now, so the current, still ' +
        'counting period is last. A period start ends the series with the period before it: `before: "2026-11-01T00:00:00Z"`, ' +
        '`last: 31`, DAY is October.',
    }),
  };
  return {
    usage: t.field({
      type: [UsageBucketRef],
      // Usage is its own permission: a key that reads keys does not read their traffic unless granted usage:read.
      authScopes: { permission: 'usage:read' },
      description:
        'Calls made with this key per hour or per UTC day: exactly `last` buckets, oldest first, zero where there were none; ' +
        'each with its calls by outcome. Counted like `usageCount` (exact across instances, written every USAGE_FLUSH_INTERVAL_MS, ' +
        `so the current period can lag by that much). Kept for ${USAGE_RETENTION_DAYS} days. A bad \`last\` or \`before\` is a ` +
        'BAD_USER_INPUT error naming it.',
      args,
      resolve: (key, args, ctx) => readUsage(ctx.prisma, key.id, usageRange(args.granularity, args.last, args.before, ctx.clock.now())),
    }),
    usageTotals: t.field({
      type: UsageOutcomeCountsRef,
      authScopes: { permission: 'usage:read' },
      description: 'The calls of `usage` with the same arguments, summed over the whole range, by outcome.',
      args,
      resolve: async (key, args, ctx) => {
        const buckets = await readUsage(ctx.prisma, key.id, usageRange(args.granularity, args.last, args.before, ctx.clock.now()));
        const sum = zeroCounts();
        for (const b of buckets) for (const o of USAGE_OUTCOMES) sum[o] += b.outcomes[o];
        return sum;
      },
    }),
  };
});

type Overview = { organizationId: string; window: UsageWindow };

const KeyUsageRef = builder.objectRef<KeyUsage>('KeyUsage').implement({
  description: "One key's calls over a usage overview's range.",
  fields: (t) => ({
    apiKey: t.field({
      type: ApiKeyRef,
      nullable: true,
      description: 'The key (null only if it was deleted since the overview was read).',
      resolve: (row, _args, ctx) => ctx.prisma.apiKey.findUnique({ where: { id: row.apiKeyId } }),
    }),
    outcomes: t.expose('outcomes', { type: UsageOutcomeCountsRef }),
  }),
});

const UsageOverviewRef = builder.objectRef<Overview>('UsageOverview').implement({
  description: "An organization's usage over a range of whole hours, across the keys whose usage the caller reads.",
  fields: (t) => {
    const top = (by: 'calls' | 'refusals', description: string) =>
      t.field({
        type: [KeyUsageRef],
        description: `${description} At most \`first\` (0 to ${MAX_PAGE_SIZE}, default 10); ties by key.`,
        args: { first: t.arg.int({ defaultValue: 10, description: `How many keys (0 to ${MAX_PAGE_SIZE}).` }) },
        resolve: (o, args, ctx) => topKeys(ctx, o.organizationId, o.window, by, args.first ?? 10),
      });
    return {
      from: t.field({ type: 'DateTime', description: 'The start of the range (`from` rounded down to the hour).', resolve: (o) => o.window.from }),
      to: t.field({ type: 'DateTime', description: 'The end of the range, excluded (`to` rounded up to the hour).', resolve: (o) => o.window.to }),
      totals: t.field({ type: UsageOutcomeCountsRef, description: 'Every counted call in the range, by outcome.', resolve: (o, _args, ctx) => usageTotals(ctx, o.organizationId, o.window) }),
      topKeysByCalls: top('calls', 'The keys with the most calls (every outcome), most first.'),
      topKeysByRefusals: top('refusals', 'The keys with the most refused calls (every outcome but SUCCESS), most first; keys without refusals are left out.'),
    };
  },
});

const UsageExportRowRef = builder.objectRef<UsageExportRow>('UsageExportRow').implement({
  description: "One key's calls with one outcome in one period (rows with no calls do not exist).",
  fields: (t) => ({
    apiKeyId: t.id({ description: 'Global id of the ApiKey.', resolve: (r) => toGlobalId('ApiKey', r.apiKeyId) }),
    apiKeyName: t.exposeString('apiKeyName', { description: "The key's name now." }),
    start: t.expose('start', { type: 'DateTime', description: 'The start of the hour, or of the UTC day.' }),
    outcome: t.field({ type: UsageOutcomeEnum, resolve: (r) => r.outcome }),
    count: t.expose('count', { type: 'SafeInt' }),
  }),
});

/** Reading an organization's usage needs `usage:read` (the field's scope) and reading its keys. */
async function readsUsage(ctx: Context, organizationId: string): Promise<void> {
  if (!(await listsIn(ctx, 'ApiKey', organizationId))) throw forbidden("Reading the organization's usage also needs `api_key:read`");
}

const windowArgs = {
  description:
    `A bad range is a BAD_USER_INPUT error naming \`from\` or \`to\`: it must start within the last ${USAGE_RETENTION_DAYS} days ` +
    `(the retention) and span at most ${USAGE_RETENTION_DAYS} days.`,
};

builder.prismaObjectFields(OrganizationRef, (t) => ({
  usageOverview: t.field({
    type: UsageOverviewRef,
    // Null, with a FORBIDDEN error, for a caller who reads the organization but not its keys (like `apiKeys`).
    nullable: true,
    authScopes: { permission: 'usage:read' },
    description: `The organization's usage over a range, for an overview: totals by outcome and the top keys by calls and by refusals. ${windowArgs.description}`,
    args: {
      from: t.arg({ type: 'DateTime', required: true, description: 'The start of the range (rounded down to the hour).' }),
      to: t.arg({ type: 'DateTime', description: 'The end of the range, excluded (rounded up to the hour). Default: now.' }),
    },
    resolve: async (org, args, ctx) => {
      await readsUsage(ctx, org.id);
      return { organizationId: org.id, window: usageWindow(args.from, args.to, 'HOUR', ctx.clock.now()) };
    },
  }),
  usageExport: t.connection(
    {
      type: UsageExportRowRef,
      nullable: true,
      authScopes: { permission: 'usage:read' },
      description:
        'Usage for BI tools: one row per key, period and outcome with calls, ordered by period, key, outcome; page with ' +
        `\`first\`/\`after\` (at most ${MAX_PAGE_SIZE} rows a page) until \`pageInfo.hasNextPage\` is false: every row comes exactly once. ` +
        windowArgs.description,
      args: {
        granularity: t.arg({ type: UsageGranularityEnum, required: true, description: 'Rows per hour, or per UTC day.' }),
        from: t.arg({ type: 'DateTime', required: true, description: 'The start of the range (rounded down to the period).' }),
        to: t.arg({ type: 'DateTime', description: 'The end of the range, excluded (rounded up to the period). Default: now.' }),
      },
      resolve: async (org, args, ctx) => {
        await readsUsage(ctx, org.id);
        const window = usageWindow(args.from, args.to, args.granularity, ctx.clock.now());
        return resolveCursorConnection<Promise<UsageExportRow[]>>(
          { args, defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE, toCursor: (row: UsageExportRow) => exportCursor(args.granularity, row) },
          (page) => exportPage(ctx, org.id, window, args.granularity, page),
        );
      },
    },
    { name: 'UsageExportConnection', description: 'A page of usage export rows.' },
    { name: 'UsageExportEdge', description: 'One usage export row and its cursor.' },
  ),
}));
