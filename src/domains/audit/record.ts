import type { Context } from '../../context.ts';
import type { Prisma } from '../../generated/prisma/client.ts';

/**
 * Every action the audit log records: the GraphQL enum value → the stored action and what it means. The stored
 * strings (`api_key.rotate`) are what older rows hold; the API shows the enum.
 */
export const AUDIT_ACTIONS = {
  ORGANIZATION_CREATE: { value: 'organization.create', description: 'An organization was created.' },
  ORGANIZATION_UPDATE: { value: 'organization.update', description: 'An organization\'s name or settings changed.' },
  ORGANIZATION_PLAN_CHANGE: { value: 'organization.plan_change', description: 'An operator changed the plan.' },
  MEMBER_ADD: { value: 'member.add', description: 'A user was added to the organization directly (before invitations replaced this; older events only).' },
  MEMBER_INVITE: {
    value: 'member.invite',
    description: 'An OWNER or ADMIN invited an email address (`changes`: `email`, `role`, `expiresAt`); the target is the invitation.',
  },
  MEMBER_INVITATION_REVOKE: { value: 'member.invitation_revoke', description: 'An OWNER or ADMIN revoked a pending invitation.' },
  MEMBER_INVITATION_ACCEPT: {
    value: 'member.invitation_accept',
    description: 'The invited person accepted and became a member (the target is the new member; `changes.invitationId` the invitation).',
  },
  MEMBER_INVITATION_DECLINE: { value: 'member.invitation_decline', description: 'The invited person declined the invitation.' },
  MEMBER_UPDATE: { value: 'member.update', description: 'A member\'s role changed.' },
  MEMBER_REMOVE: { value: 'member.remove', description: 'A member was removed.' },
  PROJECT_CREATE: { value: 'project.create', description: 'A project was created.' },
  PROJECT_UPDATE: { value: 'project.update', description: 'A project was renamed.' },
  PROJECT_DELETE: { value: 'project.delete', description: 'A project was deleted.' },
  WORKFLOW_CREATE: { value: 'workflow.create', description: 'A workflow was created.' },
  WORKFLOW_UPDATE: { value: 'workflow.update', description: 'A workflow was renamed.' },
  WORKFLOW_DELETE: { value: 'workflow.delete', description: 'A workflow was deleted.' },
  API_KEY_CREATE: { value: 'api_key.create', description: 'An API key was created.' },
  API_KEY_UPDATE: { value: 'api_key.update', description: 'An API key\'s name, note, owner, status, access, scopes or IP allowlist changed.' },
  API_KEY_ROTATE: { value: 'api_key.rotate', description: 'An API key was rotated (its successor is in `changes`).' },
  API_KEY_REVOKE: { value: 'api_key.revoke', description: 'An API key was revoked.' },
  API_KEY_DELETE: { value: 'api_key.delete', description: 'An API key was deleted.' },
  API_KEY_LEAK_REPORT: {
    value: 'api_key.leak_report',
    description:
      'A secret scanner reported the full key found in public (`changes.url`, `changes.source`, `changes.action`: REVOKED or FLAGGED); the actor names the scanner.',
  },
  WEBHOOK_ENDPOINT_CREATE: { value: 'webhook_endpoint.create', description: 'A webhook endpoint was added.' },
  WEBHOOK_ENDPOINT_UPDATE: { value: 'webhook_endpoint.update', description: "A webhook endpoint's URL, description, events or enabled flag changed." },
  WEBHOOK_ENDPOINT_ROTATE_SECRET: { value: 'webhook_endpoint.rotate_secret', description: "A webhook endpoint's signing secret was replaced." },
  WEBHOOK_ENDPOINT_DELETE: { value: 'webhook_endpoint.delete', description: 'A webhook endpoint was deleted.' },
  WEBHOOK_ENDPOINT_REDELIVER: { value: 'webhook_endpoint.redeliver', description: 'An event was sent to a webhook endpoint again, on request.' },
  WEBHOOK_ENDPOINT_AUTO_DISABLE: {
    value: 'webhook_endpoint.auto_disable',
    description: 'The platform disabled a webhook endpoint whose deliveries had failed for 5 days.',
  },
} as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[keyof typeof AUDIT_ACTIONS]['value'];

export type AuditEntry = {
  organizationId: string;
  action: AuditAction;
  targetType: string;
  targetId: string;
  /** Field → value (or { from, to }). Never a secret or a hash: callers pass plain metadata only. */
  changes?: Record<string, unknown>;
};

/** Who acted: a request's context, or `SYSTEM_ORIGIN` for what the platform does on its own (actor "system"). */
export type AuditOrigin = Pick<Context, 'principal'> & { requestId: string | null };
export const SYSTEM_ORIGIN: AuditOrigin = { principal: null, requestId: null };

/** Writes audit events inside the caller's transaction, so that a failed change leaves none behind. */
export async function recordAudit(
  tx: Prisma.TransactionClient,
  ctx: AuditOrigin,
  entries: AuditEntry | AuditEntry[],
): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (!list.length) return;
  const principal = ctx.principal;
  const actorId = principal?.kind === 'user' ? principal.user.id : null;
  const actorLabel =
    principal?.kind === 'user'
      ? (principal.user.email ?? principal.user.subject)
      : principal?.kind === 'apiKey'
        ? `api-key:${principal.key.publicId}`
        : principal?.kind === 'system'
          ? principal.label
          : 'system';
  await tx.auditEvent.createMany({
    data: list.map((e) => ({
      organizationId: e.organizationId,
      actorId,
      actorLabel,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      changes: (e.changes ?? {}) as Prisma.InputJsonValue,
      requestId: ctx.requestId,
    })),
  });
}

/**
 * The requested values (undefined = not requested) that differ from `before`: the update's data and its audit
 * entry ({ field: { from, to } }).
 */
export function changedFields<T extends object, K extends keyof T>(before: T, requested: { [P in K]?: T[P] }) {
  const data: Partial<Pick<T, K>> = {};
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(requested) as K[]) {
    const value = requested[key];
    if (value === undefined || value === before[key]) continue;
    data[key] = value;
    changes[String(key)] = { from: before[key], to: value };
  }
  return { data, changes, changed: Object.keys(changes).length > 0 };
}
