import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { KeysmithError, UNION_ERROR_CODES, type FieldIssue } from './errors.js';
import type {
  ApiKeyFieldsFragment,
  CreateOrganizationApiKeyInput,
  CreateProjectApiKeyInput,
  ExecutionFieldsFragment,
  KeysmithCurrentKeyQuery,
  KeysmithViewerQuery,
  KeysmithWebhookEndpointsQuery,
} from './gql/graphql.js';
import { apiKeyProblem, visiblePrefix } from './key-format.js';
import {
  ApiKeysQuery,
  CreateOrganizationApiKeyMutation,
  CreateProjectApiKeyMutation,
  CreateProjectMutation,
  CreateWorkflowMutation,
  CurrentKeyQuery,
  DeleteApiKeyMutation,
  ExecutionQuery,
  ExecutionsQuery,
  OrganizationByIdQuery,
  OrganizationBySlugQuery,
  ProjectBySlugsQuery,
  ProjectsQuery,
  RevokeApiKeyMutation,
  RotateApiKeyMutation,
  TriggerWorkflowMutation,
  ViewerQuery,
  WebhookEndpointsQuery,
  WorkflowsQuery,
} from './operations.js';
import { send } from './transport.js';

export const DEFAULT_URL = 'http://localhost:4000';
const VERSION = '0.1.0';

export type KeysmithOptions = {
  /** An API key (`ksk_…`). Default: the KEYSMITH_API_KEY environment variable. */
  apiKey?: string;
  /** A person's access token (JWT), instead of a key. Default: KEYSMITH_TOKEN. */
  token?: string;
  /** The server's base URL. Default: KEYSMITH_URL, else http://localhost:4000. */
  url?: string;
  /** The fetch to use (default: the global one). */
  fetch?: typeof fetch;
  /** Retries after 429/503 and, for operations safe to repeat, after network failures. Default 2. */
  maxRetries?: number;
  /** A `Retry-After` longer than this is not waited for: the call fails with RATE_LIMITED / UNAVAILABLE. Default 60. */
  maxRetryAfterSeconds?: number;
  /**
   * In a browser an API key would be visible to anyone who opens the page, so the SDK refuses one unless this is
   * true (for a page only its owner uses, say an internal tool on a trusted machine).
   */
  dangerouslyAllowApiKeyInBrowser?: boolean;
};

export type Execution = ExecutionFieldsFragment;
export type ApiKey = ApiKeyFieldsFragment;
export type CurrentKey = KeysmithCurrentKeyQuery['currentApiKey'];
export type Viewer = KeysmithViewerQuery['viewer'];
export type Organization = { id: string; slug: string; name: string; plan: string };
export type Project = { id: string; slug: string; name: string; createdAt?: string };
export type Workflow = { id: string; slug: string; name: string; createdAt?: string };
type WebhookOrganization = Extract<NonNullable<KeysmithWebhookEndpointsQuery['node']>, { __typename: 'Organization' }>;
export type WebhookEndpoint = NonNullable<WebhookOrganization['webhookEndpoints']>['edges'][number]['node'];
export type Page<T> = { nodes: T[]; totalCount: number; hasNextPage: boolean; endCursor: string | null };
export type PageArgs = { first?: number; after?: string | null };
export type TriggerResult = { execution: Execution; replayed: boolean; idempotencyKey: string };
export type CreatedKey = { apiKey: ApiKey; secret: string };
export type RotatedKey = { apiKey: ApiKey; secret: string; previousApiKey: { id: string; graceEndsAt: string | null } };

/** A document of your own: a string, or a typed string document from GraphQL Code Generator (`documentMode: 'string'`). */
export type Document<TResult, TVariables> = DocumentTypeDecoration<TResult, TVariables> | string;

type Credential = { kind: 'apiKey' | 'token'; source: string; value: string };

type Env = Record<string, string | undefined>;
const environment = (): Env => (globalThis as { process?: { env?: Env } }).process?.env ?? {};
const isBrowser = () => typeof (globalThis as { window?: unknown }).window !== 'undefined' && typeof (globalThis as { document?: unknown }).document !== 'undefined';

