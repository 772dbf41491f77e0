import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { inspect, promisify } from 'node:util';
import { Keysmith, KeysmithError } from '@keysmith/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, executionCount, startIntegratorServer, type Tenant } from './support/integrator.ts';
import type { ServerProcess } from './support/process.ts';
import { projectRoot } from '../src/config/config.ts';

// The SDK against a real server process, as an integrator's service uses it.

let server: ServerProcess;
let tenant: Tenant;
let triggerKey: string; // workflow:trigger and execution:read, the console's usual integration key
beforeAll(async () => {
  server = await startIntegratorServer();
  tenant = await createTenant(server.url, 'sdk');
  triggerKey = (await tenant.key(['workflow:trigger', 'execution:read'])).secret;
}, 240_000);
afterAll(async () => {
  await server?.stop();
});

async function caught(promise: Promise<unknown>): Promise<KeysmithError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KeysmithError);
  return error as KeysmithError;
}

/** What a leak check looks at: everything a log line or a crash report could contain. */
function everythingPrinted(error: KeysmithError): string {
  return [error.message, error.stack, inspect(error, { depth: 10 }), JSON.stringify(error), String(error.cause ?? '')].join('\n');
}

type Behaviour = { status: 429 | 503; retryAfter: string } | 'drop' | 'answer-lost' | 'forward';

/** A stand-in for a proxy in front of the server: refuses, drops or forwards each request as scripted. */
async function stub(script: Behaviour[]) {
  const seen: { at: number; body: string }[] = [];
  const proxy = http.createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    seen.push({ at: Date.now(), body });
    const behaviour = script.shift() ?? 'forward';
    if (behaviour === 'drop') return req.socket.destroy();
    if (typeof behaviour === 'object') {
      res.writeHead(behaviour.status, { 'content-type': 'application/json', 'retry-after': behaviour.retryAfter, 'x-request-id': 'stub-request' });
      return res.end(JSON.stringify({ errors: [{ message: 'Too many requests', extensions: { code: behaviour.status === 429 ? 'RATE_LIMITED' : 'SERVICE_UNAVAILABLE' } }] }));
    }
    const answer = await fetch(`${server.url}${req.url}`, { method: req.method, headers: { 'content-type': 'application/json', authorization: req.headers.authorization ?? '' }, body });
    const text = await answer.text();
    // The server did the work; the answer never reaches the client (a lost connection, a proxy timeout).
    if (behaviour === 'answer-lost') return req.socket.destroy();
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(text);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  return { url, seen, close: () => new Promise<void>((resolve) => proxy.close(() => resolve())) };
}

