import { describe, expect } from 'vitest';
import { graphql } from './generated/gql.ts';
import { as, execute, ok } from './support/client.ts';
import { newProject, newWorkflow, test } from './support/fixtures.ts';
import { orgKey, projectKey } from './support/keys.ts';
import { TriggerWorkflow } from './support/operations.ts';

// ApiKey.executions: on a key's page, the executions it started (how an integrator checks that their calls arrive).

const KeyExecutions = graphql(`
  query KeyExecutions($id: ID!, $first: Int) {
    node(id: $id) {
      ... on ApiKey {
        executions(first: $first) {
          totalCount
          edges {
            node {
              id
              status
              workflowId
              triggeredByKeyPrefix
              payload
            }
          }
        }
      }
    }
  }
`);

const CreateKeyWithPermissions = graphql(`
  mutation CreateKeyWithPermissions($input: CreateOrganizationApiKeyInput!) {
    createOrganizationApiKey(input: $input) {
      __typename
      ... on CreateApiKeyPayload {
        secret
        apiKey {
          id
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

type App = Parameters<typeof execute>[0];

async function trigger(app: App, secret: string, workflowId: string, payload: unknown) {
  const result = await execute(app, TriggerWorkflow, { input: { workflowId, payload } }, { authorization: `Bearer ${secret}` });
  return as(ok(result).triggerWorkflow, 'TriggerWorkflowPayload').execution.id;
}

const executionsOf = async (app: App, keyId: string, bearer: { token?: string; authorization?: string }, first = 10) =>
  execute(app, KeyExecutions, { id: keyId, first }, bearer);

describe('ApiKey.executions', () => {
  test("lists the executions the key started, newest first, with their payloads, and none of another key's", async ({ t, org, project, workflow, key, member }) => {
    const other = await projectKey(t.app, org.owner, project.id, { name: 'Other key' });
    const first = await trigger(t.app, key.secret, workflow.id, { order: 1 });
    await trigger(t.app, other.secret, workflow.id, { order: 99 });
    const second = await trigger(t.app, key.secret, workflow.id, { order: 2 });

    for (const reader of [org.owner, member]) {
      const node = ok(await executionsOf(t.app, key.apiKey.id, { token: reader.token })).node;
      const executions = node && 'executions' in node ? node.executions : null;
      expect(executions?.totalCount).toBe(2);
      expect(executions?.edges.map((e) => e.node)).toEqual([
        { id: second, status: 'QUEUED', workflowId: workflow.id, triggeredByKeyPrefix: key.apiKey.prefix, payload: { order: 2 } },
        { id: first, status: 'QUEUED', workflowId: workflow.id, triggeredByKeyPrefix: key.apiKey.prefix, payload: { order: 1 } },
      ]);
    }
    const page = ok(await executionsOf(t.app, key.apiKey.id, { token: org.owner.token }, 1)).node;
    expect(page && 'executions' in page && page.executions?.edges.map((e) => e.node.id)).toEqual([second]);
  });

  test('a key that reads keys and the executions of one project sees only that project’s executions of another key', async ({ t, org, project, workflow }) => {
    const otherProject = await newProject(t.app, org);
    const otherWorkflow = await newWorkflow(t.app, org, otherProject.id);
    const busy = await orgKey(t.app, org, { all: true });
    const here = await trigger(t.app, busy.secret, workflow.id, { where: 'here' });
    await trigger(t.app, busy.secret, otherWorkflow.id, { where: 'elsewhere' });

    const reader = as(
      ok(
        await execute(
          t.app,
          CreateKeyWithPermissions,
          {
            input: {
              organizationId: org.id,
              name: 'Reader',
              permissions: [{ permission: 'api_key:read' }, { permission: 'execution:read', projectIds: [project.id] }],
              expiry: { policy: 'NEVER' },
              projectAccess: { all: true },
            },
          },
          { token: org.owner.token },
        ),
      ).createOrganizationApiKey,
      'CreateApiKeyPayload',
    );
    const node = ok(await executionsOf(t.app, busy.apiKey.id, { authorization: `Bearer ${reader.secret}` })).node;
    expect(node && 'executions' in node && node.executions?.edges.map((e) => e.node.id)).toEqual([here]);
    expect(node && 'executions' in node && node.executions?.totalCount).toBe(1);
  });

  test('a key that reads keys but no executions is refused the list (FORBIDDEN)', async ({ t, org, workflow, key }) => {
    await trigger(t.app, key.secret, workflow.id, { order: 1 });
    const reader = as(
      ok(
        await execute(
          t.app,
          CreateKeyWithPermissions,
          { input: { organizationId: org.id, name: 'Keys only', permissions: [{ permission: 'api_key:read' }], expiry: { policy: 'NEVER' }, projectAccess: { all: true } } },
          { token: org.owner.token },
        ),
      ).createOrganizationApiKey,
      'CreateApiKeyPayload',
    );
    const result = await executionsOf(t.app, key.apiKey.id, { authorization: `Bearer ${reader.secret}` });
    const node = result.data?.node;
    expect(node && 'executions' in node ? node.executions : 'missing').toBeNull();
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  test("another organization's member finds no key, so no executions", async ({ t, key, workflow, stranger }) => {
    await trigger(t.app, key.secret, workflow.id, { order: 1 });
    const result = await executionsOf(t.app, key.apiKey.id, { token: stranger.token });
    expect(result.errors).toBeUndefined();
    expect(result.data?.node).toBeNull();
  });
});
