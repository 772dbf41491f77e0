import type { Context } from '../../context.ts';
import { NotFoundError } from '../../errors.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { conflictOnDuplicate } from '../../graphql/prisma-errors.ts';
import { accessAllows, lacks, placeName, requireProject } from '../../authz/access.ts';
import type { Permission } from '../../authz/catalog.ts';
import { changedFields, recordAudit } from '../audit/record.ts';

// Workflows: each function is one transaction with its audit event; `workflow:*` permissions.

const slugTaken = (slug: string | undefined) => `A workflow with slug "${slug}" already exists`;

async function requireWorkflow(ctx: Context, tx: Prisma.TransactionClient, id: string, permission: Permission) {
  const workflow = await tx.workflow.findUnique({ where: { id } });
  if (!workflow) throw new NotFoundError('Workflow');
  const access = await requireProject(ctx, tx, workflow.projectId).catch((error) => {
    throw error instanceof NotFoundError ? new NotFoundError('Workflow') : error;
  });
  if (!accessAllows(access, permission, { projectId: workflow.projectId, workflowId: id })) throw lacks(ctx, permission, placeName(access, 'workflow:read', { projectId: workflow.projectId, workflowId: id }, `workflow ${workflow.slug}`, 'this workflow'));
  return { workflow, ...access };
}

export function createWorkflow(ctx: Context, projectId: string, input: { name: string; slug: string }) {
  return conflictOnDuplicate(
    () =>
      ctx.prisma.$transaction(async (tx) => {
        const { project } = await requireProject(ctx, tx, projectId, 'workflow:create');
        const created = await tx.workflow.create({ data: { projectId, name: input.name, slug: input.slug } });
        await recordAudit(tx, ctx, {
          organizationId: project.organizationId,
          action: 'workflow.create',
          targetType: 'Workflow',
          targetId: created.id,
          changes: { projectId, name: created.name, slug: created.slug },
        });
        return created;
      }),
    slugTaken(input.slug),
  );
}

export function updateWorkflow(ctx: Context, id: string, input: { name?: string; slug?: string }) {
  return conflictOnDuplicate(
    () =>
      ctx.prisma.$transaction(async (tx) => {
        const { workflow: before, project } = await requireWorkflow(ctx, tx, id, 'workflow:update');
        const { data, changes, changed } = changedFields(before, input);
        if (!changed) return before;
        const after = await tx.workflow.update({ where: { id }, data });
        await recordAudit(tx, ctx, { organizationId: project.organizationId, action: 'workflow.update', targetType: 'Workflow', targetId: id, changes });
        return after;
      }),
    slugTaken(input.slug),
  );
}

export function deleteWorkflow(ctx: Context, id: string) {
  return ctx.prisma.$transaction(async (tx) => {
    const { workflow, project } = await requireWorkflow(ctx, tx, id, 'workflow:delete');
    await tx.workflow.delete({ where: { id } });
    await recordAudit(tx, ctx, {
      organizationId: project.organizationId,
      action: 'workflow.delete',
      targetType: 'Workflow',
      targetId: id,
      changes: { projectId: workflow.projectId, name: workflow.name, slug: workflow.slug },
    });
  });
}
