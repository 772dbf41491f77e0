import type { Prisma } from '../../generated/prisma/client.ts';
import { builder } from '../../graphql/builder.ts';
import { parseGlobalId, toGlobalId } from '../../graphql/ids.ts';
import { readableOrganizations, readsIn, readPermission } from '../../authz/read-rules.ts';
import { OrganizationRef } from './types.ts';
import { UserRef } from '../users/types.ts';
import { changesWithGlobalIds } from './audit-global-ids.ts';
import { AUDIT_ACTIONS, type AuditAction } from '../audit/record.ts';

export const AuditActionEnum = builder.enumType('AuditAction', {
  description: 'What an audit event records.',
  values: AUDIT_ACTIONS,
});

export const AuditEventRef = builder.prismaNode('AuditEvent', {
  extensions: { requiresPermission: readPermission('AuditEvent') },
  description: 'One change in an organization: who, what, when, and the changed fields. OWNER and ADMIN only.',
  nullable: true,
  id: { field: 'id' },
  // Select mode: `changes` (JSON) is loaded only when selected (see WorkflowExecution).
  select: { id: true, organizationId: true },
  authScopes: (event, ctx) => readsIn(ctx, 'AuditEvent', event.organizationId),
  findUnique: (id, ctx) => ({ id, organization: readableOrganizations(ctx, 'AuditEvent') }),
  fields: (t) => ({
    action: t.field({ type: AuditActionEnum, select: { action: true }, resolve: (event) => event.action as AuditAction }),
    targetType: t.exposeString('targetType'),
    targetId: t.id({
      description: 'Global id of the target, of type `targetType` (it may no longer exist: `node(id:)` then answers null).',
      select: { targetType: true, targetId: true },
      resolve: (event) => toGlobalId(event.targetType, event.targetId),
    }),
    actor: t.prismaField({
      type: UserRef,
      nullable: true,
      select: { actorId: true },
      resolve: (query, event, _args, ctx) => (event.actorId ? ctx.prisma.user.findUnique({ ...query, where: { id: event.actorId } }) : null),
    }),
    actorLabel: t.exposeString('actorLabel', { description: 'Email or subject of the actor at the time.' }),
    changes: t.field({
      type: 'JSON',
      description: 'Changed fields, ids among them as global ids; never a secret or a hash.',
      select: { changes: true },
      resolve: (event) => changesWithGlobalIds(event.changes),
    }),
    requestId: t.exposeString('requestId', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const AuditEventFilter = builder.inputType('AuditEventFilter', {
  description: 'Narrows the audit log; all given conditions must hold.',
  fields: (t) => ({
    action: t.field({ type: AuditActionEnum }),
    targetType: t.string(),
    targetId: t.id({ description: 'A global id, as in `AuditEvent.targetId` (a database id also matches).' }),
    actorId: t.id({ description: 'Global id of a User.' }),
  }),
});

const TARGET_TYPES = ['ApiKey', 'Project', 'Workflow', 'Member', 'Organization', 'WebhookEndpoint', 'Invitation'];
const DATABASE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A target's global id, or its database id (a uuid); anything else is a ValidationError, not an empty log. */
function targetIdOf(value: string): string {
  if (DATABASE_ID.test(value)) return value.toLowerCase();
  return parseGlobalId(value, TARGET_TYPES, ['filter', 'targetId']);
}

type AuditFilter = { action?: AuditAction | null; targetType?: string | null; targetId?: string | number | null; actorId?: string | number | null };

function auditWhere(organizationId: string, f: AuditFilter | null | undefined): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput = { organizationId };
  if (f?.action) where.action = f.action;
  if (f?.targetType) where.targetType = f.targetType;
  if (f?.targetId) where.targetId = targetIdOf(String(f.targetId));
  if (f?.actorId) where.actorId = parseGlobalId(String(f.actorId), 'User', ['filter', 'actorId']);
  return where;
}

builder.prismaObjectFields(OrganizationRef, (t) => ({
  auditEvents: t.prismaConnection({
    type: AuditEventRef,
    cursor: 'id',
    nullable: true,
    description: 'Every change in the organization, newest first. OWNER and ADMIN only (null with FORBIDDEN for others).',
    authScopes: (org, _args, ctx) => readsIn(ctx, 'AuditEvent', org.id),
    args: { filter: t.arg({ type: AuditEventFilter }) },
    resolve: (query, org, args, ctx) =>
      ctx.prisma.auditEvent.findMany({ ...query, where: auditWhere(org.id, args.filter), orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
    totalCount: (org, args, ctx) => ctx.prisma.auditEvent.count({ where: auditWhere(org.id, (args as { filter?: AuditFilter }).filter) }),
  }),
}));
