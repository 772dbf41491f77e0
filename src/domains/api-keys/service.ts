import type { Context } from '../../context.ts';
import {
  BulkOperationError,
  ConflictError,
  NotFoundError,
  PermissionDeniedError,
  ValidationError,
  type BulkItemFailure,
} from '../../errors.ts';
import type { ApiKey, Organization, Prisma } from '../../generated/prisma/client.ts';
import type { ExpiryPolicy } from '../../generated/prisma/enums.ts';
import { conflictOnDuplicate } from '../../graphql/prisma-errors.ts';
import { requireApiAccess } from '../../authz/plans.ts';
import { requireOrganization, requireProject, viewerUser } from '../../authz/access.ts';
import { changedFields, recordAudit } from '../audit/record.ts';
import { recordKeyEvent } from './key-events.ts';
import { canManageApiKeys } from '../../authz/roles.ts';
import { hashKey } from './hashing.ts';
import { generateKey, visiblePrefix, type GeneratedKey } from '../../lib/key-format.ts';
import { computeExpiresAt, displayStatus, graceEnd, MAX_GRACE_SECONDS, successorExpiresAt } from './lifecycle.ts';
import { parseStoredScopes, type ApiKeyScope, type ScopeGrant } from '../../authz/key-scopes.ts';

// The API-key lifecycle. Every function runs inside the caller's transaction and writes its audit events there, so
// a failure changes nothing and leaves no event. Secrets leave this module only in the create/rotate return value.

export type ScopeInput = { scope: ApiKeyScope; workflowIds: string[] | null };
export type AccessInput = { all: true } | { projectIds: string[] };
type Reach = { level: 'PROJECT'; projectId: string } | { level: 'ORGANIZATION'; all: boolean; projectIds: string[] };

/** Checks selected projects belong to the organization: another organization's project is simply not found. */
async function resolveProjectAccess(tx: Prisma.TransactionClient, organizationId: string, access: AccessInput): Promise<Reach> {
  if ('all' in access) return { level: 'ORGANIZATION', all: true, projectIds: [] };
  const ids = [...new Set(access.projectIds)];
  if (ids.length !== access.projectIds.length) {
    throw ValidationError.field(['input', 'projectAccess', 'projectIds'], 'must not contain duplicates');
  }
  const found = await tx.project.findMany({ where: { id: { in: ids }, organizationId }, select: { id: true } });
  if (found.length !== ids.length) throw new NotFoundError('Project');
  return { level: 'ORGANIZATION', all: false, projectIds: ids };
}

/** Narrowed workflows must lie within the key's reach; otherwise a validation error naming the scope. */
async function checkScopes(
  tx: Prisma.TransactionClient,
  organizationId: string,
  reach: Reach,
  scopes: ScopeInput[],
  /** Where an out-of-reach workflow is reported: the scope's own field, or the access change that caused it. */
  outsidePath: (index: number) => string[] = (i) => ['input', 'scopes', String(i), 'workflowIds'],
): Promise<ScopeGrant[]> {
  const seen = new Set<string>();
  for (const [i, s] of scopes.entries()) {
    if (seen.has(s.scope)) throw ValidationError.field(['input', 'scopes', String(i), 'scope'], 'is listed twice');
    seen.add(s.scope);
    if (s.workflowIds && new Set(s.workflowIds).size !== s.workflowIds.length) {
      throw ValidationError.field(['input', 'scopes', String(i), 'workflowIds'], 'must not contain duplicates');
    }
  }
  const wanted = [...new Set(scopes.flatMap((s) => s.workflowIds ?? []))];
  if (wanted.length) {
    const projectFilter: Prisma.WorkflowWhereInput =
      reach.level === 'PROJECT'
        ? { projectId: reach.projectId }
        : reach.all
          ? { project: { organizationId } }
          : { projectId: { in: reach.projectIds } };
    const reachable = new Set(
      (await tx.workflow.findMany({ where: { id: { in: wanted }, ...projectFilter }, select: { id: true } })).map((w) => w.id),
    );
    for (const [i, s] of scopes.entries()) {
      const outside = (s.workflowIds ?? []).filter((id) => !reachable.has(id));
      if (outside.length) {
        throw ValidationError.field(outsidePath(i), `${outside.length} workflow(s) are outside the projects this key reaches`);
      }
    }
  }
  return scopes.map((s) => ({ scope: s.scope, workflowIds: s.workflowIds }));
}

