import { ExecutionStatus } from '../../generated/prisma/enums.ts';
import { builder } from '../../graphql/builder.ts';
import { parseGlobalId, toGlobalId } from '../../graphql/ids.ts';
import { keyReadsExecution } from '../../authz/key-reach.ts';
import type { Context } from '../../context.ts';
import type { WorkflowExecution } from '../../generated/prisma/client.ts';
import { keyListFilter, listsIn, organizationOfProject, readableOrganizations, readsInProject, readPermission } from '../../authz/read-rules.ts';
import { visiblePrefix } from '../../lib/key-format.ts';
import { ProjectRef } from '../projects/types.ts';
import { ApiKeyRef } from '../api-keys/types.ts';
import { requestLoaders } from '../../graphql/request-loaders.ts';

/** The columns the read rule needs: what every loaded execution carries, whatever is selected. */
type ExecutionReach = Pick<WorkflowExecution, 'projectId' | 'workflowId' | 'apiKeyId'>;

/** Members of the organization read its executions; an API key reads those described by keyReadsExecution. */
export async function readsExecution(ctx: Context, execution: ExecutionReach): Promise<boolean> {
  if (ctx.principal?.kind !== 'apiKey') return readsInProject(ctx, 'WorkflowExecution', execution.projectId);
  const organizationId = await organizationOfProject(ctx, execution.projectId);
  return organizationId !== null && keyReadsExecution(ctx.principal.key, execution, organizationId);
}

/** An execution list's query: newest first, without what a key may not read (people read every execution they list). */
function newestReadable(ctx: Context) {
  const readable = keyListFilter(ctx, 'WorkflowExecution');
  const where = readable?.projectIds ? { OR: [{ projectId: { in: readable.projectIds } }, { workflowId: { in: readable.workflowIds } }] } : {};
  return { where, orderBy: [{ createdAt: 'desc' as const }, { id: 'desc' as const }] };
}

export const ExecutionStatusEnum = builder.enumType(ExecutionStatus, { name: 'ExecutionStatus', description: 'Where an execution is in its life.' });

/**
 * A workflow execution. API keys receive this type too (trigger and read), so it deliberately has no object links
 * into the organization graph: only scalars and ids, nothing a key could traverse to reach other data.
 */
export const WorkflowExecutionRef = builder.prismaNode('WorkflowExecution', {
  extensions: { requiresPermission: readPermission('WorkflowExecution') },
  description: "One run of a workflow, started by an API key. Read by the organization's members and by keys that reach it.",
  nullable: true,
  id: { field: 'id' },
  // Select mode: a row carries every column but the payload, which may be 64 KiB: `nodes(ids:)` with aliases loads
  // many rows, and loading it for `{ id }` let one small query hold gigabytes. The fields read the row with plain
  // resolvers (no per-field selection), so a row that did not come from a Pothos query (triggerWorkflow's, loaded by
  // SQL) is never loaded again; only `payload` reads more, batched per request.
  select: { id: true, workflowId: true, projectId: true, apiKeyId: true, apiKeyPublicId: true, status: true, idempotencyKey: true, createdAt: true },
  authScopes: (execution, ctx) => readsExecution(ctx, execution),
  findUnique: (id, ctx) => ({ id, project: { organization: readableOrganizations(ctx, 'WorkflowExecution') } }),
  fields: (t) => ({
    status: t.field({ type: ExecutionStatusEnum, resolve: (e) => e.status }),
    payload: t.field({
      type: 'JSON',
      nullable: true,
      // The parent has passed the type's read rule; a row loaded whole (by SQL) already holds its payload.
      resolve: (e, _args, ctx) => ('payload' in e ? (e as WorkflowExecution).payload : requestLoaders(ctx).executionPayloads.load(e.id)),
    }),
    idempotencyKey: t.string({ nullable: true, resolve: (e) => e.idempotencyKey }),
    workflowId: t.id({ resolve: (e) => toGlobalId('Workflow', e.workflowId) }),
    projectId: t.id({ resolve: (e) => toGlobalId('Project', e.projectId) }),
    triggeredByKeyPrefix: t.string({
      nullable: true,
      description: 'Visible prefix of the API key that triggered it (kept when the key is deleted).',
      resolve: (e) => (e.apiKeyPublicId ? visiblePrefix(e.apiKeyPublicId) : null),
    }),
    createdAt: t.field({ type: 'DateTime', resolve: (e) => e.createdAt }),
  }),
});

builder.prismaObjectFields(ProjectRef, (t) => ({
  executions: t.relatedConnection('executions', {
    cursor: 'id',
    totalCount: true,
    nullable: true,
    authScopes: (project, _args, ctx) => listsIn(ctx, 'WorkflowExecution', project.organizationId),
    description: 'Workflow executions of this project, newest first; a key sees the ones it may read.',
    query: (_args, ctx) => newestReadable(ctx),
  }),
}));

builder.prismaObjectFields(ApiKeyRef, (t) => ({
  executions: t.relatedConnection('executions', {
    cursor: 'id',
    totalCount: true,
    nullable: true,
    // The same rule as a project's executions: who lists executions in the organization sees the ones this key started
    // that they may read (a key narrowed to some projects or workflows sees those).
    authScopes: (key, _args, ctx) => listsIn(ctx, 'WorkflowExecution', key.organizationId),
    description: 'The executions this key started, newest first (how an integrator checks that their calls arrive); a key sees the ones it may read.',
    query: (_args, ctx) => newestReadable(ctx),
  }),
}));

builder.queryField('workflowExecution', (t) =>
  t.prismaField({
    type: WorkflowExecutionRef,
    nullable: true,
    description: "An execution in this key's reach; null otherwise. API keys only.",
    authScopes: { $all: { apiKey: true, permission: 'execution:read' } },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = parseGlobalId(String(args.id), 'WorkflowExecution', ['id']);
      const execution = await ctx.prisma.workflowExecution.findUnique({ ...query, where: { id } });
      return execution && (await readsExecution(ctx, execution)) ? execution : null;
    },
  }),
);
