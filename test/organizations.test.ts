import { describe, expect } from 'vitest';
import { as, execute, ok } from './support/client.ts';
import { addMember, dbId, newOrg, newUser, test, unique } from './support/fixtures.ts';
import {
  CreateOrganization,
  CreateProject,
  LeaveOrganization,
  Members,
  Node,
  OrganizationBySlug,
  RemoveMember,
  SetOrganizationPlan,
  UpdateMember,
  UpdateProject,
  WorkingApiKeyCount,
} from './support/operations.ts';
import { projectKey } from './support/keys.ts';
import { RevokeApiKey } from './support/operations.ts';

describe('organizations', () => {
  test('makes the creator OWNER of a new organization on the FREE plan', async ({ t }) => {
    const alice = await newUser(t.app);
    const slug = unique('acme');
    const data = ok(await execute(t.app, CreateOrganization, { input: { name: '  Acme  ', slug } }, { token: alice.token }));
    const org = as(data.createOrganization, 'OrganizationPayload').organization;
    expect(org).toMatchObject({ name: 'Acme', slug, plan: 'FREE', viewerRole: 'OWNER' });
    expect(org.members!.edges.map((e) => e.node)).toEqual([{ role: 'OWNER', user: { email: alice.email } }]);
  });

  test('answers a duplicate slug with ConflictError and creates nothing', async ({ t }) => {
    const org = await newOrg(t.app);
    const bob = await newUser(t.app);
    const data = ok(await execute(t.app, CreateOrganization, { input: { name: 'Copy', slug: org.slug } }, { token: bob.token }));
    expect(data.createOrganization.__typename).toBe('ConflictError');
    expect(await t.db.prisma.membership.count({ where: { user: { subject: bob.sub } } })).toBe(0);
  });

  test('answers bad names and slugs with ValidationError listing the fields', async ({ t }) => {
    const alice = await newUser(t.app);
    const data = ok(
      await execute(t.app, CreateOrganization, { input: { name: '\u0007bell', slug: 'fine-slug' } }, { token: alice.token }),
    );
    expect(as(data.createOrganization, 'ValidationError').issues).toEqual([{ path: ['input', 'name'], message: 'must not contain control characters' }]);
    const badSlug = ok(await execute(t.app, CreateOrganization, { input: { name: 'Fine', slug: 'Not A Slug' } }, { token: alice.token }));
    expect(as(badSlug.createOrganization, 'ValidationError').issues.map((i) => i.path.join('.'))).toEqual(['input.slug']);
    expect(await t.db.prisma.membership.count({ where: { user: { subject: alice.sub } } })).toBe(0);
  });

  test('does not let a MEMBER create a project (ForbiddenError), but lets an ADMIN', async ({ t, org, member, admin }) => {
    const denied = ok(
      await execute(t.app, CreateProject, { input: { organizationId: org.id, name: 'P', slug: unique('p') } }, { token: member.token }),
    );
    expect(denied.createProject.__typename).toBe('ForbiddenError');
    const allowed = ok(
      await execute(t.app, CreateProject, { input: { organizationId: org.id, name: 'P', slug: unique('p') } }, { token: admin.token }),
    );
    expect(allowed.createProject.__typename).toBe('ProjectPayload');
    const listed = ok(await execute(t.app, OrganizationBySlug, { slug: org.slug }, { token: member.token }));
    expect(listed.organization?.projects?.edges).toHaveLength(1);
  });

  test("shows a stranger not-found (never forbidden) for another organization's project", async ({ t, org, project, stranger }) => {

    const node = ok(await execute(t.app, Node, { id: project.id }, { token: stranger.token }));
    expect(node.node).toBeNull();
    const bySlug = ok(await execute(t.app, OrganizationBySlug, { slug: org.slug }, { token: stranger.token }));
    expect(bySlug.organization).toBeNull();
    const update = ok(await execute(t.app, UpdateProject, { input: { id: project.id, name: 'Hacked' } }, { token: stranger.token }));
    expect(update.updateProject.__typename).toBe('NotFoundError');
    const create = ok(
      await execute(t.app, CreateProject, { input: { organizationId: org.id, name: 'X', slug: unique('x') } }, { token: stranger.token }),
    );
    expect(create.createProject.__typename).toBe('NotFoundError');

    const owner = ok(await execute(t.app, Node, { id: project.id }, { token: org.owner.token }));
    expect(owner.node).toMatchObject({ __typename: 'Project', id: project.id });
  });

  test('does not let the last OWNER leave or be demoted', async ({ t }) => {
    const org = await newOrg(t.app);
    const members = ok(await execute(t.app, Members, { slug: org.slug }, { token: org.owner.token }));
    const ownerMemberId = members.organization!.members!.edges[0].node.id;

    const leave = ok(await execute(t.app, RemoveMember, { input: { id: ownerMemberId } }, { token: org.owner.token }));
    expect(leave.removeMember.__typename).toBe('ValidationError');
    const demote = ok(await execute(t.app, UpdateMember, { input: { id: ownerMemberId, role: 'ADMIN' } }, { token: org.owner.token }));
    expect(demote.updateMember.__typename).toBe('ValidationError');

    // With a second OWNER, the first may leave.
    await addMember(t.app, org, 'OWNER');
    const left = ok(await execute(t.app, RemoveMember, { input: { id: ownerMemberId } }, { token: org.owner.token }));
    expect(left.removeMember.__typename).toBe('RemoveMemberPayload');
  });

  test('does not let an ADMIN remove an OWNER', async ({ t, org, admin }) => {
    const members = ok(await execute(t.app, Members, { slug: org.slug }, { token: org.owner.token }));
    const ownerMember = members.organization!.members!.edges.find((e) => e.node.role === 'OWNER')!;
    const result = ok(await execute(t.app, RemoveMember, { input: { id: ownerMember.node.id } }, { token: admin.token }));
    expect(result.removeMember.__typename).toBe('ForbiddenError');
  });

  test('lets only platform operators change a plan, and audits the change', async ({ t, operator }) => {
    const org = await newOrg(t.app); // FREE
    const asOwner = await execute(t.app, SetOrganizationPlan, { input: { organizationId: org.id, plan: 'TEAM' } }, { token: org.owner.token });
    expect(asOwner.status).toBe(403);
    expect(asOwner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const changed = ok(await execute(t.app, SetOrganizationPlan, { input: { organizationId: org.id, plan: 'TEAM' } }, { token: operator.token }));
    expect(as(changed.setOrganizationPlan, 'OrganizationPayload').organization.plan).toBe('TEAM');
    const events = await t.db.prisma.auditEvent.findMany({ where: { organizationId: dbId(org.id), action: 'organization.plan_change' } });
    expect(events).toHaveLength(1);
    expect(events[0].changes).toEqual({ plan: { from: 'FREE', to: 'TEAM' } });
  });

  test('answers malformed ids with ValidationError, without touching anything', async ({ t, org }) => {
    const result = ok(await execute(t.app, UpdateProject, { input: { id: 'not-a-global-id', name: 'x' } }, { token: org.owner.token }));
    expect(result.updateProject.__typename).toBe('ValidationError');
  });
});

describe('leaveOrganization', () => {
  test('a MEMBER leaves: gone from the members, the organization no longer theirs, the departure audited', async ({ t, org, member }) => {
    const left = as(
      ok(await execute(t.app, LeaveOrganization, { input: { organizationId: org.id } }, { token: member.token })).leaveOrganization,
      'RemoveMemberPayload',
    );
    expect(left).toEqual({ __typename: 'RemoveMemberPayload', removedMemberId: member.memberId, user: { email: member.email } });
    const members = ok(await execute(t.app, Members, { slug: org.slug }, { token: org.owner.token })).organization!.members!.edges;
    expect(members.map((e) => e.node.user.email)).not.toContain(member.email);
    expect(ok(await execute(t.app, OrganizationBySlug, { slug: org.slug }, { token: member.token })).organization).toBeNull();
    const events = await t.db.prisma.auditEvent.findMany({ where: { organizationId: dbId(org.id), action: 'member.remove' } });
    expect(events.map((e) => [e.targetId, e.actorLabel])).toEqual([[dbId(member.memberId), member.email]]);
    // Leaving twice: no longer a member, so not found.
    const again = ok(await execute(t.app, LeaveOrganization, { input: { organizationId: org.id } }, { token: member.token })).leaveOrganization;
    expect(again.__typename).toBe('NotFoundError');
  });

  test('the last OWNER cannot leave (ConflictError, still OWNER); with a second OWNER they can', async ({ t, org }) => {
    const refused = as(
      ok(await execute(t.app, LeaveOrganization, { input: { organizationId: org.id } }, { token: org.owner.token })).leaveOrganization,
      'ConflictError',
    );
    expect(refused.message).toContain('last owner');
    const members = ok(await execute(t.app, Members, { slug: org.slug }, { token: org.owner.token })).organization!.members!.edges;
    expect(members.map((e) => [e.node.user.email, e.node.role])).toEqual([[org.owner.email, 'OWNER']]);
    expect(await t.db.prisma.auditEvent.count({ where: { organizationId: dbId(org.id), action: 'member.remove' } })).toBe(0);

    await addMember(t.app, org, 'OWNER');
    const left = ok(await execute(t.app, LeaveOrganization, { input: { organizationId: org.id } }, { token: org.owner.token })).leaveOrganization;
    expect(left.__typename).toBe('RemoveMemberPayload');
  });

  test("a stranger leaving another organization gets NotFoundError; a malformed id ValidationError; nothing changes", async ({ t, org, stranger, member }) => {
    const notMine = ok(await execute(t.app, LeaveOrganization, { input: { organizationId: org.id } }, { token: stranger.token })).leaveOrganization;
    expect(notMine.__typename).toBe('NotFoundError');
    const malformed = ok(await execute(t.app, LeaveOrganization, { input: { organizationId: 'nope' } }, { token: member.token })).leaveOrganization;
    expect(as(malformed, 'ValidationError').issues.map((i) => i.path.join('.'))).toEqual(['input.organizationId']);
    const members = ok(await execute(t.app, Members, { slug: org.slug }, { token: org.owner.token })).organization!.members!.edges;
    expect(members.map((e) => e.node.user.email)).toContain(member.email);
  });

  test('an API key cannot leave (it is no member): refused with FORBIDDEN', async ({ t, org, project }) => {
    const key = await projectKey(t.app, org.owner, project.id);
    const answer = await execute(t.app, LeaveOrganization, { input: { organizationId: org.id } }, { authorization: `Bearer ${key.secret}` });
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('Organization.workingApiKeyCount', () => {
  test('counts the keys that work (revoked ones not) for an operator and for members; a stranger sees no organization', async ({ t, org, operator, member, project, stranger }) => {
    const first = await projectKey(t.app, org.owner, project.id, { name: 'one' });
    await projectKey(t.app, org.owner, project.id, { name: 'two' });
    await projectKey(t.app, org.owner, project.id, { name: 'three' });
    as(ok(await execute(t.app, RevokeApiKey, { input: { id: first.apiKey.id } }, { token: org.owner.token })).revokeApiKey, 'RevokeApiKeyPayload');
    expect(ok(await execute(t.app, WorkingApiKeyCount, { slug: org.slug }, { token: operator.token })).organization).toEqual({ plan: 'TEAM', workingApiKeyCount: 2 });
    expect(ok(await execute(t.app, WorkingApiKeyCount, { slug: org.slug }, { token: member.token })).organization!.workingApiKeyCount).toBe(2);
    expect(ok(await execute(t.app, WorkingApiKeyCount, { slug: org.slug }, { token: stranger.token })).organization).toBeNull();
  });
});