function pickCredential(options: KeysmithOptions, env: Env): Credential {
  if (options.apiKey !== undefined && options.token !== undefined) {
    throw new KeysmithError({ code: 'CONFIGURATION', message: 'Pass either apiKey or token, not both' });
  }
  if (options.apiKey !== undefined) return { kind: 'apiKey', source: 'the apiKey option', value: options.apiKey };
  if (options.token !== undefined) return { kind: 'token', source: 'the token option', value: options.token };
  if (env.KEYSMITH_API_KEY) return { kind: 'apiKey', source: 'KEYSMITH_API_KEY', value: env.KEYSMITH_API_KEY };
  if (env.KEYSMITH_TOKEN) return { kind: 'token', source: 'KEYSMITH_TOKEN', value: env.KEYSMITH_TOKEN };
  throw new KeysmithError({
    code: 'UNAUTHENTICATED',
    reason: 'MISSING_CREDENTIALS',
    message: 'No credentials: set KEYSMITH_API_KEY to an API key (or KEYSMITH_TOKEN to an access token)',
  });
}

function baseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new KeysmithError({ code: 'CONFIGURATION', message: `The Keysmith URL is not a URL: "${raw}" (set KEYSMITH_URL like http://localhost:4000)` });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new KeysmithError({ code: 'CONFIGURATION', message: `The Keysmith URL must be http or https, not ${url.protocol}` });
  }
  if (url.username || url.password) throw new KeysmithError({ code: 'CONFIGURATION', message: 'The Keysmith URL must not contain a user name or password' });
  return url.href.replace(/\/+$/, '');
}

/** A typed result union: the payload when it is the success type, a KeysmithError for any of the error types. */
function unwrap(result: { __typename: string }, success: string, requestId: string | null): unknown {
  if (result.__typename === success) return result;
  const error = result as { __typename: string; message?: string; issues?: FieldIssue[]; permission?: string | null };
  throw new KeysmithError({
    code: UNION_ERROR_CODES[error.__typename] ?? 'INTERNAL',
    message: error.message ?? `Unexpected ${error.__typename}`,
    issues: error.issues,
    permission: error.permission ?? null,
    requestId,
  });
}

function page<T>(connection: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor?: string | null }; edges: { node: T }[] } | null | undefined): Page<T> {
  if (!connection) return { nodes: [], totalCount: 0, hasNextPage: false, endCursor: null };
  return { nodes: connection.edges.map((e) => e.node), totalCount: connection.totalCount, hasNextPage: connection.pageInfo.hasNextPage, endCursor: connection.pageInfo.endCursor ?? null };
}

function notFound(message: string): KeysmithError {
  return new KeysmithError({ code: 'NOT_FOUND', message });
}

