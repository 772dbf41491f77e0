import type { Context } from '../../context.ts';
import {
  BulkOperationError,
  ConflictError,
  NotFoundError,
  PermissionDeniedError,
  ValidationError,
  type BulkItemFailure,
} from '../../errors.ts';
import { Prisma, type ApiKey, type Organization } from '../../generated/prisma/client.ts';
import type { ExpiryPolicy, MemberRole } from '../../generated/prisma/enums.ts';
import { conflictOnDuplicate } from '../../graphql/prisma-errors.ts';
import { requireApiAccess } from '../../authz/plans.ts';
import { accessAllows, callingKey, lacks, organizationPlace, placeName, requireOrganization, requireProject, type OrgAccess } from '../../authz/access.ts';
import { changedFields, recordAudit } from '../audit/record.ts';
import { recordKeyEvent } from './key-events.ts';
import { actingRole } from '../../authz/roles.ts';
import { PERMISSIONS, roleAllows, type Permission } from '../../authz/catalog.ts';
import { keyReachesProject } from '../../authz/key-reach.ts';
import { hashKey } from './hashing.ts';
import { generateKey, visiblePrefix, type GeneratedKey } from '../../lib/key-format.ts';
import { computeExpiresAt, displayStatus, graceEnd, MAX_GRACE_SECONDS, successorExpiresAt } from './lifecycle.ts';
import { parseStoredQuota, type QuotaSettings } from './quota.ts';
import { checkRateLimits, parseStoredRateLimits, sameRateLimits, type RateLimit } from './rate-limits.ts';
import { keyHolds, keyMay, parseStoredGrants, projectKeyMayHold, type Grant, type Target } from '../../authz/grants.ts';

// The API-key lifecycle. Every function runs inside the caller's transaction and writes its audit events there, so
// a failure changes nothing and leaves no event. Secrets leave this module only in the create/rotate return value.

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

/** The projects a reach covers, as a workflow/project filter. */
function reachFilter(organizationId: string, reach: Reach): Prisma.ProjectWhereInput {
  if (reach.level === 'PROJECT') return { id: reach.projectId };
  return reach.all ? { organizationId } : { id: { in: reach.projectIds } };
}

/**
 * A key calling on another key: it reaches a project key of a project it reaches, and an organization key only when
 * that key reaches nothing it does not (all projects needs all projects).
 */
function keyReachesKey(caller: NonNullable<ReturnType<typeof callingKey>>, key: { organizationId: string; level: string; projectId: string | null; allProjects: boolean; projectIds: string[] }): boolean {
  if (key.organizationId !== caller.organizationId) return false;
  if (key.level === 'PROJECT') return keyReachesProject(caller, { id: key.projectId!, organizationId: key.organizationId });
  if (caller.level !== 'ORGANIZATION') return false;
  if (caller.allProjects) return true;
  return !key.allProjects && key.projectIds.every((id) => caller.projectIds.includes(id));
}

/** Where a key's operation acts, for permission checks: a project key's project, or the organization. */
const keyTarget = (key: { projectId: string | null }): Target => (key.projectId ? { projectId: key.projectId } : {});

/**
 * Validates a key's grants against the catalog and its reach, and refuses escalation: the caller (a person through
 * their role, a key through its own grants ∩ its owner's role) must hold every granted permission wherever it grants it.
 * `path` names the input field for errors (`permissions`, or `scopes` for the deprecated input).
 */
