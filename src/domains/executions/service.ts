import type { AuthenticatedKey, Context } from '../../context.ts';
import { ConflictError } from '../../errors.ts';
import type { WorkflowExecution } from '../../generated/prisma/client.ts';
import { forbidden, unauthenticated } from '../../http-errors.ts';
import { projectReach } from '../../authz/key-reach.ts';
import { projectsWith, workflowsWith } from '../../authz/grants.ts';

/** A workflow by its id, or by its slugs (`organization/project/workflow`). */
export type WorkflowRef = { id: string } | { path: { organization: string; project: string; workflow: string } };

export type TriggerInput = {
  workflow: WorkflowRef;
  /** The payload as JSON text, already checked (payload.ts). */
  payload: string;
  idempotencyKey: string | null;
};

export type Triggered = { execution: WorkflowExecution; replayed: boolean };

/**
 * Starts an execution of a workflow for the calling key, or returns the one an earlier call with the same idempotency
 * key started. Unknown and unreachable workflows look alike (both are outside the key's reach: 403); a key deleted or
 * revoked since it authenticated gets 401; the same idempotency key with another payload is a ConflictError.
 */
export async function triggerWorkflow(ctx: Context, key: AuthenticatedKey, input: TriggerInput): Promise<Triggered> {
  const { payload, idempotencyKey } = input;
  const outside = () => forbidden('This key cannot trigger this workflow');
  const workflowId = 'id' in input.workflow ? input.workflow.id : await workflowIdByPath(ctx, key, input.workflow.path);
  if (workflowId === null) throw outside();
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
             ${idempotencyKey}, ${ctx.clock.now()}
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
    WHERE "apiKeyId" = ${key.id}::uuid AND "workflowId" = ${workflowId}::uuid AND "idempotencyKey" = ${idempotencyKey}`;
  // A retry must be the same request: a different payload under the same key is a client bug, not a replay.
  if (!original.samePayload) {
    throw new ConflictError('This idempotency key was already used with a different payload for this workflow');
  }
  const { samePayload: _same, ...execution } = original;
  return { execution, replayed: true };
}

/**
 * The id of the workflow at `organization/project/workflow` in the key's own organization, or null. Slugs of another
 * organization are never looked up, so a path answers exactly as an unknown id does (the reach checks follow).
 */
async function workflowIdByPath(ctx: Context, key: AuthenticatedKey, path: { organization: string; project: string; workflow: string }): Promise<string | null> {
  const { organizationId } = projectReach(key);
  const [row] = await ctx.prisma.$queryRaw<{ id: string }[]>`
    SELECT w.id FROM "Workflow" w
    JOIN "Project" p ON p.id = w."projectId"
    JOIN "Organization" o ON o.id = p."organizationId"
    WHERE o.id = ${organizationId}::uuid AND o.slug = ${path.organization} AND p.slug = ${path.project} AND w.slug = ${path.workflow}`;
  return row?.id ?? null;
}
