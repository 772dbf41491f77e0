import { builder } from '../../graphql/builder.ts';
import { keyListFilter, listsIn, readableOrganizations, readsIn, readPermission } from '../../authz/read-rules.ts';
import { OrganizationRef } from '../organizations/types.ts';

export const ProjectRef = builder.prismaNode('Project', {
  extensions: { requiresPermission: readPermission('Project') },
  nullable: true,
  description: 'A project of an organization. Visible to its members.',
  id: { field: 'id' },
  authScopes: (project, ctx) => readsIn(ctx, 'Project', project.organizationId, { projectId: project.id }),
  findUnique: (id, ctx) => ({ id, organization: readableOrganizations(ctx, 'Project') }),
  fields: (t) => ({
    name: t.exposeString('name'),
    slug: t.exposeString('slug'),
    organization: t.relation('organization'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectFields(OrganizationRef, (t) => ({
  projects: t.relatedConnection('projects', {
    cursor: 'id',
    totalCount: true,
    nullable: true,
    description: 'Members only (null with FORBIDDEN for an operator who is not a member); a key sees the projects it may read.',
    authScopes: (org, _args, ctx) => listsIn(ctx, 'Project', org.id),
    query: (_args, ctx) => {
      const readable = keyListFilter(ctx, 'Project');
      return { where: readable?.projectIds ? { id: { in: readable.projectIds } } : {}, orderBy: { createdAt: 'asc' } };
    },
  }),
  project: t.prismaField({
    type: ProjectRef,
    description: 'A project by slug; null when there is none. Members only.',
    authScopes: (org, _args, ctx) => listsIn(ctx, 'Project', org.id),
    args: { slug: t.arg.string({ required: true }) },
    nullable: true,
    resolve: (query, org, args, ctx) =>
      ctx.prisma.project.findUnique({ ...query, where: { organizationId_slug: { organizationId: org.id, slug: args.slug } } }),
  }),
}));
