import type http from 'node:http';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { scrubError } from './graphql/mask-error.ts';
import { requestScope } from './request-context.ts';

/**
 * What happens to a request outside Yoga's error masking. The server adapter under Yoga answers any error thrown
 * before GraphQL runs (a URL it cannot build from a bad Host header, a plugin's own hook) with a 500 whose body is
 * the stack trace: absolute paths and internals, to anyone. Everything here makes sure that never happens: the
 * request target is checked before the adapter sees it, and every plugin hook of ours is wrapped so that what it
 * throws becomes the generic answer and one log line.
 */

const GENERIC_ERROR_BODY = JSON.stringify({ errors: [{ message: 'Unexpected error.' }] });
const BAD_REQUEST_BODY = JSON.stringify({ errors: [{ message: 'Bad request: invalid Host header or request target' }] });

/**
 * The URL the adapter would build from the request line and Host (`http://<host><target>`), or null when it cannot
 * be built: `Host: [`, `Host: a b`, `Host: x:99999` all throw `Invalid URL` there.
 */
export function requestUrl(req: http.IncomingMessage): URL | null {
  const host = req.headers.host ?? 'localhost';
  const target = req.url ?? '/';
  // Only origin-form targets ("/path?query"): absolute-form and asterisk-form requests are not ours to serve.
  // A Host holding a path, query, credentials or spaces would be swallowed into the URL: only a name or an address.
  if (!target.startsWith('/') || !HOST.test(host)) return null;
  try {
    return new URL(`http://${host}${target}`);
  } catch {
    return null;
  }
}

/** A host name (or IPv4 address), or a bracketed IPv6 literal, with an optional port. */
const HOST = /^(?:[A-Za-z0-9._~-]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$/;

/** Answers a request whose target cannot be parsed: 400, no detail, one log line; it never reaches Yoga. */
export function refuseBadTarget(req: http.IncomingMessage, res: http.ServerResponse, logger: Logger, requestId: string): void {
  logger.warn({ requestId, method: req.method, host: String(req.headers.host ?? '').slice(0, 100) }, 'refused a request with an invalid Host header or target');
  res.writeHead(400, { 'content-type': 'application/json', 'cache-control': 'no-store', connection: 'close', 'x-request-id': requestId });
  res.end(BAD_REQUEST_BODY);
}

function genericFailure(fetchAPI: { Response: typeof Response }): Response {
  const requestId = requestScope.getStore()?.requestId;
  return new fetchAPI.Response(GENERIC_ERROR_BODY, {
    status: 500,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...(requestId ? { 'x-request-id': requestId } : {}) },
  });
}

/**
 * Wraps a plugin's HTTP hooks (`onRequest`, `onResponse`): an error they throw is logged (scrubbed, with the request
 * id) and answered with the generic 500, instead of reaching the adapter, which would answer with its stack.
 */
export function guardHooks<P extends Plugin<never>>(plugin: P, logger: Logger): P {
  const { onRequest, onResponse } = plugin as Plugin;
  if (!onRequest && !onResponse) return plugin;
  const log = (error: unknown, hook: string, request: Request) =>
    logger.error(
      { requestId: requestScope.getStore()?.requestId, hook, path: safePath(request.url), err: scrubError(error) },
      'unexpected error outside GraphQL',
    );
  const guarded: Plugin = { ...(plugin as Plugin) };
  // Hooks that answer synchronously stay synchronous, and nothing is allocated unless a hook fails or answers with a
  // promise: these run for every request, once per plugin.
  if (onRequest) {
    type Payload = Parameters<typeof onRequest>[0];
    const fail = (payload: Payload, error: unknown) => {
      log(error, 'onRequest', payload.request);
      payload.endResponse(genericFailure(payload.fetchAPI));
    };
    guarded.onRequest = (payload) => {
      try {
        const result = onRequest(payload) as unknown;
        if (result instanceof Promise) return result.catch((error: unknown) => fail(payload, error));
      } catch (error) {
        fail(payload, error);
      }
    };
  }
  if (onResponse) {
    type Payload = Parameters<typeof onResponse>[0];
    const fail = (payload: Payload, error: unknown) => {
      log(error, 'onResponse', payload.request);
      payload.setResponse(genericFailure(payload.fetchAPI));
    };
    guarded.onResponse = (payload) => {
      try {
        const result = onResponse(payload) as unknown;
        if (result instanceof Promise) return result.catch((error: unknown) => fail(payload, error));
      } catch (error) {
        fail(payload, error);
      }
    };
  }
  return guarded as P;
}

type RequestHook = NonNullable<Plugin['onRequest']>;

/**
 * An onRequest hook that serves a few paths: any other request (every API call) gets neither a promise nor a closure,
 * as an `async onRequest` that returns early would have given it.
 */
export function onPathRequest(serves: (pathname: string) => boolean, handle: (payload: Parameters<RequestHook>[0]) => Promise<unknown>): RequestHook {
  return (payload) => (serves(payload.url.pathname) ? handle(payload).then(() => {}) : undefined);
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname.slice(0, 200);
  } catch {
    return '(unparsable)';
  }
}
