import type { AuthenticatedKey, Context } from '../../context.ts';
import { ConflictError, QuotaExceededError } from '../../errors.ts';
import type { Prisma, PrismaClient, WorkflowExecution } from '../../generated/prisma/client.ts';
import { currentQuota, nextRefillAt, parseStoredQuota, quotaEvents } from '../api-keys/quota.ts';
import { recordKeyEvent } from '../api-keys/key-events.ts';
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
  /** Credits the execution costs a key with a quota (1 to MAX_TRIGGER_COST); ignored without one. */
  cost: number;
};

export type Triggered = { execution: WorkflowExecution; replayed: boolean };

/**
 * Starts an execution of a workflow for the calling key, or returns the one an earlier call with the same idempotency
 * key started. Unknown and unreachable workflows look alike (both are outside the key's reach: 403); a key deleted or
 * revoked since it authenticated gets 401; the same idempotency key with another payload is a ConflictError. A key
 * with a quota pays `cost` credits for a started execution (not for a replay), under its row lock; too few credits is
 * QuotaExceededError and starts nothing; crossing the low threshold or reaching zero queues its webhook event in the
 * same transaction, so each is sent once.
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
  const insert = (client: Db, metered: boolean) => insertExecution(client, ctx, key, { workflowId, payload, idempotencyKey, reach, grantProjects, grantWorkflows, metered });
  // A key without a quota: one statement, one round trip (see insertExecution). Its cached state may lag a quota set a
  // moment ago on another instance: the statement starts nothing for a key that has one, and the quota path decides.
  if (!key.hasQuota) {
    const result = await insert(ctx.prisma, false);
    if (!result.metered) return settle(ctx, key, workflowId, input, result, outside);
  }
  return ctx.prisma.$transaction(async (tx) => {
    const quota = await lockQuota(tx, key);
    if (!quota) return settle(ctx, key, workflowId, input, await insert(tx, false), outside);
    const now = ctx.clock.now();
    const state = currentQuota(quota.state, now);
    const refillsAt = state.refill ? new Date(nextRefillAt(state.refill, now.getTime())) : null;
    if (state.remaining < input.cost) {
      // A retry of a trigger that already ran is answered as a replay, without credits.
      const earlier = idempotencyKey === null ? null : await findReplay(tx, key, workflowId, idempotencyKey, payload);
      if (earlier) return earlier;
      throw new QuotaExceededError(state.remaining, input.cost, refillsAt);
    }
    const result = await insert(tx, true);
    if (!result.id) return settle(ctx, key, workflowId, input, result, outside);
    const after = state.remaining - input.cost;
    await tx.$executeRaw`UPDATE "ApiKey" SET "quotaRemaining" = ${after}, "quotaRefilledAt" = ${state.refilledAt} WHERE id = ${key.id}::uuid`;
    for (const type of quotaEvents(state.remaining, after, state.lowThreshold)) {
      await recordKeyEvent(tx, ctx, type, quota.facts, { quota: { remaining: after, lowThreshold: state.lowThreshold, refillsAt: refillsAt?.toISOString() ?? null } });
    }
    return settle(ctx, key, workflowId, input, result, outside);
  });
}

type Db = PrismaClient | Prisma.TransactionClient;
type Inserted = Partial<WorkflowExecution> & { live: number; reachable: number; metered: boolean };

/**
 * One statement, one round trip: the key must still be active (share-locked, so that a concurrent delete or revoke
 * either commits first — then nothing is inserted and the answer is 401 — or waits for this execution), the workflow
 * must be in a project the key reaches, and the execution is inserted unless this idempotency key was used before.
 * Unless `metered` (the caller holds the key's row and charges its quota), a key with a quota gets nothing inserted
 * and `metered: true`.
 */
