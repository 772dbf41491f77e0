import { graphql } from './gql/gql.js';

// The operations the SDK's typed methods send. `npm run codegen -w @keysmith/sdk` turns each into a typed string
// document in src/gql/; a method posts the string and gets back exactly the type of its selection.


export const ExecutionFieldsFragment = graphql(`
  fragment ExecutionFields on WorkflowExecution {
    id
    workflowId
    projectId
    status
    payload
    idempotencyKey
    triggeredByKeyPrefix
    createdAt
  }
`);

export const ApiKeyFieldsFragment = graphql(`
  fragment ApiKeyFields on ApiKey {
    id
    name
    prefix
    level
    status
    expiresAt
    graceEndsAt
    lastUsedAt
    createdAt
    project { id slug }
    permissions { permission level effective projectIds workflowIds }
  }
`);

export const PageFieldsFragment = graphql(`
  fragment PageFields on PageInfo {
    hasNextPage
    endCursor
  }
`);

export const CurrentKeyQuery = graphql(`
  query KeysmithCurrentKey {
    currentApiKey {
      id
      name
      prefix
      level
      organizationId
      projectIds
      allProjects
      expiresAt
      graceEndsAt
      ipAllowlist
      permissions { permission level effective projectIds workflowIds }
    }
  }
`);

export const ViewerQuery = graphql(`
  query KeysmithViewer {
    viewer {
      subject
      isOperator
      user { id email name }
      organizations(first: 100) {
        edges { node { role organization { id slug name plan } } }
      }
    }
  }
`);

export const TriggerWorkflowMutation = graphql(`
  mutation KeysmithTriggerWorkflow($input: TriggerWorkflowInput!) {
    triggerWorkflow(input: $input) {
      __typename
      ... on TriggerWorkflowPayload { replayed execution { ...ExecutionFields } }
      ... on Error { message }
      ... on ValidationError { issues { path message } }
    }
  }
`);

export const ExecutionQuery = graphql(`
  query KeysmithExecution($id: ID!) {
    workflowExecution(id: $id) { ...ExecutionFields }
  }
`);

export const ExecutionsQuery = graphql(`
  query KeysmithExecutions($projectId: ID!, $first: Int, $after: String) {
    node(id: $projectId) {
      __typename
      ... on Project {
        executions(first: $first, after: $after) {
          totalCount
          pageInfo { ...PageFields }
          edges { node { ...ExecutionFields } }
        }
      }
    }
  }
`);

export const OrganizationBySlugQuery = graphql(`
  query KeysmithOrganizationBySlug($slug: String!) {
    organization(slug: $slug) { id slug name plan }
  }
`);

export const OrganizationByIdQuery = graphql(`
  query KeysmithOrganizationById($id: ID!) {
    node(id: $id) {
      __typename
      ... on Organization { id slug name plan }
    }
  }
`);

export const ProjectBySlugsQuery = graphql(`
  query KeysmithProjectBySlugs($organization: String!, $project: String!) {
    organization(slug: $organization) {
      id
      project(slug: $project) { id slug name }
    }
  }
`);

export const WorkflowsQuery = graphql(`
  query KeysmithWorkflows($projectId: ID!, $first: Int, $after: String) {
    node(id: $projectId) {
      __typename
      ... on Project {
        workflows(first: $first, after: $after) {
          totalCount
          pageInfo { ...PageFields }
          edges { node { id slug name createdAt } }
        }
      }
    }
  }
`);

export const ProjectsQuery = graphql(`
  query KeysmithProjects($organizationId: ID!, $first: Int, $after: String) {
    node(id: $organizationId) {
      __typename
      ... on Organization {
        projects(first: $first, after: $after) {
          totalCount
          pageInfo { ...PageFields }
          edges { node { id slug name createdAt } }
        }
      }
    }
  }
`);

export const ApiKeysQuery = graphql(`
  query KeysmithApiKeys($organizationId: ID!, $first: Int, $after: String) {
    node(id: $organizationId) {
      __typename
      ... on Organization {
        apiKeys(first: $first, after: $after) {
          totalCount
          pageInfo { ...PageFields }
          edges { node { ...ApiKeyFields } }
        }
      }
    }
  }
`);

export const WebhookEndpointsQuery = graphql(`
  query KeysmithWebhookEndpoints($organizationId: ID!, $first: Int, $after: String) {
    node(id: $organizationId) {
      __typename
      ... on Organization {
        webhookEndpoints(first: $first, after: $after) {
          totalCount
          pageInfo { ...PageFields }
          edges { node { id url description enabled events failingSince createdAt } }
        }
      }
    }
  }
`);

export const CreateProjectApiKeyMutation = graphql(`
  mutation KeysmithCreateProjectApiKey($input: CreateProjectApiKeyInput!) {
    createProjectApiKey(input: $input) {
      __typename
      ... on CreateApiKeyPayload { secret apiKey { ...ApiKeyFields } }
      ... on Error { message }
      ... on ValidationError { issues { path message } }
      ... on ForbiddenError { permission }
      ... on NotFoundError { resource }
    }
  }
`);

export const CreateOrganizationApiKeyMutation = graphql(`
  mutation KeysmithCreateOrganizationApiKey($input: CreateOrganizationApiKeyInput!) {
    createOrganizationApiKey(input: $input) {
      __typename
      ... on CreateApiKeyPayload { secret apiKey { ...ApiKeyFields } }
      ... on Error { message }
      ... on ValidationError { issues { path message } }
      ... on ForbiddenError { permission }
      ... on NotFoundError { resource }
    }
  }
`);

export const RotateApiKeyMutation = graphql(`
  mutation KeysmithRotateApiKey($input: RotateApiKeyInput!) {
    rotateApiKey(input: $input) {
      __typename
      ... on RotateApiKeyPayload { secret apiKey { ...ApiKeyFields } previousApiKey { id graceEndsAt } }
      ... on Error { message }
      ... on ValidationError { issues { path message } }
      ... on ForbiddenError { permission }
      ... on NotFoundError { resource }
    }
  }
`);

export const RevokeApiKeyMutation = graphql(`
  mutation KeysmithRevokeApiKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      __typename
      ... on RevokeApiKeyPayload { apiKey { ...ApiKeyFields } }
      ... on Error { message }
      ... on ValidationError { issues { path message } }
      ... on ForbiddenError { permission }
      ... on NotFoundError { resource }
    }
  }
`);

export const DeleteApiKeyMutation = graphql(`
  mutation KeysmithDeleteApiKey($input: DeleteApiKeyInput!) {
    deleteApiKey(input: $input) {
      __typename
      ... on DeleteApiKeyPayload { deletedApiKeyId }
      ... on Error { message }
      ... on ValidationError { issues { path message } }
      ... on ForbiddenError { permission }
      ... on NotFoundError { resource }
    }
  }
`);

export const CreateProjectMutation = graphql(`
  mutation KeysmithCreateProject($input: CreateProjectInput!) {
    createProject(input: $input) {
      __typename
      ... on ProjectPayload { project { id slug name createdAt } }
      ... on Error { message }
      ... on ValidationError { issues { path message } }
      ... on ForbiddenError { permission }
      ... on NotFoundError { resource }
    }
  }
`);

export const CreateWorkflowMutation = graphql(`
  mutation KeysmithCreateWorkflow($input: CreateWorkflowInput!) {
    createWorkflow(input: $input) {
      __typename
      ... on WorkflowPayload { workflow { id slug name createdAt } }
      ... on Error { message }
      ... on ValidationError { issues { path message } }
      ... on ForbiddenError { permission }
      ... on NotFoundError { resource }
    }
  }
`);
