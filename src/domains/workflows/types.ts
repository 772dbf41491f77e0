import { builder } from '../../graphql/builder.ts';
import { readableOrganizations, readsInProject, readPermission } from '../../authz/read-rules.ts';
import { ProjectRef } from '../projects/types.ts';

export const WorkflowRef = builder.prismaNode('Workflow', {
  extensions: { requiresPermission: readPermission('Workflow') },
  nullable: true,
  description: 'A workflow of a project, triggered by API keys. Visible to the organization\'s members.',
  id: { field: 'id' },
  authScopes: (workflow, ctx) => readsInProject(ctx, 'Workflow', workflow.projectId),
  findUnique: (id, ctx) => ({ id, project: { organization: readableOrganizations(ctx, 'Workflow') } }),
  fields: (t) => ({
    name: t.exposeString('name'),
    slug: t.exposeString('slug'),
    project: t.relation('project'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectFields(ProjectRef, (t) => ({
  workflows: t.relatedConnection('workflows', { cursor: 'id', totalCount: true, query: { orderBy: { createdAt: 'asc' } } }),
}));
