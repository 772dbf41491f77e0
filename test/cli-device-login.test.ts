import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/config.ts';
import { CLI_MAIN, runCli, type CliResult } from './support/integrator.ts';
import { migratedPgliteDir, startServerProcess, type ServerProcess } from './support/process.ts';

// `keysmith login` with the OAuth device authorization grant (RFC 8628) at a real OpenID provider (oidc-provider),
// against a real server process that trusts that provider. The test plays the person: it reads the address and the
// code from the CLI's stderr and approves (or denies) it at the provider's own pages, over HTTP.

const AUDIENCE = 'keysmith-api';
const RESOURCE = 'urn:keysmith:api';
const CLI_CLIENT_ID = 'keysmith-cli';

/** Lifetimes a test may shorten: read by the provider each time it issues one. */
const lifetimes = { accessToken: 3600, deviceCode: 600 };

/**
 * The provider: device flow on, its development login and consent pages (any login signs in as that login), JWT
 * access tokens for the API only when the resource indicator asks for it (no default resource: a CLI that forgot
 * `resource` gets a token the API refuses), refresh tokens as the provider's defaults give them (`offline_access`).
 */
async function startProvider(options: { deviceFlow: boolean }) {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLI_CLIENT_ID,
        token_endpoint_auth_method: 'none',
        grant_types: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
        response_types: [],
        redirect_uris: [],
      },
    ],
    findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, email: `${id}@example.com`, name: id }) }),
    claims: { openid: ['sub'], email: ['email'], profile: ['name'] },
    features: {
      devInteractions: { enabled: true },
      deviceFlow: { enabled: options.deviceFlow },
      resourceIndicators: {
        enabled: true,
        defaultResource: (_ctx, _client, oneOf) => oneOf ?? undefined,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (indicator !== RESOURCE) throw new Error(`unknown resource ${indicator}`);
          return { scope: 'keysmith', audience: AUDIENCE, accessTokenTTL: lifetimes.accessToken, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } };
        },
      },
    },
    extraTokenClaims: (_ctx, token) => ({ email: `${(token as { accountId: string }).accountId}@example.com` }),
    ttl: { DeviceCode: () => lifetimes.deviceCode, IdToken: 3600, RefreshToken: 3600, Grant: 3600, Session: 3600, Interaction: 600 },
  });
  server.on('request', provider.callback());
  return { issuer, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A browser of sorts: follows redirects, keeps the provider's cookies, submits forms. */
function person() {
  const jar = new Map<string, string>();
  async function go(url: string, form?: Record<string, string>): Promise<{ url: string; html: string }> {
    let target = url;
    let init: RequestInit = form
      ? { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() }
      : {};
    for (let hops = 0; hops < 10; hops++) {
      const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
      const response = await fetch(target, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie } });
      for (const set of response.headers.getSetCookie()) {
        const [pair] = set.split(';');
        const at = pair!.indexOf('=');
        jar.set(pair!.slice(0, at), pair!.slice(at + 1));
      }
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        target = new URL(location, target).href;
        init = {};
        continue;
      }
      return { url: target, html: await response.text() };
    }
    throw new Error(`too many redirects from ${url}`);
  }
  const field = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1];
  const formAction = (html: string, base: string) => new URL(/<form[^>]*action="([^"]+)"/.exec(html)![1]!, base).href;

  /** Opens the address the CLI printed: the provider's page asks to confirm the code. */
  async function open(address: string) {
    const page = await go(address);
    const xsrf = field(page.html, 'xsrf');
    const userCode = field(page.html, 'user_code');
    if (!xsrf || !userCode) throw new Error(`no device form at ${address}: ${page.html.slice(0, 300)}`);
    return { xsrf, userCode, action: formAction(page.html, page.url) };
  }
  return {
    /** Confirms the code, signs in as `login` and approves the CLI. */
    async approve(address: string, login: string): Promise<string> {
      const device = await open(address);
      const signIn = await go(device.action, { xsrf: device.xsrf, user_code: device.userCode, confirm: 'yes' });
      const consent = await go(formAction(signIn.html, signIn.url), { prompt: 'login', login, password: 'any password' });
      const done = await go(formAction(consent.html, consent.url), { prompt: 'consent' });
      return /<h1>([^<]*)<\/h1>/.exec(done.html)?.[1] ?? done.html.slice(0, 300);
    },
    /** Presses "Abort" on the provider's confirmation page. */
    async deny(address: string): Promise<void> {
      const device = await open(address);
      await go(device.action, { xsrf: device.xsrf, user_code: device.userCode, abort: 'yes' });
    },
  };
}

