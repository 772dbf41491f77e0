import type { Context } from '../context.ts';
import { NotFoundError, PermissionDeniedError } from '../errors.ts';
import type { Membership, Organization, Prisma, User } from '../generated/prisma/client.ts';
import type { MemberRole } from '../generated/prisma/enums.ts';

const NO_USER = '00000000-0000-0000-0000-000000000000';

/** The signed-in user. Root types require the `user` scope, so reaching here without one is a programming error. */
export function viewerUser(ctx: Context): User {
  if (ctx.principal?.kind !== 'user') throw new Error('viewerUser called without a signed-in user');
  return ctx.principal.user;
}

/** A user id for tenant filters that matches nobody when there is no user (never `undefined`, which Prisma ignores). */
export function viewerIdOrNobody(ctx: Context): string {
  return ctx.principal?.kind === 'user' ? ctx.principal.user.id : NO_USER;
}

export type OrgAccess = { organization: Organization; membership: Membership; role: MemberRole };

/**
 * Loads an organization the viewer belongs to. Not a member → NotFoundError (existence is never revealed);
 * a member whose role fails `allowed` → PermissionDeniedError.
 */
export async function requireOrganization(
  ctx: Context,
  organizationId: string,
  allowed?: (role: MemberRole) => boolean,
  client: Pick<Context['prisma'], 'membership'> = ctx.prisma,
): Promise<OrgAccess> {
  const membership = await client.membership.findUnique({
    where: { organizationId_userId: { organizationId, userId: viewerUser(ctx).id } },
    include: { organization: true },
  });
  if (!membership) throw new NotFoundError('Organization');
  if (allowed && !allowed(membership.role)) throw new PermissionDeniedError();
  return { organization: membership.organization, membership, role: membership.role };
}

/** Loads a project for a change: not a member → not found; not allowed → forbidden. */
export async function requireProject(
  ctx: Context,
  tx: Prisma.TransactionClient,
  projectId: string,
  allowed?: (role: MemberRole) => boolean,
) {
  const project = await tx.project.findUnique({ where: { id: projectId } });
  if (!project) throw new NotFoundError('Project');
  const access = await requireOrganization(ctx, project.organizationId, undefined, tx).catch((error: unknown) => {
    throw error instanceof NotFoundError ? new NotFoundError('Project') : error;
  });
  if (allowed && !allowed(access.role)) throw new PermissionDeniedError();
  return { project, ...access };
}

