import { describe, expect, it } from 'vitest';
import type { MemberRole } from '../src/generated/prisma/enums.ts';
import { canChangeMember } from '../src/authz/roles.ts';
import { execute, ok } from './support/client.ts';
import { dbId, newUser, test } from './support/fixtures.ts';
import { InviteMember, Members, UpdateMember } from './support/operations.ts';

describe('canChangeMember', () => {
  const roles: MemberRole[] = ['OWNER', 'ADMIN', 'MEMBER'];
  it('lets an OWNER do anything, an ADMIN anything that neither touches nor creates an OWNER, a MEMBER nothing', () => {
    const table = roles.flatMap((actor) =>
      roles.flatMap((target) => [undefined, ...roles].map((newRole) => `${actor} ${target}→${newRole ?? '-'} ${canChangeMember(actor, target, newRole)}`)),
    );
    const expected = (actor: MemberRole, target: MemberRole, newRole?: MemberRole) =>
      actor === 'OWNER' || (actor === 'ADMIN' && target !== 'OWNER' && newRole !== 'OWNER');
    expect(table).toEqual(
      roles.flatMap((actor) =>
        roles.flatMap((target) => [undefined, ...roles].map((newRole) => `${actor} ${target}→${newRole ?? '-'} ${expected(actor, target, newRole)}`)),
      ),
    );
    // The cases the rule exists for, spelled out.
    expect(canChangeMember('ADMIN', 'MEMBER', 'OWNER')).toBe(false);
    expect(canChangeMember('ADMIN', 'OWNER', 'OWNER')).toBe(false);
    expect(canChangeMember('ADMIN', 'MEMBER', 'ADMIN')).toBe(true);
  });
});

describe('an ADMIN and the OWNER role', () => {
  test('cannot invite an OWNER nor promote a member to OWNER (ForbiddenError), and nothing changes', async ({ t, org, owner, admin, member }) => {
    const newcomer = await newUser(t.app);
    const roles = async () =>
      (await t.db.prisma.membership.findMany({ where: { organizationId: dbId(org.id) }, orderBy: { id: 'asc' } })).map((m) => [m.userId, m.role]);
    const before = await roles();

    const invite = ok(await execute(t.app, InviteMember, { input: { organizationId: org.id, email: newcomer.email, role: 'OWNER' } }, { token: admin.token }));
    expect(invite.inviteMember.__typename).toBe('ForbiddenError');
    expect(await t.db.prisma.invitation.count({ where: { organizationId: dbId(org.id) } })).toBe(0);
    const promote = ok(await execute(t.app, UpdateMember, { input: { id: member.memberId, role: 'OWNER' } }, { token: admin.token }));
    expect(promote.updateMember.__typename).toBe('ForbiddenError');
    const promoteSelf = ok(await execute(t.app, UpdateMember, { input: { id: admin.memberId, role: 'OWNER' } }, { token: admin.token }));
    expect(promoteSelf.updateMember.__typename).toBe('ForbiddenError');
    expect(await roles()).toEqual(before);

    // What an ADMIN may do, and what the OWNER may: the refusals above are the OWNER rule, not a broken mutation.
    const asAdmin = ok(await execute(t.app, UpdateMember, { input: { id: member.memberId, role: 'ADMIN' } }, { token: admin.token }));
    expect(asAdmin.updateMember).toMatchObject({ __typename: 'MemberPayload', member: { role: 'ADMIN' } });
    const asOwner = ok(await execute(t.app, UpdateMember, { input: { id: member.memberId, role: 'OWNER' } }, { token: owner.token }));
    expect(asOwner.updateMember).toMatchObject({ __typename: 'MemberPayload', member: { role: 'OWNER' } });
    const listed = ok(await execute(t.app, Members, { slug: org.slug }, { token: owner.token })).organization!.members!.edges;
    expect(listed.filter((e) => e.node.role === 'OWNER').map((e) => e.node.user.id).sort()).toEqual([owner.id, member.id].sort());
  });
});
