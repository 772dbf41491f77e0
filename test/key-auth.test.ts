import { getDirective } from '@graphql-tools/utils';
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, type GraphQLObjectType } from 'graphql';
import { projectRoot } from '../src/config/config.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from './support/manual-clock.ts';
import { checksumOf } from '../src/lib/key-format.ts';
import { sharedApp, startTestApp, type TestApp } from './support/app.ts';
import { as, execute, ok } from './support/client.ts';
import { newOrg, newProject, newUser, newWorkflow } from './support/fixtures.ts';
import { orgKey, projectKey } from './support/keys.ts';
import {
  ApiKeyNode,
  CurrentApiKey,
  DeleteApiKey,
  ProjectExecutions,
  RevokeApiKey,
  RotateApiKey,
  SetOrganizationPlan,
  TriggerWorkflow,
  UpdateApiKey,
  Viewer,
  WorkflowExecution,
} from './support/operations.ts';

let t: TestApp;
beforeAll(async () => {
  t = await sharedApp();
});
afterAll(() => t.close());

async function setup(app = t.app) {
  const org = await newOrg(app, { plan: 'TEAM' });
  const project = await newProject(app, org);
  const workflow = await newWorkflow(app, org, project.id);
  const key = await projectKey(app, org.owner, project.id);
  return { org, project, workflow, key };
}

const trigger = (app: TestApp['app'], secret: string, workflowId: string, extra: { idempotencyKey?: string; payload?: unknown } = {}) =>
  execute(app, TriggerWorkflow, { input: { workflowId, ...extra } }, { authorization: `Bearer ${secret}` });

