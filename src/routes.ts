import type { Plugin } from 'graphql-yoga';

/**
 * Which path answers what. GraphQL is served at exactly one path: Yoga on its own also runs operations for any URL
 * that ends in its endpoint (`/graphql/`, `/x/graphql`, `/?a=/graphql`), where the browser policy (which guards the
 * exact path) would not see them. Every path below belongs to a plugin that answers it; every other GET or HEAD is
 * the console's (client routes); anything else is 404 before Yoga looks at it.
 */
export const GRAPHQL_PATH = '/graphql';

const API_PATHS = new Set([GRAPHQL_PATH, '/health', '/ready', '/metrics', '/secret-scanning/github', '/console-config.json', '/cli-config.json']);

/** Paths the API owns (the console never answers them); `/auth/` is reserved for sign-in endpoints. */
export function isApiPath(pathname: string): boolean {
  return API_PATHS.has(pathname) || pathname.startsWith('/auth/');
}

/** Known sign-in endpoints under /auth/ (their plugins answer 404 themselves when switched off). */
const AUTH_PATHS = new Set(['/auth/dev-token', '/auth/session', '/auth/dev-sign-in', '/auth/sign-out', '/auth/oidc/sign-in', '/auth/oidc/callback']);

export function useExactRoutes(): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (API_PATHS.has(url.pathname) || AUTH_PATHS.has(url.pathname)) return;
      if ((request.method === 'GET' || request.method === 'HEAD') && !isApiPath(url.pathname)) return;
      endResponse(
        new fetchAPI.Response(JSON.stringify({ errors: [{ message: 'Not found' }] }), {
          status: 404,
          headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
        }),
      );
    },
  };
}
