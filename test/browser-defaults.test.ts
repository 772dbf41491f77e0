import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/config.ts';
import { sharedApp, startTestApp, type TestApp } from './support/app.ts';
import { newOrg, newProject, newUser, unique } from './support/fixtures.ts';

const URL_ = 'http://keysmith.test/graphql';
const CONSOLE = 'https://console.keysmith.test';
const EVIL = 'https://evil.example';

let t: TestApp;
beforeAll(async () => {
  t = await sharedApp();
});
afterAll(() => t.close());

const json = (body: object, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

const createOrg = (slug: string) => `mutation { createOrganization(input: { name: "CSRF", slug: "${slug}" }) { __typename } }`;

describe('CORS', () => {
  let allowing: TestApp;
  beforeAll(async () => {
    allowing = await startTestApp({ db: t.db, env: { CORS_ORIGINS: `${CONSOLE}, https://other.keysmith.test` } });
  });
  afterAll(() => allowing.close());

  const preflight = (app: TestApp, origin: string) =>
    app.app.fetch(URL_, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });

  it('by default grants no other origin anything: no CORS headers on preflights or answers', async () => {
    for (const origin of [EVIL, CONSOLE]) {
      const pre = await preflight(t, origin);
      expect(pre.headers.get('access-control-allow-origin')).toBeNull();
      expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
      const answer = await t.app.fetch(URL_, json({ query: '{ __typename }' }, { origin }));
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it('answers a listed origin with its own name and credentials, and still nothing to others', async () => {
    const pre = await preflight(allowing, CONSOLE);
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    expect(pre.headers.get('access-control-allow-credentials')).toBe('true');
    expect(pre.headers.get('access-control-allow-headers')).toContain('authorization');
    const answer = await allowing.app.fetch(URL_, json({ query: '{ __typename }' }, { origin: CONSOLE }));
    expect(answer.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    expect(answer.headers.get('vary')).toContain('Origin');

    const refused = await preflight(allowing, EVIL);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    const other = await allowing.app.fetch(URL_, json({ query: '{ __typename }' }, { origin: EVIL }));
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a CORS_ORIGINS value that is not a list of origins, naming the variable', () => {
    expect(() => loadConfig({ CORS_ORIGINS: 'https://ok.example,/not-an-origin' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://ok.example/path' })).toThrow(/CORS_ORIGINS/);
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, http://localhost:3000' }).corsOrigins).toEqual([
      'https://a.example',
      'http://localhost:3000',
    ]);
    expect(loadConfig({}).corsOrigins).toEqual([]);
  });
});

describe('cross-site request forgery', () => {
  it.each([
    ['form-encoded', 'application/x-www-form-urlencoded', (q: string) => new URLSearchParams({ query: q }).toString()],
    ['text/plain', 'text/plain', (q: string) => JSON.stringify({ query: q })],
    [
      'multipart',
      'multipart/form-data; boundary=X',
      (q: string) => `--X\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${JSON.stringify({ query: q })}\r\n--X--\r\n`,
    ],
  ])('refuses a %s POST with 415 and runs nothing', async (_label, contentType, encode) => {
    const user = await newUser(t.app);
    const slug = unique('csrf');
    const body = encode(createOrg(slug));
    const answer = await t.app.fetch(URL_, {
      method: 'POST',
      headers: { 'content-type': contentType, 'content-length': String(Buffer.byteLength(body)), authorization: `Bearer ${user.token}` },
      body,
    });
    expect(answer.status).toBe(415);
    expect(JSON.parse(await answer.text()).errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await t.db.prisma.organization.findUnique({ where: { slug } })).toBeNull();
  });

  it('runs a mutation sent as JSON (with a charset) — the check is on the media type only', async () => {
    const user = await newUser(t.app);
    const slug = unique('json');
    const body = JSON.stringify({ query: createOrg(slug) });
    const answer = await t.app.fetch(URL_, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), authorization: `Bearer ${user.token}` },
      body,
    });
    expect(answer.status).toBe(200);
    expect(await t.db.prisma.organization.findUnique({ where: { slug } })).not.toBeNull();
  });

  it('never runs a mutation sent with GET', async () => {
    const user = await newUser(t.app);
    const slug = unique('get');
    const answer = await t.app.fetch(`${URL_}?${new URLSearchParams({ query: createOrg(slug) })}`, {
      headers: { authorization: `Bearer ${user.token}`, accept: 'application/json' },
    });
    expect(answer.status).toBe(405);
    expect(await t.db.prisma.organization.findUnique({ where: { slug } })).toBeNull();
  });
});

describe('caching', () => {
  it('marks every /graphql answer no-store, including the one that carries a new key secret', async () => {
    const org = await newOrg(t.app, { plan: 'TEAM' });
    const project = await newProject(t.app, org);
    const created = await t.app.fetch(
      URL_,
      json(
        {
          query: `mutation($input: CreateProjectApiKeyInput!) { createProjectApiKey(input: $input) { ... on CreateApiKeyPayload { secret } } }`,
          variables: { input: { projectId: project.id, name: 'cached?', scopes: [{ scope: 'TRIGGER_WORKFLOWS' }], expiry: { policy: 'NEVER' } } },
        },
        { authorization: `Bearer ${org.owner.token}` },
      ),
    );
    expect(await created.text()).toMatch(/"secret":"ksk_/);
    const answers = [
      created,
      await t.app.fetch(URL_, json({ query: '{ viewer { subject } }' })), // 401
      await t.app.fetch(`${URL_}?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json' } }),
      await t.app.fetch(URL_, { headers: { accept: 'text/html' } }), // GraphiQL
      await t.app.fetch(URL_, { method: 'POST', headers: { 'content-type': 'text/plain', 'content-length': '2' }, body: '{}' }), // 415
    ];
    expect(answers.map((a) => a.headers.get('cache-control'))).toEqual(answers.map(() => 'no-store'));
  });
});

describe('suggestions', () => {
  let production: TestApp;
  beforeAll(async () => {
    production = await startTestApp({ db: t.db, env: { NODE_ENV: 'production' } });
  });
  afterAll(() => production.close());

  const probes: [string, object][] = [
    ['an enum value in the query', { query: '{ organization(slug: "x") { apiKeys(filter: { status: ACTIV }) { edges { cursor } } } }' }],
    ['an input field in the query', { query: '{ organization(slug: "x") { apiKeys(filter: { statuss: ACTIVE }) { edges { cursor } } } }' }],
    ['a field in the query', { query: '{ viewr { subject } }' }],
    [
      'an enum value in variables',
      { query: 'query($f: ApiKeyFilter) { organization(slug: "x") { apiKeys(filter: $f) { edges { cursor } } } }', variables: { f: { status: 'ACTIV' } } },
    ],
    [
      'an input field in variables',
      { query: 'query($f: ApiKeyFilter) { organization(slug: "x") { apiKeys(filter: $f) { edges { cursor } } } }', variables: { f: { statuss: 'ACTIVE' } } },
    ],
  ];

  const messages = async (app: TestApp, body: object) => {
    const answer = await app.app.fetch(URL_, json(body));
    const errors = (JSON.parse(await answer.text()) as { errors?: { message: string }[] }).errors ?? [];
    expect(errors.length).toBeGreaterThan(0);
    return errors.map((e) => e.message).join('\n');
  };

  it.each(probes)('gives no "did you mean" for %s in production', async (_label, body) => {
    const text = await messages(production, body);
    expect(text).not.toMatch(/did you mean/i);
    // The suggested names themselves (the client's own misspelt input may be echoed).
    expect(text).not.toMatch(/"status"|"viewer"|enum value "ACTIVE"/);
  });

  it.each(probes)('still suggests for %s in development (the probe does trigger a suggestion)', async (_label, body) => {
    expect(await messages(t, body)).toMatch(/Did you mean/);
  });
});
