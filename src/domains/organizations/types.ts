import { z } from 'zod';
import type { Prisma } from '../../generated/prisma/client.ts';
import { LeakedKeyAction, MemberRole, Plan } from '../../generated/prisma/enums.ts';
import { builder } from '../../graphql/builder.ts';
import { requestLoaders } from '../../graphql/request-loaders.ts';
import { escapeLike } from '../../graphql/inputs.ts';
import { planIncludesApiAccess } from '../../authz/plans.ts';
import { readableOrganizations, readsIn, viewerRole, readPermission } from '../../authz/read-rules.ts';
import { UserRef } from '../users/types.ts';
import { RateLimitRef } from '../api-keys/rate-limit-types.ts';
import { parseStoredRateLimits } from '../api-keys/rate-limits.ts';

export const PlanEnum = builder.enumType(Plan, { name: 'Plan', description: 'Billing plan. FREE has no API access.' });
export const LeakedKeyActionEnum = builder.enumType(LeakedKeyAction, {
  name: 'LeakedKeyAction',
  description: 'What happens to a key whose full secret a secret scanner finds in public (README, "Leaked keys").',
  values: {
    REVOKE: { description: 'Revoke it at once (the default): it stops working on the next request.' },
    FLAG: { description: 'Only mark it (`ApiKey.leak`): it keeps working until someone rotates or revokes it.' },
  },
});
export const MemberRoleEnum = builder.enumType(MemberRole, { name: 'MemberRole', description: 'OWNER and ADMIN manage; MEMBER reads (see SECURITY.md).' });

export const OrganizationRef = builder.prismaNode('Organization', {
  extensions: { requiresPermission: readPermission('Organization') },
  nullable: true,
  description:
    'A tenant. Members read everything in it (audit log: OWNER and ADMIN); a platform operator who is not a member reads only its descriptive fields and plan.',
  id: { field: 'id' },
  authScopes: (org, ctx) => readsIn(ctx, 'Organization', org.id),
  findUnique: (id, ctx) => ({ id, AND: [readableOrganizations(ctx, 'Organization')] }),
  fields: (t) => ({
    name: t.exposeString('name'),
    slug: t.exposeString('slug'),
    plan: t.expose('plan', { type: PlanEnum }),
    apiAccess: t.boolean({
      description: 'Whether the plan includes API access (API keys and key-authenticated calls).',
      resolve: (org) => planIncludesApiAccess(org.plan),
    }),
    maxKeyLifetimeDays: t.exposeInt('maxKeyLifetimeDays', { nullable: true }),
    workingApiKeyCount: t.int({
      nullable: true,
      description:
        'How many of its API keys work right now (active, not expired): what stops working if the plan loses API access. Platform operators (who see no key itself) and those who may read its keys; null for others.',
      authScopes: async (org, _args, ctx) => (ctx.principal?.kind === 'user' && ctx.principal.isOperator) || readsIn(ctx, 'ApiKey', org.id),
      resolve: (org, _args, ctx) => requestLoaders(ctx).workingKeys.load(org.id),
    }),
    leakedKeyAction: t.expose('leakedKeyAction', {
      type: LeakedKeyActionEnum,
      description: 'What is done to a key reported leaked by a secret scanner; OWNER and ADMIN change it with `updateOrganization`.',
    }),
    defaultKeyRateLimits: t.field({
      type: [RateLimitRef],
      description: 'The rate limits a new key gets when its creator gives none (`rateLimits` omitted); OWNER and ADMIN change them with `updateOrganization`. Existing keys keep theirs.',
      resolve: (org) => parseStoredRateLimits(org.defaultKeyRateLimits),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    viewerRole: t.field({
      type: MemberRoleEnum,
      nullable: true,
      description: "The viewer's role; null for a platform operator acting on an organization they are not in.",
      resolve: (org, _args, ctx) => viewerRole(ctx, org.id),
    }),
    members: t.relatedConnection('memberships', {
      cursor: 'id',
      totalCount: true,
      nullable: true,
      description: 'Members only (null with FORBIDDEN for an operator who is not a member).',
      authScopes: (org, _args, ctx) => readsIn(ctx, 'Member', org.id),
      query: { orderBy: { createdAt: 'asc' } },
    }),
  }),
});

export const MemberRef = builder.prismaNode('Membership', {
  extensions: { requiresPermission: readPermission('Member') },
  nullable: true,
  name: 'Member',
  description: "A user's membership in an organization, with their role. Visible to the organization's members.",
  id: { field: 'id' },
  authScopes: (member, ctx) => readsIn(ctx, 'Member', member.organizationId),
  findUnique: (id, ctx) => ({ id, organization: readableOrganizations(ctx, 'Member') }),
  fields: (t) => ({
    role: t.expose('role', { type: MemberRoleEnum }),
    user: t.relation('user', { type: UserRef }),
    organization: t.relation('organization'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    workingKeysOwned: t.int({
      nullable: true,
      description:
        "The member's own API keys in this organization that still work (not revoked or expired). Removing the member stops them all (a key does at most what its owner may do): hand them to another member or to the organization first. Null for whoever may not read keys.",
      authScopes: (member, _args, ctx) => readsIn(ctx, 'ApiKey', member.organizationId),
      resolve: (member, _args, ctx) => requestLoaders(ctx).workingKeysOwned.load(`${member.organizationId}:${member.userId}`),
    }),
  }),
});

builder.queryField('organization', (t) =>
  t.prismaField({
    authScopes: { permission: 'organization:read' },
    type: OrganizationRef,
    nullable: true,
    description:
      'An organization by slug: one the viewer belongs to, or any organization for a platform operator; otherwise null.',
    args: { slug: t.arg.string({ required: true }) },
    resolve: (query, _root, { slug }, ctx) =>
      ctx.prisma.organization.findFirst({ ...query, where: { slug, AND: [readableOrganizations(ctx, 'Organization')] } }),
  }),
);

function searchWhere(search: string | null | undefined): Prisma.OrganizationWhereInput {
  const text = search?.trim();
  if (!text) return {};
  return { OR: [{ name: { contains: escapeLike(text), mode: 'insensitive' } }, { slug: { contains: escapeLike(text.toLowerCase()) } }] };
}

builder.queryField('organizations', (t) =>
  t.prismaConnection({
    type: OrganizationRef,
    cursor: 'id',
    description:
      'Platform operators only: every organization, oldest first, optionally those whose name or slug contains `search`. Members find theirs under `viewer.organizations`.',
    authScopes: { operator: true },
    args: { search: t.arg.string({ validate: z.string().max(100, 'must be at most 100 characters').nullish() }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.organization.findMany({ ...query, where: searchWhere(args.search), orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    totalCount: (_root, args, ctx) => ctx.prisma.organization.count({ where: searchWhere((args as { search?: string | null }).search) }),
  }),
);
