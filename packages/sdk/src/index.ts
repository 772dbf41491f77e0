export { Keysmith, DEFAULT_URL } from './client.js';
export type {
  ApiKey,
  CreatedKey,
  CurrentKey,
  Document,
  Execution,
  KeysmithOptions,
  Organization,
  Page,
  PageArgs,
  Project,
  RotatedKey,
  TriggerResult,
  Viewer,
  WebhookEndpoint,
  Workflow,
} from './client.js';
export { KeysmithError } from './errors.js';
export type { FieldIssue, KeysmithErrorCode, KeysmithErrorDetails } from './errors.js';
export { apiKeyProblem } from './key-format.js';
export type { CreateOrganizationApiKeyInput, CreateProjectApiKeyInput, ExecutionStatus, ExpiryPolicy } from './gql/graphql.js';
