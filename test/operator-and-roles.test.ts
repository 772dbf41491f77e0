import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sharedApp, type TestApp } from './support/app.ts';
import { addMember, newOrg, newProject, newUser, type TestOrg, type TestUser } from './support/fixtures.ts';
import { projectKey } from './support/keys.ts';

// What an operator who is not a member, and a MEMBER, see of an organization (SECURITY.md, "Who can read what").

let t: TestApp;
let org: TestOrg;
let operator: TestUser;
let member: TestUser;
let projectSlug: string;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw JSON answers, checked field by field
type Answer = { status: number; data: Record<string, any> | null; errors?: { message: string; path?: string[]; extensions?: { code?: string } }[] };

async function post(token: string, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const response = await t.app.fetch('http://keysmith.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  return { status: response.status, data: body.data ?? null, errors: body.errors };
}

beforeAll(async () => {
  t = await sharedApp();
  org = await newOrg(t.app, { plan: 'TEAM' });
  const project = await newProject(t.app, org);
  projectSlug = project.slug;
  await projectKey(t.app, org.owner, project.id, { name: 'secret-named key' });
  operator = await newUser(t.app, { operator: true });
  member = await addMember(t.app, org, 'MEMBER');
});
afterAll(() => t.close());

const PLAN_WITH_CONTENT = `
  mutation($input: SetOrganizationPlanInput!, $slug: String!) {
    setOrganizationPlan(input: $input) {
      __typename
      ... on OrganizationPayload {
        organization {
          name plan viewerRole
          members(first: 5) { edges { node { user { email } } } }
          projects(first: 5) { edges { node { name } } }
          apiKeys(first: 5) { edges { node { name prefix owner { email } } } }
          project(slug: $slug) { executions(first: 5) { edges { node { payload } } } }
          auditEvents(first: 5) { edges { node { action } } }
        }
      }
    }
  }`;

describe('a platform operator who is not a member', () => {
  test('changes the plan and reads the organization, but none of its content: each content field is null with FORBIDDEN', async () => {
    const answer = await post(operator.token, PLAN_WITH_CONTENT, { input: { organizationId: org.id, plan: 'ENTERPRISE' }, slug: projectSlug });
    const organization = answer.data!.setOrganizationPlan.organization;
    expect(organization).toMatchObject({ plan: 'ENTERPRISE', viewerRole: null, members: null, projects: null, apiKeys: null, project: null, auditEvents: null });
    expect(organization.name).toContain('Org ');
    const refused = answer.errors!.map((e) => [e.path!.at(-1), e.extensions!.code]).sort();
    expect(refused).toEqual([
      ['apiKeys', 'FORBIDDEN'],
      ['auditEvents', 'FORBIDDEN'],
      ['members', 'FORBIDDEN'],
      ['project', 'FORBIDDEN'],
      ['projects', 'FORBIDDEN'],
    ]);
    expect(JSON.stringify(answer)).not.toContain('secret-named key');
    expect(JSON.stringify(answer)).not.toContain(org.owner.email);
  });

  test('finds the organization by slug, by search and by id, with the same view as the mutation payload', async () => {
    const bySlug = await post(operator.token, 'query($slug: String!) { organization(slug: $slug) { id plan viewerRole } }', { slug: org.slug });
    expect(bySlug.data!.organization).toEqual({ id: org.id, plan: expect.stringMatching(/^(TEAM|ENTERPRISE)$/), viewerRole: null });
    const search = await post(operator.token, 'query($q: String) { organizations(search: $q, first: 5) { edges { node { id slug } } } }', {
      q: org.slug.slice(4).toUpperCase(),
    });
    expect(search.data!.organizations.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([org.id]);
    const byId = await post(operator.token, `{ node(id: ${JSON.stringify(org.id)}) { ... on Organization { slug apiKeys(first: 1) { edges { node { name } } } } } }`);
    expect(byId.data!.node).toEqual({ slug: org.slug, apiKeys: null });
    expect(byId.errors!.map((e) => e.extensions!.code)).toEqual(['FORBIDDEN']);
  });

  test('search treats % and _ as themselves', async () => {
    const random = org.slug.slice(4); // 8 characters after "org-"
    const query = 'query($q: String) { organizations(search: $q, first: 5) { edges { node { id } } } }';
    for (const q of [`${random.slice(0, 3)}%${random.slice(5)}`, `${random.slice(0, 3)}__${random.slice(5)}`]) {
      expect((await post(operator.token, query, { q })).data!.organizations.edges).toEqual([]);
    }
  });

  test('a user who is not an operator cannot list organizations', async () => {
    const answer = await post(member.token, '{ organizations(first: 1) { edges { node { id } } } }');
    expect(answer.status).toBe(403);
    expect(answer.errors!.map((e) => e.extensions!.code)).toEqual(['FORBIDDEN']);
    expect(answer.data).toBeNull();
  });

  test('another organization is null through every lookup for a stranger, not forbidden', async () => {
    const stranger = await newUser(t.app);
    const answer = await post(stranger.token, `{ organization(slug: ${JSON.stringify(org.slug)}) { id } node(id: ${JSON.stringify(org.id)}) { id } }`);
    expect(answer).toEqual({ status: 200, data: { organization: null, node: null }, errors: undefined });
  });
});

describe('a MEMBER', () => {
  test('selecting the audit log with other fields keeps the organization; the audit log alone is null with a 403 FORBIDDEN', async () => {
    const answer = await post(
      member.token,
      `{ organization(slug: ${JSON.stringify(org.slug)}) { slug viewerRole apiKeys(first: 5) { edges { node { name } } } auditEvents(first: 5) { edges { node { action } } } } }`,
    );
    expect(answer.status).toBe(403);
    expect(answer.data!.organization).toMatchObject({ slug: org.slug, viewerRole: 'MEMBER', auditEvents: null });
    expect(answer.data!.organization.apiKeys.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['secret-named key']);
    expect(answer.errors!.map((e) => [e.path!.join('.'), e.extensions!.code])).toEqual([['organization.auditEvents', 'FORBIDDEN']]);
  });

  test('an ADMIN reads the audit log', async () => {
    const admin = await addMember(t.app, org, 'ADMIN');
    const answer = await post(admin.token, `{ organization(slug: ${JSON.stringify(org.slug)}) { auditEvents(first: 50) { edges { node { action } } } } }`);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.organization.auditEvents.edges.map((e: { node: { action: string } }) => e.node.action)).toContain('ORGANIZATION_CREATE');
  });
});
