import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.ts';
import type { ApiKeyAuthenticator, AuthResult } from '../domains/api-keys/authenticate.ts';
import type { UsageTracker } from '../domains/api-keys/usage.ts';
import { allowsAddress } from '../domains/api-keys/allowlist.ts';
import { addressNotAllowed, keyRateLimited, keyRefused, serviceUnavailable, throttled, unauthenticated, upgradeRequired } from '../http-errors.ts';
import { rateLimitHeaders, type RateDecision, type RateLimiter } from '../domains/api-keys/rate-limiter.ts';
import { bearerToken, looksLikeJwt } from './jwt.ts';
import { KEY_PREFIX } from '../lib/key-format.ts';
import { noteRefusal, type KeyCall, type UsageOutcome } from '../domains/api-keys/usage-outcomes.ts';

/**
 * Authenticates `Authorization: Bearer <api key>` (anything that is not JWT-shaped), holds the key to its rate limits
 * and records usage. A call over a limit is refused here, before anything runs.
 *
 * Usage counts each HTTP call of a known key once, by outcome (usage-outcomes.ts): a refusal here (state, wrong
 * secret, allowlist, rate limit) when it happens; an admitted call when its response is sent, as FORBIDDEN or
 * QUOTA_EXCEEDED if its execution was refused so (a FORBIDDEN error in the result here, a typed error in a result
 * union by graphql/usage-outcome-plugin.ts), else SUCCESS. Counting is in memory (usage.ts): no I/O per call.
 */
export function useApiKeyAuth(deps: {
  authenticator: ApiKeyAuthenticator;
  usage: UsageTracker;
  limiter: RateLimiter;
  onFailure?: (failure: string) => void;
}): Plugin<Context> {
  /** The rate-limit headers of each admitted request, added to its response. */
  const headersOf = new WeakMap<Request, Record<string, string>>();
  /** The admitted call of each request, counted when its response is sent. */
  const callOf = new WeakMap<Request, KeyCall>();
  return {
    onResponse({ request, response }) {
      const headers = headersOf.get(request);
      if (headers) for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
      const call = callOf.get(request);
      if (call) {
        callOf.delete(request);
        deps.usage.record(call.keyId, call.at, call.ip, call.outcome);
      }
    },
    onExecute({ args }) {
      const call = (args.contextValue as Context).keyCall;
      if (!call) return;
      return {
        onExecuteDone({ result }) {
          // Refused for a permission (a field's scope, a workflow outside the key's reach...): a GraphQL error.
          if ('errors' in result && result.errors?.some((e) => e.extensions?.code === 'FORBIDDEN')) noteRefusal(call, 'FORBIDDEN');
        },
      };
    },
    onContextBuilding({ context, extendContext }) {
      const token = bearerToken(context.request);
      if (token === null || looksLikeJwt(token)) return;
      const refused = (keyId: string, outcome: UsageOutcome) => deps.usage.record(keyId, context.clock.now(), context.clientIp, outcome);
      const settle = (result: AuthResult) => {
        if (!result.ok) {
          deps.onFailure?.(result.failure);
          const outcome = outcomeOf(result);
          if (outcome) refused(outcome.keyId, outcome.outcome);
          if (result.failure === 'throttled') throw throttled(result.retryAfterSeconds);
          if (result.failure === 'plan') {
            throw upgradeRequired('API access is not included in the organization plan; upgrade to TEAM or ENTERPRISE');
          }
          const refusal = refusalOf(result, token);
          if (refusal) throw refusal;
          // An unknown id and a wrong secret get the same answer: nothing tells a caller whether the key exists.
          throw unauthenticated();
        }
        // After the identity check: a wrong secret from anywhere is 401; a right one from outside the allowlist is 403.
        if (!allowsAddress(result.key.ipAllowlist, context.clientIp)) {
          deps.onFailure?.('address');
          refused(result.key.id, 'IP_REFUSED');
          throw addressNotAllowed(context.clientIp);
        }
        const key = result.key;
        const admit = (decision: RateDecision) => {
          const headers = rateLimitHeaders(decision.statuses);
          if (!decision.allowed) {
            deps.onFailure?.('rate_limited');
            refused(key.id, 'RATE_LIMITED');
            throw keyRateLimited(decision.blocking.limit, decision.retryAfterSeconds, headers);
          }
          if (decision.statuses.length) headersOf.set(context.request, headers);
          const keyCall: KeyCall = { keyId: key.id, at: context.clock.now(), ip: context.clientIp, outcome: 'SUCCESS' };
          callOf.set(context.request, keyCall);
          extendContext({ principal: { kind: 'apiKey', key }, keyCall } as Partial<Context>);
        };
        // Synchronous while the key's leased calls last; a lease from the database otherwise (rate-limiter.ts).
        const decision = deps.limiter.take(key.id, key.rateLimits, context.clock.now());
        if (!(decision instanceof Promise)) return admit(decision);
        return decision.then(admit, () => {
          throw serviceUnavailable('The rate limits of this key cannot be checked right now; retry shortly', 1);
        });
      };
      // The warm path decides without I/O and without a promise; anything else goes to the database.
      const cached = deps.authenticator.authenticateCached(token);
      if (cached) return settle(cached);
      return deps.authenticator.authenticate(context.prisma, token, context.clientIp).then(settle);
    },
  };
}

/** The outcome a refusal counts under in the key's usage; null when no key is known (or the guess was throttled). */
function outcomeOf(result: Extract<AuthResult, { ok: false }>): { keyId: string; outcome: UsageOutcome } | null {
  switch (result.failure) {
    case 'bad_secret':
      return { keyId: result.keyId, outcome: 'INVALID' };
    case 'revoked':
      return { keyId: result.keyId, outcome: 'REVOKED' };
    case 'expired':
      return { keyId: result.keyId, outcome: 'EXPIRED' };
    case 'inactive':
      return { keyId: result.keyId, outcome: 'INACTIVE' };
    default:
      return null;
  }
}

/**
 * Why a key fails, when saying so tells nothing new: a bad format or checksum (public arithmetic), or the key's own
 * state once its secret was verified (the authenticator judges state only then). Null for an unknown id or a wrong
 * secret, which stay the identical 401.
 */
function refusalOf(result: Extract<AuthResult, { ok: false }>, token: string) {
  switch (result.failure) {
    case 'malformed':
      // Only what claims to be a Keysmith key (a truncated copy, a typo) is called a malformed key; anything else
      // (another scheme, another system's token) stays the plain 401.
      if (!token.startsWith(KEY_PREFIX)) return null;
      return keyRefused('KEY_MALFORMED', "The API key is malformed: it is not in Keysmith's format or its checksum does not match (check that it was copied whole)");
    case 'revoked':
      return keyRefused('KEY_REVOKED', result.at ? `This API key was revoked on ${result.at.toISOString()}` : 'This API key was revoked', result.at);
    case 'expired':
      return result.rotated
        ? keyRefused('KEY_EXPIRED', `This API key was replaced by rotation: its grace period ended on ${result.at.toISOString()}; use the new key`, result.at)
        : keyRefused('KEY_EXPIRED', `This API key expired on ${result.at.toISOString()}`, result.at);
    case 'inactive':
      return keyRefused('KEY_INACTIVE', 'This API key is inactive: an owner or admin of its organization can make it active again');
    default:
      return null;
  }
}
