import { decodeJwt } from 'jose';
import type { Config } from '../config/config.ts';
import { signDevelopmentToken } from '../auth/dev-token.ts';
import type { JwtVerdict, VerifiedClaims } from '../auth/jwt.ts';
import type { ConsoleSessions, OpenSession, SessionLookup, SessionTokens } from '../domains/console-sessions/store.ts';
import type { OidcRelyingParty, ProviderTokens } from './oidc-relying-party.ts';

/** A token is renewed when it has less than this left: no request ever carries one that expires on the way. */
const RENEW_BEFORE_MS = 60_000;
/** A development session's token: the same hour the development form always issued. */
const DEVELOPMENT_TOKEN_SECONDS = 3600;

export type SessionIdentity = { claims: VerifiedClaims; session: OpenSession };

export type IdentityResult =
  | { ok: true; identity: SessionIdentity }
  | { ok: false; reason: 'signed-out' | 'idle' | 'expired' | 'renewal-failed' }
  | { ok: false; reason: 'unavailable'; detail: string };

/**
 * What the console's sessions are for: turning a cookie into the verified claims of a current access token. The
 * token is checked by the same verifier as a bearer token, so a session grants exactly what its token grants; it is
 * renewed here (OpenID Connect: the refresh token; development: a new token for the same person) before it expires.
 */
export class ConsoleSessionService {
  /** Renewals in flight per session: concurrent requests of one browser share one refresh (refresh tokens may rotate). */
  private readonly renewing = new Map<string, Promise<SessionTokens | null>>();

  constructor(
    readonly store: ConsoleSessions,
    private readonly config: Config,
    private readonly verify: (token: string) => Promise<JwtVerdict>,
    readonly oidc: OidcRelyingParty | null,
    private readonly wallClock: { now(): Date } = { now: () => new Date() },
  ) {}

  /** Starts a development session (the development sign-in form). */
  async startDevelopment(claims: { sub: string; email?: string; operator: boolean }) {
    const tokens = await this.developmentTokens(claims);
    return this.store.create({ subject: claims.sub, kind: 'development', tokens, tokenExpiresAt: this.expiryOf(tokens.accessToken, DEVELOPMENT_TOKEN_SECONDS) });
  }

  /** Starts a session from the provider's tokens, after checking the access token like any bearer token. */
  async startOidc(provider: ProviderTokens): Promise<{ secret: string; expiresAt: Date } | { error: string }> {
    const verdict = await this.verify(provider.accessToken);
    if (!verdict.ok) return { error: 'The identity provider returned an access token this API does not accept (issuer, audience or signature).' };
    const tokens: SessionTokens = { accessToken: provider.accessToken, refreshToken: provider.refreshToken, idToken: provider.idToken };
    return this.store.create({ subject: verdict.claims.sub, kind: 'oidc', tokens, tokenExpiresAt: this.expiryOf(provider.accessToken, provider.expiresInSeconds) });
  }

  /** The identity behind a cookie secret, renewing its token when due. */
  async identify(secret: string): Promise<IdentityResult> {
    const found: SessionLookup = await this.store.find(secret);
    if (!found.ok) return { ok: false, reason: found.reason === 'unknown' ? 'signed-out' : found.reason };
    const session = found.session;
    if (session.tokenExpiresAt.getTime() - this.wallClock.now().getTime() < RENEW_BEFORE_MS) {
      const renewed = await this.renew(session);
      if (!renewed) {
        await this.store.endById(session.id);
        return { ok: false, reason: 'renewal-failed' };
      }
      session.tokens = renewed;
    }
    const verdict = await this.verify(session.tokens.accessToken);
    if (verdict.ok) return { ok: true, identity: { claims: verdict.claims, session } };
    if (verdict.failure === 'unavailable') return { ok: false, reason: 'unavailable', detail: verdict.detail };
    await this.store.endById(session.id);
    return { ok: false, reason: 'renewal-failed' };
  }

  private renew(session: OpenSession): Promise<SessionTokens | null> {
    let pending = this.renewing.get(session.id);
    if (!pending) {
      pending = (async () => {
        try {
          let tokens: SessionTokens;
          let expiresInSeconds: number | undefined;
          if (session.kind === 'development' && session.tokens.development) {
            tokens = await this.developmentTokens(session.tokens.development);
            expiresInSeconds = DEVELOPMENT_TOKEN_SECONDS;
          } else if (session.kind === 'oidc' && session.tokens.refreshToken && this.oidc) {
            const refreshed = await this.oidc.refresh(session.tokens.refreshToken);
            tokens = { accessToken: refreshed.accessToken, refreshToken: refreshed.refreshToken, idToken: refreshed.idToken ?? session.tokens.idToken };
            expiresInSeconds = refreshed.expiresInSeconds;
          } else {
            return null; // no refresh token: the session lasts as long as its access token
          }
          await this.store.replaceTokens(session, tokens, this.expiryOf(tokens.accessToken, expiresInSeconds));
          return tokens;
        } catch {
          return null;
        }
      })().finally(() => this.renewing.delete(session.id));
      this.renewing.set(session.id, pending);
    }
    return pending;
  }

  private async developmentTokens(claims: { sub: string; email?: string; operator: boolean }): Promise<SessionTokens> {
    const jwt = this.config.jwt;
    if (jwt.kind !== 'secret') throw new Error('development sessions need the development secret');
    const accessToken = await signDevelopmentToken(jwt, { ...claims, ttl: `${DEVELOPMENT_TOKEN_SECONDS}s` });
    return { accessToken, development: claims };
  }

  /** When a token expires: its `exp`, else the provider's `expires_in`, else now (renewed on the next request). */
  private expiryOf(accessToken: string, expiresInSeconds: number | undefined): Date {
    try {
      const { exp } = decodeJwt(accessToken);
      if (typeof exp === 'number') return new Date(exp * 1000);
    } catch {
      // not a JWT: the verifier refuses it anyway
    }
    return new Date(this.wallClock.now().getTime() + (expiresInSeconds ?? 0) * 1000);
  }
}
