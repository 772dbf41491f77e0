/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Input of `apiKeyExpiry`. */
export type ApiKeyExpiryInput = {
  /** Required with CUSTOM, forbidden otherwise. */
  expiresAt?: string | null | undefined;
  policy: ExpiryPolicy;
};

/** PROJECT keys work for one project; ORGANIZATION keys for all or selected projects. */
export type ApiKeyLevel =
  | 'ORGANIZATION'
  | 'PROJECT';

/** One permission for a key, and where it applies (omit both lists for the key's whole reach). */
export type ApiKeyPermissionInput = {
  /** A permission of `availablePermissions`, `resource:action`. */
  permission: string;
  /** Narrow to these projects (inside the key's reach), where the permission allows it. */
  projectIds?: Array<string | number> | null | undefined;
  /** Narrow to these workflows (inside the key's reach), where the permission allows it. */
  workflowIds?: Array<string | number> | null | undefined;
};

/** A quota of credits: each execution a trigger starts costs its `cost` (default 1); with too few left the trigger answers QuotaExceededError and starts nothing. */
export type ApiKeyQuotaInput = {
  /** `api_key.quota_low` is sent when a trigger takes the credits to this or below (1 or more); omit for never. */
  lowThreshold?: number | null | undefined;
  /** Omit for credits that never refill. */
  refill?: QuotaRefillInput | null | undefined;
  /** Credits to start with (0 to 1000000000). */
  remaining: number;
};

/** What a key may do. */
export type ApiKeyScope =
  /** Read workflow executions (`workflowExecution`). */
  | 'READ_EXECUTIONS'
  /** Start workflow executions (`triggerWorkflow`). */
  | 'TRIGGER_WORKFLOWS';

/** Deprecated with the `scopes` inputs: use `ApiKeyPermissionInput` (TRIGGER_WORKFLOWS is `workflow:trigger`, READ_EXECUTIONS `execution:read`). */
export type ApiKeyScopeInput = {
  scope: ApiKeyScope;
  /** Narrow the scope to these workflows; omit for every workflow the key reaches. */
  workflowIds?: Array<string | number> | null | undefined;
};

/** Whether a key authenticates now. */
export type ApiKeyStatus =
  /** Authenticates. */
  | 'ACTIVE'
  /** Derived: past its expiry date or the end of its rotation grace period. */
  | 'EXPIRED'
  /** Switched off; can be switched on again. */
  | 'INACTIVE'
  /** Permanently disabled. */
  | 'REVOKED';

/** Input of `createOrganizationApiKey`. */
export type CreateOrganizationApiKeyInput = {
  expiry: ApiKeyExpiryInput;
  /** Where the key may be used from; omit or leave empty for any address. Each entry is an IPv4 or IPv6 address or CIDR range (`203.0.113.7`, `10.0.0.0/8`, `2001:db8::/32`), at most 100; a request from any other address gets 403. */
  ipAllowlist?: Array<string> | null | undefined;
  name: string;
  note?: string | null | undefined;
  organizationId: string | number;
  /** A service key, owned by the organization rather than you (OWNER and ADMIN): it outlives any member and may do at most what an ADMIN may. */
  ownedByOrganization?: boolean | null | undefined;
  /** What the key may do (give this or the deprecated `scopes`). */
  permissions?: Array<ApiKeyPermissionInput> | null | undefined;
  projectAccess: ProjectAccessInput;
  /** Credits that triggers spend; omit for none. */
  quota?: ApiKeyQuotaInput | null | undefined;
  /** Named rate limits; omit to take the organization's defaults (`Organization.defaultKeyRateLimits`), or give an empty list for none. */
  rateLimits?: Array<RateLimitInput> | null | undefined;
  /** @deprecated Use `permissions` (TRIGGER_WORKFLOWS is `workflow:trigger`, READ_EXECUTIONS `execution:read`). */
  scopes?: Array<ApiKeyScopeInput> | null | undefined;
};

/** Input of `createProjectApiKey`. */
export type CreateProjectApiKeyInput = {
  expiry: ApiKeyExpiryInput;
  /** Where the key may be used from; omit or leave empty for any address. Each entry is an IPv4 or IPv6 address or CIDR range (`203.0.113.7`, `10.0.0.0/8`, `2001:db8::/32`), at most 100; a request from any other address gets 403. */
  ipAllowlist?: Array<string> | null | undefined;
  name: string;
  note?: string | null | undefined;
  /** A service key, owned by the organization rather than you (OWNER and ADMIN): it outlives any member and may do at most what an ADMIN may. */
  ownedByOrganization?: boolean | null | undefined;
  /** What the key may do (give this or the deprecated `scopes`). */
  permissions?: Array<ApiKeyPermissionInput> | null | undefined;
  projectId: string | number;
  /** Credits that triggers spend; omit for none. */
  quota?: ApiKeyQuotaInput | null | undefined;
  /** Named rate limits; omit to take the organization's defaults (`Organization.defaultKeyRateLimits`), or give an empty list for none. */
  rateLimits?: Array<RateLimitInput> | null | undefined;
  /** @deprecated Use `permissions` (TRIGGER_WORKFLOWS is `workflow:trigger`, READ_EXECUTIONS `execution:read`). */
  scopes?: Array<ApiKeyScopeInput> | null | undefined;
};

