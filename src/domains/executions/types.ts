import { ExecutionStatus } from '../../generated/prisma/enums.ts';
import { builder } from '../../graphql/builder.ts';
import { toGlobalId } from '../../graphql/ids.ts';
import { viewerIdOrNobody } from '../access.ts';
import { visiblePrefix } from '../api-keys/key-format.ts';
import { ProjectRef } from '../projects/types.ts';

export const ExecutionStatusEnum = builder.enumType(ExecutionStatus, { name: 'ExecutionStatus' });

/**
 * A workflow execution. API keys receive this type too (trigger and read), so it deliberately has no object links
 * into the organization graph: only scalars and ids, nothing a key could traverse to reach other data.
 */
export const WorkflowExecutionRef = builder.prismaNode('WorkflowExecution', {
  nullable: true,
  id: { field: 'id' },
  findUnique: (id, ctx) => ({
    id,
    project: { organization: { memberships: { some: { userId: viewerIdOrNobody(ctx) } } } },
  }),
  fields: (t) => ({
    status: t.expose('status', { type: ExecutionStatusEnum }),
    payload: t.expose('payload', { type: 'JSON', nullable: true }),
    idempotencyKey: t.exposeString('idempotencyKey', { nullable: true }),
    workflowId: t.id({ resolve: (e) => toGlobalId('Workflow', e.workflowId) }),
    projectId: t.id({ resolve: (e) => toGlobalId('Project', e.projectId) }),
    triggeredByKeyPrefix: t.string({
      nullable: true,
      description: 'Visible prefix of the API key that triggered it (kept when the key is deleted).',
      resolve: (e) => (e.apiKeyPublicId ? visiblePrefix(e.apiKeyPublicId) : null),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectFields(ProjectRef, (t) => ({
  executions: t.relatedConnection('executions', {
    cursor: 'id',
    description: 'Workflow executions of this project, newest first.',
    query: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] },
  }),
}));
