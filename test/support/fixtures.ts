import { randomUUID } from 'node:crypto';
import { graphql } from '../generated/gql.ts';
import type { App } from '../../src/server.ts';
import { as, execute, ok, signToken } from './client.ts';

export type TestUser = { id: string; sub: string; email: string; token: string };
export type TestOrg = { id: string; slug: string; owner: TestUser };

const ViewerIdQuery = graphql(`
  query FixtureViewer {
    viewer {
      user {
        id
        email
      }
    }
  }
`);

const CreateOrgMutation = graphql(`
  mutation FixtureCreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      __typename
      ... on OrganizationPayload {
        organization {
          id
          slug
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

const SetPlanMutation = graphql(`
  mutation FixtureSetPlan($input: SetOrganizationPlanInput!) {
    setOrganizationPlan(input: $input) {
      __typename
      ... on OrganizationPayload {
        organization {
          plan
        }
      }
    }
  }
`);

const AddMemberMutation = graphql(`
  mutation FixtureAddMember($input: AddMemberInput!) {
    addMember(input: $input) {
      __typename
      ... on MemberPayload {
        member {
          id
          role
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

const CreateProjectMutation = graphql(`
  mutation FixtureCreateProject($input: CreateProjectInput!) {
    createProject(input: $input) {
      __typename
      ... on ProjectPayload {
        project {
          id
          slug
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

const CreateWorkflowMutation = graphql(`
  mutation FixtureCreateWorkflow($input: CreateWorkflowInput!) {
    createWorkflow(input: $input) {
      __typename
      ... on WorkflowPayload {
        workflow {
          id
          slug
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

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
  const data = ok(await execute(app, ViewerIdQuery, {}, { token }));
  return { id: data.viewer.user.id, sub, email, token };
}

export async function newOrg(
  app: Pick<App, 'fetch'>,
  options: { owner?: TestUser; plan?: 'FREE' | 'TEAM' | 'ENTERPRISE' } = {},
): Promise<TestOrg> {
  const owner = options.owner ?? (await newUser(app));
  const slug = unique('org');
  const result = ok(await execute(app, CreateOrgMutation, { input: { name: `Org ${slug}`, slug } }, { token: owner.token }));
  const org = as(result.createOrganization, 'OrganizationPayload').organization;
  if (options.plan && options.plan !== 'FREE') {
    const operator = await newUser(app, { operator: true });
    const set = ok(
      await execute(app, SetPlanMutation, { input: { organizationId: org.id, plan: options.plan } }, { token: operator.token }),
    );
    as(set.setOrganizationPlan, 'OrganizationPayload');
  }
  return { id: org.id, slug: org.slug, owner };
}

export async function addMember(
  app: Pick<App, 'fetch'>,
  org: TestOrg,
  role: 'OWNER' | 'ADMIN' | 'MEMBER',
  user?: TestUser,
): Promise<TestUser & { memberId: string }> {
  const member = user ?? (await newUser(app));
  const result = ok(
    await execute(app, AddMemberMutation, { input: { organizationId: org.id, email: member.email, role } }, { token: org.owner.token }),
  );
  return { ...member, memberId: as(result.addMember, 'MemberPayload').member.id };
}

export async function newProject(app: Pick<App, 'fetch'>, org: TestOrg): Promise<{ id: string; slug: string }> {
  const slug = unique('proj');
  const result = ok(
    await execute(app, CreateProjectMutation, { input: { organizationId: org.id, name: `Project ${slug}`, slug } }, { token: org.owner.token }),
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
    await execute(app, CreateWorkflowMutation, { input: { projectId, name: `Workflow ${slug}`, slug } }, { token: org.owner.token }),
  );
  return as(result.createWorkflow, 'WorkflowPayload').workflow;
}
