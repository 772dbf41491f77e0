import { afterAll, beforeAll } from 'vitest';
import type { Clock } from '../../src/clock.ts';
import type { App } from '../../src/server.ts';
import { graphql } from '../generated/gql.ts';
import type { CreateProjectApiKeyInput } from '../generated/graphql.ts';
import { openIsolatedTestDatabase, startTestApp, type TestApp } from './app.ts';
import { as, execute, ok, type Result } from './client.ts';
import { dbId, newOrg, newProject, newWorkflow, type TestOrg } from './fixtures.ts';
import { CurrentApiKey } from './operations.ts';

/**
 * The fixture of the rate-limit, quota and usage-outcome tests: an app on a controlled clock and a TEAM organization
 * with a project and a workflow, keys created in that project with what a test sets (limits, quota, allowlist...),
 * and a key's calls (a read, a trigger) with their rate-limit headers.
 */

export const CreateMeteredKey = graphql(`
  mutation CreateMeteredKey($input: CreateProjectApiKeyInput!) {
    createProjectApiKey(input: $input) {
      __typename
      ... on CreateApiKeyPayload {
        secret
        apiKey {
          id
        }
      }
      ...ErrorFields
    }
  }
`);

export const MeteredTrigger = graphql(`
  mutation MeteredTrigger($input: TriggerWorkflowInput!) {
    triggerWorkflow(input: $input) {
      __typename
      ... on TriggerWorkflowPayload {
        replayed
        execution {
          id
        }
      }
      ... on QuotaExceededError {
        message
        remaining
        cost
        refillsAt
      }
      ...ErrorFields
    }
  }
`);

export type KeySettings = Omit<CreateProjectApiKeyInput, 'projectId' | 'name' | 'expiry'> & Partial<Pick<CreateProjectApiKeyInput, 'name' | 'expiry'>>;
export type MeteredKey = { secret: string; apiKey: { id: string } };

export type MeteredTenant = {
  t: TestApp;
  org: TestOrg;
  project: { id: string; slug: string };
  workflow: { id: string; slug: string };
  /** A key of the project (name "metered", never expiring, unless `settings` say otherwise). */
  key(settings: KeySettings): Promise<MeteredKey>;
  /** `currentApiKey` with this secret (`headers`: e.g. the client address behind the proxy). */
  call(secret: string, headers?: Record<string, string>): ReturnType<typeof callWith>;
  /** Triggers the workflow with this secret. */
  trigger(secret: string, extra?: { cost?: number; idempotencyKey?: string }, headers?: Record<string, string>): ReturnType<typeof triggerWith>;
  /** Executions the key started. */
  executions(keyId: string): Promise<number>;
};

/** A key of the project, created by the organization's owner through `app` (in process, or a server process). */
export async function meteredKey(app: Pick<App, 'fetch'>, org: TestOrg, projectId: string, settings: KeySettings): Promise<MeteredKey> {
  const created = ok(await execute(app, CreateMeteredKey, { input: { name: 'metered', expiry: { policy: 'NEVER' }, ...settings, projectId } }, { token: org.owner.token }));
  return as(created.createProjectApiKey, 'CreateApiKeyPayload');
}

function callWith(t: TestApp, secret: string, headers: Record<string, string>) {
  return execute(t.app, CurrentApiKey, {}, { authorization: `Bearer ${secret}`, headers });
}

function triggerWith(t: TestApp, workflowId: string, secret: string, extra: { cost?: number; idempotencyKey?: string }, headers: Record<string, string>) {
  return execute(t.app, MeteredTrigger, { input: { workflowId, payload: { x: 1 }, ...extra } }, { authorization: `Bearer ${secret}`, headers });
}

/**
 * Starts the tenant before the file's tests (its `beforeAll`) and closes the app after them. `ownDatabase`: for a
 * clock far from the real one, whose usage flush would prune every other file's usage in the shared database as
 * older than the retention.
 */
export function meteredTenant(options: { clock: Clock; env?: NodeJS.ProcessEnv; ownDatabase?: string }): MeteredTenant {
  const m = {} as MeteredTenant;
  Object.assign(m, {
    key: (settings: KeySettings) => meteredKey(m.t.app, m.org, m.project.id, settings),
    call: (secret: string, headers: Record<string, string> = {}) => callWith(m.t, secret, headers),
    trigger: (secret: string, extra: { cost?: number; idempotencyKey?: string } = {}, headers: Record<string, string> = {}) =>
      triggerWith(m.t, m.workflow.id, secret, extra, headers),
    executions: (keyId: string) => m.t.db.prisma.workflowExecution.count({ where: { apiKeyId: dbId(keyId) } }),
  });
  let database: Awaited<ReturnType<typeof openIsolatedTestDatabase>> | null = null;
  beforeAll(async () => {
    if (options.ownDatabase) database = await openIsolatedTestDatabase(options.ownDatabase);
    m.t = await startTestApp({ clock: options.clock, env: options.env, ...(database ? { db: database.db } : {}) });
    m.org = await newOrg(m.t.app, { plan: 'TEAM' });
    m.project = await newProject(m.t.app, m.org);
    m.workflow = await newWorkflow(m.t.app, m.org, m.project.id);
  }, 60_000);
  afterAll(async () => {
    await m.t?.close();
    await database?.close();
  });
  return m;
}

/** The rate-limit headers of a response (null when absent). */
export function limitHeaders(result: Result<unknown>): { policy: string | null; limit: string | null; retryAfter: string | null } {
  const h = result.response.headers;
  return { policy: h.get('ratelimit-policy'), limit: h.get('ratelimit'), retryAfter: h.get('retry-after') };
}