/** Input of `createProject`. */
export type CreateProjectInput = {
  name: string;
  organizationId: string | number;
  slug: string;
};

/** Input of `createWorkflow`. */
export type CreateWorkflowInput = {
  name: string;
  projectId: string | number;
  slug: string;
};

/** Input of `deleteApiKey`. */
export type DeleteApiKeyInput = {
  id: string | number;
};

/** Where an execution is in its life. */
export type ExecutionStatus =
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

/** When a key expires: never, a number of days after creation (or rotation), or a CUSTOM date. */
export type ExpiryPolicy =
  | 'CUSTOM'
  | 'DAYS_7'
  | 'DAYS_30'
  | 'DAYS_60'
  | 'DAYS_90'
  | 'NEVER';

/** OWNER and ADMIN manage; MEMBER reads (see SECURITY.md). */
export type MemberRole =
  | 'ADMIN'
  | 'MEMBER'
  | 'OWNER';

/** Where a grant applies: the whole reach of the key, named projects, or named workflows. */
export type PermissionLevel =
  | 'ORGANIZATION'
  | 'PROJECT'
  | 'WORKFLOW';

/** Billing plan. FREE has no API access. */
export type Plan =
  | 'ENTERPRISE'
  | 'FREE'
  | 'TEAM';

/** Exactly one of: `all: true` (every project, including future ones) or `projectIds`. */
export type ProjectAccessInput =
  {   all: boolean; projectIds?: never; }
  |  { all?: never;   projectIds: Array<string | number>; };

/** How a quota refills: back to `amount` credits at 00:00 UTC, daily or monthly. */
export type QuotaRefillInput = {
  /** The credits a refill sets the quota to, 1 to 1000000000. */
  amount: number;
  /** MONTHLY only (required there): 1 to 31. */
  dayOfMonth?: number | null | undefined;
  interval: QuotaRefillInterval;
};

/** How often a quota refills, at 00:00 UTC. */
export type QuotaRefillInterval =
  /** Every UTC day. */
  | 'DAILY'
  /** Every month on `dayOfMonth` (the last day of a shorter month). */
  | 'MONTHLY';

/** One named rate limit. A key has at most 5; a call over any of them gets HTTP 429. */
export type RateLimitInput = {
  /** The window, from 1 second to 86400 (1 day). */
  durationSeconds: number;
  /** Calls allowed per window, 1 to 1000000000 (the plan may allow fewer per second: TEAM at most 1000). */
  limit: number;
  /** 1 to 32 letters, digits, "_", "." or "-" (e.g. `per-second`, `daily`); unique within the key, ignoring case. */
  name: string;
};

/** Input of `revokeApiKey`. */
export type RevokeApiKeyInput = {
  id: string | number;
};

/** Input of `rotateApiKey`. */
export type RotateApiKeyInput = {
  /** How long the old key keeps working (0 = ends now, at most 86400); never past its own expiry. Default 0. */
  gracePeriodSeconds?: number | null | undefined;
  id: string | number;
};

/** Input of `triggerWorkflow`. */
export type TriggerWorkflowInput = {
  /** Credits this execution costs a key with a quota (`ApiKey.quota`), 1 to 1000; default 1. Ignored for a key without one; a replay costs nothing. */
  cost?: number | null | undefined;
  /** Retries by the same API key with the same idempotency key and payload return the original execution; a different payload is a ConflictError. Keys are scoped to the calling API key. */
  idempotencyKey?: string | null | undefined;
  /** Any JSON, at most 64 KiB and 32 levels deep. */
  payload?: unknown;
  /** The workflow by its id; give this or `workflowPath`. */
  workflowId?: string | number | null | undefined;
  /** The workflow by its slugs, `organization/project/workflow` (as the CLI takes it); give this or `workflowId`. Needs no read permission: a path outside what the key may trigger is refused like an unknown id. */
  workflowPath?: string | null | undefined;
};

