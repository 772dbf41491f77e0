import * as client from 'openid-client';

/**
 * The console's OpenID Connect client, on the server (openid-client): the authorization code flow with PKCE, the
 * code exchanged here, tokens refreshed here. The browser never holds a token; it holds the session cookie.
 * Registered at the provider as a public client (no secret) with redirect URI `<console>/auth/oidc/callback`.
 */
export type ProviderTokens = { accessToken: string; refreshToken?: string; idToken?: string; expiresInSeconds: number | undefined };

export type OidcRoundTrip = { state: string; verifier: string; returnTo: string };

export class OidcRelyingParty {
  private discovered: Promise<client.Configuration> | null = null;

  constructor(private readonly settings: { authority: string; clientId: string; scope: string }) {}

  /** Discovery once per process (retried after a failure): the provider's endpoints from its well-known document. */
  private configuration(): Promise<client.Configuration> {
    this.discovered ??= client
      .discovery(new URL(this.settings.authority), this.settings.clientId, undefined, client.None(), {
        // Plain http only for a provider on this machine (development and tests).
        execute: isLoopbackHttp(this.settings.authority) ? [client.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        this.discovered = null;
        throw error;
      });
    return this.discovered;
  }

  /** Where to send the browser, and what the callback must find in the round-trip cookie. */
  async start(redirectUri: string, returnTo: string): Promise<{ url: URL; roundTrip: OidcRoundTrip }> {
    const config = await this.configuration();
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: this.settings.scope,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
    });
    return { url, roundTrip: { state, verifier, returnTo } };
  }

  /** Redeems the code of the callback URL (state and PKCE checked by openid-client). */
  async complete(callbackUrl: URL, roundTrip: OidcRoundTrip): Promise<ProviderTokens> {
    const config = await this.configuration();
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: roundTrip.verifier, expectedState: roundTrip.state });
    return { accessToken: tokens.access_token, refreshToken: tokens.refresh_token, idToken: tokens.id_token, expiresInSeconds: tokens.expiresIn() };
  }

  async refresh(refreshToken: string): Promise<ProviderTokens> {
    const config = await this.configuration();
    const tokens = await client.refreshTokenGrant(config, refreshToken);
    return {
      accessToken: tokens.access_token,
      // Providers that rotate refresh tokens send a new one; others keep the old one valid.
      refreshToken: tokens.refresh_token ?? refreshToken,
      idToken: tokens.id_token,
      expiresInSeconds: tokens.expiresIn(),
    };
  }

  /** The provider's sign-out page (RP-initiated logout), when it has one. */
  async endSessionUrl(idToken: string | undefined, postLogoutRedirectUri: string): Promise<string | null> {
    const config = await this.configuration();
    if (!config.serverMetadata().end_session_endpoint) return null;
    return client
      .buildEndSessionUrl(config, { post_logout_redirect_uri: postLogoutRedirectUri, ...(idToken ? { id_token_hint: idToken } : {}) })
      .toString();
  }
}

function isLoopbackHttp(authority: string): boolean {
  const url = new URL(authority);
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}
