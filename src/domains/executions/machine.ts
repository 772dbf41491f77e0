import { z } from 'zod';
import { forbidden, unauthenticated } from '../../http-errors.ts';
import type { Context } from '../../context.ts';
import { ConflictError, ValidationError } from '../../errors.ts';
import type { WorkflowExecution } from '../../generated/prisma/client.ts';
import { builder } from '../../graphql/builder.ts';
import { parseGlobalId, toGlobalId } from '../../graphql/ids.ts';
import { projectReach } from '../../authz/key-reach.ts';
import { visiblePrefix } from '../../lib/key-format.ts';
import type { AuthenticatedKey } from '../../context.ts';
import { parseStoredGrants, projectsWith, scopesOf, workflowsWith, type ScopeGrant } from '../../authz/grants.ts';
import { ApiKeyGrantRef, ApiKeyLevelEnum, ApiKeyScopeEnum, ExpiryPolicyEnum } from '../api-keys/types.ts';
import { MAX_PAYLOAD_BYTES, MAX_PAYLOAD_DEPTH, payloadJson } from './payload.ts';
import { readsExecution, WorkflowExecutionRef } from './types.ts';

// Machine-facing API: what external systems call with an API key. Each field declares its scope statically in
// `authScopes`; scope-auth enforces it and requires-scope-plugin prints it as @requiresScope in the SDL.


function callingKey(ctx: Context): AuthenticatedKey {
  if (ctx.principal?.kind !== 'apiKey') throw new Error('machine-facing resolver reached without an API key');
  return ctx.principal.key;
}

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
    resolve: async (_root, { input }, ctx) => {
      const key = callingKey(ctx);
      const workflowId = parseGlobalId(String(input.workflowId), 'Workflow', ['input', 'workflowId']);
      const payload = payloadJson(input.payload ?? null);
      // Unknown and unreachable workflows look alike: both are outside this key's reach.
      const outside = () => forbidden('This key cannot trigger this workflow');
      // Where the key's workflow:trigger grants apply: every project it reaches, named projects, named workflows.
      const grantProjects = projectsWith(key, 'workflow:trigger');
      const grantWorkflows = workflowsWith(key, 'workflow:trigger');
      if (grantProjects !== null && !grantProjects.length && !grantWorkflows.includes(workflowId)) throw outside();
      const reach = projectReach(key);
      // One statement, one round trip: the key must still be active (share-locked, so that a concurrent delete or
      // revoke either commits first — then nothing is inserted and the answer is 401 — or waits for this execution),
      // the workflow must be in a project the key reaches, and the execution is inserted unless this idempotency key
      // was used before.
      const [result] = await ctx.prisma.$queryRaw<(Partial<WorkflowExecution> & { live: number; reachable: number })[]>`
        WITH live AS (
          SELECT id FROM "ApiKey" WHERE id = ${key.id}::uuid AND status = 'ACTIVE' FOR SHARE
        ), target AS (
          SELECT w.id, w."projectId" FROM "Workflow" w JOIN "Project" p ON p.id = w."projectId"
          WHERE w.id = ${workflowId}::uuid AND p."organizationId" = ${reach.organizationId}::uuid
            AND (${reach.allProjects}::boolean OR p.id = ANY(${reach.projectIds}::uuid[]))
            AND (${grantProjects === null}::boolean OR p.id = ANY(${grantProjects ?? []}::uuid[]) OR w.id = ANY(${grantWorkflows}::uuid[]))
        ), inserted AS (
          INSERT INTO "WorkflowExecution" (id, "workflowId", "projectId", "apiKeyId", "apiKeyPublicId", status, payload, "idempotencyKey", "createdAt")
          SELECT gen_random_uuid(), target.id, target."projectId", live.id, ${key.publicId}, 'QUEUED', ${payload}::jsonb,
                 ${input.idempotencyKey ?? null}, ${ctx.clock.now()}
          FROM target, live
          ON CONFLICT ("apiKeyId", "workflowId", "idempotencyKey") DO NOTHING
          RETURNING *
        )
        SELECT (SELECT count(*) FROM live)::int AS live, (SELECT count(*) FROM target)::int AS reachable, inserted.*
        FROM (SELECT 1) AS one LEFT JOIN inserted ON true`;
      if (!result.live) throw unauthenticated();
      if (!result.reachable) throw outside();
      if (result.id) {
        const { live: _live, reachable: _reachable, ...execution } = result;
        return { execution: execution as WorkflowExecution, replayed: false };
      }
      // Keys are scoped to the calling API key (unique index), so this is always the caller's own execution.
      const [original] = await ctx.prisma.$queryRaw<(WorkflowExecution & { samePayload: boolean })[]>`
        SELECT *, payload IS NOT DISTINCT FROM ${payload}::jsonb AS "samePayload" FROM "WorkflowExecution"
        WHERE "apiKeyId" = ${key.id}::uuid AND "workflowId" = ${workflowId}::uuid AND "idempotencyKey" = ${input.idempotencyKey}`;
      // A retry must be the same request: a different payload under the same key is a client bug, not a replay.
      if (!original.samePayload) {
        throw new ConflictError('This idempotency key was already used with a different payload for this workflow');
      }
      const { samePayload: _same, ...execution } = original;
      return { execution, replayed: true };
    },
  }),
);

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