/** A key event a webhook endpoint can subscribe to (sent as `type`, e.g. `api_key.created`). */
export type WebhookEventType =
  /** An API key was created. */
  | 'API_KEY_CREATED'
  /** An API key was deleted. */
  | 'API_KEY_DELETED'
  /** An API key reached its `expiresAt` (or the end of its rotation grace period) and no longer authenticates. */
  | 'API_KEY_EXPIRED'
  /** An API key stops working soon: 30, 7 and 1 days before `expiresAt`, and before the end of a rotation grace period longer than 1 hour. Each warning is sent once. `data.expiresAt` is when, `data.expiry` says which warning. */
  | 'API_KEY_EXPIRING'
  /** A secret scanner reported the key found in public (`data.leak.url`); it was revoked or only flagged, per the organization setting (`data.leak.action`). */
  | 'API_KEY_LEAKED'
  /** A trigger used the key's last quota credit: it starts nothing more until the refill (`data.quota.refillsAt`). Once per emptying. */
  | 'API_KEY_QUOTA_EXHAUSTED'
  /** A trigger took the key's quota credits to its `lowThreshold` or below (once per fall; again after a refill). `data.quota` has the credits left. */
  | 'API_KEY_QUOTA_LOW'
  /** An API key was revoked. */
  | 'API_KEY_REVOKED'
  /** An API key was rotated; `data.successorId` is the new key. */
  | 'API_KEY_ROTATED'
  /** An API key's name, note, owner, status, access or IP allowlist changed. */
  | 'API_KEY_UPDATED'
  /** Someone accepted an invitation and became a member (`data.id` is the member, `data.role` their role). */
  | 'ORGANIZATION_MEMBER_ADDED';

export type ExecutionFieldsFragment = { id: string, workflowId: string, projectId: string, status: ExecutionStatus, payload: unknown, idempotencyKey: string | null, triggeredByKeyPrefix: string | null, createdAt: string };

export type ApiKeyFieldsFragment = { id: string, name: string, prefix: string, level: ApiKeyLevel, status: ApiKeyStatus, expiresAt: string | null, graceEndsAt: string | null, lastUsedAt: string | null, createdAt: string, project: { id: string, slug: string } | null, permissions: Array<{ permission: string, level: PermissionLevel, effective: boolean, projectIds: Array<string> | null, workflowIds: Array<string> | null }> };

export type PageFieldsFragment = { hasNextPage: boolean, endCursor: string | null };

export type KeysmithCurrentKeyQueryVariables = Exact<{ [key: string]: never; }>;


export type KeysmithCurrentKeyQuery = { currentApiKey: { id: string, name: string, prefix: string, level: ApiKeyLevel, organizationId: string, projectIds: Array<string>, allProjects: boolean, expiresAt: string | null, graceEndsAt: string | null, ipAllowlist: Array<string>, permissions: Array<{ permission: string, level: PermissionLevel, effective: boolean, projectIds: Array<string> | null, workflowIds: Array<string> | null }> } };

export type KeysmithViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type KeysmithViewerQuery = { viewer: { subject: string, isOperator: boolean, user: { id: string, email: string | null, name: string | null }, organizations: { edges: Array<{ node: { role: MemberRole, organization: { id: string, slug: string, name: string, plan: Plan } } }> } } };

export type KeysmithTriggerWorkflowMutationVariables = Exact<{
  input: TriggerWorkflowInput;
}>;


export type KeysmithTriggerWorkflowMutation = { triggerWorkflow:
    | { __typename: 'ConflictError', message: string }
    | { __typename: 'QuotaExceededError', message: string }
    | { __typename: 'TriggerWorkflowPayload', replayed: boolean, execution: { id: string, workflowId: string, projectId: string, status: ExecutionStatus, payload: unknown, idempotencyKey: string | null, triggeredByKeyPrefix: string | null, createdAt: string } }
    | { __typename: 'ValidationError', message: string, issues: Array<{ path: Array<string>, message: string }> }
   };

export type KeysmithExecutionQueryVariables = Exact<{
  id: string | number;
}>;


export type KeysmithExecutionQuery = { workflowExecution: { id: string, workflowId: string, projectId: string, status: ExecutionStatus, payload: unknown, idempotencyKey: string | null, triggeredByKeyPrefix: string | null, createdAt: string } | null };

