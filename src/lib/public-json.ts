import type { Plugin } from 'graphql-yoga';

/**
 * Serves a fixed, public JSON document at `path` (GET and HEAD; other methods 405), never cached: what a client needs
 * to know before anyone signs in (`/console-config.json`, `/cli-config.json`).
 */
export function usePublicJson(path: string, document: unknown): Plugin {
  const body = JSON.stringify(document);
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== path) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }));
      }
      return endResponse(
        new fetchAPI.Response(request.method === 'HEAD' ? null : body, {
          status: 200,
          headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
        }),
      );
    },
  };
}
