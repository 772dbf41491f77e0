import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { KEY_CACHE_BYTES_PER_KEY, KEY_VERDICT_BYTES_PER_ENTRY } from './key-cache-memory.ts';
import { loadScannerKeys, ScannerKeysError, type ScannerKey } from './scanner-keys.ts';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Used only outside production, with a warning, so that `npm start` works on a fresh machine. */
export const DEVELOPMENT_JWT_SECRET = 'keysmith-development-secret-do-not-use-in-production';

const booleanString = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')
      .optional(),
    /** PostgreSQL schema to use inside DATABASE_URL (tests isolate themselves with one per run). */
    DATABASE_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier')
      .optional(),
    PGLITE_DATA_DIR: z.string().min(1).default(path.join(projectRoot, '.data', 'pglite')),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    JWT_JWKS_URL: z.url().optional(),
    JWT_ISSUER: z.string().min(1).optional(),
    JWT_JWKS_COOLDOWN_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
    JWT_AUDIENCE: z.string().min(1).optional(),
    /** The console's client id at the identity provider (JWT_ISSUER): turns on the console's OpenID Connect sign-in. */
    CONSOLE_OIDC_CLIENT_ID: z.string().min(1).max(200).optional(),
    CONSOLE_OIDC_SCOPE: z
      .string()
      .regex(/^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/, 'must be space-separated OAuth scopes')
      .refine((v) => v.split(' ').includes('openid'), 'must include openid')
      .default('openid profile email'),
    /**
     * The `keysmith` CLI's client id at the identity provider (JWT_ISSUER): a public client (no secret) allowed the
     * device authorization grant; published at /cli-config.json so that `keysmith login` signs in with a device code.
     */
    CLI_OIDC_CLIENT_ID: z.string().min(1).max(200).optional(),
    CLI_OIDC_SCOPE: z
      .string()
      .regex(/^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/, 'must be space-separated OAuth scopes')
      .default('openid profile email offline_access'),
    /** The API's resource indicator (RFC 8707) that the CLI asks tokens for, when the provider needs one. */
    CLI_OIDC_RESOURCE: z
      .url({ message: 'must be an absolute URI (https://api.example.com or urn:example:api)' })
      .refine((v) => !v.includes('#'), 'must not contain a fragment (#)')
      .optional(),
    /** The console's session ends after this many minutes without a request… */
    CONSOLE_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(60),
    /** …and this many hours after sign-in, however active. */
    CONSOLE_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(30 * 24).default(12),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    GRAPHIQL: booleanString.optional(),
    INTROSPECTION: booleanString.optional(),
    USAGE_FLUSH_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
    /** Default: every core but one, so that valid traffic keeps a core under a flood of wrong secrets. */
    ARGON2_MAX_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(Math.max(1, os.availableParallelism() - 1)),
    ARGON2_MAX_WAIT_MS: z.coerce.number().int().min(10).max(60_000).default(10_000),
    /** API keys whose state and verified principal one process keeps in memory (≈ KEY_CACHE_BYTES_PER_KEY each). */
    KEY_CACHE_MAX_ENTRIES: z.coerce.number().int().min(1).max(10_000_000).default(100_000),
    /** argon2 verdicts one process remembers (keys without a verification tag), ≈ KEY_VERDICT_BYTES_PER_ENTRY each. */
    KEY_VERDICT_CACHE_MAX_ENTRIES: z.coerce.number().int().min(1).max(10_000_000).default(50_000),
    GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(100).default(12),
    GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).max(1000).default(15),
    GRAPHQL_MAX_DIRECTIVES: z.coerce.number().int().min(0).max(1000).default(10),
    GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).max(100_000).default(2000),
    GRAPHQL_MAX_COST: z.coerce.number().int().min(100).max(1_000_000).default(15000),
    GRAPHQL_MAX_ROWS: z.coerce.number().int().min(100).max(1_000_000).default(10_000),
    /** Longest run of resolvers before the event loop gets a turn (lib/time-slice.ts); 0 gives it one between each. */
    GRAPHQL_TIME_SLICE_MS: z.coerce.number().min(0).max(1000).default(10),
    MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(16 * 1024 * 1024).default(256 * 1024),
    MAX_RESPONSE_BYTES: z.coerce.number().int().min(64 * 1024).max(1024 * 1024 * 1024).default(16 * 1024 * 1024),
    HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(10_000),
    HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
    /** Open connections one client address may hold (0: no cap). Default 256, or 0 with TRUST_PROXY (the proxy's job). */
    HTTP_MAX_CONNECTIONS_PER_CLIENT: z.coerce.number().int().min(0).max(100_000).optional(),
    TRUST_PROXY: booleanString.default(false),
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    /** Browser origins allowed to call the API cross-origin (comma-separated), e.g. `https://console.example.com`. */
    CORS_ORIGINS: z
      .string()
      .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
      .pipe(z.array(z.string().regex(/^https?:\/\/[^/\s,]+$/, 'must be a comma-separated list of origins like https://console.example.com')))
      .default([]),
    /** Keys the verification tags of API-key secrets (see secret-tag.ts); default: derived from JWT_SECRET. */
    KEY_TAG_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    /** The tag secret before a rotation (its tags still decide secrets, and are rewritten); unset once every key has been used. */
    KEY_TAG_SECRET_PREVIOUS: z.string().min(32, 'must be at least 32 characters').optional(),
    AUTH_FAILURES_PER_KEY_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(20),
    AUTH_FAILURES_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
    /**
     * Encrypts webhook signing secrets at rest; default: the key-tag secret (KEY_TAG_SECRET or JWT_SECRET), so that
     * changing that secret makes every stored signing secret unreadable unless this is set (SECURITY.md).
     */
    WEBHOOK_SECRET_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
    /** The material before a rotation: still opens signing secrets, which are sealed again under the current one. */
    WEBHOOK_SECRET_KEY_PREVIOUS: z.string().min(32, 'must be at least 32 characters').optional(),
    /** Webhook attempts one instance runs at once, in all. */
    WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(64),
    /** Webhook attempts one instance runs at once to the same endpoint (a slow endpoint holds at most these slots). */
    WEBHOOK_CONCURRENCY_PER_ENDPOINT: z.coerce.number().int().min(1).max(100).default(8),
    /** Development and tests only: lets webhook URLs point at loopback and private addresses. */
    WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: booleanString.default(false),
    /** Whether this instance runs the webhook delivery loop (false: it only writes events; others deliver them). */
    WEBHOOKS_DELIVER: booleanString.default(true),
    /** How often each instance looks for due webhook deliveries (retries; new events wake it at once). */
    WEBHOOK_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(600_000).default(1000),
    /** How often each delivering instance looks for keys due an `api_key.expiring` / `api_key.expired` event. */
    KEY_EXPIRY_SCAN_INTERVAL_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
    /**
     * The secret scanner's signing keys in GitHub's format ({"public_keys":[...]}), or the path of a file holding them;
     * turns on POST /secret-scanning/github (src/secret-scanning/github.ts).
     */
    SECRET_SCANNING_PUBLIC_KEYS: z.string().min(1).optional(),
    /** The plan of new organizations; default TEAM in development on the development secret, FREE otherwise. */
    DEFAULT_PLAN: z.enum(['FREE', 'TEAM', 'ENTERPRISE']).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.JWT_SECRET && !env.JWT_JWKS_URL) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required in production (or set JWT_JWKS_URL)' });
    }
    if (env.JWT_JWKS_URL && (!env.JWT_ISSUER || !env.JWT_AUDIENCE)) {
      // An identity provider serves many applications: without both, another application's tokens would pass.
      ctx.addIssue({ code: 'custom', path: [env.JWT_ISSUER ? 'JWT_AUDIENCE' : 'JWT_ISSUER'], message: 'is required with JWT_JWKS_URL' });
    }
    if (env.HTTP_HEADERS_TIMEOUT_MS > env.HTTP_REQUEST_TIMEOUT_MS) {
      ctx.addIssue({ code: 'custom', path: ['HTTP_HEADERS_TIMEOUT_MS'], message: 'must not exceed HTTP_REQUEST_TIMEOUT_MS' });
    }
    if (env.CONSOLE_OIDC_CLIENT_ID && !env.JWT_JWKS_URL) {
      ctx.addIssue({ code: 'custom', path: ['CONSOLE_OIDC_CLIENT_ID'], message: 'needs the identity provider: set JWT_JWKS_URL, JWT_ISSUER and JWT_AUDIENCE' });
    }
    if (env.CONSOLE_OIDC_CLIENT_ID && env.JWT_ISSUER && !/^https?:\/\/[^\s]+$/.test(env.JWT_ISSUER)) {
      ctx.addIssue({ code: 'custom', path: ['JWT_ISSUER'], message: 'must be the identity provider URL (https://...) for CONSOLE_OIDC_CLIENT_ID' });
    }
    if (env.CLI_OIDC_CLIENT_ID && !env.JWT_JWKS_URL) {
      ctx.addIssue({ code: 'custom', path: ['CLI_OIDC_CLIENT_ID'], message: 'needs the identity provider: set JWT_JWKS_URL, JWT_ISSUER and JWT_AUDIENCE' });
    }
    if (env.CLI_OIDC_CLIENT_ID && env.JWT_ISSUER && !/^https?:\/\/[^\s]+$/.test(env.JWT_ISSUER)) {
      ctx.addIssue({ code: 'custom', path: ['JWT_ISSUER'], message: 'must be the identity provider URL (https://...) for CLI_OIDC_CLIENT_ID' });
    }
    if (env.CLI_OIDC_RESOURCE && !env.CLI_OIDC_CLIENT_ID) {
      ctx.addIssue({ code: 'custom', path: ['CLI_OIDC_RESOURCE'], message: 'applies only to the CLI sign-in: set CLI_OIDC_CLIENT_ID too' });
    }
    if (env.KEY_TAG_SECRET_PREVIOUS && !env.KEY_TAG_SECRET && env.JWT_JWKS_URL) {
      ctx.addIssue({ code: 'custom', path: ['KEY_TAG_SECRET_PREVIOUS'], message: 'needs the current tag secret: set KEY_TAG_SECRET' });
    }
    if (env.WEBHOOK_CONCURRENCY_PER_ENDPOINT > env.WEBHOOK_CONCURRENCY) {
      ctx.addIssue({ code: 'custom', path: ['WEBHOOK_CONCURRENCY_PER_ENDPOINT'], message: 'must not exceed WEBHOOK_CONCURRENCY' });
    }
    if (env.JWT_SECRET && env.JWT_JWKS_URL) {
      ctx.addIssue({ code: 'custom', path: ['JWT_JWKS_URL'], message: 'cannot be combined with JWT_SECRET' });
    }
  });

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: { kind: 'postgres'; url: string; schema?: string } | { kind: 'pglite'; dataDir: string | null };
  jwt:
    | { kind: 'secret'; secret: string; usingDevelopmentSecret: boolean; issuer?: string; audience?: string }
    | { kind: 'jwks'; url: string; issuer?: string; audience?: string; jwksCooldownMs: number };
  logLevel: string;
  graphiql: boolean;
  introspection: boolean;
  usageFlushIntervalMs: number;
  argon2MaxConcurrency: number;
  /** A key verification that would wait longer than this for argon2 is refused with 429 Retry-After. */
  argon2MaxWaitMs: number;
  /** Entries of the per-process key caches: key state with its principal (key-state.ts), argon2 verdicts (hashing.ts). */
  keyCache: { maxEntries: number; verdictMaxEntries: number };
  limits: {
    maxDepth: number;
    maxAliases: number;
    maxDirectives: number;
    maxTokens: number;
    maxCost: number;
    /** Most objects (rows) one operation may load, counted before execution (query-cost.ts). */
    maxRows: number;
    /** Longest run of resolvers, in ms, before other work (another request, `/health`) gets the thread. */
    timeSliceMs: number;
    maxBodyBytes: number;
    maxResponseBytes: number;
  };
  throttle: { failuresPerKeyPerMinute: number; failuresPerIpPerMinute: number };
  /** Slow clients: the whole header block, and the whole request, must arrive within these. */
  http: { headersTimeoutMs: number; requestTimeoutMs: number; maxConnectionsPerClient: number };
  trustProxy: boolean;
  /** Origins whose browsers may call the API with credentials; empty: same-origin only. */
  corsOrigins: string[];
  metricsToken: string | null;
  /**
   * Material for the keyed verification tags of API-key secrets: KEY_TAG_SECRET, else the JWT secret (development
   * secret included); null (argon2 once per key per process, as before tags) only with JWKS and no KEY_TAG_SECRET.
   */
  keyTagSecret: string | null;
  /** The previous tag material during a rotation of KEY_TAG_SECRET (or of the JWT_SECRET it was derived from). */
  keyTagSecretPrevious: string | null;
  /** The console's OpenID Connect sign-in (authorization code + PKCE at the identity provider); null when off. */
  consoleOidc: { authority: string; clientId: string; scope: string } | null;
  /**
   * What `keysmith login` needs for the device authorization grant at the identity provider (published, nothing
   * secret: a public client); null when CLI_OIDC_CLIENT_ID is unset.
   */
  cliOidc: { issuer: string; clientId: string; scope: string; resource: string | null } | null;
  /**
   * The console's server-side sessions. `secureCookie`: outside development and tests the cookie is
   * `__Host-keysmith-session` (Secure, so https only); on http://localhost it is `keysmith-session` without Secure.
   */
  consoleSession: { idleMs: number; maxMs: number; secureCookie: boolean };
  webhooks: {
    /** Material for the encryption of signing secrets at rest; null (webhook endpoints unavailable) with JWKS and neither KEY_TAG_SECRET nor WEBHOOK_SECRET_KEY. */
    secretKey: string | null;
    /** Which setting `secretKey` comes from: anything but WEBHOOK_SECRET_KEY changes when that other secret rotates. */
    secretKeySource: 'WEBHOOK_SECRET_KEY' | 'KEY_TAG_SECRET' | 'JWT_SECRET' | null;
    /** WEBHOOK_SECRET_KEY_PREVIOUS: opens secrets sealed before a rotation (they are sealed again under `secretKey`). */
    secretKeyPrevious: string | null;
    /** Attempts in flight per instance, in all and per endpoint. */
    concurrency: number;
    concurrencyPerEndpoint: number;
    requireHttps: boolean;
    allowPrivateAddresses: boolean;
    pollIntervalMs: number;
    expiryScanIntervalMs: number;
    /** Runs the delivery loop (and the expiry scan) on this instance. */
    deliver: boolean;
  };
  /** Keys that sign secret scanners' leak reports; null: the report endpoint does not exist (404). */
  secretScanning: { keys: ScannerKey[] } | null;
  /**
   * The plan a new organization starts on. A newcomer running `npm start` (development, the development secret: the
   * console's development sign-in) gets TEAM, so that a first key needs no operator; anywhere else FREE.
   */
  defaultPlan: 'FREE' | 'TEAM' | 'ENTERPRISE';
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * The memory bound of the key caches: full, they may take at most half of this process's V8 heap limit (Node's
 * --max-old-space-size), so that a value that could only end in an out-of-memory crash is refused at start-up.
 */
