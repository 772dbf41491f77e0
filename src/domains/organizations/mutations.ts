import { z } from 'zod';
import { ConflictError, NotFoundError, PermissionDeniedError, ValidationError } from '../../errors.ts';
import type { Context } from '../../context.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { MemberRole } from '../../generated/prisma/enums.ts';
import { builder } from '../../graphql/builder.ts';
import { commonErrors } from '../../graphql/error-types.ts';
import { parseGlobalId, toGlobalId } from '../../graphql/ids.ts';
import { displayName, email, rejectNulls, slug } from '../../graphql/inputs.ts';
import { isUniqueViolation } from '../../graphql/prisma-errors.ts';
import { requireOrganization, viewerUser } from '../access.ts';
import { changedFields, recordAudit } from '../audit/record.ts';
import { UserRef } from '../users/types.ts';
import { MemberRef, MemberRoleEnum, OrganizationRef, PlanEnum } from './types.ts';
import { canChangeMember, canManageOrganization } from './permissions.ts';

const maxKeyLifetimeDays = z.number().int().min(1, 'must be at least 1 day').max(3650, 'must be at most 3650 days').nullish();

const OrganizationPayload = builder.simpleObject('OrganizationPayload', {
  fields: (t) => ({ organization: t.field({ type: OrganizationRef }) }),
});
const MemberPayload = builder.simpleObject('MemberPayload', {
  fields: (t) => ({ member: t.field({ type: MemberRef }) }),
});
const RemoveMemberPayload = builder.simpleObject('RemoveMemberPayload', {
  fields: (t) => ({ removedMemberId: t.id(), user: t.field({ type: UserRef }) }),
});

const CreateOrganizationInput = builder.inputType('CreateOrganizationInput', {
  fields: (t) => ({
    name: t.string({ required: true, validate: displayName(100) }),
    slug: t.string({ required: true, validate: slug }),
  }),
});

builder.mutationField('createOrganization', (t) =>
  t.field({
    type: OrganizationPayload,
    errors: { types: commonErrors },
    args: { input: t.arg({ type: CreateOrganizationInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const user = viewerUser(ctx);
      try {
        const organization = await ctx.prisma.$transaction(async (tx) => {
          const org = await tx.organization.create({
            data: { name: input.name, slug: input.slug, memberships: { create: { userId: user.id, role: 'OWNER' } } },
          });
          await recordAudit(tx, ctx, {
            organizationId: org.id,
            action: 'organization.create',
            targetType: 'Organization',
            targetId: org.id,
            changes: { name: org.name, slug: org.slug, plan: org.plan },
          });
          return org;
        });
        return { organization };
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError(`The slug "${input.slug}" is already taken`);
        throw error;
      }
    },
  }),
);

const UpdateOrganizationInput = builder.inputType('UpdateOrganizationInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string({ validate: displayName(100) }),
    slug: t.string({ validate: slug }),
    maxKeyLifetimeDays: t.int({ description: 'Null removes the limit.', validate: maxKeyLifetimeDays }),
  }),
});