let provider: Awaited<ReturnType<typeof startProvider>>;
let server: ServerProcess;
let home: string;

beforeAll(async () => {
  provider = await startProvider({ deviceFlow: true });
  server = await startServerProcess(
    {
      PGLITE_DATA_DIR: migratedPgliteDir(),
      JWT_JWKS_URL: `${provider.issuer}/jwks`,
      JWT_ISSUER: provider.issuer,
      JWT_AUDIENCE: AUDIENCE,
      CLI_OIDC_CLIENT_ID: CLI_CLIENT_ID,
      CLI_OIDC_RESOURCE: RESOURCE,
    },
    180_000,
  );
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'keysmith-device-'));
}, 240_000);
afterAll(async () => {
  await server?.stop();
  await provider?.stop();
  if (home) fs.rmSync(home, { recursive: true, force: true });
});

const env = (extra: NodeJS.ProcessEnv = {}) => ({ HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), KEYSMITH_URL: server.url, ...extra });
const profileFile = () => path.join(home, 'config', 'keysmith', 'profiles.json');
const profiles = () => (fs.existsSync(profileFile()) ? JSON.parse(fs.readFileSync(profileFile(), 'utf8')).profiles : {});

/** The CLI as a running process: what it has printed on stderr so far can be waited for while it runs. */
function startCli(args: string[], extra: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [CLI_MAIN, ...args], { env: { PATH: process.env.PATH, ...env(extra) }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const waiting: { pattern: RegExp; resolve: (m: RegExpExecArray) => void }[] = [];
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => {
    stderr += d;
    for (const w of [...waiting]) {
      const match = w.pattern.exec(stderr);
      if (match) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(match);
      }
    }
  });
  child.stdin.end();
  const done = new Promise<CliResult>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return {
    done,
    stderr: (pattern: RegExp) =>
      new Promise<RegExpExecArray>((resolve, reject) => {
        const match = pattern.exec(stderr);
        if (match) return resolve(match);
        waiting.push({ pattern, resolve });
        void done.then((r) => reject(new Error(`the CLI ended (exit ${r.code}) without printing ${pattern}:\n${r.stderr}`)));
      }),
  };
}

/** What `keysmith login` prints for the person: the address to open (with the code in it) and the code. */
async function instructions(cli: ReturnType<typeof startCli>) {
  const [, address, code] = await cli.stderr(/To sign in, open this address in a browser:\n {2}(\S+)\nand check that it shows the code (\S+)\n/);
  return { address: address!, code: code! };
}

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1) ?? '';

