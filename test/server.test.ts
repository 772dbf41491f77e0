import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config/config.ts';
import { startTestApp } from './support/app.ts';
import { execute, ok, signToken } from './support/client.ts';
import { unique } from './support/fixtures.ts';
import { CreateOrganization, OrganizationBySlug, Viewer } from './support/operations.ts';
import { openDatabase } from '../src/db/client.ts';
import { runServerExpectingExit, startServerProcess } from './support/process.ts';

describe('configuration', () => {
  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ JWT_JWKS_URL: 'https://idp.example.com/.well-known/jwks.json', JWT_AUDIENCE: 'keysmith' }, 'JWT_ISSUER'],
    [{ METRICS_TOKEN: 'short' }, 'METRICS_TOKEN'],
    [{ KEY_TAG_SECRET_PREVIOUS: 'short' }, 'KEY_TAG_SECRET_PREVIOUS'],
    [{ HTTP_MAX_CONNECTIONS_PER_CLIENT: 'many' }, 'HTTP_MAX_CONNECTIONS_PER_CLIENT'],
    [{ KEY_CACHE_MAX_ENTRIES: '0' }, 'KEY_CACHE_MAX_ENTRIES'],
    [{ KEY_CACHE_MAX_ENTRIES: 'lots' }, 'KEY_CACHE_MAX_ENTRIES'],
    [{ KEY_CACHE_MAX_ENTRIES: '1.5' }, 'KEY_CACHE_MAX_ENTRIES'],
    [{ KEY_VERDICT_CACHE_MAX_ENTRIES: '-1' }, 'KEY_VERDICT_CACHE_MAX_ENTRIES'],
  ])('rejects %o with one line naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain(`Invalid environment variable ${name}`);
      expect(message).not.toContain('\n');
    }
  });

  it('refuses key caches that could not fit in half of the heap, naming the setting and the memory', () => {
    expect(loadConfig({ KEY_CACHE_MAX_ENTRIES: '250000' }).keyCache).toEqual({ maxEntries: 250_000, verdictMaxEntries: 50_000 });
    expect(() => loadConfig({ KEY_CACHE_MAX_ENTRIES: '10000000' })).toThrow(
      /^Invalid environment variable KEY_CACHE_MAX_ENTRIES: the key caches would take about \d+ MiB when full, more than half of this process's heap limit/,
    );
  });

  it('uses the development secret outside production only', () => {
    expect(loadConfig({}).jwt).toMatchObject({ kind: 'secret', usingDevelopmentSecret: true });
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }).jwt).toMatchObject({ usingDevelopmentSecret: false });
  });

  it('stops start-up with a clear one-line error for a bad value', async () => {
    const result = await runServerExpectingExit({ PORT: 'eighty' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^Invalid environment variable PORT: .+$/);
    const cache = await runServerExpectingExit({ KEY_CACHE_MAX_ENTRIES: '0' });
    expect(cache.code).toBe(1);
    expect(cache.stderr.trim()).toMatch(/^Invalid environment variable KEY_CACHE_MAX_ENTRIES: .+ \(got "0"\)$/);
  });
});

describe('server process', () => {
  // Two server processes, the first applying every migration to a fresh directory: well over the default 30 s when
  // the other test files run beside it.
  it('keeps PGlite data across a graceful restart, and serves /health, /ready and GraphiQL', { timeout: 120_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keysmith-restart-'));
    const env = { PGLITE_DATA_DIR: dataDir, JWT_SECRET: 'restart-test-secret-0123456789-abcdefghij' };
    const token = await signToken({ sub: unique('restart') }, { secret: env.JWT_SECRET });
    const slug = unique('persist');
    try {
      const first = await startServerProcess(env);
      try {
        expect(first.output()).toContain('migrations applied');
        expect((await fetch(`${first.url}/health`)).status).toBe(200);
        expect((await fetch(`${first.url}/ready`)).status).toBe(200);
        const page = await fetch(`${first.url}/graphql`, { headers: { accept: 'text/html' } });
        expect(await page.text()).toContain('GraphiQL');
        const remote = { fetch: (input: string | URL | Request, init?: RequestInit) => fetch(input, init) };
        ok(await execute(remote, CreateOrganization, { input: { name: 'Persisted', slug } }, { token, baseUrl: first.url }));
      } finally {
        expect(await first.stop('SIGTERM')).toBe(0);
      }
      expect(first.output()).toContain('"msg":"stopped"');

      const second = await startServerProcess(env);
      try {
        expect(second.output()).toContain('database schema up to date');
        const remote = { fetch: (input: string | URL | Request, init?: RequestInit) => fetch(input, init) };
        const data = ok(await execute(remote, OrganizationBySlug, { slug }, { token, baseUrl: second.url }));
        expect(data.organization?.name).toBe('Persisted');
      } finally {
        await second.stop('SIGTERM');
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('error masking', () => {
  it('answers an unexpected failure with a generic message and request id, and logs the detail', async () => {
    // A database nobody listens on: every query fails unexpectedly.
    const unreachable = await openDatabase({ kind: 'postgres', url: 'postgresql://nobody@127.0.0.1:9/none' });
    const t = await startTestApp({ db: unreachable });
    const token = await signToken({ sub: unique('masked') });
    const result = await execute(t.app, Viewer, {}, { token, headers: { 'x-request-id': 'req-masking-0001' } });
    const error = result.errors?.[0];
    expect(error?.message).toBe('Unexpected error. Request id: req-masking-0001');
    expect(error?.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', requestId: 'req-masking-0001' });
    expect(JSON.stringify(result.errors)).not.toMatch(/prisma|pglite|closed|stack/i);
    const logged = t.logs.map((l) => JSON.parse(l)).find((l) => l.requestId === 'req-masking-0001' && l.msg === 'unexpected error');
    expect(logged?.err?.message).toBeTruthy();
    await t.close();
    await unreachable.close();
  });
});
