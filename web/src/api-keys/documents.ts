import { graphql } from '../gql/index.ts';

export const KeyRowFields = graphql(`
  fragment ConsoleKeyRow on ApiKey {
    id
    name
    prefix
    level
    status
    expiresAt
    graceEndsAt
    lastUsedAt
    usageCount
    createdAt
    note
    ipAllowlist
    viewerCanManage
    leak {
      reportedAt
      url
      source
      action
    }
    project {
      id
      name
      slug
    }
    projectAccess {
      all
      projects {
        id
        name
      }
    }
    permissions {
      permission
      level
      projectIds
      workflowIds
      effective
    }
    ownedByOrganization
    owner {
      id
      email
      name
    }
    rotatedTo {
      id
      prefix
    }
    rotatedFrom {
      id
      prefix
      graceEndsAt
    }
  }
`);

/** A key's rate limits and quota: its details page, and the edit dialog's starting values. */
export const KeyLimitsFields = graphql(`
  fragment ConsoleKeyLimits on ApiKey {
    rateLimits {
      name
      limit
      durationSeconds
    }
    quota {
      remaining
      lowThreshold
      nextRefillAt
      refill {
        amount
        interval
        dayOfMonth
      }
    }
  }
`);

export const KeyLimitsQuery = graphql(`
  query ConsoleKeyLimits($id: ID!) {
    node(id: $id) {
      __typename
      ... on ApiKey {
        id
        ...ConsoleKeyLimits
      }
    }
  }
`);

export const OrgKeysQuery = graphql(`
  query ConsoleOrgApiKeys(
    $slug: String!
    $first: Int
    $after: String
    $last: Int
    $before: String
    $filter: ApiKeyFilter
    $orderBy: ApiKeyOrder
  ) {
    organization(slug: $slug) {
      id
      name
      slug
      plan
      apiAccess
      viewerRole
      viewerCan {
        manageKeys
      }
      maxKeyLifetimeDays
      defaultKeyRateLimits {
        name
        limit
        durationSeconds
      }
      projects(first: 100) {
        edges {
          node {
            id
            name
            slug
          }
        }
      }
      leakedKeys: apiKeys(first: 1, filter: { leaked: true }) {
        totalCount
      }
      leakedWorkingKeys: apiKeys(first: 1, filter: { leaked: true, status: ACTIVE }) {
        totalCount
      }
      apiKeys(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
        pageInfo {
          hasNextPage
          hasPreviousPage
          startCursor
          endCursor
        }
        edges {
          node {
            ...ConsoleKeyRow
          }
        }
      }
    }
  }
`);

export const ProjectKeysQuery = graphql(`
  query ConsoleProjectApiKeys(
    $slug: String!
    $project: String!
    $first: Int
    $after: String
    $last: Int
    $before: String
    $filter: ApiKeyFilter
    $orderBy: ApiKeyOrder
  ) {
    organization(slug: $slug) {
      id
      name
      slug
      plan
      apiAccess
      viewerRole
      viewerCan {
        manageKeys
      }
      maxKeyLifetimeDays
      defaultKeyRateLimits {
        name
        limit
        durationSeconds
      }
      project(slug: $project) {
        id
        name
        slug
        apiKeys(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
          pageInfo {
            hasNextPage
            hasPreviousPage
            startCursor
            endCursor
          }
          edges {
            inherited
            viewerCanManage
            node {
              ...ConsoleKeyRow
            }
          }
        }
      }
    }
  }
`);


export const MembersQuery = graphql(`
  query ConsoleKeyOwnerOptions($slug: String!) {
    organization(slug: $slug) {
      id
      members(first: 50) {
        edges {
          node {
            id
            user {
              id
              email
              name
            }
          }
        }
      }
    }
  }
`);

export const CreateOrgKey = graphql(`
  mutation ConsoleCreateOrganizationApiKey($input: CreateOrganizationApiKeyInput!) {
    createOrganizationApiKey(input: $input) {
      __typename
      ... on CreateApiKeyPayload {
        secret
        apiKey {
          id
          name
        }
      }
      ...ConsoleMutationError
    }
  }
`);

export const CreateProjectKey = graphql(`
  mutation ConsoleCreateProjectApiKey($input: CreateProjectApiKeyInput!) {
    createProjectApiKey(input: $input) {
      __typename
      ... on CreateApiKeyPayload {
        secret
        apiKey {
          id
          name
        }
      }
      ...ConsoleMutationError
    }
  }
`);

export const UpdateKey = graphql(`
  mutation ConsoleUpdateApiKey($input: UpdateApiKeyInput!) {
    updateApiKey(input: $input) {
      __typename
      ... on UpdateApiKeyPayload {
        apiKey {
          ...ConsoleKeyRow
          ...ConsoleKeyLimits
        }
      }
      ...ConsoleMutationError
    }
  }
`);

export const RotateKey = graphql(`
  mutation ConsoleRotateApiKey($input: RotateApiKeyInput!) {
    rotateApiKey(input: $input) {
      __typename
      ... on RotateApiKeyPayload {
        secret
        apiKey {
          id
          name
        }
        previousApiKey {
          id
          graceEndsAt
          status
        }
      }
      ...ConsoleMutationError
    }
  }
`);

export const RevokeKey = graphql(`
  mutation ConsoleRevokeApiKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      __typename
      ... on RevokeApiKeyPayload {
        apiKey {
          id
          status
          revokedAt
        }
      }
      ...ConsoleMutationError
    }
  }
`);

export const DeleteKey = graphql(`
  mutation ConsoleDeleteApiKey($input: DeleteApiKeyInput!) {
    deleteApiKey(input: $input) {
      __typename
      ... on DeleteApiKeyPayload {
        deletedApiKeyId
      }
      ...ConsoleMutationError
    }
  }
`);

export const DeleteKeys = graphql(`
  mutation ConsoleDeleteApiKeys($input: DeleteApiKeysInput!) {
    deleteApiKeys(input: $input) {
      __typename
      ... on DeleteApiKeysPayload {
        deletedApiKeyIds
      }
      ...ConsoleMutationError
      ... on BulkOperationError {
        failures {
          id
          message
          reason
        }
      }
    }
  }
`);
