import type { GraphQLError } from 'graphql';
import { badRequest } from '../http-errors.ts';

// The figures and the error that the query limits (limits.ts) and the query cost (query-cost.ts) share, in one place
// so that neither imports the other.

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
/** Longest list a field argument (such as `nodes(ids:)`) may hold. */
export const MAX_LIST_ARGUMENT_ITEMS = 100;
/** Largest JSON value stored (a workflow payload); the response budget counts each requested one at this size. */
export const MAX_JSON_VALUE_BYTES = 64 * 1024;

/**
 * New API-key secrets (createProjectApiKey, createOrganizationApiKey, rotateApiKey) one request may mint: each costs
 * an argon2id hash (≈ 28 ms of CPU), so aliases of these mutations would otherwise let one request spend seconds.
 */
export const MAX_KEY_SECRETS_PER_REQUEST = 3;

export type LimitName = 'depth' | 'aliases' | 'directives' | 'tokens' | 'cost' | 'rows' | 'keySecrets';

/** A query refused for its shape: says which limit, in words a client developer can act on (no internal figures). */
export function queryLimitError(limit: LimitName, message: string): GraphQLError {
  return badRequest(message, 'QUERY_TOO_COMPLEX', { limit });
}
