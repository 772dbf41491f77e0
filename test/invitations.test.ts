import { describe, expect } from 'vitest';
import { INVITATION_LIFETIME_DAYS } from '../src/domains/invitations/rules.ts';
import { as, execute, ok, signToken } from './support/client.ts';
import { dbId, newOrg, newUser, test, unique, type TestOrg, type TestUser } from './support/fixtures.ts';
import {
  AcceptInvitation,
  AuditEvents,
  CreateWebhookEndpoint,
  DeclineInvitation,
  InviteMember,
  Members,
  OrganizationInvitations,
  RevokeInvitation,
  Viewer,
  ViewerInvitations,
} from './support/operations.ts';
import type { App } from '../src/server.ts';
import type { TestApp } from './support/app.ts';
import { documentedEvent, shapeOf } from './support/readme-events.ts';

// Members join by invitation only: an OWNER or ADMIN invites an address, the person signed in with that address
// accepts or declines. Everything goes through the GraphQL API as the console sends it.

type Fetch = Pick<App, 'fetch'>;

async function invite(app: Fetch, org: TestOrg, email: string, role: 'OWNER' | 'ADMIN' | 'MEMBER' = 'MEMBER', token = org.owner.token) {
  return ok(await execute(app, InviteMember, { input: { organizationId: org.id, email, role } }, { token })).inviteMember;
}

const accept = async (app: Fetch, id: string, token: string) => ok(await execute(app, AcceptInvitation, { input: { id } }, { token })).acceptInvitation;
const decline = async (app: Fetch, id: string, token: string) => ok(await execute(app, DeclineInvitation, { input: { id } }, { token })).declineInvitation;
const pendingFor = async (app: Fetch, token: string) => ok(await execute(app, ViewerInvitations, {}, { token })).viewer.invitations;

/** A person signed in with `email`, with these claims about it (the token is what the provider would issue). */
async function signedIn(app: Fetch, email: string, claims: { email_verified?: boolean | string } = {}): Promise<TestUser> {
  const sub = unique('user');
  const token = await signToken({ sub, email, ...claims });
  const data = ok(await execute(app, Viewer, {}, { token }));
  return { id: data.viewer.user.id, sub, email, token };
}

/** Every row an invitation can touch in the organization: to show that a refusal changed nothing. */
async function state(app: TestApp, org: TestOrg) {
  const organizationId = dbId(org.id);
  const p = app.db.prisma;
  return {
    invitations: await p.invitation.findMany({ where: { organizationId }, orderBy: { id: 'asc' } }),
    memberships: await p.membership.findMany({ where: { organizationId }, orderBy: { id: 'asc' } }),
    audit: await p.auditEvent.count({ where: { organizationId } }),
  };
}

const auditActions = async (app: Fetch, org: TestOrg) =>
  ok(await execute(app, AuditEvents, { slug: org.slug }, { token: org.owner.token })).organization!.auditEvents!.edges.map((e) => e.node);

