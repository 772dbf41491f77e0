import type { Plugin } from 'graphql-yoga';
import { onPathRequest } from '../http-edge.ts';
import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import { devSignInBody, devSignInEnabled, readDevSignIn } from './dev-sign-in.ts';
import type { ConsoleSessionService } from './session-service.ts';
import type { OidcRoundTrip } from './oidc-relying-party.ts';
import {
  clearedSessionCookie,
  cookieName,
  crossOriginProblem,
  oidcCookie,
  oidcCookieName,
  readCookie,
  safeReturnTo,
  sessionCookie,
} from './session-cookie.ts';

/** The console's session endpoints (all under /auth/, owned by the API; see routes.ts). */
export const SESSION_PATHS = {
  session: '/auth/session',
  devSignIn: '/auth/dev-sign-in',
  signOut: '/auth/sign-out',
  oidcSignIn: '/auth/oidc/sign-in',
  oidcCallback: '/auth/oidc/callback',
} as const;

/**
 * - `GET /auth/session`: who the cookie signs in (`{signedIn: true, subject, email, operator, kind, expiresAt}`) or
 *   `{signedIn: false, reason}`; what a reload or a new tab asks first.
 * - `POST /auth/dev-sign-in` (development sign-in only, same checks as /auth/dev-token): starts a session.
 * - `POST /auth/sign-out` `{everywhere?: boolean}`: ends this browser's session, or every session of the person;
 *   answers where to go next (the provider's sign-out page for OpenID Connect).
 * - `GET /auth/oidc/sign-in?returnTo=/path` → the provider; `GET /auth/oidc/callback` → back, signed in.
 */
