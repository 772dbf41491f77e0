import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedApp, type TestApp } from './support/app.ts';
import { execute, ok, signToken } from './support/client.ts';
import { newUser, unique } from './support/fixtures.ts';
import { Viewer } from './support/operations.ts';

let t: TestApp;
beforeAll(async () => {
  t = await sharedApp();
});
afterAll(() => t.close());

describe('JWT authentication', () => {
  it('creates the user on the first request of a new JWT, from its claims', async () => {
    const sub = unique('first');
    const token = await signToken({ sub, email: `${sub}@Example.com`, name: 'First Timer' });
    const before = await t.db.prisma.user.findUnique({ where: { subject: sub } });
    expect(before).toBeNull();

    const data = ok(await execute(t.app, Viewer, {}, { token }));
    expect(data.viewer).toMatchObject({ subject: sub, isOperator: false, user: { email: `${sub}@example.com`, name: 'First Timer' } });

    const again = ok(await execute(t.app, Viewer, {}, { token }));
    expect(again.viewer.user.id).toBe(data.viewer.user.id);
    expect(await t.db.prisma.user.count({ where: { subject: sub } })).toBe(1);
  });

  it('marks a token whose roles claim contains operator as a platform operator', async () => {
    const sub = unique('op');
    const token = await signToken({ sub, roles: ['operator'] });
    expect(ok(await execute(t.app, Viewer, {}, { token })).viewer.isOperator).toBe(true);
  });

  const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  it.each([
    ['a bad signature', (sub: string) => signToken({ sub }, { secret: 'another-secret-that-is-long-enough-000000' })],
    ['an expired token', (sub: string) => signToken({ sub }, { expiresIn: Math.floor(Date.now() / 1000) - 60 })],
    [
      'an unsigned token (alg none)',
      async (sub: string) =>
        `${enc({ alg: 'none', typ: 'JWT' })}.${enc({ sub, exp: Math.floor(Date.now() / 1000) + 600 })}.`,
    ],
    ['garbage', async (sub: string) => `garbage-${sub}`],
  ])('answers 401 to %s, and no user is created', async (_label, makeToken) => {
    const sub = unique('rejected');
    const result = await execute(t.app, Viewer, {}, { token: await makeToken(sub) });
    expect(result.status).toBe(401);
    expect(result.data?.viewer ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await t.db.prisma.user.findUnique({ where: { subject: sub } })).toBeNull();
  });

  it('answers 401 to a valid token without a subject', async () => {
    const token = await new (await import('jose')).SignJWT({ email: 'nosub@example.com' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(t.config.jwt.kind === 'secret' ? t.config.jwt.secret : ''));
    const result = await execute(t.app, Viewer, {}, { token });
    expect(result.status).toBe(401);
  });

  it('answers 401 to a token that never expires', async () => {
    const token = await new (await import('jose')).SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(unique('forever'))
      .sign(new TextEncoder().encode(t.config.jwt.kind === 'secret' ? t.config.jwt.secret : ''));
    expect((await execute(t.app, Viewer, {}, { token })).status).toBe(401);
  });

  it('does not take an email the identity provider marks unverified', async () => {
    const sub = unique('unverified');
    const token = await new (await import('jose')).SignJWT({ email: `${sub}@example.com`, email_verified: false })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(sub)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(t.config.jwt.kind === 'secret' ? t.config.jwt.secret : ''));
    expect(ok(await execute(t.app, Viewer, {}, { token })).viewer.user.email).toBeNull();
  });

  it('answers 401 to management queries without credentials', async () => {
    const result = await execute(t.app, Viewer, {});
    expect(result.status).toBe(401);
    expect(result.response.headers.get('www-authenticate')).toBe('Bearer');
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('never writes the authorization header or token into the logs', async () => {
    const user = await newUser(t.app);
    ok(await execute(t.app, Viewer, {}, { token: user.token }));
    expect(t.logs.join('\n')).not.toContain(user.token);
  });
});
