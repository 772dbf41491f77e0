import { IncomingMessage } from 'node:http';
import { MAX_PAGE_SIZE, queryLimitError, type LimitName } from './limit-rules.ts';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import type { ValidationContext } from 'graphql';
import { badRequest, payloadTooLarge } from '../http-errors.ts';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config/config.ts';
import { queryCostLimit } from './query-cost.ts';
import { responseBudget } from './response-budget.ts';

/** Limits every request is held to (defaults; see Config for the environment overrides). */
/**
 * Armor's rejections start with "Syntax Error:" and quote its figures; ours name the limit instead. Validation rules
 * report through their context; the token limit runs in the parser, where throwing is the only way out.
 */
function rejectWith(limit: LimitName, message: string) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null) => {
        const error = queryLimitError(limit, message);
        if (!context) throw error;
        context.reportError(error);
      },
    ],
  };
}

/**
 * Hostile-query protection: GraphQL Armor's depth, alias, directive and token limits (400 with a message); the cost
 * limit with variables and list-argument bounds (query-cost.ts); a response-size budget (response-budget.ts).
 */
export function queryLimitPlugins(config: Config): Plugin[] {
  const limits = config.limits;
  const plugins: Plugin[] = [
    EnvelopArmorPlugin({
      maxDepth: {
        n: limits.maxDepth,
        ignoreIntrospection: true,
        ...rejectWith('depth', `Query depth limit exceeded: nest fields at most ${limits.maxDepth} levels deep.`),
      },
      maxAliases: {
        n: limits.maxAliases,
        ...rejectWith('aliases', `Query aliases limit exceeded: use at most ${limits.maxAliases} aliases per request.`),
      },
      maxDirectives: {
        n: limits.maxDirectives,
        ...rejectWith('directives', `Query directives limit exceeded: use at most ${limits.maxDirectives} directives per request.`),
      },
      maxTokens: {
        n: limits.maxTokens,
        ...rejectWith('tokens', `Query too long: a request may have at most ${limits.maxTokens} tokens; pass values as variables.`),
      },
      // Armor's cost rule cannot see variable values: query-cost.ts applies the same model with them.
      costLimit: { enabled: false },
      // Suggestions ("did you mean …") would let a client without introspection map the schema.
      blockFieldSuggestion: { enabled: !config.introspection },
    }) as Plugin,
  ];
  if (!config.introspection) plugins.push(useDisableIntrospection());
  plugins.push(bodySizeLimit(limits.maxBodyBytes), queryCostLimit(limits), responseBudget(limits.maxResponseBytes));
  return plugins;
}

/**
 * Refuses request bodies over `maxBytes` (413) and POSTs without a Content-Length (411) before reading them. Over HTTP
 * that bounds what is read: Node's parser delivers exactly Content-Length bytes of body (and refuses a request that
 * also says Transfer-Encoding). A request handed in through `fetch` (tests, an embedding) has no such parser: its body
 * is counted while it is read. Yoga's own limit (`maxRequestBodySize`, off in server.ts) piped every body through a
 * TransformStream whose teardown built an AbortController and a DOMException per request, ≈ 5 % of the CPU.
 */
function bodySizeLimit(maxBytes: number): Plugin {
  const tooLarge = () => payloadTooLarge(maxBytes);
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
    onRequestParse({ request, requestParser, setRequestParser, serverContext, fetchAPI }) {
      if (!requestParser || !request.body || (serverContext as { req?: unknown }).req instanceof IncomingMessage) return;
      setRequestParser(async (req) => {
        const chunks: Uint8Array[] = [];
        let size = 0;
        for await (const chunk of req.body as unknown as AsyncIterable<Uint8Array>) {
          size += chunk.byteLength;
          if (size > maxBytes) throw tooLarge();
          chunks.push(chunk);
        }
        return requestParser(new fetchAPI.Request(req.url, { method: req.method, headers: req.headers, body: Buffer.concat(chunks) }));
      });
    },
  };
}

/** Page sizes outside 0..MAX_PAGE_SIZE are an error, not silently clamped: the client should know it got less. */
export function checkPageSize(args: { first?: number | null; last?: number | null }): void {
  for (const name of ['first', 'last'] as const) {
    const value = args[name];
    if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) throw badRequest(`"${name}" must be between 0 and ${MAX_PAGE_SIZE}`, 'BAD_USER_INPUT');
  }
}