async function insertExecution(
  client: Db,
  ctx: Context,
  key: AuthenticatedKey,
  q: { workflowId: string; payload: string; idempotencyKey: string | null; reach: ReturnType<typeof projectReach>; grantProjects: string[] | null; grantWorkflows: string[]; metered: boolean },
): Promise<Inserted> {
  const { reach, grantProjects, grantWorkflows } = q;
  const [result] = await client.$queryRaw<Inserted[]>`
    WITH live AS (
      SELECT id, quota IS NOT NULL AS metered FROM "ApiKey" WHERE id = ${key.id}::uuid AND status = 'ACTIVE' FOR SHARE
    ), target AS (
      SELECT w.id, w."projectId" FROM "Workflow" w JOIN "Project" p ON p.id = w."projectId"
      WHERE w.id = ${q.workflowId}::uuid AND p."organizationId" = ${reach.organizationId}::uuid
        AND (${reach.allProjects}::boolean OR p.id = ANY(${reach.projectIds}::uuid[]))
        AND (${grantProjects === null}::boolean OR p.id = ANY(${grantProjects ?? []}::uuid[]) OR w.id = ANY(${grantWorkflows}::uuid[]))
    ), inserted AS (
      INSERT INTO "WorkflowExecution" (id, "workflowId", "projectId", "apiKeyId", "apiKeyPublicId", status, payload, "idempotencyKey", "createdAt")
      SELECT gen_random_uuid(), target.id, target."projectId", live.id, ${key.publicId}, 'QUEUED', ${q.payload}::jsonb,
             ${q.idempotencyKey}, ${ctx.clock.now()}
      FROM target, live
      WHERE ${q.metered}::boolean OR NOT live.metered
      ON CONFLICT ("apiKeyId", "workflowId", "idempotencyKey") DO NOTHING
      RETURNING *
    )
    SELECT (SELECT count(*) FROM live)::int AS live, (SELECT count(*) FROM target)::int AS reachable,
           COALESCE((SELECT metered FROM live), false) AND NOT ${q.metered}::boolean AS metered, inserted.*
    FROM (SELECT 1) AS one LEFT JOIN inserted ON true`;
  return result;
}

/** The key's quota, its row locked for the charge; null when it has none (any more). A key gone or not active: 401. */
async function lockQuota(tx: Prisma.TransactionClient, key: AuthenticatedKey) {
  const [row] = await tx.$queryRaw<{ status: string; quota: unknown; quotaRemaining: bigint | null; quotaRefilledAt: Date | null; name: string; organizationId: string; projectId: string | null; publicId: string }[]>`
    SELECT status::text AS status, quota, "quotaRemaining", "quotaRefilledAt", name, "organizationId", "projectId", "publicId"
    FROM "ApiKey" WHERE id = ${key.id}::uuid FOR UPDATE`;
  if (!row || row.status !== 'ACTIVE') throw unauthenticated();
  const settings = parseStoredQuota(row.quota);
  if (!settings) return null;
  return {
    state: { ...settings, remaining: Number(row.quotaRemaining ?? 0), refilledAt: row.quotaRefilledAt ?? new Date(0) },
    facts: { id: key.id, name: row.name, organizationId: row.organizationId, projectId: row.projectId, publicId: row.publicId },
  };
}

/** The answer of an insert attempt: a new execution, or the replay of an earlier one (its payload must match). */
async function settle(ctx: Context, key: AuthenticatedKey, workflowId: string, input: TriggerInput, result: Inserted, outside: () => Error): Promise<Triggered> {
  if (!result.live) throw unauthenticated();
  if (!result.reachable) throw outside();
  if (result.id) {
    const { live: _live, reachable: _reachable, metered: _metered, ...execution } = result;
    return { execution: execution as WorkflowExecution, replayed: false };
  }
  const replay = await findReplay(ctx.prisma, key, workflowId, input.idempotencyKey!, input.payload);
  if (!replay) throw new Error('an idempotent insert conflicted with no earlier execution');
  return replay;
}

/** The caller's earlier execution of this workflow under this idempotency key, or null; a different payload conflicts. */
async function findReplay(client: Db, key: AuthenticatedKey, workflowId: string, idempotencyKey: string, payload: string): Promise<Triggered | null> {
  // Keys are scoped to the calling API key (unique index), so this is always the caller's own execution.
  const [original] = await client.$queryRaw<(WorkflowExecution & { samePayload: boolean })[]>`
    SELECT *, payload IS NOT DISTINCT FROM ${payload}::jsonb AS "samePayload" FROM "WorkflowExecution"
    WHERE "apiKeyId" = ${key.id}::uuid AND "workflowId" = ${workflowId}::uuid AND "idempotencyKey" = ${idempotencyKey}`;
  if (!original) return null;
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
