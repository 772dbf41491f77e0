import { MemberRole, Plan } from '../../generated/prisma/enums.ts';
import { builder } from '../../graphql/builder.ts';
import { viewerIdOrNobody } from '../access.ts';
import { UserRef } from '../users/types.ts';

export const PlanEnum = builder.enumType(Plan, { name: 'Plan' });
export const MemberRoleEnum = builder.enumType(MemberRole, { name: 'MemberRole' });

export const OrganizationRef = builder.prismaNode('Organization', {
  nullable: true,
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, memberships: { some: { userId: viewerIdOrNobody(ctx) } } }),
  fields: (t) => ({
    name: t.exposeString('name'),
    slug: t.exposeString('slug'),
    plan: t.expose('plan', { type: PlanEnum }),
    apiAccess: t.boolean({
      description: 'Whether the plan includes API access (API keys and key-authenticated calls).',
      resolve: (org) => org.plan !== 'FREE',
    }),
    maxKeyLifetimeDays: t.exposeInt('maxKeyLifetimeDays', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    viewerRole: t.field({
      type: MemberRoleEnum,
      nullable: true,
      description: "The viewer's role; null for a platform operator acting on an organization they are not in.",
      select: (_args, ctx) => ({
        memberships: { where: { userId: viewerIdOrNobody(ctx) }, select: { role: true } },
      }),
      resolve: (org) => org.memberships[0]?.role ?? null,
    }),
    members: t.relatedConnection('memberships', { cursor: 'id', query: { orderBy: { createdAt: 'asc' } } }),
  }),
});

export const MemberRef = builder.prismaNode('Membership', {
  nullable: true,
  name: 'Member',
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, organization: { memberships: { some: { userId: viewerIdOrNobody(ctx) } } } }),
  fields: (t) => ({
    role: t.expose('role', { type: MemberRoleEnum }),
    user: t.relation('user', { type: UserRef }),
    organization: t.relation('organization'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.queryField('organization', (t) =>
  t.prismaField({
    type: OrganizationRef,
    nullable: true,
    description: 'An organization the viewer belongs to; null when there is none with this slug for the viewer.',
    args: { slug: t.arg.string({ required: true }) },
    resolve: (query, _root, { slug }, ctx) =>
      ctx.prisma.organization.findFirst({
        ...query,
        where: { slug, memberships: { some: { userId: viewerIdOrNobody(ctx) } } },
      }),
  }),
);
