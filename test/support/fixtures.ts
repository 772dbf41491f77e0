import { randomUUID } from 'node:crypto';
import { ManualClock } from './manual-clock.ts';
import { test as base } from 'vitest';
import type { App } from '../../src/server.ts';
import { startTestApp, type TestApp } from './app.ts';
import { as, execute, ok, signToken } from './client.ts';
import { projectKey } from './keys.ts';
import { AcceptInvitation, CreateOrganization, InviteMember, CreateProject, CreateWorkflow, SetOrganizationPlan, Viewer } from './operations.ts';

export type TestUser = { id: string; sub: string; email: string; token: string };
export type TestOrg = { id: string; slug: string; owner: TestUser };

/** The database id inside a Relay global id (for direct database assertions). */
export function dbId(globalId: string): string {
  return Buffer.from(globalId, 'base64').toString('utf8').split(':')[1];
}

export const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

/** A user who has signed in once (so the server knows them). */
export async function newUser(app: Pick<App, 'fetch'>, options: { operator?: boolean; name?: string } = {}): Promise<TestUser> {
  const sub = unique('user');
  const email = `${sub}@example.com`;
  const token = await signToken({ sub, email, name: options.name ?? sub, ...(options.operator ? { roles: ['operator'] } : {}) });
  const data = ok(await execute(app, Viewer, {}, { token }));
  return { id: data.viewer.user.id, sub, email, token };
}

export async function newOrg(
  app: Pick<App, 'fetch'>,
  options: { owner?: TestUser; plan?: 'FREE' | 'TEAM' | 'ENTERPRISE' } = {},
): Promise<TestOrg> {
  const owner = options.owner ?? (await newUser(app));
  const slug = unique('org');
  const result = ok(await execute(app, CreateOrganization, { input: { name: `Org ${slug}`, slug } }, { token: owner.token }));
  const org = as(result.createOrganization, 'OrganizationPayload').organization;
  if (options.plan && options.plan !== 'FREE') {
    const operator = await newUser(app, { operator: true });
    const set = ok(
      await execute(app, SetOrganizationPlan, { input: { organizationId: org.id, plan: options.plan } }, { token: operator.token }),
    );
    as(set.setOrganizationPlan, 'OrganizationPayload');
  }
  return { id: org.id, slug: org.slug, owner };
}

/** A member of `org` with `role`, the way people join: the owner invites their email and they accept. */
export async function addMember(
  app: Pick<App, 'fetch'>,
  org: TestOrg,
  role: 'OWNER' | 'ADMIN' | 'MEMBER',
  user?: TestUser,
): Promise<TestUser & { memberId: string }> {
  const member = user ?? (await newUser(app));
  const invited = ok(
    await execute(app, InviteMember, { input: { organizationId: org.id, email: member.email, role } }, { token: org.owner.token }),
  );
  const invitationId = as(invited.inviteMember, 'InvitationPayload').invitation.id;
  const accepted = ok(await execute(app, AcceptInvitation, { input: { id: invitationId } }, { token: member.token }));
  return { ...member, memberId: as(accepted.acceptInvitation, 'MemberPayload').member.id };
}

export async function newProject(app: Pick<App, 'fetch'>, org: TestOrg): Promise<{ id: string; slug: string }> {
  const slug = unique('proj');
  const result = ok(
    await execute(app, CreateProject, { input: { organizationId: org.id, name: `Project ${slug}`, slug } }, { token: org.owner.token }),
  );
  return as(result.createProject, 'ProjectPayload').project;
}

export async function newWorkflow(
  app: Pick<App, 'fetch'>,
  org: TestOrg,
  projectId: string,
): Promise<{ id: string; slug: string }> {
  const slug = unique('wf');
  const result = ok(
    await execute(app, CreateWorkflow, { input: { projectId, name: `Workflow ${slug}`, slug } }, { token: org.owner.token }),
  );
  return as(result.createWorkflow, 'WorkflowPayload').workflow;
}

export type TestMember = TestUser & { memberId: string };

/**
 * `test` with a fresh tenant per test, built lazily: a test gets only what it names. `t` is the app of the file
 * (one per test file, like `sharedApp`); `org` is a new TEAM organization whose OWNER is `owner`; `admin` and
 * `member` belong to it with those roles; `stranger` is signed in but belongs to nothing; `operator` is a platform
 * operator outside the organization; `project`, `workflow` and `key` (a project key with both scopes) live in it.
 */
export const test = base.extend<{
  $test: {
    org: TestOrg;
    owner: TestUser;
    admin: TestMember;
    member: TestMember;
    stranger: TestUser;
    operator: TestUser;
    project: { id: string; slug: string };
    workflow: { id: string; slug: string };
    key: Awaited<ReturnType<typeof projectKey>>;
  };
  $file: { t: TestApp };
}>({
  t: [
    // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const t = await startTestApp();
      await use(t);
      await t.close();
    },
    { scope: 'file' },
  ],
  org: async ({ t }, use) => use(await newOrg(t.app, { plan: 'TEAM' })),
  owner: async ({ org }, use) => use(org.owner),
  admin: async ({ t, org }, use) => use(await addMember(t.app, org, 'ADMIN')),
  member: async ({ t, org }, use) => use(await addMember(t.app, org, 'MEMBER')),
  stranger: async ({ t }, use) => use(await newUser(t.app)),
  operator: async ({ t }, use) => use(await newUser(t.app, { operator: true })),
  project: async ({ t, org }, use) => use(await newProject(t.app, org)),
  workflow: async ({ t, org, project }, use) => use(await newWorkflow(t.app, org, project.id)),
  key: async ({ t, org, project }, use) => use(await projectKey(t.app, org.owner, project.id)),
});

/**
 * A clock frozen in the middle of a throttle window: a real minute boundary during a test would reset the counts.
 * The window is keyed by this time; a random minute a year or more ahead keeps runs apart, and stays clear of the
 * pruning of old windows by apps on the real clock.
 */
export function midWindowClock(): ManualClock {
  const minute = Math.floor(Date.now() / 60_000) + 525_600 + Math.floor(Math.random() * 1_000_000);
  return new ManualClock(new Date(minute * 60_000 + 30_000));
}
