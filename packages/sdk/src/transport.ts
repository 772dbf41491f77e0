import { EXTENSION_CODES, KeysmithError, type FieldIssue, type KeysmithErrorCode } from './errors.js';

/**
 * One GraphQL request over `fetch`, with the retry policy:
 * - 429 and 503 are retried after the server's `Retry-After` (the request was refused before it ran, so any
 *   operation may be repeated), as long as the wait is at most `maxRetryAfterSeconds`;
 * - a network failure (no answer at all) is retried only when the operation is safe to repeat: a query, or a
 *   mutation sent with an idempotency key;
 * - anything else is answered at once.
 */
export type TransportOptions = {
  endpoint: string;
  authorization: () => string;
  fetch: typeof fetch;
  maxRetries: number;
  maxRetryAfterSeconds: number;
  userAgent: string;
};

export type SendOptions = { safeToRepeat: boolean };

type GraphQLErrorBody = { message?: unknown; extensions?: Record<string, unknown> };
type Envelope = { data?: unknown; errors?: GraphQLErrorBody[] };

const BACKOFF_MS = [250, 1000, 3000];
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `Retry-After` as seconds (delta-seconds or an HTTP date); null when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

export async function send(options: TransportOptions, query: string, variables: unknown, policy: SendOptions): Promise<{ data: unknown; requestId: string | null }> {
  for (let attempt = 0; ; attempt++) {
    const canRetry = attempt < options.maxRetries;
    let response: Response;
    try {
      response = await options.fetch(options.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          authorization: options.authorization(),
          'user-agent': options.userAgent,
        },
        body: JSON.stringify({ query, variables: variables ?? {} }),
      });
    } catch (error) {
      if (canRetry && policy.safeToRepeat) {
        await sleep(BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)]!);
        continue;
      }
      throw networkError(options.endpoint, error);
    }

    if (response.status === 429 || response.status === 503) {
      const wait = retryAfterSeconds(response.headers.get('retry-after'));
      if (canRetry && (wait ?? 0) <= options.maxRetryAfterSeconds) {
        await response.body?.cancel().catch(() => undefined);
        await sleep(wait === null ? BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)]! : wait * 1000);
        continue;
      }
    }
    return readAnswer(response);
  }
}

async function readAnswer(response: Response): Promise<{ data: unknown; requestId: string | null }> {
  const requestId = response.headers.get('x-request-id');
  const retryAfter = retryAfterSeconds(response.headers.get('retry-after'));
  let body: Envelope | null = null;
  try {
    body = (await response.json()) as Envelope;
  } catch {
    body = null;
  }
  const first = body?.errors?.[0];
  if (first) throw fromGraphQLError(first, response.status, requestId, retryAfter);
  if (!response.ok || !body || body.data === undefined || body.data === null) {
    throw new KeysmithError({
      code: codeForStatus(response.status),
      message: `Keysmith answered HTTP ${response.status} without a GraphQL result`,
      status: response.status,
      requestId,
      retryAfterSeconds: retryAfter,
    });
  }
  return { data: body.data, requestId };
}

function codeForStatus(status: number): KeysmithErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 503) return 'UNAVAILABLE';
  if (status === 400) return 'VALIDATION';
  return 'INTERNAL';
}

function fromGraphQLError(error: GraphQLErrorBody, status: number, requestId: string | null, retryAfter: number | null): KeysmithError {
  const extensions = error.extensions ?? {};
  const serverCode = typeof extensions.code === 'string' ? extensions.code : null;
  const code = (serverCode && EXTENSION_CODES[serverCode]) || codeForStatus(status);
  return new KeysmithError({
    code,
    message: typeof error.message === 'string' ? error.message : `Keysmith answered HTTP ${status}`,
    issues: fieldIssues(extensions.issues),
    status,
    requestId: requestId ?? (typeof extensions.requestId === 'string' ? extensions.requestId : null),
    permission: typeof extensions.permission === 'string' ? extensions.permission : null,
    reason: typeof extensions.reason === 'string' ? extensions.reason : null,
    retryAfterSeconds: retryAfter,
  });
}

function fieldIssues(value: unknown): FieldIssue[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((i): i is { path: unknown; message: unknown } => typeof i === 'object' && i !== null)
    .map((i) => ({ path: Array.isArray(i.path) ? i.path.map(String) : [], message: String(i.message) }));
}

function networkError(endpoint: string, error: unknown): KeysmithError {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const detail = typeof cause?.code === 'string' ? ` (${cause.code})` : '';
  // The original error is kept as `cause` only when it cannot carry the request: fetch's TypeError never does.
  return new KeysmithError({
    code: 'NETWORK',
    message: `Could not reach Keysmith at ${new URL(endpoint).origin}${detail}`,
    reason: typeof cause?.code === 'string' ? cause.code : null,
  });
}