builder.mutationField('updateOrganization', (t) =>
  t.field({
    type: OrganizationPayload,
    errors: { types: commonErrors },
    args: { input: t.arg({ type: UpdateOrganizationInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = parseGlobalId(String(input.id), 'Organization', ['input', 'id']);
      rejectNulls(input, ['name', 'slug']);
      const name = input.name ?? undefined;
      const newSlug = input.slug ?? undefined;
      try {
        const organization = await ctx.prisma.$transaction(async (tx) => {
          const { organization: before } = await requireOrganization(ctx, id, canManageOrganization, tx);
          const { data, changes, changed } = changedFields(before, {
            name,
            slug: newSlug,
            maxKeyLifetimeDays: input.maxKeyLifetimeDays,
          });
          if (!changed) return before;
          const after = await tx.organization.update({ where: { id }, data });
          await recordAudit(tx, ctx, { organizationId: id, action: 'organization.update', targetType: 'Organization', targetId: id, changes });
          return after;
        });
        return { organization };
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError(`The slug "${input.slug}" is already taken`);
        throw error;
      }
    },
  }),
);

const SetOrganizationPlanInput = builder.inputType('SetOrganizationPlanInput', {
  fields: (t) => ({
    organizationId: t.id({ required: true }),
    plan: t.field({ type: PlanEnum, required: true }),
  }),
});

builder.mutationField('setOrganizationPlan', (t) =>
  t.field({
    type: OrganizationPayload,
    description: 'Platform operators only: stands in for billing.',
    authScopes: { operator: true },
    errors: { types: commonErrors },
    args: { input: t.arg({ type: SetOrganizationPlanInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = parseGlobalId(String(input.organizationId), 'Organization', ['input', 'organizationId']);
      const organization = await ctx.prisma.$transaction(async (tx) => {
        const before = await tx.organization.findUnique({ where: { id } });
        if (!before) throw new NotFoundError('Organization');
        if (before.plan === input.plan) return before;
        const after = await tx.organization.update({ where: { id }, data: { plan: input.plan } });
        await recordAudit(tx, ctx, {
          organizationId: id,
          action: 'organization.plan_change',
          targetType: 'Organization',
          targetId: id,
          changes: { plan: { from: before.plan, to: after.plan } },
        });
        return after;
      });
      return { organization };
    },
  }),
);

const AddMemberInput = builder.inputType('AddMemberInput', {
  fields: (t) => ({
    organizationId: t.id({ required: true }),
    email: t.string({ required: true, validate: email }),
    role: t.field({ type: MemberRoleEnum, required: true }),
  }),
});

builder.mutationField('addMember', (t) =>
  t.field({
    type: MemberPayload,
    description: 'Adds a user who has signed in at least once, by email.',
    errors: { types: commonErrors },
    args: { input: t.arg({ type: AddMemberInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const organizationId = parseGlobalId(String(input.organizationId), 'Organization', ['input', 'organizationId']);
      const member = await ctx.prisma
        .$transaction(async (tx) => {
        const { role: actorRole } = await requireOrganization(ctx, organizationId, undefined, tx);
        if (!canChangeMember(actorRole, input.role, input.role)) throw new PermissionDeniedError();
        const users = await tx.user.findMany({ where: { email: input.email }, take: 2 });
        if (users.length === 0) {
          throw ValidationError.field(['input', 'email'], 'no user with this email has signed in yet');
        }
        if (users.length > 1) throw ValidationError.field(['input', 'email'], 'more than one user has this email');
        const existing = await tx.membership.findUnique({
          where: { organizationId_userId: { organizationId, userId: users[0].id } },
        });
        if (existing) throw new ConflictError('This user is already a member');
        const created = await tx.membership.create({ data: { organizationId, userId: users[0].id, role: input.role } });
        await recordAudit(tx, ctx, {
          organizationId,
          action: 'member.add',
          targetType: 'Member',
          targetId: created.id,
          changes: { userId: users[0].id, role: input.role },
        });
        return created;
        })
        .catch((error: unknown) => {
          // Two concurrent adds of the same user: the loser sees the unique constraint.
          if (isUniqueViolation(error)) throw new ConflictError('This user is already a member');
          throw error;
        });
      return { member };
    },
  }),
);

/** Locks the organization's OWNER rows so that two concurrent demotions cannot both pass the last-owner check. */
async function ownerCount(tx: Prisma.TransactionClient, organizationId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Membership" WHERE "organizationId" = ${organizationId}::uuid AND role = 'OWNER' FOR UPDATE`;
  return rows.length;
}

async function loadTargetMember(
  tx: Prisma.TransactionClient,
  ctx: Context,
  memberId: string,
) {
  const target = await tx.membership.findUnique({ where: { id: memberId } });
  if (!target) throw new NotFoundError('Member');
  // Not a member of the target's organization → not found, whatever the id.
  const access = await requireOrganization(ctx, target.organizationId, undefined, tx).catch(() => {
    throw new NotFoundError('Member');
  });
  return { target, actorRole: access.role, actorMembershipId: access.membership.id };
}

const UpdateMemberInput = builder.inputType('UpdateMemberInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    role: t.field({ type: MemberRoleEnum, required: true }),
  }),
});

builder.mutationField('updateMember', (t) =>
  t.field({
    type: MemberPayload,
    errors: { types: commonErrors },
    args: { input: t.arg({ type: UpdateMemberInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = parseGlobalId(String(input.id), 'Member', ['input', 'id']);
      const member = await ctx.prisma.$transaction(async (tx) => {
        const { target, actorRole } = await loadTargetMember(tx, ctx, id);
        if (!canChangeMember(actorRole, target.role, input.role)) throw new PermissionDeniedError();
        if (target.role === input.role) return target;
        if (target.role === 'OWNER' && (await ownerCount(tx, target.organizationId)) <= 1) {
          throw ValidationError.field(['input', 'role'], 'the last OWNER cannot be demoted; make someone else OWNER first');
        }
        const updated = await tx.membership.update({ where: { id }, data: { role: input.role as MemberRole } });
        await recordAudit(tx, ctx, {
          organizationId: target.organizationId,
          action: 'member.update',
          targetType: 'Member',
          targetId: id,
          changes: { role: { from: target.role, to: updated.role } },
        });
        return updated;
      });
      return { member };
    },
  }),
);

const RemoveMemberInput = builder.inputType('RemoveMemberInput', {
  fields: (t) => ({ id: t.id({ required: true }) }),
});

builder.mutationField('removeMember', (t) =>
  t.field({
    type: RemoveMemberPayload,
    description: 'Removes a member; any member may remove themselves (leave), except the last OWNER.',
    errors: { types: commonErrors },
    args: { input: t.arg({ type: RemoveMemberInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = parseGlobalId(String(input.id), 'Member', ['input', 'id']);
      return ctx.prisma.$transaction(async (tx) => {
        const { target, actorRole, actorMembershipId } = await loadTargetMember(tx, ctx, id);
        const leaving = actorMembershipId === target.id;
        if (!leaving && !canChangeMember(actorRole, target.role)) throw new PermissionDeniedError();
        if (target.role === 'OWNER' && (await ownerCount(tx, target.organizationId)) <= 1) {
          throw ValidationError.field(['input', 'id'], 'the last OWNER cannot leave or be removed');
        }
        await tx.membership.delete({ where: { id } });
        await recordAudit(tx, ctx, {
          organizationId: target.organizationId,
          action: 'member.remove',
          targetType: 'Member',
          targetId: id,
          changes: { userId: target.userId, role: target.role },
        });
        const user = await tx.user.findUniqueOrThrow({ where: { id: target.userId } });
        return { removedMemberId: toGlobalId('Member', id), user };
      });
    },
  }),
);