describe('credentials', () => {
  it('reads KEYSMITH_API_KEY and KEYSMITH_URL from the environment', async () => {
    const saved = { ...process.env };
    process.env.KEYSMITH_API_KEY = triggerKey;
    process.env.KEYSMITH_URL = server.url;
    try {
      const key = await new Keysmith().currentKey();
      expect(key.prefix).toBe(triggerKey.slice(0, 16));
      expect(key.permissions.map((p) => p.permission)).toEqual(['workflow:trigger', 'execution:read']);
    } finally {
      process.env = saved;
    }
  });

  it('a missing credential names the variables, before any request', () => {
    const saved = { ...process.env };
    delete process.env.KEYSMITH_API_KEY;
    delete process.env.KEYSMITH_TOKEN;
    try {
      const error = (() => {
        try {
          new Keysmith({ url: server.url });
        } catch (e) {
          return e as KeysmithError;
        }
      })();
      expect(error).toBeInstanceOf(KeysmithError);
      expect(error).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'MISSING_CREDENTIALS' });
      expect(error!.message).toContain('KEYSMITH_API_KEY');
      expect(error!.message).toContain('KEYSMITH_TOKEN');
    } finally {
      process.env = saved;
    }
  });

  it('checks a key offline and says which part is wrong, without quoting it', () => {
    let requests = 0;
    const countingFetch: typeof fetch = async (...args) => {
      requests++;
      return fetch(...args);
    };
    const changed = triggerKey.slice(0, 30) + (triggerKey[30] === 'a' ? 'b' : 'a') + triggerKey.slice(31);
    const cases: [string, RegExp][] = [
      [changed, /checksum \(the last 6 characters\)/],
      [triggerKey.slice(0, -1), /54 characters long, a key has 55/],
      [`x${triggerKey.slice(1)}`, /does not start with "ksk_"/],
      [`${triggerKey.slice(0, 20)}-${triggerKey.slice(21)}`, /secret part .* other than letters and digits/],
    ];
    for (const [candidate, expected] of cases) {
      let error: KeysmithError | undefined;
      try {
        new Keysmith({ apiKey: candidate, url: server.url, fetch: countingFetch });
      } catch (e) {
        error = e as KeysmithError;
      }
      expect(error, candidate).toBeInstanceOf(KeysmithError);
      expect(error).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'MALFORMED_KEY' });
      expect(error!.message).toMatch(expected);
      expect(everythingPrinted(error!)).not.toContain(candidate.slice(17, 40));
    }
    expect(requests).toBe(0);
  });

  it('refuses an API key in a browser unless the caller opts in', async () => {
    const g = globalThis as { window?: unknown; document?: unknown };
    g.window = {};
    g.document = {};
    try {
      expect(() => new Keysmith({ apiKey: triggerKey, url: server.url })).toThrow(/Refusing an API key in a browser/);
      const allowed = new Keysmith({ apiKey: triggerKey, url: server.url, dangerouslyAllowApiKeyInBrowser: true });
      expect((await allowed.currentKey()).prefix).toBe(triggerKey.slice(0, 16));
      // A person's token is what a browser app holds anyway.
      expect(() => new Keysmith({ token: tenant.owner, url: server.url })).not.toThrow();
    } finally {
      delete g.window;
      delete g.document;
    }
  });

  it('never shows the key in inspect, JSON.stringify or errors', async () => {
    const client = new Keysmith({ apiKey: triggerKey, url: server.url });
    const secretPart = triggerKey.slice(17);
    expect(inspect(client, { depth: 10, showHidden: true })).not.toContain(secretPart);
    expect(JSON.stringify(client)).not.toContain(secretPart);
    expect(`${client}`).not.toContain(secretPart);
    expect(inspect(client)).toContain(triggerKey.slice(0, 16)); // the visible prefix, to tell clients apart

    const forbidden = await caught(client.createProject({ organizationId: tenant.organizationId, name: 'X', slug: 'x' }));
    const unreachable = await caught(new Keysmith({ apiKey: triggerKey, url: 'http://127.0.0.1:9', maxRetries: 0 }).currentKey());
    const refused = await caught(new Keysmith({ apiKey: (await tenant.key(['execution:read'], 'doomed')).secret.replace(/.{38}$/, (s) => s), url: server.url }).execution('nope'));
    for (const error of [forbidden, unreachable, refused]) expect(everythingPrinted(error)).not.toContain(secretPart);
  });
});

