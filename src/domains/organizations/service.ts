import type { Context } from '../../context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { LeakedKeyAction, MemberRole, Plan } from '../../generated/prisma/enums.ts';
import { toGlobalId } from '../../graphql/ids.ts';
import { conflictOnDuplicate } from '../../graphql/prisma-errors.ts';
import { requireOrganization, viewerUser } from '../../authz/access.ts';
import { changedFields, recordAudit } from '../audit/record.ts';
import { requireChangeMember } from '../../authz/roles.ts';
import { checkRateLimits, parseStoredRateLimits, sameRateLimits, type RateLimit } from '../api-keys/rate-limits.ts';

// Organizations and their members: each function is one transaction with its audit event. Members join by
// invitation only (invitations/service.ts).

const slugTaken = (slug: string | undefined) => `The slug "${slug}" is already taken`;

/** The signed-in user creates an organization and becomes its OWNER. */
export function createOrganization(ctx: Context, input: { name: string; slug: string }) {
  const user = viewerUser(ctx);
  return conflictOnDuplicate(
    () =>
      ctx.prisma.$transaction(async (tx) => {
        const org = await tx.organization.create({
          data: { name: input.name, slug: input.slug, plan: ctx.defaultPlan, memberships: { create: { userId: user.id, role: 'OWNER' } } },
        });
        await recordAudit(tx, ctx, {
          organizationId: org.id,
          action: 'organization.create',
          targetType: 'Organization',
          targetId: org.id,
          changes: { name: org.name, slug: org.slug, plan: org.plan },
        });
        return org;
      }),
    slugTaken(input.slug),
  );
}

export function updateOrganization(
  ctx: Context,
  id: string,
  input: { name?: string; slug?: string; maxKeyLifetimeDays?: number | null; leakedKeyAction?: LeakedKeyAction; defaultKeyRateLimits?: RateLimit[] },
) {
  const { defaultKeyRateLimits, ...fields } = input;
  return conflictOnDuplicate(
    () =>
      ctx.prisma.$transaction(async (tx) => {
        const { organization: before } = await requireOrganization(ctx, id, 'organization:update', tx);
        const { data, changes } = changedFields(before, fields);
        if (defaultKeyRateLimits) {
          const limits = checkRateLimits(defaultKeyRateLimits, ['input', 'defaultKeyRateLimits'], before.plan);
          const previous = parseStoredRateLimits(before.defaultKeyRateLimits);
          if (!sameRateLimits(previous, limits)) {
            (data as Prisma.OrganizationUpdateInput).defaultKeyRateLimits = limits as unknown as Prisma.InputJsonValue;
            changes.defaultKeyRateLimits = { from: previous, to: limits };
          }
        }
        if (!Object.keys(changes).length) return before;
        const after = await tx.organization.update({ where: { id }, data });
        await recordAudit(tx, ctx, { organizationId: id, action: 'organization.update', targetType: 'Organization', targetId: id, changes });
        return after;
      }),
    slugTaken(input.slug),
  );
}

/** Platform operators only (the field's auth scope): stands in for billing. */
export function setOrganizationPlan(ctx: Context, id: string, plan: Plan) {
  return ctx.prisma.$transaction(async (tx) => {
    const before = await tx.organization.findUnique({ where: { id } });
    if (!before) throw new NotFoundError('Organization');
    if (before.plan === plan) return before;
    const after = await tx.organization.update({ where: { id }, data: { plan } });
    await recordAudit(tx, ctx, {
      organizationId: id,
      action: 'organization.plan_change',
      targetType: 'Organization',
      targetId: id,
      changes: { plan: { from: before.plan, to: after.plan } },
    });
    return after;
  });
}

/** Locks the organization's OWNER rows so that two concurrent demotions cannot both pass the last-owner check. */
async function ownerCount(tx: Prisma.TransactionClient, organizationId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Membership" WHERE "organizationId" = ${organizationId}::uuid AND role = 'OWNER' FOR UPDATE`;
  return rows.length;
}

async function loadTargetMember(tx: Prisma.TransactionClient, ctx: Context, memberId: string) {
  const target = await tx.membership.findUnique({ where: { id: memberId } });
  if (!target) throw new NotFoundError('Member');
  // Not a member of the target's organization → not found, whatever the id.
  const access = await requireOrganization(ctx, target.organizationId, undefined, tx).catch((error: unknown) => {
    throw error instanceof NotFoundError ? new NotFoundError('Member') : error;
  });
  return { target, access, actorMembershipId: access.membership?.id ?? null };
}

export function updateMember(ctx: Context, id: string, role: MemberRole) {
  return ctx.prisma.$transaction(async (tx) => {
    const { target, access } = await loadTargetMember(tx, ctx, id);
    requireChangeMember(ctx, access, target.role, role);
    if (target.role === role) return target;
    if (target.role === 'OWNER' && (await ownerCount(tx, target.organizationId)) <= 1) {
      throw ValidationError.field(['input', 'role'], 'the last owner cannot be demoted: make another member an owner first');
    }
    const updated = await tx.membership.update({ where: { id }, data: { role } });
    await recordAudit(tx, ctx, {
      organizationId: target.organizationId,
      action: 'member.update',
      targetType: 'Member',
      targetId: id,
      changes: { role: { from: target.role, to: updated.role } },
    });
    return updated;
  });
}

/** Removes a member; any member may remove themselves (leave), except the last OWNER. */
export function removeMember(ctx: Context, id: string) {
  return ctx.prisma.$transaction(async (tx) => {
    const { target, access, actorMembershipId } = await loadTargetMember(tx, ctx, id);
    const leaving = actorMembershipId === target.id;
    if (!leaving) requireChangeMember(ctx, access, target.role);
    if (target.role === 'OWNER' && (await ownerCount(tx, target.organizationId)) <= 1) {
      throw ValidationError.field(['input', 'id'], 'the last owner cannot leave or be removed');
    }
    return deleteMembership(tx, ctx, target);
  });
}

/**
 * The signed-in person leaves an organization they belong to. Not a member (or no such organization): not found. The
 * last OWNER cannot leave (ConflictError): an organization always has someone who can manage it.
 */
export function leaveOrganization(ctx: Context, organizationId: string) {
  const user = viewerUser(ctx);
  return ctx.prisma.$transaction(async (tx) => {
    const target = await tx.membership.findUnique({ where: { organizationId_userId: { organizationId, userId: user.id } } });
    if (!target) throw new NotFoundError('Organization');
    if (target.role === 'OWNER' && (await ownerCount(tx, organizationId)) <= 1) {
      const org = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true } });
      throw new ConflictError(`You are the last owner of ${org.name}: make another member an owner before you leave`);
    }
    return deleteMembership(tx, ctx, target);
  });
}

async function deleteMembership(tx: Prisma.TransactionClient, ctx: Context, target: { id: string; organizationId: string; userId: string; role: MemberRole }) {
  await tx.membership.delete({ where: { id: target.id } });
  await recordAudit(tx, ctx, {
    organizationId: target.organizationId,
    action: 'member.remove',
    targetType: 'Member',
    targetId: target.id,
    changes: { userId: target.userId, role: target.role },
  });
  const user = await tx.user.findUniqueOrThrow({ where: { id: target.userId } });
  return { removedMemberId: toGlobalId('Member', target.id), user };
}
