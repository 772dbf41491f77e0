import type { Context } from '../../context.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { builder } from '../../graphql/builder.ts';
import { commonErrors } from '../../graphql/error-types.ts';
import { parseGlobalId, toGlobalId } from '../../graphql/ids.ts';
import { displayName, rejectNulls, slug } from '../../graphql/inputs.ts';
import { isUniqueViolation } from '../../graphql/prisma-errors.ts';
import { changedFields, recordAudit } from '../audit/record.ts';
import { canManageProjects } from '../organizations/permissions.ts';
import { requireProject } from '../access.ts';
import { WorkflowRef } from './types.ts';

const WorkflowPayload = builder.simpleObject('WorkflowPayload', {
  fields: (t) => ({ workflow: t.field({ type: WorkflowRef }) }),
});
const DeleteWorkflowPayload = builder.simpleObject('DeleteWorkflowPayload', {
  fields: (t) => ({ deletedWorkflowId: t.id() }),
});

async function requireWorkflow(ctx: Context, tx: Prisma.TransactionClient, id: string) {
  const workflow = await tx.workflow.findUnique({ where: { id } });
  if (!workflow) throw new NotFoundError('Workflow');
  const access = await requireProject(ctx, tx, workflow.projectId, canManageProjects).catch((error) => {
    throw error instanceof NotFoundError ? new NotFoundError('Workflow') : error;
  });
  return { workflow, ...access };
}

const CreateWorkflowInput = builder.inputType('CreateWorkflowInput', {
  fields: (t) => ({
    projectId: t.id({ required: true }),
    name: t.string({ required: true, validate: displayName(100) }),
    slug: t.string({ required: true, validate: slug }),
  }),
});

builder.mutationField('createWorkflow', (t) =>
  t.field({
    type: WorkflowPayload,
    errors: { types: commonErrors },
    args: { input: t.arg({ type: CreateWorkflowInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const projectId = parseGlobalId(String(input.projectId), 'Project', ['input', 'projectId']);
      try {
        const workflow = await ctx.prisma.$transaction(async (tx) => {
          const { project } = await requireProject(ctx, tx, projectId, canManageProjects);
          const created = await tx.workflow.create({ data: { projectId, name: input.name, slug: input.slug } });
          await recordAudit(tx, ctx, {
            organizationId: project.organizationId,
            action: 'workflow.create',
            targetType: 'Workflow',
            targetId: created.id,
            changes: { projectId, name: created.name, slug: created.slug },
          });
          return created;
        });
        return { workflow };
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError(`A workflow with slug "${input.slug}" already exists`);
        throw error;
      }
    },
  }),
);

const UpdateWorkflowInput = builder.inputType('UpdateWorkflowInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string({ validate: displayName(100) }),
    slug: t.string({ validate: slug }),
  }),
});

builder.mutationField('updateWorkflow', (t) =>
  t.field({
    type: WorkflowPayload,
    errors: { types: commonErrors },
    args: { input: t.arg({ type: UpdateWorkflowInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = parseGlobalId(String(input.id), 'Workflow', ['input', 'id']);
      rejectNulls(input, ['name', 'slug']);
      const name = input.name ?? undefined;
      const newSlug = input.slug ?? undefined;
      try {
        const workflow = await ctx.prisma.$transaction(async (tx) => {
          const { workflow: before, project } = await requireWorkflow(ctx, tx, id);
          const { data, changes, changed } = changedFields(before, { name, slug: newSlug });
          if (!changed) return before;
          const after = await tx.workflow.update({ where: { id }, data });
          await recordAudit(tx, ctx, { organizationId: project.organizationId, action: 'workflow.update', targetType: 'Workflow', targetId: id, changes });
          return after;
        });
        return { workflow };
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError(`A workflow with slug "${input.slug}" already exists`);
        throw error;
      }
    },
  }),
);

const DeleteWorkflowInput = builder.inputType('DeleteWorkflowInput', {
  fields: (t) => ({ id: t.id({ required: true }) }),
});

builder.mutationField('deleteWorkflow', (t) =>
  t.field({
    type: DeleteWorkflowPayload,
    errors: { types: commonErrors },
    args: { input: t.arg({ type: DeleteWorkflowInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = parseGlobalId(String(input.id), 'Workflow', ['input', 'id']);
      await ctx.prisma.$transaction(async (tx) => {
        const { workflow, project } = await requireWorkflow(ctx, tx, id);
        await tx.workflow.delete({ where: { id } });
        await recordAudit(tx, ctx, {
          organizationId: project.organizationId,
          action: 'workflow.delete',
          targetType: 'Workflow',
          targetId: id,
          changes: { projectId: workflow.projectId, name: workflow.name, slug: workflow.slug },
        });
      });
      return { deletedWorkflowId: toGlobalId('Workflow', id) };
    },
  }),
);
