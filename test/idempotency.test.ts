import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedApp, type TestApp } from './support/app.ts';
import { newOrg, newProject, newWorkflow } from './support/fixtures.ts';
import { projectKey } from './support/keys.ts';

let t: TestApp;
beforeAll(async () => {
  t = await sharedApp();
});
afterAll(() => t.close());

type Outcome = { __typename: string; replayed?: boolean; execution?: { id: string; payload: unknown }; message?: string };

async function trigger(secret: string, input: Record<string, unknown>): Promise<Outcome> {
  const response = await t.app.fetch('http://keysmith.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
    body: JSON.stringify({
      query: `mutation($input: TriggerWorkflowInput!) { triggerWorkflow(input: $input) {
        __typename ... on TriggerWorkflowPayload { replayed execution { id payload } } ... on Error { message } } }`,
      variables: { input },
    }),
  });
  const body = await response.json();
  expect(body.errors, JSON.stringify(body)).toBeUndefined();
  return body.data.triggerWorkflow;
}

async function executionCount(token: string, projectId: string): Promise<number> {
  const response = await t.app.fetch('http://keysmith.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: `query($id: ID!) { node(id: $id) { ... on Project { executions(first: 100) { edges { node { id } } } } } }`,
      variables: { id: projectId },
    }),
  });
  return (await response.json()).data.node.executions.edges.length;
}

async function setup() {
  const org = await newOrg(t.app, { plan: 'TEAM' });
  const project = await newProject(t.app, org);
  const workflow = await newWorkflow(t.app, org, project.id);
  const key = await projectKey(t.app, org.owner, project.id);
  return { org, project, workflow, key };
}

describe('idempotency keys', () => {
  it('answers ConflictError when a retry carries a different payload, and records nothing', async () => {
    const { org, project, workflow, key } = await setup();
    const first = await trigger(key.secret, { workflowId: workflow.id, idempotencyKey: 'order-1', payload: { amount: 10 } });
    expect(first).toMatchObject({ __typename: 'TriggerWorkflowPayload', replayed: false });
    const changed = await trigger(key.secret, { workflowId: workflow.id, idempotencyKey: 'order-1', payload: { amount: 99 } });
    expect(changed.__typename).toBe('ConflictError');
    expect(changed.message).toBe('This idempotency key was already used with a different payload for this workflow');
    const missing = await trigger(key.secret, { workflowId: workflow.id, idempotencyKey: 'order-1' });
    expect(missing.__typename).toBe('ConflictError');
    expect(await executionCount(org.owner.token, project.id)).toBe(1);
  });

  it('replays when the payload is the same JSON, whatever the key order', async () => {
    const { workflow, key } = await setup();
    const first = await trigger(key.secret, { workflowId: workflow.id, idempotencyKey: 'order-2', payload: { a: 1, b: [1, 2] } });
    const again = await trigger(key.secret, { workflowId: workflow.id, idempotencyKey: 'order-2', payload: { b: [1, 2], a: 1 } });
    expect(again).toMatchObject({ __typename: 'TriggerWorkflowPayload', replayed: true, execution: { id: first.execution!.id } });
    const none = await trigger(key.secret, { workflowId: workflow.id, idempotencyKey: 'order-3' });
    const noneAgain = await trigger(key.secret, { workflowId: workflow.id, idempotencyKey: 'order-3' });
    expect(noneAgain).toMatchObject({ replayed: true, execution: { id: none.execution!.id } });
  });

  it("scopes keys to the API key: another key's use can be neither replayed nor detected", async () => {
    const { org, project, workflow, key } = await setup();
    const other = await projectKey(t.app, org.owner, project.id);
    await trigger(key.secret, { workflowId: workflow.id, idempotencyKey: 'shared-9', payload: { secret: 'a' } });
    // The other key gets exactly what a first use gets, with a different payload as well as with the same one.
    const mine = await trigger(other.secret, { workflowId: workflow.id, idempotencyKey: 'shared-9', payload: { mine: true } });
    expect(mine).toMatchObject({ __typename: 'TriggerWorkflowPayload', replayed: false, execution: { payload: { mine: true } } });
    const again = await trigger(other.secret, { workflowId: workflow.id, idempotencyKey: 'shared-9', payload: { mine: true } });
    expect(again).toMatchObject({ replayed: true, execution: { id: mine.execution!.id } });
    expect(await executionCount(org.owner.token, project.id)).toBe(2);
  });
});