async function checkGrants(
  ctx: Context,
  tx: Prisma.TransactionClient,
  access: Pick<OrgAccess, 'role' | 'key'>,
  organizationId: string,
  reach: Reach,
  grants: Grant[],
  path: string[] = ['input', 'permissions'],
  /** Where an out-of-reach narrowing is reported when the reach (not the grant) changed. */
  outsidePath?: string[],
): Promise<Grant[]> {
  const seen = new Set<string>();
  for (const [i, g] of grants.entries()) {
    const at = (field: string) => [...path, String(i), field];
    // The deprecated `scopes` input names the field `scope`.
    if (seen.has(g.permission)) throw ValidationError.field(at(path.at(-1) === 'scopes' ? 'scope' : 'permission'), 'is listed twice');
    seen.add(g.permission);
    const levels: readonly string[] = PERMISSIONS[g.permission].levels;
    if (reach.level === 'PROJECT' && !projectKeyMayHold(g.permission)) {
      throw ValidationError.field(at('permission'), `\`${g.permission}\` applies to the whole organization: a project key cannot hold it`);
    }
    if (g.projectIds && g.workflowIds) throw ValidationError.field(at('projectIds'), 'narrow to projects or to workflows, not both');
    if (g.projectIds && !levels.includes('PROJECT')) throw ValidationError.field(at('projectIds'), `\`${g.permission}\` applies to the whole organization and cannot be narrowed to projects`);
    if (g.workflowIds && !levels.includes('WORKFLOW')) throw ValidationError.field(at('workflowIds'), `\`${g.permission}\` cannot be narrowed to workflows`);
    for (const [field, ids] of [['projectIds', g.projectIds], ['workflowIds', g.workflowIds]] as const) {
      if (ids && new Set(ids).size !== ids.length) throw ValidationError.field(at(field), 'must not contain duplicates');
    }
  }
  const projectFilter = reachFilter(organizationId, reach);
  const wantedProjects = [...new Set(grants.flatMap((g) => g.projectIds ?? []))];
  const wantedWorkflows = [...new Set(grants.flatMap((g) => g.workflowIds ?? []))];
  const projects = wantedProjects.length
    ? new Set((await tx.project.findMany({ where: { AND: [{ id: { in: wantedProjects } }, projectFilter] }, select: { id: true } })).map((p) => p.id))
    : new Set<string>();
  const workflowProject = new Map(
    wantedWorkflows.length
      ? (await tx.workflow.findMany({ where: { id: { in: wantedWorkflows }, project: projectFilter }, select: { id: true, projectId: true } })).map((w) => [w.id, w.projectId])
      : [],
  );
  for (const [i, g] of grants.entries()) {
    const outsideProjects = (g.projectIds ?? []).filter((id) => !projects.has(id));
    if (outsideProjects.length) {
      throw ValidationError.field(outsidePath ?? [...path, String(i), 'projectIds'], `${outsideProjects.length} project(s) are outside the projects this key reaches`);
    }
    const outsideWorkflows = (g.workflowIds ?? []).filter((id) => !workflowProject.has(id));
    if (outsideWorkflows.length) {
      throw ValidationError.field(outsidePath ?? [...path, String(i), 'workflowIds'], `${outsideWorkflows.length} workflow(s) are outside the projects this key reaches`);
    }
  }
  // No escalation: every target of every grant must be one the caller may act on with that permission.
  const wholeReach = reachTargets(reach);
  for (const g of grants) {
    const targets: Target[] = g.workflowIds
      ? g.workflowIds.map((workflowId) => ({ workflowId, projectId: workflowProject.get(workflowId) }))
      : g.projectIds
        ? g.projectIds.map((projectId) => ({ projectId }))
        : wholeReach;
    if (!targets.every((target) => accessAllows(access, g.permission, target))) {
      throw new PermissionDeniedError(
        access.key
          ? `This key cannot grant \`${g.permission}\` there: a key grants only what it holds itself, where it holds it`
          : `Your role cannot grant \`${g.permission}\``,
        g.permission,
      );
    }
  }
  return grants.map((g) => ({ permission: g.permission, projectIds: g.projectIds, workflowIds: g.workflowIds }));
}

/** Who a new key belongs to and who is accountable for it: the signed-in person, or the creating key's owner. */
function creatorOf(ctx: Context): { ownerId: string | null; createdById: string } {
  const key = callingKey(ctx);
  if (key) return { ownerId: key.ownerId, createdById: key.createdById };
  if (ctx.principal?.kind !== 'user') throw new Error('a key created without a caller');
  return { ownerId: ctx.principal.user.id, createdById: ctx.principal.user.id };
}

/** Service keys (owned by the organization) are made and taken over by OWNERs and ADMINs (a key acting as one). */
function requireServiceKeyRight(access: Pick<OrgAccess, 'role' | 'key'>, field: string[]): void {
  const role = actingRole(access);
  if (role !== 'OWNER' && role !== 'ADMIN') throw new PermissionDeniedError(`Only OWNERs and ADMINs make keys owned by the organization (${field.at(-1)})`);
}

