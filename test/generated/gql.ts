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
    "\n  query KeysOrgKeys($slug: String!, $filter: ApiKeyFilter, $orderBy: ApiKeyOrder, $first: Int, $after: String) {\n    organization(slug: $slug) {\n      apiKeys(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...KeyFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.KeysOrgKeysDocument,
    "\n  query KeysProjectKeys($id: ID!) {\n    node(id: $id) {\n      ... on Project {\n        apiKeys {\n          edges {\n            inherited\n            viewerCanManage\n            node {\n              id\n              level\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.KeysProjectKeysDocument,
    "\n  query KeysNode($id: ID!) {\n    node(id: $id) {\n      ... on ApiKey {\n        ...KeyFields\n      }\n    }\n  }\n": typeof types.KeysNodeDocument,
    "\n  query KeysAudit($slug: String!, $filter: AuditEventFilter) {\n    organization(slug: $slug) {\n      auditEvents(filter: $filter) {\n        edges {\n          node {\n            action\n            targetType\n            targetId\n            changes\n            requestId\n            actorLabel\n            actor {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.KeysAuditDocument,
    "\n  mutation KeysUpdate($input: UpdateApiKeyInput!) {\n    updateApiKey(input: $input) {\n      __typename\n      ... on UpdateApiKeyPayload {\n        apiKey {\n          ...KeyFields\n        }\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.KeysUpdateDocument,
    "\n  mutation KeysRotate($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) {\n      __typename\n      ... on RotateApiKeyPayload {\n        secret\n        apiKey {\n          ...KeyFields\n        }\n        previousApiKey {\n          ...KeyFields\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.KeysRotateDocument,
    "\n  mutation KeysRevoke($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n      ... on RevokeApiKeyPayload {\n        apiKey {\n          status\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.KeysRevokeDocument,
    "\n  mutation KeysDelete($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) {\n      __typename\n      ... on DeleteApiKeyPayload {\n        deletedApiKeyId\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.KeysDeleteDocument,
    "\n  mutation KeysBulkDelete($input: DeleteApiKeysInput!) {\n    deleteApiKeys(input: $input) {\n      __typename\n      ... on DeleteApiKeysPayload {\n        deletedApiKeyIds\n      }\n      ... on BulkOperationError {\n        failures {\n          id\n          reason\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.KeysBulkDeleteDocument,
    "\n  mutation KeysUpdateOrg($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      __typename\n    }\n  }\n": typeof types.KeysUpdateOrgDocument,
    "\n      mutation KeysDowngrade($input: SetOrganizationPlanInput!) {\n        setOrganizationPlan(input: $input) {\n          __typename\n        }\n      }\n    ": typeof types.KeysDowngradeDocument,
    "\n  query AuthViewer {\n    viewer {\n      subject\n      isOperator\n      user {\n        id\n        email\n        name\n      }\n    }\n  }\n": typeof types.AuthViewerDocument,
    "\n  fragment BadErrorFields on Error {\n    __typename\n    message\n    ... on ValidationError {\n      issues {\n        path\n        message\n      }\n    }\n    ... on NotFoundError {\n      resource\n    }\n    ... on BulkOperationError {\n      failures {\n        id\n        reason\n        message\n      }\n    }\n    ... on UpgradeRequiredError {\n      currentPlan\n      requiredPlans\n    }\n  }\n": typeof types.BadErrorFieldsFragmentDoc,
    "\n    mutation BadCreateOrganization($input: CreateOrganizationInput!) {\n      createOrganization(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": typeof types.BadCreateOrganizationDocument,
    "\n    mutation BadUpdateOrganization($input: UpdateOrganizationInput!) {\n      updateOrganization(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": typeof types.BadUpdateOrganizationDocument,
    "\n    mutation BadSetOrganizationPlan($input: SetOrganizationPlanInput!) {\n      setOrganizationPlan(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": typeof types.BadSetOrganizationPlanDocument,
    "\n    mutation BadAddMember($input: AddMemberInput!) {\n      addMember(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": typeof types.BadAddMemberDocument,
    "\n    mutation BadUpdateMember($input: UpdateMemberInput!) {\n      updateMember(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": typeof types.BadUpdateMemberDocument,
    "\n    mutation BadRemoveMember($input: RemoveMemberInput!) {\n      removeMember(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": typeof types.BadRemoveMemberDocument,
    "\n    mutation BadCreateProject($input: CreateProjectInput!) {\n      createProject(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": typeof types.BadCreateProjectDocument,
    "\n    mutation BadUpdateProject($input: UpdateProjectInput!) {\n      updateProject(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": typeof types.BadUpdateProjectDocument,
    "\n    mutation BadDeleteProject($input: DeleteProjectInput!) {\n      deleteProject(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": typeof types.BadDeleteProjectDocument,
    "\n    mutation BadCreateWorkflow($input: CreateWorkflowInput!) {\n      createWorkflow(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": typeof types.BadCreateWorkflowDocument,
    "\n    mutation BadUpdateWorkflow($input: UpdateWorkflowInput!) {\n      updateWorkflow(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": typeof types.BadUpdateWorkflowDocument,
    "\n    mutation BadDeleteWorkflow($input: DeleteWorkflowInput!) {\n      deleteWorkflow(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": typeof types.BadDeleteWorkflowDocument,
    "\n    mutation BadCreateProjectApiKey($input: CreateProjectApiKeyInput!) {\n      createProjectApiKey(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": typeof types.BadCreateProjectApiKeyDocument,
    "\n    mutation BadCreateOrganizationApiKey($input: CreateOrganizationApiKeyInput!) {\n      createOrganizationApiKey(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": typeof types.BadCreateOrganizationApiKeyDocument,
    "\n    mutation BadUpdateApiKey($input: UpdateApiKeyInput!) {\n      updateApiKey(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": typeof types.BadUpdateApiKeyDocument,
    "\n    mutation BadRotateApiKey($input: RotateApiKeyInput!) {\n      rotateApiKey(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": typeof types.BadRotateApiKeyDocument,
    "\n    mutation BadRevokeApiKey($input: RevokeApiKeyInput!) {\n      revokeApiKey(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": typeof types.BadRevokeApiKeyDocument,
    "\n    mutation BadDeleteApiKey($input: DeleteApiKeyInput!) {\n      deleteApiKey(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": typeof types.BadDeleteApiKeyDocument,
    "\n    mutation BadDeleteApiKeys($input: DeleteApiKeysInput!) {\n      deleteApiKeys(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": typeof types.BadDeleteApiKeysDocument,
    "\n    mutation BadTriggerWorkflow($input: TriggerWorkflowInput!) {\n      triggerWorkflow(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": typeof types.BadTriggerWorkflowDocument,
    "\n  mutation BadSetupUpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      __typename\n    }\n  }\n": typeof types.BadSetupUpdateOrganizationDocument,
    "\n  mutation BadSetupRevoke($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n    }\n  }\n": typeof types.BadSetupRevokeDocument,
    "\n  query XtNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n    }\n  }\n": typeof types.XtNodeDocument,
    "\n  query XtNodes($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n    }\n  }\n": typeof types.XtNodesDocument,
    "\n  query XtOrganization($slug: String!) {\n    organization(slug: $slug) {\n      id\n    }\n  }\n": typeof types.XtOrganizationDocument,
    "\n  query XtOrganizationProject($slug: String!, $projectSlug: String!) {\n    organization(slug: $slug) {\n      project(slug: $projectSlug) {\n        id\n      }\n    }\n  }\n": typeof types.XtOrganizationProjectDocument,
    "\n  query XtOrganizationKeys($slug: String!, $filter: ApiKeyFilter) {\n    organization(slug: $slug) {\n      apiKeys(filter: $filter) {\n        edges {\n          node {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.XtOrganizationKeysDocument,
    "\n  query XtProjectKeys($id: ID!, $filter: ApiKeyFilter) {\n    node(id: $id) {\n      ... on Project {\n        apiKeys(filter: $filter) {\n          edges {\n            node {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.XtProjectKeysDocument,
    "\n  query XtAuditEvents($slug: String!, $filter: AuditEventFilter) {\n    organization(slug: $slug) {\n      auditEvents(filter: $filter) {\n        edges {\n          node {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.XtAuditEventsDocument,
    "\n  mutation XtUpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      __typename\n      ... on OrganizationPayload {\n        organization {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.XtUpdateOrganizationDocument,
    "\n  mutation XtAddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      __typename\n      ... on MemberPayload {\n        member {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.XtAddMemberDocument,
    "\n  mutation XtUpdateMember($input: UpdateMemberInput!) {\n    updateMember(input: $input) {\n      __typename\n      ... on MemberPayload {\n        member {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.XtUpdateMemberDocument,
    "\n  mutation XtRemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      __typename\n      ... on RemoveMemberPayload {\n        removedMemberId\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.XtRemoveMemberDocument,
    "\n  mutation XtCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      __typename\n      ... on ProjectPayload {\n        project {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.XtCreateProjectDocument,
    "\n  mutation XtUpdateProject($input: UpdateProjectInput!) {\n    updateProject(input: $input) {\n      __typename\n      ... on ProjectPayload {\n        project {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.XtUpdateProjectDocument,
    "\n  mutation XtDeleteProject($input: DeleteProjectInput!) {\n    deleteProject(input: $input) {\n      __typename\n      ... on DeleteProjectPayload {\n        deletedProjectId\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.XtDeleteProjectDocument,
    "\n  mutation XtCreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      __typename\n      ... on WorkflowPayload {\n        workflow {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.XtCreateWorkflowDocument,
    "\n  mutation XtUpdateWorkflow($input: UpdateWorkflowInput!) {\n    updateWorkflow(input: $input) {\n      __typename\n      ... on WorkflowPayload {\n        workflow {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.XtUpdateWorkflowDocument,
    "\n  mutation XtDeleteWorkflow($input: DeleteWorkflowInput!) {\n    deleteWorkflow(input: $input) {\n      __typename\n      ... on DeleteWorkflowPayload {\n        deletedWorkflowId\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.XtDeleteWorkflowDocument,
    "\n  mutation XtCreateProjectKey($input: CreateProjectApiKeyInput!) {\n    createProjectApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeyPayload {\n        apiKey {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.XtCreateProjectKeyDocument,
    "\n  mutation XtCreateOrgKey($input: CreateOrganizationApiKeyInput!) {\n    createOrganizationApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeyPayload {\n        apiKey {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.XtCreateOrgKeyDocument,
    "\n  mutation XtUpdateKey($input: UpdateApiKeyInput!) {\n    updateApiKey(input: $input) {\n      __typename\n      ... on UpdateApiKeyPayload {\n        apiKey {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.XtUpdateKeyDocument,
    "\n  mutation XtRotateKey($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) {\n      __typename\n      ... on RotateApiKeyPayload {\n        apiKey {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.XtRotateKeyDocument,
    "\n  mutation XtRevokeKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n      ... on RevokeApiKeyPayload {\n        apiKey {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.XtRevokeKeyDocument,
    "\n  mutation XtDeleteKey($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) {\n      __typename\n      ... on DeleteApiKeyPayload {\n        deletedApiKeyId\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.XtDeleteKeyDocument,
    "\n  mutation XtDeleteKeys($input: DeleteApiKeysInput!) {\n    deleteApiKeys(input: $input) {\n      __typename\n      ... on DeleteApiKeysPayload {\n        deletedApiKeyIds\n      }\n      ... on BulkOperationError {\n        failures {\n          id\n          reason\n          message\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.XtDeleteKeysDocument,
    "\n  mutation XtTrigger($input: TriggerWorkflowInput!) {\n    triggerWorkflow(input: $input) {\n      __typename\n      ... on TriggerWorkflowPayload {\n        execution {\n          id\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.XtTriggerDocument,
    "\n  query XtReadExecution($id: ID!) {\n    workflowExecution(id: $id) {\n      id\n    }\n  }\n": typeof types.XtReadExecutionDocument,
    "\n  mutation FaultTrigger($input: TriggerWorkflowInput!) {\n    triggerWorkflow(input: $input) {\n      __typename\n    }\n  }\n": typeof types.FaultTriggerDocument,
    "\n  mutation FaultCreateOrgKey($input: CreateOrganizationApiKeyInput!) {\n    createOrganizationApiKey(input: $input) {\n      __typename\n    }\n  }\n": typeof types.FaultCreateOrgKeyDocument,
    "\n  mutation FaultCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      __typename\n    }\n  }\n": typeof types.FaultCreateProjectDocument,
    "\n  mutation HardRotate($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) {\n      __typename\n      ... on RotateApiKeyPayload {\n        apiKey {\n          id\n        }\n      }\n    }\n  }\n": typeof types.HardRotateDocument,
    "\n  mutation HardDelete($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) {\n      __typename\n    }\n  }\n": typeof types.HardDeleteDocument,
    "\n  mutation HardTrigger($input: TriggerWorkflowInput!) {\n    triggerWorkflow(input: $input) {\n      __typename\n    }\n  }\n": typeof types.HardTriggerDocument,
    "\n  query HardViewer {\n    viewer {\n      subject\n    }\n  }\n": typeof types.HardViewerDocument,
    "\n  mutation AuthTrigger($input: TriggerWorkflowInput!) {\n    triggerWorkflow(input: $input) {\n      __typename\n      ... on TriggerWorkflowPayload {\n        replayed\n        execution {\n          id\n          status\n          payload\n          workflowId\n          triggeredByKeyPrefix\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.AuthTriggerDocument,
    "\n  query AuthReadExecution($id: ID!) {\n    workflowExecution(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.AuthReadExecutionDocument,
    "\n  query AuthCurrentKey {\n    currentApiKey {\n      name\n      prefix\n      level\n      allProjects\n      projectIds\n      expiryPolicy\n      scopes {\n        scope\n        workflowIds\n      }\n    }\n  }\n": typeof types.AuthCurrentKeyDocument,
    "\n  query AuthViewerAsKey {\n    viewer {\n      subject\n    }\n  }\n": typeof types.AuthViewerAsKeyDocument,
    "\n  query AuthProjectExecutions($id: ID!) {\n    node(id: $id) {\n      ... on Project {\n        executions {\n          edges {\n            node {\n              id\n              triggeredByKeyPrefix\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.AuthProjectExecutionsDocument,
    "\n  mutation AuthRevoke($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n    }\n  }\n": typeof types.AuthRevokeDocument,
    "\n  mutation AuthUpdate($input: UpdateApiKeyInput!) {\n    updateApiKey(input: $input) {\n      __typename\n    }\n  }\n": typeof types.AuthUpdateDocument,
    "\n  mutation AuthDelete($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) {\n      __typename\n    }\n  }\n": typeof types.AuthDeleteDocument,
    "\n  mutation AuthRotate($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) {\n      __typename\n      ... on RotateApiKeyPayload {\n        secret\n      }\n    }\n  }\n": typeof types.AuthRotateDocument,
    "\n  mutation AuthSetPlan($input: SetOrganizationPlanInput!) {\n    setOrganizationPlan(input: $input) {\n      __typename\n    }\n  }\n": typeof types.AuthSetPlanDocument,
    "\n      mutation AuthMoveAccess($input: UpdateApiKeyInput!) {\n        updateApiKey(input: $input) {\n          __typename\n        }\n      }\n    ": typeof types.AuthMoveAccessDocument,
    "\n      query AuthKeyUsage($id: ID!) {\n        node(id: $id) {\n          ... on ApiKey {\n            usageCount\n            lastUsedAt\n          }\n        }\n      }\n    ": typeof types.AuthKeyUsageDocument,
    "\n  query MultiCurrentKey {\n    currentApiKey {\n      prefix\n    }\n  }\n": typeof types.MultiCurrentKeyDocument,
    "\n  mutation MultiRevoke($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n    }\n  }\n": typeof types.MultiRevokeDocument,
    "\n  mutation MultiDelete($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) {\n      __typename\n    }\n  }\n": typeof types.MultiDeleteDocument,
    "\n  mutation MultiUpdate($input: UpdateApiKeyInput!) {\n    updateApiKey(input: $input) {\n      __typename\n    }\n  }\n": typeof types.MultiUpdateDocument,
    "\n  mutation MultiRotate($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) {\n      __typename\n      ... on RotateApiKeyPayload {\n        secret\n      }\n    }\n  }\n": typeof types.MultiRotateDocument,
    "\n  mutation MultiSetPlan($input: SetOrganizationPlanInput!) {\n    setOrganizationPlan(input: $input) {\n      __typename\n    }\n  }\n": typeof types.MultiSetPlanDocument,
    "\n  mutation MultiTrigger($input: TriggerWorkflowInput!) {\n    triggerWorkflow(input: $input) {\n      __typename\n    }\n  }\n": typeof types.MultiTriggerDocument,
    "\n  mutation OrgCreate($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      __typename\n      ... on OrganizationPayload {\n        organization {\n          id\n          name\n          slug\n          plan\n          viewerRole\n          members {\n            edges {\n              node {\n                role\n                user {\n                  email\n                }\n              }\n            }\n          }\n        }\n      }\n      ... on ValidationError {\n        message\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.OrgCreateDocument,
    "\n  query OrgBySlug($slug: String!) {\n    organization(slug: $slug) {\n      id\n      name\n      projects {\n        edges {\n          node {\n            id\n            slug\n          }\n        }\n      }\n    }\n  }\n": typeof types.OrgBySlugDocument,
    "\n  mutation OrgCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      __typename\n      ... on ProjectPayload {\n        project {\n          id\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.OrgCreateProjectDocument,
    "\n  mutation OrgUpdateProject($input: UpdateProjectInput!) {\n    updateProject(input: $input) {\n      __typename\n      ... on ProjectPayload {\n        project {\n          id\n          name\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.OrgUpdateProjectDocument,
    "\n  query OrgNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Project {\n        name\n      }\n    }\n  }\n": typeof types.OrgNodeDocument,
    "\n  mutation OrgRemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      __typename\n      ... on RemoveMemberPayload {\n        removedMemberId\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.OrgRemoveMemberDocument,
    "\n  mutation OrgUpdateMember($input: UpdateMemberInput!) {\n    updateMember(input: $input) {\n      __typename\n      ... on MemberPayload {\n        member {\n          role\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.OrgUpdateMemberDocument,
    "\n  query OrgMembers($slug: String!) {\n    organization(slug: $slug) {\n      members {\n        edges {\n          node {\n            id\n            role\n            user {\n              email\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.OrgMembersDocument,
    "\n  mutation OrgSetPlan($input: SetOrganizationPlanInput!) {\n    setOrganizationPlan(input: $input) {\n      __typename\n      ... on OrganizationPayload {\n        organization {\n          plan\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.OrgSetPlanDocument,
    "\n  query ServerOrgBySlug($slug: String!) {\n    organization(slug: $slug) {\n      name\n    }\n  }\n": typeof types.ServerOrgBySlugDocument,
    "\n  mutation ServerCreateOrg($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      __typename\n    }\n  }\n": typeof types.ServerCreateOrgDocument,
    "\n  query ServerViewer {\n    viewer {\n      subject\n    }\n  }\n": typeof types.ServerViewerDocument,
    "\n  query FixtureViewer {\n    viewer {\n      user {\n        id\n        email\n      }\n    }\n  }\n": typeof types.FixtureViewerDocument,
    "\n  mutation FixtureCreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      __typename\n      ... on OrganizationPayload {\n        organization {\n          id\n          slug\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.FixtureCreateOrganizationDocument,
    "\n  mutation FixtureSetPlan($input: SetOrganizationPlanInput!) {\n    setOrganizationPlan(input: $input) {\n      __typename\n      ... on OrganizationPayload {\n        organization {\n          plan\n        }\n      }\n    }\n  }\n": typeof types.FixtureSetPlanDocument,
    "\n  mutation FixtureAddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      __typename\n      ... on MemberPayload {\n        member {\n          id\n          role\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.FixtureAddMemberDocument,
    "\n  mutation FixtureCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      __typename\n      ... on ProjectPayload {\n        project {\n          id\n          slug\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.FixtureCreateProjectDocument,
    "\n  mutation FixtureCreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      __typename\n      ... on WorkflowPayload {\n        workflow {\n          id\n          slug\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.FixtureCreateWorkflowDocument,
    "\n  mutation KeysCreateProjectKey($input: CreateProjectApiKeyInput!) {\n    createProjectApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeyPayload {\n        secret\n        apiKey {\n          ...KeyFields\n        }\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.KeysCreateProjectKeyDocument,
    "\n  mutation KeysCreateOrgKey($input: CreateOrganizationApiKeyInput!) {\n    createOrganizationApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeyPayload {\n        secret\n        apiKey {\n          ...KeyFields\n        }\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.KeysCreateOrgKeyDocument,
    "\n  fragment KeyFields on ApiKey {\n    id\n    name\n    note\n    level\n    prefix\n    status\n    expiryPolicy\n    expiresAt\n    graceEndsAt\n    usageCount\n    lastUsedAt\n    viewerCanManage\n    scopes {\n      scope\n      workflows {\n        id\n      }\n    }\n    projectAccess {\n      all\n      projects {\n        id\n      }\n    }\n    project {\n      id\n    }\n    owner {\n      id\n    }\n    rotatedFrom {\n      id\n    }\n    rotatedTo {\n      id\n    }\n  }\n": typeof types.KeyFieldsFragmentDoc,
};
const documents: Documents = {
    "\n  query KeysOrgKeys($slug: String!, $filter: ApiKeyFilter, $orderBy: ApiKeyOrder, $first: Int, $after: String) {\n    organization(slug: $slug) {\n      apiKeys(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...KeyFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.KeysOrgKeysDocument,
    "\n  query KeysProjectKeys($id: ID!) {\n    node(id: $id) {\n      ... on Project {\n        apiKeys {\n          edges {\n            inherited\n            viewerCanManage\n            node {\n              id\n              level\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": types.KeysProjectKeysDocument,
    "\n  query KeysNode($id: ID!) {\n    node(id: $id) {\n      ... on ApiKey {\n        ...KeyFields\n      }\n    }\n  }\n": types.KeysNodeDocument,
    "\n  query KeysAudit($slug: String!, $filter: AuditEventFilter) {\n    organization(slug: $slug) {\n      auditEvents(filter: $filter) {\n        edges {\n          node {\n            action\n            targetType\n            targetId\n            changes\n            requestId\n            actorLabel\n            actor {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n": types.KeysAuditDocument,
    "\n  mutation KeysUpdate($input: UpdateApiKeyInput!) {\n    updateApiKey(input: $input) {\n      __typename\n      ... on UpdateApiKeyPayload {\n        apiKey {\n          ...KeyFields\n        }\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.KeysUpdateDocument,
    "\n  mutation KeysRotate($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) {\n      __typename\n      ... on RotateApiKeyPayload {\n        secret\n        apiKey {\n          ...KeyFields\n        }\n        previousApiKey {\n          ...KeyFields\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.KeysRotateDocument,
    "\n  mutation KeysRevoke($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n      ... on RevokeApiKeyPayload {\n        apiKey {\n          status\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.KeysRevokeDocument,
    "\n  mutation KeysDelete($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) {\n      __typename\n      ... on DeleteApiKeyPayload {\n        deletedApiKeyId\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.KeysDeleteDocument,
    "\n  mutation KeysBulkDelete($input: DeleteApiKeysInput!) {\n    deleteApiKeys(input: $input) {\n      __typename\n      ... on DeleteApiKeysPayload {\n        deletedApiKeyIds\n      }\n      ... on BulkOperationError {\n        failures {\n          id\n          reason\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.KeysBulkDeleteDocument,
    "\n  mutation KeysUpdateOrg($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      __typename\n    }\n  }\n": types.KeysUpdateOrgDocument,
    "\n      mutation KeysDowngrade($input: SetOrganizationPlanInput!) {\n        setOrganizationPlan(input: $input) {\n          __typename\n        }\n      }\n    ": types.KeysDowngradeDocument,
    "\n  query AuthViewer {\n    viewer {\n      subject\n      isOperator\n      user {\n        id\n        email\n        name\n      }\n    }\n  }\n": types.AuthViewerDocument,
    "\n  fragment BadErrorFields on Error {\n    __typename\n    message\n    ... on ValidationError {\n      issues {\n        path\n        message\n      }\n    }\n    ... on NotFoundError {\n      resource\n    }\n    ... on BulkOperationError {\n      failures {\n        id\n        reason\n        message\n      }\n    }\n    ... on UpgradeRequiredError {\n      currentPlan\n      requiredPlans\n    }\n  }\n": types.BadErrorFieldsFragmentDoc,
    "\n    mutation BadCreateOrganization($input: CreateOrganizationInput!) {\n      createOrganization(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": types.BadCreateOrganizationDocument,
    "\n    mutation BadUpdateOrganization($input: UpdateOrganizationInput!) {\n      updateOrganization(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": types.BadUpdateOrganizationDocument,
    "\n    mutation BadSetOrganizationPlan($input: SetOrganizationPlanInput!) {\n      setOrganizationPlan(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": types.BadSetOrganizationPlanDocument,
    "\n    mutation BadAddMember($input: AddMemberInput!) {\n      addMember(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": types.BadAddMemberDocument,
    "\n    mutation BadUpdateMember($input: UpdateMemberInput!) {\n      updateMember(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": types.BadUpdateMemberDocument,
    "\n    mutation BadRemoveMember($input: RemoveMemberInput!) {\n      removeMember(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": types.BadRemoveMemberDocument,
    "\n    mutation BadCreateProject($input: CreateProjectInput!) {\n      createProject(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": types.BadCreateProjectDocument,
    "\n    mutation BadUpdateProject($input: UpdateProjectInput!) {\n      updateProject(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": types.BadUpdateProjectDocument,
    "\n    mutation BadDeleteProject($input: DeleteProjectInput!) {\n      deleteProject(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": types.BadDeleteProjectDocument,
    "\n    mutation BadCreateWorkflow($input: CreateWorkflowInput!) {\n      createWorkflow(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": types.BadCreateWorkflowDocument,
    "\n    mutation BadUpdateWorkflow($input: UpdateWorkflowInput!) {\n      updateWorkflow(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": types.BadUpdateWorkflowDocument,
    "\n    mutation BadDeleteWorkflow($input: DeleteWorkflowInput!) {\n      deleteWorkflow(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": types.BadDeleteWorkflowDocument,
    "\n    mutation BadCreateProjectApiKey($input: CreateProjectApiKeyInput!) {\n      createProjectApiKey(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": types.BadCreateProjectApiKeyDocument,
    "\n    mutation BadCreateOrganizationApiKey($input: CreateOrganizationApiKeyInput!) {\n      createOrganizationApiKey(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": types.BadCreateOrganizationApiKeyDocument,
    "\n    mutation BadUpdateApiKey($input: UpdateApiKeyInput!) {\n      updateApiKey(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": types.BadUpdateApiKeyDocument,
    "\n    mutation BadRotateApiKey($input: RotateApiKeyInput!) {\n      rotateApiKey(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": types.BadRotateApiKeyDocument,
    "\n    mutation BadRevokeApiKey($input: RevokeApiKeyInput!) {\n      revokeApiKey(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": types.BadRevokeApiKeyDocument,
    "\n    mutation BadDeleteApiKey($input: DeleteApiKeyInput!) {\n      deleteApiKey(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": types.BadDeleteApiKeyDocument,
    "\n    mutation BadDeleteApiKeys($input: DeleteApiKeysInput!) {\n      deleteApiKeys(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": types.BadDeleteApiKeysDocument,
    "\n    mutation BadTriggerWorkflow($input: TriggerWorkflowInput!) {\n      triggerWorkflow(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  ": types.BadTriggerWorkflowDocument,
    "\n  mutation BadSetupUpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      __typename\n    }\n  }\n": types.BadSetupUpdateOrganizationDocument,
    "\n  mutation BadSetupRevoke($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n    }\n  }\n": types.BadSetupRevokeDocument,
    "\n  query XtNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n    }\n  }\n": types.XtNodeDocument,
    "\n  query XtNodes($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n    }\n  }\n": types.XtNodesDocument,
    "\n  query XtOrganization($slug: String!) {\n    organization(slug: $slug) {\n      id\n    }\n  }\n": types.XtOrganizationDocument,
    "\n  query XtOrganizationProject($slug: String!, $projectSlug: String!) {\n    organization(slug: $slug) {\n      project(slug: $projectSlug) {\n        id\n      }\n    }\n  }\n": types.XtOrganizationProjectDocument,
    "\n  query XtOrganizationKeys($slug: String!, $filter: ApiKeyFilter) {\n    organization(slug: $slug) {\n      apiKeys(filter: $filter) {\n        edges {\n          node {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.XtOrganizationKeysDocument,
    "\n  query XtProjectKeys($id: ID!, $filter: ApiKeyFilter) {\n    node(id: $id) {\n      ... on Project {\n        apiKeys(filter: $filter) {\n          edges {\n            node {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n": types.XtProjectKeysDocument,
    "\n  query XtAuditEvents($slug: String!, $filter: AuditEventFilter) {\n    organization(slug: $slug) {\n      auditEvents(filter: $filter) {\n        edges {\n          node {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.XtAuditEventsDocument,
    "\n  mutation XtUpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      __typename\n      ... on OrganizationPayload {\n        organization {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.XtUpdateOrganizationDocument,
    "\n  mutation XtAddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      __typename\n      ... on MemberPayload {\n        member {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.XtAddMemberDocument,
    "\n  mutation XtUpdateMember($input: UpdateMemberInput!) {\n    updateMember(input: $input) {\n      __typename\n      ... on MemberPayload {\n        member {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.XtUpdateMemberDocument,
    "\n  mutation XtRemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      __typename\n      ... on RemoveMemberPayload {\n        removedMemberId\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.XtRemoveMemberDocument,
    "\n  mutation XtCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      __typename\n      ... on ProjectPayload {\n        project {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.XtCreateProjectDocument,
    "\n  mutation XtUpdateProject($input: UpdateProjectInput!) {\n    updateProject(input: $input) {\n      __typename\n      ... on ProjectPayload {\n        project {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.XtUpdateProjectDocument,
    "\n  mutation XtDeleteProject($input: DeleteProjectInput!) {\n    deleteProject(input: $input) {\n      __typename\n      ... on DeleteProjectPayload {\n        deletedProjectId\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.XtDeleteProjectDocument,
    "\n  mutation XtCreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      __typename\n      ... on WorkflowPayload {\n        workflow {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.XtCreateWorkflowDocument,
    "\n  mutation XtUpdateWorkflow($input: UpdateWorkflowInput!) {\n    updateWorkflow(input: $input) {\n      __typename\n      ... on WorkflowPayload {\n        workflow {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.XtUpdateWorkflowDocument,
    "\n  mutation XtDeleteWorkflow($input: DeleteWorkflowInput!) {\n    deleteWorkflow(input: $input) {\n      __typename\n      ... on DeleteWorkflowPayload {\n        deletedWorkflowId\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.XtDeleteWorkflowDocument,
    "\n  mutation XtCreateProjectKey($input: CreateProjectApiKeyInput!) {\n    createProjectApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeyPayload {\n        apiKey {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.XtCreateProjectKeyDocument,
    "\n  mutation XtCreateOrgKey($input: CreateOrganizationApiKeyInput!) {\n    createOrganizationApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeyPayload {\n        apiKey {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.XtCreateOrgKeyDocument,
    "\n  mutation XtUpdateKey($input: UpdateApiKeyInput!) {\n    updateApiKey(input: $input) {\n      __typename\n      ... on UpdateApiKeyPayload {\n        apiKey {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.XtUpdateKeyDocument,
    "\n  mutation XtRotateKey($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) {\n      __typename\n      ... on RotateApiKeyPayload {\n        apiKey {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.XtRotateKeyDocument,
    "\n  mutation XtRevokeKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n      ... on RevokeApiKeyPayload {\n        apiKey {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.XtRevokeKeyDocument,
    "\n  mutation XtDeleteKey($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) {\n      __typename\n      ... on DeleteApiKeyPayload {\n        deletedApiKeyId\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.XtDeleteKeyDocument,
    "\n  mutation XtDeleteKeys($input: DeleteApiKeysInput!) {\n    deleteApiKeys(input: $input) {\n      __typename\n      ... on DeleteApiKeysPayload {\n        deletedApiKeyIds\n      }\n      ... on BulkOperationError {\n        failures {\n          id\n          reason\n          message\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.XtDeleteKeysDocument,
    "\n  mutation XtTrigger($input: TriggerWorkflowInput!) {\n    triggerWorkflow(input: $input) {\n      __typename\n      ... on TriggerWorkflowPayload {\n        execution {\n          id\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.XtTriggerDocument,
    "\n  query XtReadExecution($id: ID!) {\n    workflowExecution(id: $id) {\n      id\n    }\n  }\n": types.XtReadExecutionDocument,
    "\n  mutation FaultTrigger($input: TriggerWorkflowInput!) {\n    triggerWorkflow(input: $input) {\n      __typename\n    }\n  }\n": types.FaultTriggerDocument,
    "\n  mutation FaultCreateOrgKey($input: CreateOrganizationApiKeyInput!) {\n    createOrganizationApiKey(input: $input) {\n      __typename\n    }\n  }\n": types.FaultCreateOrgKeyDocument,
    "\n  mutation FaultCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      __typename\n    }\n  }\n": types.FaultCreateProjectDocument,
    "\n  mutation HardRotate($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) {\n      __typename\n      ... on RotateApiKeyPayload {\n        apiKey {\n          id\n        }\n      }\n    }\n  }\n": types.HardRotateDocument,
    "\n  mutation HardDelete($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) {\n      __typename\n    }\n  }\n": types.HardDeleteDocument,
    "\n  mutation HardTrigger($input: TriggerWorkflowInput!) {\n    triggerWorkflow(input: $input) {\n      __typename\n    }\n  }\n": types.HardTriggerDocument,
    "\n  query HardViewer {\n    viewer {\n      subject\n    }\n  }\n": types.HardViewerDocument,
    "\n  mutation AuthTrigger($input: TriggerWorkflowInput!) {\n    triggerWorkflow(input: $input) {\n      __typename\n      ... on TriggerWorkflowPayload {\n        replayed\n        execution {\n          id\n          status\n          payload\n          workflowId\n          triggeredByKeyPrefix\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.AuthTriggerDocument,
    "\n  query AuthReadExecution($id: ID!) {\n    workflowExecution(id: $id) {\n      id\n      status\n    }\n  }\n": types.AuthReadExecutionDocument,
    "\n  query AuthCurrentKey {\n    currentApiKey {\n      name\n      prefix\n      level\n      allProjects\n      projectIds\n      expiryPolicy\n      scopes {\n        scope\n        workflowIds\n      }\n    }\n  }\n": types.AuthCurrentKeyDocument,
    "\n  query AuthViewerAsKey {\n    viewer {\n      subject\n    }\n  }\n": types.AuthViewerAsKeyDocument,
    "\n  query AuthProjectExecutions($id: ID!) {\n    node(id: $id) {\n      ... on Project {\n        executions {\n          edges {\n            node {\n              id\n              triggeredByKeyPrefix\n            }\n          }\n        }\n      }\n    }\n  }\n": types.AuthProjectExecutionsDocument,
    "\n  mutation AuthRevoke($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n    }\n  }\n": types.AuthRevokeDocument,
    "\n  mutation AuthUpdate($input: UpdateApiKeyInput!) {\n    updateApiKey(input: $input) {\n      __typename\n    }\n  }\n": types.AuthUpdateDocument,
    "\n  mutation AuthDelete($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) {\n      __typename\n    }\n  }\n": types.AuthDeleteDocument,
    "\n  mutation AuthRotate($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) {\n      __typename\n      ... on RotateApiKeyPayload {\n        secret\n      }\n    }\n  }\n": types.AuthRotateDocument,
    "\n  mutation AuthSetPlan($input: SetOrganizationPlanInput!) {\n    setOrganizationPlan(input: $input) {\n      __typename\n    }\n  }\n": types.AuthSetPlanDocument,
    "\n      mutation AuthMoveAccess($input: UpdateApiKeyInput!) {\n        updateApiKey(input: $input) {\n          __typename\n        }\n      }\n    ": types.AuthMoveAccessDocument,
    "\n      query AuthKeyUsage($id: ID!) {\n        node(id: $id) {\n          ... on ApiKey {\n            usageCount\n            lastUsedAt\n          }\n        }\n      }\n    ": types.AuthKeyUsageDocument,
    "\n  query MultiCurrentKey {\n    currentApiKey {\n      prefix\n    }\n  }\n": types.MultiCurrentKeyDocument,
    "\n  mutation MultiRevoke($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n    }\n  }\n": types.MultiRevokeDocument,
    "\n  mutation MultiDelete($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) {\n      __typename\n    }\n  }\n": types.MultiDeleteDocument,
    "\n  mutation MultiUpdate($input: UpdateApiKeyInput!) {\n    updateApiKey(input: $input) {\n      __typename\n    }\n  }\n": types.MultiUpdateDocument,
    "\n  mutation MultiRotate($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) {\n      __typename\n      ... on RotateApiKeyPayload {\n        secret\n      }\n    }\n  }\n": types.MultiRotateDocument,
    "\n  mutation MultiSetPlan($input: SetOrganizationPlanInput!) {\n    setOrganizationPlan(input: $input) {\n      __typename\n    }\n  }\n": types.MultiSetPlanDocument,
    "\n  mutation MultiTrigger($input: TriggerWorkflowInput!) {\n    triggerWorkflow(input: $input) {\n      __typename\n    }\n  }\n": types.MultiTriggerDocument,
    "\n  mutation OrgCreate($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      __typename\n      ... on OrganizationPayload {\n        organization {\n          id\n          name\n          slug\n          plan\n          viewerRole\n          members {\n            edges {\n              node {\n                role\n                user {\n                  email\n                }\n              }\n            }\n          }\n        }\n      }\n      ... on ValidationError {\n        message\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.OrgCreateDocument,
    "\n  query OrgBySlug($slug: String!) {\n    organization(slug: $slug) {\n      id\n      name\n      projects {\n        edges {\n          node {\n            id\n            slug\n          }\n        }\n      }\n    }\n  }\n": types.OrgBySlugDocument,
    "\n  mutation OrgCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      __typename\n      ... on ProjectPayload {\n        project {\n          id\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.OrgCreateProjectDocument,
    "\n  mutation OrgUpdateProject($input: UpdateProjectInput!) {\n    updateProject(input: $input) {\n      __typename\n      ... on ProjectPayload {\n        project {\n          id\n          name\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.OrgUpdateProjectDocument,
    "\n  query OrgNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Project {\n        name\n      }\n    }\n  }\n": types.OrgNodeDocument,
    "\n  mutation OrgRemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      __typename\n      ... on RemoveMemberPayload {\n        removedMemberId\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.OrgRemoveMemberDocument,
    "\n  mutation OrgUpdateMember($input: UpdateMemberInput!) {\n    updateMember(input: $input) {\n      __typename\n      ... on MemberPayload {\n        member {\n          role\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.OrgUpdateMemberDocument,
    "\n  query OrgMembers($slug: String!) {\n    organization(slug: $slug) {\n      members {\n        edges {\n          node {\n            id\n            role\n            user {\n              email\n            }\n          }\n        }\n      }\n    }\n  }\n": types.OrgMembersDocument,
    "\n  mutation OrgSetPlan($input: SetOrganizationPlanInput!) {\n    setOrganizationPlan(input: $input) {\n      __typename\n      ... on OrganizationPayload {\n        organization {\n          plan\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.OrgSetPlanDocument,
    "\n  query ServerOrgBySlug($slug: String!) {\n    organization(slug: $slug) {\n      name\n    }\n  }\n": types.ServerOrgBySlugDocument,
    "\n  mutation ServerCreateOrg($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      __typename\n    }\n  }\n": types.ServerCreateOrgDocument,
    "\n  query ServerViewer {\n    viewer {\n      subject\n    }\n  }\n": types.ServerViewerDocument,
    "\n  query FixtureViewer {\n    viewer {\n      user {\n        id\n        email\n      }\n    }\n  }\n": types.FixtureViewerDocument,
    "\n  mutation FixtureCreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      __typename\n      ... on OrganizationPayload {\n        organization {\n          id\n          slug\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.FixtureCreateOrganizationDocument,
    "\n  mutation FixtureSetPlan($input: SetOrganizationPlanInput!) {\n    setOrganizationPlan(input: $input) {\n      __typename\n      ... on OrganizationPayload {\n        organization {\n          plan\n        }\n      }\n    }\n  }\n": types.FixtureSetPlanDocument,
    "\n  mutation FixtureAddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      __typename\n      ... on MemberPayload {\n        member {\n          id\n          role\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.FixtureAddMemberDocument,
    "\n  mutation FixtureCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      __typename\n      ... on ProjectPayload {\n        project {\n          id\n          slug\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.FixtureCreateProjectDocument,
    "\n  mutation FixtureCreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      __typename\n      ... on WorkflowPayload {\n        workflow {\n          id\n          slug\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.FixtureCreateWorkflowDocument,
    "\n  mutation KeysCreateProjectKey($input: CreateProjectApiKeyInput!) {\n    createProjectApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeyPayload {\n        secret\n        apiKey {\n          ...KeyFields\n        }\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.KeysCreateProjectKeyDocument,
    "\n  mutation KeysCreateOrgKey($input: CreateOrganizationApiKeyInput!) {\n    createOrganizationApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeyPayload {\n        secret\n        apiKey {\n          ...KeyFields\n        }\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.KeysCreateOrgKeyDocument,
    "\n  fragment KeyFields on ApiKey {\n    id\n    name\n    note\n    level\n    prefix\n    status\n    expiryPolicy\n    expiresAt\n    graceEndsAt\n    usageCount\n    lastUsedAt\n    viewerCanManage\n    scopes {\n      scope\n      workflows {\n        id\n      }\n    }\n    projectAccess {\n      all\n      projects {\n        id\n      }\n    }\n    project {\n      id\n    }\n    owner {\n      id\n    }\n    rotatedFrom {\n      id\n    }\n    rotatedTo {\n      id\n    }\n  }\n": types.KeyFieldsFragmentDoc,
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
export function graphql(source: "\n  query KeysOrgKeys($slug: String!, $filter: ApiKeyFilter, $orderBy: ApiKeyOrder, $first: Int, $after: String) {\n    organization(slug: $slug) {\n      apiKeys(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...KeyFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query KeysOrgKeys($slug: String!, $filter: ApiKeyFilter, $orderBy: ApiKeyOrder, $first: Int, $after: String) {\n    organization(slug: $slug) {\n      apiKeys(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...KeyFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeysProjectKeys($id: ID!) {\n    node(id: $id) {\n      ... on Project {\n        apiKeys {\n          edges {\n            inherited\n            viewerCanManage\n            node {\n              id\n              level\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query KeysProjectKeys($id: ID!) {\n    node(id: $id) {\n      ... on Project {\n        apiKeys {\n          edges {\n            inherited\n            viewerCanManage\n            node {\n              id\n              level\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeysNode($id: ID!) {\n    node(id: $id) {\n      ... on ApiKey {\n        ...KeyFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query KeysNode($id: ID!) {\n    node(id: $id) {\n      ... on ApiKey {\n        ...KeyFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeysAudit($slug: String!, $filter: AuditEventFilter) {\n    organization(slug: $slug) {\n      auditEvents(filter: $filter) {\n        edges {\n          node {\n            action\n            targetType\n            targetId\n            changes\n            requestId\n            actorLabel\n            actor {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query KeysAudit($slug: String!, $filter: AuditEventFilter) {\n    organization(slug: $slug) {\n      auditEvents(filter: $filter) {\n        edges {\n          node {\n            action\n            targetType\n            targetId\n            changes\n            requestId\n            actorLabel\n            actor {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KeysUpdate($input: UpdateApiKeyInput!) {\n    updateApiKey(input: $input) {\n      __typename\n      ... on UpdateApiKeyPayload {\n        apiKey {\n          ...KeyFields\n        }\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation KeysUpdate($input: UpdateApiKeyInput!) {\n    updateApiKey(input: $input) {\n      __typename\n      ... on UpdateApiKeyPayload {\n        apiKey {\n          ...KeyFields\n        }\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KeysRotate($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) {\n      __typename\n      ... on RotateApiKeyPayload {\n        secret\n        apiKey {\n          ...KeyFields\n        }\n        previousApiKey {\n          ...KeyFields\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation KeysRotate($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) {\n      __typename\n      ... on RotateApiKeyPayload {\n        secret\n        apiKey {\n          ...KeyFields\n        }\n        previousApiKey {\n          ...KeyFields\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KeysRevoke($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n      ... on RevokeApiKeyPayload {\n        apiKey {\n          status\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation KeysRevoke($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n      ... on RevokeApiKeyPayload {\n        apiKey {\n          status\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KeysDelete($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) {\n      __typename\n      ... on DeleteApiKeyPayload {\n        deletedApiKeyId\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation KeysDelete($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) {\n      __typename\n      ... on DeleteApiKeyPayload {\n        deletedApiKeyId\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KeysBulkDelete($input: DeleteApiKeysInput!) {\n    deleteApiKeys(input: $input) {\n      __typename\n      ... on DeleteApiKeysPayload {\n        deletedApiKeyIds\n      }\n      ... on BulkOperationError {\n        failures {\n          id\n          reason\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation KeysBulkDelete($input: DeleteApiKeysInput!) {\n    deleteApiKeys(input: $input) {\n      __typename\n      ... on DeleteApiKeysPayload {\n        deletedApiKeyIds\n      }\n      ... on BulkOperationError {\n        failures {\n          id\n          reason\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KeysUpdateOrg($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation KeysUpdateOrg($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation KeysDowngrade($input: SetOrganizationPlanInput!) {\n        setOrganizationPlan(input: $input) {\n          __typename\n        }\n      }\n    "): (typeof documents)["\n      mutation KeysDowngrade($input: SetOrganizationPlanInput!) {\n        setOrganizationPlan(input: $input) {\n          __typename\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthViewer {\n    viewer {\n      subject\n      isOperator\n      user {\n        id\n        email\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuthViewer {\n    viewer {\n      subject\n      isOperator\n      user {\n        id\n        email\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BadErrorFields on Error {\n    __typename\n    message\n    ... on ValidationError {\n      issues {\n        path\n        message\n      }\n    }\n    ... on NotFoundError {\n      resource\n    }\n    ... on BulkOperationError {\n      failures {\n        id\n        reason\n        message\n      }\n    }\n    ... on UpgradeRequiredError {\n      currentPlan\n      requiredPlans\n    }\n  }\n"): (typeof documents)["\n  fragment BadErrorFields on Error {\n    __typename\n    message\n    ... on ValidationError {\n      issues {\n        path\n        message\n      }\n    }\n    ... on NotFoundError {\n      resource\n    }\n    ... on BulkOperationError {\n      failures {\n        id\n        reason\n        message\n      }\n    }\n    ... on UpgradeRequiredError {\n      currentPlan\n      requiredPlans\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation BadCreateOrganization($input: CreateOrganizationInput!) {\n      createOrganization(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "): (typeof documents)["\n    mutation BadCreateOrganization($input: CreateOrganizationInput!) {\n      createOrganization(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation BadUpdateOrganization($input: UpdateOrganizationInput!) {\n      updateOrganization(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "): (typeof documents)["\n    mutation BadUpdateOrganization($input: UpdateOrganizationInput!) {\n      updateOrganization(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation BadSetOrganizationPlan($input: SetOrganizationPlanInput!) {\n      setOrganizationPlan(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "): (typeof documents)["\n    mutation BadSetOrganizationPlan($input: SetOrganizationPlanInput!) {\n      setOrganizationPlan(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation BadAddMember($input: AddMemberInput!) {\n      addMember(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "): (typeof documents)["\n    mutation BadAddMember($input: AddMemberInput!) {\n      addMember(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation BadUpdateMember($input: UpdateMemberInput!) {\n      updateMember(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "): (typeof documents)["\n    mutation BadUpdateMember($input: UpdateMemberInput!) {\n      updateMember(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation BadRemoveMember($input: RemoveMemberInput!) {\n      removeMember(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "): (typeof documents)["\n    mutation BadRemoveMember($input: RemoveMemberInput!) {\n      removeMember(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation BadCreateProject($input: CreateProjectInput!) {\n      createProject(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "): (typeof documents)["\n    mutation BadCreateProject($input: CreateProjectInput!) {\n      createProject(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation BadUpdateProject($input: UpdateProjectInput!) {\n      updateProject(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "): (typeof documents)["\n    mutation BadUpdateProject($input: UpdateProjectInput!) {\n      updateProject(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation BadDeleteProject($input: DeleteProjectInput!) {\n      deleteProject(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "): (typeof documents)["\n    mutation BadDeleteProject($input: DeleteProjectInput!) {\n      deleteProject(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation BadCreateWorkflow($input: CreateWorkflowInput!) {\n      createWorkflow(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "): (typeof documents)["\n    mutation BadCreateWorkflow($input: CreateWorkflowInput!) {\n      createWorkflow(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation BadUpdateWorkflow($input: UpdateWorkflowInput!) {\n      updateWorkflow(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "): (typeof documents)["\n    mutation BadUpdateWorkflow($input: UpdateWorkflowInput!) {\n      updateWorkflow(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation BadDeleteWorkflow($input: DeleteWorkflowInput!) {\n      deleteWorkflow(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "): (typeof documents)["\n    mutation BadDeleteWorkflow($input: DeleteWorkflowInput!) {\n      deleteWorkflow(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation BadCreateProjectApiKey($input: CreateProjectApiKeyInput!) {\n      createProjectApiKey(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "): (typeof documents)["\n    mutation BadCreateProjectApiKey($input: CreateProjectApiKeyInput!) {\n      createProjectApiKey(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation BadCreateOrganizationApiKey($input: CreateOrganizationApiKeyInput!) {\n      createOrganizationApiKey(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "): (typeof documents)["\n    mutation BadCreateOrganizationApiKey($input: CreateOrganizationApiKeyInput!) {\n      createOrganizationApiKey(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation BadUpdateApiKey($input: UpdateApiKeyInput!) {\n      updateApiKey(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "): (typeof documents)["\n    mutation BadUpdateApiKey($input: UpdateApiKeyInput!) {\n      updateApiKey(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation BadRotateApiKey($input: RotateApiKeyInput!) {\n      rotateApiKey(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "): (typeof documents)["\n    mutation BadRotateApiKey($input: RotateApiKeyInput!) {\n      rotateApiKey(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation BadRevokeApiKey($input: RevokeApiKeyInput!) {\n      revokeApiKey(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "): (typeof documents)["\n    mutation BadRevokeApiKey($input: RevokeApiKeyInput!) {\n      revokeApiKey(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation BadDeleteApiKey($input: DeleteApiKeyInput!) {\n      deleteApiKey(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "): (typeof documents)["\n    mutation BadDeleteApiKey($input: DeleteApiKeyInput!) {\n      deleteApiKey(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation BadDeleteApiKeys($input: DeleteApiKeysInput!) {\n      deleteApiKeys(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "): (typeof documents)["\n    mutation BadDeleteApiKeys($input: DeleteApiKeysInput!) {\n      deleteApiKeys(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation BadTriggerWorkflow($input: TriggerWorkflowInput!) {\n      triggerWorkflow(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "): (typeof documents)["\n    mutation BadTriggerWorkflow($input: TriggerWorkflowInput!) {\n      triggerWorkflow(input: $input) {\n        __typename\n        ...BadErrorFields\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BadSetupUpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation BadSetupUpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BadSetupRevoke($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation BadSetupRevoke($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query XtNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n    }\n  }\n"): (typeof documents)["\n  query XtNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query XtNodes($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n    }\n  }\n"): (typeof documents)["\n  query XtNodes($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query XtOrganization($slug: String!) {\n    organization(slug: $slug) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query XtOrganization($slug: String!) {\n    organization(slug: $slug) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query XtOrganizationProject($slug: String!, $projectSlug: String!) {\n    organization(slug: $slug) {\n      project(slug: $projectSlug) {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query XtOrganizationProject($slug: String!, $projectSlug: String!) {\n    organization(slug: $slug) {\n      project(slug: $projectSlug) {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query XtOrganizationKeys($slug: String!, $filter: ApiKeyFilter) {\n    organization(slug: $slug) {\n      apiKeys(filter: $filter) {\n        edges {\n          node {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query XtOrganizationKeys($slug: String!, $filter: ApiKeyFilter) {\n    organization(slug: $slug) {\n      apiKeys(filter: $filter) {\n        edges {\n          node {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query XtProjectKeys($id: ID!, $filter: ApiKeyFilter) {\n    node(id: $id) {\n      ... on Project {\n        apiKeys(filter: $filter) {\n          edges {\n            node {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query XtProjectKeys($id: ID!, $filter: ApiKeyFilter) {\n    node(id: $id) {\n      ... on Project {\n        apiKeys(filter: $filter) {\n          edges {\n            node {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query XtAuditEvents($slug: String!, $filter: AuditEventFilter) {\n    organization(slug: $slug) {\n      auditEvents(filter: $filter) {\n        edges {\n          node {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query XtAuditEvents($slug: String!, $filter: AuditEventFilter) {\n    organization(slug: $slug) {\n      auditEvents(filter: $filter) {\n        edges {\n          node {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation XtUpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      __typename\n      ... on OrganizationPayload {\n        organization {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation XtUpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      __typename\n      ... on OrganizationPayload {\n        organization {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation XtAddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      __typename\n      ... on MemberPayload {\n        member {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation XtAddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      __typename\n      ... on MemberPayload {\n        member {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation XtUpdateMember($input: UpdateMemberInput!) {\n    updateMember(input: $input) {\n      __typename\n      ... on MemberPayload {\n        member {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation XtUpdateMember($input: UpdateMemberInput!) {\n    updateMember(input: $input) {\n      __typename\n      ... on MemberPayload {\n        member {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation XtRemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      __typename\n      ... on RemoveMemberPayload {\n        removedMemberId\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation XtRemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      __typename\n      ... on RemoveMemberPayload {\n        removedMemberId\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation XtCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      __typename\n      ... on ProjectPayload {\n        project {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation XtCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      __typename\n      ... on ProjectPayload {\n        project {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation XtUpdateProject($input: UpdateProjectInput!) {\n    updateProject(input: $input) {\n      __typename\n      ... on ProjectPayload {\n        project {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation XtUpdateProject($input: UpdateProjectInput!) {\n    updateProject(input: $input) {\n      __typename\n      ... on ProjectPayload {\n        project {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation XtDeleteProject($input: DeleteProjectInput!) {\n    deleteProject(input: $input) {\n      __typename\n      ... on DeleteProjectPayload {\n        deletedProjectId\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation XtDeleteProject($input: DeleteProjectInput!) {\n    deleteProject(input: $input) {\n      __typename\n      ... on DeleteProjectPayload {\n        deletedProjectId\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation XtCreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      __typename\n      ... on WorkflowPayload {\n        workflow {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation XtCreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      __typename\n      ... on WorkflowPayload {\n        workflow {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation XtUpdateWorkflow($input: UpdateWorkflowInput!) {\n    updateWorkflow(input: $input) {\n      __typename\n      ... on WorkflowPayload {\n        workflow {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation XtUpdateWorkflow($input: UpdateWorkflowInput!) {\n    updateWorkflow(input: $input) {\n      __typename\n      ... on WorkflowPayload {\n        workflow {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation XtDeleteWorkflow($input: DeleteWorkflowInput!) {\n    deleteWorkflow(input: $input) {\n      __typename\n      ... on DeleteWorkflowPayload {\n        deletedWorkflowId\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation XtDeleteWorkflow($input: DeleteWorkflowInput!) {\n    deleteWorkflow(input: $input) {\n      __typename\n      ... on DeleteWorkflowPayload {\n        deletedWorkflowId\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation XtCreateProjectKey($input: CreateProjectApiKeyInput!) {\n    createProjectApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeyPayload {\n        apiKey {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation XtCreateProjectKey($input: CreateProjectApiKeyInput!) {\n    createProjectApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeyPayload {\n        apiKey {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation XtCreateOrgKey($input: CreateOrganizationApiKeyInput!) {\n    createOrganizationApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeyPayload {\n        apiKey {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation XtCreateOrgKey($input: CreateOrganizationApiKeyInput!) {\n    createOrganizationApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeyPayload {\n        apiKey {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation XtUpdateKey($input: UpdateApiKeyInput!) {\n    updateApiKey(input: $input) {\n      __typename\n      ... on UpdateApiKeyPayload {\n        apiKey {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation XtUpdateKey($input: UpdateApiKeyInput!) {\n    updateApiKey(input: $input) {\n      __typename\n      ... on UpdateApiKeyPayload {\n        apiKey {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation XtRotateKey($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) {\n      __typename\n      ... on RotateApiKeyPayload {\n        apiKey {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation XtRotateKey($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) {\n      __typename\n      ... on RotateApiKeyPayload {\n        apiKey {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation XtRevokeKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n      ... on RevokeApiKeyPayload {\n        apiKey {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation XtRevokeKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n      ... on RevokeApiKeyPayload {\n        apiKey {\n          id\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation XtDeleteKey($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) {\n      __typename\n      ... on DeleteApiKeyPayload {\n        deletedApiKeyId\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation XtDeleteKey($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) {\n      __typename\n      ... on DeleteApiKeyPayload {\n        deletedApiKeyId\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation XtDeleteKeys($input: DeleteApiKeysInput!) {\n    deleteApiKeys(input: $input) {\n      __typename\n      ... on DeleteApiKeysPayload {\n        deletedApiKeyIds\n      }\n      ... on BulkOperationError {\n        failures {\n          id\n          reason\n          message\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation XtDeleteKeys($input: DeleteApiKeysInput!) {\n    deleteApiKeys(input: $input) {\n      __typename\n      ... on DeleteApiKeysPayload {\n        deletedApiKeyIds\n      }\n      ... on BulkOperationError {\n        failures {\n          id\n          reason\n          message\n        }\n      }\n      ... on NotFoundError {\n        resource\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation XtTrigger($input: TriggerWorkflowInput!) {\n    triggerWorkflow(input: $input) {\n      __typename\n      ... on TriggerWorkflowPayload {\n        execution {\n          id\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation XtTrigger($input: TriggerWorkflowInput!) {\n    triggerWorkflow(input: $input) {\n      __typename\n      ... on TriggerWorkflowPayload {\n        execution {\n          id\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query XtReadExecution($id: ID!) {\n    workflowExecution(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query XtReadExecution($id: ID!) {\n    workflowExecution(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FaultTrigger($input: TriggerWorkflowInput!) {\n    triggerWorkflow(input: $input) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation FaultTrigger($input: TriggerWorkflowInput!) {\n    triggerWorkflow(input: $input) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FaultCreateOrgKey($input: CreateOrganizationApiKeyInput!) {\n    createOrganizationApiKey(input: $input) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation FaultCreateOrgKey($input: CreateOrganizationApiKeyInput!) {\n    createOrganizationApiKey(input: $input) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FaultCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation FaultCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HardRotate($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) {\n      __typename\n      ... on RotateApiKeyPayload {\n        apiKey {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation HardRotate($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) {\n      __typename\n      ... on RotateApiKeyPayload {\n        apiKey {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HardDelete($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation HardDelete($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HardTrigger($input: TriggerWorkflowInput!) {\n    triggerWorkflow(input: $input) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation HardTrigger($input: TriggerWorkflowInput!) {\n    triggerWorkflow(input: $input) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HardViewer {\n    viewer {\n      subject\n    }\n  }\n"): (typeof documents)["\n  query HardViewer {\n    viewer {\n      subject\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthTrigger($input: TriggerWorkflowInput!) {\n    triggerWorkflow(input: $input) {\n      __typename\n      ... on TriggerWorkflowPayload {\n        replayed\n        execution {\n          id\n          status\n          payload\n          workflowId\n          triggeredByKeyPrefix\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AuthTrigger($input: TriggerWorkflowInput!) {\n    triggerWorkflow(input: $input) {\n      __typename\n      ... on TriggerWorkflowPayload {\n        replayed\n        execution {\n          id\n          status\n          payload\n          workflowId\n          triggeredByKeyPrefix\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthReadExecution($id: ID!) {\n    workflowExecution(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  query AuthReadExecution($id: ID!) {\n    workflowExecution(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthCurrentKey {\n    currentApiKey {\n      name\n      prefix\n      level\n      allProjects\n      projectIds\n      expiryPolicy\n      scopes {\n        scope\n        workflowIds\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuthCurrentKey {\n    currentApiKey {\n      name\n      prefix\n      level\n      allProjects\n      projectIds\n      expiryPolicy\n      scopes {\n        scope\n        workflowIds\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthViewerAsKey {\n    viewer {\n      subject\n    }\n  }\n"): (typeof documents)["\n  query AuthViewerAsKey {\n    viewer {\n      subject\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthProjectExecutions($id: ID!) {\n    node(id: $id) {\n      ... on Project {\n        executions {\n          edges {\n            node {\n              id\n              triggeredByKeyPrefix\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuthProjectExecutions($id: ID!) {\n    node(id: $id) {\n      ... on Project {\n        executions {\n          edges {\n            node {\n              id\n              triggeredByKeyPrefix\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthRevoke($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation AuthRevoke($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthUpdate($input: UpdateApiKeyInput!) {\n    updateApiKey(input: $input) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation AuthUpdate($input: UpdateApiKeyInput!) {\n    updateApiKey(input: $input) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthDelete($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation AuthDelete($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthRotate($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) {\n      __typename\n      ... on RotateApiKeyPayload {\n        secret\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AuthRotate($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) {\n      __typename\n      ... on RotateApiKeyPayload {\n        secret\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthSetPlan($input: SetOrganizationPlanInput!) {\n    setOrganizationPlan(input: $input) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation AuthSetPlan($input: SetOrganizationPlanInput!) {\n    setOrganizationPlan(input: $input) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation AuthMoveAccess($input: UpdateApiKeyInput!) {\n        updateApiKey(input: $input) {\n          __typename\n        }\n      }\n    "): (typeof documents)["\n      mutation AuthMoveAccess($input: UpdateApiKeyInput!) {\n        updateApiKey(input: $input) {\n          __typename\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query AuthKeyUsage($id: ID!) {\n        node(id: $id) {\n          ... on ApiKey {\n            usageCount\n            lastUsedAt\n          }\n        }\n      }\n    "): (typeof documents)["\n      query AuthKeyUsage($id: ID!) {\n        node(id: $id) {\n          ... on ApiKey {\n            usageCount\n            lastUsedAt\n          }\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MultiCurrentKey {\n    currentApiKey {\n      prefix\n    }\n  }\n"): (typeof documents)["\n  query MultiCurrentKey {\n    currentApiKey {\n      prefix\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MultiRevoke($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation MultiRevoke($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MultiDelete($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation MultiDelete($input: DeleteApiKeyInput!) {\n    deleteApiKey(input: $input) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MultiUpdate($input: UpdateApiKeyInput!) {\n    updateApiKey(input: $input) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation MultiUpdate($input: UpdateApiKeyInput!) {\n    updateApiKey(input: $input) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MultiRotate($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) {\n      __typename\n      ... on RotateApiKeyPayload {\n        secret\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MultiRotate($input: RotateApiKeyInput!) {\n    rotateApiKey(input: $input) {\n      __typename\n      ... on RotateApiKeyPayload {\n        secret\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MultiSetPlan($input: SetOrganizationPlanInput!) {\n    setOrganizationPlan(input: $input) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation MultiSetPlan($input: SetOrganizationPlanInput!) {\n    setOrganizationPlan(input: $input) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MultiTrigger($input: TriggerWorkflowInput!) {\n    triggerWorkflow(input: $input) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation MultiTrigger($input: TriggerWorkflowInput!) {\n    triggerWorkflow(input: $input) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrgCreate($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      __typename\n      ... on OrganizationPayload {\n        organization {\n          id\n          name\n          slug\n          plan\n          viewerRole\n          members {\n            edges {\n              node {\n                role\n                user {\n                  email\n                }\n              }\n            }\n          }\n        }\n      }\n      ... on ValidationError {\n        message\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OrgCreate($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      __typename\n      ... on OrganizationPayload {\n        organization {\n          id\n          name\n          slug\n          plan\n          viewerRole\n          members {\n            edges {\n              node {\n                role\n                user {\n                  email\n                }\n              }\n            }\n          }\n        }\n      }\n      ... on ValidationError {\n        message\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrgBySlug($slug: String!) {\n    organization(slug: $slug) {\n      id\n      name\n      projects {\n        edges {\n          node {\n            id\n            slug\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrgBySlug($slug: String!) {\n    organization(slug: $slug) {\n      id\n      name\n      projects {\n        edges {\n          node {\n            id\n            slug\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrgCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      __typename\n      ... on ProjectPayload {\n        project {\n          id\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OrgCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      __typename\n      ... on ProjectPayload {\n        project {\n          id\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrgUpdateProject($input: UpdateProjectInput!) {\n    updateProject(input: $input) {\n      __typename\n      ... on ProjectPayload {\n        project {\n          id\n          name\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OrgUpdateProject($input: UpdateProjectInput!) {\n    updateProject(input: $input) {\n      __typename\n      ... on ProjectPayload {\n        project {\n          id\n          name\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrgNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Project {\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrgNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Project {\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrgRemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      __typename\n      ... on RemoveMemberPayload {\n        removedMemberId\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OrgRemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      __typename\n      ... on RemoveMemberPayload {\n        removedMemberId\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrgUpdateMember($input: UpdateMemberInput!) {\n    updateMember(input: $input) {\n      __typename\n      ... on MemberPayload {\n        member {\n          role\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OrgUpdateMember($input: UpdateMemberInput!) {\n    updateMember(input: $input) {\n      __typename\n      ... on MemberPayload {\n        member {\n          role\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrgMembers($slug: String!) {\n    organization(slug: $slug) {\n      members {\n        edges {\n          node {\n            id\n            role\n            user {\n              email\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrgMembers($slug: String!) {\n    organization(slug: $slug) {\n      members {\n        edges {\n          node {\n            id\n            role\n            user {\n              email\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrgSetPlan($input: SetOrganizationPlanInput!) {\n    setOrganizationPlan(input: $input) {\n      __typename\n      ... on OrganizationPayload {\n        organization {\n          plan\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OrgSetPlan($input: SetOrganizationPlanInput!) {\n    setOrganizationPlan(input: $input) {\n      __typename\n      ... on OrganizationPayload {\n        organization {\n          plan\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServerOrgBySlug($slug: String!) {\n    organization(slug: $slug) {\n      name\n    }\n  }\n"): (typeof documents)["\n  query ServerOrgBySlug($slug: String!) {\n    organization(slug: $slug) {\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ServerCreateOrg($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation ServerCreateOrg($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServerViewer {\n    viewer {\n      subject\n    }\n  }\n"): (typeof documents)["\n  query ServerViewer {\n    viewer {\n      subject\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FixtureViewer {\n    viewer {\n      user {\n        id\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  query FixtureViewer {\n    viewer {\n      user {\n        id\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FixtureCreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      __typename\n      ... on OrganizationPayload {\n        organization {\n          id\n          slug\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation FixtureCreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      __typename\n      ... on OrganizationPayload {\n        organization {\n          id\n          slug\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FixtureSetPlan($input: SetOrganizationPlanInput!) {\n    setOrganizationPlan(input: $input) {\n      __typename\n      ... on OrganizationPayload {\n        organization {\n          plan\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation FixtureSetPlan($input: SetOrganizationPlanInput!) {\n    setOrganizationPlan(input: $input) {\n      __typename\n      ... on OrganizationPayload {\n        organization {\n          plan\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FixtureAddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      __typename\n      ... on MemberPayload {\n        member {\n          id\n          role\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation FixtureAddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      __typename\n      ... on MemberPayload {\n        member {\n          id\n          role\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FixtureCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      __typename\n      ... on ProjectPayload {\n        project {\n          id\n          slug\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation FixtureCreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      __typename\n      ... on ProjectPayload {\n        project {\n          id\n          slug\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FixtureCreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      __typename\n      ... on WorkflowPayload {\n        workflow {\n          id\n          slug\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation FixtureCreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) {\n      __typename\n      ... on WorkflowPayload {\n        workflow {\n          id\n          slug\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KeysCreateProjectKey($input: CreateProjectApiKeyInput!) {\n    createProjectApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeyPayload {\n        secret\n        apiKey {\n          ...KeyFields\n        }\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation KeysCreateProjectKey($input: CreateProjectApiKeyInput!) {\n    createProjectApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeyPayload {\n        secret\n        apiKey {\n          ...KeyFields\n        }\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KeysCreateOrgKey($input: CreateOrganizationApiKeyInput!) {\n    createOrganizationApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeyPayload {\n        secret\n        apiKey {\n          ...KeyFields\n        }\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation KeysCreateOrgKey($input: CreateOrganizationApiKeyInput!) {\n    createOrganizationApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeyPayload {\n        secret\n        apiKey {\n          ...KeyFields\n        }\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KeyFields on ApiKey {\n    id\n    name\n    note\n    level\n    prefix\n    status\n    expiryPolicy\n    expiresAt\n    graceEndsAt\n    usageCount\n    lastUsedAt\n    viewerCanManage\n    scopes {\n      scope\n      workflows {\n        id\n      }\n    }\n    projectAccess {\n      all\n      projects {\n        id\n      }\n    }\n    project {\n      id\n    }\n    owner {\n      id\n    }\n    rotatedFrom {\n      id\n    }\n    rotatedTo {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment KeyFields on ApiKey {\n    id\n    name\n    note\n    level\n    prefix\n    status\n    expiryPolicy\n    expiresAt\n    graceEndsAt\n    usageCount\n    lastUsedAt\n    viewerCanManage\n    scopes {\n      scope\n      workflows {\n        id\n      }\n    }\n    projectAccess {\n      all\n      projects {\n        id\n      }\n    }\n    project {\n      id\n    }\n    owner {\n      id\n    }\n    rotatedFrom {\n      id\n    }\n    rotatedTo {\n      id\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;