import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ConfigError, loadConfig, type Config } from '../src/config/config.ts';
import type { Database } from '../src/db/client.ts';
import { createLogger } from '../src/logger.ts';
import { createApp, type App } from '../src/server.ts';
import { openTestDatabase, TEST_JWT_SECRET } from './support/app.ts';

// The console's static serving and its development sign-in, on a small stand-in build directory.
let db: Database;
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'keysmith-console-'));
const apps: App[] = [];
const INDEX = '<!doctype html><title>Keysmith Console</title><script type="module" src="/assets/index-abc123.js"></script>';
const SCRIPT = 'console.log("keysmith console bundle");'.repeat(50);

function app(env: NodeJS.ProcessEnv): { app: App; config: Config } {
  // The shared test database (one PostgreSQL schema for every file): these apps must not deliver other files' webhooks
  // (their signing secrets are sealed under another key: each attempt would be recorded as "cannot be decrypted").
  const config = loadConfig({ PGLITE_DATA_DIR: 'memory', LOG_LEVEL: 'silent', WEBHOOKS_DELIVER: 'false', ...env });
  const created = createApp({ config, db, logger: createLogger('silent'), consoleDir: dist });
  apps.push(created);
  return { app: created, config };
}

beforeAll(async () => {
  db = await openTestDatabase();
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), INDEX);
  fs.writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), SCRIPT);
  fs.writeFileSync(path.join(os.tmpdir(), 'keysmith-outside-secret.txt'), 'outside');
});
afterAll(async () => {
  for (const a of apps) await a.stop();
  await db.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('console serving', () => {
  test('index.html at / is never cached and carries a strict content security policy', async () => {
    const { app: a } = app({ NODE_ENV: 'development' });
    const response = await a.fetch('http://keysmith.test/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(await response.text()).toBe(INDEX);
  });

  test('hashed assets are immutable and gzipped for clients that accept it', async () => {
    const { app: a } = app({ NODE_ENV: 'development' });
    const response = await a.fetch('http://keysmith.test/assets/index-abc123.js', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.length).toBeLessThan(SCRIPT.length);
    expect(zlib.gunzipSync(body).toString()).toBe(SCRIPT);
  });

  test('client routes get index.html; a missing asset is a 404, not HTML', async () => {
    const { app: a } = app({ NODE_ENV: 'development' });
    const route = await a.fetch('http://keysmith.test/orgs/acme/projects/web/api-keys');
    expect(route.status).toBe(200);
    expect(await route.text()).toBe(INDEX);
    expect((await a.fetch('http://keysmith.test/assets/index-old999.js')).status).toBe(404);
  });

  test('path traversal outside the build directory is refused', async () => {
    const { app: a } = app({ NODE_ENV: 'development' });
    for (const attempt of ['/assets/..%2f..%2fkeysmith-outside-secret.txt', '/..%2fkeysmith-outside-secret.txt', '/assets/..%5c..%5cetc%5cpasswd']) {
      const response = await a.fetch(`http://keysmith.test${attempt}`);
      expect(response.status, attempt).toBe(400);
      expect(await response.text()).not.toContain('outside');
    }
    // Dot segments written as %2e%2e are resolved by the URL parser first: what is left is an ordinary path inside.
    const normalized = await a.fetch('http://keysmith.test/assets/%2e%2e/%2e%2e/keysmith-outside-secret.txt');
    expect(normalized.status).toBe(404);
  });

  test('/graphql and /health are still the API', async () => {
    const { app: a } = app({ NODE_ENV: 'development' });
    const health = await a.fetch('http://keysmith.test/health');
    expect(health.status).toBe(200);
    expect(health.headers.get('content-security-policy')).toBeNull();
    const graphql = await a.fetch('http://keysmith.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '30' },
      body: JSON.stringify({ query: '{ __typename }' }).padEnd(30),
    });
    expect(await graphql.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

/** As the console on this machine asks: JSON, to a loopback Host (`base`), from its own origin or none. */
async function devToken(a: App, body: unknown, options: { base?: string; headers?: Record<string, string>; text?: string } = {}) {
  const text = options.text ?? JSON.stringify(body);
  return a.fetch(`${options.base ?? 'http://localhost:4000'}/auth/dev-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...options.headers },
    body: text,
  });
}

describe('development sign-in', () => {
  test('on the development secret it issues a token the API accepts, with the operator flag', async () => {
    const { app: a } = app({ NODE_ENV: 'development' });
    const response = await devToken(a, { sub: 'console-dev-alice', email: 'console-dev-alice@example.com', operator: true });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { token } = (await response.json()) as { token: string };
    const query = JSON.stringify({ query: '{ viewer { subject isOperator user { email } } }' });
    const viewer = await a.fetch('http://keysmith.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(query.length), authorization: `Bearer ${token}` },
      body: query,
    });
    expect(await viewer.json()).toEqual({
      data: { viewer: { subject: 'console-dev-alice', isOperator: true, user: { email: 'console-dev-alice@example.com' } } },
    });
  });

  test('bad sign-in details are a 400 naming the field', async () => {
    const { app: a } = app({ NODE_ENV: 'development' });
    const response = await devToken(a, { sub: '', email: 'not-an-email' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { issues: { path: string[] }[] };
    expect(body.issues.map((i) => i.path[0]).sort()).toEqual(['email', 'sub']);
  });

  test('a shorter session on request: the token expires after expiresInSeconds (1 to 3600, default 3600)', async () => {
    const { app: a } = app({ NODE_ENV: 'development' });
    const lifetime = async (body: Record<string, unknown>) => {
      const response = await devToken(a, { sub: 'console-dev-short', ...body });
      expect(response.status).toBe(200);
      const { token, expiresInSeconds } = (await response.json()) as { token: string; expiresInSeconds: number };
      const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { iat: number; exp: number };
      expect(claims.exp - claims.iat).toBe(expiresInSeconds);
      return expiresInSeconds;
    };
    expect(await lifetime({})).toBe(3600);
    expect(await lifetime({ expiresInSeconds: 2 })).toBe(2);
    for (const expiresInSeconds of [0, 3601, 1.5, '60']) {
      const response = await devToken(a, { sub: 'console-dev-short', expiresInSeconds });
      expect(response.status, String(expiresInSeconds)).toBe(400);
      const body = (await response.json()) as { issues: { path: string[] }[] };
      expect(body.issues.map((i) => i.path[0])).toEqual(['expiresInSeconds']);
    }
  });

  test('refuses what another site could send: text/plain or a form, another Origin, a Host that is not this machine', async () => {
    const { app: a } = app({ NODE_ENV: 'development' });
    const body = { sub: 'mallory', operator: true };
    const refusals: [string, Parameters<typeof devToken>[2], number][] = [
      ['text/plain', { headers: { 'content-type': 'text/plain' } }, 415],
      ['a form', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, text: 'sub=mallory' }, 415],
      ['no content type', { headers: { 'content-type': '' } }, 415],
      ['another origin', { headers: { origin: 'https://evil.example' } }, 403],
      ['another port of this machine', { headers: { origin: 'http://localhost:5555' } }, 403],
      ['a rebinding name', { base: 'http://evil.example:4000', headers: { origin: 'http://evil.example:4000' } }, 403],
      ['a public address', { base: 'http://203.0.113.5:4000' }, 403],
      ['a private address', { base: 'http://192.168.1.20:4000' }, 403],
    ];
    for (const [label, options, status] of refusals) {
      const response = await devToken(a, body, options);
      expect(response.status, label).toBe(status);
      expect(await response.text(), label).not.toContain('token');
    }
    for (const [label, options] of [
      ['same origin', { headers: { origin: 'http://localhost:4000' } }],
      ['no origin (curl)', {}],
      ['127.0.0.1', { base: 'http://127.0.0.1:4000', headers: { origin: 'http://127.0.0.1:4000' } }],
      ['[::1]', { base: 'http://[::1]:4000' }],
      ['a name under .localhost', { base: 'http://keysmith.localhost:4000' }],
    ] as const) {
      expect((await devToken(a, { sub: 'console-dev-bob' }, options)).status, label).toBe(200);
    }
  });

  test('does not exist with a configured secret, nor in production', async () => {
    const withSecret = app({ NODE_ENV: 'development', JWT_SECRET: TEST_JWT_SECRET }).app;
    expect((await devToken(withSecret, { sub: 'mallory' })).status).toBe(404);
    const production = app({ NODE_ENV: 'production', JWT_SECRET: TEST_JWT_SECRET }).app;
    expect((await devToken(production, { sub: 'mallory' })).status).toBe(404);
  });
});

describe('console sign-in settings', () => {
  const PROVIDER = {
    JWT_JWKS_URL: 'https://login.example.com/jwks',
    JWT_ISSUER: 'https://login.example.com/tenant-1',
    JWT_AUDIENCE: 'keysmith-api',
  };
  const settings = async (a: App) => {
    const response = await a.fetch('http://keysmith.test/console-config.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    return response.json();
  };

  test('with a console client id the console signs in with OpenID Connect at the issuer; CSP lets the page call only its own origin', async () => {
    const { app: a } = app({ NODE_ENV: 'production', ...PROVIDER, CONSOLE_OIDC_CLIENT_ID: 'keysmith-console' });
    expect(await settings(a)).toEqual({
      signIn: 'oidc',
      oidc: { authority: 'https://login.example.com/tenant-1', clientId: 'keysmith-console', scope: 'openid profile email' },
    });
    const csp = (await a.fetch('http://keysmith.test/')).headers.get('content-security-policy') ?? '';
    // The server redeems the code and refreshes tokens: the page never calls the provider, so CSP does not name it.
    expect(csp).toContain("connect-src 'self';");
    expect(csp).not.toContain('login.example.com');
    expect(csp).toContain("script-src 'self';");
    expect((await devToken(a, { sub: 'mallory' })).status).toBe(404);
  });

  test('on the development secret: the development form; with a provider but no client id: no sign-in offered', async () => {
    expect(await settings(app({ NODE_ENV: 'development' }).app)).toEqual({ signIn: 'development' });
    const withoutClient = app({ NODE_ENV: 'production', ...PROVIDER }).app;
    expect(await settings(withoutClient)).toEqual({ signIn: 'unavailable' });
    expect((await withoutClient.fetch('http://keysmith.test/')).headers.get('content-security-policy')).toContain("connect-src 'self';");
  });

  test('bad settings stop start-up naming the variable', () => {
    const fails = (env: NodeJS.ProcessEnv, name: string) =>
      expect(() => loadConfig({ PGLITE_DATA_DIR: 'memory', ...env })).toThrow(new RegExp(`^Invalid environment variable ${name}:`));
    fails({ CONSOLE_OIDC_CLIENT_ID: 'keysmith-console' }, 'CONSOLE_OIDC_CLIENT_ID');
    fails({ JWT_SECRET: TEST_JWT_SECRET, CONSOLE_OIDC_CLIENT_ID: 'keysmith-console' }, 'CONSOLE_OIDC_CLIENT_ID');
    fails({ ...PROVIDER, JWT_ISSUER: 'login.example.com', CONSOLE_OIDC_CLIENT_ID: 'keysmith-console' }, 'JWT_ISSUER');
    fails({ ...PROVIDER, CONSOLE_OIDC_CLIENT_ID: 'keysmith-console', CONSOLE_OIDC_SCOPE: 'profile email' }, 'CONSOLE_OIDC_SCOPE');
    fails({ ...PROVIDER, CONSOLE_OIDC_CLIENT_ID: 'keysmith-console', CONSOLE_OIDC_SCOPE: 'openid  "x"' }, 'CONSOLE_OIDC_SCOPE');
    expect(() => loadConfig({ PGLITE_DATA_DIR: 'memory', CONSOLE_OIDC_CLIENT_ID: 'x' })).toThrow(ConfigError);
  });
});
