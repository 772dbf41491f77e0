import { graphql } from '../generated/gql.ts';
import type { App } from '../../src/server.ts';
import { as, execute, ok } from './client.ts';
import type { TestOrg, TestUser } from './fixtures.ts';

export const CreateProjectKey = graphql(`
  mutation KeysCreateProjectKey($input: CreateProjectApiKeyInput!) {
    createProjectApiKey(input: $input) {
      __typename
      ... on CreateApiKeyPayload {
        secret
        apiKey {
          ...KeyFields
        }
      }
      ... on ValidationError {
        issues {
          path
          message
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

export const CreateOrgKey = graphql(`
  mutation KeysCreateOrgKey($input: CreateOrganizationApiKeyInput!) {
    createOrganizationApiKey(input: $input) {
      __typename
      ... on CreateApiKeyPayload {
        secret
        apiKey {
          ...KeyFields
        }
      }
      ... on ValidationError {
        issues {
          path
          message
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

export const KeyFieldsFragment = graphql(`
  fragment KeyFields on ApiKey {
    id
    name
    note
    level
    prefix
    status
    expiryPolicy
    expiresAt
    graceEndsAt
    usageCount
    lastUsedAt
    viewerCanManage
    scopes {
      scope
      workflows {
        id
      }
    }
    projectAccess {
      all
      projects {
        id
      }
    }
    project {
      id
    }
    owner {
      id
    }
    rotatedFrom {
      id
    }
    rotatedTo {
      id
    }
  }
`);

export type Scope = 'TRIGGER_WORKFLOWS' | 'READ_EXECUTIONS';

export async function projectKey(
  app: Pick<App, 'fetch'>,
  actor: TestUser,
  projectId: string,
  options: { scopes?: { scope: Scope; workflowIds?: string[] }[]; policy?: 'NEVER' | 'DAYS_7' | 'DAYS_30' | 'CUSTOM'; expiresAt?: string; name?: string } = {},
) {
  const result = ok(
    await execute(
      app,
      CreateProjectKey,
      {
        input: {
          projectId,
          name: options.name ?? 'CI key',
          scopes: options.scopes ?? [{ scope: 'TRIGGER_WORKFLOWS' }, { scope: 'READ_EXECUTIONS' }],
          expiry: { policy: options.policy ?? 'NEVER', expiresAt: options.expiresAt },
        },
      },
      { token: actor.token },
    ),
  );
  return as(result.createProjectApiKey, 'CreateApiKeyPayload');
}

export async function orgKey(
  app: Pick<App, 'fetch'>,
  org: TestOrg,
  access: { all: true } | { projectIds: string[] },
  options: { scopes?: { scope: Scope; workflowIds?: string[] }[] } = {},
) {
  const result = ok(
    await execute(
      app,
      CreateOrgKey,
      {
        input: {
          organizationId: org.id,
          name: 'Org key',
          scopes: options.scopes ?? [{ scope: 'TRIGGER_WORKFLOWS' }, { scope: 'READ_EXECUTIONS' }],
          expiry: { policy: 'NEVER' },
          projectAccess: access,
        },
      },
      { token: org.owner.token },
    ),
  );
  return as(result.createOrganizationApiKey, 'CreateApiKeyPayload');
}
