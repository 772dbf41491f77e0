import { GraphQLError } from 'graphql';

/**
 * The HTTP-level errors: the only place that decides the status and headers of a GraphQL answer, with its code. Everything that
 * refuses a request before or outside a resolver's result union (authentication, scope checks, throttles, plans,
 * an unreachable identity provider) throws one of these; Yoga's masking lets GraphQLErrors through unchanged.
 */

/**
 * Every identity failure — a JWT with bad claims or signature, an API key with an unknown id or a wrong secret — is
 * this one answer, byte for byte: nothing tells a caller whether a key exists or which check failed. (The exceptions
 * below say only what the caller already knows: a token's age, a key's public format, or — once its secret is
 * verified — the key's own state.)
 */
export function unauthenticated(): GraphQLError {
  return new GraphQLError('Unauthenticated', {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } } },
  });
}

/**
 * The one exception to the uniform 401: a correctly signed token of the caller's own whose only problem is its
 * age. Saying so reveals nothing the caller cannot read from the token, and tells a GraphiQL user what to do.
 */
export function tokenExpired(): GraphQLError {
  return new GraphQLError('The access token expired: get a new one (in development: npm run token) and retry', {
    extensions: {
      code: 'UNAUTHENTICATED',
      reason: 'TOKEN_EXPIRED',
      http: {
        status: 401,
        headers: { 'WWW-Authenticate': 'Bearer error="invalid_token", error_description="The access token expired"' },
      },
    },
  });
}

export type KeyRefusal = 'KEY_MALFORMED' | 'KEY_REVOKED' | 'KEY_EXPIRED' | 'KEY_INACTIVE';

const KEY_REFUSAL_SUMMARY: Record<KeyRefusal, string> = {
  KEY_MALFORMED: 'The API key is malformed',
  KEY_REVOKED: 'The API key was revoked',
  KEY_EXPIRED: 'The API key expired',
  KEY_INACTIVE: 'The API key is inactive',
};

/**
 * An API key that cannot work, said to the one who can know it: `KEY_MALFORMED` is decided from the key's public
 * format and checksum alone (any reader of the format could compute it), the others only after the secret was
 * verified, so they reach only the key's holder. `at` is when it was revoked or stopped working (ISO 8601).
 */
export function keyRefused(reason: KeyRefusal, message: string, at?: Date | null): GraphQLError {
  const summary = KEY_REFUSAL_SUMMARY[reason];
  return new GraphQLError(message, {
    extensions: {
      code: 'UNAUTHENTICATED',
      reason,
      ...(at ? { at: at.toISOString() } : {}),
      http: { status: 401, headers: { 'WWW-Authenticate': `Bearer error="invalid_token", error_description="${summary}"` } },
    },
  });
}

/**
 * The console's session cookie named no open session: signed out (here or everywhere), idle too long, past its
 * absolute end, or its tokens could no longer be renewed. The cookie is cleared; the console shows its sign-in.
 */
export function sessionEnded(clearCookie: string, reason: 'signed-out' | 'idle' | 'expired' | 'renewal-failed'): GraphQLError {
  const message = {
    'signed-out': 'Your console session has ended (signed out): sign in again',
    idle: 'Your console session ended after a period without activity: sign in again',
    expired: 'Your console session reached its maximum length: sign in again',
    'renewal-failed': 'Your console session could not be renewed at the identity provider: sign in again',
  }[reason];
  return new GraphQLError(message, {
    extensions: {
      code: 'UNAUTHENTICATED',
      reason: 'SESSION_ENDED',
      http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer', 'Set-Cookie': clearCookie } },
    },
  });
}

/** A request carrying the console's cookie that is not the console's own (CSRF defence): refused, nothing runs. */
export function crossOriginRefused(detail: string): GraphQLError {
  return new GraphQLError(`The console's session cookie is accepted only from the console's own pages (refused ${detail})`, {
    extensions: { code: 'FORBIDDEN', reason: 'CROSS_ORIGIN_REFUSED', http: { status: 403 } },
  });
}

/** No credentials at all on a field that needs them. */
export function authenticationRequired(): GraphQLError {
  return new GraphQLError('Authentication required', {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } } },
  });
}

/**
 * A request refused for what it asks (a page too large, a list argument too long, a query or response over a limit,
 * a malformed body), before or outside any mutation's result union: 400, with a code saying which kind.
 */
export function badRequest(message: string, code: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code, http: { status: 400 } } });
}

/** A request body over MAX_BODY_BYTES, found while reading it (graphql/limits.ts). */
export function payloadTooLarge(maxBytes: number): GraphQLError {
  return new GraphQLError(`Request body exceeds the limit of ${maxBytes} bytes`, { extensions: { code: 'BAD_REQUEST', http: { status: 413 } } });
}

export function forbidden(message = 'Not authorized'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
}

/** A key without the permission a field needs: says which (`extensions.permission`), and where when known. */
export function keyLacks(permission: string, where?: string): GraphQLError {
  return new GraphQLError(`This key lacks \`${permission}\`${where ? ` on ${where}` : ''}`, {
    extensions: { code: 'FORBIDDEN', permission, http: { status: 403 } },
  });
}

/**
 * A valid key used from an address outside its IP allowlist. The identity is proven (wrong secrets get 401 before
 * this is ever checked), so saying which check failed, and the address the server saw, tells the caller nothing new.
 */
export function addressNotAllowed(clientIp: string | null): GraphQLError {
  const seen = clientIp ? `from ${clientIp}` : 'from an unknown address';
  return new GraphQLError(`This API key may not be used ${seen}: the address is not in the key's IP allowlist`, {
    extensions: { code: 'FORBIDDEN', reason: 'ADDRESS_NOT_ALLOWED', http: { status: 403 } },
  });
}

export function upgradeRequired(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UPGRADE_REQUIRED', http: { status: 403 } } });
}

export function throttled(retryAfterSeconds: number, message = 'Too many failed authentication attempts; retry later'): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'RATE_LIMITED', http: { status: 429, headers: { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) } } },
  });
}

/** A dependency we cannot do without (the identity provider's keys) is out of reach: retry, it is not your fault. */
export function serviceUnavailable(message: string, retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers: { 'Retry-After': String(retryAfterSeconds) } } },
  });
}

/**
 * A key over one of its own rate limits (after its secret was verified, so only its holder hears it): 429 naming the
 * limit, with `Retry-After` and the rate-limit headers. Nothing of the request ran.
 */
export function keyRateLimited(limit: { name: string; limit: number; durationSeconds: number }, retryAfterSeconds: number, headers: Record<string, string>): GraphQLError {
  const retry = Math.max(1, Math.ceil(retryAfterSeconds));
  return new GraphQLError(`This API key is over its rate limit "${limit.name}" (${limit.limit} calls per ${limit.durationSeconds} s); retry in ${retry} s`, {
    extensions: {
      code: 'RATE_LIMITED',
      reason: 'KEY_RATE_LIMITED',
      limit: { name: limit.name, limit: limit.limit, durationSeconds: limit.durationSeconds },
      retryAfterSeconds: retry,
      http: { status: 429, headers: { 'Retry-After': String(retry), ...headers } },
    },
  });
}