describe('calling with an API key', () => {
  it('triggers a workflow end to end; users see the execution in the project', async () => {
    const { org, project, workflow, key } = await setup();
    const result = await trigger(t.app, key.secret, workflow.id, { payload: { order: 42 } });
    expect(result.status).toBe(200);
    const execution = as(ok(result).triggerWorkflow, 'TriggerWorkflowPayload').execution;
    expect(execution).toMatchObject({ status: 'QUEUED', payload: { order: 42 }, workflowId: workflow.id, triggeredByKeyPrefix: key.apiKey.prefix });

    const read = ok(await execute(t.app, WorkflowExecution, { id: execution.id }, { authorization: `Bearer ${key.secret}` }));
    expect(read.workflowExecution).toMatchObject({ id: execution.id, status: 'QUEUED' });
    const seen = ok(await execute(t.app, ProjectExecutions, { id: project.id }, { token: org.owner.token }));
    expect(seen.node && 'executions' in seen.node && seen.node.executions!.edges.map((e) => e.node.id)).toEqual([execution.id]);
  });

  it('tells an integration its own configuration through currentApiKey', async () => {
    const { project, key } = await setup();
    const data = ok(await execute(t.app, CurrentApiKey, {}, { authorization: `Bearer ${key.secret}` }));
    expect(data.currentApiKey).toEqual({
      name: 'CI key',
      prefix: key.apiKey.prefix,
      level: 'PROJECT',
      allProjects: false,
      projectIds: [project.id],
      expiryPolicy: 'NEVER',
      scopes: [
        { scope: 'TRIGGER_WORKFLOWS', workflowIds: null },
        { scope: 'READ_EXECUTIONS', workflowIds: null },
      ],
    });
  });

  it('returns the original execution for a repeated idempotency key, also under concurrent retries', async () => {
    const { workflow, key } = await setup();
    const results = await Promise.all(
      Array.from({ length: 12 }, () => trigger(t.app, key.secret, workflow.id, { idempotencyKey: 'order-7', payload: { n: 1 } })),
    );
    const executions = results.map((r) => as(ok(r).triggerWorkflow, 'TriggerWorkflowPayload'));
    expect(new Set(executions.map((e) => e.execution.id)).size).toBe(1);
    expect(executions.filter((e) => !e.replayed)).toHaveLength(1);
  });

  it("does not replay another key's execution for a reused idempotency key", async () => {
    const { org, project, workflow, key } = await setup();
    const other = await projectKey(t.app, org.owner, project.id, { scopes: [{ scope: 'TRIGGER_WORKFLOWS' }] });
    as(ok(await trigger(t.app, key.secret, workflow.id, { idempotencyKey: 'shared-1', payload: { private: true } })).triggerWorkflow, 'TriggerWorkflowPayload');
    const replay = ok(await trigger(t.app, other.secret, workflow.id, { idempotencyKey: 'shared-1' }));
    // Idempotency keys are scoped to the API key: the other key starts its own execution.
    expect(as(replay.triggerWorkflow, 'TriggerWorkflowPayload').replayed).toBe(false);
    expect(JSON.stringify(replay)).not.toContain('private');
  });

  it('lets a key call machine-facing fields only: management fields answer 403', async () => {
    const { key } = await setup();
    const result = await execute(t.app, Viewer, {}, { authorization: `Bearer ${key.secret}` });
    expect(result.status).toBe(403);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('identity failures all look alike (401)', () => {
  async function expectUnauthenticated(authorization: string) {
    const result = await execute(t.app, CurrentApiKey, {}, { authorization });
    expect(result.status).toBe(401);
    expect(result.response.headers.get('www-authenticate')).toBe('Bearer');
    return result.body;
  }

  it('answers an unknown id, a wrong secret, a deleted key and anything not shaped like a key with one identical 401', async () => {
    const { org, project, key } = await setup();
    const bodies: string[] = [];
    bodies.push(await expectUnauthenticated('Bearer not-a-key'));
    const unknownBody = `ksk_${'Z'.repeat(12)}_${'q'.repeat(32)}`;
    bodies.push(await expectUnauthenticated(`Bearer ${unknownBody}${checksumOf(unknownBody)}`));
    const wrongSecret = `${key.secret.slice(0, 17)}${'w'.repeat(32)}`;
    bodies.push(await expectUnauthenticated(`Bearer ${wrongSecret}${checksumOf(wrongSecret)}`));
    bodies.push(await expectUnauthenticated('Basic dXNlcjpwYXNz'));

    const deleted = await projectKey(t.app, org.owner, project.id);
    ok(await execute(t.app, DeleteApiKey, { input: { id: deleted.apiKey.id } }, { token: org.owner.token }));
    bodies.push(await expectUnauthenticated(`Bearer ${deleted.secret}`));

    // A wrong secret for a revoked, inactive or expired key learns nothing about its state either.
    const revoked = await projectKey(t.app, org.owner, project.id);
    ok(await execute(t.app, RevokeApiKey, { input: { id: revoked.apiKey.id } }, { token: org.owner.token }));
    const inactive = await projectKey(t.app, org.owner, project.id);
    ok(await execute(t.app, UpdateApiKey, { input: { id: inactive.apiKey.id, status: 'INACTIVE' } }, { token: org.owner.token }));
    for (const held of [revoked, inactive]) {
      const guess = `${held.secret.slice(0, 17)}${'g'.repeat(32)}`;
      bodies.push(await expectUnauthenticated(`Bearer ${guess}${checksumOf(guess)}`));
    }

    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0])).toEqual({ errors: [{ message: 'Unauthenticated', extensions: { code: 'UNAUTHENTICATED' } }] });
  });

  it('rejects malformed keys without touching the database', async () => {
    const own = await startTestApp();
    await own.db.close(); // any database access would now fail with 500
    const result = await execute(own.app, CurrentApiKey, {}, { authorization: 'Bearer ksk_tooShort_abc' });
    expect(result.status).toBe(401);
  });

  it('is valid one millisecond before expiresAt and 401 at it (injectable clock)', async () => {
    const clock = new ManualClock(new Date());
    const own = await startTestApp({ clock });
    try {
      const org = await newOrg(own.app, { plan: 'TEAM' });
      const project = await newProject(own.app, org);
      const expiresAt = new Date(clock.now().getTime() + 3_600_000);
      const key = await projectKey(own.app, org.owner, project.id, { policy: 'CUSTOM', expiresAt: expiresAt.toISOString() });
      const status = async () => {
        const node = ok(await execute(own.app, ApiKeyNode, { id: key.apiKey.id }, { token: org.owner.token })).node;
        return node && 'status' in node ? node.status : null;
      };
      clock.set(new Date(expiresAt.getTime() - 1));
      expect((await execute(own.app, CurrentApiKey, {}, { authorization: `Bearer ${key.secret}` })).status).toBe(200);
      expect(await status()).toBe('ACTIVE');
      clock.set(expiresAt);
      expect((await execute(own.app, CurrentApiKey, {}, { authorization: `Bearer ${key.secret}` })).status).toBe(401);
      expect(await status()).toBe('EXPIRED');
    } finally {
      await own.close();
    }
  });
});

describe('a verified secret is told why its key fails (401 with a reason)', () => {
  async function refusal(authorization: string) {
    const result = await execute(t.app, CurrentApiKey, {}, { authorization });
    expect(result.status).toBe(401);
    const error = result.errors![0];
    expect(error.extensions?.code).toBe('UNAUTHENTICATED');
    return { message: error.message, reason: error.extensions?.reason, at: error.extensions?.at, challenge: result.response.headers.get('www-authenticate') };
  }

  it('says when a key was revoked', async () => {
    const { org, project } = await setup();
    const key = await projectKey(t.app, org.owner, project.id);
    ok(await execute(t.app, RevokeApiKey, { input: { id: key.apiKey.id } }, { token: org.owner.token }));
    const row = await t.db.prisma.apiKey.findFirstOrThrow({ where: { publicId: key.apiKey.prefix.slice(4) } });
    const revokedAt = row.revokedAt!.toISOString();
    const answer = await refusal(`Bearer ${key.secret}`);
    expect(answer).toEqual({
      reason: 'KEY_REVOKED',
      at: revokedAt,
      message: `This API key was revoked on ${revokedAt}`,
      challenge: 'Bearer error="invalid_token", error_description="The API key was revoked"',
    });
    // The warm path (state and verdict cached in this process) says the same.
    expect((await refusal(`Bearer ${key.secret}`)).reason).toBe('KEY_REVOKED');
  });

  it('says that a key is inactive', async () => {
    const { org, project } = await setup();
    const key = await projectKey(t.app, org.owner, project.id);
    ok(await execute(t.app, UpdateApiKey, { input: { id: key.apiKey.id, status: 'INACTIVE' } }, { token: org.owner.token }));
    const answer = await refusal(`Bearer ${key.secret}`);
    expect(answer.reason).toBe('KEY_INACTIVE');
    expect(answer.message).toMatch(/^This API key is inactive/);
  });

  it('says when a key expired, and when a rotated key stopped working', async () => {
    const clock = new ManualClock(new Date());
    const own = await startTestApp({ clock });
    try {
      const org = await newOrg(own.app, { plan: 'TEAM' });
      const project = await newProject(own.app, org);
      const expiresAt = new Date(clock.now().getTime() + 3_600_000);
      const key = await projectKey(own.app, org.owner, project.id, { policy: 'CUSTOM', expiresAt: expiresAt.toISOString() });
      expect((await execute(own.app, CurrentApiKey, {}, { authorization: `Bearer ${key.secret}` })).status).toBe(200);
      clock.set(expiresAt);
      const expired = await execute(own.app, CurrentApiKey, {}, { authorization: `Bearer ${key.secret}` });
      expect(expired.status).toBe(401);
      expect(expired.errors![0]).toMatchObject({
        message: `This API key expired on ${expiresAt.toISOString()}`,
        extensions: { code: 'UNAUTHENTICATED', reason: 'KEY_EXPIRED', at: expiresAt.toISOString() },
      });

      const rotated = await projectKey(own.app, org.owner, project.id);
      as(ok(await execute(own.app, RotateApiKey, { input: { id: rotated.apiKey.id, gracePeriodSeconds: 60 } }, { token: org.owner.token })).rotateApiKey, 'RotateApiKeyPayload');
      expect((await execute(own.app, CurrentApiKey, {}, { authorization: `Bearer ${rotated.secret}` })).status).toBe(200);
      const graceEnd = new Date(clock.now().getTime() + 60_000);
      clock.set(graceEnd);
      const past = await execute(own.app, CurrentApiKey, {}, { authorization: `Bearer ${rotated.secret}` });
      expect(past.status).toBe(401);
      expect(past.errors![0]).toMatchObject({
        message: `This API key was replaced by rotation: its grace period ended on ${graceEnd.toISOString()}; use the new key`,
        extensions: { reason: 'KEY_EXPIRED', at: graceEnd.toISOString() },
      });
    } finally {
      await own.close();
    }
  });

  it('calls a key with a bad checksum or a truncated key malformed, without the database', async () => {
    const own = await startTestApp();
    try {
      const { key } = await setup(own.app);
      const body = key.secret.slice(0, -6);
      await own.db.close(); // a lookup would now fail with 500: the format alone decides
      for (const candidate of [`${body}${body.endsWith('A') ? 'BBBBBB' : 'AAAAAA'}`, key.secret.slice(0, -1)]) {
        const result = await execute(own.app, CurrentApiKey, {}, { authorization: `Bearer ${candidate}` });
        expect(result.status).toBe(401);
        expect(result.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'KEY_MALFORMED' });
        expect(result.errors![0].message).toMatch(/^The API key is malformed/);
      }
    } finally {
      await own.close();
    }
  });
});

