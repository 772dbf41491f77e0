import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from './support/manual-clock.ts';
import { sessionCookie } from '../src/console/session-cookie.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { execute, signToken } from './support/client.ts';
import { CreateOrganization, Viewer } from './support/operations.ts';

// Development sign-in (the fixed development secret: JWT_SECRET unset) on http://localhost, as `npm start` runs.
const BASE = 'http://localhost:4000';
const CONSOLE = { 'x-keysmith-console': '1' };

let clock: ManualClock;
let t: TestApp;
beforeAll(async () => {
  clock = new ManualClock(new Date());
  t = await startTestApp({ clock, env: { JWT_SECRET: '', NODE_ENV: 'development' } });
});
afterAll(() => t.close());

let n = 0;
const unique = (p: string) => `${p}-${Date.now().toString(36)}-${n++}`;

async function signIn(sub = unique('dev'), extra: { email?: string; operator?: boolean } = {}) {
  const response = await t.app.fetch(`${BASE}/auth/dev-sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: BASE },
    body: JSON.stringify({ sub, ...extra }),
  });
  expect(response.status).toBe(200);
  const setCookie = response.headers.getSetCookie();
  expect(setCookie).toHaveLength(1);
  return { sub, setCookie: setCookie[0], cookie: setCookie[0].split(';')[0] };
}

const viewer = (cookie: string | null, headers: Record<string, string> = CONSOLE) =>
  execute(t.app, Viewer, {}, { baseUrl: BASE, headers: { ...(cookie ? { cookie } : {}), ...headers } });

const sessionInfo = async (cookie: string) => {
  const response = await t.app.fetch(`${BASE}/auth/session`, { headers: { cookie } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, setCookie: response.headers.getSetCookie() };
};

const signOut = (cookie: string, body: unknown = {}, headers: Record<string, string> = { ...CONSOLE, origin: BASE }) =>
  t.app.fetch(`${BASE}/auth/sign-out`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, ...headers }, body: JSON.stringify(body) });

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Strict, Path=/ and lasts the absolute timeout; on http://localhost it is not Secure and not __Host-', async () => {
    const { setCookie } = await signIn();
    const [pair, ...attributes] = setCookie.split(';').map((p) => p.trim());
    expect(pair).toMatch(/^keysmith-session=[A-Za-z0-9_-]{43}$/);
    expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/', `Max-Age=${12 * 3600}`]));
    expect(attributes.some((a) => /^secure$/i.test(a) || /^domain=/i.test(a))).toBe(false);
  });

  it('outside development is __Host-keysmith-session, Secure, with no Domain', () => {
    const cookie = sessionCookie(true, 'x'.repeat(43), 60);
    expect(cookie).toBe(`__Host-keysmith-session=${'x'.repeat(43)}; Max-Age=60; Path=/; HttpOnly; Secure; SameSite=Strict`);
  });

  it('signs the console in on a reload or a new tab: /auth/session and /graphql know the person', async () => {
    const { sub, cookie } = await signIn(undefined, { email: 'dev@example.com', operator: true });
    const info = await sessionInfo(cookie);
    expect(info.body).toMatchObject({ signedIn: true, kind: 'development', subject: sub, email: 'dev@example.com', operator: true });
    const result = await viewer(cookie);
    expect(result.status).toBe(200);
    expect(result.data?.viewer).toMatchObject({ subject: sub, isOperator: true });
  });

  it('keeps the tokens server-side: the cookie secret and the access token are nowhere in the database', async () => {
    const { sub, cookie } = await signIn();
    const secret = cookie.split('=')[1];
    const row = await t.db.prisma.consoleSession.findFirstOrThrow({ where: { subject: sub } });
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.tokens).toMatch(/^v1\./);
    expect(row.tokens).not.toMatch(/eyJ/); // no JWT in clear
  });

  it('without a cookie there is no session', async () => {
    expect((await t.app.fetch(`${BASE}/auth/session`)).status).toBe(200);
    expect(await (await t.app.fetch(`${BASE}/auth/session`)).json()).toEqual({ signedIn: false, reason: null });
    expect((await viewer(null)).status).toBe(401);
  });
});

describe('CSRF: the cookie counts only on the console’s own requests', () => {
  it('refuses a cookie request without the console header, from another origin, or marked cross-site by the browser (403), and runs nothing', async () => {
    const { sub, cookie } = await signIn();
    const create = (headers: Record<string, string>) =>
      execute(t.app, CreateOrganization, { input: { name: 'CSRF', slug: unique('csrf') } }, { baseUrl: BASE, headers: { cookie, ...headers } });
    for (const headers of [{}, { ...CONSOLE, origin: 'http://evil.example' }, { ...CONSOLE, 'sec-fetch-site': 'cross-site' }, { ...CONSOLE, 'sec-fetch-site': 'same-site' }]) {
      const result = await create(headers);
      expect(result.status).toBe(403);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'CROSS_ORIGIN_REFUSED' });
    }
    expect(await t.db.prisma.user.findUnique({ where: { subject: sub } })).toBeNull();
    const ok = await create({ ...CONSOLE, origin: BASE, 'sec-fetch-site': 'same-origin' });
    expect(ok.status).toBe(200);
  });

  it('never mutates on GET: a mutation in the query string is 405 even with the cookie and header', async () => {
    const { cookie } = await signIn();
    const slug = unique('get');
    const query = print(CreateOrganization);
    const url = `${BASE}/graphql?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(JSON.stringify({ input: { name: 'G', slug } }))}`;
    const response = await t.app.fetch(url, { headers: { cookie, ...CONSOLE, accept: 'application/json' } });
    expect(response.status).toBe(405);
    expect(await t.db.prisma.organization.findUnique({ where: { slug } })).toBeNull();
  });

  it('refuses a sign-out from another page (403) and the session goes on', async () => {
    const { cookie } = await signIn();
    expect((await signOut(cookie, {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await signOut(cookie, {}, {})).status).toBe(403);
    expect((await viewer(cookie)).status).toBe(200);
  });

  it('leaves API clients alone: a bearer token decides, whatever cookie comes with it', async () => {
    const { cookie } = await signIn('cookie-person');
    const token = await signToken({ sub: 'bearer-person' }, { secret: 'keysmith-development-secret-do-not-use-in-production' });
    const result = await execute(t.app, Viewer, {}, { baseUrl: BASE, token, headers: { cookie } });
    expect(result.data?.viewer?.subject).toBe('bearer-person');
  });
});

describe('timeouts (fake clock)', () => {
  it('ends a session idle for longer than the idle timeout (60 min), and clears the cookie', async () => {
    const { cookie } = await signIn();
    clock.advance(59 * 60_000);
    expect((await viewer(cookie)).status).toBe(200); // activity: the idle timer starts again
    clock.advance(59 * 60_000);
    expect((await viewer(cookie)).status).toBe(200);
    clock.advance(60 * 60_000);
    const ended = await viewer(cookie);
    expect(ended.status).toBe(401);
    expect(ended.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' } });
    expect(ended.errors?.[0].message).toMatch(/without activity/);
    expect(ended.response.headers.get('set-cookie')).toMatch(/^keysmith-session=; Max-Age=0/);
    expect((await sessionInfo(cookie)).body).toEqual({ signedIn: false, reason: 'signed-out' });
  });

  it('ends an active session at the absolute timeout (12 h), however busy', async () => {
    const { cookie } = await signIn();
    // A request every 50 minutes (never idle) for 11 h 40 min…
    for (let step = 0; step < 14; step++) {
      clock.advance(50 * 60_000);
      expect((await viewer(cookie)).status).toBe(200);
    }
    // …and 20 minutes later the 12 hours are up.
    clock.advance(20 * 60_000);
    const info = await sessionInfo(cookie);
    expect(info.body).toEqual({ signedIn: false, reason: 'expired' });
    expect(info.setCookie[0]).toMatch(/Max-Age=0/);
  });
});

describe('sign-out', () => {
  it('ends this browser’s session on every instance (the row is gone), and other sessions of the person go on', async () => {
    const sub = unique('two-browsers');
    const first = await signIn(sub);
    const second = await signIn(sub);
    const response = await signOut(first.cookie);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ended: 1, next: null });
    expect(response.headers.getSetCookie()[0]).toMatch(/^keysmith-session=; Max-Age=0/);
    expect((await viewer(first.cookie)).status).toBe(401);
    expect((await viewer(second.cookie)).status).toBe(200);
  });

  it('"everywhere" ends every session of the person, and nobody else’s', async () => {
    const sub = unique('everywhere');
    const browsers = [await signIn(sub), await signIn(sub), await signIn(sub)];
    const someoneElse = await signIn();
    const response = await signOut(browsers[0].cookie, { everywhere: true });
    expect(await response.json()).toEqual({ ended: 3, next: null });
    for (const b of browsers) expect((await viewer(b.cookie)).errors?.[0].extensions?.reason).toBe('SESSION_ENDED');
    expect(await t.db.prisma.consoleSession.count({ where: { subject: sub } })).toBe(0);
    expect((await viewer(someoneElse.cookie)).status).toBe(200);
  });
});