const isQuery = (document: string) => /^\s*(#[^\n]*\n\s*)*(query\b|\{)/.test(document);
const newIdempotencyKey = () => `sdk-${globalThis.crypto.randomUUID()}`;

/**
 * A Keysmith API client. `new Keysmith()` reads KEYSMITH_API_KEY (or KEYSMITH_TOKEN) and KEYSMITH_URL; an API key
 * is checked offline (format and checksum) here, before any request.
 */
export class Keysmith {
  readonly url: string;
  /** `apiKey` or `token`: what this client authenticates with (never the value). */
  readonly credentialKind: 'apiKey' | 'token';
  readonly #authorization: string;
  readonly #label: string;
  readonly #fetch: typeof fetch;
  readonly #maxRetries: number;
  readonly #maxRetryAfterSeconds: number;

  constructor(options: KeysmithOptions = {}) {
    const env = environment();
    const credential = pickCredential(options, env);
    if (credential.value.trim() === '') {
      throw new KeysmithError({ code: 'UNAUTHENTICATED', reason: 'MISSING_CREDENTIALS', message: `${credential.source} is empty` });
    }
    if (credential.kind === 'apiKey') {
      const problem = apiKeyProblem(credential.value);
      if (problem) throw new KeysmithError({ code: 'UNAUTHENTICATED', reason: 'MALFORMED_KEY', message: `The API key in ${credential.source} is not valid: ${problem}` });
      if (isBrowser() && !options.dangerouslyAllowApiKeyInBrowser) {
        throw new KeysmithError({
          code: 'CONFIGURATION',
          message: 'Refusing an API key in a browser, where anyone using the page can read it: call Keysmith from a server, or pass dangerouslyAllowApiKeyInBrowser: true',
        });
      }
    }
    this.credentialKind = credential.kind;
    this.#authorization = `Bearer ${credential.value}`;
    this.#label = credential.kind === 'apiKey' ? `apiKey ${visiblePrefix(credential.value)}…` : 'token';
    this.url = baseUrl(options.url ?? env.KEYSMITH_URL ?? DEFAULT_URL);
    const fetchFn = options.fetch ?? globalThis.fetch;
    if (typeof fetchFn !== 'function') throw new KeysmithError({ code: 'CONFIGURATION', message: 'No fetch in this runtime: pass { fetch }' });
    this.#fetch = fetchFn;
    this.#maxRetries = options.maxRetries ?? 2;
    this.#maxRetryAfterSeconds = options.maxRetryAfterSeconds ?? 60;
  }

  // The credential lives only in private fields: these keep it out of console.log, util.inspect and JSON.stringify.
  toJSON(): Record<string, unknown> {
    return { url: this.url, credential: this.#label };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `Keysmith { url: '${this.url}', credential: '${this.#label}' }`;
  }

  /**
   * Sends any document and returns its `data`, typed when the document is a typed string document. Errors (a
   * top-level GraphQL error, an HTTP failure) become a KeysmithError; typed errors inside a result union are left to
   * the caller. Queries are retried after network failures; mutations only with `{ safeToRepeat: true }`.
   */
  async request<TResult, TVariables>(document: Document<TResult, TVariables>, variables?: TVariables, options: { safeToRepeat?: boolean } = {}): Promise<TResult> {
    return (await this.#call(document, variables, options)).data;
  }

  /** A mutation whose result is a typed union: the success member, or its error as a KeysmithError (with the request id). */
  async #mutate<TResult, TVariables, K extends keyof TResult, N extends string>(
    document: Document<TResult, TVariables>,
    variables: TVariables,
    field: K,
    success: N,
    options: { safeToRepeat?: boolean } = {},
  ): Promise<Extract<TResult[K], { __typename: N }>> {
    const { data, requestId } = await this.#call(document, variables, options);
    return unwrap(data[field] as { __typename: string }, success as string, requestId) as Extract<TResult[K], { __typename: N }>;
  }

  async #call<TResult, TVariables>(document: Document<TResult, TVariables>, variables: TVariables | undefined, options: { safeToRepeat?: boolean }): Promise<{ data: TResult; requestId: string | null }> {
    const query = document.toString();
    const answer = await send(
      {
        endpoint: `${this.url}/graphql`,
        authorization: () => this.#authorization,
        fetch: this.#fetch,
        maxRetries: this.#maxRetries,
        maxRetryAfterSeconds: this.#maxRetryAfterSeconds,
        userAgent: `keysmith-sdk/${VERSION}`,
      },
      query,
      variables,
      { safeToRepeat: options.safeToRepeat ?? isQuery(query) },
    );
    return answer as { data: TResult; requestId: string | null };
  }

  /** The calling API key's own metadata (API keys only). */
  async currentKey(): Promise<CurrentKey> {
    return (await this.request(CurrentKeyQuery)).currentApiKey;
  }

  /** The signed-in person and their organizations (access tokens only). */
  async viewer(): Promise<Viewer> {
    return (await this.request(ViewerQuery)).viewer;
  }

  /**
   * Starts a workflow. Without an `idempotencyKey` one is made up for this call, so that the SDK's own retries after
   * a lost answer never start the workflow twice; it is returned so a caller can retry later with the same one.
   */
  async triggerWorkflow(input: ({ workflowId: string; workflowPath?: never } | { workflowPath: string; workflowId?: never }) & { payload?: unknown; idempotencyKey?: string }): Promise<TriggerResult> {
    const idempotencyKey = input.idempotencyKey ?? newIdempotencyKey();
    const workflow = input.workflowPath !== undefined ? { workflowPath: input.workflowPath } : { workflowId: input.workflowId };
    const input_ = { input: { ...workflow, payload: input.payload ?? null, idempotencyKey } };
    const result = await this.#mutate(TriggerWorkflowMutation, input_, 'triggerWorkflow', 'TriggerWorkflowPayload', { safeToRepeat: true });
    return { execution: result.execution, replayed: result.replayed, idempotencyKey };
  }

  /** An execution this key may read; NOT_FOUND otherwise. */
  async execution(id: string): Promise<Execution> {
    const execution = (await this.request(ExecutionQuery, { id })).workflowExecution;
    if (!execution) throw notFound(`No execution ${id} that this key can read`);
    return execution;
  }

  /** A project's executions, newest first. */
  async executions(args: { projectId: string } & PageArgs): Promise<Page<Execution>> {
    const node = (await this.request(ExecutionsQuery, { projectId: args.projectId, first: args.first ?? 20, after: args.after ?? null })).node;
    if (node?.__typename !== 'Project') throw notFound(`No project ${args.projectId} that this credential can read`);
    return page(node.executions);
  }

  /** An organization by slug, or by global id. */
  async organization(slugOrId: string): Promise<Organization> {
    const bySlug = /^[a-z0-9][a-z0-9-]*$/.test(slugOrId) ? (await this.request(OrganizationBySlugQuery, { slug: slugOrId })).organization : null;
    if (bySlug) return bySlug;
    const node = (await this.request(OrganizationByIdQuery, { id: slugOrId })).node;
    if (node?.__typename === 'Organization') return node;
    throw notFound(`No organization "${slugOrId}" that this credential can read`);
  }

  /** A project by `organization/project` slugs, or by global id (returned as given). */
  async project(ref: string): Promise<{ id: string }> {
    const parts = ref.split('/');
    if (parts.length === 1) return { id: ref };
    if (parts.length !== 2 || parts.some((p) => p === '')) {
      throw new KeysmithError({ code: 'VALIDATION', message: `"${ref}" is neither a project id nor organization/project`, issues: [{ path: ['project'], message: 'expected organization/project or an id' }] });
    }
    const org = (await this.request(ProjectBySlugsQuery, { organization: parts[0]!, project: parts[1]! })).organization;
    if (!org) throw notFound(`No organization "${parts[0]}" that this credential can read`);
    if (!org.project) throw notFound(`No project "${parts[1]}" in ${parts[0]} that this credential can read`);
    return org.project;
  }

  /**
   * A workflow by `organization/project/workflow` slugs (needs organization:read, project:read and workflow:read), or
   * by global id (returned as given, no request). Only to trigger it, skip this: `triggerWorkflow({ workflowPath })`.
   */
  async workflow(ref: string): Promise<{ id: string }> {
    const parts = ref.split('/');
    if (parts.length === 1) return { id: ref };
    if (parts.length !== 3 || parts.some((p) => p === '')) {
      throw new KeysmithError({
        code: 'VALIDATION',
        message: `"${ref}" is neither a workflow id nor organization/project/workflow`,
        issues: [{ path: ['workflow'], message: 'expected organization/project/workflow or an id' }],
      });
    }
    try {
      const project = await this.project(`${parts[0]}/${parts[1]}`);
      for (let after: string | null = null; ; ) {
        const found: Page<Workflow> = await this.workflows({ projectId: project.id, first: 100, after });
        const match = found.nodes.find((w) => w.slug === parts[2]);
        if (match) return match;
        if (!found.hasNextPage) break;
        after = found.endCursor;
      }
    } catch (error) {
      if (!(error instanceof KeysmithError) || error.code !== 'FORBIDDEN' || !error.permission) throw error;
      throw new KeysmithError({
        code: 'FORBIDDEN',
        requestId: error.requestId,
        status: error.status,
        // To trigger, nothing needs finding: the server resolves the path itself and asks only for workflow:trigger.
        message: `Finding "${ref}" by its slugs needs organization:read, project:read and workflow:read, and this credential lacks ${error.permission} (to trigger it, pass the path as it is: triggerWorkflow({ workflowPath: "${ref}" }) needs only workflow:trigger; otherwise pass the workflow's id)`,
        permission: error.permission,
      });
    }
    throw notFound(`No workflow "${parts[2]}" in ${parts[0]}/${parts[1]} that this credential can read (finding it needs workflow:read)`);
  }

  async projects(args: { organizationId: string } & PageArgs): Promise<Page<Project>> {
    const node = (await this.request(ProjectsQuery, { organizationId: args.organizationId, first: args.first ?? 50, after: args.after ?? null })).node;
    if (node?.__typename !== 'Organization') throw notFound(`No organization ${args.organizationId} that this credential can read`);
    return page(node.projects);
  }

  async createProject(input: { organizationId: string; name: string; slug: string }): Promise<Project> {
    return (await this.#mutate(CreateProjectMutation, { input }, 'createProject', 'ProjectPayload')).project;
  }

  async workflows(args: { projectId: string } & PageArgs): Promise<Page<Workflow>> {
    const node = (await this.request(WorkflowsQuery, { projectId: args.projectId, first: args.first ?? 50, after: args.after ?? null })).node;
    if (node?.__typename !== 'Project') throw notFound(`No project ${args.projectId} that this credential can read`);
    return page(node.workflows);
  }

  async createWorkflow(input: { projectId: string; name: string; slug: string }): Promise<Workflow> {
    return (await this.#mutate(CreateWorkflowMutation, { input }, 'createWorkflow', 'WorkflowPayload')).workflow;
  }

  /** Every key of an organization that this credential may read, organization- and project-level. */
  async apiKeys(args: { organizationId: string } & PageArgs): Promise<Page<ApiKey>> {
    const node = (await this.request(ApiKeysQuery, { organizationId: args.organizationId, first: args.first ?? 50, after: args.after ?? null })).node;
    if (node?.__typename !== 'Organization') throw notFound(`No organization ${args.organizationId} that this credential can read`);
    return page(node.apiKeys);
  }

  /** A key for one project. The secret is in the result and nowhere else, ever. */
  async createProjectApiKey(input: CreateProjectApiKeyInput): Promise<CreatedKey> {
    const { apiKey, secret } = await this.#mutate(CreateProjectApiKeyMutation, { input }, 'createProjectApiKey', 'CreateApiKeyPayload');
    return { apiKey, secret };
  }

  /** A key for all or some projects of an organization. The secret is in the result and nowhere else, ever. */
  async createOrganizationApiKey(input: CreateOrganizationApiKeyInput): Promise<CreatedKey> {
    const { apiKey, secret } = await this.#mutate(CreateOrganizationApiKeyMutation, { input }, 'createOrganizationApiKey', 'CreateApiKeyPayload');
    return { apiKey, secret };
  }

  async rotateApiKey(input: { id: string; gracePeriodSeconds?: number }): Promise<RotatedKey> {
    const { apiKey, secret, previousApiKey } = await this.#mutate(RotateApiKeyMutation, { input }, 'rotateApiKey', 'RotateApiKeyPayload');
    return { apiKey, secret, previousApiKey };
  }

  async revokeApiKey(id: string): Promise<ApiKey> {
    return (await this.#mutate(RevokeApiKeyMutation, { input: { id } }, 'revokeApiKey', 'RevokeApiKeyPayload')).apiKey;
  }

  async deleteApiKey(id: string): Promise<{ deletedApiKeyId: string }> {
    const { deletedApiKeyId } = await this.#mutate(DeleteApiKeyMutation, { input: { id } }, 'deleteApiKey', 'DeleteApiKeyPayload');
    return { deletedApiKeyId };
  }

  async webhookEndpoints(args: { organizationId: string } & PageArgs): Promise<Page<WebhookEndpoint>> {
    const node = (
      await this.request(WebhookEndpointsQuery, { organizationId: args.organizationId, first: args.first ?? 50, after: args.after ?? null }).catch((error: unknown) => {
        // The field answers a bare FORBIDDEN; its schema says what it needs, so say it too.
        if (error instanceof KeysmithError && error.code === 'FORBIDDEN' && !error.permission) {
          throw new KeysmithError({ code: 'FORBIDDEN', message: 'Reading webhook endpoints needs webhook:read', permission: 'webhook:read', requestId: error.requestId, status: error.status });
        }
        throw error;
      })
    ).node;
    if (node?.__typename !== 'Organization') throw notFound(`No organization ${args.organizationId} that this credential can read`);
    return page(node.webhookEndpoints);
  }
}
