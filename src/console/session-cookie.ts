import { parse, serialize } from 'cookie';
import { safeReturnPath } from './return-path.ts';

/**
 * The console's session cookie and the rules for requests that carry it.
 *
 * Outside development the cookie is `__Host-keysmith-session`: Secure (https only), Path=/, no Domain — the browser
 * refuses a `__Host-` cookie that is not, so no sibling subdomain can set or shadow it. On http://localhost (development
 * and tests) a Secure cookie is not kept by every browser, so there it is `keysmith-session` without Secure; both are
 * HttpOnly (no script reads it) and SameSite=Strict (no other site's page or link sends it).
 */
export const cookieName = (secure: boolean) => (secure ? '__Host-keysmith-session' : 'keysmith-session');

/** The short-lived record of an OpenID Connect round trip (state, PKCE verifier, where to return). */
export const oidcCookieName = (secure: boolean) => (secure ? '__Host-keysmith-oidc' : 'keysmith-oidc');

/**
 * Every cookie-authenticated request to the API carries this header. A cross-origin page cannot add a custom header
 * without a CORS preflight, which no origin passes for it (it is not among the allowed headers), and a form or a link
 * cannot send one at all.
 */
export const CONSOLE_HEADER = 'x-keysmith-console';

export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get('cookie');
  if (!header) return null;
  return parse(header)[name] ?? null;
}

export function sessionCookie(secure: boolean, value: string, maxAgeSeconds: number): string {
  return serialize(cookieName(secure), value, { httpOnly: true, secure, sameSite: 'strict', path: '/', maxAge: Math.max(0, Math.floor(maxAgeSeconds)) });
}

export function clearedSessionCookie(secure: boolean): string {
  return serialize(cookieName(secure), '', { httpOnly: true, secure, sameSite: 'strict', path: '/', maxAge: 0 });
}

/** SameSite=Lax: the identity provider's redirect back is a top-level navigation from another site. Ten minutes. */
export function oidcCookie(secure: boolean, value: string | null): string {
  return serialize(oidcCookieName(secure), value ?? '', { httpOnly: true, secure, sameSite: 'lax', path: '/', maxAge: value ? 600 : 0 });
}

/**
 * Why a request that carries the session cookie is not the console's own, or null when it is: it must name the
 * console in {@link CONSOLE_HEADER}, and when the browser says where it comes from (`Origin`, `Sec-Fetch-Site`), that
 * must be this origin. SameSite=Strict already keeps the cookie off other sites' requests; this also refuses
 * same-site pages of other origins (a sibling subdomain) and anything a form could send.
 */
export function crossOriginProblem(request: Request, url: URL): string | null {
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite !== null && fetchSite !== 'same-origin' && fetchSite !== 'none') return `a ${fetchSite} request`;
  const origin = request.headers.get('origin');
  if (origin !== null) {
    let host: string | null = null;
    try {
      host = new URL(origin).host;
    } catch {
      host = null;
    }
    // Compared by host: behind a TLS-terminating proxy this server sees http:// for an https:// page.
    if (host !== url.host) return `a request from ${origin.slice(0, 100)}`;
  }
  if (request.headers.get(CONSOLE_HEADER) !== '1') return `a request without the ${CONSOLE_HEADER} header`;
  return null;
}

/** A path of this console to return to after sign-in: never another site, never the API's sign-in paths. */
export function safeReturnTo(candidate: string | null, origin: string): string {
  return candidate && candidate.length <= 2000 ? safeReturnPath(candidate, origin, '/auth') : '/';
}
