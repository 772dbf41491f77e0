import * as oidc from 'openid-client';
import { CliFailure, EXIT } from './exit-codes.js';

/**
 * Signing a person in at the identity provider from a terminal: the OAuth 2.0 device authorization grant (RFC 8628)
 * with openid-client, and the renewal of the access token with the refresh token. The server publishes the provider
 * and the CLI's public client at `/cli-config.json`; the provider's endpoints come from its
 * `/.well-known/openid-configuration`.
 */
export type CliOidcSettings = { issuer: string; clientId: string; scope: string; resource: string | null };

/** What a profile keeps to renew the token later without asking the server again. */
export type ProviderRef = { issuer: string; clientId: string; resource: string | null };

export type ProviderTokens = { accessToken: string; refreshToken?: string; expiresAt?: string };

/** What the person is told, and how the wait is shown (a spinner on a terminal). */
export type DeviceCodePrompt = {
  show(instructions: { verificationUri: string; verificationUriComplete?: string; userCode: string; expiresInSeconds: number }): void;
  wait<T>(work: () => Promise<T>): Promise<T>;
};

const retryWithToken = 'or run `keysmith login --with-token` and paste an access token';

function isLoopbackHttp(issuer: string): boolean {
  const url = new URL(issuer);
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

function reason(error: unknown): string {
  if (error instanceof oidc.ResponseBodyError) return error.error_description ? `${error.error}: ${error.error_description}` : error.error;
  const cause = (error as { cause?: unknown })?.cause;
  const own = error instanceof Error ? error.message : String(error);
  return cause instanceof Error && cause.message !== own ? `${own}: ${cause.message}` : own;
}

/** The provider's endpoints, from its `/.well-known/openid-configuration`; the CLI is a public client (no secret). */
function configurationOf(provider: { issuer: string; clientId: string }): Promise<oidc.Configuration> {
  return oidc.discovery(new URL(provider.issuer), provider.clientId, undefined, oidc.None(), {
    // Plain http only for a provider on this machine (development and tests).
    execute: isLoopbackHttp(provider.issuer) ? [oidc.allowInsecureRequests] : [],
  });
}

/** Discovery for `keysmith login`; a provider unreachable or broken: exit 1, saying where it was looked for. */
export async function discover(provider: { issuer: string; clientId: string }): Promise<oidc.Configuration> {
  try {
    return await configurationOf(provider);
  } catch (error) {
    throw new CliFailure(
      `Could not read the identity provider's configuration at ${provider.issuer}/.well-known/openid-configuration (${reason(error)}): check that the provider is reachable from here, ${retryWithToken}`,
      EXIT.UNEXPECTED,
    );
  }
}

export function supportsDeviceAuthorization(configuration: oidc.Configuration): boolean {
  return typeof configuration.serverMetadata().device_authorization_endpoint === 'string';
}

function tokensOf(response: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers): ProviderTokens {
  const expiresIn = response.expiresIn();
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token,
    expiresAt: expiresIn === undefined ? undefined : new Date(Date.now() + expiresIn * 1000).toISOString(),
  };
}

/**
 * The device authorization grant: asks for a device code, tells the person where to approve it, then polls the token
 * endpoint (openid-client honours `interval`, `slow_down` and `authorization_pending`, and stops at `expires_in`).
 */
export async function deviceSignIn(configuration: oidc.Configuration, settings: CliOidcSettings, prompt: DeviceCodePrompt): Promise<ProviderTokens> {
  const resource: Record<string, string> = settings.resource ? { resource: settings.resource } : {};
  let started: oidc.DeviceAuthorizationResponse;
  try {
    started = await oidc.initiateDeviceAuthorization(configuration, { scope: settings.scope, ...resource });
  } catch (error) {
    throw new CliFailure(
      `The identity provider refused to start a device sign-in (${reason(error)}): the server's CLI_OIDC_CLIENT_ID must be a public client allowed the device authorization grant, ${retryWithToken}`,
      EXIT.UNEXPECTED,
    );
  }
  prompt.show({
    verificationUri: started.verification_uri,
    verificationUriComplete: started.verification_uri_complete,
    userCode: started.user_code,
    expiresInSeconds: started.expires_in,
  });
  try {
    return tokensOf(await prompt.wait(() => oidc.pollDeviceAuthorizationGrant(configuration, started, resource)));
  } catch (error) {
    const code = error instanceof oidc.ResponseBodyError ? error.error : (error as { code?: unknown })?.code;
    if (code === 'access_denied') {
      throw new CliFailure('The sign-in was denied at the identity provider: run `keysmith login` again and approve it', EXIT.UNAUTHENTICATED);
    }
    // `expired_token` from the provider, or openid-client's own stop at `expires_in`.
    if (code === 'expired_token' || code === 'OAUTH_TIMEOUT') {
      throw new CliFailure('The sign-in code expired before it was approved: run `keysmith login` again and approve it sooner', EXIT.UNAUTHENTICATED);
    }
    throw new CliFailure(`The device sign-in failed at the identity provider (${reason(error)}): run \`keysmith login\` again, ${retryWithToken}`, EXIT.UNEXPECTED);
  }
}

/** Why a renewal failed: the grant is gone (sign in again), or the provider could not be reached. */
export class RenewalFailed extends Error {
  constructor(
    readonly grantEnded: boolean,
    message: string,
  ) {
    super(message);
  }
}

/** A new access token from the refresh token (providers that rotate refresh tokens send a new one). */
export async function renew(provider: ProviderRef, refreshToken: string): Promise<ProviderTokens> {
  let configuration: oidc.Configuration;
  try {
    configuration = await configurationOf(provider);
  } catch (error) {
    throw new RenewalFailed(false, `${provider.issuer}: ${reason(error)}`);
  }
  try {
    const tokens = tokensOf(await oidc.refreshTokenGrant(configuration, refreshToken, provider.resource ? { resource: provider.resource } : {}));
    return { ...tokens, refreshToken: tokens.refreshToken ?? refreshToken };
  } catch (error) {
    throw new RenewalFailed(error instanceof oidc.ResponseBodyError, reason(error));
  }
}
