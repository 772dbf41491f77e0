import type { AuthenticatedKey, Context } from '../context.ts';
import { NotFoundError, PermissionDeniedError } from '../errors.ts';
import type { Membership, Organization, Prisma, Project, User } from '../generated/prisma/client.ts';
import type { MemberRole } from '../generated/prisma/enums.ts';
import { roleAllows, type Permission } from './catalog.ts';
import { keyReachesProject } from './key-reach.ts';
import { keyMay, type Target } from './grants.ts';

const NO_USER = '00000000-0000-0000-0000-000000000000';

/** The signed-in user. Fields for people only require the `user` scope, so reaching here without one is a bug. */
export function viewerUser(ctx: Context): User {
  if (ctx.principal?.kind !== 'user') throw new Error('viewerUser called without a signed-in user');
  return ctx.principal.user;
}

/** The calling API key. Fields for keys only require the `apiKey` scope, so reaching here without one is a bug. */
export function viewerKey(ctx: Context): AuthenticatedKey {
  if (ctx.principal?.kind !== 'apiKey') throw new Error('viewerKey called without an API key');
  return ctx.principal.key;
}

/** The calling API key, or null for a person. */
export function callingKey(ctx: Context): AuthenticatedKey | null {
  return ctx.principal?.kind === 'apiKey' ? ctx.principal.key : null;
}

/** The person accountable for what the caller does: the signed-in user, or a key's owner (its creator for a service key). */
export function accountableUserId(ctx: Context): string {
  const key = callingKey(ctx);
  return key ? (key.ownerId ?? key.createdById) : viewerUser(ctx).id;
}

/** A user id for tenant filters that matches nobody when there is no user (never `undefined`, which Prisma ignores). */
export function viewerIdOrNobody(ctx: Context): string {
  return ctx.principal?.kind === 'user' ? ctx.principal.user.id : NO_USER;
}

/**
 * How the caller stands in an organization it may act in: a member (with their membership and role), or an API key
 * of that organization (`membership` and `role` null: what it may do is its grants ∩ its owner's role).
 */
export type OrgAccess = { organization: Organization; membership: Membership | null; role: MemberRole | null; key: AuthenticatedKey | null };

/** The refusal for a missing permission: names it, and where it was needed. */
export function lacks(ctx: Context, permission: Permission, where: string): PermissionDeniedError {
  return callingKey(ctx)
    ? new PermissionDeniedError(`This key lacks \`${permission}\` on ${where}`, permission)
    : new PermissionDeniedError(`Your role lacks \`${permission}\` on ${where}`, permission);
}

/**
 * How a refusal names where a permission was missing: by name when the caller may read that object, otherwise
 * generically (a key is not told the names of what it may not read).
 */
export function placeName(access: Pick<OrgAccess, 'role' | 'key'>, read: Permission, target: Target, named: string, generic: string): string {
  return accessAllows(access, read, target) ? named : generic;
}

/** How a refusal names the organization: by its slug when the caller may read it, else "the key's organization". */
export function organizationPlace(access: Pick<OrgAccess, 'role' | 'key' | 'organization'>): string {
  return placeName(access, 'organization:read', {}, `organization ${access.organization.slug}`, "the key's organization");
}

/** Whether the caller may act with `permission` on `target` inside an organization it stands in. */
export function accessAllows(access: Pick<OrgAccess, 'role' | 'key'>, permission: Permission, target: Target = {}): boolean {
  if (access.key) return keyMay(access.key, permission, target);
  return access.role !== null && roleAllows(access.role, permission);
}

/**
 * Loads an organization the caller may act in. A person who is not a member, or a key of another organization →
 * NotFoundError (existence is never revealed); one who lacks `permission` on the organization → PermissionDeniedError
 * naming it.
 */
export async function requireOrganization(
  ctx: Context,
  organizationId: string,
  permission?: Permission,
  client: Pick<Context['prisma'], 'membership' | 'organization'> = ctx.prisma,
): Promise<OrgAccess> {
  const key = callingKey(ctx);
  let access: OrgAccess;
  if (key) {
    const organization = key.organizationId === organizationId ? await client.organization.findUnique({ where: { id: organizationId } }) : null;
    if (!organization) throw new NotFoundError('Organization');
    access = { organization, membership: null, role: null, key };
  } else {
    const membership = await client.membership.findUnique({
      where: { organizationId_userId: { organizationId, userId: viewerUser(ctx).id } },
      include: { organization: true },
    });
    if (!membership) throw new NotFoundError('Organization');
    const { organization, ...rest } = membership;
    access = { organization, membership: rest, role: membership.role, key: null };
  }
  if (permission && !accessAllows(access, permission)) {
    // A key that may not read its organization is not told its name either.
    throw lacks(ctx, permission, organizationPlace(access));
  }
  return access;
}

/**
 * Loads a project for a change: outside the caller's organization (or a key's reach) → not found; lacking
 * `permission` on the project → forbidden, naming it.
 */
export async function requireProject(
  ctx: Context,
  tx: Prisma.TransactionClient,
  projectId: string,
  permission?: Permission,
): Promise<OrgAccess & { project: Project }> {
  const project = await tx.project.findUnique({ where: { id: projectId } });
  if (!project) throw new NotFoundError('Project');
  const key = callingKey(ctx);
  if (key && !keyReachesProject(key, project)) throw new NotFoundError('Project');
  const access = await requireOrganization(ctx, project.organizationId, undefined, tx).catch((error: unknown) => {
    throw error instanceof NotFoundError ? new NotFoundError('Project') : error;
  });
  if (permission && !accessAllows(access, permission, { projectId })) {
    throw lacks(ctx, permission, placeName(access, 'project:read', { projectId }, `project ${project.slug}`, 'this project'));
  }
  return { project, ...access };
}