export type CreateKeyInput = {
  name: string;
  note: string | null;
  scopes: ScopeInput[];
  expiry: { policy: ExpiryPolicy; expiresAt: Date | null };
  /** Normalized (allowlist.ts); empty = any address. */
  ipAllowlist: string[];
};

export type IssuedKey = { apiKey: ApiKey; secret: string };

/** A new key's secret with its argon2id hash and verification tag. */
export type KeyMaterial = GeneratedKey & { secretHash: string; secretTag: string | null };

/**
 * Makes a new key's secret and hashes it. Called before the transaction that stores it: argon2 (tens of ms of CPU)
 * must not hold a database connection, or concurrent creations queue behind it until transactions time out.
 */
export async function newKeyMaterial(ctx: Context): Promise<KeyMaterial> {
  const generated = generateKey();
  return { ...generated, secretHash: await hashKey(generated.key), secretTag: ctx.secretTags?.tag(generated.key) ?? null };
}

async function issueKey(
  ctx: Context,
  tx: Prisma.TransactionClient,
  org: Organization,
  reach: Reach,
  input: CreateKeyInput,
  generated: KeyMaterial,
): Promise<IssuedKey> {
  const now = ctx.clock.now();
  const expiresAt = computeExpiresAt(input.expiry, now, org.maxKeyLifetimeDays);
  const scopes = await checkScopes(tx, org.id, reach, input.scopes);
  const user = viewerUser(ctx);
  const apiKey = await tx.apiKey.create({
    data: {
      organizationId: org.id,
      level: reach.level,
      projectId: reach.level === 'PROJECT' ? reach.projectId : null,
      allProjects: reach.level === 'ORGANIZATION' && reach.all,
      projectAccess:
        reach.level === 'ORGANIZATION' && !reach.all ? { create: reach.projectIds.map((projectId) => ({ projectId })) } : undefined,
      name: input.name,
      note: input.note,
      ownerId: user.id,
      createdById: user.id,
      scopes: scopes as unknown as Prisma.InputJsonValue,
      expiryPolicy: input.expiry.policy,
      expiresAt,
      ipAllowlist: input.ipAllowlist,
      publicId: generated.publicId,
      secretHash: generated.secretHash,
      secretTag: generated.secretTag,
    },
  });
  await recordAudit(tx, ctx, {
    organizationId: org.id,
    action: 'api_key.create',
    targetType: 'ApiKey',
    targetId: apiKey.id,
    changes: {
      name: apiKey.name,
      level: apiKey.level,
      prefix: generated.prefix,
      projectId: apiKey.projectId,
      allProjects: apiKey.allProjects,
      projectIds: reach.level === 'ORGANIZATION' ? reach.projectIds : [],
      scopes,
      expiryPolicy: apiKey.expiryPolicy,
      expiresAt: apiKey.expiresAt?.toISOString() ?? null,
      ipAllowlist: apiKey.ipAllowlist,
    },
  });
  await recordKeyEvent(tx, ctx, 'api_key.created', apiKey);
  return { apiKey, secret: generated.key };
}

// Authorization before argon2: the checks below run before a new secret is hashed (≈ 28 ms of CPU), outside any
// transaction, so a caller who will be refused (not a member, a MEMBER, a plan without API access, a key that cannot
// be rotated) costs a database read and no hash. The transaction checks everything again: a membership or plan may
// change in between, and only the checks under the transaction's row locks decide.

/** Refuses, before any hashing, a caller who may not create a key in the project. */
export async function authorizeProjectKeyCreation(ctx: Context, projectId: string): Promise<void> {
  const { organization } = await requireProject(ctx, ctx.prisma, projectId, canManageApiKeys);
  requireApiAccess(organization);
}

/** Refuses, before any hashing, a caller who may not create an organization key. */
export async function authorizeOrganizationKeyCreation(ctx: Context, organizationId: string): Promise<void> {
  const { organization } = await requireOrganization(ctx, organizationId, canManageApiKeys);
  requireApiAccess(organization);
}

