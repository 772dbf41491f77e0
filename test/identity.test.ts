import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checksumOf } from '../src/lib/key-format.ts';
import { sharedApp, startTestApp, TEST_JWT_SECRET, type TestApp } from './support/app.ts';
import { signToken } from './support/client.ts';
import { newOrg, newProject, unique } from './support/fixtures.ts';
import { projectKey } from './support/keys.ts';

const UNAUTHENTICATED_BODY = JSON.stringify({ errors: [{ message: 'Unauthenticated', extensions: { code: 'UNAUTHENTICATED' } }] });
const VIEWER = JSON.stringify({ query: '{ viewer { subject } }' });

type Answer = { status: number; headers: Record<string, string>; body: string };

/** POSTs the viewer query with this Authorization header; headers without the per-request id. */
async function ask(t: TestApp, authorization: string): Promise<Answer> {
  const response = await t.app.fetch('http://keysmith.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: VIEWER,
  });
  const headers = Object.fromEntries(
    [...response.headers].map(([name, value]) => [name.toLowerCase(), value]).filter(([name]) => name !== 'x-request-id'),
  );
  return { status: response.status, headers, body: await response.text() };
}

const secret = new TextEncoder().encode(TEST_JWT_SECRET);
const now = () => Math.floor(Date.now() / 1000);
const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** A token signed with the test secret; `claims` replace the defaults (a usable sub, issued now, expiring in 1h). */
function hs256(claims: Record<string, unknown>, header: Record<string, unknown> = {}, signOptions: Parameters<SignJWT['sign']>[1] = {}) {
  return new SignJWT({ sub: unique('id'), iat: now(), exp: now() + 3600, ...claims })
    .setProtectedHeader({ alg: 'HS256', ...header })
    .sign(secret, signOptions);
}

