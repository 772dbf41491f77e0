import { z } from 'zod';
import { ConflictError, ValidationError } from '../../errors.ts';
import { builder } from '../../graphql/builder.ts';
import { parseGlobalId } from '../../graphql/ids.ts';
import { viewerKey } from '../../authz/access.ts';
import { MAX_PAYLOAD_BYTES, MAX_PAYLOAD_DEPTH, payloadJson } from './payload.ts';
import { triggerWorkflow } from './service.ts';
import { WorkflowExecutionRef } from './types.ts';

// Machine-facing API: what external systems call with an API key. Each field declares its permission statically in
// `authScopes`; scope-auth enforces it and requires-permission-plugin prints it in the SDL.

const TriggerWorkflowInput = builder.inputType('TriggerWorkflowInput', {
  fields: (t) => ({
    workflowId: t.id({ required: true }),
    payload: t.field({
      type: 'JSON',
      description: `Any JSON, at most ${MAX_PAYLOAD_BYTES / 1024} KiB and ${MAX_PAYLOAD_DEPTH} levels deep.`,
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

builder.mutationField('triggerWorkflow', (t) =>
  t.field({
    type: TriggerWorkflowPayload,
    description: 'Starts a workflow execution (status QUEUED). API keys only.',
    // API keys only (people trigger through a key); printed as @requiresApiKey and @requiresPermission.
    authScopes: { $all: { apiKey: true, permission: 'workflow:trigger' } },
    errors: { types: [ValidationError, ConflictError] },
    args: { input: t.arg({ type: TriggerWorkflowInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      triggerWorkflow(ctx, viewerKey(ctx), {
        workflowId: parseGlobalId(String(input.workflowId), 'Workflow', ['input', 'workflowId']),
        payload: payloadJson(input.payload ?? null),
        idempotencyKey: input.idempotencyKey ?? null,
      }),
  }),
);
