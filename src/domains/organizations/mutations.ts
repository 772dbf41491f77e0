import { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts';
import { builder } from '../../graphql/builder.ts';
import { changeErrors, uniqueChangeErrors } from '../../graphql/error-types.ts';
import { parseGlobalId } from '../../graphql/ids.ts';
import { displayName, rejectNulls, slug } from '../../graphql/inputs.ts';
import { UserRef } from '../users/types.ts';
import { createOrganization, leaveOrganization, removeMember, setOrganizationPlan, updateMember, updateOrganization } from './service.ts';
import { RateLimitInput } from '../api-keys/rate-limit-types.ts';
import { LeakedKeyActionEnum, MemberRef, MemberRoleEnum, OrganizationRef, PlanEnum } from './types.ts';

const maxKeyLifetimeDays = z.number().int().min(1, 'must be at least 1 day').max(3650, 'must be at most 3650 days').nullish();

const OrganizationPayload = builder.simpleObject('OrganizationPayload', {
  fields: (t) => ({ organization: t.field({ type: OrganizationRef }) }),
});
export const MemberPayload = builder.simpleObject('MemberPayload', {
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
    authScopes: { user: true },
    description: 'Creates an organization with the viewer as its OWNER, on the server\'s default plan (`DEFAULT_PLAN`: FREE unless configured; TEAM in development on the development secret).',
    type: OrganizationPayload,
    errors: { types: [ValidationError, ConflictError] },
    args: { input: t.arg({ type: CreateOrganizationInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      return { organization: await createOrganization(ctx, input) };
    },
  }),
);

const UpdateOrganizationInput = builder.inputType('UpdateOrganizationInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string({ validate: displayName(100) }),
    slug: t.string({ validate: slug }),
    maxKeyLifetimeDays: t.int({ description: 'Null removes the limit.', validate: maxKeyLifetimeDays }),
    leakedKeyAction: t.field({ type: LeakedKeyActionEnum, description: 'What is done to keys reported leaked from now on.' }),
    defaultKeyRateLimits: t.field({ type: [RateLimitInput], description: 'Replaces the rate limits new keys inherit (an empty list: none); the plan caps them like a key\'s own.' }),
  }),
});

builder.mutationField('updateOrganization', (t) =>
  t.field({
    authScopes: { changePermission: 'organization:update' },
    description: 'Renames an organization, changes its slug, its maximum key lifetime, what is done to leaked keys or the rate limits new keys inherit. OWNER and ADMIN.',
    type: OrganizationPayload,
    errors: { types: uniqueChangeErrors },
    args: { input: t.arg({ type: UpdateOrganizationInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = parseGlobalId(String(input.id), 'Organization', ['input', 'id']);
      rejectNulls(input, ['name', 'slug', 'leakedKeyAction', 'defaultKeyRateLimits']);
      const changes = {
        name: input.name ?? undefined,
        slug: input.slug ?? undefined,
        maxKeyLifetimeDays: input.maxKeyLifetimeDays,
        leakedKeyAction: input.leakedKeyAction ?? undefined,
        defaultKeyRateLimits: input.defaultKeyRateLimits ? [...input.defaultKeyRateLimits] : undefined,
      };
      return { organization: await updateOrganization(ctx, id, changes) };
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
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: SetOrganizationPlanInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = parseGlobalId(String(input.organizationId), 'Organization', ['input', 'organizationId']);
      return { organization: await setOrganizationPlan(ctx, id, input.plan) };
    },
  }),
);

const UpdateMemberInput = builder.inputType('UpdateMemberInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    role: t.field({ type: MemberRoleEnum, required: true }),
  }),
});

builder.mutationField('updateMember', (t) =>
  t.field({
    authScopes: { changePermission: 'member:manage' },
    description: "Changes a member's role. ADMINs cannot touch OWNERs or grant OWNER; the last OWNER cannot be demoted.",
    type: MemberPayload,
    errors: { types: changeErrors },
    args: { input: t.arg({ type: UpdateMemberInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = parseGlobalId(String(input.id), 'Member', ['input', 'id']);
      return { member: await updateMember(ctx, id, input.role) };
    },
  }),
);

const LeaveOrganizationInput = builder.inputType('LeaveOrganizationInput', {
  fields: (t) => ({ organizationId: t.id({ required: true }) }),
});

builder.mutationField('leaveOrganization', (t) =>
  t.field({
    authScopes: { user: true },
    type: RemoveMemberPayload,
    description:
      'The signed-in person leaves an organization. NotFoundError when they are not a member; ConflictError for its last OWNER (make another member OWNER first).',
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    args: { input: t.arg({ type: LeaveOrganizationInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = parseGlobalId(String(input.organizationId), 'Organization', ['input', 'organizationId']);
      return leaveOrganization(ctx, id);
    },
  }),
);

const RemoveMemberInput = builder.inputType('RemoveMemberInput', {
  fields: (t) => ({ id: t.id({ required: true }) }),
});

builder.mutationField('removeMember', (t) =>
  t.field({
    authScopes: { changePermission: 'member:manage' },
    type: RemoveMemberPayload,
    description: 'Removes a member; any member may remove themselves (leave), except the last OWNER.',
    errors: { types: changeErrors },
    args: { input: t.arg({ type: RemoveMemberInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = parseGlobalId(String(input.id), 'Member', ['input', 'id']);
      return removeMember(ctx, id);
    },
  }),
);