describe('keysmith login with a device code', { timeout: 180_000 }, () => {
  it('the server publishes the CLI client (nothing secret) at /cli-config.json', async () => {
    const response = await fetch(`${server.url}/cli-config.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      oidc: { issuer: provider.issuer, clientId: CLI_CLIENT_ID, scope: 'openid profile email offline_access', resource: RESOURCE },
    });
    // Neither the development sign-in nor its token endpoint exists next to a provider.
    expect((await fetch(`${server.url}/auth/dev-token`, { method: 'POST', body: '{}' })).status).toBe(404);
  });

  it('approved at the provider: exit 0, a 0600 profile with the token and refresh token, whoami works from it', async () => {
    const cli = startCli(['login']);
    const { address, code } = await instructions(cli);
    expect(new URL(address).origin).toBe(provider.issuer);
    expect(new URL(address).searchParams.get('user_code')).toBe(code);
    expect(await person().approve(address, 'dana')).toBe('Sign-in Success');

    const result = await cli.done;
    expect({ code: result.code, stdout: result.stdout }, result.stderr).toEqual({ code: 0, stdout: '' });
    expect(result.stderr).toMatch(/Waiting for the approval \(the code expires in 10 min\)/);
    expect(lastLine(result.stderr)).toBe(`Signed in as dana at ${server.url} (profile "default", device sign-in).`);

    expect(fs.statSync(profileFile()).mode & 0o777).toBe(0o600);
    const saved = profiles().default;
    expect(saved).toMatchObject({
      url: server.url,
      subject: 'dana',
      token: expect.stringMatching(/^eyJ/),
      refreshToken: expect.any(String),
      expiresAt: expect.any(String),
      provider: { issuer: provider.issuer, clientId: CLI_CLIENT_ID, resource: RESOURCE },
    });
    expect(Date.parse(saved.expiresAt) - Date.now()).toBeGreaterThan(3000 * 1000);

    const whoami = await runCli(['whoami', '-o', 'json'], env());
    expect(whoami.code, whoami.stderr).toBe(0);
    expect(JSON.parse(whoami.stdout)).toMatchObject({ kind: 'user', viewer: { subject: 'dana', user: { email: 'dana@example.com' } } });
    expect(profiles().default.token).toBe(saved.token); // a token far from expiry is used as it is
  });

  it('denied at the provider: exit 3, one line that says what to do, no profile written', async () => {
    const cli = startCli(['login', '--profile', 'denied']);
    const { address } = await instructions(cli);
    await person().deny(address);
    const result = await cli.done;
    expect({ code: result.code, stdout: result.stdout }, result.stderr).toEqual({ code: 3, stdout: '' });
    expect(lastLine(result.stderr)).toBe('Error: The sign-in was denied at the identity provider: run `keysmith login` again and approve it');
    expect(result.stderr.match(/Error:/g)).toHaveLength(1);
    expect(profiles().denied).toBeUndefined();
  });

  it('a code nobody approves in time: exit 3, saying to sign in again sooner', async () => {
    lifetimes.deviceCode = 2;
    try {
      const result = await startCli(['login', '--profile', 'expired']).done;
      expect({ code: result.code, stdout: result.stdout }, result.stderr).toEqual({ code: 3, stdout: '' });
      expect(lastLine(result.stderr)).toBe('Error: The sign-in code expired before it was approved: run `keysmith login` again and approve it sooner');
      expect(profiles().expired).toBeUndefined();
    } finally {
      lifetimes.deviceCode = 600;
    }
  });

  it('an expired access token is renewed with the refresh token, transparently; a dead refresh token says to sign in again', async () => {
    lifetimes.accessToken = 6;
    let first: string;
    try {
      const cli = startCli(['login', '--profile', 'short', '-o', 'json']);
      await person().approve((await instructions(cli)).address, 'erin');
      const result = await cli.done;
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ profile: 'short', subject: 'erin', method: 'device' });
      first = profiles().short.token;
    } finally {
      lifetimes.accessToken = 3600;
    }
    // Until the server refuses the first token: it has expired.
    const refused = async () => (await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${first}` }, body: '{"query":"{ viewer { subject } }"}' })).status === 401;
    for (let i = 0; i < 40 && !(await refused()); i++) await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await refused()).toBe(true);

    const before = profiles().short;
    const whoami = await runCli(['whoami', '--profile', 'short', '-o', 'json'], env());
    expect(whoami.code, whoami.stderr).toBe(0);
    expect(JSON.parse(whoami.stdout).viewer.subject).toBe('erin');
    const after = profiles().short;
    expect(after.token).not.toBe(before.token);
    expect(after.refreshToken).toEqual(expect.any(String));
    expect(Date.parse(after.expiresAt)).toBeGreaterThan(Date.now() + 60_000);
    expect(fs.statSync(profileFile()).mode & 0o777).toBe(0o600);

    // A refresh token the provider no longer knows (revoked, expired): one line, exit 3, sign in again.
    const file = JSON.parse(fs.readFileSync(profileFile(), 'utf8'));
    file.profiles.short = { ...after, expiresAt: new Date(Date.now() - 1000).toISOString(), refreshToken: 'no-longer-valid' };
    fs.writeFileSync(profileFile(), JSON.stringify(file));
    const dead = await runCli(['whoami', '--profile', 'short'], env());
    expect({ code: dead.code, stdout: dead.stdout }).toEqual({ code: 3, stdout: '' });
    expect(dead.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(dead.stderr.trimEnd()).toMatch(/^Error: Your sign-in has ended and could not be renewed \(invalid_grant.*\): run `keysmith login --profile short` again$/);
  });

  it('--with-token reads a token from stdin instead, even where the device sign-in is offered', async () => {
    const token = profiles().default.token as string;
    const result = await runCli(['login', '--profile', 'piped', '--with-token', '-o', 'json'], env(), `${token}\n`);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ profile: 'piped', subject: 'dana', method: 'pasted' });
    expect(profiles().piped).toEqual({ url: server.url, token, subject: 'dana', savedAt: expect.any(String) });
  });

  it('a provider without device authorization: the pasted token, as before', async () => {
    const plain = await startProvider({ deviceFlow: false });
    // The same server, but publishing a provider that has no device authorization endpoint.
    const front = http.createServer(async (req, res) => {
      if (req.url === '/cli-config.json') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ oidc: { issuer: plain.issuer, clientId: CLI_CLIENT_ID, scope: 'openid', resource: RESOURCE } }));
      }
      let body = '';
      for await (const chunk of req) body += chunk;
      const answer = await fetch(`${server.url}${req.url}`, { method: req.method, headers: { 'content-type': 'application/json', authorization: req.headers.authorization ?? '' }, body: req.method === 'GET' ? undefined : body });
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      res.end(await answer.text());
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
      const token = profiles().default.token as string;
      const result = await runCli(['login', '--profile', 'plain', '--url', url, '-o', 'json'], env(), `${token}\n`);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toBe('');
      expect(JSON.parse(result.stdout)).toMatchObject({ profile: 'plain', subject: 'dana', method: 'pasted' });
    } finally {
      await new Promise<void>((resolve) => front.close(() => resolve()));
      await plain.stop();
    }
  });

  it('the provider unreachable: exit 1, one line naming where it was looked for', async () => {
    const front = http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(req.url === '/cli-config.json' ? JSON.stringify({ oidc: { issuer: 'http://127.0.0.1:9', clientId: CLI_CLIENT_ID, scope: 'openid', resource: null } }) : '{"signIn":"unavailable"}');
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
      const result = await runCli(['login', '--profile', 'nowhere', '--url', url], env());
      expect({ code: result.code, stdout: result.stdout }).toEqual({ code: 1, stdout: '' });
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^Error: Could not read the identity provider's configuration at http:\/\/127\.0\.0\.1:9\/\.well-known\/openid-configuration \(.*\): check that the provider is reachable from here, or run `keysmith login --with-token`/);
    } finally {
      await new Promise<void>((resolve) => front.close(() => resolve()));
    }
  });
});