describe('inviting and accepting', () => {
  test('the invited person sees the invitation, accepts it and is a member with its role; audited, with a webhook event', async ({ t, org }) => {
    const endpoint = as(
      ok(
        await execute(
          t.app,
          CreateWebhookEndpoint,
          { input: { organizationId: org.id, url: 'https://hooks.example.com/members', events: ['ORGANIZATION_MEMBER_ADDED'] } },
          { token: org.owner.token },
        ),
      ).createWebhookEndpoint,
      'CreateWebhookEndpointPayload',
    ).webhookEndpoint;
    const bob = await newUser(t.app);

    const before = Date.now();
    const invitation = as(await invite(t.app, org, bob.email.toUpperCase(), 'ADMIN'), 'InvitationPayload').invitation;
    expect(invitation).toMatchObject({ email: bob.email, role: 'ADMIN', expired: false, organizationName: `Org ${org.slug}` });
    const lifetime = new Date(invitation.expiresAt).getTime() - before;
    expect(lifetime).toBeGreaterThanOrEqual(INVITATION_LIFETIME_DAYS * 86_400_000 - 1000);
    expect(lifetime).toBeLessThanOrEqual(INVITATION_LIFETIME_DAYS * 86_400_000 + 60_000);
    expect(INVITATION_LIFETIME_DAYS).toBe(7);

    // Pending: not a member yet, listed for the organization's managers and for bob.
    const listed = ok(await execute(t.app, OrganizationInvitations, { slug: org.slug }, { token: org.owner.token })).organization!.invitations!;
    expect(listed.edges.map((e) => e.node)).toEqual([{ id: invitation.id, email: bob.email, role: 'ADMIN', expired: false }]);
    const mine = await pendingFor(t.app, bob.token);
    expect(mine.totalCount).toBe(1);
    expect(mine.edges[0].node).toMatchObject({ id: invitation.id, organizationName: `Org ${org.slug}`, role: 'ADMIN' });
    const membersBefore = ok(await execute(t.app, Members, { slug: org.slug }, { token: org.owner.token })).organization!.members!.edges;
    expect(membersBefore.map((e) => e.node.user.email)).not.toContain(bob.email);

    const accepted = as(await accept(t.app, invitation.id, bob.token), 'MemberPayload').member;
    expect(accepted).toMatchObject({ role: 'ADMIN', organization: { id: org.id, slug: org.slug } });

    const members = ok(await execute(t.app, Members, { slug: org.slug }, { token: bob.token })).organization!.members!.edges;
    expect(members.find((e) => e.node.user.email === bob.email)?.node).toMatchObject({ id: accepted.id, role: 'ADMIN' });
    expect((await pendingFor(t.app, bob.token)).totalCount).toBe(0);
    expect(ok(await execute(t.app, OrganizationInvitations, { slug: org.slug }, { token: org.owner.token })).organization!.invitations!.totalCount).toBe(0);

    const audit = await auditActions(t.app, org);
    expect(audit.find((e) => e.action === 'MEMBER_INVITE')).toMatchObject({
      targetType: 'Invitation',
      targetId: invitation.id,
      actorLabel: org.owner.email,
      changes: { email: bob.email, role: 'ADMIN', expiresAt: invitation.expiresAt },
    });
    expect(audit.find((e) => e.action === 'MEMBER_INVITATION_ACCEPT')).toMatchObject({
      targetType: 'Member',
      targetId: accepted.id,
      actorLabel: bob.email,
      actor: { id: bob.id },
      changes: { invitationId: invitation.id, email: bob.email, userId: bob.id, role: 'ADMIN' },
    });

    // The event is in the outbox, in the same transaction as the membership.
    const deliveries = await t.db.prisma.webhookDelivery.findMany({ where: { endpointId: dbId(endpoint.id) } });
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0].eventType).toBe('organization.member_added');
    expect(deliveries[0].payload).toMatchObject({
      type: 'organization.member_added',
      data: { id: accepted.id, organizationId: org.id, userId: bob.id, email: bob.email, role: 'ADMIN', actor: { id: bob.id, label: bob.email } },
    });
    expect(shapeOf(deliveries[0].payload)).toEqual(shapeOf(documentedEvent('organization.member_added')));
  });

  test('inviting answers the same whether or not anyone with the email has signed in', async ({ t, org }) => {
    const known = await newUser(t.app);
    const unknown = `${unique('nobody')}@example.com`;
    const strip = (r: Awaited<ReturnType<typeof invite>>) => {
      const { id, email, expiresAt, createdAt, ...rest } = as(r, 'InvitationPayload').invitation;
      expect([id, email, expiresAt, createdAt].every(Boolean)).toBe(true);
      return { __typename: r.__typename, ...rest };
    };
    const forKnown = strip(await invite(t.app, org, known.email));
    const forUnknown = strip(await invite(t.app, org, unknown));
    expect(forUnknown).toEqual(forKnown);
    // Neither looked anyone up nor added anyone: only the two invitations exist.
    const s = await state(t, org);
    expect(s.invitations.map((i) => i.email).sort()).toEqual([known.email, unknown].sort());
    expect(s.memberships).toHaveLength(1);
  });

  test('another person claiming the same email (unverified) cannot see or take the invitation, and does not block the real one', async ({ t, org }) => {
    const email = `${unique('carol')}@example.com`;
    const squatter = await signedIn(t.app, email, { email_verified: false });
    const invitation = as(await invite(t.app, org, email), 'InvitationPayload').invitation;
    expect((await pendingFor(t.app, squatter.token)).totalCount).toBe(0);
    const before = await state(t, org);
    const refused = await accept(t.app, invitation.id, squatter.token);
    expect(refused).toMatchObject({ __typename: 'ForbiddenError', message: expect.stringMatching(/not verified your email/) });
    expect(await state(t, org)).toEqual(before);

    const carol = await signedIn(t.app, email, { email_verified: true });
    expect((await pendingFor(t.app, carol.token)).edges.map((e) => e.node.id)).toEqual([invitation.id]);
    expect(as(await accept(t.app, invitation.id, carol.token), 'MemberPayload').member.role).toBe('MEMBER');
  });

  test('declining removes the invitation without joining, audited', async ({ t, org }) => {
    const dave = await newUser(t.app);
    const invitation = as(await invite(t.app, org, dave.email), 'InvitationPayload').invitation;
    expect(as(await decline(t.app, invitation.id, dave.token), 'DeclineInvitationPayload').declinedInvitationId).toBe(invitation.id);
    const s = await state(t, org);
    expect(s.invitations).toEqual([]);
    expect(s.memberships.map((m) => m.userId)).not.toContain(dbId(dave.id));
    expect(await auditActions(t.app, org)).toContainEqual(
      expect.objectContaining({ action: 'MEMBER_INVITATION_DECLINE', targetId: invitation.id, actorLabel: dave.email }),
    );
    // Declined is gone: accepting it afterwards finds nothing.
    expect(await accept(t.app, invitation.id, dave.token)).toMatchObject({ __typename: 'NotFoundError', resource: 'Invitation' });
  });
});

