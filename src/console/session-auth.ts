import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { Context } from '../context.ts';
import type { ConsoleSessionService } from './session-service.ts';
import { clearedSessionCookie, cookieName, crossOriginProblem, readCookie } from './session-cookie.ts';
import { crossOriginRefused, serviceUnavailable, sessionEnded } from '../http-errors.ts';
import type { JwtContext } from '../auth/jwt.ts';

/**
 * The console's cookie as a credential for /graphql. A request with an `Authorization` header is an API client's
 * and is judged by that header alone (the cookie is ignored). Otherwise the cookie must come with the console's own
 * request (crossOriginProblem: the custom header, this origin), and names an open session whose current access token
 * is verified like a bearer token: the request then has that token's claims, exactly as if it had sent it.
 */
export function useSessionAuth(service: ConsoleSessionService, secure: boolean, logger: Logger): Plugin<Context & JwtContext> {
  return {
    async onContextBuilding({ context, extendContext }) {
      if (context.request.headers.has('authorization')) return;
      const secret = readCookie(context.request, cookieName(secure));
      if (secret === null) return;
      const problem = crossOriginProblem(context.request, new URL(context.request.url));
      if (problem) throw crossOriginRefused(problem);
      const result = await service.identify(secret);
      if (result.ok) return extendContext({ jwt: { payload: result.identity.claims } });
      if (result.reason === 'unavailable') {
        logger.warn({ requestId: context.requestId, detail: result.detail }, 'JWKS unavailable');
        throw serviceUnavailable('Sign-in is temporarily unavailable; retry shortly', 5);
      }
      throw sessionEnded(clearedSessionCookie(secure), result.reason);
    },
  };
}
