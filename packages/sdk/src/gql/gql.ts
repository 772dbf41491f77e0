/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ExecutionFields on WorkflowExecution {\n    id\n    workflowId\n    projectId\n    status\n    payload\n    idempotencyKey\n    triggeredByKeyPrefix\n    createdAt\n  }\n": typeof types.ExecutionFieldsFragmentDoc,
    "\n  fragment ApiKeyFields on ApiKey {\n    id\n    name\n    prefix\n    level\n    status\n    expiresAt\n    graceEndsAt\n    lastUsedAt\n    createdAt\n    project { id slug }\n    permissions { permission level effective projectIds workflowIds }\n  }\n": typeof types.ApiKeyFieldsFragmentDoc,
    "\n  fragment PageFields on PageInfo {\n    hasNextPage\n    endCursor\n  }\n": typeof types.PageFieldsFragmentDoc,
    "\n  query KeysmithCurrentKey {\n    currentApiKey {\n      id\n      name\n      prefix\n      level\n      organizationId\n      projectIds\n      allProjects\n      expiresAt\n      graceEndsAt\n      ipAllowlist\n      permissions { permission level effective projectIds workflowIds }\n    }\n  }\n": typeof types.KeysmithCurrentKeyDocument,
    "\n  query KeysmithViewer {\n    viewer {\n      subject\n      isOperator\n      user { id email name }\n      organizations(first: 100) {\n        edges { node { role organization { id slug name plan } } }\n      }\n    }\n  }\n": typeof types.KeysmithViewerDocument,
    "\n  mutation KeysmithTriggerWorkflow($input: TriggerWorkflowInput!) {\n    triggerWorkflow(input: $input) {\n      __typename\n      ... on TriggerWorkflowPayload { replayed execution { ...ExecutionFields } }\n      ... on Error { message }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": typeof types.KeysmithTriggerWorkflowDocument,
    "\n  query KeysmithExecution($id: ID!) {\n    workflowExecution(id: $id) { ...ExecutionFields }\n  }\n": typeof types.KeysmithExecutionDocument,
    "\n  query KeysmithExecutions($projectId: ID!, $first: Int, $after: String) {\n    node(id: $projectId) {\n      __typename\n      ... on Project {\n        executions(first: $first, after: $after) {\n          totalCount\n          pageInfo { ...PageFields }\n          edges { node { ...ExecutionFields } }\n        }\n      }\n    }\n  }\n": typeof types.KeysmithExecutionsDocument,
    "\n  query KeysmithOrganizationBySlug($slug: String!) {\n    organization(slug: $slug) { id slug name plan }\n  }\n": typeof types.KeysmithOrganizationBySlugDocument,
    "\n  query KeysmithOrganizationById($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Organization { id slug name plan }\n    }\n  }\n": typeof types.KeysmithOrganizationByIdDocument,
    "\n  query KeysmithProjectBySlugs($organization: String!, $project: String!) {\n    organization(slug: $organization) {\n      id\n      project(slug: $project) { id slug name }\n    }\n  }\n": typeof types.KeysmithProjectBySlugsDocument,
    "\n  query KeysmithWorkflows($projectId: ID!, $first: Int, $after: String) {\n    node(id: $projectId) {\n      __typename\n      ... on Project {\n        workflows(first: $first, after: $after) {\n          totalCount\n          pageInfo { ...PageFields }\n          edges { node { id slug name createdAt } }\n        }\n      }\n    }\n  }\n": typeof types.KeysmithWorkflowsDocument,
    "\n  query KeysmithProjects($organizationId: ID!, $first: Int, $after: String) {\n    node(id: $organizationId) {\n      __typename\n      ... on Organization {\n        projects(first: $first, after: $after) {\n          totalCount\n          pageInfo { ...PageFields }\n          edges { node { id slug name createdAt } }\n        }\n      }\n    }\n  }\n": typeof types.KeysmithProjectsDocument,
    "\n  query KeysmithApiKeys($organizationId: ID!, $first: Int, $after: String) {\n    node(id: $organizationId) {\n      __typename\n      ... on Organization {\n        apiKeys(first: $first, after: $after) {\n          totalCount\n          pageInfo { ...PageFields }\n          edges { node { ...ApiKeyFields } }\n        }\n      }\n    }\n  }\n": typeof types.KeysmithApiKeysDocument,
    "\n  query KeysmithWebhookEndpoints($organizationId: ID!, $first: Int, $after: String) {\n    node(id: $organizationId) {\n      __typename\n      ... on Organization {\n        webhookEndpoints(first: $first, after: $after) {\n          totalCount\n          pageInfo { ...PageFields }\n          edges { node { id url description enabled events failingSince createdAt } }\n        }\n      }\n    }\n  }\n": typeof types.KeysmithWebhookEndpointsDocument,
    "\n  mutation KeysmithCreateProjectApiKey($input: CreateProjectApiKeyInput!) {\n    createProjectApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeyPayload { secret apiKey { ...ApiKeyFields } }\n      ... on Error { message }\n      ... on ValidationError { issues { path message } }\n      ... on ForbiddenError { permission }\n      ... on NotFoundError { resource }\n    }\n  }\n": typeof types.KeysmithCreateProjectApiKeyDocument,
    "\n  mutation KeysmithCreateOrganizationApiKey($input: CreateOrganizationApiKeyInput!) {\n    createOrganizationApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeyPayload { secret apiKey { ...ApiKeyFields } }\n      ... on Error { message }\n      ... on ValidationError { issues { path message } }\n      ... on ForbiddenError { permission }\n      ... on NotFoundError { resource }\n    }\n  }\n": typeof types.KeysmithCreateOrganizationApiKeyDocument,
    "\n  mutation KeysmithRotateApiKey($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) {\n      __typename\n      ... on RotateApiKeyPayload { secret apiKey { ...ApiKeyFields } previousApiKey { id graceEndsAt } }\n      ... on Error { message }\n      ... on ValidationError { issues { path message } }\n      ... on ForbiddenError { permission }\n      ... on NotFoundError { resource }\n    }\n  }\n": typeof types.KeysmithRotateApiKeyDocument,
    "\n  mutation KeysmithRevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n      ... on RevokeApiKeyPayload { apiKey { ...ApiKeyFields } }\n      ... on Error { message }\n      ... on ValidationError { issues { path message } }\n      ... on ForbiddenError { permission }\n      ... on NotFoundError { resource }\n    }\n  }\n": typeof types.KeysmithRevokeApiKeyDocument,
    "\n  mutation KeysmithDeleteApiKey($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) {\n      __typename\n      ... on DeleteApiKeyPayload { deletedApiKeyId }\n      ... on Error { message }\n      ... on ValidationError { issues { path message } }\n      ... on ForbiddenError { permission }\n      ... on NotFoundError { resource }\n    }\n  }\n": typeof types.KeysmithDeleteApiKeyDocument,
    "\n  mutation KeysmithCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      __typename\n      ... on ProjectPayload { project { id slug name createdAt } }\n      ... on Error { message }\n      ... on ValidationError { issues { path message } }\n      ... on ForbiddenError { permission }\n      ... on NotFoundError { resource }\n    }\n  }\n": typeof types.KeysmithCreateProjectDocument,
    "\n  mutation KeysmithCreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      __typename\n      ... on WorkflowPayload { workflow { id slug name createdAt } }\n      ... on Error { message }\n      ... on ValidationError { issues { path message } }\n      ... on ForbiddenError { permission }\n      ... on NotFoundError { resource }\n    }\n  }\n": typeof types.KeysmithCreateWorkflowDocument,
};
const documents: Documents = {
    "\n  fragment ExecutionFields on WorkflowExecution {\n    id\n    workflowId\n    projectId\n    status\n    payload\n    idempotencyKey\n    triggeredByKeyPrefix\n    createdAt\n  }\n": types.ExecutionFieldsFragmentDoc,
    "\n  fragment ApiKeyFields on ApiKey {\n    id\n    name\n    prefix\n    level\n    status\n    expiresAt\n    graceEndsAt\n    lastUsedAt\n    createdAt\n    project { id slug }\n    permissions { permission level effective projectIds workflowIds }\n  }\n": types.ApiKeyFieldsFragmentDoc,
    "\n  fragment PageFields on PageInfo {\n    hasNextPage\n    endCursor\n  }\n": types.PageFieldsFragmentDoc,
    "\n  query KeysmithCurrentKey {\n    currentApiKey {\n      id\n      name\n      prefix\n      level\n      organizationId\n      projectIds\n      allProjects\n      expiresAt\n      graceEndsAt\n      ipAllowlist\n      permissions { permission level effective projectIds workflowIds }\n    }\n  }\n": types.KeysmithCurrentKeyDocument,
    "\n  query KeysmithViewer {\n    viewer {\n      subject\n      isOperator\n      user { id email name }\n      organizations(first: 100) {\n        edges { node { role organization { id slug name plan } } }\n      }\n    }\n  }\n": types.KeysmithViewerDocument,
    "\n  mutation KeysmithTriggerWorkflow($input: TriggerWorkflowInput!) {\n    triggerWorkflow(input: $input) {\n      __typename\n      ... on TriggerWorkflowPayload { replayed execution { ...ExecutionFields } }\n      ... on Error { message }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n": types.KeysmithTriggerWorkflowDocument,
    "\n  query KeysmithExecution($id: ID!) {\n    workflowExecution(id: $id) { ...ExecutionFields }\n  }\n": types.KeysmithExecutionDocument,
    "\n  query KeysmithExecutions($projectId: ID!, $first: Int, $after: String) {\n    node(id: $projectId) {\n      __typename\n      ... on Project {\n        executions(first: $first, after: $after) {\n          totalCount\n          pageInfo { ...PageFields }\n          edges { node { ...ExecutionFields } }\n        }\n      }\n    }\n  }\n": types.KeysmithExecutionsDocument,
    "\n  query KeysmithOrganizationBySlug($slug: String!) {\n    organization(slug: $slug) { id slug name plan }\n  }\n": types.KeysmithOrganizationBySlugDocument,
    "\n  query KeysmithOrganizationById($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Organization { id slug name plan }\n    }\n  }\n": types.KeysmithOrganizationByIdDocument,
    "\n  query KeysmithProjectBySlugs($organization: String!, $project: String!) {\n    organization(slug: $organization) {\n      id\n      project(slug: $project) { id slug name }\n    }\n  }\n": types.KeysmithProjectBySlugsDocument,
    "\n  query KeysmithWorkflows($projectId: ID!, $first: Int, $after: String) {\n    node(id: $projectId) {\n      __typename\n      ... on Project {\n        workflows(first: $first, after: $after) {\n          totalCount\n          pageInfo { ...PageFields }\n          edges { node { id slug name createdAt } }\n        }\n      }\n    }\n  }\n": types.KeysmithWorkflowsDocument,
    "\n  query KeysmithProjects($organizationId: ID!, $first: Int, $after: String) {\n    node(id: $organizationId) {\n      __typename\n      ... on Organization {\n        projects(first: $first, after: $after) {\n          totalCount\n          pageInfo { ...PageFields }\n          edges { node { id slug name createdAt } }\n        }\n      }\n    }\n  }\n": types.KeysmithProjectsDocument,
    "\n  query KeysmithApiKeys($organizationId: ID!, $first: Int, $after: String) {\n    node(id: $organizationId) {\n      __typename\n      ... on Organization {\n        apiKeys(first: $first, after: $after) {\n          totalCount\n          pageInfo { ...PageFields }\n          edges { node { ...ApiKeyFields } }\n        }\n      }\n    }\n  }\n": types.KeysmithApiKeysDocument,
    "\n  query KeysmithWebhookEndpoints($organizationId: ID!, $first: Int, $after: String) {\n    node(id: $organizationId) {\n      __typename\n      ... on Organization {\n        webhookEndpoints(first: $first, after: $after) {\n          totalCount\n          pageInfo { ...PageFields }\n          edges { node { id url description enabled events failingSince createdAt } }\n        }\n      }\n    }\n  }\n": types.KeysmithWebhookEndpointsDocument,
    "\n  mutation KeysmithCreateProjectApiKey($input: CreateProjectApiKeyInput!) {\n    createProjectApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeyPayload { secret apiKey { ...ApiKeyFields } }\n      ... on Error { message }\n      ... on ValidationError { issues { path message } }\n      ... on ForbiddenError { permission }\n      ... on NotFoundError { resource }\n    }\n  }\n": types.KeysmithCreateProjectApiKeyDocument,
    "\n  mutation KeysmithCreateOrganizationApiKey($input: CreateOrganizationApiKeyInput!) {\n    createOrganizationApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeyPayload { secret apiKey { ...ApiKeyFields } }\n      ... on Error { message }\n      ... on ValidationError { issues { path message } }\n      ... on ForbiddenError { permission }\n      ... on NotFoundError { resource }\n    }\n  }\n": types.KeysmithCreateOrganizationApiKeyDocument,
    "\n  mutation KeysmithRotateApiKey($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) {\n      __typename\n      ... on RotateApiKeyPayload { secret apiKey { ...ApiKeyFields } previousApiKey { id graceEndsAt } }\n      ... on Error { message }\n      ... on ValidationError { issues { path message } }\n      ... on ForbiddenError { permission }\n      ... on NotFoundError { resource }\n    }\n  }\n": types.KeysmithRotateApiKeyDocument,
    "\n  mutation KeysmithRevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n      ... on RevokeApiKeyPayload { apiKey { ...ApiKeyFields } }\n      ... on Error { message }\n      ... on ValidationError { issues { path message } }\n      ... on ForbiddenError { permission }\n      ... on NotFoundError { resource }\n    }\n  }\n": types.KeysmithRevokeApiKeyDocument,
    "\n  mutation KeysmithDeleteApiKey($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) {\n      __typename\n      ... on DeleteApiKeyPayload { deletedApiKeyId }\n      ... on Error { message }\n      ... on ValidationError { issues { path message } }\n      ... on ForbiddenError { permission }\n      ... on NotFoundError { resource }\n    }\n  }\n": types.KeysmithDeleteApiKeyDocument,
    "\n  mutation KeysmithCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      __typename\n      ... on ProjectPayload { project { id slug name createdAt } }\n      ... on Error { message }\n      ... on ValidationError { issues { path message } }\n      ... on ForbiddenError { permission }\n      ... on NotFoundError { resource }\n    }\n  }\n": types.KeysmithCreateProjectDocument,
    "\n  mutation KeysmithCreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      __typename\n      ... on WorkflowPayload { workflow { id slug name createdAt } }\n      ... on Error { message }\n      ... on ValidationError { issues { path message } }\n      ... on ForbiddenError { permission }\n      ... on NotFoundError { resource }\n    }\n  }\n": types.KeysmithCreateWorkflowDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ExecutionFields on WorkflowExecution {\n    id\n    workflowId\n    projectId\n    status\n    payload\n    idempotencyKey\n    triggeredByKeyPrefix\n    createdAt\n  }\n"): typeof import('./graphql.js').ExecutionFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiKeyFields on ApiKey {\n    id\n    name\n    prefix\n    level\n    status\n    expiresAt\n    graceEndsAt\n    lastUsedAt\n    createdAt\n    project { id slug }\n    permissions { permission level effective projectIds workflowIds }\n  }\n"): typeof import('./graphql.js').ApiKeyFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PageFields on PageInfo {\n    hasNextPage\n    endCursor\n  }\n"): typeof import('./graphql.js').PageFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeysmithCurrentKey {\n    currentApiKey {\n      id\n      name\n      prefix\n      level\n      organizationId\n      projectIds\n      allProjects\n      expiresAt\n      graceEndsAt\n      ipAllowlist\n      permissions { permission level effective projectIds workflowIds }\n    }\n  }\n"): typeof import('./graphql.js').KeysmithCurrentKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeysmithViewer {\n    viewer {\n      subject\n      isOperator\n      user { id email name }\n      organizations(first: 100) {\n        edges { node { role organization { id slug name plan } } }\n      }\n    }\n  }\n"): typeof import('./graphql.js').KeysmithViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KeysmithTriggerWorkflow($input: TriggerWorkflowInput!) {\n    triggerWorkflow(input: $input) {\n      __typename\n      ... on TriggerWorkflowPayload { replayed execution { ...ExecutionFields } }\n      ... on Error { message }\n      ... on ValidationError { issues { path message } }\n    }\n  }\n"): typeof import('./graphql.js').KeysmithTriggerWorkflowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeysmithExecution($id: ID!) {\n    workflowExecution(id: $id) { ...ExecutionFields }\n  }\n"): typeof import('./graphql.js').KeysmithExecutionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeysmithExecutions($projectId: ID!, $first: Int, $after: String) {\n    node(id: $projectId) {\n      __typename\n      ... on Project {\n        executions(first: $first, after: $after) {\n          totalCount\n          pageInfo { ...PageFields }\n          edges { node { ...ExecutionFields } }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').KeysmithExecutionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeysmithOrganizationBySlug($slug: String!) {\n    organization(slug: $slug) { id slug name plan }\n  }\n"): typeof import('./graphql.js').KeysmithOrganizationBySlugDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeysmithOrganizationById($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Organization { id slug name plan }\n    }\n  }\n"): typeof import('./graphql.js').KeysmithOrganizationByIdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeysmithProjectBySlugs($organization: String!, $project: String!) {\n    organization(slug: $organization) {\n      id\n      project(slug: $project) { id slug name }\n    }\n  }\n"): typeof import('./graphql.js').KeysmithProjectBySlugsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeysmithWorkflows($projectId: ID!, $first: Int, $after: String) {\n    node(id: $projectId) {\n      __typename\n      ... on Project {\n        workflows(first: $first, after: $after) {\n          totalCount\n          pageInfo { ...PageFields }\n          edges { node { id slug name createdAt } }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').KeysmithWorkflowsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeysmithProjects($organizationId: ID!, $first: Int, $after: String) {\n    node(id: $organizationId) {\n      __typename\n      ... on Organization {\n        projects(first: $first, after: $after) {\n          totalCount\n          pageInfo { ...PageFields }\n          edges { node { id slug name createdAt } }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').KeysmithProjectsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeysmithApiKeys($organizationId: ID!, $first: Int, $after: String) {\n    node(id: $organizationId) {\n      __typename\n      ... on Organization {\n        apiKeys(first: $first, after: $after) {\n          totalCount\n          pageInfo { ...PageFields }\n          edges { node { ...ApiKeyFields } }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').KeysmithApiKeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeysmithWebhookEndpoints($organizationId: ID!, $first: Int, $after: String) {\n    node(id: $organizationId) {\n      __typename\n      ... on Organization {\n        webhookEndpoints(first: $first, after: $after) {\n          totalCount\n          pageInfo { ...PageFields }\n          edges { node { id url description enabled events failingSince createdAt } }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').KeysmithWebhookEndpointsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KeysmithCreateProjectApiKey($input: CreateProjectApiKeyInput!) {\n    createProjectApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeyPayload { secret apiKey { ...ApiKeyFields } }\n      ... on Error { message }\n      ... on ValidationError { issues { path message } }\n      ... on ForbiddenError { permission }\n      ... on NotFoundError { resource }\n    }\n  }\n"): typeof import('./graphql.js').KeysmithCreateProjectApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KeysmithCreateOrganizationApiKey($input: CreateOrganizationApiKeyInput!) {\n    createOrganizationApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeyPayload { secret apiKey { ...ApiKeyFields } }\n      ... on Error { message }\n      ... on ValidationError { issues { path message } }\n      ... on ForbiddenError { permission }\n      ... on NotFoundError { resource }\n    }\n  }\n"): typeof import('./graphql.js').KeysmithCreateOrganizationApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KeysmithRotateApiKey($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) {\n      __typename\n      ... on RotateApiKeyPayload { secret apiKey { ...ApiKeyFields } previousApiKey { id graceEndsAt } }\n      ... on Error { message }\n      ... on ValidationError { issues { path message } }\n      ... on ForbiddenError { permission }\n      ... on NotFoundError { resource }\n    }\n  }\n"): typeof import('./graphql.js').KeysmithRotateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KeysmithRevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n      ... on RevokeApiKeyPayload { apiKey { ...ApiKeyFields } }\n      ... on Error { message }\n      ... on ValidationError { issues { path message } }\n      ... on ForbiddenError { permission }\n      ... on NotFoundError { resource }\n    }\n  }\n"): typeof import('./graphql.js').KeysmithRevokeApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KeysmithDeleteApiKey($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) {\n      __typename\n      ... on DeleteApiKeyPayload { deletedApiKeyId }\n      ... on Error { message }\n      ... on ValidationError { issues { path message } }\n      ... on ForbiddenError { permission }\n      ... on NotFoundError { resource }\n    }\n  }\n"): typeof import('./graphql.js').KeysmithDeleteApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KeysmithCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      __typename\n      ... on ProjectPayload { project { id slug name createdAt } }\n      ... on Error { message }\n      ... on ValidationError { issues { path message } }\n      ... on ForbiddenError { permission }\n      ... on NotFoundError { resource }\n    }\n  }\n"): typeof import('./graphql.js').KeysmithCreateProjectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KeysmithCreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      __typename\n      ... on WorkflowPayload { workflow { id slug name createdAt } }\n      ... on Error { message }\n      ... on ValidationError { issues { path message } }\n      ... on ForbiddenError { permission }\n      ... on NotFoundError { resource }\n    }\n  }\n"): typeof import('./graphql.js').KeysmithCreateWorkflowDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