describe('triggerWorkflow by path (organization/project/workflow)', () => {
  async function raw(secret: string, input: Record<string, unknown>) {
    const response = await t.app.fetch('http://keysmith.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify({
        query: `mutation($input: TriggerWorkflowInput!) { triggerWorkflow(input: $input) {
          __typename ... on TriggerWorkflowPayload { execution { workflowId } } ... on ValidationError { issues { path message } } } }`,
        variables: { input },
      }),
    });
    return { status: response.status, body: await response.json() };
  }

  it('starts the workflow its slugs name, with nothing but workflow:trigger', async () => {
    const { org, project, workflow, key } = await setup();
    const path = `${org.slug}/${project.slug}/${workflow.slug}`;
    const { body } = await raw(key.secret, { workflowPath: path, payload: { order: 1 } });
    expect(body.errors, JSON.stringify(body)).toBeUndefined();
    expect(body.data.triggerWorkflow).toEqual({ __typename: 'TriggerWorkflowPayload', execution: { workflowId: workflow.id } });
    expect(await executionCount(org.owner.token, project.id)).toBe(1);
  });

  it("answers another organization's path exactly as an unknown workflow id, and starts nothing", async () => {
    const mine = await setup();
    const theirs = await setup();
    const foreign = await raw(mine.key.secret, { workflowPath: `${theirs.org.slug}/${theirs.project.slug}/${theirs.workflow.slug}` });
    const unknown = await raw(mine.key.secret, { workflowPath: `${mine.org.slug}/${mine.project.slug}/no-such-workflow` });
    expect(foreign.status).toBe(403);
    expect(foreign).toEqual(unknown);
    expect(await executionCount(theirs.org.owner.token, theirs.project.id)).toBe(0);
  });

  it('keeps a grant narrowed to one workflow to that workflow', async () => {
    const { org, project, workflow, key: _unused } = await setup();
    const other = await newWorkflow(t.app, org, project.id);
    const narrowed = await projectKey(t.app, org.owner, project.id, { scopes: [{ scope: 'TRIGGER_WORKFLOWS', workflowIds: [workflow.id] }] });
    const refused = await raw(narrowed.secret, { workflowPath: `${org.slug}/${project.slug}/${other.slug}` });
    expect(refused.status).toBe(403);
    const allowed = await raw(narrowed.secret, { workflowPath: `${org.slug}/${project.slug}/${workflow.slug}` });
    expect(allowed.body.data.triggerWorkflow.__typename).toBe('TriggerWorkflowPayload');
    expect(await executionCount(org.owner.token, project.id)).toBe(1);
  });

  it('needs exactly one of workflowId and workflowPath, and a path of three slugs', async () => {
    const { org, project, workflow, key } = await setup();
    const both = await raw(key.secret, { workflowId: workflow.id, workflowPath: `${org.slug}/${project.slug}/${workflow.slug}` });
    const neither = await raw(key.secret, { payload: {} });
    const short = await raw(key.secret, { workflowPath: `${org.slug}/${project.slug}` });
    for (const answer of [both, neither, short]) {
      expect(answer.body.data.triggerWorkflow.__typename, JSON.stringify(answer.body)).toBe('ValidationError');
    }
    expect(short.body.data.triggerWorkflow.issues[0]).toMatchObject({ path: ['input', 'workflowPath'], message: 'must be organization/project/workflow' });
    expect(await executionCount(org.owner.token, project.id)).toBe(0);
  });
});
