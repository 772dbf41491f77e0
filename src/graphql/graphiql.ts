import { createHash } from 'node:crypto';
import { shouldRenderGraphiQL, type GraphiQLOptions, type Plugin } from 'graphql-yoga';
import { GRAPHQL_PATH } from '../routes.ts';

/** What a first-time user sees in GraphiQL's editor (the README shows the same text). */
export const GRAPHIQL_DEFAULT_QUERY = `# Welcome to Keysmith. Sign in first:
# 1. print a development token:
#      npm run token -- --sub alice --email alice@example.com
# 2. open Headers (below) and paste
#      {"Authorization": "Bearer <the token>"}
# 3. run this query (Ctrl-Enter). The README has the next steps.
query Me {
  viewer {
    subject
    user {
      id
      email
    }
  }
}
`;

export const graphiqlOptions: GraphiQLOptions = { title: 'Keysmith', defaultQuery: GRAPHIQL_DEFAULT_QUERY };

/**
 * GraphiQL from the `@graphql-yoga/render-graphiql` package: the whole editor (script, styles, Monaco workers) is
 * inlined in one page, so it works without internet access and runs no third-party script on a page where people paste
 * tokens and secrets. The page gets a content security policy that allows exactly its own inline script (by hash), its
 * Monaco workers (blob: URLs it creates) and requests to this origin. It is served here, at exactly GRAPHQL_PATH, and
 * not by Yoga's own GraphiQL plugin, which also answers any URL that merely ends in "/graphql" (see routes.ts).
 */
export function graphiqlPage(enabled: boolean): Plugin {
  let last: { html: string; policy: string } | null = null;
  const render = async (): Promise<{ html: string; policy: string }> => {
    if (!last) {
      // Loaded on first use: the package is ~9 MB of JavaScript, which would slow every start-up (and production has
      // GraphiQL off).
      const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
      const html = renderGraphiQL(graphiqlOptions);
      last = { html, policy: contentSecurityPolicy(html) };
    }
    return last;
  };
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (!enabled || url.pathname !== GRAPHQL_PATH || !shouldRenderGraphiQL(request)) return;
      return render().then(({ html, policy }) =>
        endResponse(
          new fetchAPI.Response(html, {
            headers: {
              'content-type': 'text/html; charset=utf-8',
              'content-security-policy': policy,
              'x-content-type-options': 'nosniff',
              'referrer-policy': 'no-referrer',
            },
          }),
        ),
      );
    },
  };
}

function contentSecurityPolicy(html: string): string {
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    ([, body]) => `'sha256-${createHash('sha256').update(body!).digest('base64')}'`,
  );
  return [
    "default-src 'none'",
    `script-src ${scripts.join(' ')}`,
    // Monaco sets styles at run time (style attributes and elements): hashes cannot cover them.
    "style-src 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    'worker-src blob:',
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
