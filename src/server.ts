import http from 'node:http';
import path from 'node:path';
import { createYoga, useReadinessCheck, type Plugin, type YogaInitialContext, type YogaServerInstance } from 'graphql-yoga';
import { getOperationAST, type DocumentNode } from 'graphql';
import type { Logger } from 'pino';
import { useApiKeyAuth } from './auth/api-key.ts';
import { createJwtVerifier, useJwtAuth } from './auth/jwt.ts';
import { corsPolicy, useBrowserPolicy } from './browser-policy.ts';
import { useViewer } from './auth/viewer.ts';
import { ApiKeyAuthenticator } from './domains/api-keys/authenticate.ts';
import { KeyVerifier } from './domains/api-keys/hashing.ts';
import { KeyStateCache } from './domains/api-keys/key-state.ts';
import { SecretTags } from './lib/secret-tag.ts';
import { AuthThrottle } from './domains/api-keys/throttle.ts';
import { RateLimiter } from './domains/api-keys/rate-limiter.ts';
import { UsageTracker } from './domains/api-keys/usage.ts';
import { SecretBox } from './lib/secret-box.ts';
import { SIGNING_SECRETS_INFO, WebhookDispatcher } from './domains/webhooks/delivery.ts';
import { registerWebhookMetrics } from './domains/webhooks/metrics.ts';
import { scanExpiryNotices } from './domains/api-keys/expiry-notices.ts';
import { createMetrics } from './metrics.ts';
import { systemClock, type Clock } from './clock.ts';
import { projectRoot, type Config } from './config/config.ts';
import { useDevSignIn } from './console/dev-sign-in.ts';
import { useConsoleSessions } from './console/sessions.ts';
import { ConsoleSessionService } from './console/session-service.ts';
import { OidcRelyingParty } from './console/oidc-relying-party.ts';
import { ConsoleSessions } from './domains/console-sessions/store.ts';
import { useSessionAuth } from './console/session-auth.ts';
import { useConsoleConfig } from './console/console-config.ts';
import { useCliConfig } from './auth/cli-config.ts';
import { useConsole } from './console/static.ts';
import { useGithubSecretScanning } from './secret-scanning/github.ts';
import type { Context } from './context.ts';
import type { Database } from './db/client.ts';
import { queryLimitPlugins } from './graphql/limits.ts';
import { graphiqlPage } from './graphql/graphiql.ts';
import { guardHooks, refuseBadTarget, requestUrl } from './http-edge.ts';
import { GRAPHQL_PATH, useExactRoutes } from './routes.ts';
import { createMaskError, scrub } from './graphql/mask-error.ts';
import { useNoSuggestions } from './graphql/no-suggestions.ts';
import { timeSlices } from './graphql/time-slice-plugin.ts';
import { TimeSlicer } from './lib/time-slice.ts';
import { schema } from './schema.ts';
import { newRequestId, requestScope } from './request-context.ts';

type RequestFields = Omit<Context, keyof YogaInitialContext>;

/** `consoleDir`: the built web console served at `/` (default web/dist). */
export type AppDeps = { config: Config; db: Database; logger: Logger; clock?: Clock; consoleDir?: string };

export type App = {
  yoga: YogaServerInstance<Record<string, unknown>, RequestFields>;
  /** Like `yoga.fetch`, inside a request scope (request id). Tests drive the API through this. */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** Node request listener for `http.createServer`. */
  listener: http.RequestListener;
  verifier: KeyVerifier;
  usage: UsageTracker;
  keyStates: KeyStateCache;
  /** Delivers webhook events (null when no key material for signing secrets is configured). */
  webhooks: WebhookDispatcher | null;
  /** The rate limits of keys (leases counted in `leases`). */
  limiter: RateLimiter;
  /** Resolves once background listeners are set up (the app serves correctly before, just without its cache). */
  ready: Promise<void>;
  /** Stops background work of this instance and flushes usage counts (does not close the database). */
  stop(): Promise<void>;
};

