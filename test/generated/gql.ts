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