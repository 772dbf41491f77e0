import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.ts';

/** Limits every request is held to (defaults; see Config for the environment overrides). */
export const MAX_PAGE_SIZE = 100;

/** Hostile-query protection: GraphQL Armor's depth, alias, directive, token and cost limits (400 with a message). */
export function queryLimitPlugins(config: Config): Plugin[] {
  const limits = config.limits;
  const plugins: Plugin[] = [
    EnvelopArmorPlugin({
      maxDepth: { n: limits.maxDepth, ignoreIntrospection: true },
      maxAliases: { n: limits.maxAliases },
      maxDirectives: { n: limits.maxDirectives },
      maxTokens: { n: limits.maxTokens },
      costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true },
      // Suggestions ("did you mean …") would let a client without introspection map the schema.
      blockFieldSuggestion: { enabled: !config.introspection },
    }) as Plugin,
  ];
  if (!config.introspection) plugins.push(useDisableIntrospection());
  plugins.push(bodySizeLimit(limits.maxBodyBytes));
  return plugins;
}

/** Refuses request bodies over `maxBytes` (413) and POSTs without a Content-Length (411) before reading them. */
function bodySizeLimit(maxBytes: number): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method !== 'POST') return;
      const length = request.headers.get('content-length');
      const reply = (status: number, message: string) =>
        endResponse(
          new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] }), {
            status,
            headers: { 'content-type': 'application/json' },
          }),
        );
      if (length === null) return reply(411, 'Content-Length is required');
      if (!/^\d+$/.test(length) || Number(length) > maxBytes) {
        return reply(413, `Request body exceeds the limit of ${maxBytes} bytes`);
      }
    },
  };
}

/** Page sizes above MAX_PAGE_SIZE are an error, not silently clamped: the client should know it got less. */
export function pageSize(args: { first?: number | null; last?: number | null }): number {
  for (const name of ['first', 'last'] as const) {
    const value = args[name];
    if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) {
      throw new GraphQLError(`"${name}" must be between 0 and ${MAX_PAGE_SIZE}`, {
        extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
      });
    }
  }
  return MAX_PAGE_SIZE;
}