export type KeysmithExecutionsQueryVariables = Exact<{
  projectId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type KeysmithExecutionsQuery = { node:
    | { __typename: 'ApiKey' }
    | { __typename: 'AuditEvent' }
    | { __typename: 'Invitation' }
    | { __typename: 'Member' }
    | { __typename: 'Organization' }
    | { __typename: 'Project', executions: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, workflowId: string, projectId: string, status: ExecutionStatus, payload: unknown, idempotencyKey: string | null, triggeredByKeyPrefix: string | null, createdAt: string } }> } | null }
    | { __typename: 'User' }
    | { __typename: 'WebhookDelivery' }
    | { __typename: 'WebhookEndpoint' }
    | { __typename: 'Workflow' }
    | { __typename: 'WorkflowExecution' }
   | null };

export type KeysmithOrganizationBySlugQueryVariables = Exact<{
  slug: string;
}>;


export type KeysmithOrganizationBySlugQuery = { organization: { id: string, slug: string, name: string, plan: Plan } | null };

export type KeysmithOrganizationByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type KeysmithOrganizationByIdQuery = { node:
    | { __typename: 'ApiKey' }
    | { __typename: 'AuditEvent' }
    | { __typename: 'Invitation' }
    | { __typename: 'Member' }
    | { __typename: 'Organization', id: string, slug: string, name: string, plan: Plan }
    | { __typename: 'Project' }
    | { __typename: 'User' }
    | { __typename: 'WebhookDelivery' }
    | { __typename: 'WebhookEndpoint' }
    | { __typename: 'Workflow' }
    | { __typename: 'WorkflowExecution' }
   | null };

export type KeysmithProjectBySlugsQueryVariables = Exact<{
  organization: string;
  project: string;
}>;


export type KeysmithProjectBySlugsQuery = { organization: { id: string, project: { id: string, slug: string, name: string } | null } | null };

export type KeysmithWorkflowsQueryVariables = Exact<{
  projectId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type KeysmithWorkflowsQuery = { node:
    | { __typename: 'ApiKey' }
    | { __typename: 'AuditEvent' }
    | { __typename: 'Invitation' }
    | { __typename: 'Member' }
    | { __typename: 'Organization' }
    | { __typename: 'Project', workflows: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, slug: string, name: string, createdAt: string } }> } }
    | { __typename: 'User' }
    | { __typename: 'WebhookDelivery' }
    | { __typename: 'WebhookEndpoint' }
    | { __typename: 'Workflow' }
    | { __typename: 'WorkflowExecution' }
   | null };

export type KeysmithProjectsQueryVariables = Exact<{
  organizationId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type KeysmithProjectsQuery = { node:
    | { __typename: 'ApiKey' }
    | { __typename: 'AuditEvent' }
    | { __typename: 'Invitation' }
    | { __typename: 'Member' }
    | { __typename: 'Organization', projects: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, slug: string, name: string, createdAt: string } }> } | null }
    | { __typename: 'Project' }
    | { __typename: 'User' }
    | { __typename: 'WebhookDelivery' }
    | { __typename: 'WebhookEndpoint' }
    | { __typename: 'Workflow' }
    | { __typename: 'WorkflowExecution' }
   | null };

export type KeysmithApiKeysQueryVariables = Exact<{
  organizationId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type KeysmithApiKeysQuery = { node:
    | { __typename: 'ApiKey' }
    | { __typename: 'AuditEvent' }
    | { __typename: 'Invitation' }
    | { __typename: 'Member' }
    | { __typename: 'Organization', apiKeys: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, prefix: string, level: ApiKeyLevel, status: ApiKeyStatus, expiresAt: string | null, graceEndsAt: string | null, lastUsedAt: string | null, createdAt: string, project: { id: string, slug: string } | null, permissions: Array<{ permission: string, level: PermissionLevel, effective: boolean, projectIds: Array<string> | null, workflowIds: Array<string> | null }> } }> } | null }
    | { __typename: 'Project' }
    | { __typename: 'User' }
    | { __typename: 'WebhookDelivery' }
    | { __typename: 'WebhookEndpoint' }
    | { __typename: 'Workflow' }
    | { __typename: 'WorkflowExecution' }
   | null };

export type KeysmithWebhookEndpointsQueryVariables = Exact<{
  organizationId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type KeysmithWebhookEndpointsQuery = { node:
    | { __typename: 'ApiKey' }
    | { __typename: 'AuditEvent' }
    | { __typename: 'Invitation' }
    | { __typename: 'Member' }
    | { __typename: 'Organization', webhookEndpoints: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, url: string, description: string | null, enabled: boolean, events: Array<WebhookEventType>, failingSince: string | null, createdAt: string } }> } | null }
    | { __typename: 'Project' }
    | { __typename: 'User' }
    | { __typename: 'WebhookDelivery' }
    | { __typename: 'WebhookEndpoint' }
    | { __typename: 'Workflow' }
    | { __typename: 'WorkflowExecution' }
   | null };

