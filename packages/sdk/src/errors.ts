/**
 * The one error the SDK throws. Every failure — a typed error of a mutation's result union, a top-level GraphQL
 * error, an HTTP status, a network failure, a bad or missing credential — becomes a KeysmithError with a `code`, a
 * message meant for people, the field issues and the server's request id. Messages never contain a credential.
 */
export type KeysmithErrorCode =
  /** No credential, a malformed key, or the server refused the credential (401). */
  | 'UNAUTHENTICATED'
  /** The credential may not do this (403, or ForbiddenError naming the missing `permission`). */
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  /** Invalid input: `issues` names each field. */
  | 'VALIDATION'
  /** The change collides with the current state (a taken slug, an idempotency key reused with another payload…). */
  | 'CONFLICT'
  /** The organization's plan does not include this. */
  | 'UPGRADE_REQUIRED'
  /** Too many requests (429) and the retries were used up; `retryAfterSeconds` says when to try again. */
  | 'RATE_LIMITED'
  /** The server is starting or overloaded (503) and the retries were used up. */
  | 'UNAVAILABLE'
  /** The server could not be reached. */
  | 'NETWORK'
  /** The SDK was used wrongly (an API key in a browser without opting in, a bad option). */
  | 'CONFIGURATION'
  /** Anything else: a server error (5xx) or an answer the SDK does not understand. */
  | 'INTERNAL';

export type FieldIssue = { path: string[]; message: string };

export type KeysmithErrorDetails = {
  code: KeysmithErrorCode;
  message: string;
  issues?: FieldIssue[];
  requestId?: string | null;
  status?: number | null;
  /** The permission that was missing (FORBIDDEN), when the server names one. */
  permission?: string | null;
  /** The server's finer reason (`TOKEN_EXPIRED`, `ADDRESS_NOT_ALLOWED`, `MISSING_CREDENTIALS`, `MALFORMED_KEY`…). */
  reason?: string | null;
  retryAfterSeconds?: number | null;
  cause?: unknown;
};

export class KeysmithError extends Error {
  override readonly name = 'KeysmithError';
  readonly code: KeysmithErrorCode;
  readonly issues: FieldIssue[];
  readonly requestId: string | null;
  readonly status: number | null;
  readonly permission: string | null;
  readonly reason: string | null;
  readonly retryAfterSeconds: number | null;

  constructor(details: KeysmithErrorDetails) {
    super(details.message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = details.code;
    this.issues = details.issues ?? [];
    this.requestId = details.requestId ?? null;
    this.status = details.status ?? null;
    this.permission = details.permission ?? null;
    this.reason = details.reason ?? null;
    this.retryAfterSeconds = details.retryAfterSeconds ?? null;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      issues: this.issues,
      requestId: this.requestId,
      status: this.status,
      permission: this.permission,
      reason: this.reason,
      retryAfterSeconds: this.retryAfterSeconds,
    };
  }
}

/** The code of each typed error of the schema's result unions. */
export const UNION_ERROR_CODES: Record<string, KeysmithErrorCode> = {
  ValidationError: 'VALIDATION',
  ForbiddenError: 'FORBIDDEN',
  NotFoundError: 'NOT_FOUND',
  ConflictError: 'CONFLICT',
  BulkOperationError: 'CONFLICT',
  UpgradeRequiredError: 'UPGRADE_REQUIRED',
};

/** The code of each `extensions.code` the server sends with a top-level error. */
export const EXTENSION_CODES: Record<string, KeysmithErrorCode> = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'VALIDATION',
  GRAPHQL_VALIDATION_FAILED: 'VALIDATION',
  GRAPHQL_PARSE_FAILED: 'VALIDATION',
  CONFLICT: 'CONFLICT',
  UPGRADE_REQUIRED: 'UPGRADE_REQUIRED',
  RATE_LIMITED: 'RATE_LIMITED',
  SERVICE_UNAVAILABLE: 'UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL',
};
