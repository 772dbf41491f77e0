/* eslint-disable */
import * as types from './graphql.ts';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

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
    "\n  fragment ListedKey on ApiKey {\n    id\n    name\n    level\n    status\n    prefix\n    viewerCanManage\n    project { id name }\n    projectAccess { all projects { id name } }\n    scopes { scope workflows { id name } }\n    owner { id email }\n  }\n": typeof types.ListedKeyFragmentDoc,
    "\n  query ListQueriesOrganizationKeys($slug: String!) {\n    organization(slug: $slug) {\n      apiKeys(first: 20) {\n        totalCount\n        edges { node { ...ListedKey } }\n      }\n    }\n  }\n": typeof types.ListQueriesOrganizationKeysDocument,
    "\n  query ListQueriesProjectKeys($slug: String!, $project: String!) {\n    organization(slug: $slug) {\n      project(slug: $project) {\n        apiKeys(first: 20) {\n          totalCount\n          edges { inherited viewerCanManage node { ...ListedKey } }\n        }\n      }\n    }\n  }\n": typeof types.ListQueriesProjectKeysDocument,
    "\n  query FirstRunOrganization($slug: String!) {\n    organization(slug: $slug) {\n      id\n      slug\n    }\n  }\n": typeof types.FirstRunOrganizationDocument,
    "\n  query IdsNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n    }\n  }\n": typeof types.IdsNodeDocument,
    "\n  mutation IdsCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      __typename\n      ... on ProjectPayload {\n        project {\n          id\n        }\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n    }\n  }\n": typeof types.IdsCreateProjectDocument,
    "\n  query IdsAuditTrail($slug: String!, $filter: AuditEventFilter) {\n    organization(slug: $slug) {\n      auditEvents(filter: $filter) {\n        edges {\n          node {\n            action\n            targetType\n            targetId\n            changes\n          }\n        }\n      }\n    }\n  }\n": typeof types.IdsAuditTrailDocument,
    "\n  fragment ErrorFields on Error {\n    __typename\n    message\n    ... on ValidationError {\n      issues {\n        path\n        message\n      }\n    }\n    ... on NotFoundError {\n      resource\n    }\n    ... on BulkOperationError {\n      failures {\n        id\n        reason\n        message\n      }\n    }\n    ... on UpgradeRequiredError {\n      currentPlan\n      requiredPlans\n    }\n  }\n": typeof types.ErrorFieldsFragmentDoc,
    "\n  fragment KeyFields on ApiKey {\n    id\n    name\n    note\n    level\n    prefix\n    status\n    expiryPolicy\n    expiresAt\n    graceEndsAt\n    usageCount\n    lastUsedAt\n    viewerCanManage\n    scopes {\n      scope\n      workflows {\n        id\n      }\n    }\n    projectAccess {\n      all\n      projects {\n        id\n      }\n    }\n    project {\n      id\n    }\n    owner {\n      id\n    }\n    rotatedFrom {\n      id\n    }\n    rotatedTo {\n      id\n    }\n  }\n": typeof types.KeyFieldsFragmentDoc,
    "\n  query Viewer {\n    viewer {\n      subject\n      isOperator\n      user {\n        id\n        email\n        name\n      }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      __typename\n      ... on OrganizationPayload {\n        organization {\n          id\n          name\n          slug\n          plan\n          viewerRole\n          members {\n            edges {\n              node {\n                role\n                user {\n                  email\n                }\n              }\n            }\n          }\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": typeof types.CreateOrganizationDocument,
    "\n  mutation UpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      __typename\n      ... on OrganizationPayload {\n        organization {\n          id\n          name\n          maxKeyLifetimeDays\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": typeof types.UpdateOrganizationDocument,
    "\n  mutation SetOrganizationPlan($input: SetOrganizationPlanInput!) {\n    setOrganizationPlan(input: $input) {\n      __typename\n      ... on OrganizationPayload {\n        organization {\n          plan\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": typeof types.SetOrganizationPlanDocument,
    "\n  query OrganizationBySlug($slug: String!) {\n    organization(slug: $slug) {\n      id\n      name\n      projects {\n        edges {\n          node {\n            id\n            slug\n          }\n        }\n      }\n    }\n  }\n": typeof types.OrganizationBySlugDocument,
    "\n  query Members($slug: String!) {\n    organization(slug: $slug) {\n      members {\n        edges {\n          node {\n            id\n            role\n            user {\n              id\n              email\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.MembersDocument,
    "\n  mutation AddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      __typename\n      ... on MemberPayload {\n        member {\n          id\n          role\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": typeof types.AddMemberDocument,
    "\n  mutation UpdateMember($input: UpdateMemberInput!) {\n    updateMember(input: $input) {\n      __typename\n      ... on MemberPayload {\n        member {\n          id\n          role\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": typeof types.UpdateMemberDocument,
    "\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      __typename\n      ... on RemoveMemberPayload {\n        removedMemberId\n      }\n      ...ErrorFields\n    }\n  }\n": typeof types.RemoveMemberDocument,
    "\n  query Nodes($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n    }\n  }\n": typeof types.NodesDocument,
    "\n  query ProjectBySlug($slug: String!, $projectSlug: String!) {\n    organization(slug: $slug) {\n      project(slug: $projectSlug) {\n        id\n        slug\n        name\n      }\n    }\n  }\n": typeof types.ProjectBySlugDocument,
    "\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      __typename\n      ... on ProjectPayload {\n        project {\n          id\n          slug\n          name\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": typeof types.CreateProjectDocument,
    "\n  mutation UpdateProject($input: UpdateProjectInput!) {\n    updateProject(input: $input) {\n      __typename\n      ... on ProjectPayload {\n        project {\n          id\n          slug\n          name\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": typeof types.UpdateProjectDocument,
    "\n  mutation DeleteProject($input: DeleteProjectInput!) {\n    deleteProject(input: $input) {\n      __typename\n      ... on DeleteProjectPayload {\n        deletedProjectId\n      }\n      ...ErrorFields\n    }\n  }\n": typeof types.DeleteProjectDocument,
    "\n  mutation CreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      __typename\n      ... on WorkflowPayload {\n        workflow {\n          id\n          slug\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": typeof types.CreateWorkflowDocument,
    "\n  mutation UpdateWorkflow($input: UpdateWorkflowInput!) {\n    updateWorkflow(input: $input) {\n      __typename\n      ... on WorkflowPayload {\n        workflow {\n          id\n          slug\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": typeof types.UpdateWorkflowDocument,
    "\n  mutation DeleteWorkflow($input: DeleteWorkflowInput!) {\n    deleteWorkflow(input: $input) {\n      __typename\n      ... on DeleteWorkflowPayload {\n        deletedWorkflowId\n      }\n      ...ErrorFields\n    }\n  }\n": typeof types.DeleteWorkflowDocument,
    "\n  query Node($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Project {\n        name\n      }\n    }\n  }\n": typeof types.NodeDocument,
    "\n  mutation CreateProjectApiKey($input: CreateProjectApiKeyInput!) {\n    createProjectApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeyPayload {\n        secret\n        apiKey {\n          ...KeyFields\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": typeof types.CreateProjectApiKeyDocument,
    "\n  mutation CreateOrganizationApiKey($input: CreateOrganizationApiKeyInput!) {\n    createOrganizationApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeyPayload {\n        secret\n        apiKey {\n          ...KeyFields\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": typeof types.CreateOrganizationApiKeyDocument,
    "\n  mutation UpdateApiKey($input: UpdateApiKeyInput!) {\n    updateApiKey(input: $input) {\n      __typename\n      ... on UpdateApiKeyPayload {\n        apiKey {\n          ...KeyFields\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": typeof types.UpdateApiKeyDocument,
    "\n  mutation RotateApiKey($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) {\n      __typename\n      ... on RotateApiKeyPayload {\n        secret\n        apiKey {\n          ...KeyFields\n        }\n        previousApiKey {\n          ...KeyFields\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": typeof types.RotateApiKeyDocument,
    "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n      ... on RevokeApiKeyPayload {\n        apiKey {\n          ...KeyFields\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  mutation DeleteApiKey($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) {\n      __typename\n      ... on DeleteApiKeyPayload {\n        deletedApiKeyId\n      }\n      ...ErrorFields\n    }\n  }\n": typeof types.DeleteApiKeyDocument,
    "\n  mutation DeleteApiKeys($input: DeleteApiKeysInput!) {\n    deleteApiKeys(input: $input) {\n      __typename\n      ... on DeleteApiKeysPayload {\n        deletedApiKeyIds\n      }\n      ...ErrorFields\n    }\n  }\n": typeof types.DeleteApiKeysDocument,
    "\n  query ApiKeyNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on ApiKey {\n        ...KeyFields\n      }\n    }\n  }\n": typeof types.ApiKeyNodeDocument,
    "\n  query OrganizationApiKeys($slug: String!, $filter: ApiKeyFilter, $orderBy: ApiKeyOrder, $first: Int, $after: String) {\n    organization(slug: $slug) {\n      apiKeys(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...KeyFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.OrganizationApiKeysDocument,
    "\n  query ProjectApiKeys($id: ID!, $filter: ApiKeyFilter, $orderBy: ApiKeyOrder) {\n    node(id: $id) {\n      ... on Project {\n        apiKeys(filter: $filter, orderBy: $orderBy) {\n          edges {\n            inherited\n            viewerCanManage\n            node {\n              id\n              level\n              name\n              viewerCanManage\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ProjectApiKeysDocument,
    "\n  mutation TriggerWorkflow($input: TriggerWorkflowInput!) {\n    triggerWorkflow(input: $input) {\n      __typename\n      ... on TriggerWorkflowPayload {\n        replayed\n        execution {\n          id\n          status\n          payload\n          workflowId\n          triggeredByKeyPrefix\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": typeof types.TriggerWorkflowDocument,
    "\n  query CurrentApiKey {\n    currentApiKey {\n      name\n      prefix\n      level\n      allProjects\n      projectIds\n      expiryPolicy\n      scopes {\n        scope\n        workflowIds\n      }\n    }\n  }\n": typeof types.CurrentApiKeyDocument,
    "\n  query WorkflowExecution($id: ID!) {\n    workflowExecution(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.WorkflowExecutionDocument,
    "\n  query AuditEvents($slug: String!, $filter: AuditEventFilter) {\n    organization(slug: $slug) {\n      auditEvents(filter: $filter) {\n        edges {\n          node {\n            id\n            action\n            targetType\n            targetId\n            changes\n            requestId\n            actorLabel\n            actor {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.AuditEventsDocument,
    "\n  query AuditEventNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on AuditEvent {\n        id\n        action\n        changes\n      }\n    }\n  }\n": typeof types.AuditEventNodeDocument,
    "\n  query ProjectExecutions($id: ID!) {\n    node(id: $id) {\n      ... on Project {\n        executions {\n          edges {\n            node {\n              id\n              status\n              triggeredByKeyPrefix\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ProjectExecutionsDocument,
    "\n  query ApiKeyAddresses($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on ApiKey {\n        id\n        ipAllowlist\n        lastUsedAddresses {\n          address\n          lastSeenAt\n        }\n      }\n    }\n  }\n": typeof types.ApiKeyAddressesDocument,
    "\n  query CurrentApiKeyAllowlist {\n    currentApiKey {\n      prefix\n      ipAllowlist\n    }\n  }\n": typeof types.CurrentApiKeyAllowlistDocument,
    "\n  query ApiKeyUsage($id: ID!, $granularity: UsageGranularity!, $last: Int!, $before: DateTime) {\n    node(id: $id) {\n      __typename\n      ... on ApiKey {\n        usageCount\n        usage(granularity: $granularity, last: $last, before: $before) {\n          start\n          count\n        }\n      }\n    }\n  }\n": typeof types.ApiKeyUsageDocument,
    "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    events\n    enabled\n    recentDeliveries {\n      id\n      webhookId\n      eventType\n      status\n      attempts\n      responseStatus\n      durationMs\n      lastError\n      nextAttemptAt\n    }\n  }\n": typeof types.WebhookEndpointFieldsFragmentDoc,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      __typename\n      ... on CreateWebhookEndpointPayload {\n        secret\n        webhookEndpoint {\n          ...WebhookEndpointFields\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": typeof types.CreateWebhookEndpointDocument,
    "\n  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      __typename\n      ... on WebhookEndpointPayload {\n        webhookEndpoint {\n          ...WebhookEndpointFields\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": typeof types.UpdateWebhookEndpointDocument,
    "\n  mutation RotateWebhookEndpointSecret($input: RotateWebhookEndpointSecretInput!) {\n    rotateWebhookEndpointSecret(input: $input) {\n      __typename\n      ... on RotateWebhookEndpointSecretPayload {\n        secret\n        webhookEndpoint {\n          id\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": typeof types.RotateWebhookEndpointSecretDocument,
    "\n  mutation DeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {\n    deleteWebhookEndpoint(input: $input) {\n      __typename\n      ... on DeleteWebhookEndpointPayload {\n        deletedWebhookEndpointId\n      }\n      ...ErrorFields\n    }\n  }\n": typeof types.DeleteWebhookEndpointDocument,
    "\n  query OrganizationWebhookEndpoints($slug: String!) {\n    organization(slug: $slug) {\n      id\n      webhookEndpoints(first: 50) {\n        totalCount\n        edges {\n          node {\n            ...WebhookEndpointFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.OrganizationWebhookEndpointsDocument,
};
const documents: Documents = {
    "\n  fragment ListedKey on ApiKey {\n    id\n    name\n    level\n    status\n    prefix\n    viewerCanManage\n    project { id name }\n    projectAccess { all projects { id name } }\n    scopes { scope workflows { id name } }\n    owner { id email }\n  }\n": types.ListedKeyFragmentDoc,
    "\n  query ListQueriesOrganizationKeys($slug: String!) {\n    organization(slug: $slug) {\n      apiKeys(first: 20) {\n        totalCount\n        edges { node { ...ListedKey } }\n      }\n    }\n  }\n": types.ListQueriesOrganizationKeysDocument,
    "\n  query ListQueriesProjectKeys($slug: String!, $project: String!) {\n    organization(slug: $slug) {\n      project(slug: $project) {\n        apiKeys(first: 20) {\n          totalCount\n          edges { inherited viewerCanManage node { ...ListedKey } }\n        }\n      }\n    }\n  }\n": types.ListQueriesProjectKeysDocument,
    "\n  query FirstRunOrganization($slug: String!) {\n    organization(slug: $slug) {\n      id\n      slug\n    }\n  }\n": types.FirstRunOrganizationDocument,
    "\n  query IdsNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n    }\n  }\n": types.IdsNodeDocument,
    "\n  mutation IdsCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      __typename\n      ... on ProjectPayload {\n        project {\n          id\n        }\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n    }\n  }\n": types.IdsCreateProjectDocument,
    "\n  query IdsAuditTrail($slug: String!, $filter: AuditEventFilter) {\n    organization(slug: $slug) {\n      auditEvents(filter: $filter) {\n        edges {\n          node {\n            action\n            targetType\n            targetId\n            changes\n          }\n        }\n      }\n    }\n  }\n": types.IdsAuditTrailDocument,
    "\n  fragment ErrorFields on Error {\n    __typename\n    message\n    ... on ValidationError {\n      issues {\n        path\n        message\n      }\n    }\n    ... on NotFoundError {\n      resource\n    }\n    ... on BulkOperationError {\n      failures {\n        id\n        reason\n        message\n      }\n    }\n    ... on UpgradeRequiredError {\n      currentPlan\n      requiredPlans\n    }\n  }\n": types.ErrorFieldsFragmentDoc,
    "\n  fragment KeyFields on ApiKey {\n    id\n    name\n    note\n    level\n    prefix\n    status\n    expiryPolicy\n    expiresAt\n    graceEndsAt\n    usageCount\n    lastUsedAt\n    viewerCanManage\n    scopes {\n      scope\n      workflows {\n        id\n      }\n    }\n    projectAccess {\n      all\n      projects {\n        id\n      }\n    }\n    project {\n      id\n    }\n    owner {\n      id\n    }\n    rotatedFrom {\n      id\n    }\n    rotatedTo {\n      id\n    }\n  }\n": types.KeyFieldsFragmentDoc,
    "\n  query Viewer {\n    viewer {\n      subject\n      isOperator\n      user {\n        id\n        email\n        name\n      }\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      __typename\n      ... on OrganizationPayload {\n        organization {\n          id\n          name\n          slug\n          plan\n          viewerRole\n          members {\n            edges {\n              node {\n                role\n                user {\n                  email\n                }\n              }\n            }\n          }\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": types.CreateOrganizationDocument,
    "\n  mutation UpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      __typename\n      ... on OrganizationPayload {\n        organization {\n          id\n          name\n          maxKeyLifetimeDays\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": types.UpdateOrganizationDocument,
    "\n  mutation SetOrganizationPlan($input: SetOrganizationPlanInput!) {\n    setOrganizationPlan(input: $input) {\n      __typename\n      ... on OrganizationPayload {\n        organization {\n          plan\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": types.SetOrganizationPlanDocument,
    "\n  query OrganizationBySlug($slug: String!) {\n    organization(slug: $slug) {\n      id\n      name\n      projects {\n        edges {\n          node {\n            id\n            slug\n          }\n        }\n      }\n    }\n  }\n": types.OrganizationBySlugDocument,
    "\n  query Members($slug: String!) {\n    organization(slug: $slug) {\n      members {\n        edges {\n          node {\n            id\n            role\n            user {\n              id\n              email\n            }\n          }\n        }\n      }\n    }\n  }\n": types.MembersDocument,
    "\n  mutation AddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      __typename\n      ... on MemberPayload {\n        member {\n          id\n          role\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": types.AddMemberDocument,
    "\n  mutation UpdateMember($input: UpdateMemberInput!) {\n    updateMember(input: $input) {\n      __typename\n      ... on MemberPayload {\n        member {\n          id\n          role\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": types.UpdateMemberDocument,
    "\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      __typename\n      ... on RemoveMemberPayload {\n        removedMemberId\n      }\n      ...ErrorFields\n    }\n  }\n": types.RemoveMemberDocument,
    "\n  query Nodes($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n    }\n  }\n": types.NodesDocument,
    "\n  query ProjectBySlug($slug: String!, $projectSlug: String!) {\n    organization(slug: $slug) {\n      project(slug: $projectSlug) {\n        id\n        slug\n        name\n      }\n    }\n  }\n": types.ProjectBySlugDocument,
    "\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      __typename\n      ... on ProjectPayload {\n        project {\n          id\n          slug\n          name\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": types.CreateProjectDocument,
    "\n  mutation UpdateProject($input: UpdateProjectInput!) {\n    updateProject(input: $input) {\n      __typename\n      ... on ProjectPayload {\n        project {\n          id\n          slug\n          name\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": types.UpdateProjectDocument,
    "\n  mutation DeleteProject($input: DeleteProjectInput!) {\n    deleteProject(input: $input) {\n      __typename\n      ... on DeleteProjectPayload {\n        deletedProjectId\n      }\n      ...ErrorFields\n    }\n  }\n": types.DeleteProjectDocument,
    "\n  mutation CreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      __typename\n      ... on WorkflowPayload {\n        workflow {\n          id\n          slug\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": types.CreateWorkflowDocument,
    "\n  mutation UpdateWorkflow($input: UpdateWorkflowInput!) {\n    updateWorkflow(input: $input) {\n      __typename\n      ... on WorkflowPayload {\n        workflow {\n          id\n          slug\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": types.UpdateWorkflowDocument,
    "\n  mutation DeleteWorkflow($input: DeleteWorkflowInput!) {\n    deleteWorkflow(input: $input) {\n      __typename\n      ... on DeleteWorkflowPayload {\n        deletedWorkflowId\n      }\n      ...ErrorFields\n    }\n  }\n": types.DeleteWorkflowDocument,
    "\n  query Node($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Project {\n        name\n      }\n    }\n  }\n": types.NodeDocument,
    "\n  mutation CreateProjectApiKey($input: CreateProjectApiKeyInput!) {\n    createProjectApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeyPayload {\n        secret\n        apiKey {\n          ...KeyFields\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": types.CreateProjectApiKeyDocument,
    "\n  mutation CreateOrganizationApiKey($input: CreateOrganizationApiKeyInput!) {\n    createOrganizationApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeyPayload {\n        secret\n        apiKey {\n          ...KeyFields\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": types.CreateOrganizationApiKeyDocument,
    "\n  mutation UpdateApiKey($input: UpdateApiKeyInput!) {\n    updateApiKey(input: $input) {\n      __typename\n      ... on UpdateApiKeyPayload {\n        apiKey {\n          ...KeyFields\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": types.UpdateApiKeyDocument,
    "\n  mutation RotateApiKey($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) {\n      __typename\n      ... on RotateApiKeyPayload {\n        secret\n        apiKey {\n          ...KeyFields\n        }\n        previousApiKey {\n          ...KeyFields\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": types.RotateApiKeyDocument,
    "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n      ... on RevokeApiKeyPayload {\n        apiKey {\n          ...KeyFields\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  mutation DeleteApiKey($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) {\n      __typename\n      ... on DeleteApiKeyPayload {\n        deletedApiKeyId\n      }\n      ...ErrorFields\n    }\n  }\n": types.DeleteApiKeyDocument,
    "\n  mutation DeleteApiKeys($input: DeleteApiKeysInput!) {\n    deleteApiKeys(input: $input) {\n      __typename\n      ... on DeleteApiKeysPayload {\n        deletedApiKeyIds\n      }\n      ...ErrorFields\n    }\n  }\n": types.DeleteApiKeysDocument,
    "\n  query ApiKeyNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on ApiKey {\n        ...KeyFields\n      }\n    }\n  }\n": types.ApiKeyNodeDocument,
    "\n  query OrganizationApiKeys($slug: String!, $filter: ApiKeyFilter, $orderBy: ApiKeyOrder, $first: Int, $after: String) {\n    organization(slug: $slug) {\n      apiKeys(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...KeyFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.OrganizationApiKeysDocument,
    "\n  query ProjectApiKeys($id: ID!, $filter: ApiKeyFilter, $orderBy: ApiKeyOrder) {\n    node(id: $id) {\n      ... on Project {\n        apiKeys(filter: $filter, orderBy: $orderBy) {\n          edges {\n            inherited\n            viewerCanManage\n            node {\n              id\n              level\n              name\n              viewerCanManage\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ProjectApiKeysDocument,
    "\n  mutation TriggerWorkflow($input: TriggerWorkflowInput!) {\n    triggerWorkflow(input: $input) {\n      __typename\n      ... on TriggerWorkflowPayload {\n        replayed\n        execution {\n          id\n          status\n          payload\n          workflowId\n          triggeredByKeyPrefix\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": types.TriggerWorkflowDocument,
    "\n  query CurrentApiKey {\n    currentApiKey {\n      name\n      prefix\n      level\n      allProjects\n      projectIds\n      expiryPolicy\n      scopes {\n        scope\n        workflowIds\n      }\n    }\n  }\n": types.CurrentApiKeyDocument,
    "\n  query WorkflowExecution($id: ID!) {\n    workflowExecution(id: $id) {\n      id\n      status\n    }\n  }\n": types.WorkflowExecutionDocument,
    "\n  query AuditEvents($slug: String!, $filter: AuditEventFilter) {\n    organization(slug: $slug) {\n      auditEvents(filter: $filter) {\n        edges {\n          node {\n            id\n            action\n            targetType\n            targetId\n            changes\n            requestId\n            actorLabel\n            actor {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n": types.AuditEventsDocument,
    "\n  query AuditEventNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on AuditEvent {\n        id\n        action\n        changes\n      }\n    }\n  }\n": types.AuditEventNodeDocument,
    "\n  query ProjectExecutions($id: ID!) {\n    node(id: $id) {\n      ... on Project {\n        executions {\n          edges {\n            node {\n              id\n              status\n              triggeredByKeyPrefix\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ProjectExecutionsDocument,
    "\n  query ApiKeyAddresses($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on ApiKey {\n        id\n        ipAllowlist\n        lastUsedAddresses {\n          address\n          lastSeenAt\n        }\n      }\n    }\n  }\n": types.ApiKeyAddressesDocument,
    "\n  query CurrentApiKeyAllowlist {\n    currentApiKey {\n      prefix\n      ipAllowlist\n    }\n  }\n": types.CurrentApiKeyAllowlistDocument,
    "\n  query ApiKeyUsage($id: ID!, $granularity: UsageGranularity!, $last: Int!, $before: DateTime) {\n    node(id: $id) {\n      __typename\n      ... on ApiKey {\n        usageCount\n        usage(granularity: $granularity, last: $last, before: $before) {\n          start\n          count\n        }\n      }\n    }\n  }\n": types.ApiKeyUsageDocument,
    "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    events\n    enabled\n    recentDeliveries {\n      id\n      webhookId\n      eventType\n      status\n      attempts\n      responseStatus\n      durationMs\n      lastError\n      nextAttemptAt\n    }\n  }\n": types.WebhookEndpointFieldsFragmentDoc,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      __typename\n      ... on CreateWebhookEndpointPayload {\n        secret\n        webhookEndpoint {\n          ...WebhookEndpointFields\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": types.CreateWebhookEndpointDocument,
    "\n  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      __typename\n      ... on WebhookEndpointPayload {\n        webhookEndpoint {\n          ...WebhookEndpointFields\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": types.UpdateWebhookEndpointDocument,
    "\n  mutation RotateWebhookEndpointSecret($input: RotateWebhookEndpointSecretInput!) {\n    rotateWebhookEndpointSecret(input: $input) {\n      __typename\n      ... on RotateWebhookEndpointSecretPayload {\n        secret\n        webhookEndpoint {\n          id\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": types.RotateWebhookEndpointSecretDocument,
    "\n  mutation DeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {\n    deleteWebhookEndpoint(input: $input) {\n      __typename\n      ... on DeleteWebhookEndpointPayload {\n        deletedWebhookEndpointId\n      }\n      ...ErrorFields\n    }\n  }\n": types.DeleteWebhookEndpointDocument,
    "\n  query OrganizationWebhookEndpoints($slug: String!) {\n    organization(slug: $slug) {\n      id\n      webhookEndpoints(first: 50) {\n        totalCount\n        edges {\n          node {\n            ...WebhookEndpointFields\n          }\n        }\n      }\n    }\n  }\n": types.OrganizationWebhookEndpointsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ListedKey on ApiKey {\n    id\n    name\n    level\n    status\n    prefix\n    viewerCanManage\n    project { id name }\n    projectAccess { all projects { id name } }\n    scopes { scope workflows { id name } }\n    owner { id email }\n  }\n"): (typeof documents)["\n  fragment ListedKey on ApiKey {\n    id\n    name\n    level\n    status\n    prefix\n    viewerCanManage\n    project { id name }\n    projectAccess { all projects { id name } }\n    scopes { scope workflows { id name } }\n    owner { id email }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ListQueriesOrganizationKeys($slug: String!) {\n    organization(slug: $slug) {\n      apiKeys(first: 20) {\n        totalCount\n        edges { node { ...ListedKey } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ListQueriesOrganizationKeys($slug: String!) {\n    organization(slug: $slug) {\n      apiKeys(first: 20) {\n        totalCount\n        edges { node { ...ListedKey } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ListQueriesProjectKeys($slug: String!, $project: String!) {\n    organization(slug: $slug) {\n      project(slug: $project) {\n        apiKeys(first: 20) {\n          totalCount\n          edges { inherited viewerCanManage node { ...ListedKey } }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ListQueriesProjectKeys($slug: String!, $project: String!) {\n    organization(slug: $slug) {\n      project(slug: $project) {\n        apiKeys(first: 20) {\n          totalCount\n          edges { inherited viewerCanManage node { ...ListedKey } }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FirstRunOrganization($slug: String!) {\n    organization(slug: $slug) {\n      id\n      slug\n    }\n  }\n"): (typeof documents)["\n  query FirstRunOrganization($slug: String!) {\n    organization(slug: $slug) {\n      id\n      slug\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IdsNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n    }\n  }\n"): (typeof documents)["\n  query IdsNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IdsCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      __typename\n      ... on ProjectPayload {\n        project {\n          id\n        }\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation IdsCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      __typename\n      ... on ProjectPayload {\n        project {\n          id\n        }\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IdsAuditTrail($slug: String!, $filter: AuditEventFilter) {\n    organization(slug: $slug) {\n      auditEvents(filter: $filter) {\n        edges {\n          node {\n            action\n            targetType\n            targetId\n            changes\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query IdsAuditTrail($slug: String!, $filter: AuditEventFilter) {\n    organization(slug: $slug) {\n      auditEvents(filter: $filter) {\n        edges {\n          node {\n            action\n            targetType\n            targetId\n            changes\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ErrorFields on Error {\n    __typename\n    message\n    ... on ValidationError {\n      issues {\n        path\n        message\n      }\n    }\n    ... on NotFoundError {\n      resource\n    }\n    ... on BulkOperationError {\n      failures {\n        id\n        reason\n        message\n      }\n    }\n    ... on UpgradeRequiredError {\n      currentPlan\n      requiredPlans\n    }\n  }\n"): (typeof documents)["\n  fragment ErrorFields on Error {\n    __typename\n    message\n    ... on ValidationError {\n      issues {\n        path\n        message\n      }\n    }\n    ... on NotFoundError {\n      resource\n    }\n    ... on BulkOperationError {\n      failures {\n        id\n        reason\n        message\n      }\n    }\n    ... on UpgradeRequiredError {\n      currentPlan\n      requiredPlans\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KeyFields on ApiKey {\n    id\n    name\n    note\n    level\n    prefix\n    status\n    expiryPolicy\n    expiresAt\n    graceEndsAt\n    usageCount\n    lastUsedAt\n    viewerCanManage\n    scopes {\n      scope\n      workflows {\n        id\n      }\n    }\n    projectAccess {\n      all\n      projects {\n        id\n      }\n    }\n    project {\n      id\n    }\n    owner {\n      id\n    }\n    rotatedFrom {\n      id\n    }\n    rotatedTo {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment KeyFields on ApiKey {\n    id\n    name\n    note\n    level\n    prefix\n    status\n    expiryPolicy\n    expiresAt\n    graceEndsAt\n    usageCount\n    lastUsedAt\n    viewerCanManage\n    scopes {\n      scope\n      workflows {\n        id\n      }\n    }\n    projectAccess {\n      all\n      projects {\n        id\n      }\n    }\n    project {\n      id\n    }\n    owner {\n      id\n    }\n    rotatedFrom {\n      id\n    }\n    rotatedTo {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      subject\n      isOperator\n      user {\n        id\n        email\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      subject\n      isOperator\n      user {\n        id\n        email\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      __typename\n      ... on OrganizationPayload {\n        organization {\n          id\n          name\n          slug\n          plan\n          viewerRole\n          members {\n            edges {\n              node {\n                role\n                user {\n                  email\n                }\n              }\n            }\n          }\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      __typename\n      ... on OrganizationPayload {\n        organization {\n          id\n          name\n          slug\n          plan\n          viewerRole\n          members {\n            edges {\n              node {\n                role\n                user {\n                  email\n                }\n              }\n            }\n          }\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      __typename\n      ... on OrganizationPayload {\n        organization {\n          id\n          name\n          maxKeyLifetimeDays\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      __typename\n      ... on OrganizationPayload {\n        organization {\n          id\n          name\n          maxKeyLifetimeDays\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetOrganizationPlan($input: SetOrganizationPlanInput!) {\n    setOrganizationPlan(input: $input) {\n      __typename\n      ... on OrganizationPayload {\n        organization {\n          plan\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetOrganizationPlan($input: SetOrganizationPlanInput!) {\n    setOrganizationPlan(input: $input) {\n      __typename\n      ... on OrganizationPayload {\n        organization {\n          plan\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationBySlug($slug: String!) {\n    organization(slug: $slug) {\n      id\n      name\n      projects {\n        edges {\n          node {\n            id\n            slug\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganizationBySlug($slug: String!) {\n    organization(slug: $slug) {\n      id\n      name\n      projects {\n        edges {\n          node {\n            id\n            slug\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Members($slug: String!) {\n    organization(slug: $slug) {\n      members {\n        edges {\n          node {\n            id\n            role\n            user {\n              id\n              email\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Members($slug: String!) {\n    organization(slug: $slug) {\n      members {\n        edges {\n          node {\n            id\n            role\n            user {\n              id\n              email\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      __typename\n      ... on MemberPayload {\n        member {\n          id\n          role\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation AddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      __typename\n      ... on MemberPayload {\n        member {\n          id\n          role\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMember($input: UpdateMemberInput!) {\n    updateMember(input: $input) {\n      __typename\n      ... on MemberPayload {\n        member {\n          id\n          role\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMember($input: UpdateMemberInput!) {\n    updateMember(input: $input) {\n      __typename\n      ... on MemberPayload {\n        member {\n          id\n          role\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      __typename\n      ... on RemoveMemberPayload {\n        removedMemberId\n      }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      __typename\n      ... on RemoveMemberPayload {\n        removedMemberId\n      }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Nodes($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n    }\n  }\n"): (typeof documents)["\n  query Nodes($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectBySlug($slug: String!, $projectSlug: String!) {\n    organization(slug: $slug) {\n      project(slug: $projectSlug) {\n        id\n        slug\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProjectBySlug($slug: String!, $projectSlug: String!) {\n    organization(slug: $slug) {\n      project(slug: $projectSlug) {\n        id\n        slug\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      __typename\n      ... on ProjectPayload {\n        project {\n          id\n          slug\n          name\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      __typename\n      ... on ProjectPayload {\n        project {\n          id\n          slug\n          name\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProject($input: UpdateProjectInput!) {\n    updateProject(input: $input) {\n      __typename\n      ... on ProjectPayload {\n        project {\n          id\n          slug\n          name\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProject($input: UpdateProjectInput!) {\n    updateProject(input: $input) {\n      __typename\n      ... on ProjectPayload {\n        project {\n          id\n          slug\n          name\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteProject($input: DeleteProjectInput!) {\n    deleteProject(input: $input) {\n      __typename\n      ... on DeleteProjectPayload {\n        deletedProjectId\n      }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteProject($input: DeleteProjectInput!) {\n    deleteProject(input: $input) {\n      __typename\n      ... on DeleteProjectPayload {\n        deletedProjectId\n      }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      __typename\n      ... on WorkflowPayload {\n        workflow {\n          id\n          slug\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      __typename\n      ... on WorkflowPayload {\n        workflow {\n          id\n          slug\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWorkflow($input: UpdateWorkflowInput!) {\n    updateWorkflow(input: $input) {\n      __typename\n      ... on WorkflowPayload {\n        workflow {\n          id\n          slug\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateWorkflow($input: UpdateWorkflowInput!) {\n    updateWorkflow(input: $input) {\n      __typename\n      ... on WorkflowPayload {\n        workflow {\n          id\n          slug\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWorkflow($input: DeleteWorkflowInput!) {\n    deleteWorkflow(input: $input) {\n      __typename\n      ... on DeleteWorkflowPayload {\n        deletedWorkflowId\n      }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteWorkflow($input: DeleteWorkflowInput!) {\n    deleteWorkflow(input: $input) {\n      __typename\n      ... on DeleteWorkflowPayload {\n        deletedWorkflowId\n      }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Node($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Project {\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Node($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Project {\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProjectApiKey($input: CreateProjectApiKeyInput!) {\n    createProjectApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeyPayload {\n        secret\n        apiKey {\n          ...KeyFields\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProjectApiKey($input: CreateProjectApiKeyInput!) {\n    createProjectApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeyPayload {\n        secret\n        apiKey {\n          ...KeyFields\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrganizationApiKey($input: CreateOrganizationApiKeyInput!) {\n    createOrganizationApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeyPayload {\n        secret\n        apiKey {\n          ...KeyFields\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateOrganizationApiKey($input: CreateOrganizationApiKeyInput!) {\n    createOrganizationApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeyPayload {\n        secret\n        apiKey {\n          ...KeyFields\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateApiKey($input: UpdateApiKeyInput!) {\n    updateApiKey(input: $input) {\n      __typename\n      ... on UpdateApiKeyPayload {\n        apiKey {\n          ...KeyFields\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateApiKey($input: UpdateApiKeyInput!) {\n    updateApiKey(input: $input) {\n      __typename\n      ... on UpdateApiKeyPayload {\n        apiKey {\n          ...KeyFields\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateApiKey($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) {\n      __typename\n      ... on RotateApiKeyPayload {\n        secret\n        apiKey {\n          ...KeyFields\n        }\n        previousApiKey {\n          ...KeyFields\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation RotateApiKey($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) {\n      __typename\n      ... on RotateApiKeyPayload {\n        secret\n        apiKey {\n          ...KeyFields\n        }\n        previousApiKey {\n          ...KeyFields\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n      ... on RevokeApiKeyPayload {\n        apiKey {\n          ...KeyFields\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n      ... on RevokeApiKeyPayload {\n        apiKey {\n          ...KeyFields\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteApiKey($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) {\n      __typename\n      ... on DeleteApiKeyPayload {\n        deletedApiKeyId\n      }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteApiKey($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) {\n      __typename\n      ... on DeleteApiKeyPayload {\n        deletedApiKeyId\n      }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteApiKeys($input: DeleteApiKeysInput!) {\n    deleteApiKeys(input: $input) {\n      __typename\n      ... on DeleteApiKeysPayload {\n        deletedApiKeyIds\n      }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteApiKeys($input: DeleteApiKeysInput!) {\n    deleteApiKeys(input: $input) {\n      __typename\n      ... on DeleteApiKeysPayload {\n        deletedApiKeyIds\n      }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeyNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on ApiKey {\n        ...KeyFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApiKeyNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on ApiKey {\n        ...KeyFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationApiKeys($slug: String!, $filter: ApiKeyFilter, $orderBy: ApiKeyOrder, $first: Int, $after: String) {\n    organization(slug: $slug) {\n      apiKeys(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...KeyFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganizationApiKeys($slug: String!, $filter: ApiKeyFilter, $orderBy: ApiKeyOrder, $first: Int, $after: String) {\n    organization(slug: $slug) {\n      apiKeys(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...KeyFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectApiKeys($id: ID!, $filter: ApiKeyFilter, $orderBy: ApiKeyOrder) {\n    node(id: $id) {\n      ... on Project {\n        apiKeys(filter: $filter, orderBy: $orderBy) {\n          edges {\n            inherited\n            viewerCanManage\n            node {\n              id\n              level\n              name\n              viewerCanManage\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProjectApiKeys($id: ID!, $filter: ApiKeyFilter, $orderBy: ApiKeyOrder) {\n    node(id: $id) {\n      ... on Project {\n        apiKeys(filter: $filter, orderBy: $orderBy) {\n          edges {\n            inherited\n            viewerCanManage\n            node {\n              id\n              level\n              name\n              viewerCanManage\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TriggerWorkflow($input: TriggerWorkflowInput!) {\n    triggerWorkflow(input: $input) {\n      __typename\n      ... on TriggerWorkflowPayload {\n        replayed\n        execution {\n          id\n          status\n          payload\n          workflowId\n          triggeredByKeyPrefix\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation TriggerWorkflow($input: TriggerWorkflowInput!) {\n    triggerWorkflow(input: $input) {\n      __typename\n      ... on TriggerWorkflowPayload {\n        replayed\n        execution {\n          id\n          status\n          payload\n          workflowId\n          triggeredByKeyPrefix\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CurrentApiKey {\n    currentApiKey {\n      name\n      prefix\n      level\n      allProjects\n      projectIds\n      expiryPolicy\n      scopes {\n        scope\n        workflowIds\n      }\n    }\n  }\n"): (typeof documents)["\n  query CurrentApiKey {\n    currentApiKey {\n      name\n      prefix\n      level\n      allProjects\n      projectIds\n      expiryPolicy\n      scopes {\n        scope\n        workflowIds\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkflowExecution($id: ID!) {\n    workflowExecution(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  query WorkflowExecution($id: ID!) {\n    workflowExecution(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents($slug: String!, $filter: AuditEventFilter) {\n    organization(slug: $slug) {\n      auditEvents(filter: $filter) {\n        edges {\n          node {\n            id\n            action\n            targetType\n            targetId\n            changes\n            requestId\n            actorLabel\n            actor {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditEvents($slug: String!, $filter: AuditEventFilter) {\n    organization(slug: $slug) {\n      auditEvents(filter: $filter) {\n        edges {\n          node {\n            id\n            action\n            targetType\n            targetId\n            changes\n            requestId\n            actorLabel\n            actor {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEventNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on AuditEvent {\n        id\n        action\n        changes\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditEventNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on AuditEvent {\n        id\n        action\n        changes\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectExecutions($id: ID!) {\n    node(id: $id) {\n      ... on Project {\n        executions {\n          edges {\n            node {\n              id\n              status\n              triggeredByKeyPrefix\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProjectExecutions($id: ID!) {\n    node(id: $id) {\n      ... on Project {\n        executions {\n          edges {\n            node {\n              id\n              status\n              triggeredByKeyPrefix\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeyAddresses($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on ApiKey {\n        id\n        ipAllowlist\n        lastUsedAddresses {\n          address\n          lastSeenAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApiKeyAddresses($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on ApiKey {\n        id\n        ipAllowlist\n        lastUsedAddresses {\n          address\n          lastSeenAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CurrentApiKeyAllowlist {\n    currentApiKey {\n      prefix\n      ipAllowlist\n    }\n  }\n"): (typeof documents)["\n  query CurrentApiKeyAllowlist {\n    currentApiKey {\n      prefix\n      ipAllowlist\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeyUsage($id: ID!, $granularity: UsageGranularity!, $last: Int!, $before: DateTime) {\n    node(id: $id) {\n      __typename\n      ... on ApiKey {\n        usageCount\n        usage(granularity: $granularity, last: $last, before: $before) {\n          start\n          count\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApiKeyUsage($id: ID!, $granularity: UsageGranularity!, $last: Int!, $before: DateTime) {\n    node(id: $id) {\n      __typename\n      ... on ApiKey {\n        usageCount\n        usage(granularity: $granularity, last: $last, before: $before) {\n          start\n          count\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    events\n    enabled\n    recentDeliveries {\n      id\n      webhookId\n      eventType\n      status\n      attempts\n      responseStatus\n      durationMs\n      lastError\n      nextAttemptAt\n    }\n  }\n"): (typeof documents)["\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    events\n    enabled\n    recentDeliveries {\n      id\n      webhookId\n      eventType\n      status\n      attempts\n      responseStatus\n      durationMs\n      lastError\n      nextAttemptAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      __typename\n      ... on CreateWebhookEndpointPayload {\n        secret\n        webhookEndpoint {\n          ...WebhookEndpointFields\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      __typename\n      ... on CreateWebhookEndpointPayload {\n        secret\n        webhookEndpoint {\n          ...WebhookEndpointFields\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      __typename\n      ... on WebhookEndpointPayload {\n        webhookEndpoint {\n          ...WebhookEndpointFields\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      __typename\n      ... on WebhookEndpointPayload {\n        webhookEndpoint {\n          ...WebhookEndpointFields\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWebhookEndpointSecret($input: RotateWebhookEndpointSecretInput!) {\n    rotateWebhookEndpointSecret(input: $input) {\n      __typename\n      ... on RotateWebhookEndpointSecretPayload {\n        secret\n        webhookEndpoint {\n          id\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation RotateWebhookEndpointSecret($input: RotateWebhookEndpointSecretInput!) {\n    rotateWebhookEndpointSecret(input: $input) {\n      __typename\n      ... on RotateWebhookEndpointSecretPayload {\n        secret\n        webhookEndpoint {\n          id\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {\n    deleteWebhookEndpoint(input: $input) {\n      __typename\n      ... on DeleteWebhookEndpointPayload {\n        deletedWebhookEndpointId\n      }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {\n    deleteWebhookEndpoint(input: $input) {\n      __typename\n      ... on DeleteWebhookEndpointPayload {\n        deletedWebhookEndpointId\n      }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationWebhookEndpoints($slug: String!) {\n    organization(slug: $slug) {\n      id\n      webhookEndpoints(first: 50) {\n        totalCount\n        edges {\n          node {\n            ...WebhookEndpointFields\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganizationWebhookEndpoints($slug: String!) {\n    organization(slug: $slug) {\n      id\n      webhookEndpoints(first: 50) {\n        totalCount\n        edges {\n          node {\n            ...WebhookEndpointFields\n          }\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;