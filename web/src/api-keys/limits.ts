import type { QuotaRefillInterval } from '../gql/graphql.ts';

// A key's rate limits and quota as the console edits and shows them: drafts for the dialogs' fields, the checks the
// server makes (said before sending, in the same words wherever possible), the inputs sent, and the words shown.
// The bounds repeat the API's documented ones (schema.graphql: RateLimitInput, ApiKeyQuotaInput); the server still
// decides, and its issues are shown on the same fields.

export type RateLimit = { name: string; limit: number; durationSeconds: number };
export type Quota = {
  remaining: number;
  lowThreshold?: number | null;
  nextRefillAt?: string | null;
  refill?: { amount: number; interval: QuotaRefillInterval; dayOfMonth?: number | null } | null;
};

export const MAX_RATE_LIMITS = 5;
export const MAX_DURATION_SECONDS = 86_400;
export const MAX_LIMIT = 1_000_000_000;
export const MAX_CREDITS = 1_000_000_000;
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;

export type DurationUnit = 'second' | 'minute' | 'hour' | 'day';
export const UNIT_SECONDS: Record<DurationUnit, number> = { second: 1, minute: 60, hour: 3_600, day: 86_400 };
export const UNIT_OPTIONS: { value: DurationUnit; label: string }[] = [
  { value: 'second', label: 'seconds' },
  { value: 'minute', label: 'minutes' },
  { value: 'hour', label: 'hours' },
  { value: 'day', label: 'days' },
];

/** One row of the "Rate limits" fields. Numbers are '' while the field is empty (Mantine's NumberInput). */
export type RateLimitDraft = { key: string; name: string; limit: number | string; every: number | string; unit: DurationUnit };

let rows = 0;
const rowKey = () => `limit-${++rows}`;

/** A duration in the largest unit it is a whole number of: 60 → 1 minute, 90 → 90 seconds. */
export function splitDuration(seconds: number): { every: number; unit: DurationUnit } {
  const unit = (['day', 'hour', 'minute'] as const).find((u) => seconds % UNIT_SECONDS[u] === 0) ?? 'second';
  return { every: seconds / UNIT_SECONDS[unit], unit };
}

export function toDraft(limit: RateLimit): RateLimitDraft {
  return { key: rowKey(), name: limit.name, limit: limit.limit, ...splitDuration(limit.durationSeconds) };
}

/** The row "Add a limit" appends: a name not yet used, 100 calls per second. */
export function newDraft(existing: readonly RateLimitDraft[]): RateLimitDraft {
  const taken = new Set(existing.map((d) => d.name.toLowerCase()));
  const name = ['per-second', 'per-minute', 'per-hour', 'per-day'].find((n) => !taken.has(n)) ?? `limit-${existing.length + 1}`;
  const unit = (name.startsWith('per-') ? name.slice(4) : 'second') as DurationUnit;
  return { key: rowKey(), name, limit: 100, every: 1, unit };
}

const whole = (value: number | string) => (typeof value === 'number' && Number.isInteger(value) ? value : null);

export function draftSeconds(draft: RateLimitDraft): number | null {
  const every = whole(draft.every);
  return every === null ? null : every * UNIT_SECONDS[draft.unit];
}

export type RateLimitProblems = { rows: { name?: string; limit?: string; every?: string }[] };

/**
 * What the server would refuse in these rows, in words: all but the plan's cap, which only the server knows (and the
 * number of rows, which "Add a limit" keeps within bounds).
 */
export function rateLimitProblems(drafts: readonly RateLimitDraft[]): RateLimitProblems {
  const seen = new Set<string>();
  const rows = drafts.map((d) => {
    const problems: RateLimitProblems['rows'][number] = {};
    const name = d.name.trim();
    if (!name) problems.name = 'Give the limit a name.';
    else if (!NAME.test(name)) problems.name = 'Use 1 to 32 letters, digits, “_”, “.” or “-”, starting with a letter or digit.';
    else if (seen.has(name.toLowerCase())) problems.name = 'Another limit has this name.';
    seen.add(name.toLowerCase());
    const limit = whole(d.limit);
    if (limit === null || limit < 1 || limit > MAX_LIMIT) problems.limit = `A whole number of calls from 1 to ${MAX_LIMIT.toLocaleString('en-US')}.`;
    const seconds = draftSeconds(d);
    if (seconds === null || seconds < 1 || seconds > MAX_DURATION_SECONDS) problems.every = 'A period from 1 second to 1 day.';
    return problems;
  });
  return { rows };
}

export function hasRateLimitProblems(problems: RateLimitProblems): boolean {
  return problems.rows.some((r) => Object.keys(r).length > 0);
}

/** The rows as the API's `RateLimitInput`s (call once `rateLimitProblems` finds nothing). */
export function toRateLimitInput(drafts: readonly RateLimitDraft[]): RateLimit[] {
  return drafts.map((d) => ({ name: d.name.trim(), limit: Number(d.limit), durationSeconds: draftSeconds(d) ?? 0 }));
}

/** Same limits in another order are the same limits (an unchanged list is not sent). */
export function sameRateLimits(a: readonly RateLimit[], b: readonly RateLimit[]): boolean {
  const key = (ls: readonly RateLimit[]) => JSON.stringify(ls.map((l) => [l.name, l.limit, l.durationSeconds]).sort());
  return key(a) === key(b);
}

const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, unit: string) => `${count(n)} ${unit}${n === 1 ? '' : 's'}`;

/** 1 → "second", 300 → "5 minutes", 90 → "90 seconds". */
export function periodWords(seconds: number): string {
  const { every, unit } = splitDuration(seconds);
  return every === 1 ? unit : plural(every, unit);
}