// ——— currentApiKey: the calling key's own configuration ———

const CurrentScopeRef = builder.objectRef<ScopeGrant>('CurrentApiKeyScope').implement({
  description: 'A scope of the calling key (deprecated with `CurrentApiKey.scopes`: see `permissions`).',
  fields: (t) => ({
    scope: t.field({ type: ApiKeyScopeEnum, resolve: (g) => g.scope }),
    workflowIds: t.idList({
      nullable: true,
      description: 'Null means every workflow the key reaches.',
      resolve: (g) => g.workflowIds?.map((id) => toGlobalId('Workflow', id)) ?? null,
    }),
  }),
});

type CurrentKey = Awaited<ReturnType<typeof loadCurrentKey>>;

async function loadCurrentKey(ctx: Context, key: AuthenticatedKey) {
  const row = await ctx.prisma.apiKey.findUnique({
    where: { id: key.id },
    select: { name: true, expiryPolicy: true, expiresAt: true, graceEndsAt: true, createdAt: true },
  });
  if (!row) throw unauthenticated(); // deleted since this request was authenticated
  return { ...row, key };
}

const CurrentApiKeyRef = builder.objectRef<CurrentKey>('CurrentApiKey').implement({
  description: 'What an integration can learn about the key it calls with. Never the secret.',
  fields: (t) => ({
    id: t.id({ resolve: (c) => toGlobalId('ApiKey', c.key.id) }),
    name: t.exposeString('name'),
    prefix: t.string({ resolve: (c) => visiblePrefix(c.key.publicId) }),
    level: t.field({ type: ApiKeyLevelEnum, resolve: (c) => c.key.level }),
    organizationId: t.id({ resolve: (c) => toGlobalId('Organization', c.key.organizationId) }),
    scopes: t.field({
      type: [CurrentScopeRef],
      deprecationReason: 'Use `permissions`: the scopes are the grants of workflow:trigger and execution:read.',
      resolve: (c) => scopesOf(parseStoredGrants(c.key.grants)),
    }),
    permissions: t.field({
      type: [ApiKeyGrantRef],
      description: 'What the key was granted and where. It can do at most what its owner may do now (`effective`).',
      resolve: (c) => parseStoredGrants(c.key.grants).map((grant) => ({ grant, key: c.key })),
    }),
    expiryPolicy: t.field({ type: ExpiryPolicyEnum, resolve: (c) => c.expiryPolicy }),
    expiresAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.expiresAt }),
    graceEndsAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.graceEndsAt }),
    allProjects: t.boolean({ resolve: (c) => c.key.level === 'ORGANIZATION' && c.key.allProjects }),
    projectIds: t.idList({
      description: 'The project of a project-level key, or the selected projects (empty when allProjects).',
      resolve: (c) =>
        (c.key.level === 'PROJECT' ? [c.key.projectId!] : c.key.projectIds).map((id) => toGlobalId('Project', id)),
    }),
    ipAllowlist: t.stringList({
      description: 'Addresses and CIDR ranges the key may be used from (normalized); empty means any address.',
      resolve: (c) => c.key.ipAllowlist,
    }),
  }),
});

builder.queryField('currentApiKey', (t) =>
  t.field({
    type: CurrentApiKeyRef,
    description: "The calling API key's own metadata, so that an integration can check its configuration.",
    authScopes: { apiKey: true },
    resolve: (_root, _args, ctx) => loadCurrentKey(ctx, callingKey(ctx)),
  }),
);