describe('identity failures', () => {
  let t: TestApp;
  let keySecret: string;
  let reference: Answer;
  beforeAll(async () => {
    t = await sharedApp();
    const org = await newOrg(t.app, { plan: 'TEAM' });
    keySecret = (await projectKey(t.app, org.owner, (await newProject(t.app, org)).id)).secret;
    reference = await ask(t, 'Bearer not-a-key');
  });
  afterAll(() => t.close());

  const failures: [string, () => Promise<string>][] = [
    // API keys
    ['not a key', async () => 'Bearer not-a-key'],
    ['an empty bearer token', async () => 'Bearer '],
    ['a Basic credential', async () => 'Basic dXNlcjpwYXNz'],
    // A key with a bad checksum is called malformed (the checksum is public; see key-auth.test.ts).
    ['an unknown key id', async () => {
      const body = `ksk_${'Z'.repeat(12)}_${'q'.repeat(32)}`;
      return `Bearer ${body}${checksumOf(body)}`;
    }],
    ['a wrong secret for a real key id', async () => {
      const body = `${keySecret.slice(0, 17)}${'w'.repeat(32)}`;
      return `Bearer ${body}${checksumOf(body)}`;
    }],
    // JWTs
    ['a JWT with a bad signature', async () => `Bearer ${await signToken({ sub: unique('x') }, { secret: 'another-secret-that-is-long-enough-000000' })}`],
    ['an unsigned JWT (alg none)', async () => `Bearer ${enc({ alg: 'none', typ: 'JWT' })}.${enc({ sub: unique('x'), exp: now() + 600 })}.`],
    ['a JWT-shaped string that is not a JWT', async () => 'Bearer aaaa.bbbb.cccc'],
    ['a JWT signed with a disallowed algorithm (HS512)', async () =>
      `Bearer ${await new SignJWT({ sub: unique('x'), exp: now() + 600 }).setProtectedHeader({ alg: 'HS512' }).sign(new TextEncoder().encode(TEST_JWT_SECRET + TEST_JWT_SECRET))}`],
    ['a correctly signed JWT without exp', async () => `Bearer ${await hs256({ exp: undefined })}`],
    ['a correctly signed JWT without sub', async () => `Bearer ${await hs256({ sub: undefined })}`],
    ['a correctly signed JWT with an empty sub', async () => `Bearer ${await hs256({ sub: '' })}`],
    ['a correctly signed JWT with a numeric sub', async () => `Bearer ${await hs256({ sub: 42 })}`],
    ['a correctly signed JWT with a control character in sub', async () => `Bearer ${await hs256({ sub: 'a\u0000b' })}`],
    ['a correctly signed JWT with a 256-character sub', async () => `Bearer ${await hs256({ sub: 'a'.repeat(256) })}`],
    ['a correctly signed JWT with an unknown crit header', async () =>
      `Bearer ${await hs256({}, { crit: ['x-keysmith-unknown'], 'x-keysmith-unknown': true }, { crit: { 'x-keysmith-unknown': true } })}`],
    ['a correctly signed JWT issued an hour in the future', async () => `Bearer ${await hs256({ iat: now() + 3600, exp: now() + 7200 })}`],
    ['a correctly signed JWT not valid before an hour from now', async () => `Bearer ${await hs256({ nbf: now() + 3600 })}`],
    ['an expired JWT with a bad signature', async () =>
      `Bearer ${await signToken({ sub: unique('x') }, { secret: 'another-secret-that-is-long-enough-000000', expiresIn: now() - 60 })}`],
    ['an expired, correctly signed JWT without sub', async () => `Bearer ${await hs256({ sub: undefined, exp: now() - 60 })}`],
    ['an expired, correctly signed JWT issued in the future', async () => `Bearer ${await hs256({ iat: now() + 3600, exp: now() - 60 })}`],
  ];

  it('the reference failure is the documented 401', () => {
    expect(reference.status).toBe(401);
    expect(reference.body).toBe(UNAUTHENTICATED_BODY);
    expect(reference.headers['www-authenticate']).toBe('Bearer');
  });

  it.each(failures)('answers %s with the same status, headers and body as every identity failure', async (_label, authorization) => {
    const answer = await ask(t, await authorization());
    expect(answer).toEqual(reference);
  });

  it('creates no user for a correctly signed token that is refused', async () => {
    const sub = unique('refused');
    expect((await ask(t, `Bearer ${await hs256({ sub, iat: now() + 3600, exp: now() + 7200 })}`)).status).toBe(401);
    expect(await t.db.prisma.user.findUnique({ where: { subject: sub } })).toBeNull();
  });

  it('tells the holder of a correctly signed, expired token that it expired and how to get a new one', async () => {
    const answer = await ask(t, `Bearer ${await hs256({ exp: now() - 60 })}`);
    expect(answer.status).toBe(401);
    expect(answer.headers['www-authenticate']).toBe('Bearer error="invalid_token", error_description="The access token expired"');
    const body = JSON.parse(answer.body);
    expect(body.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' });
    expect(body.errors[0].message).toMatch(/expired.*npm run token/);
  });

  it('accepts a well-formed token (the table above fails for its stated reason only)', async () => {
    const answer = await ask(t, `Bearer ${await hs256({ iat: now() + 30 })}`); // within the allowed clock skew
    expect(answer.status).toBe(200);
  });
});

// ---------------------------------------------------------------------------------------------------------------------

const ISSUER = 'https://idp.keysmith.test/';
const AUDIENCE = 'keysmith-api';
const COOLDOWN_MS = 300;

type SigningKey = { kid: string; privateKey: CryptoKey; jwk: JWK };

async function signingKey(kid = unique('kid')): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' } };
}

function idpToken(key: SigningKey, claims: Record<string, unknown> = {}) {
  return new SignJWT({ sub: unique('idp'), iss: ISSUER, aud: AUDIENCE, iat: now(), exp: now() + 600, ...claims })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid })
    .sign(key.privateKey);
}