describe('typed results and errors', () => {
  it('triggers a workflow and reads the execution back', async () => {
    const client = new Keysmith({ apiKey: triggerKey, url: server.url });
    const started = await client.triggerWorkflow({ workflowId: tenant.workflowId, payload: { order: 1 } });
    expect(started).toMatchObject({ replayed: false, execution: { status: 'QUEUED', workflowId: tenant.workflowId, payload: { order: 1 } } });
    expect(started.idempotencyKey).toMatch(/^sdk-[0-9a-f-]{36}$/);
    expect(await client.execution(started.execution.id)).toMatchObject({ id: started.execution.id, idempotencyKey: started.idempotencyKey });
  });

  it('maps each typed error of the API to one KeysmithError code', async () => {
    const client = new Keysmith({ apiKey: triggerKey, url: server.url });
    const forbidden = await caught(client.createProject({ organizationId: tenant.organizationId, name: 'X', slug: 'x' }));
    expect(forbidden).toMatchObject({ code: 'FORBIDDEN', permission: 'project:create' });
    expect(forbidden.requestId).toMatch(/\S/);

    const missing = await caught(client.execution('V29ya2Zsb3dFeGVjdXRpb246MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAw'));
    expect(missing.code).toBe('NOT_FOUND');

    await client.triggerWorkflow({ workflowId: tenant.workflowId, payload: { a: 1 }, idempotencyKey: 'conflict-1' });
    const conflict = await caught(client.triggerWorkflow({ workflowId: tenant.workflowId, payload: { a: 2 }, idempotencyKey: 'conflict-1' }));
    expect(conflict.code).toBe('CONFLICT');

    const invalid = await caught(client.triggerWorkflow({ workflowId: tenant.workflowId, idempotencyKey: 'has spaces' }));
    expect(invalid.code).toBe('VALIDATION');
    expect(invalid.issues).toEqual([{ path: ['input', 'idempotencyKey'], message: expect.stringContaining('printable ASCII') }]);

    const owner = new Keysmith({ token: tenant.owner, url: server.url });
    const badSlug = await caught(owner.createProject({ organizationId: tenant.organizationId, name: 'Bad', slug: 'Not A Slug' }));
    expect(badSlug.code).toBe('VALIDATION');
    expect(badSlug.issues[0]!.path).toContain('slug');
    const taken = await caught(owner.createProject({ organizationId: tenant.organizationId, name: 'Again', slug: 'checkout' }));
    expect(taken.code).toBe('CONFLICT');
  });

  it('workflow(path) without read permissions says how to trigger by path instead, and that advice works', async () => {
    const client = new Keysmith({ apiKey: triggerKey, url: server.url });
    const path = `${tenant.slug}/checkout/sync`;
    const forbidden = await caught(client.workflow(path));
    expect(forbidden).toMatchObject({ code: 'FORBIDDEN', permission: 'organization:read' });
    const advised = /triggerWorkflow\(\{ workflowPath: "([^"]+)" \}\) needs only workflow:trigger/.exec(forbidden.message);
    expect(advised?.[1], forbidden.message).toBe(path);
    const started = await client.triggerWorkflow({ workflowPath: advised![1]!, payload: { advised: true } });
    expect(started.execution).toMatchObject({ status: 'QUEUED', workflowId: tenant.workflowId });
  });

  it('a refused key is UNAUTHENTICATED with the request id', async () => {
    const doomed = await tenant.key(['execution:read'], 'revoked');
    await new Keysmith({ token: tenant.owner, url: server.url }).revokeApiKey(doomed.id);
    const error = await caught(new Keysmith({ apiKey: doomed.secret, url: server.url }).currentKey());
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    expect(error.requestId).toMatch(/\S/);
  });

  it('request() sends any document', async () => {
    const client = new Keysmith({ apiKey: triggerKey, url: server.url });
    const data = await client.request<{ currentApiKey: { name: string } }, Record<string, never>>('query { currentApiKey { name } }');
    expect(data.currentApiKey.name).toBe('integration');
    const error = await caught(client.request('query { nope }'));
    expect(error.code).toBe('VALIDATION');
  });
});

