import { graphql } from '../generated/gql.ts';

// The operations the tests send, declared once. Each selects enough for every test that uses it: `__typename` of
// the result union, the payload's fields and, through ErrorFields, what any typed error carries. A test file that
// needs a deliberately different selection (a matrix, an attack table) keeps its own document.

export const ErrorFields = graphql(`
  fragment ErrorFields on Error {
    __typename
    message
    ... on ValidationError {
      issues {
        path
        message
      }
    }
    ... on NotFoundError {
      resource
    }
    ... on BulkOperationError {
      failures {
        id
        reason
        message
      }
    }
    ... on UpgradeRequiredError {
      currentPlan
      requiredPlans
    }
  }
`);

export const KeyFields = graphql(`
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

// ——— Users and organizations ———

export const Viewer = graphql(`
  query Viewer {
    viewer {
      subject
      isOperator
      user {
        id
        email
        name
      }
    }
  }
`);

export const CreateOrganization = graphql(`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      __typename
      ... on OrganizationPayload {
        organization {
          id
          name
          slug
          plan
          viewerRole
          members {
            edges {
              node {
                role
                user {
                  email
                }
              }
            }
          }
        }
      }
      ...ErrorFields
    }
  }
`);

export const UpdateOrganization = graphql(`
  mutation UpdateOrganization($input: UpdateOrganizationInput!) {
    updateOrganization(input: $input) {
      __typename
      ... on OrganizationPayload {
        organization {
          id
          name
          maxKeyLifetimeDays
        }
      }
      ...ErrorFields
    }
  }
`);

export const SetOrganizationPlan = graphql(`
  mutation SetOrganizationPlan($input: SetOrganizationPlanInput!) {
    setOrganizationPlan(input: $input) {
      __typename
      ... on OrganizationPayload {
        organization {
          plan
        }
      }
      ...ErrorFields
    }
  }
`);

export const OrganizationBySlug = graphql(`
  query OrganizationBySlug($slug: String!) {
    organization(slug: $slug) {
      id
      name
      projects {
        edges {
          node {
            id
            slug
          }
        }
      }
    }
  }
`);

export const Members = graphql(`
  query Members($slug: String!) {
    organization(slug: $slug) {
      members {
        edges {
          node {
            id
            role
            user {
              id
              email
            }
          }
        }
      }
    }
  }
`);

export const InviteMember = graphql(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      __typename
      ... on InvitationPayload {
        invitation {
          id
          email
          role
          organizationName
          expiresAt
          expired
          createdAt
        }
      }
      ...ErrorFields
    }
  }
`);

export const AcceptInvitation = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      __typename
      ... on MemberPayload {
        member {
          id
          role
          organization {
            id
            slug
          }
        }
      }
      ...ErrorFields
    }
  }
`);

export const DeclineInvitation = graphql(`
  mutation DeclineInvitation($input: DeclineInvitationInput!) {
    declineInvitation(input: $input) {
      __typename
      ... on DeclineInvitationPayload {
        declinedInvitationId
      }
      ...ErrorFields
    }
  }
`);

export const RevokeInvitation = graphql(`
  mutation RevokeInvitation($input: RevokeInvitationInput!) {
    revokeInvitation(input: $input) {
      __typename
      ... on RevokeInvitationPayload {
        revokedInvitationId
      }
      ...ErrorFields
    }
  }
`);

export const ViewerInvitations = graphql(`
  query ViewerInvitations {
    viewer {
      invitations {
        totalCount
        edges {
          node {
            id
            email
            role
            organizationName
            expiresAt
          }
        }
      }
    }
  }
`);

export const OrganizationInvitations = graphql(`
  query OrganizationInvitations($slug: String!) {
    organization(slug: $slug) {
      invitations {
        totalCount
        edges {
          node {
            id
            email
            role
            expired
          }
        }
      }
    }
  }