export type CreateKeyInput = {
  name: string;
  note: string | null;
  grants: Grant[];
  /** Where the grants came from, for error paths: `permissions`, or the deprecated `scopes`. */
  grantsPath: string[];
  /** A service key: owned by the organization instead of the creator. */
  ownedByOrganization: boolean;
  expiry: { policy: ExpiryPolicy; expiresAt: Date | null };
  /** Normalized (allowlist.ts); empty = any address. */
  ipAllowlist: string[];
  /** As given (checked against the plan in the transaction); null = the organization's defaults. */
  rateLimits: RateLimit[] | null;
  /** Checked (quota.ts); null = none. */
  quota: { settings: QuotaSettings; remaining: number } | null;
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
  access: OrgAccess,
  reach: Reach,
  input: CreateKeyInput,
  generated: KeyMaterial,
): Promise<IssuedKey> {
  const org: Organization = access.organization;
  const now = ctx.clock.now();
  const expiresAt = computeExpiresAt(input.expiry, now, org.maxKeyLifetimeDays);
  const grants = await checkGrants(ctx, tx, access, org.id, reach, input.grants, input.grantsPath);
  if (input.ownedByOrganization) requireServiceKeyRight(access, ['input', 'ownedByOrganization']);
  // Given limits are checked against the plan; inherited defaults were checked when they were set.
  const rateLimits = input.rateLimits ? checkRateLimits(input.rateLimits, ['input', 'rateLimits'], org.plan) : parseStoredRateLimits(org.defaultKeyRateLimits);
  const creator = creatorOf(ctx);
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
      ownerId: input.ownedByOrganization ? null : creator.ownerId,
      createdById: creator.createdById,
      grants: grants as unknown as Prisma.InputJsonValue,
      expiryPolicy: input.expiry.policy,
      expiresAt,
      ipAllowlist: input.ipAllowlist,
      rateLimits: rateLimits as unknown as Prisma.InputJsonValue,
      ...(input.quota ? { quota: input.quota.settings as unknown as Prisma.InputJsonValue, quotaRemaining: input.quota.remaining, quotaRefilledAt: now } : {}),
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
      permissions: grants,
      ownedByOrganization: input.ownedByOrganization,
      expiryPolicy: apiKey.expiryPolicy,
      expiresAt: apiKey.expiresAt?.toISOString() ?? null,
      ipAllowlist: apiKey.ipAllowlist,
      rateLimits,
      quota: input.quota ? { ...input.quota.settings, remaining: input.quota.remaining } : null,
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
  const { organization } = await requireProject(ctx, ctx.prisma, projectId, 'api_key:create');
  requireApiAccess(organization);
}

/** Refuses, before any hashing, a caller who may not create an organization key. */
export async function authorizeOrganizationKeyCreation(ctx: Context, organizationId: string): Promise<void> {
  requireOrganizationKeyCreation(ctx, await requireOrganization(ctx, organizationId));
}

/**
 * `api_key:create` for an organization key, and a plan with API access. Over the new key's whole reach once it is
 * known (in the transaction); before that (the check ahead of hashing), anywhere in the organization.
 */
function requireOrganizationKeyCreation(ctx: Context, access: OrgAccess, reach?: Reach): void {
  const allowed = reach
    ? reachTargets(reach).every((target) => accessAllows(access, 'api_key:create', target))
    : access.key
      ? keyHolds(access.key, 'api_key:create')
      : accessAllows(access, 'api_key:create');
  if (!allowed) throw lacks(ctx, 'api_key:create', organizationPlace(access));
  requireApiAccess(access.organization);
}

/** Where a key with this reach acts, as permission targets: its project, its selected projects, or everywhere. */
function reachTargets(reach: Reach): Target[] {
  if (reach.level === 'PROJECT') return [{ projectId: reach.projectId }];
  return reach.all ? [{}] : reach.projectIds.map((projectId) => ({ projectId }));
}

/**
 * The ids of the keys a calling key reaches (keyReachesKey), loading the selected projects of organization keys in
 * one query.
 */