/** Refuses, before any hashing, a rotation that rotateKey would refuse (same rules, without the row lock). */
export async function authorizeKeyRotation(ctx: Context, id: string, gracePeriodSeconds: number): Promise<void> {
  checkGracePeriod(gracePeriodSeconds);
  const key = await ctx.prisma.apiKey.findUnique({ where: { id } });
  if (!key) throw new NotFoundError('ApiKey');
  const access = await requireOrganization(ctx, key.organizationId).catch((error: unknown) => {
    throw error instanceof NotFoundError ? new NotFoundError('ApiKey') : error;
  });
  if (!canManageApiKeys(access.role)) throw new PermissionDeniedError();
  requireApiAccess(access.organization);
  checkRotatable(key, ctx.clock.now());
}

function checkGracePeriod(gracePeriodSeconds: number): void {
  if (!Number.isInteger(gracePeriodSeconds) || gracePeriodSeconds < 0 || gracePeriodSeconds > MAX_GRACE_SECONDS) {
    throw ValidationError.field(['input', 'gracePeriodSeconds'], `must be a whole number from 0 to ${MAX_GRACE_SECONDS}`);
  }
}

/** A key can be rotated once, and not once revoked or expired. */
function checkRotatable(key: ApiKey, now: Date): void {
  if (key.rotatedAt) throw new ConflictError('This key has already been rotated');
  const status = displayStatus(key, now);
  if (status === 'REVOKED') throw new ConflictError('A revoked key cannot be rotated');
  if (status === 'EXPIRED') throw new ConflictError('An expired key cannot be rotated');
}

export async function createProjectKey(
  ctx: Context,
  tx: Prisma.TransactionClient,
  projectId: string,
  input: CreateKeyInput,
  material: KeyMaterial,
): Promise<IssuedKey> {
  const { organization } = await requireProject(ctx, tx, projectId, canManageApiKeys);
  requireApiAccess(organization);
  return issueKey(ctx, tx, organization, { level: 'PROJECT', projectId }, input, material);
}

export async function createOrganizationKey(
  ctx: Context,
  tx: Prisma.TransactionClient,
  organizationId: string,
  access: AccessInput,
  input: CreateKeyInput,
  material: KeyMaterial,
): Promise<IssuedKey> {
  const { organization } = await requireOrganization(ctx, organizationId, canManageApiKeys, tx);
  requireApiAccess(organization);
  const reach = await resolveProjectAccess(tx, organizationId, access);
  return issueKey(ctx, tx, organization, reach, input, material);
}

/**
 * Loads a key for a change and locks its row for the rest of the transaction, so concurrent changes to one key
 * (50 rotations at once, delete racing a trigger) are serialised. Not a member → not found; MEMBER → forbidden.
 */
