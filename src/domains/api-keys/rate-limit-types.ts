import { builder } from '../../graphql/builder.ts';
import { MAX_DURATION_SECONDS, MAX_LIMIT, MAX_RATE_LIMITS, type RateLimit } from './rate-limits.ts';

// The GraphQL shape of rate limits, shared by keys (ApiKey.rateLimits, the create and update inputs) and organizations
// (their defaults). Values are checked by checkRateLimits (rate-limits.ts), which names each bad field.

export const RateLimitRef = builder.objectRef<RateLimit>('RateLimit').implement({
  description: 'At most `limit` calls per fixed window of `durationSeconds` (windows start at multiples of the duration since the Unix epoch, UTC).',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Names the limit in 429 answers and in the `RateLimit-Policy` / `RateLimit` headers.' }),
    limit: t.exposeInt('limit'),
    durationSeconds: t.exposeInt('durationSeconds'),
  }),
});

export const RateLimitInput = builder.inputType('RateLimitInput', {
  description: `One named rate limit. A key has at most ${MAX_RATE_LIMITS}; a call over any of them gets HTTP 429.`,
  fields: (t) => ({
    name: t.string({ required: true, description: '1 to 32 letters, digits, "_", "." or "-" (e.g. `per-second`, `daily`); unique within the key, ignoring case.' }),
    limit: t.int({ required: true, description: `Calls allowed per window, 1 to ${MAX_LIMIT} (the plan may allow fewer per second: TEAM at most 1000).` }),
    durationSeconds: t.int({ required: true, description: `The window, from 1 second to ${MAX_DURATION_SECONDS} (1 day).` }),
  }),
});
