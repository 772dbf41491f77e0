import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, DEVELOPMENT_JWT_SECRET, loadConfig } from '../src/config/config.ts';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from './support/app.ts';
import { as, execute, ok, signToken } from './support/client.ts';
import { unique } from './support/fixtures.ts';
import { CreateOrganization, CreateProject, CreateProjectApiKey, CurrentApiKey, Viewer } from './support/operations.ts';

// Development first run: a newcomer's `npm start` (development, the development secret) starts organizations on TEAM,
// so the path from the console's development sign-in to a working key needs no operator. Anywhere else: FREE, or
// DEFAULT_PLAN.

describe('DEFAULT_PLAN', () => {
  it('is TEAM in development on the development secret, FREE with a configured secret, in tests and in production', () => {
    expect(loadConfig({}).defaultPlan).toBe('TEAM');
    expect(loadConfig({ NODE_ENV: 'development' }).defaultPlan).toBe('TEAM');
    expect(loadConfig({ NODE_ENV: 'development', JWT_SECRET: TEST_JWT_SECRET }).defaultPlan).toBe('FREE');
    expect(loadConfig({ NODE_ENV: 'test' }).defaultPlan).toBe('FREE');
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: TEST_JWT_SECRET }).defaultPlan).toBe('FREE');
  });

  it('can be set either way, and a plan that does not exist stops start-up naming the variable', () => {
    expect(loadConfig({ DEFAULT_PLAN: 'FREE' }).defaultPlan).toBe('FREE');
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: TEST_JWT_SECRET, DEFAULT_PLAN: 'ENTERPRISE' }).defaultPlan).toBe('ENTERPRISE');
    expect(() => loadConfig({ DEFAULT_PLAN: 'GOLD' })).toThrow(ConfigError);
    expect(() => loadConfig({ DEFAULT_PLAN: 'GOLD' })).toThrow(/^Invalid environment variable DEFAULT_PLAN: .*\(got "GOLD"\)$/);
  });
});

describe('a first key without an operator', { timeout: 60_000 }, () => {
  let t: TestApp | null = null;
  afterEach(async () => {
    await t?.close();
    t = null;
  });

  /** Signs in (as the console's development sign-in does), creates an organization and a project, then a key. */
  async function firstKey(app: TestApp['app'], secret: string) {
    const sub = unique('newcomer');
    const token = await signToken({ sub, email: `${sub}@example.com` }, { secret });
    ok(await execute(app, Viewer, {}, { token }));
    const slug = unique('first');
    const org = as(ok(await execute(app, CreateOrganization, { input: { name: 'First', slug } }, { token })).createOrganization, 'OrganizationPayload').organization;
    const project = as(
      ok(await execute(app, CreateProject, { input: { organizationId: org.id, name: 'App', slug: 'app' } }, { token })).createProject,
      'ProjectPayload',
    ).project;
    const key = ok(
      await execute(
        app,
        CreateProjectApiKey,
        { input: { projectId: project.id, name: 'First key', scopes: [{ scope: 'TRIGGER_WORKFLOWS' }], expiry: { policy: 'DAYS_90' } } },
        { token },
      ),
    ).createProjectApiKey;
    return { plan: org.plan, key };
  }

  it('in development on the development secret: the organization starts on TEAM and its first key works', async () => {
    t = await startTestApp({ env: { NODE_ENV: 'development', JWT_SECRET: '' } });
    const { plan, key } = await firstKey(t.app, DEVELOPMENT_JWT_SECRET);
    expect(plan).toBe('TEAM');
    const created = as(key, 'CreateApiKeyPayload');
    const current = await execute(t.app, CurrentApiKey, {}, { authorization: `Bearer ${created.secret}` });
    expect(current.status).toBe(200);
    expect(ok(current).currentApiKey).toMatchObject({ name: 'First key', prefix: created.apiKey.prefix });
  });

  it('with a configured secret: FREE, and the key is refused until an operator changes the plan', async () => {
    t = await startTestApp();
    const { plan, key } = await firstKey(t.app, TEST_JWT_SECRET);
    expect(plan).toBe('FREE');
    expect(key.__typename).toBe('UpgradeRequiredError');
  });
});
