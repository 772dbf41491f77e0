import type { Context } from '../../context.ts';
import type { Prisma } from '../../generated/prisma/client.ts';

export type AuditAction =
  | 'organization.create'
  | 'organization.update'
  | 'organization.plan_change'
  | 'member.add'
  | 'member.update'
  | 'member.remove'
  | 'project.create'
  | 'project.update'
  | 'project.delete'
  | 'workflow.create'
  | 'workflow.update'
  | 'workflow.delete'
  | 'api_key.create'
  | 'api_key.update'
  | 'api_key.rotate'
  | 'api_key.revoke'
  | 'api_key.delete';

export type AuditEntry = {
  organizationId: string;
  action: AuditAction;
  targetType: string;
  targetId: string;
  /** Field → value (or { from, to }). Never a secret or a hash: callers pass plain metadata only. */
  changes?: Record<string, unknown>;
};

/** Writes audit events inside the caller's transaction, so that a failed change leaves none behind. */
export async function recordAudit(
  tx: Prisma.TransactionClient,
  ctx: Context,
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