`);

export const UpdateMember = graphql(`
  mutation UpdateMember($input: UpdateMemberInput!) {
    updateMember(input: $input) {
      __typename
      ... on MemberPayload {
        member {
          id
          role
        }
      }
      ...ErrorFields
    }
  }
`);

export const RemoveMember = graphql(`
  mutation RemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input) {
      __typename
      ... on RemoveMemberPayload {
        removedMemberId
      }
      ...ErrorFields
    }
  }
`);

export const LeaveOrganization = graphql(`
  mutation LeaveOrganization($input: LeaveOrganizationInput!) {
    leaveOrganization(input: $input) {
      __typename
      ... on RemoveMemberPayload {
        removedMemberId
        user {
          email
        }
      }
      ...ErrorFields
    }
  }
`);

export const WorkingApiKeyCount = graphql(`
  query WorkingApiKeyCount($slug: String!) {
    organization(slug: $slug) {
      plan
      workingApiKeyCount
    }
  }
`);

export const Nodes = graphql(`
  query Nodes($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      id
    }
  }
`);

// ——— Projects and workflows ———

export const ProjectBySlug = graphql(`
  query ProjectBySlug($slug: String!, $projectSlug: String!) {
    organization(slug: $slug) {
      project(slug: $projectSlug) {
        id
        slug
        name
      }
    }
  }
`);

export const CreateProject = graphql(`
  mutation CreateProject($input: CreateProjectInput!) {
    createProject(input: $input) {
      __typename
      ... on ProjectPayload {
        project {
          id
          slug
          name
        }
      }
      ...ErrorFields
    }
  }
`);

export const UpdateProject = graphql(`
  mutation UpdateProject($input: UpdateProjectInput!) {
    updateProject(input: $input) {
      __typename
      ... on ProjectPayload {
        project {
          id
          slug
          name
        }
      }
      ...ErrorFields
    }
  }
`);

export const DeleteProject = graphql(`
  mutation DeleteProject($input: DeleteProjectInput!) {
    deleteProject(input: $input) {
      __typename
      ... on DeleteProjectPayload {
        deletedProjectId
      }
      ...ErrorFields
    }
  }
`);

export const CreateWorkflow = graphql(`
  mutation CreateWorkflow($input: CreateWorkflowInput!) {
    createWorkflow(input: $input) {
      __typename
      ... on WorkflowPayload {
        workflow {
          id
          slug
        }
      }
      ...ErrorFields
    }
  }
`);

export const UpdateWorkflow = graphql(`
  mutation UpdateWorkflow($input: UpdateWorkflowInput!) {
    updateWorkflow(input: $input) {
      __typename
      ... on WorkflowPayload {
        workflow {
          id
          slug
        }
      }
      ...ErrorFields
    }
  }
`);

export const DeleteWorkflow = graphql(`
  mutation DeleteWorkflow($input: DeleteWorkflowInput!) {
    deleteWorkflow(input: $input) {
      __typename
      ... on DeleteWorkflowPayload {
        deletedWorkflowId
      }
      ...ErrorFields
    }
  }
`);

export const Node = graphql(`
  query Node($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Project {
        name
      }
    }
  }
`);

// ——— API keys ———

export const CreateProjectApiKey = graphql(`
  mutation CreateProjectApiKey($input: CreateProjectApiKeyInput!) {
    createProjectApiKey(input: $input) {
      __typename
      ... on CreateApiKeyPayload {
        secret
        apiKey {
          ...KeyFields
        }
      }
      ...ErrorFields
    }
  }
`);

export const CreateOrganizationApiKey = graphql(`
  mutation CreateOrganizationApiKey($input: CreateOrganizationApiKeyInput!) {
    createOrganizationApiKey(input: $input) {
      __typename
      ... on CreateApiKeyPayload {
        secret
        apiKey {
          ...KeyFields
        }
      }
      ...ErrorFields
    }
  }
