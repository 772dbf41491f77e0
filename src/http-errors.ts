import { GraphQLError } from 'graphql';

/**
 * The HTTP-level errors: the only place that decides the status and headers of a GraphQL answer, with its code. Everything that
 * refuses a request before or outside a resolver's result union (authentication, scope checks, throttles, plans,
 * an unreachable identity provider) throws one of these; Yoga's masking lets GraphQLErrors through unchanged.
 */

/**
 * Every identity failure — JWT or API key, malformed, unknown, wrong secret, revoked, expired, bad claims — is this
 * one answer, byte for byte: nothing tells a caller whether a key exists or which check failed.
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