describe('refusals: a typed error, and nothing changes', () => {
  test('someone signed in with another email gets not-found, exactly as for an id that never existed', async ({ t, org, stranger }) => {
    const invitation = as(await invite(t.app, org, `${unique('erin')}@example.com`), 'InvitationPayload').invitation;
    const before = await state(t, org);
    const got = await accept(t.app, invitation.id, stranger.token);
    expect(got).toEqual({ __typename: 'NotFoundError', resource: 'Invitation', message: 'Invitation not found' });
    const ghost = Buffer.from(`Invitation:${crypto.randomUUID()}`).toString('base64url');
    expect(await accept(t.app, ghost, stranger.token)).toEqual(got);
    expect(await decline(t.app, invitation.id, stranger.token)).toEqual(got);
    // The organization's owner is not the invited person either.
    expect(await accept(t.app, invitation.id, org.owner.token)).toEqual(got);
    expect(await state(t, org)).toEqual(before);
  });

  test('a token whose provider says the email is unverified, or without an email, cannot accept or decline (ForbiddenError)', async ({ t, org }) => {
    const email = `${unique('frank')}@example.com`;
    const invitation = as(await invite(t.app, org, email), 'InvitationPayload').invitation;
    const unverified = await signedIn(t.app, email, { email_verified: false });
    const unverifiedString = await signedIn(t.app, email, { email_verified: 'false' });
    const noEmailToken = await signToken({ sub: unique('noemail') });
    const before = await state(t, org);
    for (const token of [unverified.token, unverifiedString.token, noEmailToken]) {
      expect((await accept(t.app, invitation.id, token)).__typename).toBe('ForbiddenError');
      expect((await decline(t.app, invitation.id, token)).__typename).toBe('ForbiddenError');
      expect((await pendingFor(t.app, token)).totalCount).toBe(0);
    }
    // The refusal does not depend on the invitation: an id of nothing gets the same answer.
    const ghost = Buffer.from(`Invitation:${crypto.randomUUID()}`).toString('base64url');
    expect(await accept(t.app, ghost, unverified.token)).toEqual(await accept(t.app, invitation.id, unverified.token));
    expect(await state(t, org)).toEqual(before);
  });

  test('an expired invitation cannot be accepted (ConflictError); it is shown as expired and inviting again renews it', async ({ t, org }) => {
    const grace = await newUser(t.app);
    const invitation = as(await invite(t.app, org, grace.email), 'InvitationPayload').invitation;
    // Seven days pass.
    await t.db.prisma.invitation.update({ where: { id: dbId(invitation.id) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await pendingFor(t.app, grace.token)).totalCount).toBe(0);
    const before = await state(t, org);
    expect(await accept(t.app, invitation.id, grace.token)).toMatchObject({ __typename: 'ConflictError', message: expect.stringMatching(/expired/) });
    expect(await state(t, org)).toEqual(before);
    const listed = ok(await execute(t.app, OrganizationInvitations, { slug: org.slug }, { token: org.owner.token })).organization!.invitations!;
    expect(listed.edges.map((e) => e.node)).toEqual([expect.objectContaining({ id: invitation.id, expired: true })]);

    const renewed = as(await invite(t.app, org, grace.email), 'InvitationPayload').invitation;
    expect(renewed.id).not.toBe(invitation.id);
    expect(renewed.expired).toBe(false);
    expect(as(await accept(t.app, renewed.id, grace.token), 'MemberPayload').member.role).toBe('MEMBER');
  });

  test('a revoked invitation is gone: accepting it is not found; the revocation is audited', async ({ t, org }) => {
    const heidi = await newUser(t.app);
    const invitation = as(await invite(t.app, org, heidi.email), 'InvitationPayload').invitation;
    const revoked = ok(await execute(t.app, RevokeInvitation, { input: { id: invitation.id } }, { token: org.owner.token })).revokeInvitation;
    expect(as(revoked, 'RevokeInvitationPayload').revokedInvitationId).toBe(invitation.id);
    expect((await pendingFor(t.app, heidi.token)).totalCount).toBe(0);
    const before = await state(t, org);
    expect(await accept(t.app, invitation.id, heidi.token)).toMatchObject({ __typename: 'NotFoundError', resource: 'Invitation' });
    expect(await state(t, org)).toEqual(before);
    expect(await auditActions(t.app, org)).toContainEqual(
      expect.objectContaining({ action: 'MEMBER_INVITATION_REVOKE', targetId: invitation.id, actorLabel: org.owner.email }),
    );
  });

  test("another organization's owner cannot revoke, nor see, an invitation (not found, as for nothing)", async ({ t, org }) => {
    const other = await newOrg(t.app);
    const invitation = as(await invite(t.app, org, `${unique('ivan')}@example.com`), 'InvitationPayload').invitation;
    const before = await state(t, org);
    const got = ok(await execute(t.app, RevokeInvitation, { input: { id: invitation.id } }, { token: other.owner.token })).revokeInvitation;
    expect(got).toEqual({ __typename: 'NotFoundError', resource: 'Invitation', message: 'Invitation not found' });
    expect(as(await invite(t.app, other, invitation.email), 'InvitationPayload').invitation.id).not.toBe(invitation.id);
    expect(await state(t, org)).toEqual(before);
  });

  test('a MEMBER cannot invite or revoke (ForbiddenError) and does not see invitations', async ({ t, org, member }) => {
    const invitation = as(await invite(t.app, org, `${unique('judy')}@example.com`), 'InvitationPayload').invitation;
    const before = await state(t, org);
    expect((await invite(t.app, org, `${unique('kim')}@example.com`, 'MEMBER', member.token)).__typename).toBe('ForbiddenError');
    const revoke = ok(await execute(t.app, RevokeInvitation, { input: { id: invitation.id } }, { token: member.token })).revokeInvitation;
    expect(revoke.__typename).toBe('ForbiddenError');
    const listed = await execute(t.app, OrganizationInvitations, { slug: org.slug }, { token: member.token });
    expect(listed.data?.organization?.invitations ?? null).toBeNull();
    expect(await state(t, org)).toEqual(before);
  });

  test('an ADMIN invites MEMBERs and ADMINs but not OWNERs', async ({ t, org, admin }) => {
    expect((await invite(t.app, org, `${unique('leo')}@example.com`, 'ADMIN', admin.token)).__typename).toBe('InvitationPayload');
    const before = await state(t, org);
    expect((await invite(t.app, org, `${unique('mia')}@example.com`, 'OWNER', admin.token)).__typename).toBe('ForbiddenError');
    expect(await state(t, org)).toEqual(before);
  });

  test('inviting a pending email again: the same role returns the same invitation, another role is a ConflictError', async ({ t, org }) => {
    const email = `${unique('nina')}@example.com`;
    const first = as(await invite(t.app, org, email, 'MEMBER'), 'InvitationPayload').invitation;
    const before = await state(t, org);
    const again = as(await invite(t.app, org, `  ${email.toUpperCase()} `, 'MEMBER'), 'InvitationPayload').invitation;
    expect(again).toEqual(first);
    expect(await state(t, org)).toEqual(before);
    expect(await invite(t.app, org, email, 'ADMIN')).toMatchObject({ __typename: 'ConflictError', message: expect.stringMatching(/already pending/) });
    expect(await state(t, org)).toEqual(before);
  });

  test('inviting the email of a current member is a ConflictError naming nothing outside the organization', async ({ t, org, member }) => {
    const before = await state(t, org);
    const got = await invite(t.app, org, member.email);
    expect(got).toEqual({ __typename: 'ConflictError', message: 'A member of this organization already has this email' });
    expect(await state(t, org)).toEqual(before);
    // A member of some other organization is just an address here.
    const elsewhere = await newOrg(t.app);
    expect((await invite(t.app, org, elsewhere.owner.email)).__typename).toBe('InvitationPayload');
  });

  test('accepting while already a member is a ConflictError and leaves the invitation', async ({ t, org, member }) => {
    // The member's address changed at the provider after they joined; the old address is not a member's any more.
    const newAddress = `${unique('moved')}@example.com`;
    const invitation = as(await invite(t.app, org, newAddress, 'ADMIN'), 'InvitationPayload').invitation;
    const moved = await signToken({ sub: member.sub, email: newAddress });
    const before = await state(t, org);
    expect(await accept(t.app, invitation.id, moved)).toMatchObject({ __typename: 'ConflictError', message: 'You are already a member of this organization' });
    expect(await state(t, org)).toEqual(before);
  });
});
