import type { Context } from '../../context.ts';
import { ConflictError, NotFoundError, PermissionDeniedError } from '../../errors.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { MemberRole } from '../../generated/prisma/enums.ts';
import { toGlobalId } from '../../graphql/ids.ts';
import { conflictOnDuplicate } from '../../graphql/prisma-errors.ts';
import { accountableUserId, requireOrganization, viewerUser } from '../../authz/access.ts';
import { recordAudit } from '../audit/record.ts';
import { requireChangeMember } from '../../authz/roles.ts';
import { recordMemberEvent } from './member-events.ts';
import { answeringEmail, invitationExpiresAt, isExpired } from './rules.ts';

// Invitations replace adding members by email: an OWNER or ADMIN invites an address, and only someone signed in with
// that address joins, by accepting. Each function is one transaction with its audit event.

const PENDING_CONFLICT = 'An invitation to this email is already pending with another role: revoke it to invite with this one';

/**
 * Invites an email address. The answer is the same whether or not anyone with that address has signed in: the user
 * table is never consulted, only this organization's members and invitations. Inviting again with the same role
 * returns the pending invitation unchanged; an expired one is replaced by a new one.
 */
export function inviteMember(ctx: Context, organizationId: string, input: { email: string; role: MemberRole }) {
  // Two concurrent first invitations of one address: the loser sees the unique index.
  return conflictOnDuplicate(
    () =>
      ctx.prisma.$transaction(async (tx) => {
        const access = await requireOrganization(ctx, organizationId, undefined, tx);
        requireChangeMember(ctx, access, input.role, input.role);
        const member = await tx.membership.findFirst({ where: { organizationId, user: { email: input.email } }, select: { id: true } });
        if (member) throw new ConflictError('A member of this organization already has this email');
        const now = ctx.clock.now();
        const pending = await tx.invitation.findUnique({ where: { organizationId_email: { organizationId, email: input.email } } });
        if (pending && !isExpired(pending, now)) {
          if (pending.role !== input.role) throw new ConflictError(PENDING_CONFLICT);
          return pending;
        }
        if (pending) await tx.invitation.deleteMany({ where: { id: pending.id } });
        const invitation = await tx.invitation.create({
          data: { organizationId, email: input.email, role: input.role, invitedById: accountableUserId(ctx), expiresAt: invitationExpiresAt(now) },
        });
        await recordAudit(tx, ctx, {
          organizationId,
          action: 'member.invite',
          targetType: 'Invitation',
          targetId: invitation.id,
          changes: { email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt.toISOString() },
        });
        return invitation;
      }),
    PENDING_CONFLICT,
  );
}

/** OWNER or ADMIN (an ADMIN not for an OWNER invitation); a MEMBER is refused, anyone outside gets not-found. */
export function revokeInvitation(ctx: Context, id: string) {
  return ctx.prisma.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({ where: { id } });
    if (!invitation) throw new NotFoundError('Invitation');
    const access = await requireOrganization(ctx, invitation.organizationId, undefined, tx).catch((error: unknown) => {
      throw error instanceof NotFoundError ? new NotFoundError('Invitation') : error;
    });
    requireChangeMember(ctx, access, invitation.role);
    await consume(tx, id);
    await recordAudit(tx, ctx, {
      organizationId: invitation.organizationId,
      action: 'member.invitation_revoke',
      targetType: 'Invitation',
      targetId: id,
      changes: { email: invitation.email, role: invitation.role },
    });
    return { revokedInvitationId: toGlobalId('Invitation', id) };
  });
}

/** Deletes an answered or revoked invitation; one that a concurrent request consumed first is not found. */
async function consume(tx: Prisma.TransactionClient, id: string) {
  const { count } = await tx.invitation.deleteMany({ where: { id } });
  if (count === 0) throw new NotFoundError('Invitation');
}

/**
 * The viewer's own invitation, for accepting or declining it. The address is checked before the invitation is
 * looked up, so a refusal says nothing about which invitations exist; an invitation to another address is not found.
 */
async function ownInvitation(ctx: Context, tx: Prisma.TransactionClient, id: string) {
  const email = answeringEmail(ctx.principal);
  if (!email.ok) throw new PermissionDeniedError(email.reason);
  const invitation = await tx.invitation.findFirst({ where: { id, email: email.address } });
  if (!invitation) throw new NotFoundError('Invitation');
  return invitation;
}

export function acceptInvitation(ctx: Context, id: string) {
  return conflictOnDuplicate(
    () =>
      ctx.prisma.$transaction(async (tx) => {
        const invitation = await ownInvitation(ctx, tx, id);
        if (isExpired(invitation, ctx.clock.now())) {
          throw new ConflictError('This invitation has expired: ask an owner or admin of the organization to invite you again');
        }
        const user = viewerUser(ctx);
        const existing = await tx.membership.findUnique({
          where: { organizationId_userId: { organizationId: invitation.organizationId, userId: user.id } },
          select: { id: true },
        });
        if (existing) throw new ConflictError('You are already a member of this organization');
        const member = await tx.membership.create({ data: { organizationId: invitation.organizationId, userId: user.id, role: invitation.role } });
        await consume(tx, id);
        await recordAudit(tx, ctx, {
          organizationId: invitation.organizationId,
          action: 'member.invitation_accept',
          targetType: 'Member',
          targetId: member.id,
          changes: { invitationId: id, email: invitation.email, userId: user.id, role: member.role },
        });
        await recordMemberEvent(tx, ctx, 'organization.member_added', member, invitation.email);
        return member;
      }),
    'You are already a member of this organization',
  );
}

export function declineInvitation(ctx: Context, id: string) {
  return ctx.prisma.$transaction(async (tx) => {
    const invitation = await ownInvitation(ctx, tx, id);
    await consume(tx, id);
    await recordAudit(tx, ctx, {
      organizationId: invitation.organizationId,
      action: 'member.invitation_decline',
      targetType: 'Invitation',
      targetId: id,
      changes: { email: invitation.email, role: invitation.role },
    });
    return { declinedInvitationId: toGlobalId('Invitation', id) };
  });
}
