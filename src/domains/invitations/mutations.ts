import { ConflictError, NotFoundError, PermissionDeniedError, ValidationError } from '../../errors.ts';
import { builder } from '../../graphql/builder.ts';
import { changeErrors, uniqueChangeErrors } from '../../graphql/error-types.ts';
import { parseGlobalId } from '../../graphql/ids.ts';
import { email } from '../../graphql/inputs.ts';
import { MemberPayload } from '../organizations/mutations.ts';
import { MemberRoleEnum } from '../organizations/types.ts';
import { acceptInvitation, declineInvitation, inviteMember, revokeInvitation } from './service.ts';
import { InvitationRef } from './types.ts';

const InvitationPayload = builder.simpleObject('InvitationPayload', {
  fields: (t) => ({ invitation: t.field({ type: InvitationRef }) }),
});
const RevokeInvitationPayload = builder.simpleObject('RevokeInvitationPayload', {
  fields: (t) => ({ revokedInvitationId: t.id() }),
});
const DeclineInvitationPayload = builder.simpleObject('DeclineInvitationPayload', {
  fields: (t) => ({ declinedInvitationId: t.id() }),
});

const InviteMemberInput = builder.inputType('InviteMemberInput', {
  fields: (t) => ({
    organizationId: t.id({ required: true }),
    email: t.string({ required: true, validate: email }),
    role: t.field({ type: MemberRoleEnum, required: true }),
  }),
});

builder.mutationField('inviteMember', (t) =>
  t.field({
    authScopes: { changePermission: 'member:manage' },
    type: InvitationPayload,
    description:
      'Invites an email address to the organization with a role, for 7 days; the person signed in with that address accepts it (`acceptInvitation`). OWNER and ADMIN (ADMINs cannot invite OWNERs). The answer never depends on whether anyone with the address has signed in. Inviting a pending address again with the same role returns the same invitation; with another role it is a ConflictError; an address of a current member is a ConflictError.',
    errors: { types: uniqueChangeErrors },
    args: { input: t.arg({ type: InviteMemberInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const organizationId = parseGlobalId(String(input.organizationId), 'Organization', ['input', 'organizationId']);
      return { invitation: await inviteMember(ctx, organizationId, input) };
    },
  }),
);

const InvitationIdInput = (name: string) =>
  builder.inputType(name, {
    fields: (t) => ({ id: t.id({ required: true, description: 'The invitation.' }) }),
  });
const RevokeInvitationInput = InvitationIdInput('RevokeInvitationInput');
const AcceptInvitationInput = InvitationIdInput('AcceptInvitationInput');
const DeclineInvitationInput = InvitationIdInput('DeclineInvitationInput');

builder.mutationField('revokeInvitation', (t) =>
  t.field({
    authScopes: { changePermission: 'member:manage' },
    type: RevokeInvitationPayload,
    description: 'Withdraws a pending (or expired) invitation. OWNER and ADMIN (ADMINs not for an OWNER invitation).',
    errors: { types: changeErrors },
    args: { input: t.arg({ type: RevokeInvitationInput, required: true }) },
    resolve: async (_root, { input }, ctx) => revokeInvitation(ctx, parseGlobalId(String(input.id), 'Invitation', ['input', 'id'])),
  }),
);

builder.mutationField('acceptInvitation', (t) =>
  t.field({
    authScopes: { user: true },
    type: MemberPayload,
    description:
      "Joins the organization with the invitation's role. Only the person signed in with the invited email (not marked unverified by the identity provider: ForbiddenError) can; anyone else's answer is NotFoundError. An expired invitation, or one to an organization you are already in, is a ConflictError.",
    errors: { types: [ValidationError, NotFoundError, PermissionDeniedError, ConflictError] },
    args: { input: t.arg({ type: AcceptInvitationInput, required: true }) },
    resolve: async (_root, { input }, ctx) => ({
      member: await acceptInvitation(ctx, parseGlobalId(String(input.id), 'Invitation', ['input', 'id'])),
    }),
  }),
);

builder.mutationField('declineInvitation', (t) =>
  t.field({
    authScopes: { user: true },
    type: DeclineInvitationPayload,
    description: 'Declines (and removes) an invitation to you, expired or not; the same rules as `acceptInvitation` decide whose it is.',
    errors: { types: changeErrors },
    args: { input: t.arg({ type: DeclineInvitationInput, required: true }) },
    resolve: async (_root, { input }, ctx) => declineInvitation(ctx, parseGlobalId(String(input.id), 'Invitation', ['input', 'id'])),
  }),
);