describe('the key-state cache never outlives a change', () => {
  it('serves repeated calls from the cache, and refuses a cached key on the very next request after each change', async () => {
    await t.app.ready;
    expect(t.app.keyStates.isLive).toBe(true);
    const { org, project, workflow } = await setup();
    const operator = await newUser(t.app, { operator: true });
    const calls = async (secret: string) => (await trigger(t.app, secret, workflow.id)).status;
    const warm = async (secret: string) => {
      const hits = t.app.keyStates.stats.hits;
      expect(await calls(secret)).toBe(200);
      expect(await calls(secret)).toBe(200);
      expect(t.app.keyStates.stats.hits).toBeGreaterThan(hits); // the second call was answered from the cache
    };

    const revoked = await projectKey(t.app, org.owner, project.id);
    await warm(revoked.secret);
    ok(await execute(t.app, RevokeApiKey, { input: { id: revoked.apiKey.id } }, { token: org.owner.token }));
    expect(await calls(revoked.secret)).toBe(401);

    const deactivated = await projectKey(t.app, org.owner, project.id);
    await warm(deactivated.secret);
    ok(await execute(t.app, UpdateApiKey, { input: { id: deactivated.apiKey.id, status: 'INACTIVE' } }, { token: org.owner.token }));
    expect(await calls(deactivated.secret)).toBe(401);

    const deleted = await projectKey(t.app, org.owner, project.id);
    await warm(deleted.secret);
    ok(await execute(t.app, DeleteApiKey, { input: { id: deleted.apiKey.id } }, { token: org.owner.token }));
    expect(await calls(deleted.secret)).toBe(401);

    const selected = await orgKey(t.app, org, { projectIds: [project.id] });
    await warm(selected.secret);
    const other = await newProject(t.app, org);
    ok(await execute(t.app, UpdateApiKey, { input: { id: selected.apiKey.id, projectAccess: { projectIds: [other.id] } } }, { token: org.owner.token }));
    expect(await calls(selected.secret)).toBe(403);

    const planned = await projectKey(t.app, org.owner, project.id);
    await warm(planned.secret);
    ok(await execute(t.app, SetOrganizationPlan, { input: { organizationId: org.id, plan: 'FREE' } }, { token: operator.token }));
    expect(await calls(planned.secret)).toBe(403);
  });

  it('reads the database on every request while it cannot listen for changes', async () => {
    const own = await startTestApp();
    try {
      const { workflow, key } = await setup(own.app);
      await own.app.ready;
      await own.app.keyStates.stop(); // the LISTEN connection is gone
      expect(own.app.keyStates.isLive).toBe(false);
      const before = { ...own.app.keyStates.stats };
      for (let i = 0; i < 3; i++) expect((await trigger(own.app, key.secret, workflow.id)).status).toBe(200);
      expect(own.app.keyStates.stats.hits).toBe(before.hits);
      expect(own.app.keyStates.stats.misses).toBe(before.misses + 3);
    } finally {
      await own.close();
    }
  });
});

