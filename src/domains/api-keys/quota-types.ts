import { builder } from '../../graphql/builder.ts';
import { ApiKeyRef } from './types.ts';
import { currentQuota, MAX_CREDITS, nextRefillAt, parseStoredQuota, type QuotaState } from './quota.ts';

// The GraphQL shape of a key's quota: the settings given at create and edit, and what is left now.

export const QuotaRefillIntervalEnum = builder.enumType('QuotaRefillInterval', {
  description: 'How often a quota refills, at 00:00 UTC.',
  values: {
    DAILY: { description: 'Every UTC day.' },
    MONTHLY: { description: 'Every month on `dayOfMonth` (the last day of a shorter month).' },
  },
});

export const QuotaRefillInput = builder.inputType('QuotaRefillInput', {
  description: 'How a quota refills: back to `amount` credits at 00:00 UTC, daily or monthly.',
  fields: (t) => ({
    amount: t.int({ required: true, description: `The credits a refill sets the quota to, 1 to ${MAX_CREDITS}.` }),
    interval: t.field({ type: QuotaRefillIntervalEnum, required: true }),
    dayOfMonth: t.int({ description: 'MONTHLY only (required there): 1 to 31.' }),
  }),
});

export const ApiKeyQuotaInput = builder.inputType('ApiKeyQuotaInput', {
  description: 'A quota of credits: each execution a trigger starts costs its `cost` (default 1); with too few left the trigger answers QuotaExceededError and starts nothing.',
  fields: (t) => ({
    remaining: t.int({ required: true, description: `Credits to start with (0 to ${MAX_CREDITS}).` }),
    refill: t.field({ type: QuotaRefillInput, description: 'Omit for credits that never refill.' }),
    lowThreshold: t.int({ description: '`api_key.quota_low` is sent when a trigger takes the credits to this or below (1 or more); omit for never.' }),
  }),
});

const QuotaRefillRef = builder.objectRef<NonNullable<QuotaState['refill']>>('QuotaRefill').implement({
  description: 'How a quota refills: back to `amount` credits at 00:00 UTC, daily or monthly on `dayOfMonth`.',
  fields: (t) => ({
    amount: t.exposeInt('amount'),
    interval: t.field({ type: QuotaRefillIntervalEnum, resolve: (r) => r.interval }),
    dayOfMonth: t.exposeInt('dayOfMonth', { nullable: true }),
  }),
});

const ApiKeyQuotaRef = builder.objectRef<QuotaState & { now: Date }>('ApiKeyQuota').implement({
  description: "A key's quota of credits, as of now (a refill due since the last trigger is counted).",
  fields: (t) => ({
    remaining: t.exposeInt('remaining'),
    refill: t.field({ type: QuotaRefillRef, nullable: true, resolve: (q) => q.refill }),
    lowThreshold: t.exposeInt('lowThreshold', { nullable: true }),
    lastRefillAt: t.field({ type: 'DateTime', description: 'The last refill, or when the quota was set.', resolve: (q) => q.refilledAt }),
    nextRefillAt: t.field({ type: 'DateTime', nullable: true, resolve: (q) => (q.refill ? new Date(nextRefillAt(q.refill, q.now.getTime())) : null) }),
  }),
});

builder.prismaObjectFields(ApiKeyRef, (t) => ({
  quota: t.field({
    type: ApiKeyQuotaRef,
    nullable: true,
    description: 'The credits triggers spend; null when the key has no quota.',
    select: { quota: true, quotaRemaining: true, quotaRefilledAt: true },
    resolve: (key, _args, ctx) => {
      const settings = parseStoredQuota(key.quota);
      if (!settings) return null;
      const now = ctx.clock.now();
      const state = currentQuota({ ...settings, remaining: Number(key.quotaRemaining ?? 0), refilledAt: key.quotaRefilledAt ?? new Date(0) }, now);
      return { ...state, now };
    },
  }),
}));