describe('retries', () => {
  it('waits Retry-After after a 429 and then succeeds', async () => {
    const proxy = await stub([{ status: 429, retryAfter: '1' }]);
    try {
      const key = await new Keysmith({ apiKey: triggerKey, url: proxy.url }).currentKey();
      expect(key.name).toBe('integration');
      expect(proxy.seen).toHaveLength(2);
      expect(proxy.seen[1]!.at - proxy.seen[0]!.at).toBeGreaterThanOrEqual(950);
    } finally {
      await proxy.close();
    }
  });

  it('retries a mutation after 503 (refused before it ran), once per Retry-After', async () => {
    const proxy = await stub([{ status: 503, retryAfter: '1' }]);
    const before = await executionCount(server.url, tenant);
    try {
      await new Keysmith({ apiKey: triggerKey, url: proxy.url }).triggerWorkflow({ workflowId: tenant.workflowId, payload: { retried: true } });
      expect(proxy.seen).toHaveLength(2);
      expect(await executionCount(server.url, tenant)).toBe(before + 1);
    } finally {
      await proxy.close();
    }
  });

  it('gives up with RATE_LIMITED and retryAfterSeconds when the wait is too long or retries run out', async () => {
    const proxy = await stub([{ status: 429, retryAfter: '120' }, { status: 429, retryAfter: '1' }, { status: 429, retryAfter: '1' }]);
    try {
      const long = await caught(new Keysmith({ apiKey: triggerKey, url: proxy.url }).currentKey());
      expect(long).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 120, requestId: 'stub-request' });
      expect(proxy.seen).toHaveLength(1);
      const exhausted = await caught(new Keysmith({ apiKey: triggerKey, url: proxy.url, maxRetries: 1 }).currentKey());
      expect(exhausted).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 1 });
      expect(proxy.seen).toHaveLength(3);
    } finally {
      await proxy.close();
    }
  });

  it('retries a query after a network failure, but not a mutation that is not safe to repeat', async () => {
    const proxy = await stub(['drop', 'forward', 'drop']);
    try {
      expect((await new Keysmith({ apiKey: triggerKey, url: proxy.url }).currentKey()).name).toBe('integration');
      expect(proxy.seen).toHaveLength(2);
      const owner = new Keysmith({ token: tenant.owner, url: proxy.url });
      const error = await caught(owner.createProject({ organizationId: tenant.organizationId, name: 'Once', slug: 'once' }));
      expect(error.code).toBe('NETWORK');
      expect(proxy.seen).toHaveLength(3);
    } finally {
      await proxy.close();
    }
  });

  it('triggerWorkflow sends its own idempotency key: an answer lost and retried starts one execution', async () => {
    const proxy = await stub(['answer-lost']);
    const before = await executionCount(server.url, tenant);
    try {
      const result = await new Keysmith({ apiKey: triggerKey, url: proxy.url }).triggerWorkflow({ workflowId: tenant.workflowId, payload: { order: 7 } });
      expect(proxy.seen).toHaveLength(2);
      const [first, second] = proxy.seen.map((s) => JSON.parse(s.body).variables.input.idempotencyKey);
      expect(first).toBe(result.idempotencyKey);
      expect(second).toBe(first);
      expect(result.replayed).toBe(true);
      expect(await executionCount(server.url, tenant)).toBe(before + 1);
    } finally {
      await proxy.close();
    }
  });
});

describe('the published package', () => {
  it('npm pack installs into an empty folder and works there, with its type declarations', { timeout: 240_000 }, async () => {
    const run = promisify(execFile);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keysmith-sdk-pack-'));
    try {
      const { stdout } = await run('npm', ['pack', path.join(projectRoot, 'packages/sdk'), '--pack-destination', dir, '--json'], { cwd: dir });
      const [{ filename, files }] = JSON.parse(stdout) as [{ filename: string; files: { path: string }[] }];
      expect(files.map((f) => f.path)).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'package.json']));
      expect(files.some((f) => f.path.startsWith('src/'))).toBe(false);

      const app = path.join(dir, 'app');
      fs.mkdirSync(app);
      fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'integrator-app', private: true, type: 'module' }));
      await run('npm', ['install', path.join(dir, filename), '--no-audit', '--no-fund', '--prefer-offline'], { cwd: app });
      fs.writeFileSync(
        path.join(app, 'app.ts'),
        [
          "import { Keysmith, KeysmithError, type Execution } from '@keysmith/sdk';",
          'const keysmith = new Keysmith();',
          "const { execution, replayed }: { execution: Execution; replayed: boolean } = await keysmith.triggerWorkflow({ workflowId: process.argv[2]!, payload: { from: 'pack' } });",
          'const problem: KeysmithError | null = null;',
          'console.log(JSON.stringify({ status: execution.status, replayed, problem }));',
          'declare const process: { argv: string[] };',
        ].join('\n'),
      );
      // The declarations type-check an integrator's code (strict, NodeNext) ...
      const tsc = path.join(projectRoot, 'node_modules/typescript/bin/tsc');
      await run(process.execPath, [tsc, '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--lib', 'es2022,dom', 'app.ts'], { cwd: app });
      // ... and the JavaScript runs, with the key from the environment.
      fs.writeFileSync(path.join(app, 'app.mjs'), fs.readFileSync(path.join(app, 'app.ts'), 'utf8').replace(/, type Execution/, '').replace(/: \{ execution: Execution; replayed: boolean \}/, '').replace(/: KeysmithError \| null/, '').replace(/!/g, '').replace(/^declare.*$/m, ''));
      const out = await run(process.execPath, ['app.mjs', tenant.workflowId], { cwd: app, env: { PATH: process.env.PATH, KEYSMITH_API_KEY: triggerKey, KEYSMITH_URL: server.url } });
      expect(JSON.parse(out.stdout)).toEqual({ status: 'QUEUED', replayed: false, problem: null });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
