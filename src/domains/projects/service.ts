import type { Context } from '../../context.ts';
import { ValidationError } from '../../errors.ts';
import { conflictOnDuplicate } from '../../graphql/prisma-errors.ts';
import { requireOrganization, requireProject } from '../../authz/access.ts';
import { changedFields, recordAudit } from '../audit/record.ts';

// Projects: each function is one transaction with its audit event; `project:*` permissions (OWNER and ADMIN, and keys granted them).

/**
 * Projects an organization may have. Lists that expand to every project (an organization key's `projectAccess` with
 * `all`) are costed at this bound, and the console's key dialogs show every project on one page of 100.
 */
export const MAX_PROJECTS_PER_ORGANIZATION = 100;

const slugTaken = (slug: string | undefined) => `A project with slug "${slug}" already exists`;

export function createProject(ctx: Context, organizationId: string, input: { name: string; slug: string }) {
  return conflictOnDuplicate(
    () =>
      ctx.prisma.$transaction(async (tx) => {
        await requireOrganization(ctx, organizationId, 'project:create', tx);
        // The row lock serialises concurrent creations, so that two of them cannot both pass the count.
        await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${organizationId}::uuid FOR UPDATE`;
        if ((await tx.project.count({ where: { organizationId } })) >= MAX_PROJECTS_PER_ORGANIZATION) {
          throw ValidationError.field(['input', 'organizationId'], `an organization can have at most ${MAX_PROJECTS_PER_ORGANIZATION} projects`);
        }
        const created = await tx.project.create({ data: { organizationId, name: input.name, slug: input.slug } });
        await recordAudit(tx, ctx, {
          organizationId,
          action: 'project.create',
          targetType: 'Project',
          targetId: created.id,
          changes: { name: created.name, slug: created.slug },
        });
        return created;
      }),
    slugTaken(input.slug),
  );
}

export function updateProject(ctx: Context, id: string, input: { name?: string; slug?: string }) {
  return conflictOnDuplicate(
    () =>
      ctx.prisma.$transaction(async (tx) => {
        const { project: before } = await requireProject(ctx, tx, id, 'project:update');
        const { data, changes, changed } = changedFields(before, input);
        if (!changed) return before;
        const after = await tx.project.update({ where: { id }, data });
        await recordAudit(tx, ctx, { organizationId: before.organizationId, action: 'project.update', targetType: 'Project', targetId: id, changes });
        return after;
      }),
    slugTaken(input.slug),
  );
}

export function deleteProject(ctx: Context, id: string) {
  return ctx.prisma.$transaction(async (tx) => {
    const { project } = await requireProject(ctx, tx, id, 'project:delete');
    await tx.project.delete({ where: { id } });
    await recordAudit(tx, ctx, {
      organizationId: project.organizationId,
      action: 'project.delete',
      targetType: 'Project',
      targetId: id,
      changes: { name: project.name, slug: project.slug },
    });
  });
}