/** A stand-in identity provider: serves `keys` as a JWKS and counts fetches; `failing` answers 500. */
async function startIdentityProvider() {
  const idp = { keys: [] as JWK[], fetches: 0, failing: false, url: '', close: () => new Promise<void>((r) => server.close(() => r())) };
  const server = http.createServer((_req, res) => {
    idp.fetches++;
    if (idp.failing) return void res.writeHead(500).end('down');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: idp.keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  idp.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  return idp;
}

const jwksEnv = (url: string) => ({ JWT_SECRET: '', JWT_JWKS_URL: url, JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE, JWT_JWKS_COOLDOWN_MS: String(COOLDOWN_MS) });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('JWKS', () => {
  let idp: Awaited<ReturnType<typeof startIdentityProvider>>;
  let t: TestApp;
  let current: SigningKey;
  beforeAll(async () => {
    idp = await startIdentityProvider();
    current = await signingKey();
    idp.keys = [current.jwk];
    t = await startTestApp({ env: jwksEnv(idp.url) });
  });
  afterAll(async () => {
    await t.close();
    await idp.close();
  });

  it('answers unknown kids with the uniform 401; a flood of them neither locks out a rotated key nor fetches per request', async () => {
    expect((await ask(t, `Bearer ${await idpToken(current)}`)).status).toBe(200);
    expect(idp.fetches).toBe(1);

    const attacker = await signingKey();
    const started = performance.now();
    for (let i = 0; i < 30; i++) {
      const answer = await ask(t, `Bearer ${await idpToken({ ...attacker, kid: unique('forged') })}`);
      expect(answer.status).toBe(401);
      expect(answer.body).toBe(UNAUTHENTICATED_BODY);
      expect(answer.headers['www-authenticate']).toBe('Bearer');
    }
    const floodFetches = idp.fetches - 1;
    // Fetches are bounded by time (one per cool-down), not by the number of forged tokens.
    expect(floodFetches).toBeLessThanOrEqual(Math.ceil((performance.now() - started) / COOLDOWN_MS) + 1);
    expect(floodFetches).toBeLessThan(30);

    // The provider rotates: publishes the new key next to the old one and signs with it.
    const next = await signingKey();
    idp.keys = [current.jwk, next.jwk];
    await sleep(COOLDOWN_MS + 100);
    expect((await ask(t, `Bearer ${await idpToken(next)}`)).status).toBe(200);
    expect((await ask(t, `Bearer ${await idpToken(current)}`)).status).toBe(200);
    current = next;
  });

  it('a kid seen before the provider published it works one cool-down after publication (no long memory of absent kids)', async () => {
    const early = await signingKey(unique('early'));
    await sleep(COOLDOWN_MS + 100);
    expect((await ask(t, `Bearer ${await idpToken(early)}`)).status).toBe(401);
    idp.keys = [current.jwk, early.jwk];
    await sleep(COOLDOWN_MS + 100);
    expect((await ask(t, `Bearer ${await idpToken(early)}`)).status).toBe(200);
    current = early;
  });

  it('replaying an absent kid fetches at most once per cool-down', async () => {
    const forged = { ...(await signingKey()), kid: unique('replayed') };
    await sleep(COOLDOWN_MS + 100);
    const before = idp.fetches;
    const started = performance.now();
    for (let i = 0; i < 20; i++) expect((await ask(t, `Bearer ${await idpToken(forged)}`)).status).toBe(401);
    const fetches = idp.fetches - before;
    expect(fetches).toBeGreaterThanOrEqual(1);
    expect(fetches).toBeLessThanOrEqual(Math.ceil((performance.now() - started) / COOLDOWN_MS) + 1);
  });

  it('answers tokens for another audience or issuer, or signed by a published key but forged claims, with the uniform 401', async () => {
    for (const claims of [{ aud: 'another-app' }, { iss: 'https://evil.example/' }, { exp: undefined }]) {
      const answer = await ask(t, `Bearer ${await idpToken(current, claims)}`);
      expect({ status: answer.status, body: answer.body, auth: answer.headers['www-authenticate'] }).toEqual({
        status: 401,
        body: UNAUTHENTICATED_BODY,
        auth: 'Bearer',
      });
    }
  });

  it('answers 503 with Retry-After while the JWKS cannot be fetched, and recovers', async () => {
    const down = await startIdentityProvider();
    const key = await signingKey();
    down.keys = [key.jwk];
    down.failing = true;
    const fresh = await startTestApp({ env: jwksEnv(down.url), db: t.db });
    try {
      const refused = await ask(fresh, `Bearer ${await idpToken(key)}`);
      expect(refused.status).toBe(503);
      expect(refused.headers['retry-after']).toBe('5');
      expect(JSON.parse(refused.body).errors[0].extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
      expect(fresh.logs.some((line) => line.includes('JWKS unavailable'))).toBe(true);

      down.failing = false;
      expect((await ask(fresh, `Bearer ${await idpToken(key)}`)).status).toBe(200);
    } finally {
      await fresh.close();
      await down.close();
    }
  });

  it('answers 503 when nothing listens at the JWKS address', async () => {
    const gone = await startIdentityProvider();
    await gone.close();
    const fresh = await startTestApp({ env: jwksEnv(gone.url), db: t.db });
    try {
      const refused = await ask(fresh, `Bearer ${await idpToken(current)}`);
      expect(refused.status).toBe(503);
      expect(refused.headers['retry-after']).toBe('5');
    } finally {
      await fresh.close();
    }
  });
});
