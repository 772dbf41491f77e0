import { builder } from '../../graphql/builder.ts';
import { viewerIdOrNobody } from '../access.ts';
import { ProjectRef } from '../projects/types.ts';

export const WorkflowRef = builder.prismaNode('Workflow', {
  nullable: true,
  id: { field: 'id' },
  findUnique: (id, ctx) => ({
    id,
    project: { organization: { memberships: { some: { userId: viewerIdOrNobody(ctx) } } } },
  }),
  fields: (t) => ({
    name: t.exposeString('name'),
    slug: t.exposeString('slug'),
    project: t.relation('project'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectFields(ProjectRef, (t) => ({
  workflows: t.relatedConnection('workflows', { cursor: 'id', query: { orderBy: { createdAt: 'asc' } } }),
}));