export function createApp({ config, db, logger, clock = systemClock, consoleDir = path.join(projectRoot, 'web', 'dist') }: AppDeps): App {
  const verifier = new KeyVerifier({ maxConcurrency: config.argon2MaxConcurrency, maxWaitMs: config.argon2MaxWaitMs, maxEntries: config.keyCache.verdictMaxEntries });
  const secretTags = config.keyTagSecret ? SecretTags.derive(config.keyTagSecret, 'keysmith api-key secret tags', config.keyTagSecretPrevious) : null;
  const webhookSecrets = config.webhooks.secretKey ? SecretBox.derive(config.webhooks.secretKey, SIGNING_SECRETS_INFO, config.webhooks.secretKeyPrevious) : null;
  const webhookUrlPolicy = { requireHttps: config.webhooks.requireHttps, allowPrivateAddresses: config.webhooks.allowPrivateAddresses };
  const webhooks = webhookSecrets
    ? new WebhookDispatcher({
        prisma: db.prisma,
        logger,
        clock,
        secrets: webhookSecrets,
        policy: webhookUrlPolicy,
        pollIntervalMs: config.webhooks.pollIntervalMs,
        scheduledEvents: scanExpiryNotices,
        expiryScanIntervalMs: config.webhooks.expiryScanIntervalMs,
        concurrency: config.webhooks.concurrency,
        concurrencyPerEndpoint: config.webhooks.concurrencyPerEndpoint,
        listen: (channel, onNotify, onStatus) => db.listen(channel, onNotify, onStatus),
      })
    : null;
  if (config.webhooks.deliver) webhooks?.start();
  if (!webhooks) logger.warn('webhooks are off: set WEBHOOK_SECRET_KEY (or KEY_TAG_SECRET) to encrypt their signing secrets');
  else if (config.webhooks.secretKeySource !== 'WEBHOOK_SECRET_KEY' && config.env === 'production') {
    logger.warn(
      `WEBHOOK_SECRET_KEY is not set: webhook signing secrets are encrypted with a key derived from ${config.webhooks.secretKeySource}; changing that secret makes them unreadable (deliveries fail) unless the old value is given as WEBHOOK_SECRET_KEY_PREVIOUS (SECURITY.md)`,
    );
  }
  const usage = new UsageTracker(db.prisma, logger, config.usageFlushIntervalMs, clock);
  usage.start();
  const keyStates = new KeyStateCache(db, logger, config.keyCache.maxEntries);
  const throttle = new AuthThrottle(config.throttle, clock);
  const limiter = new RateLimiter(db.prisma);
  // Tokens come from another system, stamped by its clock: judge them by the wall clock, not the injected one.
  const verifyJwt = createJwtVerifier(config.jwt, systemClock);
  const sessions = new ConsoleSessionService(
    new ConsoleSessions(db.prisma, clock, config.consoleSession),
    config,
    verifyJwt,
    config.consoleOidc ? new OidcRelyingParty(config.consoleOidc) : null,
  );
  const pruneTimer = setInterval(() => {
    void throttle.prune(db.prisma).catch(() => {});
    void sessions.store.prune().catch(() => {});
    void limiter.prune(clock.now()).catch(() => {});
  }, 60_000);
  pruneTimer.unref();
  const listening = keyStates.start();
  const timeSlicer = new TimeSlicer(config.limits.timeSliceMs);
  const metrics = createMetrics({ verifier, usage, keyStates, timeSlicer, token: config.metricsToken });
  registerWebhookMetrics(metrics.registry, { dispatcher: webhooks, prisma: db.prisma, clock });
  const yoga = createYoga<Record<string, unknown>, RequestFields>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    // MAX_BODY_BYTES is enforced by queryLimitPlugins without a stream per request (limits.ts, bodySizeLimit).
    maxRequestBodySize: false,
    landingPage: false,
    // Served by graphiqlPage at the exact path: Yoga's own would answer any URL ending in /graphql.
    graphiql: false,
    cors: corsPolicy(config.corsOrigins),
    logging: {
      debug: () => {},
      info: (...args) => logger.info({ yoga: args.map((a) => scrub(String(a))) }),
      warn: (...args) => logger.warn({ yoga: args.map((a) => scrub(String(a))) }),
      // Yoga reports here only the errors it masked, which createMaskError has already logged once (scrubbed, with
      // the request id); Yoga's copy would add the query text.
      error: () => {},
    },
    maskedErrors: { maskError: createMaskError(logger) },
    context: ({ request, req }: YogaInitialContext & { req?: http.IncomingMessage }): RequestFields => ({
      prisma: db.prisma,
      requestId: requestScope.getStore()?.requestId ?? newRequestId(request.headers.get('x-request-id')),
      clock,
      principal: null,
      clientIp: clientAddress(request, req, config.trustProxy),
      secretTags,
      webhookSecrets,
      webhookUrlPolicy,
      defaultPlan: config.defaultPlan,
    }),
    // guardHooks: an error thrown by one of these plugins' HTTP hooks gets the generic answer, never a stack trace.
    plugins: [
      useExactRoutes(),
      useConsoleConfig(config),
      useCliConfig(config),
      useConsole(consoleDir),
      // Before the GraphQL body limit: reports have their own (1 MiB), and are read only once signed.
      useGithubSecretScanning({ keys: config.secretScanning?.keys ?? null, prisma: db.prisma, verifier, tags: secretTags, keyStates, clock, logger }),
      ...queryLimitPlugins(config),
      timeSlices(timeSlicer),
      useBrowserPolicy(GRAPHQL_PATH),
      useDevSignIn(config),
      useConsoleSessions(config, sessions, logger),
      ...(config.introspection ? [] : [useNoSuggestions()]),
      useSessionAuth(sessions, config.consoleSession.secureCookie, logger),
      useJwtAuth(verifyJwt, logger),
      useApiKeyAuth({ authenticator: new ApiKeyAuthenticator(verifier, keyStates, throttle, clock, secretTags), usage, limiter, onFailure: metrics.authFailure }),
      useViewer(),
      metrics.plugin,
      graphiqlPage(config.graphiql),
      useReadinessCheck({
        endpoint: '/ready',
        check: async () => {
          try {
            await db.ping();
            return true;
          } catch (error) {
            logger.warn({ err: error }, 'readiness check failed');
            return false;
          }
        },
      }),
      {
        // A user mutation may have changed key state: answer only once this instance has seen the notifications.
        onExecute({ args }: { args: { document: DocumentNode; operationName?: string | null; contextValue: unknown } }) {
          const operation = getOperationAST(args.document, args.operationName);
          if (operation?.operation !== 'mutation' || (args.contextValue as Context).principal?.kind !== 'user') return;
          return { onExecuteDone: () => keyStates.barrier(db.prisma) };
        },
      },
      {
        onResponse({ response }: { response: Response }) {
          const scope = requestScope.getStore();
          if (scope) response.headers.set('x-request-id', scope.requestId);
        },
      },
    ].map((plugin) => guardHooks(plugin as Plugin<never>, logger)),
  });

  const runScoped = <T>(incomingId: string | null, fn: () => T): T =>
    requestScope.run({ requestId: newRequestId(incomingId), startedAt: performance.now() }, fn);

  const listener: http.RequestListener = (req, res) => {
    const header = req.headers['x-request-id'];
    runScoped(typeof header === 'string' ? header : null, () => {
      const scope = requestScope.getStore()!;
      res.on('finish', () => {
        logger.info(
          {
            requestId: scope.requestId,
            method: req.method,
            path: req.url?.split('?')[0],
            status: res.statusCode,
            ms: Math.round((performance.now() - scope.startedAt) * 10) / 10,
          },
          'request',
        );
      });
      // The server adapter would answer a URL it cannot build (a bad Host header) with its stack trace.
      if (!requestUrl(req)) return refuseBadTarget(req, res, logger, scope.requestId);
      void yoga(req, res);
    });
  };

  return {
    yoga,
    listener,
    fetch: (input, init) => {
      const incoming = input instanceof Request ? input.headers.get('x-request-id') : new Headers(init?.headers).get('x-request-id');
      return runScoped(incoming, () => Promise.resolve(yoga.fetch(input as URL, init ?? {})));
    },
    verifier,
    usage,
    keyStates,
    webhooks,
    limiter,
    ready: listening,
    stop: async () => {
      clearInterval(pruneTimer);
      await webhooks?.stop();
      await listening.catch(() => {});
      await keyStates.stop();
      await usage.stop();
    },
  };
}

/**
 * The caller's address: the socket peer, or with TRUST_PROXY the last X-Forwarded-For entry — the one our own proxy
 * appended. Entries to its left were written by the client and prove nothing.
 */
function clientAddress(request: Request, req: http.IncomingMessage | undefined, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  return req?.socket.remoteAddress ?? null;
}