function checkKeyCacheFits(keys: number, verdicts: number, heapLimit = v8.getHeapStatistics().heap_size_limit): void {
  const bytes = keys * KEY_CACHE_BYTES_PER_KEY + verdicts * KEY_VERDICT_BYTES_PER_ENTRY;
  if (bytes <= heapLimit / 2) return;
  const mib = (n: number) => `${Math.round(n / 2 ** 20)} MiB`;
  const name = keys * KEY_CACHE_BYTES_PER_KEY >= verdicts * KEY_VERDICT_BYTES_PER_ENTRY ? 'KEY_CACHE_MAX_ENTRIES' : 'KEY_VERDICT_CACHE_MAX_ENTRIES';
  throw new ConfigError(
    `Invalid environment variable ${name}: the key caches would take about ${mib(bytes)} when full, more than half of this process's heap limit (${mib(heapLimit)}); lower it or raise node's --max-old-space-size`,
  );
}

/** Parses the environment once; a bad value throws a ConfigError whose message is one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings mean "unset", as in most dotenv tooling.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0] ?? 'environment');
    const shown = name in cleaned && !/SECRET|URL/.test(name) ? ` (got ${JSON.stringify(cleaned[name])})` : '';
    throw new ConfigError(`Invalid environment variable ${name}: ${issue.message}${shown}`);
  }
  const e = parsed.data;
  let scannerKeys: ScannerKey[] | null = null;
  if (e.SECRET_SCANNING_PUBLIC_KEYS) {
    try {
      scannerKeys = loadScannerKeys(e.SECRET_SCANNING_PUBLIC_KEYS);
    } catch (error) {
      if (!(error instanceof ScannerKeysError)) throw error;
      throw new ConfigError(`Invalid environment variable SECRET_SCANNING_PUBLIC_KEYS: ${error.message}`);
    }
  }
  checkKeyCacheFits(e.KEY_CACHE_MAX_ENTRIES, e.KEY_VERDICT_CACHE_MAX_ENTRIES);
  const isProd = e.NODE_ENV === 'production';
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, schema: e.DATABASE_SCHEMA }
      : { kind: 'pglite', dataDir: e.PGLITE_DATA_DIR === 'memory' ? null : e.PGLITE_DATA_DIR },
    jwt: e.JWT_JWKS_URL
      ? { kind: 'jwks', url: e.JWT_JWKS_URL, issuer: e.JWT_ISSUER, audience: e.JWT_AUDIENCE, jwksCooldownMs: e.JWT_JWKS_COOLDOWN_MS }
      : {
          kind: 'secret',
          secret: e.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET,
          usingDevelopmentSecret: !e.JWT_SECRET,
          issuer: e.JWT_ISSUER,
          audience: e.JWT_AUDIENCE,
        },
    logLevel: e.LOG_LEVEL,
    graphiql: e.GRAPHIQL ?? !isProd,
    introspection: e.INTROSPECTION ?? !isProd,
    usageFlushIntervalMs: e.USAGE_FLUSH_INTERVAL_MS,
    argon2MaxConcurrency: e.ARGON2_MAX_CONCURRENCY,
    argon2MaxWaitMs: e.ARGON2_MAX_WAIT_MS,
    keyCache: { maxEntries: e.KEY_CACHE_MAX_ENTRIES, verdictMaxEntries: e.KEY_VERDICT_CACHE_MAX_ENTRIES },
    limits: {
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxDirectives: e.GRAPHQL_MAX_DIRECTIVES,
      maxTokens: e.GRAPHQL_MAX_TOKENS,
      maxCost: e.GRAPHQL_MAX_COST,
      maxRows: e.GRAPHQL_MAX_ROWS,
      timeSliceMs: e.GRAPHQL_TIME_SLICE_MS,
      maxBodyBytes: e.MAX_BODY_BYTES,
      maxResponseBytes: e.MAX_RESPONSE_BYTES,
    },
    http: {
      headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
      // Behind a proxy every connection comes from the proxy's address: a cap there would cap everyone together.
      maxConnectionsPerClient: e.HTTP_MAX_CONNECTIONS_PER_CLIENT ?? (e.TRUST_PROXY ? 0 : 256),
    },
    trustProxy: e.TRUST_PROXY,
    corsOrigins: e.CORS_ORIGINS,
    metricsToken: e.METRICS_TOKEN ?? null,
    keyTagSecret: e.KEY_TAG_SECRET ?? (e.JWT_JWKS_URL ? null : (e.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET)),
    keyTagSecretPrevious: e.KEY_TAG_SECRET_PREVIOUS ?? null,
    consoleOidc:
      e.CONSOLE_OIDC_CLIENT_ID && e.JWT_ISSUER ? { authority: e.JWT_ISSUER, clientId: e.CONSOLE_OIDC_CLIENT_ID, scope: e.CONSOLE_OIDC_SCOPE } : null,
    cliOidc:
      e.CLI_OIDC_CLIENT_ID && e.JWT_ISSUER
        ? { issuer: e.JWT_ISSUER, clientId: e.CLI_OIDC_CLIENT_ID, scope: e.CLI_OIDC_SCOPE, resource: e.CLI_OIDC_RESOURCE ?? null }
        : null,
    consoleSession: {
      idleMs: e.CONSOLE_SESSION_IDLE_MINUTES * 60_000,
      maxMs: e.CONSOLE_SESSION_MAX_HOURS * 3_600_000,
      secureCookie: isProd,
    },
    webhooks: {
      secretKey: e.WEBHOOK_SECRET_KEY ?? e.KEY_TAG_SECRET ?? (e.JWT_JWKS_URL ? null : (e.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET)),
      secretKeySource: e.WEBHOOK_SECRET_KEY ? 'WEBHOOK_SECRET_KEY' : e.KEY_TAG_SECRET ? 'KEY_TAG_SECRET' : e.JWT_JWKS_URL ? null : 'JWT_SECRET',
      secretKeyPrevious: e.WEBHOOK_SECRET_KEY_PREVIOUS ?? null,
      concurrency: e.WEBHOOK_CONCURRENCY,
      concurrencyPerEndpoint: e.WEBHOOK_CONCURRENCY_PER_ENDPOINT,
      requireHttps: isProd,
      allowPrivateAddresses: e.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES,
      pollIntervalMs: e.WEBHOOK_POLL_INTERVAL_MS,
      expiryScanIntervalMs: e.KEY_EXPIRY_SCAN_INTERVAL_MS,
      deliver: e.WEBHOOKS_DELIVER,
    },
    secretScanning: scannerKeys ? { keys: scannerKeys } : null,
    defaultPlan: e.DEFAULT_PLAN ?? (e.NODE_ENV === 'development' && !e.JWT_SECRET && !e.JWT_JWKS_URL ? 'TEAM' : 'FREE'),
    throttle: {
      failuresPerKeyPerMinute: e.AUTH_FAILURES_PER_KEY_PER_MINUTE,
      failuresPerIpPerMinute: e.AUTH_FAILURES_PER_IP_PER_MINUTE,
    },
  };
}
