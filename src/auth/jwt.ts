import { createRemoteJWKSet, errors, jwtVerify, type JWSHeaderParameters, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Config } from '../config/config.ts';
import type { Context } from '../context.ts';
import { serviceUnavailable, tokenExpired, unauthenticated } from '../http-errors.ts';

/** Three base64url segments; the signature may be empty (alg "none"), which verification then rejects. */
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** Clock skew allowed for `iat`: a token issued further in the future was not issued by a sane provider. */
const IAT_SKEW_SECONDS = 60;
/** How long a fetched JWKS is trusted before it is fetched again on the next token. */
const JWKS_CACHE_MAX_AGE_MS = 10 * 60_000;
const JWKS_RETRY_AFTER_SECONDS = 5;

export function bearerToken(request: Request): string | null {
  const header = request.headers.get('authorization');
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : header.trim() === '' ? null : '';
}

export function looksLikeJwt(token: string): boolean {
  return JWT_SHAPE.test(token);
}

/** A usable string claim: present, not too long, valid Unicode without control characters; otherwise ignored. */
export function stringClaim(value: unknown, max: number): string | null {
  return typeof value === 'string' && value.length > 0 && value.length <= max && !/[\u0000-\u001f\u007f]|\p{Cs}/u.test(value)
    ? value
    : null;
}

export type VerifiedClaims = JWTPayload & { sub: string; exp: number };

export type JwtVerdict =
  | { ok: true; claims: VerifiedClaims }
  | { ok: false; failure: 'invalid' | 'expired' }
  | { ok: false; failure: 'unavailable'; detail: string };

/** The identity provider's key set could not be read (network, timeout, not a JWKS): not the caller's fault. */
class JwksUnavailableError extends Error {
  override name = 'JwksUnavailableError';
}

/**
 * Verifies a bearer JWT with jose: signature (HS256 secret or the provider's JWKS), `alg` allow-list, unknown `crit`
 * extensions (jose refuses them), issuer, audience, `exp` required and in the future, `sub` usable, `iat` not in the
 * future. Only a token that passes every check except `exp` is reported as expired.
 */
export function createJwtVerifier(config: Config['jwt'], clock: Clock): (token: string) => Promise<JwtVerdict> {
  // Imported once: jose would otherwise import the raw secret again for every token.
  const key =
    config.kind === 'secret'
      ? crypto.subtle.importKey('raw', new TextEncoder().encode(config.secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify'])
      : remoteKeySet(config.url, config.jwksCooldownMs);
  const options = {
    algorithms: config.kind === 'secret' ? ['HS256'] : ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'PS256'],
    // A token that never expires cannot be revoked by time.
    requiredClaims: ['exp', 'sub'],
    ...(config.issuer ? { issuer: config.issuer } : {}),
    ...(config.audience ? { audience: config.audience } : {}),
  };
  const claimsProblem = (claims: JWTPayload, now: Date) =>
    !stringClaim(claims.sub, 255) || (typeof claims.iat === 'number' && claims.iat > now.getTime() / 1000 + IAT_SKEW_SECONDS);

  return async (token) => {
    const now = clock.now();
    try {
      const { payload } =
        typeof key === 'function'
          ? await jwtVerify(token, key, { ...options, currentDate: now })
          : await jwtVerify(token, await key, { ...options, currentDate: now });
      if (claimsProblem(payload, now)) return { ok: false, failure: 'invalid' };
      return { ok: true, claims: payload as VerifiedClaims };
    } catch (error) {
      if (error instanceof JwksUnavailableError) return { ok: false, failure: 'unavailable', detail: String(error.cause) };
      if (error instanceof errors.JWTExpired && error.claim === 'exp') {
        return { ok: false, failure: claimsProblem(error.payload, now) ? 'invalid' : 'expired' };
      }
      if (error instanceof errors.JOSEError) return { ok: false, failure: 'invalid' };
      throw error;
    }
  };
}

/**
 * The provider's keys, fetched by jose: cached for 10 minutes, and refetched for an unknown `kid` at most once per
 * cool-down (JWT_JWKS_COOLDOWN_MS, 5 s), whoever asks. There is no memory of absent kids beyond that: a kid guessed
 * before the provider published it (by an attacker, or by a token that raced the publication) works one cool-down
 * after publication at the latest. An unauthenticated caller can make at most one fetch per cool-down, however many
 * forged kids it sends.
 */
function remoteKeySet(url: string, cooldownMs: number): JWTVerifyGetKey {
  const remote = createRemoteJWKSet(new URL(url), {
    cooldownDuration: cooldownMs,
    cacheMaxAge: JWKS_CACHE_MAX_AGE_MS,
    timeoutDuration: 5_000,
  });
  return async (header: JWSHeaderParameters, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys || error instanceof errors.JOSENotSupported) {
        throw error;
      }
      throw new JwksUnavailableError('JWKS unavailable', { cause: error });
    }
  };
}

export type JwtContext = { jwt?: { payload: VerifiedClaims } };

/**
 * Authenticates JWT-shaped bearer tokens; everything else (API keys, garbage) is the API-key authenticator's.
 * Every failure is the uniform 401 except an expired-but-otherwise-valid token (says so) and an unreachable JWKS (503).
 */
export function useJwtAuth(verify: (token: string) => Promise<JwtVerdict>, logger: Logger): Plugin<Context & JwtContext> {
  return {
    async onContextBuilding({ context, extendContext }) {
      const token = bearerToken(context.request);
      if (!token || !looksLikeJwt(token)) return;
      const verdict = await verify(token);
      if (verdict.ok) return extendContext({ jwt: { payload: verdict.claims } });
      if (verdict.failure === 'expired') throw tokenExpired();
      if (verdict.failure === 'unavailable') {
        logger.warn({ requestId: context.requestId, detail: verdict.detail }, 'JWKS unavailable');
        throw serviceUnavailable('Sign-in is temporarily unavailable; retry shortly', JWKS_RETRY_AFTER_SECONDS);
      }
      throw unauthenticated();
    },
  };
}
