import { builder } from '../../graphql/builder.ts';
import { keyListFilter, readableOrganizations, readsInProject, readPermission } from '../../authz/read-rules.ts';
import { ProjectRef } from '../projects/types.ts';

export const WorkflowRef = builder.prismaNode('Workflow', {
  extensions: { requiresPermission: readPermission('Workflow') },
  nullable: true,
  description: 'A workflow of a project, triggered by API keys. Visible to the organization\'s members.',
  id: { field: 'id' },
  authScopes: (workflow, ctx) => readsInProject(ctx, 'Workflow', workflow.projectId, workflow.id),
  findUnique: (id, ctx) => ({ id, project: { organization: readableOrganizations(ctx, 'Workflow') } }),
  fields: (t) => ({
    name: t.exposeString('name'),
    slug: t.exposeString('slug'),
    project: t.relation('project'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectFields(ProjectRef, (t) => ({
  workflows: t.relatedConnection('workflows', {
    cursor: 'id',
    totalCount: true,
    description: "The project's workflows; a key sees the ones it may read (none without `workflow:read` here).",
    query: (_args, ctx) => {
      const readable = keyListFilter(ctx, 'Workflow');
      const where = readable?.projectIds ? { OR: [{ projectId: { in: readable.projectIds } }, { id: { in: readable.workflowIds } }] } : {};
      return { where, orderBy: { createdAt: 'asc' } };
    },
  }),
}));
