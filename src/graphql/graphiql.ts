import { createHash } from 'node:crypto';
import type { GraphiQLOptions, Plugin } from 'graphql-yoga';

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
 * Monaco workers (blob: URLs it creates) and requests to this origin.
 */
export function graphiqlPage(graphqlEndpoint: string): { render: (options: GraphiQLOptions) => Promise<string>; plugin: Plugin } {
  let last: { key: string; html: string; policy: string } | null = null;
  const render = async (options: GraphiQLOptions): Promise<string> => {
    const key = JSON.stringify(options);
    if (last?.key !== key) {
      // Loaded on first use: the package is ~9 MB of JavaScript, which would slow every start-up (and production has
      // GraphiQL off).
      const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
      const html = renderGraphiQL(options);
      last = { key, html, policy: contentSecurityPolicy(html) };
    }
    return last.html;
  };
  const plugin: Plugin = {
    onResponse({ request, response }) {
      // Only GraphiQL's own page: every other HTML page (the console's index.html) keeps its own policy, which this
      // one (scripts by GraphiQL's hashes only) would break.
      if (!last || !response.headers.get('content-type')?.startsWith('text/html')) return;
      if (new URL(request.url).pathname !== graphqlEndpoint) return;
      response.headers.set('content-security-policy', last.policy);
      response.headers.set('x-content-type-options', 'nosniff');
      response.headers.set('referrer-policy', 'no-referrer');
    },
  };
  return { render, plugin };
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