async function keysReachedBy(
  client: Pick<Prisma.TransactionClient, 'apiKeyProject'>,
  caller: NonNullable<ReturnType<typeof callingKey>>,
  keys: { id: string; organizationId: string; level: string; projectId: string | null; allProjects: boolean }[],
): Promise<Set<string>> {
  const selected = keys.filter((k) => k.level === 'ORGANIZATION' && !k.allProjects).map((k) => k.id);
  const rows = selected.length ? await client.apiKeyProject.findMany({ where: { apiKeyId: { in: selected } }, select: { apiKeyId: true, projectId: true } }) : [];
  const projectsOf = new Map<string, string[]>();
  for (const row of rows) projectsOf.set(row.apiKeyId, [...(projectsOf.get(row.apiKeyId) ?? []), row.projectId]);
  return new Set(keys.filter((k) => keyReachesKey(caller, { ...k, projectIds: projectsOf.get(k.id) ?? [] })).map((k) => k.id));
}

/** Refuses, before any hashing, a rotation that rotateKey would refuse (same rules, without the row lock). */
export async function authorizeKeyRotation(ctx: Context, id: string, gracePeriodSeconds: number): Promise<void> {
  checkGracePeriod(gracePeriodSeconds);
  const key = await ctx.prisma.apiKey.findUnique({ where: { id } });
  if (!key) throw new NotFoundError('ApiKey');
  const access = await requireOrganization(ctx, key.organizationId).catch((error: unknown) => {
    throw error instanceof NotFoundError ? new NotFoundError('ApiKey') : error;
  });
  const caller = callingKey(ctx);
  if (caller && !(await keysReachedBy(ctx.prisma, caller, [key])).has(key.id)) throw new NotFoundError('ApiKey');
  if (!accessAllows(access, 'api_key:rotate', keyTarget(key))) {
    throw lacks(ctx, 'api_key:rotate', placeName(access, 'api_key:read', keyTarget(key), `key ${visiblePrefix(key.publicId)}`, 'this key'));
  }
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
  const access = await requireProject(ctx, tx, projectId, 'api_key:create');
  requireApiAccess(access.organization);
  return issueKey(ctx, tx, access, { level: 'PROJECT', projectId }, input, material);
}

export async function createOrganizationKey(
  ctx: Context,
  tx: Prisma.TransactionClient,
  organizationId: string,
  access: AccessInput,
  input: CreateKeyInput,
  material: KeyMaterial,
): Promise<IssuedKey> {
  const standing = await requireOrganization(ctx, organizationId, undefined, tx);
  const reach = await resolveProjectAccess(tx, organizationId, access);
  const key = callingKey(ctx);
  // A key creates organization keys only inside its own reach, and holds api_key:create over all of it.
  if (key && !keyReachesKey(key, { organizationId, level: 'ORGANIZATION', projectId: null, allProjects: reach.level === 'ORGANIZATION' && reach.all, projectIds: reach.level === 'ORGANIZATION' ? reach.projectIds : [] })) {
    throw new PermissionDeniedError('This key cannot create a key that reaches projects it does not reach', 'api_key:create');
  }
  requireOrganizationKeyCreation(ctx, standing, reach);
  return issueKey(ctx, tx, standing, reach, input, material);
}

/**
 * Loads a key for a change and locks its row for the rest of the transaction, so concurrent changes to one key
 * (50 rotations at once, delete racing a trigger) are serialised. Not a member (or a key that does not reach it) →
 * not found; lacking `permission` on the key's project (or organization) → forbidden, naming it.
 */
