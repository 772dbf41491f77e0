import { builder } from '../../graphql/builder.ts';
import { viewerIdOrNobody } from '../access.ts';
import { OrganizationRef } from '../organizations/types.ts';

export const ProjectRef = builder.prismaNode('Project', {
  nullable: true,
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, organization: { memberships: { some: { userId: viewerIdOrNobody(ctx) } } } }),
  fields: (t) => ({
    name: t.exposeString('name'),
    slug: t.exposeString('slug'),
    organization: t.relation('organization'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectFields(OrganizationRef, (t) => ({
  projects: t.relatedConnection('projects', { cursor: 'id', query: { orderBy: { createdAt: 'asc' } } }),
  project: t.prismaField({
    type: ProjectRef,
    args: { slug: t.arg.string({ required: true }) },
    nullable: true,
    resolve: (query, org, args, ctx) =>
      ctx.prisma.project.findUnique({ ...query, where: { organizationId_slug: { organizationId: org.id, slug: args.slug } } }),
  }),
}));
