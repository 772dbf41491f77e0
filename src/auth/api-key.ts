import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.ts';
import type { ApiKeyAuthenticator, AuthResult } from '../domains/api-keys/authenticate.ts';
import type { UsageTracker } from '../domains/api-keys/usage.ts';
import { allowsAddress } from '../domains/api-keys/allowlist.ts';
import { addressNotAllowed, throttled, unauthenticated, upgradeRequired } from '../http-errors.ts';
import { bearerToken, looksLikeJwt } from './jwt.ts';

/** Authenticates `Authorization: Bearer <api key>` (anything that is not JWT-shaped) and records usage. */
export function useApiKeyAuth(deps: {
  authenticator: ApiKeyAuthenticator;
  usage: UsageTracker;
  onFailure?: (failure: string) => void;
}): Plugin<Context> {
  return {
    onContextBuilding({ context, extendContext }) {
      const token = bearerToken(context.request);
      if (token === null || looksLikeJwt(token)) return;
      const settle = (result: AuthResult) => {
        if (!result.ok) {
          deps.onFailure?.(result.failure);
          if (result.failure === 'throttled') throw throttled(result.retryAfterSeconds);
          if (result.failure === 'plan') {
            throw upgradeRequired('API access is not included in the organization plan; upgrade to TEAM or ENTERPRISE');
          }
          // Every identity failure gets the same answer: nothing tells a caller whether the key exists.
          throw unauthenticated();
        }
        // After the identity check: a wrong secret from anywhere is 401; a right one from outside the allowlist is 403.
        if (!allowsAddress(result.key.ipAllowlist, context.clientIp)) {
          deps.onFailure?.('address');
          throw addressNotAllowed(context.clientIp);
        }
        deps.usage.record(result.key.id, context.clock.now(), context.clientIp);
        extendContext({ principal: { kind: 'apiKey', key: result.key } } as Partial<Context>);
      };
      // The warm path decides without I/O and without a promise; anything else goes to the database.
      const cached = deps.authenticator.authenticateCached(token);
      if (cached) return settle(cached);
      return deps.authenticator.authenticate(context.prisma, token, context.clientIp).then(settle);
    },
  };
}
