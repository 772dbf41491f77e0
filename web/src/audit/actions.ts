import type { AuditAction } from '../gql/graphql.ts';

/** Words for each audit action. A Record over the generated enum: a new action fails the console's typecheck until it has its words. */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  API_KEY_CREATE: 'API key created',
  API_KEY_UPDATE: 'API key changed',
  API_KEY_ROTATE: 'API key rotated',
  API_KEY_REVOKE: 'API key revoked',
  API_KEY_DELETE: 'API key deleted',
  API_KEY_LEAK_REPORT: 'API key reported leaked',
  MEMBER_ADD: 'Member added',
  MEMBER_INVITE: 'Member invited',
  MEMBER_INVITATION_REVOKE: 'Invitation revoked',
  MEMBER_INVITATION_ACCEPT: 'Invitation accepted',
  MEMBER_INVITATION_DECLINE: 'Invitation declined',
  MEMBER_UPDATE: 'Member role changed',
  MEMBER_REMOVE: 'Member removed',
  ORGANIZATION_CREATE: 'Organization created',
  ORGANIZATION_UPDATE: 'Organization changed',
  ORGANIZATION_PLAN_CHANGE: 'Plan changed',
  PROJECT_CREATE: 'Project created',
  PROJECT_UPDATE: 'Project renamed',
  PROJECT_DELETE: 'Project deleted',
  WORKFLOW_CREATE: 'Workflow created',
  WORKFLOW_UPDATE: 'Workflow renamed',
  WORKFLOW_DELETE: 'Workflow deleted',
  WEBHOOK_ENDPOINT_CREATE: 'Webhook endpoint added',
  WEBHOOK_ENDPOINT_UPDATE: 'Webhook endpoint changed',
  WEBHOOK_ENDPOINT_ROTATE_SECRET: 'Webhook secret rotated',
  WEBHOOK_ENDPOINT_DELETE: 'Webhook endpoint deleted',
  WEBHOOK_ENDPOINT_REDELIVER: 'Webhook event sent again',
  WEBHOOK_ENDPOINT_AUTO_DISABLE: 'Webhook endpoint disabled after 5 days of failures',
};

export const AUDIT_ACTION_OPTIONS = (Object.entries(AUDIT_ACTION_LABELS) as [AuditAction, string][]).map(([value, label]) => ({ value, label }));
