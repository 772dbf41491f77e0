import net from 'node:net';
import { createSchema, createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardHooks } from '../src/http-edge.ts';
import { createLogger } from '../src/logger.ts';
import { Writable } from 'node:stream';
import { TEST_JWT_SECRET } from './support/app.ts';
import { signToken } from './support/client.ts';
import { unique } from './support/fixtures.ts';
import { migratedPgliteDir, startServerProcess, type ServerProcess } from './support/process.ts';

const METRICS_TOKEN = 'metrics-token-0123456789';

let server: ServerProcess;
let port: number;
beforeAll(async () => {
  server = await startServerProcess({ PGLITE_DATA_DIR: migratedPgliteDir(), JWT_SECRET: TEST_JWT_SECRET, METRICS_TOKEN });
  port = Number(new URL(server.url).port);
}, 90_000);
afterAll(() => server?.stop());

/** Sends raw bytes (headers Node's fetch would refuse to send) and returns the raw answer. */
function rawRequest(head: Buffer | string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(head));
    let out = '';
    socket.on('data', (d) => (out += d.toString('latin1')));
    socket.on('end', () => resolve(out));
    socket.on('error', reject);
  });
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);

describe('errors outside GraphQL never show a stack trace', () => {
  it.each(['[', 'a b', 'x:99999', 'a/b', 'user@host'])('a Host header of %j gets 400 with the generic answer and a log line', async (host) => {
    const before = server.output().length;
    const answer = await rawRequest(`GET /graphql HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
    expect(statusOf(answer), answer).toBe(400);
    expect(answer).toContain('Bad request: invalid Host header or request target');
    expect(answer).not.toMatch(/TypeError|Invalid URL|node_modules|\/work\/|at new URL/);
    await expect.poll(() => server.output().slice(before)).toContain('refused a request with an invalid Host header or target');
  });

  it('a good Host header still reaches the API', async () => {
    const answer = await rawRequest(`GET /health HTTP/1.1\r\nHost: localhost:${port}\r\nConnection: close\r\n\r\n`);
    expect(statusOf(answer)).toBe(200);
  });

  it('/metrics with a non-ASCII token of the right length is a plain 404, not a RangeError', async () => {
    // One byte per character on the wire (Node reads header bytes as Latin-1), two per character in UTF-8.
    const guess = Buffer.concat([Buffer.from(`GET /metrics HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: Bearer `), Buffer.alloc(METRICS_TOKEN.length, 0xe9), Buffer.from('\r\n\r\n')]);
    const answer = await rawRequest(guess);
    expect(statusOf(answer), answer).toBe(404);
    expect(answer).not.toMatch(/RangeError|node_modules|\/work\//);
    const right = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain('keysmith_argon2_verifications_total');
  });

  it('an error thrown by a plugin hook becomes the generic 500 and one log line', async () => {
    const logs: string[] = [];
    const logger = createLogger('info', new Writable({ write: (chunk, _e, done) => (logs.push(String(chunk)), done()) }));
    const throwing = { onRequest: () => { throw new RangeError('Input buffers must have the same byte length at /srv/secret/path.ts'); } };
    const yoga = createYoga({ schema: createSchema({ typeDefs: 'type Query { a: Int }' }), plugins: [guardHooks(throwing, logger)] });
    const response = await yoga.fetch('http://keysmith.test/graphql?query={a}');
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(body).toBe('{"errors":[{"message":"Unexpected error."}]}');
    expect(logs.join('')).toContain('unexpected error outside GraphQL');
    expect(logs.join('')).toContain('RangeError');
  });
});

describe('GraphQL is served at exactly /graphql', () => {
  const createOrg = (slug: string) => `mutation { createOrganization(input: { name: "Edge", slug: "${slug}" }) { __typename } }`;

  async function orgExists(token: string, slug: string): Promise<boolean> {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `{ organization(slug: "${slug}") { id } }` }),
    });
    const body = (await response.json()) as { data?: { organization: { id: string } | null } };
    return Boolean(body.data?.organization);
  }

  it.each(['/graphql/', '/x/graphql', '/?a=/graphql', '/auth/graphql'])('form and multipart POSTs to %s get 404 and change nothing', async (path) => {
    const token = await signToken({ sub: unique('edge'), email: 'edge@example.com' });
    for (const kind of ['form', 'multipart'] as const) {
      const slug = unique('edge');
      const body =
        kind === 'form'
          ? new URLSearchParams({ query: createOrg(slug) })
          : (() => {
              const form = new FormData();
              form.set('operations', JSON.stringify({ query: createOrg(slug) }));
              form.set('map', '{}');
              return form;
            })();
      const response = await fetch(`${server.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body });
      expect(response.status, `${kind} at ${path}`).toBe(404);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await orgExists(token, slug)).toBe(false);
    }
    // The same mutation as JSON at the one path works (the check above would pass on a dead server otherwise).
    const slug = unique('edge');
    const ok = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: createOrg(slug) }),
    });
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(await orgExists(token, slug)).toBe(true);
  });

  it('GraphiQL and GET queries answer only at /graphql', async () => {
    const elsewhere = await fetch(`${server.url}/x/graphql`, { headers: { accept: 'text/html' } });
    expect(await elsewhere.text()).not.toContain('GraphiQL');
    const here = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(here.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await here.text()).toContain('GraphiQL');
    // Yoga alone would run this query: its URL ends in /graphql.
    const getQuery = await fetch(`${server.url}/auth/x?query=${encodeURIComponent('{ __typename }')}&a=/graphql`);
    expect(getQuery.status).toBe(404);
  });
});

describe('per-client connection cap', () => {
  const CAP = 5;
  let capped: ServerProcess;
  beforeAll(async () => {
    capped = await startServerProcess({ PGLITE_DATA_DIR: migratedPgliteDir(), JWT_SECRET: TEST_JWT_SECRET, HTTP_MAX_CONNECTIONS_PER_CLIENT: String(CAP) });
  }, 90_000);
  afterAll(() => capped?.stop());

  const open = (): Promise<net.Socket> =>
    new Promise((resolve, reject) => {
      const socket = net.connect(Number(new URL(capped.url).port), '127.0.0.1', () => resolve(socket));
      socket.on('error', reject);
    });
  /** Whether the server closes the socket within `ms` although the client sent nothing. */
  const closedByServer = (socket: net.Socket, ms: number) =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      socket.once('close', () => (clearTimeout(timer), resolve(true)));
      socket.on('error', () => {});
    });

  it('holds at most the cap of connections from one address, refuses the next at once, and serves again when one closes', async () => {
    const held = await Promise.all(Array.from({ length: CAP }, open));
    try {
      const extra = await open().catch(() => null);
      if (extra) expect(await closedByServer(extra, 2000)).toBe(true);
      // A new client connection from the same address is refused too, while the held ones stay open.
      await expect(fetch(`${capped.url}/health`, { headers: { connection: 'close' } })).rejects.toThrow();
      expect(held.every((s) => !s.destroyed)).toBe(true);
      expect(capped.output()).toContain('client reached the connection cap');

      held.pop()!.destroy();
      await expect
        .poll(async () => (await fetch(`${capped.url}/health`, { headers: { connection: 'close' } }).catch(() => null))?.status ?? 0)
        .toBe(200);
    } finally {
      for (const socket of held) socket.destroy();
    }
  });
});