export type KeysmithCreateProjectApiKeyMutationVariables = Exact<{
  input: CreateProjectApiKeyInput;
}>;


export type KeysmithCreateProjectApiKeyMutation = { createProjectApiKey:
    | { __typename: 'CreateApiKeyPayload', secret: string, apiKey: { id: string, name: string, prefix: string, level: ApiKeyLevel, status: ApiKeyStatus, expiresAt: string | null, graceEndsAt: string | null, lastUsedAt: string | null, createdAt: string, project: { id: string, slug: string } | null, permissions: Array<{ permission: string, level: PermissionLevel, effective: boolean, projectIds: Array<string> | null, workflowIds: Array<string> | null }> } }
    | { __typename: 'ForbiddenError', message: string, permission: string | null }
    | { __typename: 'NotFoundError', message: string, resource: string }
    | { __typename: 'UpgradeRequiredError', message: string }
    | { __typename: 'ValidationError', message: string, issues: Array<{ path: Array<string>, message: string }> }
   };

export type KeysmithCreateOrganizationApiKeyMutationVariables = Exact<{
  input: CreateOrganizationApiKeyInput;
}>;


export type KeysmithCreateOrganizationApiKeyMutation = { createOrganizationApiKey:
    | { __typename: 'CreateApiKeyPayload', secret: string, apiKey: { id: string, name: string, prefix: string, level: ApiKeyLevel, status: ApiKeyStatus, expiresAt: string | null, graceEndsAt: string | null, lastUsedAt: string | null, createdAt: string, project: { id: string, slug: string } | null, permissions: Array<{ permission: string, level: PermissionLevel, effective: boolean, projectIds: Array<string> | null, workflowIds: Array<string> | null }> } }
    | { __typename: 'ForbiddenError', message: string, permission: string | null }
    | { __typename: 'NotFoundError', message: string, resource: string }
    | { __typename: 'UpgradeRequiredError', message: string }
    | { __typename: 'ValidationError', message: string, issues: Array<{ path: Array<string>, message: string }> }
   };

export type KeysmithRotateApiKeyMutationVariables = Exact<{
  input: RotateApiKeyInput;
}>;


export type KeysmithRotateApiKeyMutation = { rotateApiKey:
    | { __typename: 'ConflictError', message: string }
    | { __typename: 'ForbiddenError', message: string, permission: string | null }
    | { __typename: 'NotFoundError', message: string, resource: string }
    | { __typename: 'RotateApiKeyPayload', secret: string, apiKey: { id: string, name: string, prefix: string, level: ApiKeyLevel, status: ApiKeyStatus, expiresAt: string | null, graceEndsAt: string | null, lastUsedAt: string | null, createdAt: string, project: { id: string, slug: string } | null, permissions: Array<{ permission: string, level: PermissionLevel, effective: boolean, projectIds: Array<string> | null, workflowIds: Array<string> | null }> }, previousApiKey: { id: string, graceEndsAt: string | null } }
    | { __typename: 'UpgradeRequiredError', message: string }
    | { __typename: 'ValidationError', message: string, issues: Array<{ path: Array<string>, message: string }> }
   };

export type KeysmithRevokeApiKeyMutationVariables = Exact<{
  input: RevokeApiKeyInput;
}>;


export type KeysmithRevokeApiKeyMutation = { revokeApiKey:
    | { __typename: 'ConflictError', message: string }
    | { __typename: 'ForbiddenError', message: string, permission: string | null }
    | { __typename: 'NotFoundError', message: string, resource: string }
    | { __typename: 'RevokeApiKeyPayload', apiKey: { id: string, name: string, prefix: string, level: ApiKeyLevel, status: ApiKeyStatus, expiresAt: string | null, graceEndsAt: string | null, lastUsedAt: string | null, createdAt: string, project: { id: string, slug: string } | null, permissions: Array<{ permission: string, level: PermissionLevel, effective: boolean, projectIds: Array<string> | null, workflowIds: Array<string> | null }> } }
    | { __typename: 'ValidationError', message: string, issues: Array<{ path: Array<string>, message: string }> }
   };

export type KeysmithDeleteApiKeyMutationVariables = Exact<{
  input: DeleteApiKeyInput;
}>;


export type KeysmithDeleteApiKeyMutation = { deleteApiKey:
    | { __typename: 'DeleteApiKeyPayload', deletedApiKeyId: string }
    | { __typename: 'ForbiddenError', message: string, permission: string | null }
    | { __typename: 'NotFoundError', message: string, resource: string }
    | { __typename: 'ValidationError', message: string, issues: Array<{ path: Array<string>, message: string }> }
   };

