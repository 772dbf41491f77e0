import type { ApiKeyStatus } from '../gql/graphql.ts';

/** The colour of each key status, in lists and on a key's page. */
export const STATUS_COLOR: Record<ApiKeyStatus, string> = { ACTIVE: 'green', INACTIVE: 'gray', EXPIRED: 'orange', REVOKED: 'red' };
