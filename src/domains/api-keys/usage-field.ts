import { builder } from '../../graphql/builder.ts';
import { ApiKeyRef } from './types.ts';
import { MAX_USAGE_BUCKETS, readUsage, USAGE_RETENTION_DAYS, usageRange, type UsageBucket } from './usage-buckets.ts';

const UsageGranularityEnum = builder.enumType('UsageGranularity', {
  description: 'The period of one usage bucket.',
  values: {
    HOUR: { description: `One hour. At most ${MAX_USAGE_BUCKETS.HOUR} buckets per call.` },
    DAY: { description: `One UTC day (00:00 to 24:00 UTC). At most ${MAX_USAGE_BUCKETS.DAY} buckets per call.` },
  },
});

const UsageBucketRef = builder.objectRef<UsageBucket>('UsageBucket').implement({
  description: 'Requests made with a key in one period.',
  fields: (t) => ({
    start: t.expose('start', { type: 'DateTime', description: 'The start of the period (the end is the next bucket\'s start).' }),
    count: t.expose('count', { type: 'SafeInt', description: 'Authenticated requests made with the key in the period.' }),
  }),
});

builder.prismaObjectFields(ApiKeyRef, (t) => ({
  usage: t.field({
    type: [UsageBucketRef],
    // Usage is its own permission: a key that reads keys does not read their traffic unless granted usage:read.
    authScopes: { permission: 'usage:read' },
    description:
      'Requests made with this key per hour or per UTC day: exactly `last` buckets, oldest first, zero where there were none. ' +
      'Counted like `usageCount` (exact across instances, written every USAGE_FLUSH_INTERVAL_MS, so the current period ' +
      `can lag by that much). Kept for ${USAGE_RETENTION_DAYS} days. A bad \`last\` or \`before\` is a BAD_USER_INPUT error naming it.`,
    args: {
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
    },
    resolve: (key, args, ctx) => readUsage(ctx.prisma, key.id, usageRange(args.granularity, args.last, args.before, ctx.clock.now())),
  }),
}));
