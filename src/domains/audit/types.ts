import { GraphQLError } from 'graphql';
import type { Prisma } from '../../generated/prisma/client.ts';
import { builder } from '../../graphql/builder.ts';
import { parseGlobalId } from '../../graphql/ids.ts';
import { viewerIdOrNobody, viewerRole } from '../access.ts';
import { canReadAuditLog } from '../organizations/permissions.ts';
import { OrganizationRef } from '../organizations/types.ts';
import { UserRef } from '../users/types.ts';

export const AuditEventRef = builder.prismaNode('AuditEvent', {
  nullable: true,
  id: { field: 'id' },
  // Only OWNER and ADMIN read the audit log.
  findUnique: (id, ctx) => ({
    id,
    organization: { memberships: { some: { userId: viewerIdOrNobody(ctx), role: { in: ['OWNER', 'ADMIN'] } } } },
  }),
  fields: (t) => ({
    action: t.exposeString('action', { description: 'e.g. `api_key.rotate`, `organization.plan_change`.' }),
    targetType: t.exposeString('targetType'),
    targetId: t.exposeID('targetId', { description: 'Database id of the target (it may no longer exist).' }),
    actor: t.prismaField({
      type: UserRef,
      nullable: true,
      select: { actorId: true },
      resolve: (query, event, _args, ctx) => (event.actorId ? ctx.prisma.user.findUnique({ ...query, where: { id: event.actorId } }) : null),
    }),
    actorLabel: t.exposeString('actorLabel', { description: 'Email or subject of the actor at the time.' }),
    changes: t.expose('changes', { type: 'JSON', description: 'Changed fields; never a secret or a hash.' }),
    requestId: t.exposeString('requestId', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const AuditEventFilter = builder.inputType('AuditEventFilter', {
  fields: (t) => ({
    action: t.string(),
    targetType: t.string(),
    targetId: t.id({ description: 'A global id (e.g. of an ApiKey) or a raw database id.' }),
    actorId: t.id({ description: 'Global id of a User.' }),
  }),
});

function targetIdOf(value: string): string {
  for (const type of ['ApiKey', 'Project', 'Workflow', 'Member', 'Organization']) {
    try {
      return parseGlobalId(value, type, ['filter', 'targetId']);
    } catch {
      // try the next type
    }
  }
  return value;
}

builder.prismaObjectFields(OrganizationRef, (t) => ({
  auditEvents: t.prismaConnection({
    type: AuditEventRef,
    cursor: 'id',
    description: 'Every change in the organization, newest first. OWNER and ADMIN only.',
    args: { filter: t.arg({ type: AuditEventFilter }) },
    resolve: async (query, org, args, ctx) => {
      const role = await viewerRole(ctx, org.id);
      if (!role || !canReadAuditLog(role)) {
        throw new GraphQLError('Only OWNER and ADMIN can read the audit log', { extensions: { code: 'FORBIDDEN' } });
      }
      const f = args.filter;
      const where: Prisma.AuditEventWhereInput = { organizationId: org.id };
      if (f?.action) where.action = f.action;
      if (f?.targetType) where.targetType = f.targetType;
      if (f?.targetId) where.targetId = targetIdOf(String(f.targetId));
      if (f?.actorId) {
        try {
          where.actorId = parseGlobalId(String(f.actorId), 'User', ['filter', 'actorId']);
        } catch {
          where.actorId = '00000000-0000-0000-0000-000000000000';
        }
      }
      return ctx.prisma.auditEvent.findMany({ ...query, where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
    },
  }),
}));