describe('authorization of a valid key (403)', () => {
  it('answers 403 FORBIDDEN without the scope, for a workflow outside the narrowed list, and outside the key reach', async () => {
    const { org, project, workflow } = await setup();
    const other = await newWorkflow(t.app, org, project.id);
    const readOnly = await projectKey(t.app, org.owner, project.id, { scopes: [{ scope: 'READ_EXECUTIONS' }] });
    const narrowed = await projectKey(t.app, org.owner, project.id, { scopes: [{ scope: 'TRIGGER_WORKFLOWS', workflowIds: [workflow.id] }] });
    const elsewhere = await newProject(t.app, org);
    const elsewhereKey = await projectKey(t.app, org.owner, elsewhere.id);
    const foreign = await setup();

    for (const [secret, target] of [
      [readOnly.secret, workflow.id],
      [narrowed.secret, other.id],
      [elsewhereKey.secret, workflow.id],
      [foreign.key.secret, workflow.id],
    ]) {
      const result = await trigger(t.app, secret, target);
      expect(result.status).toBe(403);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(as(ok(await trigger(t.app, narrowed.secret, workflow.id)).triggerWorkflow, 'TriggerWorkflowPayload').execution.status).toBe('QUEUED');
  });

  it('lets an All Projects key reach a project created later', async () => {
    const org = await newOrg(t.app, { plan: 'TEAM' });
    const key = await orgKey(t.app, org, { all: true });
    const later = await newProject(t.app, org);
    const wf = await newWorkflow(t.app, org, later.id);
    expect((await trigger(t.app, key.secret, wf.id)).status).toBe(200);
  });

  it('answers 403 UPGRADE_REQUIRED when the organization plan lacks API access', async () => {
    const { org, workflow, key } = await setup();
    const operator = await newUser(t.app, { operator: true });
    ok(await execute(t.app, SetOrganizationPlan, { input: { organizationId: org.id, plan: 'FREE' } }, { token: operator.token }));
    const result = await trigger(t.app, key.secret, workflow.id);
    expect(result.status).toBe(403);
    expect(result.errors?.[0]?.extensions?.code).toBe('UPGRADE_REQUIRED');
  });
});

describe('verification cost and usage', () => {
  it('runs no argon2 for a new key, even for concurrent first requests (its verification tag decides; see key-verification.test.ts)', async () => {
    const { key } = await setup();
    const before = t.app.verifier.stats.argon2Verifications;
    const results = await Promise.all(Array.from({ length: 20 }, () => execute(t.app, CurrentApiKey, {}, { authorization: `Bearer ${key.secret}` })));
    expect(results.every((r) => r.status === 200)).toBe(true);
    for (let i = 0; i < 5; i++) await execute(t.app, CurrentApiKey, {}, { authorization: `Bearer ${key.secret}` });
    expect(t.app.verifier.stats.argon2Verifications - before).toBe(0);
  });

  it('counts usage exactly and sets lastUsedAt', async () => {
    const { org, workflow, key } = await setup();
    await Promise.all(Array.from({ length: 25 }, () => trigger(t.app, key.secret, workflow.id)));
    await t.app.usage.flush();
    const data = ok(await execute(t.app, ApiKeyNode, { id: key.apiKey.id }, { token: org.owner.token }));
    expect(data.node).toMatchObject({ usageCount: 25 });
    expect(data.node && 'lastUsedAt' in data.node && data.node.lastUsedAt).toBeTruthy();
  });
});

describe('@requiresPermission on the machine-facing fields', () => {
  // Read from the committed SDL: what clients see. (Every other root field: schema-wide-authorization.test.ts.)
  const contract = buildSchema(fs.readFileSync(path.join(projectRoot, 'schema.graphql'), 'utf8'));
  const permissionOf = (type: string, name: string) =>
    getDirective(contract, (contract.getType(type) as GraphQLObjectType).getFields()[name], 'requiresPermission')?.[0]?.permission;

  it('is printed on triggerWorkflow and workflowExecution, which are for API keys only', () => {
    expect(permissionOf('Mutation', 'triggerWorkflow')).toBe('workflow:trigger');
    expect(permissionOf('Query', 'workflowExecution')).toBe('execution:read');
    for (const [type, name] of [['Mutation', 'triggerWorkflow'], ['Query', 'workflowExecution']] as const) {
      expect(getDirective(contract, (contract.getType(type) as GraphQLObjectType).getFields()[name], 'requiresApiKey')).toHaveLength(1);
    }
  });

  it('refuses a key without the permission, naming it', async () => {
    const { org, project, workflow } = await setup();
    const readOnly = (await projectKey(t.app, org.owner, project.id, { scopes: [{ scope: 'READ_EXECUTIONS', workflowIds: [workflow.id] }] })).secret;
    const response = await t.app.fetch('http://keysmith.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${readOnly}` },
      body: JSON.stringify({ query: `mutation { triggerWorkflow(input: { workflowId: ${JSON.stringify(workflow.id)} }) { __typename } }` }),
    });
    expect(response.status).toBe(403);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string; permission: string } }[] };
    expect(body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'workflow:trigger' });
    expect(body.errors[0].message).toBe('This key lacks `workflow:trigger`');
  });
});
