import type { CORSOptions, Plugin } from 'graphql-yoga';

/**
 * What a browser may do with /graphql. The API takes bearer tokens, but a web console will run in browsers, so the
 * browser-facing defaults are the strict ones: no cross-origin reads unless the origin is configured, no request a
 * plain HTML form could send, and no response (some carry a key's only copy of its secret) kept in any cache.
 */

/** Media types a GraphQL client sends; both need a CORS preflight, which a cross-site form or <img> cannot pass. */
const GRAPHQL_BODY_TYPES = new Set(['application/json', 'application/graphql-response+json']);

/** Yoga's `cors` option: only listed origins get CORS headers (and credentials); others get none at all. */
export function corsPolicy(allowedOrigins: readonly string[]) {
  const allowed = new Set(allowedOrigins);
  return (request: Request): CORSOptions | false => {
    const origin = request.headers.get('origin');
    if (!origin || !allowed.has(origin)) return false;
    return {
      origin: [origin],
      credentials: true,
      methods: ['GET', 'POST'],
      allowedHeaders: ['authorization', 'content-type', 'x-request-id'],
      exposedHeaders: ['x-request-id', 'retry-after', 'www-authenticate'],
      maxAge: 600,
    };
  };
}

export function useBrowserPolicy(graphqlEndpoint: string): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== graphqlEndpoint || request.method !== 'POST') return;
      // Form-encoded, multipart and text/plain POSTs are "simple" requests a hostile page can send cross-site.
      const mediaType = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase() ?? '';
      if (GRAPHQL_BODY_TYPES.has(mediaType)) return;
      endResponse(
        new fetchAPI.Response(
          JSON.stringify({
            errors: [
              {
                message: 'POST bodies must be application/json or application/graphql-response+json',
                extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' },
              },
            ],
          }),
          { status: 415, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } },
        ),
      );
    },
    onResponse({ request, response }) {
      if (new URL(request.url).pathname !== graphqlEndpoint) return;
      response.headers.set('cache-control', 'no-store');
      // The CORS answer depends on Origin: a shared cache must not hand one origin's answer to another.
      const vary = response.headers.get('vary');
      if (!vary?.toLowerCase().includes('origin')) response.headers.set('vary', vary ? `${vary}, Origin` : 'Origin');
    },
  };
}
