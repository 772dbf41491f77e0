import { createInterface } from 'node:readline/promises';
import { Keysmith, KeysmithError } from '@keysmith/sdk';
import { UsageError } from './exit-codes.js';
import { colors, withSpinner, type Format } from './output.js';
import { deviceSignIn, discover, supportsDeviceAuthorization, type CliOidcSettings, type ProviderRef } from './provider-sign-in.js';

/**
 * How `keysmith login` gets a person's token from a server, first that applies:
 * - `--with-token`: a token the person pastes or pipes on stdin;
 * - the development sign-in when the server offers it (`GET /console-config.json` says `development`:
 *   `POST /auth/dev-token`);
 * - the device authorization grant at the identity provider when the server publishes the CLI's client
 *   (`GET /cli-config.json`) and the provider has a device authorization endpoint;
 * - otherwise a token the person pastes (from their identity provider) on stdin.
 */
type ConsoleConfig = { signIn: 'development' | 'oidc' | 'unavailable' };
type CliConfig = { oidc: CliOidcSettings | null };

export type LoginInput = { url: string; subject?: string; email?: string; name?: string; withToken?: boolean; output: Format };

export type ObtainedToken = {
  token: string;
  method: 'development' | 'device' | 'pasted';
  /** Device sign-in: what renews the token when it expires. */
  refreshToken?: string;
  expiresAt?: string;
  provider?: ProviderRef;
};

async function getJson(url: string, init?: RequestInit): Promise<{ status: number; body: unknown }> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new KeysmithError({ code: 'NETWORK', message: `Could not reach Keysmith at ${new URL(url).origin}` });
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  return { status: response.status, body };
}

async function signInMode(url: string): Promise<ConsoleConfig['signIn']> {
  const { status, body } = await getJson(`${url}/console-config.json`);
  if (status !== 200 || !body || typeof body !== 'object') return 'unavailable';
  return (body as ConsoleConfig).signIn ?? 'unavailable';
}

/** The provider sign-in the server publishes for the CLI; null when none (or a server from before it existed: 404). */
async function cliOidcSettings(url: string): Promise<CliOidcSettings | null> {
  const { status, body } = await getJson(`${url}/cli-config.json`);
  if (status !== 200 || !body || typeof body !== 'object') return null;
  const oidc = (body as Partial<CliConfig>).oidc;
  if (!oidc || typeof oidc.issuer !== 'string' || typeof oidc.clientId !== 'string') return null;
  return {
    issuer: oidc.issuer,
    clientId: oidc.clientId,
    scope: typeof oidc.scope === 'string' ? oidc.scope : 'openid',
    resource: typeof oidc.resource === 'string' ? oidc.resource : null,
  };
}

async function prompt(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text.trim();
}

async function pastedToken(): Promise<ObtainedToken> {
  const token = process.stdin.isTTY ? await prompt('Access token: ') : await readStdin();
  if (!token) throw new UsageError('no token given: paste an access token, or pipe one to `keysmith login --with-token`');
  return { token, method: 'pasted' };
}

async function deviceToken(settings: CliOidcSettings, configuration: Awaited<ReturnType<typeof discover>>, output: Format): Promise<ObtainedToken> {
  const c = colors(process.stderr);
  const tokens = await deviceSignIn(configuration, settings, {
    show({ verificationUri, verificationUriComplete, userCode, expiresInSeconds }) {
      const minutes = Math.max(1, Math.round(expiresInSeconds / 60));
      process.stderr.write(
        verificationUriComplete
          ? `To sign in, open this address in a browser:\n  ${c.bold(verificationUriComplete)}\nand check that it shows the code ${c.bold(userCode)}\n`
          : `To sign in, open this address in a browser:\n  ${c.bold(verificationUri)}\nand enter the code ${c.bold(userCode)}\n`,
      );
      if (!process.stderr.isTTY || output === 'json') process.stderr.write(`Waiting for the approval (the code expires in ${minutes} min)...\n`);
    },
    wait: (work) => withSpinner('Waiting for the approval at your identity provider (Ctrl-C to stop)', output, work),
  });
  return {
    token: tokens.accessToken,
    method: 'device',
    refreshToken: tokens.refreshToken,
    expiresAt: tokens.expiresAt,
    provider: { issuer: settings.issuer, clientId: settings.clientId, resource: settings.resource },
  };
}

export async function obtainToken(input: LoginInput): Promise<ObtainedToken> {
  if (input.withToken) return pastedToken();
  const mode = await signInMode(input.url);
  if (mode === 'development') {
    let subject = input.subject;
    let email = input.email;
    if (!subject && process.stdin.isTTY) subject = await prompt('Subject (your user id): ');
    if (email === undefined && process.stdin.isTTY) email = (await prompt('Email (optional): ')) || undefined;
    if (!subject) throw new UsageError('the development sign-in needs --subject (and usually --email)');
    const { status, body } = await getJson(`${input.url}/auth/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sub: subject, email, name: input.name }),
    });
    const token = (body as { token?: unknown } | null)?.token;
    if (status !== 200 || typeof token !== 'string') {
      const reason = (body as { error?: unknown } | null)?.error;
      throw new KeysmithError({ code: status === 400 ? 'VALIDATION' : 'UNAUTHENTICATED', message: `The development sign-in refused: ${typeof reason === 'string' ? reason : `HTTP ${status}`}` });
    }
    return { token, method: 'development' };
  }
  const settings = await cliOidcSettings(input.url);
  if (settings) {
    const configuration = await discover(settings);
    if (supportsDeviceAuthorization(configuration)) return deviceToken(settings, configuration, input.output);
  }
  // A provider without device authorization, or a server without sign-in: the person brings the token.
  if (process.stdin.isTTY) process.stderr.write(`${input.url} has no development or device sign-in: paste an access token from your identity provider.\n`);
  return pastedToken();
}

/** Checks a token against the server before it is saved: whose it is. */
export async function verifyToken(url: string, token: string): Promise<string> {
  const viewer = await new Keysmith({ token, url }).viewer();
  return viewer.subject;
}