`);

export const UpdateApiKey = graphql(`
  mutation UpdateApiKey($input: UpdateApiKeyInput!) {
    updateApiKey(input: $input) {
      __typename
      ... on UpdateApiKeyPayload {
        apiKey {
          ...KeyFields
        }
      }
      ...ErrorFields
    }
  }
`);

export const RotateApiKey = graphql(`
  mutation RotateApiKey($input: RotateApiKeyInput!) {
    rotateApiKey(input: $input) {
      __typename
      ... on RotateApiKeyPayload {
        secret
        apiKey {
          ...KeyFields
        }
        previousApiKey {
          ...KeyFields
        }
      }
      ...ErrorFields
    }
  }
`);

export const RevokeApiKey = graphql(`
  mutation RevokeApiKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      __typename
      ... on RevokeApiKeyPayload {
        apiKey {
          ...KeyFields
        }
      }
      ...ErrorFields
    }
  }
`);

export const DeleteApiKey = graphql(`
  mutation DeleteApiKey($input: DeleteApiKeyInput!) {
    deleteApiKey(input: $input) {
      __typename
      ... on DeleteApiKeyPayload {
        deletedApiKeyId
      }
      ...ErrorFields
    }
  }
`);

export const DeleteApiKeys = graphql(`
  mutation DeleteApiKeys($input: DeleteApiKeysInput!) {
    deleteApiKeys(input: $input) {
      __typename
      ... on DeleteApiKeysPayload {
        deletedApiKeyIds
      }
      ...ErrorFields
    }
  }
`);

export const ApiKeyNode = graphql(`
  query ApiKeyNode($id: ID!) {
    node(id: $id) {
      __typename
      ... on ApiKey {
        ...KeyFields
      }
    }
  }