describe('CLI_OIDC_* settings', () => {
  const PROVIDER = { JWT_JWKS_URL: 'https://login.example.com/jwks', JWT_ISSUER: 'https://login.example.com/tenant-1', JWT_AUDIENCE: AUDIENCE };
  const fails = (env: NodeJS.ProcessEnv, message: RegExp) => expect(() => loadConfig({ PGLITE_DATA_DIR: 'memory', ...env })).toThrow(message);

  it('are the issuer, the client id, the scopes and the resource; off without a client id', () => {
    expect(loadConfig({ PGLITE_DATA_DIR: 'memory', ...PROVIDER, CLI_OIDC_CLIENT_ID: 'cli', CLI_OIDC_SCOPE: 'openid email', CLI_OIDC_RESOURCE: 'https://api.example.com' }).cliOidc).toEqual({
      issuer: 'https://login.example.com/tenant-1',
      clientId: 'cli',
      scope: 'openid email',
      resource: 'https://api.example.com',
    });
    expect(loadConfig({ PGLITE_DATA_DIR: 'memory', ...PROVIDER }).cliOidc).toBeNull();
    expect(loadConfig({ PGLITE_DATA_DIR: 'memory' }).cliOidc).toBeNull();
  });

  it('a bad setting stops start-up naming the variable', () => {
    fails({ CLI_OIDC_CLIENT_ID: 'cli' }, /^Invalid environment variable CLI_OIDC_CLIENT_ID: needs the identity provider: set JWT_JWKS_URL, JWT_ISSUER and JWT_AUDIENCE/);
    fails({ ...PROVIDER, JWT_ISSUER: 'login.example.com', CLI_OIDC_CLIENT_ID: 'cli' }, /^Invalid environment variable JWT_ISSUER: must be the identity provider URL \(https:\/\/\.\.\.\) for CLI_OIDC_CLIENT_ID/);
    fails({ ...PROVIDER, CLI_OIDC_CLIENT_ID: 'cli', CLI_OIDC_SCOPE: 'openid  "x"' }, /^Invalid environment variable CLI_OIDC_SCOPE: must be space-separated OAuth scopes/);
    fails({ ...PROVIDER, CLI_OIDC_CLIENT_ID: 'cli', CLI_OIDC_RESOURCE: 'keysmith-api' }, /^Invalid environment variable CLI_OIDC_RESOURCE: must be an absolute URI/);
    fails({ ...PROVIDER, CLI_OIDC_CLIENT_ID: 'cli', CLI_OIDC_RESOURCE: 'https://api.example.com/#x' }, /^Invalid environment variable CLI_OIDC_RESOURCE: must not contain a fragment/);
    fails({ ...PROVIDER, CLI_OIDC_RESOURCE: 'https://api.example.com' }, /^Invalid environment variable CLI_OIDC_RESOURCE: applies only to the CLI sign-in: set CLI_OIDC_CLIENT_ID too/);
  });
});
