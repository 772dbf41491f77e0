import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.ts';
import type { ApiKeyAuthenticator } from '../domains/api-keys/authenticate.ts';
import type { UsageTracker } from '../domains/api-keys/usage.ts';
import { bearerToken, looksLikeJwt } from './jwt.ts';

/**
 * Every identity failure — malformed, bad checksum, unknown, wrong secret, inactive, revoked, expired, deleted,
 * rotated past its grace — gets this same 401: nothing tells a caller whether the key exists.
 */
export function unauthenticated(): GraphQLError {
  return new GraphQLError('Unauthenticated', {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } } },
  });
}

export function forbidden(message = 'Not authorized'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
}

/** Authenticates `Authorization: Bearer <api key>` (anything that is not JWT-shaped) and records usage. */
export function useApiKeyAuth(deps: {
  authenticator: ApiKeyAuthenticator;
  usage: UsageTracker;
  onFailure?: (failure: string) => void;
}): Plugin<Context> {
  return {
    async onContextBuilding({ context, extendContext }) {
      const token = bearerToken(context.request);
      if (token === null || looksLikeJwt(token)) return;
      const result = await deps.authenticator.authenticate(context.prisma, token, context.clientIp);
      if (!result.ok) {
        deps.onFailure?.(result.failure);
        if (result.failure === 'throttled') {
          throw new GraphQLError('Too many failed authentication attempts; retry later', {
            extensions: {
              code: 'RATE_LIMITED',
              http: { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } },
            },
          });
        }
        if (result.failure === 'plan') {
          throw new GraphQLError('API access is not included in the organization plan; upgrade to TEAM or ENTERPRISE', {
            extensions: { code: 'UPGRADE_REQUIRED', http: { status: 403 } },
          });
        }
        throw unauthenticated();
      }
      deps.usage.record(result.key.id, context.clock.now(), context.clientIp);
      extendContext({ principal: { kind: 'apiKey', key: result.key } } as Partial<Context>);
    },
  };
}
