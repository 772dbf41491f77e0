import type { ApiKeyLeakAction, ApiKeyLevel, ApiKeyStatus, ExpiryPolicy, LeakedKeyAction, MemberRole, Plan } from '../gql/graphql.ts';

// Words for the API's enum values, wherever the console shows one. Records over the generated enums: a new value
// fails the console's typecheck until it has its words.

export const STATUS_WORDS: Record<ApiKeyStatus, string> = { ACTIVE: 'Active', INACTIVE: 'Inactive', EXPIRED: 'Expired', REVOKED: 'Revoked' };

export const ROLE_WORDS: Record<MemberRole, string> = { OWNER: 'Owner', ADMIN: 'Admin', MEMBER: 'Member' };

export const PLAN_WORDS: Record<Plan, string> = { FREE: 'Free', TEAM: 'Team', ENTERPRISE: 'Enterprise' };

/** The schema says it: "Billing plan. FREE has no API access." */
export const PLAN_HAS_API_ACCESS: Record<Plan, boolean> = { FREE: false, TEAM: true, ENTERPRISE: true };

export const LEVEL_WORDS: Record<ApiKeyLevel, string> = { ORGANIZATION: 'Organization', PROJECT: 'Project' };

export const EXPIRY_WORDS: Record<ExpiryPolicy, string> = {
  NEVER: 'No expiry',
  DAYS_7: '7 days',
  DAYS_30: '30 days',
  DAYS_60: '60 days',
  DAYS_90: '90 days',
  CUSTOM: 'Custom date',
};

/** What was done about a leaked key (its report in the audit log). */
export const LEAK_ACTION_WORDS: Record<ApiKeyLeakAction, string> = { FLAGGED: 'Only flagged', REVOKED: 'Revoked' };

/** The organization's setting for leaked keys (its changes in the audit log). */
export const LEAKED_KEY_SETTING_WORDS: Record<LeakedKeyAction, string> = { FLAG: 'Only flag the key', REVOKE: 'Revoke the key at once' };

/** Deprecated key scopes, as audit events of older keys still record them. */
const SCOPE_WORDS: Record<string, string> = { TRIGGER_WORKFLOWS: 'Trigger workflows', READ_EXECUTIONS: 'Read executions' };

const ALL_WORDS: Record<string, string> = {
  ...STATUS_WORDS,
  ...PLAN_WORDS,
  ...EXPIRY_WORDS,
  ...SCOPE_WORDS,
  ...ROLE_WORDS,
  ...LEVEL_WORDS,
  ...LEAK_ACTION_WORDS,
  ...LEAKED_KEY_SETTING_WORDS,
};

/** Any enum value the API may show inside free-form data (an audit event's changes) in words; anything else as is. */
export function enumWords(value: string): string {
  return ALL_WORDS[value] ?? value;
}

export const roleOptions = (roles: readonly MemberRole[]) => roles.map((role) => ({ value: role, label: ROLE_WORDS[role] }));
