import { createInterface } from 'node:readline/promises';
import { Keysmith, KeysmithError } from '@keysmith/sdk';
import { UsageError } from './exit-codes.js';

/**
 * How `keysmith login` gets a person's token from a server: the development sign-in when the server offers it
 * (`GET /console-config.json` says `development`: `POST /auth/dev-token`), otherwise a token the person pastes (from
 * their identity provider) on stdin.
 */
type ConsoleConfig = { signIn: 'development' | 'oidc' | 'unavailable' };

export type LoginInput = { url: string; subject?: string; email?: string; name?: string };

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

export async function obtainToken(input: LoginInput): Promise<{ token: string; method: 'development' | 'pasted' }> {
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
  // A provider-issued token (OIDC) or a server without sign-in: the person brings the token.
  if (process.stdin.isTTY) process.stderr.write(`${input.url} has no development sign-in: paste an access token from your identity provider.\n`);
  const token = process.stdin.isTTY ? await prompt('Access token: ') : await readStdin();
  if (!token) throw new UsageError('no token given: paste an access token, or pipe one to `keysmith login`');
  return { token, method: 'pasted' };
}

/** Checks a token against the server before it is saved: whose it is. */
export async function verifyToken(url: string, token: string): Promise<string> {
  const viewer = await new Keysmith({ token, url }).viewer();
  return viewer.subject;
}
