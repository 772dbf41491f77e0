import { ExecutionStatus } from '../../generated/prisma/enums.ts';
import { builder } from '../../graphql/builder.ts';
import { toGlobalId } from '../../graphql/ids.ts';
import { keyReadsExecution } from '../api-keys/reach.ts';
import type { Context } from '../../context.ts';
import type { WorkflowExecution } from '../../generated/prisma/client.ts';
import { organizationOfProject, readableOrganizations, readsIn, readsInProject } from '../read-rules.ts';
import { visiblePrefix } from '../api-keys/key-format.ts';
import { ProjectRef } from '../projects/types.ts';

/** The columns the read rule needs: what every loaded execution carries, whatever is selected. */
type ExecutionReach = Pick<WorkflowExecution, 'projectId' | 'workflowId' | 'apiKeyId'>;

/** Members of the organization read its executions; an API key reads those described by keyReadsExecution. */
export async function readsExecution(ctx: Context, execution: ExecutionReach): Promise<boolean> {
  if (ctx.principal?.kind !== 'apiKey') return readsInProject(ctx, 'WorkflowExecution', execution.projectId);
  const organizationId = await organizationOfProject(ctx, execution.projectId);
  return organizationId !== null && keyReadsExecution(ctx.principal.key, execution, organizationId);
}

export const ExecutionStatusEnum = builder.enumType(ExecutionStatus, { name: 'ExecutionStatus', description: 'Where an execution is in its life.' });

/**
 * A workflow execution. API keys receive this type too (trigger and read), so it deliberately has no object links
 * into the organization graph: only scalars and ids, nothing a key could traverse to reach other data.
 */
export const WorkflowExecutionRef = builder.prismaNode('WorkflowExecution', {
  description: "One run of a workflow, started by an API key. Read by the organization's members and by keys that reach it.",
  nullable: true,
  id: { field: 'id' },
  // Select mode: a row carries only what the read rule needs plus the selected fields. A payload may be 64 KiB, and
  // `nodes(ids:)` with aliases loads many rows: loading it for `{ id }` let one small query hold gigabytes.
  select: { id: true, projectId: true, workflowId: true, apiKeyId: true },
  authScopes: (execution, ctx) => readsExecution(ctx, execution),
  findUnique: (id, ctx) => ({ id, project: { organization: readableOrganizations(ctx, 'WorkflowExecution') } }),
  fields: (t) => ({
    status: t.expose('status', { type: ExecutionStatusEnum }),
    payload: t.expose('payload', { type: 'JSON', nullable: true }),
    idempotencyKey: t.exposeString('idempotencyKey', { nullable: true }),
    workflowId: t.id({ resolve: (e) => toGlobalId('Workflow', e.workflowId) }),
    projectId: t.id({ resolve: (e) => toGlobalId('Project', e.projectId) }),
    triggeredByKeyPrefix: t.string({
      nullable: true,
      description: 'Visible prefix of the API key that triggered it (kept when the key is deleted).',
      select: { apiKeyPublicId: true },
      resolve: (e) => (e.apiKeyPublicId ? visiblePrefix(e.apiKeyPublicId) : null),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectFields(ProjectRef, (t) => ({
  executions: t.relatedConnection('executions', {
    cursor: 'id',
    totalCount: true,
    nullable: true,
    authScopes: (project, _args, ctx) => readsIn(ctx, 'WorkflowExecution', project.organizationId),
    description: 'Workflow executions of this project, newest first.',
    query: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] },
  }),
}));
