import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openTestDatabase, TEST_JWT_SECRET } from './support/app.ts';
import { as, execute, ok } from './support/client.ts';
import { addMember, dbId, newOrg, newProject, newUser, newWorkflow } from './support/fixtures.ts';
import { projectKey } from './support/keys.ts';
import { CurrentApiKey, DeleteApiKey, RevokeApiKey, RotateApiKey, SetOrganizationPlan, TriggerWorkflow, UpdateApiKey } from './support/operations.ts';
import { remote, startServerProcess, type ServerProcess } from './support/process.ts';

const database = inject('database');

// Two real server processes on one PostgreSQL: what scaling out means. (PGlite is a single-process database.)
describe.skipIf(database.kind !== 'postgres')('two server instances on one PostgreSQL', () => {
  let a: ServerProcess;
  let b: ServerProcess;
  beforeAll(async () => {
    if (database.kind !== 'postgres') return;
    const env = {
      DATABASE_URL: database.url,
      DATABASE_SCHEMA: database.schema,
      JWT_SECRET: TEST_JWT_SECRET,
      USAGE_FLUSH_INTERVAL_MS: '60000', // only the shutdown flush writes: proves it loses nothing
    };
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  const call = (server: ServerProcess, secret: string) =>
    execute(remote(server.url), CurrentApiKey, {}, { authorization: `Bearer ${secret}` });

  async function keyOnA() {
    const org = await newOrg(remote(a.url), { plan: 'TEAM' });
    const project = await newProject(remote(a.url), org);
    const key = await projectKey(remote(a.url), org.owner, project.id);
    expect((await call(b, key.secret)).status).toBe(200); // B has verified (and cached) the key
    return { org, project, key };
  }

  it('revoking through A makes the very next call to B answer 401', async () => {
    const { org, key } = await keyOnA();
    ok(await execute(remote(a.url), RevokeApiKey, { input: { id: key.apiKey.id } }, { token: org.owner.token }));
    expect((await call(b, key.secret)).status).toBe(401);
  });

  it('deleting through A makes the very next call to B answer 401', async () => {
    const { org, key } = await keyOnA();
    ok(await execute(remote(a.url), DeleteApiKey, { input: { id: key.apiKey.id } }, { token: org.owner.token }));
    expect((await call(b, key.secret)).status).toBe(401);
  });

  it('deactivating through A makes the very next call to B answer 401, and reactivating lets it in again', async () => {
    const { org, key } = await keyOnA();
    ok(await execute(remote(a.url), UpdateApiKey, { input: { id: key.apiKey.id, status: 'INACTIVE' } }, { token: org.owner.token }));
    expect((await call(b, key.secret)).status).toBe(401);
    ok(await execute(remote(a.url), UpdateApiKey, { input: { id: key.apiKey.id, status: 'ACTIVE' } }, { token: org.owner.token }));
    expect((await call(b, key.secret)).status).toBe(200);
  });

  it('rotating through A with no grace ends the old key on B at once; the successor works on B', async () => {
    const { org, key } = await keyOnA();
    const rotated = ok(await execute(remote(a.url), RotateApiKey, { input: { id: key.apiKey.id, gracePeriodSeconds: 0 } }, { token: org.owner.token }));
    const successor = as(rotated.rotateApiKey, 'RotateApiKeyPayload');
    expect((await call(b, key.secret)).status).toBe(401);
    expect((await call(b, successor.secret)).status).toBe(200);
  });

  it('ends a rotated key on B when its grace period runs out (time-based expiry), with no notification involved', async () => {
    const { org, key } = await keyOnA();
    const rotated = ok(await execute(remote(a.url), RotateApiKey, { input: { id: key.apiKey.id, gracePeriodSeconds: 4 } }, { token: org.owner.token }));
    const { previousApiKey, secret } = as(rotated.rotateApiKey, 'RotateApiKeyPayload');
    const graceEndsAt = Date.parse(previousApiKey.graceEndsAt!);
    expect((await call(b, key.secret)).status).toBe(200); // still within its grace (seconds ahead)
    // The processes share this machine's clock: wait for the end the server computed, plus a generous second.
    await new Promise((r) => setTimeout(r, Math.max(0, graceEndsAt + 1000 - Date.now())));
    expect((await call(b, key.secret)).status).toBe(401);
    expect((await call(b, secret)).status).toBe(200);
  });

  it("downgrading the organization's plan through A refuses the key on B at the next request", async () => {
    const { org, key } = await keyOnA();
    const operator = await newUser(remote(a.url), { operator: true });
    ok(await execute(remote(a.url), SetOrganizationPlan, { input: { organizationId: org.id, plan: 'FREE' } }, { token: operator.token }));
    const refused = await call(b, key.secret);
    expect(refused.status).toBe(403);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UPGRADE_REQUIRED');
  });

  it("demoting a key's owner through A takes what they lost from the key on B's next call", async () => {
    const org = await newOrg(remote(a.url), { plan: 'TEAM' });
    const admin = await addMember(remote(a.url), org, 'ADMIN');
    const create = `mutation($input: CreateOrganizationApiKeyInput!) { createOrganizationApiKey(input: $input) { ... on CreateApiKeyPayload { secret } } }`;
    const input = { organizationId: org.id, name: 'ci', expiry: { policy: 'DAYS_7' }, projectAccess: { all: true }, permissions: [{ permission: 'organization:read' }, { permission: 'project:create' }] };
    const post = async (url: string, credential: string, query: string, variables: Record<string, unknown>) =>
      (await (await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` }, body: JSON.stringify({ query, variables }) })).json()) as { data: Record<string, Record<string, string>> };
    const secret = (await post(a.url, admin.token, create, { input })).data.createOrganizationApiKey.secret;
    const createProject = `mutation($input: CreateProjectInput!) { createProject(input: $input) { __typename ... on ForbiddenError { permission } } }`;
    const slug = () => `p-${Math.random().toString(36).slice(2, 8)}`;
    expect((await post(b.url, secret, createProject, { input: { organizationId: org.id, name: 'P', slug: slug() } })).data.createProject.__typename).toBe('ProjectPayload');
    const demote = `mutation($input: UpdateMemberInput!) { updateMember(input: $input) { __typename } }`;
    expect((await post(a.url, org.owner.token, demote, { input: { id: admin.memberId, role: 'MEMBER' } })).data.updateMember.__typename).toBe('MemberPayload');
    expect((await post(b.url, secret, createProject, { input: { organizationId: org.id, name: 'P', slug: slug() } })).data.createProject).toEqual({
      __typename: 'ForbiddenError',
      permission: 'project:create',
    });
  });

  it('counts usage exactly: N concurrent calls across both instances give exactly N after shutdown', async () => {
    const org = await newOrg(remote(a.url), { plan: 'TEAM' });
    const project = await newProject(remote(a.url), org);
    const workflow = await newWorkflow(remote(a.url), org, project.id);
    const key = await projectKey(remote(a.url), org.owner, project.id);
    const N = 300;
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        execute(remote(i % 2 ? a.url : b.url), TriggerWorkflow, { input: { workflowId: workflow.id } }, { authorization: `Bearer ${key.secret}` }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(N);
    // Graceful shutdown flushes what each instance accumulated (the flush interval is a minute).
    expect(await a.stop('SIGTERM')).toBe(0);
    expect(await b.stop('SIGTERM')).toBe(0);
    const db = await openTestDatabase();
    try {
      const row = await db.prisma.apiKey.findUniqueOrThrow({ where: { id: dbId(key.apiKey.id) } });
      expect(Number(row.usageCount)).toBe(N);
      expect(row.lastUsedAt).not.toBeNull();
      // The hourly buckets written by the same flushes add up to the same total (ApiKey.usage reads them).
      const buckets = await db.prisma.apiKeyUsageBucket.aggregate({ where: { apiKeyId: row.id }, _sum: { count: true } });
      expect(Number(buckets._sum.count)).toBe(N);
      expect(await db.prisma.workflowExecution.count({ where: { apiKeyId: row.id } })).toBe(N);
    } finally {
      await db.close();
    }
  });
});
