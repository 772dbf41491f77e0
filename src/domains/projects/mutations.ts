import { ConflictError } from '../../errors.ts';
import { builder } from '../../graphql/builder.ts';
import { commonErrors } from '../../graphql/error-types.ts';
import { parseGlobalId, toGlobalId } from '../../graphql/ids.ts';
import { displayName, rejectNulls, slug } from '../../graphql/inputs.ts';
import { isUniqueViolation } from '../../graphql/prisma-errors.ts';
import { requireOrganization, requireProject } from '../access.ts';
import { changedFields, recordAudit } from '../audit/record.ts';
import { canManageProjects } from '../organizations/permissions.ts';
import { ProjectRef } from './types.ts';

const ProjectPayload = builder.simpleObject('ProjectPayload', {
  fields: (t) => ({ project: t.field({ type: ProjectRef }) }),
});
const DeleteProjectPayload = builder.simpleObject('DeleteProjectPayload', {
  fields: (t) => ({ deletedProjectId: t.id() }),
});

const CreateProjectInput = builder.inputType('CreateProjectInput', {
  fields: (t) => ({
    organizationId: t.id({ required: true }),
    name: t.string({ required: true, validate: displayName(100) }),
    slug: t.string({ required: true, validate: slug }),
  }),
});

builder.mutationField('createProject', (t) =>
  t.field({
    type: ProjectPayload,
    errors: { types: commonErrors },
    args: { input: t.arg({ type: CreateProjectInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const organizationId = parseGlobalId(String(input.organizationId), 'Organization', ['input', 'organizationId']);
      try {
        const project = await ctx.prisma.$transaction(async (tx) => {
          await requireOrganization(ctx, organizationId, canManageProjects, tx);
          const created = await tx.project.create({ data: { organizationId, name: input.name, slug: input.slug } });
          await recordAudit(tx, ctx, {
            organizationId,
            action: 'project.create',
            targetType: 'Project',
            targetId: created.id,
            changes: { name: created.name, slug: created.slug },
          });
          return created;
        });
        return { project };
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError(`A project with slug "${input.slug}" already exists`);
        throw error;
      }
    },
  }),
);

const UpdateProjectInput = builder.inputType('UpdateProjectInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string({ validate: displayName(100) }),
    slug: t.string({ validate: slug }),
  }),
});

builder.mutationField('updateProject', (t) =>
  t.field({
    type: ProjectPayload,
    errors: { types: commonErrors },
    args: { input: t.arg({ type: UpdateProjectInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = parseGlobalId(String(input.id), 'Project', ['input', 'id']);
      rejectNulls(input, ['name', 'slug']);
      const name = input.name ?? undefined;
      const newSlug = input.slug ?? undefined;
      try {
        const project = await ctx.prisma.$transaction(async (tx) => {
          const { project: before } = await requireProject(ctx, tx, id, canManageProjects);
          const { data, changes, changed } = changedFields(before, { name, slug: newSlug });
          if (!changed) return before;
          const after = await tx.project.update({ where: { id }, data });
          await recordAudit(tx, ctx, { organizationId: before.organizationId, action: 'project.update', targetType: 'Project', targetId: id, changes });
          return after;
        });
        return { project };
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError(`A project with slug "${input.slug}" already exists`);
        throw error;
      }
    },
  }),
);

const DeleteProjectInput = builder.inputType('DeleteProjectInput', {
  fields: (t) => ({ id: t.id({ required: true }) }),
});

builder.mutationField('deleteProject', (t) =>
  t.field({
    type: DeleteProjectPayload,
    description: "Deletes the project with its workflows, executions and project-level API keys.",
    errors: { types: commonErrors },
    args: { input: t.arg({ type: DeleteProjectInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = parseGlobalId(String(input.id), 'Project', ['input', 'id']);
      await ctx.prisma.$transaction(async (tx) => {
        const { project } = await requireProject(ctx, tx, id, canManageProjects);
        await tx.project.delete({ where: { id } });
        await recordAudit(tx, ctx, {
          organizationId: project.organizationId,
          action: 'project.delete',
          targetType: 'Project',
          targetId: id,
          changes: { name: project.name, slug: project.slug },
        });
      });
      return { deletedProjectId: toGlobalId('Project', id) };
    },
  }),
);