`);

export const OrganizationApiKeys = graphql(`
  query OrganizationApiKeys($slug: String!, $filter: ApiKeyFilter, $orderBy: ApiKeyOrder, $first: Int, $after: String) {
    organization(slug: $slug) {
      apiKeys(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
        edges {
          cursor
          node {
            ...KeyFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const ProjectApiKeys = graphql(`
  query ProjectApiKeys($id: ID!, $filter: ApiKeyFilter, $orderBy: ApiKeyOrder) {
    node(id: $id) {
      ... on Project {
        apiKeys(filter: $filter, orderBy: $orderBy) {
          edges {
            inherited
            viewerCanManage
            node {
              id
              level
              name
              viewerCanManage
            }
          }
        }
      }
    }
  }
`);

// ——— Calls with an API key ———

export const TriggerWorkflow = graphql(`
  mutation TriggerWorkflow($input: TriggerWorkflowInput!) {
    triggerWorkflow(input: $input) {
      __typename
      ... on TriggerWorkflowPayload {
        replayed
        execution {
          id
          status
          payload
          workflowId
          triggeredByKeyPrefix
        }
      }
      ...ErrorFields
    }
  }
`);

export const CurrentApiKey = graphql(`
  query CurrentApiKey {
    currentApiKey {
      name
      prefix
      level
      allProjects
      projectIds
      expiryPolicy
      scopes {
        scope
        workflowIds
      }
    }
  }
`);

export const WorkflowExecution = graphql(`
  query WorkflowExecution($id: ID!) {
    workflowExecution(id: $id) {
      id
      status
    }
  }
`);

// ——— Audit log ———

export const AuditEvents = graphql(`
  query AuditEvents($slug: String!, $filter: AuditEventFilter) {
    organization(slug: $slug) {
      auditEvents(filter: $filter) {
        edges {
          node {
            id
            action
            targetType
            targetId
            targetName
            changes
            requestId
            actorLabel
            actor {
              id
            }
          }
        }
      }
    }
  }
`);

export const AuditEventNode = graphql(`
  query AuditEventNode($id: ID!) {
    node(id: $id) {
      __typename
      ... on AuditEvent {
        id
        action
        changes
      }
    }
  }
`);

export const ProjectExecutions = graphql(`
  query ProjectExecutions($id: ID!) {
    node(id: $id) {
      ... on Project {
        executions {
          edges {
            node {
              id
              status
              triggeredByKeyPrefix
            }
          }
        }
      }
    }
  }
`);

// ——— IP allowlist and recent addresses ———

export const ApiKeyAddresses = graphql(`
  query ApiKeyAddresses($id: ID!) {
    node(id: $id) {
      __typename
      ... on ApiKey {
        id
        ipAllowlist
        lastUsedAddresses {
          address
          lastSeenAt
        }
      }
    }
  }
`);

export const CurrentApiKeyAllowlist = graphql(`
  query CurrentApiKeyAllowlist {
    currentApiKey {
      prefix
      ipAllowlist
    }
  }
`);

export const ApiKeyUsage = graphql(`
  query ApiKeyUsage($id: ID!, $granularity: UsageGranularity!, $last: Int!, $before: DateTime) {
    node(id: $id) {
      __typename
      ... on ApiKey {
        usageCount
        usage(granularity: $granularity, last: $last, before: $before) {
          start
          count
        }
      }
    }
  }
`);

export const WebhookEndpointFields = graphql(`
  fragment WebhookEndpointFields on WebhookEndpoint {
    id
    url
    description
    events
    enabled
    failingSince
    autoDisabledAt
    recentDeliveries {
      id
      webhookId
      eventType
      payload
      status
      attempts
      responseStatus
      durationMs
      lastError
      nextAttemptAt
    }
  }
`);

export const CreateWebhookEndpoint = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      __typename
      ... on CreateWebhookEndpointPayload {
        secret
        webhookEndpoint {
          ...WebhookEndpointFields
        }
      }
      ...ErrorFields
    }
  }
`);

export const UpdateWebhookEndpoint = graphql(`
  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(input: $input) {
      __typename
      ... on WebhookEndpointPayload {
        webhookEndpoint {
          ...WebhookEndpointFields
        }
      }
      ...ErrorFields
    }
  }
`);

export const RotateWebhookEndpointSecret = graphql(`
  mutation RotateWebhookEndpointSecret($input: RotateWebhookEndpointSecretInput!) {
    rotateWebhookEndpointSecret(input: $input) {
      __typename
      ... on RotateWebhookEndpointSecretPayload {
        secret
        webhookEndpoint {
          id
        }
      }
      ...ErrorFields
    }
  }
`);

export const RedeliverWebhookEvent = graphql(`
  mutation RedeliverWebhookEvent($input: RedeliverWebhookEventInput!) {
    redeliverWebhookEvent(input: $input) {
      __typename
      ... on RedeliverWebhookEventPayload {
        delivery {
          id
          webhookId
          status
          attempts
          nextAttemptAt
        }
      }
      ...ErrorFields
    }
  }
`);

export const DeleteWebhookEndpoint = graphql(`
  mutation DeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {
    deleteWebhookEndpoint(input: $input) {
      __typename
      ... on DeleteWebhookEndpointPayload {
        deletedWebhookEndpointId
      }
      ...ErrorFields
    }
  }
`);

export const OrganizationWebhookEndpoints = graphql(`
  query OrganizationWebhookEndpoints($slug: String!) {
    organization(slug: $slug) {
      id
      webhookEndpoints(first: 50) {
        totalCount
        edges {
          node {
            ...WebhookEndpointFields
          }
        }
      }
    }
  }
`);

export const KeyListPage = graphql(`
  query KeyListPage($slug: String!, $filter: ApiKeyFilter, $orderBy: ApiKeyOrder, $first: Int, $after: String, $last: Int, $before: String) {
    organization(slug: $slug) {
      apiKeys(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
        totalCount
        edges {
          cursor
          node {
            id
            name
          }
        }
        pageInfo {
          hasNextPage
          hasPreviousPage
          startCursor
          endCursor
        }
      }
    }
  }
`);
