import type { Context } from '../../context.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { builder } from '../../graphql/builder.ts';
import { MemberRoleEnum, OrganizationRef } from '../organizations/types.ts';
import { readableOrganizations, readPermission, readsIn } from '../../authz/read-rules.ts';
import { ViewerRef } from '../users/types.ts';
import { answeringEmail } from './rules.ts';

/** The invitations addressed to the viewer's (verified) email: a filter that matches nothing without one. */
function addressedToViewer(ctx: Context): Prisma.InvitationWhereInput {
  const email = answeringEmail(ctx.principal);
  return email.ok ? { email: email.address } : { id: { in: [] } };
}

const openToViewer = (ctx: Context): Prisma.InvitationWhereInput => ({ AND: [addressedToViewer(ctx), { expiresAt: { gt: ctx.clock.now() } }] });

function isForViewer(ctx: Context, invitation: { email: string }): boolean {
  const email = answeringEmail(ctx.principal);
  return email.ok && email.address === invitation.email;
}

export const InvitationRef = builder.prismaNode('Invitation', {
  extensions: { requiresPermission: readPermission('Invitation') },
  description:
    "An invitation to join an organization, pending until the invited person accepts or declines it, or an OWNER or ADMIN revokes it. Visible to the organization's OWNERs and ADMINs and to the person signed in with the invited (verified) email.",
  nullable: true,
  id: { field: 'id' },
  authScopes: async (invitation, ctx) => isForViewer(ctx, invitation) || readsIn(ctx, 'Invitation', invitation.organizationId),
  findUnique: (id, ctx) => ({ id, OR: [{ organization: readableOrganizations(ctx, 'Invitation') }, addressedToViewer(ctx)] }),
  fields: (t) => ({
    email: t.exposeString('email', { description: 'The invited address (lower-cased): only someone signed in with it can accept.' }),
    role: t.expose('role', { type: MemberRoleEnum, description: 'The role the invited person gets on accepting.' }),
    organizationName: t.string({
      description: "The inviting organization's name: what the invited person, not yet a member, may know of it.",
      select: { organization: { select: { name: true } } },
      resolve: (invitation) => invitation.organization.name,
    }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'After this it can no longer be accepted; inviting again renews it.' }),
    expired: t.boolean({ resolve: (invitation, _args, ctx) => invitation.expiresAt.getTime() <= ctx.clock.now().getTime() }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectFields(OrganizationRef, (t) => ({
  invitations: t.relatedConnection('invitations', {
    cursor: 'id',
    totalCount: true,
    nullable: true,
    description: 'Pending invitations (expired ones too, until revoked or renewed), oldest first. OWNER and ADMIN only.',
    authScopes: (org, _args, ctx) => readsIn(ctx, 'Invitation', org.id),
    query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
  }),
}));

builder.prismaObjectFields(ViewerRef, (t) => ({
  invitations: t.prismaConnection({
    type: InvitationRef,
    cursor: 'id',
    description:
      'Invitations to the email of your sign-in that have not expired, oldest first. Empty when your identity provider says the address is unverified.',
    resolve: (query, _user, _args, ctx) =>
      ctx.prisma.invitation.findMany({ ...query, where: openToViewer(ctx), orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    totalCount: (_user, _args, ctx) => ctx.prisma.invitation.count({ where: openToViewer(ctx) }),
  }),
}));
