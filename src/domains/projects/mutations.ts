import { builder } from '../../graphql/builder.ts';
import { changeErrors, uniqueChangeErrors } from '../../graphql/error-types.ts';
import { parseGlobalId, toGlobalId } from '../../graphql/ids.ts';
import { displayName, rejectNulls, slug } from '../../graphql/inputs.ts';
import { createProject, deleteProject, updateProject } from './service.ts';
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
    authScopes: { changePermission: 'project:create' },
    description: 'Creates a project. OWNER and ADMIN.',
    type: ProjectPayload,
    errors: { types: uniqueChangeErrors },
    args: { input: t.arg({ type: CreateProjectInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const organizationId = parseGlobalId(String(input.organizationId), 'Organization', ['input', 'organizationId']);
      return { project: await createProject(ctx, organizationId, input) };
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
    authScopes: { changePermission: 'project:update' },
    description: 'Renames a project or changes its slug. OWNER and ADMIN.',
    type: ProjectPayload,
    errors: { types: uniqueChangeErrors },
    args: { input: t.arg({ type: UpdateProjectInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = parseGlobalId(String(input.id), 'Project', ['input', 'id']);
      rejectNulls(input, ['name', 'slug']);
      return { project: await updateProject(ctx, id, { name: input.name ?? undefined, slug: input.slug ?? undefined }) };
    },
  }),
);

const DeleteProjectInput = builder.inputType('DeleteProjectInput', {
  fields: (t) => ({ id: t.id({ required: true }) }),
});

builder.mutationField('deleteProject', (t) =>
  t.field({
    authScopes: { changePermission: 'project:delete' },
    type: DeleteProjectPayload,
    description: "Deletes the project with its workflows, executions and project-level API keys.",
    errors: { types: changeErrors },
    args: { input: t.arg({ type: DeleteProjectInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = parseGlobalId(String(input.id), 'Project', ['input', 'id']);
      await deleteProject(ctx, id);
      return { deletedProjectId: toGlobalId('Project', id) };
    },
  }),
);
