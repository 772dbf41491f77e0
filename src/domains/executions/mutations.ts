import { z } from 'zod';
import { ConflictError, QuotaExceededError, ValidationError } from '../../errors.ts';
import { MAX_TRIGGER_COST } from '../api-keys/quota.ts';
import { builder } from '../../graphql/builder.ts';
import { parseGlobalId } from '../../graphql/ids.ts';
import { viewerKey } from '../../authz/access.ts';
import { MAX_PAYLOAD_BYTES, MAX_PAYLOAD_DEPTH, payloadJson } from './payload.ts';
import { triggerWorkflow, type WorkflowRef } from './service.ts';
import { WorkflowExecutionRef } from './types.ts';

// Machine-facing API: what external systems call with an API key. Each field declares its permission statically in
// `authScopes`; scope-auth enforces it and requires-permission-plugin prints it in the SDL.

const TriggerWorkflowInput = builder.inputType('TriggerWorkflowInput', {
  fields: (t) => ({
    workflowId: t.id({ description: 'The workflow by its id; give this or `workflowPath`.' }),
    workflowPath: t.string({
      description:
        'The workflow by its slugs, `organization/project/workflow` (as the CLI takes it); give this or `workflowId`. Needs no read permission: a path outside what the key may trigger is refused like an unknown id.',
      validate: z
        .string()
        .max(200, 'must be at most 200 characters')
        .regex(/^[^/\s]+\/[^/\s]+\/[^/\s]+$/, 'must be organization/project/workflow')
        .nullish(),
    }),
    payload: t.field({
      type: 'JSON',
      description: `Any JSON, at most ${MAX_PAYLOAD_BYTES / 1024} KiB and ${MAX_PAYLOAD_DEPTH} levels deep.`,
    }),
    cost: t.int({
      description: `Credits this execution costs a key with a quota (\`ApiKey.quota\`), 1 to ${MAX_TRIGGER_COST}; default 1. Ignored for a key without one; a replay costs nothing.`,
      validate: z.number().int().min(1, 'must be at least 1').max(MAX_TRIGGER_COST, `must be at most ${MAX_TRIGGER_COST}`).nullish(),
    }),
    idempotencyKey: t.string({
      description:
        'Retries by the same API key with the same idempotency key and payload return the original execution; a different payload is a ConflictError. Keys are scoped to the calling API key.',
      validate: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters').regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces').nullish(),
    }),
  }),
});

const TriggerWorkflowPayload = builder.simpleObject('TriggerWorkflowPayload', {
  fields: (t) => ({
    execution: t.field({ type: WorkflowExecutionRef }),
    replayed: t.boolean({ description: 'True when an earlier execution with the same idempotency key was returned.' }),
  }),
});

/** Exactly one of the two ways to name the workflow. */
function workflowRef(workflowId: string | number | null, workflowPath: string | null): WorkflowRef {
  if ((workflowId === null) === (workflowPath === null)) {
    throw ValidationError.field(['input', workflowId === null ? 'workflowId' : 'workflowPath'], 'give either workflowId or workflowPath, not both or neither');
  }
  if (workflowId !== null) return { id: parseGlobalId(String(workflowId), 'Workflow', ['input', 'workflowId']) };
  const [organization, project, workflow] = workflowPath!.split('/');
  return { path: { organization, project, workflow } };
}

builder.mutationField('triggerWorkflow', (t) =>
  t.field({
    type: TriggerWorkflowPayload,
    description: 'Starts a workflow execution (status QUEUED). API keys only. A key with a quota pays `cost` credits (QuotaExceededError when it has fewer).',
    // API keys only (people trigger through a key); printed as @requiresApiKey and @requiresPermission.
    authScopes: { $all: { apiKey: true, permission: 'workflow:trigger' } },
    errors: { types: [ValidationError, ConflictError, QuotaExceededError] },
    args: { input: t.arg({ type: TriggerWorkflowInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      triggerWorkflow(ctx, viewerKey(ctx), {
        workflow: workflowRef(input.workflowId ?? null, input.workflowPath ?? null),
        payload: payloadJson(input.payload ?? null),
        idempotencyKey: input.idempotencyKey ?? null,
        cost: input.cost ?? 1,
      }),
  }),
);
