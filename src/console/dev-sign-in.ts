import ipaddr from 'ipaddr.js';
import type { Plugin } from 'graphql-yoga';
import { onPathRequest } from '../http-edge.ts';
import { z } from 'zod';
import { signDevelopmentToken } from '../auth/dev-token.ts';
import type { Config } from '../config/config.ts';

export const DEV_SIGN_IN_PATH = '/auth/dev-token';

export const devSignInBody = z.object({
  sub: z.string().trim().min(1).max(200),
  email: z.email().max(320).optional(),
  name: z.string().trim().max(200).optional(),
  operator: z.boolean().default(false),
  /** Shorter sessions let a developer (and the console's tests) see what happens when a token expires. */
  expiresInSeconds: z.number().int().min(1).max(3600).default(3600),
});

/**
 * The console's "Sign in as" form for local work: issues a token for any subject (for an hour, or less if asked). It
 * exists only while the server runs on the fixed development secret outside production — anyone could forge those
 * tokens anyway. Anywhere else the path answers 404, as if it had never been written.
 */
export function devSignInEnabled(config: Config): boolean {
  return config.env !== 'production' && config.jwt.kind === 'secret' && config.jwt.usingDevelopmentSecret;
}

export function useDevSignIn(config: Config): Plugin {
  const jwt = config.jwt;
  const enabled = devSignInEnabled(config) && jwt.kind === 'secret';
  return {
    onRequest: onPathRequest((pathname) => pathname === DEV_SIGN_IN_PATH, async ({ request, url, endResponse, fetchAPI }) => {
      const json = (status: number, value: unknown) =>
        endResponse(
          new fetchAPI.Response(JSON.stringify(value), {
            status,
            headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
          }),
        );
      if (!enabled) return json(404, { error: 'Not Found' });
      if (request.method !== 'POST') return json(405, { error: 'Method Not Allowed' });
      const read = await readDevSignIn(request, url);
      if (!read.ok) return json(read.status, read.body);
      const input = read.input;
      const parsed = devSignInBody.safeParse(input);
      if (!parsed.success) {
        return json(400, {
          error: 'Invalid sign-in details.',
          issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
        });
      }
      const { expiresInSeconds, ...claims } = parsed.data;
      const token = await signDevelopmentToken(jwt, { ...claims, ttl: `${expiresInSeconds}s` });
      return json(200, { token, expiresInSeconds });
    }),
  };
}

/**
 * The checks every development sign-in request passes (the token endpoint and the console's session sign-in): a page
 * on another site can POST text/plain or a form without a preflight, and a name of its own that resolves to this
 * machine (DNS rebinding) makes its requests same-origin: only JSON, only to a loopback Host, from no other origin.
 */
export async function readDevSignIn(
  request: Request,
  url: URL,
): Promise<{ ok: true; input: unknown } | { ok: false; status: number; body: { error: string } }> {
  if (!isLoopbackHost(url.hostname)) return { ok: false, status: 403, body: { error: 'Development sign-in answers only on this machine (localhost).' } };
  const origin = request.headers.get('origin');
  if (origin !== null && origin !== url.origin) return { ok: false, status: 403, body: { error: 'Development sign-in answers only to pages of its own origin.' } };
  const mediaType = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase();
  if (mediaType !== 'application/json') return { ok: false, status: 415, body: { error: 'The body must be application/json.' } };
  try {
    return { ok: true, input: await request.json() };
  } catch {
    return { ok: false, status: 400, body: { error: 'The body must be JSON.' } };
  }
}

/** `localhost`, a name under `.localhost`, or a loopback address (127.0.0.0/8, ::1, ::ffff:127.x). */
function isLoopbackHost(hostname: string): boolean {
  const host = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname.replace(/\.$/, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  return ipaddr.isValid(host) && ipaddr.process(host).range() === 'loopback';
}
