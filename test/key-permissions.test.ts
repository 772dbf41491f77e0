import fs from 'node:fs';
import path from 'node:path';
import { openPGlite } from '../src/db/pglite.ts';
import { describe, expect } from 'vitest';
import { PERMISSIONS, PERMISSION_NAMES, ROLE_PERMISSIONS } from '../src/authz/catalog.ts';
import { migrationsDir } from '../src/db/migrations.ts';
import { permissionsTable } from '../scripts/permissions-table.ts';
import type { TestApp } from './support/app.ts';
import { dbId, newProject, newWorkflow, test, type TestOrg, type TestUser } from './support/fixtures.ts';
import { projectKey } from './support/keys.ts';

// Keys that can do what a role can (issue "Keys that can do what a role can"): grants from the one catalog, no
// escalation, effective access = grants ∩ the owner's role now. Raw documents: each test reads exactly what it checks.

type Json = Record<string, unknown>;
type Answer = { status: number; errors?: { message: string; extensions?: Json }[]; data?: Json };

async function gql(t: TestApp, credential: string, query: string, variables: Json = {}): Promise<Answer> {
  const response = await t.app.fetch('http://keysmith.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as { errors?: Answer['errors']; data?: Json }) };
}

const RESULT = `__typename ... on Error { message } ... on ForbiddenError { permission } ... on ValidationError { issues { path message } }`;
const CREATE_ORG_KEY = `mutation($input: CreateOrganizationApiKeyInput!) { createOrganizationApiKey(input: $input) { ${RESULT} ... on CreateApiKeyPayload { secret apiKey { id permissions { permission level projectIds workflowIds effective } scopes { scope } owner { id } ownedByOrganization } } } }`;
const CREATE_PROJECT_KEY = `mutation($input: CreateProjectApiKeyInput!) { createProjectApiKey(input: $input) { ${RESULT} ... on CreateApiKeyPayload { secret apiKey { id permissions { permission } } } } }`;
const UPDATE_KEY = `mutation($input: UpdateApiKeyInput!) { updateApiKey(input: $input) { ${RESULT} ... on UpdateApiKeyPayload { apiKey { name permissions { permission effective } owner { id } ownedByOrganization } } } }`;
const CREATE_PROJECT = `mutation($input: CreateProjectInput!) { createProject(input: $input) { ${RESULT} ... on ProjectPayload { project { id slug } } } }`;
const CREATE_WORKFLOW = `mutation($input: CreateWorkflowInput!) { createWorkflow(input: $input) { ${RESULT} ... on WorkflowPayload { workflow { id } } } }`;
const CURRENT = `{ currentApiKey { id organizationId permissions { permission level projectIds } } }`;
const UPDATE_MEMBER = `mutation($input: UpdateMemberInput!) { updateMember(input: $input) { ${RESULT} } }`;
const REMOVE_MEMBER = `mutation($input: RemoveMemberInput!) { removeMember(input: $input) { ${RESULT} } }`;

type Grant = { permission: string; projectIds?: string[]; workflowIds?: string[] };

/** An organization key (all projects unless `projectIds`) created by `by` (a person's token or a key's secret). */
async function orgKeyWith(t: TestApp, by: string, org: TestOrg, permissions: Grant[], extra: Json = {}) {
  const input = { organizationId: org.id, name: 'automation', permissions, expiry: { policy: 'DAYS_30' }, projectAccess: { all: true }, ...extra };
  return (await gql(t, by, CREATE_ORG_KEY, { input })).data?.createOrganizationApiKey as Json & {
    __typename: string;
    secret: string;
    permission?: string;
    message?: string;
    apiKey: { id: string; permissions: Json[]; scopes: Json[]; owner: { id: string } | null; ownedByOrganization: boolean };
  };
}

const AUTOMATION: Grant[] = [
  { permission: 'organization:read' },
  { permission: 'project:create' },
  { permission: 'workflow:create' },
];

describe('a key that holds the permissions', () => {
  test('builds a project and its workflows through the API; without them it is told exactly what it lacks', async ({ t, org }) => {
    const automation = await orgKeyWith(t, org.owner.token, org, AUTOMATION);
    expect(automation.__typename).toBe('CreateApiKeyPayload');

    const project = (await gql(t, automation.secret, CREATE_PROJECT, { input: { organizationId: org.id, name: 'From CI', slug: 'from-ci' } })).data!
      .createProject as { __typename: string; project: { id: string } };
    expect(project.__typename).toBe('ProjectPayload');
    for (const slug of ['build', 'deploy']) {
      const workflow = (await gql(t, automation.secret, CREATE_WORKFLOW, { input: { projectId: project.project.id, name: slug, slug } })).data!
        .createWorkflow as Json;
      expect(workflow.__typename).toBe('WorkflowPayload');
    }
    expect(await t.db.prisma.workflow.count({ where: { projectId: dbId(project.project.id) } })).toBe(2);
    // The audit log names the key as the actor.
    const events = await t.db.prisma.auditEvent.findMany({ where: { organizationId: dbId(org.id), action: { in: ['project.create', 'workflow.create'] } } });
    expect(events.map((e) => e.actorLabel)).toEqual(expect.arrayContaining([expect.stringMatching(/^api-key:/)]));

    const triggerOnly = await orgKeyWith(t, org.owner.token, org, [{ permission: 'organization:read' }, { permission: 'workflow:trigger' }]);
    const refused = (await gql(t, triggerOnly.secret, CREATE_PROJECT, { input: { organizationId: org.id, name: 'No', slug: 'no' } })).data!
      .createProject as Json;
    expect(refused).toMatchObject({ __typename: 'ForbiddenError', permission: 'project:create' });
    expect(refused.message).toBe(`This key lacks \`project:create\` on organization ${org.slug}`);
    expect(await t.db.prisma.project.count({ where: { organizationId: dbId(org.id), slug: 'no' } })).toBe(0);
    // A key that may not read its organization is not told its name.
    const blind = await orgKeyWith(t, org.owner.token, org, [{ permission: 'workflow:trigger' }]);
    const blindAnswer = (await gql(t, blind.secret, CREATE_PROJECT, { input: { organizationId: org.id, name: 'No', slug: 'no' } })).data!.createProject as Json;
    expect(blindAnswer).toEqual({ __typename: 'ForbiddenError', message: "This key lacks `project:create` on the key's organization", permission: 'project:create' });
  });

  test('sees its own grants (currentApiKey.permissions), and the catalog and roles the server enforces', async ({ t, org, project }) => {
    const key = await orgKeyWith(t, org.owner.token, org, [{ permission: 'project:read', projectIds: [project.id] }, { permission: 'audit:read' }]);
    const current = (await gql(t, key.secret, CURRENT)).data!.currentApiKey as { permissions: Json[] };
    expect(current.permissions).toEqual([
      { permission: 'project:read', level: 'PROJECT', projectIds: [project.id] },
      { permission: 'audit:read', level: 'ORGANIZATION', projectIds: null },
    ]);
    const catalog = (await gql(t, key.secret, `{ availablePermissions { name description risk implies levels } rolePermissions { role permissions } }`)).data!;
    const available = catalog.availablePermissions as { name: string; implies: string[]; levels: string[] }[];
    expect(available.map((p) => p.name)).toEqual(PERMISSION_NAMES);
    expect(available.find((p) => p.name === 'project:create')).toMatchObject({ implies: ['project:read'], levels: ['ORGANIZATION'] });
    const roles = catalog.rolePermissions as { role: 'OWNER' | 'ADMIN' | 'MEMBER'; permissions: string[] }[];
    for (const { role, permissions } of roles) expect(permissions).toEqual(PERMISSION_NAMES.filter((p) => ROLE_PERMISSIONS[role].has(p)));
    expect(roles.find((r) => r.role === 'MEMBER')!.permissions).not.toContain('webhook:read');
  });

  test('lists leave out what a narrowed key may not read, instead of failing', async ({ t, org, project }) => {
    const other = await newProject(t.app, org);
    const key = await orgKeyWith(t, org.owner.token, org, [{ permission: 'organization:read' }, { permission: 'project:read', projectIds: [project.id] }]);
    const answer = await gql(t, key.secret, `query($slug: String!) { organization(slug: $slug) { projects(first: 10) { totalCount edges { node { id } } } } }`, { slug: org.slug });
    expect(answer.errors).toBeUndefined();
    const projects = (answer.data!.organization as { projects: { totalCount: number; edges: { node: { id: string } }[] } }).projects;
    expect(projects.edges.map((e) => e.node.id)).toEqual([project.id]);
    expect(projects.totalCount).toBe(1);
    // The other project by id: not found (null), like any object outside what the key may read.
    expect((await gql(t, key.secret, `query($id: ID!) { node(id: $id) { id } }`, { id: other.id })).data!.node).toBeNull();
  });
});

describe('no escalation', () => {
  test('a key creates only keys inside its own grants and reach', async ({ t, org, project }) => {
    const other = await newProject(t.app, org);
    const creator = await orgKeyWith(t, org.owner.token, org, [{ permission: 'api_key:create', projectIds: [project.id] }, { permission: 'workflow:trigger' }], {
      projectAccess: { projectIds: [project.id, other.id] },
    });
    const before = await t.db.prisma.apiKey.count({ where: { organizationId: dbId(org.id) } });
    // A permission it does not hold.
    const wider = (await gql(t, creator.secret, CREATE_PROJECT_KEY, { input: { projectId: project.id, name: 'w', permissions: [{ permission: 'project:delete' }], expiry: { policy: 'DAYS_7' } } })).data!.createProjectApiKey;
    expect(wider).toMatchObject({ __typename: 'ForbiddenError', permission: 'project:delete' });
    // A project where it may not create keys.
    const elsewhere = (await gql(t, creator.secret, CREATE_PROJECT_KEY, { input: { projectId: other.id, name: 'w', permissions: [{ permission: 'workflow:trigger' }], expiry: { policy: 'DAYS_7' } } })).data!.createProjectApiKey;
    expect(elsewhere).toMatchObject({ __typename: 'ForbiddenError', permission: 'api_key:create' });
    // An organization key reaching all projects, wider than its own reach.
    const allProjects = await orgKeyWith(t, creator.secret, org, [{ permission: 'workflow:trigger' }]);
    expect(allProjects).toMatchObject({ __typename: 'ForbiddenError', permission: 'api_key:create' });
    expect(await t.db.prisma.apiKey.count({ where: { organizationId: dbId(org.id) } })).toBe(before);
    // Inside: a project key of its project with what it holds.
    const inside = (await gql(t, creator.secret, CREATE_PROJECT_KEY, { input: { projectId: project.id, name: 'ok', permissions: [{ permission: 'workflow:trigger' }], expiry: { policy: 'DAYS_7' } } })).data!.createProjectApiKey as Json;
    expect(inside.__typename).toBe('CreateApiKeyPayload');
  });

  test('no key changes its own grants, owner, reach or allowlist; its name it may', async ({ t, org, admin }) => {
    const key = await orgKeyWith(t, org.owner.token, org, [{ permission: 'api_key:update' }, { permission: 'api_key:read' }]);
    for (const change of [{ permissions: [{ permission: 'api_key:delete' }] }, { ownerId: admin.id }, { projectAccess: { all: true } }, { ipAllowlist: ['10.0.0.0/8'] }, { ownedByOrganization: true }]) {
      const answer = (await gql(t, key.secret, UPDATE_KEY, { input: { id: key.apiKey.id, ...change } })).data!.updateApiKey;
      expect(answer, JSON.stringify(change)).toMatchObject({ __typename: 'ForbiddenError', permission: 'api_key:update' });
    }
    const stored = await t.db.prisma.apiKey.findUniqueOrThrow({ where: { id: dbId(key.apiKey.id) } });
    expect(stored.grants).toEqual([
      { permission: 'api_key:update', projectIds: null, workflowIds: null },
      { permission: 'api_key:read', projectIds: null, workflowIds: null },
    ]);
    const renamed = (await gql(t, key.secret, UPDATE_KEY, { input: { id: key.apiKey.id, name: 'renamed by itself' } })).data!.updateApiKey as Json;
    expect(renamed).toMatchObject({ __typename: 'UpdateApiKeyPayload', apiKey: { name: 'renamed by itself' } });
  });

  test('a MEMBER grants nothing (no api_key:create); an ADMIN cannot hand keys to the organization past the rules', async ({ t, org, member }) => {
    const refused = await orgKeyWith(t, member.token, org, [{ permission: 'member:manage' }]);
    expect(refused).toMatchObject({ __typename: 'ForbiddenError', permission: 'api_key:create' });
    // A key whose owner is a MEMBER may not make service keys (OWNER and ADMIN do).
    const ownersKey = await orgKeyWith(t, org.owner.token, org, [{ permission: 'api_key:create' }, { permission: 'api_key:read' }]);
    await gql(t, org.owner.token, UPDATE_KEY, { input: { id: ownersKey.apiKey.id, ownerId: member.id } });
    const service = await orgKeyWith(t, ownersKey.secret, org, [{ permission: 'api_key:read' }], { ownedByOrganization: true });
    expect(service.__typename).toBe('ForbiddenError');
  });

  test('a project key reaches only its project: another project is not found', async ({ t, org, project }) => {
    const other = await newProject(t.app, org);
    const key = (await gql(t, org.owner.token, CREATE_PROJECT_KEY, { input: { projectId: project.id, name: 'p', permissions: [{ permission: 'workflow:create' }], expiry: { policy: 'DAYS_7' } } })).data!.createProjectApiKey as { secret: string };
    const mine = (await gql(t, key.secret, CREATE_WORKFLOW, { input: { projectId: project.id, name: 'mine', slug: 'mine' } })).data!.createWorkflow as Json;
    expect(mine.__typename).toBe('WorkflowPayload');
    const theirs = (await gql(t, key.secret, CREATE_WORKFLOW, { input: { projectId: other.id, name: 'x', slug: 'x' } })).data!.createWorkflow as Json;
    expect(theirs.__typename).toBe('NotFoundError');
    // Organization-wide permissions cannot be given to a project key at all.
    const orgWide = (await gql(t, org.owner.token, CREATE_PROJECT_KEY, { input: { projectId: project.id, name: 'p', permissions: [{ permission: 'member:manage' }], expiry: { policy: 'DAYS_7' } } })).data!.createProjectApiKey as { issues: { path: string[] }[] };
    expect(orgWide.issues[0].path).toEqual(['input', 'permissions', '0', 'permission']);
  });
});

describe("a key does at most what its owner may do now", () => {
  async function adminsKey(t: TestApp, org: TestOrg, admin: TestUser) {
    return orgKeyWith(t, admin.token, org, [{ permission: 'organization:read' }, { permission: 'project:create' }]);
  }
  const createProject = (t: TestApp, secret: string, org: TestOrg) =>
    gql(t, secret, CREATE_PROJECT, { input: { organizationId: org.id, name: 'P', slug: `p-${Math.random().toString(36).slice(2, 8)}` } });

  test('an ADMIN demoted to MEMBER: the key loses project:create on its next call, and says why', async ({ t, org, admin }) => {
    const key = await adminsKey(t, org, admin);
    expect(((await createProject(t, key.secret, org)).data!.createProject as Json).__typename).toBe('ProjectPayload');
    expect(((await gql(t, org.owner.token, UPDATE_MEMBER, { input: { id: admin.memberId, role: 'MEMBER' } })).data!.updateMember as Json).__typename).toBe('MemberPayload');
    expect((await createProject(t, key.secret, org)).data!.createProject).toMatchObject({ __typename: 'ForbiddenError', permission: 'project:create' });
    // Reads its role still allows keep working; the overview marks the grant that does nothing now.
    expect((await gql(t, key.secret, `query($slug: String!) { organization(slug: $slug) { id } }`, { slug: org.slug })).data!.organization).toEqual({ id: org.id });
    const overview = (await gql(t, org.owner.token, `query($id: ID!) { node(id: $id) { ... on ApiKey { permissions { permission effective } } } }`, { id: key.apiKey.id })).data!.node;
    expect(overview).toEqual({ permissions: [{ permission: 'organization:read', effective: true }, { permission: 'project:create', effective: false }] });
  });

  test('an owner removed from the organization: the key does nothing; a service key outlives its creator', async ({ t, org, admin }) => {
    const key = await adminsKey(t, org, admin);
    const service = await orgKeyWith(t, admin.token, org, [{ permission: 'organization:read' }, { permission: 'project:create' }], { ownedByOrganization: true });
    expect(service.apiKey).toMatchObject({ owner: null, ownedByOrganization: true });
    expect(((await gql(t, org.owner.token, REMOVE_MEMBER, { input: { id: admin.memberId } })).data!.removeMember as Json).__typename).toBe('RemoveMemberPayload');
    expect((await createProject(t, key.secret, org)).data!.createProject).toMatchObject({ __typename: 'ForbiddenError', permission: 'project:create' });
    expect(((await createProject(t, service.secret, org)).data!.createProject as Json).__typename).toBe('ProjectPayload');
    // A service key may do at most what an ADMIN may: member:manage yes, but never make someone OWNER.
    expect(ROLE_PERMISSIONS.ADMIN.has('member:manage')).toBe(true);
  });
});

describe('before a member is removed', () => {
  test("the members list says how many of their keys still work, so the console can warn that they will stop", async ({ t, org, admin, member }) => {
    await orgKeyWith(t, admin.token, org, [{ permission: 'organization:read' }]);
    const second = await orgKeyWith(t, admin.token, org, [{ permission: 'organization:read' }]);
    const revoked = await orgKeyWith(t, admin.token, org, [{ permission: 'organization:read' }]);
    await gql(t, admin.token, `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { __typename } }`, { input: { id: revoked.apiKey.id } });
    const list = `query($slug: String!) { organization(slug: $slug) { members(first: 10) { edges { node { id workingKeysOwned } } } } }`;
    const counts = async (token: string) =>
      Object.fromEntries(
        ((await gql(t, token, list, { slug: org.slug })).data!.organization as { members: { edges: { node: { id: string; workingKeysOwned: number | null } }[] } }).members.edges.map((e) => [e.node.id, e.node.workingKeysOwned]),
      );
    // Every member reads keys, so every member sees the counts: two working keys, the revoked one not counted.
    expect((await counts(member.token))[admin.memberId]).toBe(2);
    expect((await counts(org.owner.token))[member.memberId]).toBe(0);
    // Handed to the organization, a key no longer stops with its former owner.
    await gql(t, org.owner.token, UPDATE_KEY, { input: { id: second.apiKey.id, ownedByOrganization: true } });
    expect((await counts(org.owner.token))[admin.memberId]).toBe(1);
  });
});

describe('today’s keys keep working', () => {
  test('the deprecated scopes input still creates keys, shown both as scopes and as permissions', async ({ t, org, project, workflow }) => {
    const key = await projectKey(t.app, org.owner, project.id, { scopes: [{ scope: 'TRIGGER_WORKFLOWS', workflowIds: [workflow.id] }, { scope: 'READ_EXECUTIONS' }] });
    const stored = await t.db.prisma.apiKey.findUniqueOrThrow({ where: { id: dbId(key.apiKey.id) } });
    expect(stored.grants).toEqual([
      { permission: 'workflow:trigger', projectIds: null, workflowIds: [dbId(workflow.id)] },
      { permission: 'execution:read', projectIds: null, workflowIds: null },
    ]);
    const read = (await gql(t, org.owner.token, `query($id: ID!) { node(id: $id) { ... on ApiKey { scopes { scope } permissions { permission workflowIds } } } }`, { id: key.apiKey.id })).data!.node;
    expect(read).toEqual({
      scopes: [{ scope: 'TRIGGER_WORKFLOWS' }, { scope: 'READ_EXECUTIONS' }],
      permissions: [{ permission: 'workflow:trigger', workflowIds: [workflow.id] }, { permission: 'execution:read', workflowIds: null }],
    });
    const triggered = await gql(t, key.secret, `mutation($input: TriggerWorkflowInput!) { triggerWorkflow(input: $input) { __typename } }`, { input: { workflowId: workflow.id } });
    expect(triggered.data!.triggerWorkflow).toEqual({ __typename: 'TriggerWorkflowPayload' });
    const other = await newWorkflow(t.app, org, project.id);
    expect((await gql(t, key.secret, `mutation($input: TriggerWorkflowInput!) { triggerWorkflow(input: $input) { __typename } }`, { input: { workflowId: other.id } })).status).toBe(403);
  });

  test('the migration turns stored scopes into grants in place', async () => {
    const pglite = openPGlite();
    try {
      const migrations = fs.readdirSync(migrationsDir).filter((name) => fs.statSync(path.join(migrationsDir, name)).isDirectory()).sort();
      const grantsMigration = migrations.findIndex((name) => name.endsWith('_key_grants'));
      expect(grantsMigration).toBeGreaterThan(0);
      for (const name of migrations.slice(0, grantsMigration)) await pglite.exec(fs.readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8'));
      const workflowId = '5b9d4d55-8f2f-4f0e-9c1c-0a6b7a7e1111';
      await pglite.exec(`
        INSERT INTO "User" (id, subject, "updatedAt") VALUES ('11111111-1111-1111-1111-111111111111', 'u', now());
        INSERT INTO "Organization" (id, name, slug, "updatedAt") VALUES ('22222222-2222-2222-2222-222222222222', 'O', 'o', now());
        INSERT INTO "ApiKey" (id, "organizationId", level, "allProjects", name, "ownerId", "createdById", scopes, "expiryPolicy", "publicId", "secretHash", "updatedAt")
        VALUES ('33333333-3333-3333-3333-333333333333', '22222222-2222-2222-2222-222222222222', 'ORGANIZATION', true, 'k',
                '11111111-1111-1111-1111-111111111111', '11111111-1111-1111-1111-111111111111',
                '[{"scope":"TRIGGER_WORKFLOWS","workflowIds":["${workflowId}"]},{"scope":"READ_EXECUTIONS","workflowIds":null}]',
                'NEVER', 'AAAAAAAAAAAA', 'x', now());`);
      for (const name of migrations.slice(grantsMigration)) await pglite.exec(fs.readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8'));
      const { rows } = await pglite.query<{ grants: unknown }>(`SELECT grants FROM "ApiKey"`);
      expect(rows[0].grants).toEqual([
        { permission: 'workflow:trigger', projectIds: null, workflowIds: [workflowId] },
        { permission: 'execution:read', projectIds: null, workflowIds: null },
      ]);
    } finally {
      await pglite.close();
    }
  });
});

describe('the catalog', () => {
  test('every permission implies only catalog permissions, and a write implies its read', () => {
    for (const [name, entry] of Object.entries(PERMISSIONS)) {
      for (const implied of entry.implies) expect(PERMISSION_NAMES).toContain(implied);
      const [resource, action] = name.split(':');
      const read = `${resource}:read`;
      if (action !== 'read' && action !== 'trigger' && PERMISSION_NAMES.includes(read as never)) expect(entry.implies, name).toContain(read);
    }
  });

  test("the README's table of permissions is the catalog's", () => {
    const readme = fs.readFileSync(path.join(migrationsDir, '..', '..', 'README.md'), 'utf8');
    const start = readme.indexOf('<!-- permissions:start -->');
    const end = readme.indexOf('<!-- permissions:end -->');
    expect(start).toBeGreaterThan(0);
    expect(readme.slice(start, end + '<!-- permissions:end -->'.length)).toBe(permissionsTable());
  });
});