export async function lockKeyForChange(ctx: Context, tx: Prisma.TransactionClient, id: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "ApiKey" WHERE id = ${id}::uuid FOR UPDATE`;
  if (!locked.length) throw new NotFoundError('ApiKey');
  const key = await tx.apiKey.findUniqueOrThrow({ where: { id }, include: { projectAccess: true } });
  // Not a member of the key's organization → not found; any other failure (a closed transaction) stays itself.
  const access = await requireOrganization(ctx, key.organizationId, undefined, tx).catch((error: unknown) => {
    throw error instanceof NotFoundError ? new NotFoundError('ApiKey') : error;
  });
  if (!canManageApiKeys(access.role)) throw new PermissionDeniedError();
  return { key, organization: access.organization };
}

export type UpdateKeyInput = {
  name?: string;
  note?: string | null;
  ownerId?: string;
  status?: 'ACTIVE' | 'INACTIVE';
  projectAccess?: AccessInput;
  /** Normalized (allowlist.ts); empty = any address. */
  ipAllowlist?: string[];
};

export async function updateKey(ctx: Context, tx: Prisma.TransactionClient, id: string, input: UpdateKeyInput): Promise<ApiKey> {
  const { key } = await lockKeyForChange(ctx, tx, id);
  const data: Prisma.ApiKeyUpdateInput = {};
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  if (key.status === 'REVOKED' && (input.status || input.projectAccess || input.ownerId || input.ipAllowlist)) {
    const field = input.status ? 'status' : input.projectAccess ? 'projectAccess' : input.ownerId ? 'ownerId' : 'ipAllowlist';
    throw ValidationError.field(['input', field], 'a revoked key cannot be changed or reactivated');
  }
  const simple = changedFields(key, { name: input.name, note: input.note, status: input.status });
  Object.assign(data, simple.data);
  Object.assign(changes, simple.changes);
  if (input.ownerId && input.ownerId !== key.ownerId) {
    const member = await tx.membership.findUnique({
      where: { organizationId_userId: { organizationId: key.organizationId, userId: input.ownerId } },
    });
    if (!member) throw ValidationError.field(['input', 'ownerId'], 'must be a member of the organization');
    data.owner = { connect: { id: input.ownerId } };
    changes.ownerId = { from: key.ownerId, to: input.ownerId };
  }
  if (input.projectAccess) {
    if (key.level !== 'ORGANIZATION') {
      throw ValidationError.field(['input', 'projectAccess'], 'only organization-level keys have project access to change');
    }
    const reach = await resolveProjectAccess(tx, key.organizationId, input.projectAccess);
    if (reach.level !== 'ORGANIZATION') throw new Error('unreachable: organization keys resolve to organization reach');
    // Narrowed workflows must stay within the new reach.
    await checkScopes(tx, key.organizationId, reach, parseStoredScopes(key.scopes), () => ['input', 'projectAccess']);
    const before = { all: key.allProjects, projectIds: key.projectAccess.map((a) => a.projectId).sort() };
    const after = { all: reach.all, projectIds: [...reach.projectIds].sort() };
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      data.allProjects = reach.all;
      data.projectAccess = { deleteMany: {}, create: reach.projectIds.map((projectId) => ({ projectId })) };
      changes.projectAccess = { from: before, to: after };
    }
  }
  if (input.ipAllowlist) {
    const before = key.ipAllowlist ?? [];
    // Same entries in another order is no change (the order has no meaning).
    if (JSON.stringify([...before].sort()) !== JSON.stringify([...input.ipAllowlist].sort())) {
      data.ipAllowlist = input.ipAllowlist;
      changes.ipAllowlist = { from: before, to: input.ipAllowlist };
    }
  }
  if (!Object.keys(changes).length) return key;
  const updated = await tx.apiKey.update({ where: { id }, data });
  await recordAudit(tx, ctx, { organizationId: key.organizationId, action: 'api_key.update', targetType: 'ApiKey', targetId: id, changes });
  await recordKeyEvent(tx, ctx, 'api_key.updated', updated);
  return updated;
}

export async function rotateKey(
  ctx: Context,
  tx: Prisma.TransactionClient,
  id: string,
  gracePeriodSeconds: number,
  generated: KeyMaterial,
): Promise<IssuedKey & { previous: ApiKey }> {
  checkGracePeriod(gracePeriodSeconds);
  const { key, organization } = await lockKeyForChange(ctx, tx, id);
  requireApiAccess(organization);
  const now = ctx.clock.now();
  checkRotatable(key, now);

  const expiresAt = successorExpiresAt(key.expiryPolicy, key.expiresAt, now, organization.maxKeyLifetimeDays);
  const user = viewerUser(ctx);
  const successor: ApiKey = await conflictOnDuplicate(
    async () =>
      tx.apiKey.create({
        data: {
          organizationId: key.organizationId,
          level: key.level,
          projectId: key.projectId,
          allProjects: key.allProjects,
          projectAccess: key.projectAccess.length
            ? { create: key.projectAccess.map((a) => ({ projectId: a.projectId })) }
            : undefined,
          name: key.name,
          note: key.note,
          ownerId: key.ownerId,
          createdById: user.id,
          scopes: key.scopes as Prisma.InputJsonValue,
          expiryPolicy: key.expiryPolicy,
          expiresAt,
          ipAllowlist: key.ipAllowlist,
          status: key.status,
          publicId: generated.publicId,
          secretHash: generated.secretHash,
          secretTag: generated.secretTag,
          rotatedFromId: key.id,
        },
      }),
    'This key has already been rotated',
  );
  const previous = await tx.apiKey.update({
    where: { id },
    data: { rotatedAt: now, graceEndsAt: graceEnd(now, gracePeriodSeconds, key.expiresAt) },
  });
  await recordAudit(tx, ctx, {
    organizationId: key.organizationId,
    action: 'api_key.rotate',
    targetType: 'ApiKey',
    targetId: key.id,
    changes: {
      successorId: successor.id,
      successorPrefix: generated.prefix,
      gracePeriodSeconds,
      previousValidUntil: previous.graceEndsAt?.toISOString() ?? null,
    },
  });
  await recordKeyEvent(tx, ctx, 'api_key.rotated', previous, { successorId: successor.id });
  return { apiKey: successor, secret: generated.key, previous };
}

export async function revokeKey(ctx: Context, tx: Prisma.TransactionClient, id: string): Promise<ApiKey> {
  const { key } = await lockKeyForChange(ctx, tx, id);
  if (key.status === 'REVOKED') throw new ConflictError('This key is already revoked');
  return revokeLockedKey(ctx, tx, key);
}

/** Who changes a key: a request's principal, or the platform acting on a report (a `system` principal). */
export type KeyChangeOrigin = Pick<Context, 'principal' | 'clock'> & { requestId: string | null };

/**
 * The revocation itself, for a key whose row the caller has locked and whose revocation it has allowed: status, audit
 * event and `api_key.revoked`, in the caller's transaction. The status change fires the key-state notification, so
 * every instance drops its cached state at commit.
 */
export async function revokeLockedKey(origin: KeyChangeOrigin, tx: Prisma.TransactionClient, key: ApiKey): Promise<ApiKey> {
  const revoked = await tx.apiKey.update({ where: { id: key.id }, data: { status: 'REVOKED', revokedAt: origin.clock.now() } });
  await recordAudit(tx, origin, {
    organizationId: key.organizationId,
    action: 'api_key.revoke',
    targetType: 'ApiKey',
    targetId: key.id,
    changes: { status: { from: key.status, to: 'REVOKED' }, prefix: visiblePrefix(key.publicId) },
  });
  await recordKeyEvent(tx, origin, 'api_key.revoked', revoked);
  return revoked;
}

/**
 * Deletes keys all-or-nothing: every id is checked first (existence within the caller's organizations, then role),
 * and if any fails, nothing is deleted and the error lists each failing id with its reason.
 */
export async function deleteKeys(ctx: Context, tx: Prisma.TransactionClient, ids: string[], globalIds: string[]): Promise<string[]> {
  const failures: BulkItemFailure[] = [];
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) failures.push({ id: globalIds[i], reason: 'DUPLICATE', message: 'listed more than once' });
    seen.add(id);
  });
  const unique = [...seen];
  const locked = unique.length
    ? await tx.$queryRaw<{ id: string; organizationId: string; projectId: string | null; publicId: string; name: string }[]>`
        SELECT id, "organizationId", "projectId", "publicId", name FROM "ApiKey" WHERE id = ANY(${unique}::uuid[]) ORDER BY id FOR UPDATE`
    : [];
  const byId = new Map(locked.map((k) => [k.id, k]));
  const user = viewerUser(ctx);
  const orgIds = [...new Set(locked.map((k) => k.organizationId))];
  const memberships = await tx.membership.findMany({ where: { userId: user.id, organizationId: { in: orgIds } } });
  const roleByOrg = new Map(memberships.map((m) => [m.organizationId, m.role]));
  unique.forEach((id) => {
    const globalId = globalIds[ids.indexOf(id)];
    const key = byId.get(id);
    const role = key && roleByOrg.get(key.organizationId);
    if (!key || !role) failures.push({ id: globalId, reason: 'NOT_FOUND', message: 'API key not found' });
    else if (!canManageApiKeys(role)) failures.push({ id: globalId, reason: 'FORBIDDEN', message: 'You are not allowed to delete this key' });
  });
  if (failures.length) throw new BulkOperationError(failures);
  await tx.apiKey.deleteMany({ where: { id: { in: unique } } });
  await recordAudit(
    tx,
    ctx,
    locked.map((k) => ({
      organizationId: k.organizationId,
      action: 'api_key.delete' as const,
      targetType: 'ApiKey',
      targetId: k.id,
      changes: { name: k.name, prefix: visiblePrefix(k.publicId), bulk: unique.length > 1 },
    })),
  );
  await recordKeyEvent(tx, ctx, 'api_key.deleted', locked);
  return unique;
}