export type KeysmithCreateProjectMutationVariables = Exact<{
  input: CreateProjectInput;
}>;


export type KeysmithCreateProjectMutation = { createProject:
    | { __typename: 'ConflictError', message: string }
    | { __typename: 'ForbiddenError', message: string, permission: string | null }
    | { __typename: 'NotFoundError', message: string, resource: string }
    | { __typename: 'ProjectPayload', project: { id: string, slug: string, name: string, createdAt: string } }
    | { __typename: 'ValidationError', message: string, issues: Array<{ path: Array<string>, message: string }> }
   };

export type KeysmithCreateWorkflowMutationVariables = Exact<{
  input: CreateWorkflowInput;
}>;


export type KeysmithCreateWorkflowMutation = { createWorkflow:
    | { __typename: 'ConflictError', message: string }
    | { __typename: 'ForbiddenError', message: string, permission: string | null }
    | { __typename: 'NotFoundError', message: string, resource: string }
    | { __typename: 'ValidationError', message: string, issues: Array<{ path: Array<string>, message: string }> }
    | { __typename: 'WorkflowPayload', workflow: { id: string, slug: string, name: string, createdAt: string } }
   };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ExecutionFieldsFragmentDoc = new TypedDocumentString(`
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
    `, {"fragmentName":"ExecutionFields"}) as unknown as TypedDocumentString<ExecutionFieldsFragment, unknown>;
export const ApiKeyFieldsFragmentDoc = new TypedDocumentString(`
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
  project {
    id
    slug
  }
  permissions {
    permission
    level
    effective
    projectIds
    workflowIds
  }
}
    `, {"fragmentName":"ApiKeyFields"}) as unknown as TypedDocumentString<ApiKeyFieldsFragment, unknown>;
export const PageFieldsFragmentDoc = new TypedDocumentString(`
    fragment PageFields on PageInfo {
  hasNextPage
  endCursor
}
    `, {"fragmentName":"PageFields"}) as unknown as TypedDocumentString<PageFieldsFragment, unknown>;
export const KeysmithCurrentKeyDocument = new TypedDocumentString(`
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
    permissions {
      permission
      level
      effective
      projectIds
      workflowIds
    }
  }
}
    `) as unknown as TypedDocumentString<KeysmithCurrentKeyQuery, KeysmithCurrentKeyQueryVariables>;