/** "100 per second", "10,000 per day". */
export function limitWords(limit: { limit: number; durationSeconds: number }): string {
  return `${count(limit.limit)} per ${periodWords(limit.durationSeconds)}`;
}

/** "100 per second (burst)": a limit with its name, as lists and the audit log show it. */
export function rateLimitWords(limit: RateLimit): string {
  return `${limitWords(limit)} (${limit.name})`;
}

/** "500 credits, back to 1,000 credits every month on the 1st, at 00:00 UTC; warning at 50 credits" (the audit log). */
export function quotaWords(quota: Quota): string {
  return [
    `${creditWords(quota.remaining)}${quota.refill ? `, ${refillWords(quota.refill).replace(/^Back/, 'back')}` : ', no refill'}`,
    ...(quota.lowThreshold != null ? [`warning at ${creditWords(quota.lowThreshold)}`] : []),
  ].join('; ');
}

/** The "Quota" fields. */
export type QuotaDraft = {
  enabled: boolean;
  remaining: number | string;
  refill: 'NONE' | QuotaRefillInterval;
  amount: number | string;
  dayOfMonth: number | string;
  lowThreshold: number | string;
};

export const REFILL_OPTIONS: { value: QuotaDraft['refill']; label: string }[] = [
  { value: 'NONE', label: 'Never' },
  { value: 'DAILY', label: 'Every day' },
  { value: 'MONTHLY', label: 'Every month' },
];

export function toQuotaDraft(quota: Quota | null | undefined): QuotaDraft {
  if (!quota) return { enabled: false, remaining: 1_000, refill: 'MONTHLY', amount: 1_000, dayOfMonth: 1, lowThreshold: '' };
  return {
    enabled: true,
    remaining: quota.remaining,
    refill: quota.refill?.interval ?? 'NONE',
    amount: quota.refill?.amount ?? quota.remaining,
    dayOfMonth: quota.refill?.dayOfMonth ?? 1,
    lowThreshold: quota.lowThreshold ?? '',
  };
}

export type QuotaProblems = Partial<Record<'remaining' | 'amount' | 'dayOfMonth' | 'lowThreshold', string>>;

const credits = (value: number | string, min: number) => {
  const n = whole(value);
  return n === null || n < min || n > MAX_CREDITS ? `A whole number of credits from ${count(min)} to ${count(MAX_CREDITS)}.` : undefined;
};

export function quotaProblems(draft: QuotaDraft): QuotaProblems {
  if (!draft.enabled) return {};
  const problems: QuotaProblems = {};
  const remaining = credits(draft.remaining, 0);
  if (remaining) problems.remaining = remaining;
  if (draft.refill !== 'NONE') {
    const amount = credits(draft.amount, 1);
    if (amount) problems.amount = amount;
  }
  if (draft.refill === 'MONTHLY') {
    const day = whole(draft.dayOfMonth);
    if (day === null || day < 1 || day > 31) problems.dayOfMonth = 'A day of the month from 1 to 31.';
  }
  if (draft.lowThreshold !== '') {
    const low = credits(draft.lowThreshold, 1);
    if (low) problems.lowThreshold = low;
  }
  return problems;
}

/** The fields as the API's `ApiKeyQuotaInput`, or null when the key gets no quota. */
export function toQuotaInput(draft: QuotaDraft) {
  if (!draft.enabled) return null;
  return {
    remaining: Number(draft.remaining),
    ...(draft.lowThreshold !== '' ? { lowThreshold: Number(draft.lowThreshold) } : {}),
    ...(draft.refill !== 'NONE'
      ? { refill: { amount: Number(draft.amount), interval: draft.refill, ...(draft.refill === 'MONTHLY' ? { dayOfMonth: Number(draft.dayOfMonth) } : {}) } }
      : {}),
  };
}

/** Whether the fields say something else than the key's quota (an unchanged quota is not sent: its credits would be reset). */
export function quotaChanged(draft: QuotaDraft, quota: Quota | null | undefined): boolean {
  const sent = toQuotaInput(draft);
  if (!sent || !quota) return !!sent !== !!quota;
  const was = toQuotaInput(toQuotaDraft(quota));
  return JSON.stringify(sent) !== JSON.stringify(was);
}

const ordinal = (n: number) => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
};

/** "Back to 1,000 credits every month on the 1st (00:00 UTC)". */
export function refillWords(refill: NonNullable<Quota['refill']>): string {
  const when = refill.interval === 'DAILY' ? 'every day' : `every month on the ${ordinal(refill.dayOfMonth ?? 1)}${(refill.dayOfMonth ?? 1) > 28 ? ' (or the month’s last day)' : ''}`;
  return `Back to ${creditWords(refill.amount)} ${when}, at 00:00 UTC`;
}

/** "in 3 days, on 1 Jan" / "in 5 hours, on 4 Dec": how far away an instant is, and its UTC date. */
export function untilWords(at: string, now: number): string {
  const ms = Date.parse(at) - now;
  const date = new Date(at).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC', ...(new Date(at).getUTCFullYear() !== new Date(now).getUTCFullYear() ? { year: 'numeric' } : {}) });
  const minutes = Math.max(1, Math.round(ms / 60_000));
  const span = minutes < 60 ? plural(minutes, 'minute') : minutes < 48 * 60 ? plural(Math.round(minutes / 60), 'hour') : plural(Math.round(minutes / 1_440), 'day');
  return `in ${span}, on ${date}`;
}

/** "1,000 credits", "1 credit". */
export function creditWords(n: number): string {
  return plural(n, 'credit');
}
