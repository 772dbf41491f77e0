import type { ConsoleOutcomeCountsFragment, UsageOutcome } from '../gql/graphql.ts';

/** `UsageOutcomeCounts` as the console selects it (documents.ts). */
export type OutcomeCounts = Omit<ConsoleOutcomeCountsFragment, '__typename'>;

/** The per-outcome fields (the sums `total` and `refused` left out). */
export type OutcomeField = Exclude<keyof OutcomeCounts, 'total' | 'refused'>;

/**
 * How a call ended, in words and in one colour each, in the order the bars stack them (success at the bottom, then
 * the admitted refusals, then what was refused before anything ran). A record over the generated enum: a new outcome
 * fails the console's typecheck until it has words and a colour.
 */
export const OUTCOMES: Record<UsageOutcome, { field: OutcomeField; label: string; color: string; order: number }> = {
  SUCCESS: { field: 'success', label: 'Succeeded', color: 'var(--mantine-primary-color-filled)', order: 0 },
  FORBIDDEN: { field: 'forbidden', label: 'Missing permission', color: 'var(--mantine-color-orange-6)', order: 1 },
  QUOTA_EXCEEDED: { field: 'quotaExceeded', label: 'Out of credits', color: 'var(--mantine-color-yellow-5)', order: 2 },
  RATE_LIMITED: { field: 'rateLimited', label: 'Over a rate limit', color: 'var(--mantine-color-red-7)', order: 3 },
  IP_REFUSED: { field: 'ipRefused', label: 'Address not allowed', color: 'var(--mantine-color-grape-6)', order: 4 },
  INVALID: { field: 'invalid', label: 'Wrong secret', color: 'var(--mantine-color-pink-4)', order: 5 },
  EXPIRED: { field: 'expired', label: 'Key expired', color: 'var(--mantine-color-gray-6)', order: 6 },
  REVOKED: { field: 'revoked', label: 'Key revoked', color: 'var(--mantine-color-dark-2)', order: 7 },
  INACTIVE: { field: 'inactive', label: 'Key inactive', color: 'var(--mantine-color-gray-4)', order: 8 },
};

/** Every outcome, bottom of the stack first. */
export const OUTCOME_ORDER = (Object.keys(OUTCOMES) as UsageOutcome[]).sort((a, b) => OUTCOMES[a].order - OUTCOMES[b].order);

/** The outcomes with at least one call in any of `counts` (Succeeded always): what a legend or a table needs. */
export function outcomesSeen(counts: readonly Pick<OutcomeCounts, OutcomeField>[]): UsageOutcome[] {
  return OUTCOME_ORDER.filter((o) => o === 'SUCCESS' || counts.some((c) => c[OUTCOMES[o].field] > 0));
}

export const calls = (n: number) => `${n.toLocaleString('en-GB')} call${n === 1 ? '' : 's'}`;
