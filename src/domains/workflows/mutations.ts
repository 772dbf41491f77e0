import { builder } from '../../graphql/builder.ts';
import { changeErrors, uniqueChangeErrors } from '../../graphql/error-types.ts';
import { parseGlobalId, toGlobalId } from '../../graphql/ids.ts';
import { displayName, rejectNulls, slug } from '../../graphql/inputs.ts';
import { createWorkflow, deleteWorkflow, updateWorkflow } from './service.ts';
import { WorkflowRef } from './types.ts';

const WorkflowPayload = builder.simpleObject('WorkflowPayload', {
  fields: (t) => ({ workflow: t.field({ type: WorkflowRef }) }),
});
const DeleteWorkflowPayload = builder.simpleObject('DeleteWorkflowPayload', {
  fields: (t) => ({ deletedWorkflowId: t.id() }),
});

const CreateWorkflowInput = builder.inputType('CreateWorkflowInput', {
  fields: (t) => ({
    projectId: t.id({ required: true }),
    name: t.string({ required: true, validate: displayName(100) }),
    slug: t.string({ required: true, validate: slug }),
  }),
});

builder.mutationField('createWorkflow', (t) =>
  t.field({
    authScopes: { changePermission: 'workflow:create' },
    description: 'Creates a workflow in a project; API keys trigger it with `triggerWorkflow`. OWNER and ADMIN.',
    type: WorkflowPayload,
    errors: { types: uniqueChangeErrors },
    args: { input: t.arg({ type: CreateWorkflowInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const projectId = parseGlobalId(String(input.projectId), 'Project', ['input', 'projectId']);
      return { workflow: await createWorkflow(ctx, projectId, input) };
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
    authScopes: { changePermission: 'workflow:update' },
    description: 'Renames a workflow or changes its slug. OWNER and ADMIN.',
    type: WorkflowPayload,
    errors: { types: uniqueChangeErrors },
    args: { input: t.arg({ type: UpdateWorkflowInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = parseGlobalId(String(input.id), 'Workflow', ['input', 'id']);
      rejectNulls(input, ['name', 'slug']);
      return { workflow: await updateWorkflow(ctx, id, { name: input.name ?? undefined, slug: input.slug ?? undefined }) };
    },
  }),
);

const DeleteWorkflowInput = builder.inputType('DeleteWorkflowInput', {
  fields: (t) => ({ id: t.id({ required: true }) }),
});

builder.mutationField('deleteWorkflow', (t) =>
  t.field({
    authScopes: { changePermission: 'workflow:delete' },
    description: 'Deletes a workflow with its executions. OWNER and ADMIN.',
    type: DeleteWorkflowPayload,
    errors: { types: changeErrors },
    args: { input: t.arg({ type: DeleteWorkflowInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = parseGlobalId(String(input.id), 'Workflow', ['input', 'id']);
      await deleteWorkflow(ctx, id);
      return { deletedWorkflowId: toGlobalId('Workflow', id) };
    },
  }),
);