export const KeysmithViewerDocument = new TypedDocumentString(`
    query KeysmithViewer {
  viewer {
    subject
    isOperator
    user {
      id
      email
      name
    }
    organizations(first: 100) {
      edges {
        node {
          role
          organization {
            id
            slug
            name
            plan
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<KeysmithViewerQuery, KeysmithViewerQueryVariables>;
export const KeysmithTriggerWorkflowDocument = new TypedDocumentString(`
    mutation KeysmithTriggerWorkflow($input: TriggerWorkflowInput!) {
  triggerWorkflow(input: $input) {
    __typename
    ... on TriggerWorkflowPayload {
      replayed
      execution {
        ...ExecutionFields
      }
    }
    ... on Error {
      message
    }
    ... on ValidationError {
      issues {
        path
        message
      }
    }
  }
}
    fragment ExecutionFields on WorkflowExecution {
  id
  workflowId
  projectId
  status
  payload
  idempotencyKey
  triggeredByKeyPrefix
  createdAt
}`) as unknown as TypedDocumentString<KeysmithTriggerWorkflowMutation, KeysmithTriggerWorkflowMutationVariables>;
export const KeysmithExecutionDocument = new TypedDocumentString(`
    query KeysmithExecution($id: ID!) {
  workflowExecution(id: $id) {
    ...ExecutionFields
  }
}
    fragment ExecutionFields on WorkflowExecution {
  id
  workflowId
  projectId
  status
  payload
  idempotencyKey
  triggeredByKeyPrefix
  createdAt
}`) as unknown as TypedDocumentString<KeysmithExecutionQuery, KeysmithExecutionQueryVariables>;
export const KeysmithExecutionsDocument = new TypedDocumentString(`
    query KeysmithExecutions($projectId: ID!, $first: Int, $after: String) {
  node(id: $projectId) {
    __typename
    ... on Project {
      executions(first: $first, after: $after) {
        totalCount
        pageInfo {
          ...PageFields
        }
        edges {
          node {
            ...ExecutionFields
          }
        }
      }
    }
  }
}
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
fragment PageFields on PageInfo {
  hasNextPage
  endCursor
}`) as unknown as TypedDocumentString<KeysmithExecutionsQuery, KeysmithExecutionsQueryVariables>;
export const KeysmithOrganizationBySlugDocument = new TypedDocumentString(`
    query KeysmithOrganizationBySlug($slug: String!) {
  organization(slug: $slug) {
    id
    slug
    name
    plan
  }
}
    `) as unknown as TypedDocumentString<KeysmithOrganizationBySlugQuery, KeysmithOrganizationBySlugQueryVariables>;
export const KeysmithOrganizationByIdDocument = new TypedDocumentString(`
    query KeysmithOrganizationById($id: ID!) {
  node(id: $id) {
    __typename
    ... on Organization {
      id
      slug
      name
      plan
    }
  }
}
    `) as unknown as TypedDocumentString<KeysmithOrganizationByIdQuery, KeysmithOrganizationByIdQueryVariables>;
export const KeysmithProjectBySlugsDocument = new TypedDocumentString(`
    query KeysmithProjectBySlugs($organization: String!, $project: String!) {
  organization(slug: $organization) {
    id
    project(slug: $project) {
      id
      slug
      name
    }
  }
}
    `) as unknown as TypedDocumentString<KeysmithProjectBySlugsQuery, KeysmithProjectBySlugsQueryVariables>;
export const KeysmithWorkflowsDocument = new TypedDocumentString(`
    query KeysmithWorkflows($projectId: ID!, $first: Int, $after: String) {
  node(id: $projectId) {
    __typename
    ... on Project {
      workflows(first: $first, after: $after) {
        totalCount
        pageInfo {
          ...PageFields
        }
        edges {
          node {
            id
            slug
            name
            createdAt
          }
        }
      }
    }
  }
}
    fragment PageFields on PageInfo {
  hasNextPage
  endCursor
}`) as unknown as TypedDocumentString<KeysmithWorkflowsQuery, KeysmithWorkflowsQueryVariables>;
export const KeysmithProjectsDocument = new TypedDocumentString(`
    query KeysmithProjects($organizationId: ID!, $first: Int, $after: String) {
  node(id: $organizationId) {
    __typename
    ... on Organization {
      projects(first: $first, after: $after) {
        totalCount
        pageInfo {
          ...PageFields
        }
        edges {
          node {
            id
            slug
            name
            createdAt
          }
        }
      }
    }
  }
}
    fragment PageFields on PageInfo {
  hasNextPage
  endCursor
}`) as unknown as TypedDocumentString<KeysmithProjectsQuery, KeysmithProjectsQueryVariables>;
export const KeysmithApiKeysDocument = new TypedDocumentString(`
    query KeysmithApiKeys($organizationId: ID!, $first: Int, $after: String) {
  node(id: $organizationId) {
    __typename
    ... on Organization {
      apiKeys(first: $first, after: $after) {
        totalCount
        pageInfo {
          ...PageFields
        }
        edges {
          node {
            ...ApiKeyFields
          }
        }
      }
    }
  }
}
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
  project {
    id
    slug
  }
  permissions {
    permission
    level
    effective
    projectIds
    workflowIds
  }
}
fragment PageFields on PageInfo {
  hasNextPage
  endCursor
}`) as unknown as TypedDocumentString<KeysmithApiKeysQuery, KeysmithApiKeysQueryVariables>;
export const KeysmithWebhookEndpointsDocument = new TypedDocumentString(`
    query KeysmithWebhookEndpoints($organizationId: ID!, $first: Int, $after: String) {
  node(id: $organizationId) {
    __typename
    ... on Organization {
      webhookEndpoints(first: $first, after: $after) {
        totalCount
        pageInfo {
          ...PageFields
        }
        edges {
          node {
            id
            url
            description
            enabled
            events
            failingSince
            createdAt
          }
        }
      }
    }
  }
}
    fragment PageFields on PageInfo {
  hasNextPage
  endCursor
}`) as unknown as TypedDocumentString<KeysmithWebhookEndpointsQuery, KeysmithWebhookEndpointsQueryVariables>;
export const KeysmithCreateProjectApiKeyDocument = new TypedDocumentString(`
    mutation KeysmithCreateProjectApiKey($input: CreateProjectApiKeyInput!) {
  createProjectApiKey(input: $input) {
    __typename
    ... on CreateApiKeyPayload {
      secret
      apiKey {
        ...ApiKeyFields
      }
    }
    ... on Error {
      message
    }
    ... on ValidationError {
      issues {
        path
        message
      }
    }
    ... on ForbiddenError {
      permission
    }
    ... on NotFoundError {
      resource
    }
  }
}
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
  project {
    id
    slug
  }
  permissions {
    permission
    level
    effective
    projectIds
    workflowIds
  }
}`) as unknown as TypedDocumentString<KeysmithCreateProjectApiKeyMutation, KeysmithCreateProjectApiKeyMutationVariables>;
export const KeysmithCreateOrganizationApiKeyDocument = new TypedDocumentString(`
    mutation KeysmithCreateOrganizationApiKey($input: CreateOrganizationApiKeyInput!) {
  createOrganizationApiKey(input: $input) {
    __typename
    ... on CreateApiKeyPayload {
      secret
      apiKey {
        ...ApiKeyFields
      }
    }
    ... on Error {
      message
    }
    ... on ValidationError {
      issues {
        path
        message
      }
    }
    ... on ForbiddenError {
      permission
    }
    ... on NotFoundError {
      resource
    }
  }
}
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
  project {
    id
    slug
  }
  permissions {
    permission
    level
    effective
    projectIds
    workflowIds
  }
}`) as unknown as TypedDocumentString<KeysmithCreateOrganizationApiKeyMutation, KeysmithCreateOrganizationApiKeyMutationVariables>;
export const KeysmithRotateApiKeyDocument = new TypedDocumentString(`
    mutation KeysmithRotateApiKey($input: RotateApiKeyInput!) {
  rotateApiKey(input: $input) {
    __typename
    ... on RotateApiKeyPayload {
      secret
      apiKey {
        ...ApiKeyFields
      }
      previousApiKey {
        id
        graceEndsAt
      }
    }
    ... on Error {
      message
    }
    ... on ValidationError {
      issues {
        path
        message
      }
    }
    ... on ForbiddenError {
      permission
    }
    ... on NotFoundError {
      resource
    }
  }
}
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
  project {
    id
    slug
  }
  permissions {
    permission
    level
    effective
    projectIds
    workflowIds
  }
}`) as unknown as TypedDocumentString<KeysmithRotateApiKeyMutation, KeysmithRotateApiKeyMutationVariables>;
export const KeysmithRevokeApiKeyDocument = new TypedDocumentString(`
    mutation KeysmithRevokeApiKey($input: RevokeApiKeyInput!) {
  revokeApiKey(input: $input) {
    __typename
    ... on RevokeApiKeyPayload {
      apiKey {
        ...ApiKeyFields
      }
    }
    ... on Error {
      message
    }
    ... on ValidationError {
      issues {
        path
        message
      }
    }
    ... on ForbiddenError {
      permission
    }
    ... on NotFoundError {
      resource
    }
  }
}
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
  project {
    id
    slug
  }
  permissions {
    permission
    level
    effective
    projectIds
    workflowIds
  }
}`) as unknown as TypedDocumentString<KeysmithRevokeApiKeyMutation, KeysmithRevokeApiKeyMutationVariables>;
export const KeysmithDeleteApiKeyDocument = new TypedDocumentString(`
    mutation KeysmithDeleteApiKey($input: DeleteApiKeyInput!) {
  deleteApiKey(input: $input) {
    __typename
    ... on DeleteApiKeyPayload {
      deletedApiKeyId
    }
    ... on Error {
      message
    }
    ... on ValidationError {
      issues {
        path
        message
      }
    }
    ... on ForbiddenError {
      permission
    }
    ... on NotFoundError {
      resource
    }
  }
}
    `) as unknown as TypedDocumentString<KeysmithDeleteApiKeyMutation, KeysmithDeleteApiKeyMutationVariables>;
export const KeysmithCreateProjectDocument = new TypedDocumentString(`
    mutation KeysmithCreateProject($input: CreateProjectInput!) {
  createProject(input: $input) {
    __typename
    ... on ProjectPayload {
      project {
        id
        slug
        name
        createdAt
      }
    }
    ... on Error {
      message
    }
    ... on ValidationError {
      issues {
        path
        message
      }
    }
    ... on ForbiddenError {
      permission
    }
    ... on NotFoundError {
      resource
    }
  }
}
    `) as unknown as TypedDocumentString<KeysmithCreateProjectMutation, KeysmithCreateProjectMutationVariables>;
export const KeysmithCreateWorkflowDocument = new TypedDocumentString(`
    mutation KeysmithCreateWorkflow($input: CreateWorkflowInput!) {
  createWorkflow(input: $input) {
    __typename
    ... on WorkflowPayload {
      workflow {
        id
        slug
        name
        createdAt
      }
    }
    ... on Error {
      message
    }
    ... on ValidationError {
      issues {
        path
        message
      }
    }
    ... on ForbiddenError {
      permission
    }
    ... on NotFoundError {
      resource
    }
  }
}
    `) as unknown as TypedDocumentString<KeysmithCreateWorkflowMutation, KeysmithCreateWorkflowMutationVariables>;