import { builder } from '../../graphql/builder.ts';
import { viewerIdOrNobody, viewerUser } from '../../authz/access.ts';

export const UserRef = builder.prismaNode('User', {
  description: 'A person who signed in. Visible to themselves and to the members of organizations they belong to.',
  nullable: true,
  id: { field: 'id' },
  // A user is visible to themselves and to people who share an organization with them.
  findUnique: (id, ctx) => ({
    id,
    OR: [
      { id: viewerIdOrNobody(ctx) },
      { memberships: { some: { organization: { memberships: { some: { userId: viewerIdOrNobody(ctx) } } } } } },
    ],
  }),
  fields: (t) => ({
    email: t.exposeString('email', { nullable: true }),
    name: t.exposeString('name', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

/** The signed-in user, with what only they may see about themselves. */
export const ViewerRef = builder.prismaObject('User', {
  variant: 'Viewer',
  description: 'The signed-in user, with what only they may see about themselves.',
  fields: (t) => ({
    user: t.variant(UserRef),
    subject: t.exposeString('subject'),
    isOperator: t.boolean({ resolve: (_u, _a, ctx) => ctx.principal?.kind === 'user' && ctx.principal.isOperator }),
    organizations: t.relatedConnection('memberships', {
      cursor: 'id',
      totalCount: true,
      description: 'Organizations the viewer belongs to, with their role.',
      query: { orderBy: { createdAt: 'asc' } },
    }),
  }),
});

builder.queryField('viewer', (t) =>
  t.prismaField({
    authScopes: { user: true },
    description: 'The signed-in user. Signed-in users only.',
    type: ViewerRef,
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: viewerUser(ctx).id } }),
  }),
);