export function useConsoleSessions(config: Config, service: ConsoleSessionService, logger: Logger): Plugin {
  const secure = config.consoleSession.secureCookie;
  const devEnabled = devSignInEnabled(config);
  const paths = new Set<string>(Object.values(SESSION_PATHS));
  return {
    onRequest: onPathRequest((pathname) => paths.has(pathname), async ({ request, url, endResponse, fetchAPI }) => {
      const respond = (status: number, value: unknown, headers: Record<string, string> = {}, cookies: string[] = []) => {
        const h = new fetchAPI.Headers({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
        for (const c of cookies) h.append('set-cookie', c);
        endResponse(new fetchAPI.Response(value === null ? null : JSON.stringify(value), { status, headers: h }));
      };
      const redirect = (location: string, cookies: string[] = []) => {
        const h = new fetchAPI.Headers({ location, 'cache-control': 'no-store' });
        for (const c of cookies) h.append('set-cookie', c);
        endResponse(new fetchAPI.Response(null, { status: 303, headers: h }));
      };
      const method = (allowed: string) => {
        if (request.method === allowed) return true;
        respond(405, { error: 'Method Not Allowed' }, { allow: allowed });
        return false;
      };
      const secret = readCookie(request, cookieName(secure));

      switch (url.pathname) {
        case SESSION_PATHS.session: {
          if (!method('GET')) return;
          if (!secret) return respond(200, { signedIn: false, reason: null });
          const result = await service.identify(secret);
          if (!result.ok) {
            if (result.reason === 'unavailable') return respond(503, { error: 'Sign-in is temporarily unavailable; retry shortly' }, { 'retry-after': '5' });
            return respond(200, { signedIn: false, reason: result.reason }, {}, [clearedSessionCookie(secure)]);
          }
          const { claims, session } = result.identity;
          const roles = Array.isArray(claims.roles) ? claims.roles : [];
          return respond(200, {
            signedIn: true,
            kind: session.kind,
            subject: claims.sub,
            email: typeof claims.email === 'string' ? claims.email : null,
            operator: roles.includes('operator'),
            expiresAt: session.expiresAt.toISOString(),
          });
        }
        case SESSION_PATHS.devSignIn: {
          if (!devEnabled) return respond(404, { error: 'Not Found' });
          if (!method('POST')) return;
          const read = await readDevSignIn(request, url);
          if (!read.ok) return respond(read.status, read.body);
          const parsed = devSignInBody.safeParse(read.input);
          if (!parsed.success) {
            return respond(400, {
              error: 'Invalid sign-in details.',
              issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
            });
          }
          const { sub, email, operator } = parsed.data;
          const started = await service.startDevelopment({ sub, ...(email ? { email } : {}), operator });
          return respond(200, { signedIn: true }, {}, [sessionCookie(secure, started.secret, service.store.policy.maxMs / 1000)]);
        }
        case SESSION_PATHS.signOut: {
          if (!method('POST')) return;
          const problem = crossOriginProblem(request, url);
          if (problem) return respond(403, { error: `Sign-out is accepted only from the console's own pages (refused ${problem}).` });
          const body = (await request.json().catch(() => ({}))) as { everywhere?: unknown };
          let next: string | null = null;
          let ended = 0;
          if (secret) {
            const result = await service.identify(secret);
            if (result.ok) {
              const { session } = result.identity;
              if (session.kind === 'oidc' && service.oidc) {
                next = await service.oidc.endSessionUrl(session.tokens.idToken, `${publicOrigin(request, url, config)}/`).catch(() => null);
              }
              ended = body.everywhere === true ? await service.store.endAll(session.subject) : (await service.store.end(secret), 1);
            }
          }
          return respond(200, { ended, next }, {}, [clearedSessionCookie(secure)]);
        }
        case SESSION_PATHS.oidcSignIn: {
          if (!method('GET')) return;
          if (!service.oidc) return respond(404, { error: 'Not Found' });
          try {
            const { url: destination, roundTrip } = await service.oidc.start(
              `${publicOrigin(request, url, config)}${SESSION_PATHS.oidcCallback}`,
              safeReturnTo(url.searchParams.get('returnTo'), url.origin),
            );
            return redirect(destination.toString(), [oidcCookie(secure, Buffer.from(JSON.stringify(roundTrip)).toString('base64url'))]);
          } catch (error) {
            logger.warn({ err: String(error) }, 'identity provider unreachable at sign-in');
            return redirect(`/?signIn=unavailable`);
          }
        }
        case SESSION_PATHS.oidcCallback: {
          if (!method('GET')) return;
          if (!service.oidc) return respond(404, { error: 'Not Found' });
          const roundTrip = parseRoundTrip(readCookie(request, oidcCookieName(secure)), url.origin);
          if (!roundTrip) return redirect('/?signIn=failed', [oidcCookie(secure, null)]);
          try {
            // The URL the provider redirected to, as registered (behind a proxy: its https origin).
            const callback = new URL(`${publicOrigin(request, url, config)}${url.pathname}${url.search}`);
            const tokens = await service.oidc.complete(callback, roundTrip);
            const started = await service.startOidc(tokens);
            if ('error' in started) {
              logger.warn('identity provider returned an access token the API refuses');
              return redirect('/?signIn=refused', [oidcCookie(secure, null)]);
            }
            return redirect(roundTrip.returnTo, [oidcCookie(secure, null), sessionCookie(secure, started.secret, service.store.policy.maxMs / 1000)]);
          } catch (error) {
            logger.warn({ err: String(error) }, 'OpenID Connect callback failed');
            return redirect('/?signIn=failed', [oidcCookie(secure, null)]);
          }
        }
      }
    }),
  };
}

function parseRoundTrip(value: string | null, origin: string): OidcRoundTrip | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<OidcRoundTrip>;
    if (typeof parsed.state !== 'string' || typeof parsed.verifier !== 'string' || typeof parsed.returnTo !== 'string') return null;
    return { state: parsed.state, verifier: parsed.verifier, returnTo: safeReturnTo(parsed.returnTo, origin) };
  } catch {
    return null;
  }
}

/** This console's origin as the browser sees it: https behind a TLS-terminating proxy (TRUST_PROXY) or in production. */
function publicOrigin(request: Request, url: URL, config: Config): string {
  const forwarded = config.trustProxy ? request.headers.get('x-forwarded-proto')?.split(',')[0].trim() : null;
  const scheme = forwarded === 'https' || forwarded === 'http' ? forwarded : config.consoleSession.secureCookie ? 'https' : url.protocol.slice(0, -1);
  return `${scheme}://${url.host}`;
}