export async function lockKeyForChange(ctx: Context, tx: Prisma.TransactionClient, id: string, permission: Permission) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "ApiKey" WHERE id = ${id}::uuid FOR UPDATE`;
  if (!locked.length) throw new NotFoundError('ApiKey');
  const key = await tx.apiKey.findUniqueOrThrow({ where: { id }, include: { projectAccess: true } });
  // Not a member of the key's organization → not found; any other failure (a closed transaction) stays itself.
  const access = await requireOrganization(ctx, key.organizationId, undefined, tx).catch((error: unknown) => {
    throw error instanceof NotFoundError ? new NotFoundError('ApiKey') : error;
  });
  const caller = callingKey(ctx);
  if (caller && !keyReachesKey(caller, { ...key, projectIds: key.projectAccess.map((a) => a.projectId) })) throw new NotFoundError('ApiKey');
  if (!accessAllows(access, permission, keyTarget(key))) throw lacks(ctx, permission, placeName(access, 'api_key:read', keyTarget(key), `key ${visiblePrefix(key.publicId)}`, 'this key'));
  return { key, organization: access.organization, access };
}

export type UpdateKeyInput = {
  name?: string;
  note?: string | null;
  ownerId?: string;
  /** true: hand the key to the organization (a service key). */
  ownedByOrganization?: boolean;
  grants?: Grant[];
  grantsPath?: string[];
  status?: 'ACTIVE' | 'INACTIVE';
  projectAccess?: AccessInput;
  /** Normalized (allowlist.ts); empty = any address. */
  ipAllowlist?: string[];
  /** Replaces the key's rate limits (checked against the plan here). */
  rateLimits?: RateLimit[];
  /** Sets the quota (checked, quota.ts); null removes it. */
  quota?: { settings: QuotaSettings; remaining: number } | null;
};

export async function updateKey(ctx: Context, tx: Prisma.TransactionClient, id: string, input: UpdateKeyInput): Promise<ApiKey> {
  const { key, access, organization } = await lockKeyForChange(ctx, tx, id, 'api_key:update');
  // No key changes itself beyond its name and note: not its grants, owner, reach or allowlist.
  if (callingKey(ctx)?.id === key.id) {
    const field = input.grants ? 'permissions' : input.ownerId || input.ownedByOrganization ? 'ownerId' : input.projectAccess ? 'projectAccess' : input.ipAllowlist ? 'ipAllowlist' : input.status ? 'status' : input.rateLimits ? 'rateLimits' : input.quota !== undefined ? 'quota' : null;
    if (field) throw new PermissionDeniedError(`A key cannot change its own ${field}`, 'api_key:update');
  }
  const data: Prisma.ApiKeyUpdateInput = {};
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  if (key.status === 'REVOKED' && (input.status || input.projectAccess || input.ownerId || input.ipAllowlist || input.grants || input.ownedByOrganization || input.rateLimits || input.quota !== undefined)) {
    const field = input.status ? 'status' : input.projectAccess ? 'projectAccess' : input.ownerId ? 'ownerId' : input.grants ? 'permissions' : input.ownedByOrganization ? 'ownedByOrganization' : input.rateLimits ? 'rateLimits' : input.quota !== undefined ? 'quota' : 'ipAllowlist';
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
  if (input.ownedByOrganization && key.ownerId !== null) {
    if (input.ownerId) throw ValidationError.field(['input', 'ownedByOrganization'], 'give either ownerId or ownedByOrganization');
    requireServiceKeyRight(access, ['input', 'ownedByOrganization']);
    data.owner = { disconnect: true };
    changes.ownerId = { from: key.ownerId, to: null };
  }
  let reachAfter: Reach =
    key.level === 'PROJECT' ? { level: 'PROJECT', projectId: key.projectId! } : { level: 'ORGANIZATION', all: key.allProjects, projectIds: key.projectAccess.map((a) => a.projectId) };
  if (input.projectAccess) {
    if (key.level !== 'ORGANIZATION') {
      throw ValidationError.field(['input', 'projectAccess'], 'only organization-level keys have project access to change');
    }
    const reach = await resolveProjectAccess(tx, key.organizationId, input.projectAccess);
    if (reach.level !== 'ORGANIZATION') throw new Error('unreachable: organization keys resolve to organization reach');
    reachAfter = reach;
    // Narrowed grants must stay within the new reach, and the caller must hold what the key keeps over all of it.
    if (!input.grants) await checkGrants(ctx, tx, access, key.organizationId, reach, parseStoredGrants(key.grants), ['input', 'permissions'], ['input', 'projectAccess']);
    const before = { all: key.allProjects, projectIds: key.projectAccess.map((a) => a.projectId).sort() };
    const after = { all: reach.all, projectIds: [...reach.projectIds].sort() };
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      data.allProjects = reach.all;
      data.projectAccess = { deleteMany: {}, create: reach.projectIds.map((projectId) => ({ projectId })) };
      changes.projectAccess = { from: before, to: after };
    }
  }
  if (input.grants) {
    const grants = await checkGrants(ctx, tx, access, key.organizationId, reachAfter, input.grants, input.grantsPath);
    const before = parseStoredGrants(key.grants);
    if (JSON.stringify(before) !== JSON.stringify(grants)) {
      data.grants = grants as unknown as Prisma.InputJsonValue;
      changes.permissions = { from: before, to: grants };
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
  if (input.rateLimits) {
    const limits = checkRateLimits(input.rateLimits, ['input', 'rateLimits'], organization.plan);
    const before = parseStoredRateLimits(key.rateLimits);
    if (!sameRateLimits(before, limits)) {
      data.rateLimits = limits as unknown as Prisma.InputJsonValue;
      changes.rateLimits = { from: before, to: limits };
    }
  }
  if (input.quota !== undefined) {
    const before = parseStoredQuota(key.quota);
    const beforeView = before ? { ...before, remaining: Number(key.quotaRemaining ?? 0) } : null;
    const after = input.quota ? { ...input.quota.settings, remaining: input.quota.remaining } : null;
    if (JSON.stringify(beforeView) !== JSON.stringify(after)) {
      data.quota = input.quota ? (input.quota.settings as unknown as Prisma.InputJsonValue) : Prisma.DbNull;
      data.quotaRemaining = input.quota ? input.quota.remaining : null;
      data.quotaRefilledAt = input.quota ? ctx.clock.now() : null;
      changes.quota = { from: beforeView, to: after };
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
  const { key, organization } = await lockKeyForChange(ctx, tx, id, 'api_key:rotate');
  requireApiAccess(organization);
  const now = ctx.clock.now();
  checkRotatable(key, now);

  const expiresAt = successorExpiresAt(key.expiryPolicy, key.expiresAt, now, organization.maxKeyLifetimeDays);
  const creator = creatorOf(ctx);
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
          createdById: creator.createdById,
          grants: key.grants as Prisma.InputJsonValue,
          expiryPolicy: key.expiryPolicy,
          expiresAt,
          ipAllowlist: key.ipAllowlist,
          rateLimits: key.rateLimits as Prisma.InputJsonValue,
          // The successor starts with the credits left now (the old key keeps its own during its grace period).
          ...(key.quota !== null ? { quota: key.quota as Prisma.InputJsonValue, quotaRemaining: key.quotaRemaining, quotaRefilledAt: key.quotaRefilledAt } : {}),
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
  const { key } = await lockKeyForChange(ctx, tx, id, 'api_key:revoke');
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
    ? await tx.$queryRaw<{ id: string; organizationId: string; projectId: string | null; publicId: string; name: string; level: string; allProjects: boolean }[]>`
        SELECT id, "organizationId", "projectId", "publicId", name, level::text AS level, "allProjects" FROM "ApiKey" WHERE id = ANY(${unique}::uuid[]) ORDER BY id FOR UPDATE`
    : [];
  const byId = new Map(locked.map((k) => [k.id, k]));
  const caller = callingKey(ctx);
  const orgIds = [...new Set(locked.map((k) => k.organizationId))];
  const roleByOrg = new Map<string, MemberRole>();
  if (!caller) {
    const userId = ctx.principal?.kind === 'user' ? ctx.principal.user.id : null;
    const memberships = userId ? await tx.membership.findMany({ where: { userId, organizationId: { in: orgIds } } }) : [];
    for (const m of memberships) roleByOrg.set(m.organizationId, m.role);
  }
  const reached = caller ? await keysReachedBy(tx, caller, locked) : new Set<string>();
  unique.forEach((id) => {
    const globalId = globalIds[ids.indexOf(id)];
    const key = byId.get(id);
    if (caller) {
      if (!key || !reached.has(key.id)) {
        failures.push({ id: globalId, reason: 'NOT_FOUND', message: 'API key not found' });
      } else if (!keyMay(caller, 'api_key:delete', keyTarget(key))) {
        failures.push({ id: globalId, reason: 'FORBIDDEN', message: 'This key lacks `api_key:delete` on this key' });
      }
      return;
    }
    const role = key && roleByOrg.get(key.organizationId);
    if (!key || !role) failures.push({ id: globalId, reason: 'NOT_FOUND', message: 'API key not found' });
    else if (!roleAllows(role, 'api_key:delete')) failures.push({ id: globalId, reason: 'FORBIDDEN', message: 'You are not allowed to delete this key' });
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
