// Issue 22, "Rows loaded, not values returned" and "Plain list fields cost one": what a request makes the process
// hold follows the rows it loads, not the values it returns. Large columns (execution payloads, delivery payloads,
// audit changes) are loaded only when selected; the cost model counts every row a query can load (every nodes id,
// every alias, every item of a plain list at its bound) and refuses, before execution, a query over GRAPHQL_MAX_ROWS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, startTestApp, type TestApp } from './support/app.ts';
import { addMember, newOrg, newProject, newWorkflow, type TestOrg } from './support/fixtures.ts';
import { orgKey, projectKey } from './support/keys.ts';
import type { Database } from '../src/db/client.ts';
import { MAX_PROJECTS_PER_ORGANIZATION } from '../src/domains/projects/service.ts';
import { requestScope } from '../src/request-context.ts';

type Body = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };

let t: TestApp;
let db: Database;
/** Every row a request's Prisma operations returned, by model (background work runs outside any request). */
const loaded: { model: string; row: Record<string, unknown> }[] = [];
/** Every Prisma operation a request ran, by model (cleared with `loaded`). */
const operations: { model: string; operation: string }[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
  const watched = db.prisma.$extends({
    query: {
      $allOperations: async ({ model, operation, args, query }) => {
        const result = await query(args);
        if (model && requestScope.getStore()) {
          operations.push({ model, operation });
          for (const row of Array.isArray(result) ? result : [result]) {
            if (row && typeof row === 'object') loaded.push({ model, row: row as Record<string, unknown> });
          }
        }
        return result;
      },
    },
  }) as unknown as Database['prisma'];
  t = await startTestApp({ db: { ...db, prisma: watched }, env: { WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: 'true' } });
});

afterAll(async () => {
  await t.close();
  await db.close();
});

async function post(query: string, variables: Record<string, unknown>, token: string) {
  const response = await t.app.fetch('http://keysmith.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as Body };
}

/** Rows of `model` loaded while `run` ran. */
async function rowsLoaded(model: string, run: () => Promise<unknown>) {
  loaded.length = 0;
  operations.length = 0;
  await run();
  return loaded.filter((l) => l.model === model).map((l) => l.row);
}

const aliases = (n: number, field: string) => Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ');

/** `count` executions of one workflow, each with a payload of about `payloadBytes`, triggered through the API. */
async function seedExecutions(org: TestOrg, count: number, payloadBytes: number) {
  const project = await newProject(t.app, org);
  const workflow = await newWorkflow(t.app, org, project.id);
  const { secret } = await projectKey(t.app, org.owner, project.id);
  const blob = 'x'.repeat(payloadBytes);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const triggered = await post(
      `mutation($input: TriggerWorkflowInput!) { triggerWorkflow(input: $input) { ... on TriggerWorkflowPayload { execution { id } } } }`,
      { input: { workflowId: workflow.id, payload: { blob, i } } },
      secret,
    );
    ids.push((triggered.body.data?.triggerWorkflow as { execution: { id: string } }).execution.id);
  }
  return { project, ids };
}

describe('node and nodes load by type, not by id', () => {
  it('loads all the ids of a type, across aliases and node(id:), with one query, keeping order, duplicates and unreadable ids as null', async () => {
    const org = await newOrg(t.app, { plan: 'TEAM' });
    const member = await addMember(t.app, org, 'MEMBER');
    const { project, ids } = await seedExecutions(org, 30, 16);
    const other = await newOrg(t.app, { plan: 'TEAM' });
    const { ids: foreign } = await seedExecutions(other, 2, 16);
    const asked = [ids[3], foreign[0], project.id, ...ids, ids[3], foreign[1]];
    const query = `query($ids: [ID!]!, $one: ID!, $theirs: ID!) {
      ${aliases(5, 'nodes(ids: $ids) { __typename id ... on WorkflowExecution { status } ... on Project { name } }')}
      single: node(id: $one) { ... on WorkflowExecution { id status } }
      theirs: node(id: $theirs) { id }
    }`;

    let result!: Awaited<ReturnType<typeof post>>;
    await rowsLoaded('WorkflowExecution', async () => {
      result = await post(query, { ids: asked, one: ids[7], theirs: foreign[0] }, member.token);
    });
    expect(result.body.errors, result.text.slice(0, 300)).toBeUndefined();
    const expected = asked.map((id) => (foreign.includes(id) ? null : expect.objectContaining({ id })));
    for (let i = 0; i < 5; i++) expect(result.body.data![`a${i}`]).toEqual(expected);
    expect((result.body.data!.a0 as ({ __typename: string } | null)[])[2]).toMatchObject({ __typename: 'Project' });
    expect(result.body.data!.single).toEqual({ id: ids[7], status: 'QUEUED' });
    // Another tenant's execution is not there, as before: null, and no FORBIDDEN error.
    expect(result.body.data!.theirs).toBeNull();

    const byModel = (model: string) => operations.filter((o) => o.model === model).map((o) => o.operation);
    // Every execution id of the request, in every alias and node(id:) (their selections load the same columns), and
    // the other tenant's, in one query — not one per id (5 × 34 + 2 before).
    expect(byModel('WorkflowExecution')).toEqual(['findMany']);
    expect(byModel('Project').filter((op) => op === 'findMany' || op === 'findUnique').length).toBeLessThanOrEqual(2);
  });

  it('refuses an id that cannot exist (not a uuid) as BAD_USER_INPUT without failing the other ids or reaching the database', async () => {
    const org = await newOrg(t.app, { plan: 'TEAM' });
    const project = await newProject(t.app, org);
    const malformed = Buffer.from('Project:xyz').toString('base64url');
    let result!: Awaited<ReturnType<typeof post>>;
    await rowsLoaded('Project', async () => {
      result = await post(`query($ids: [ID!]!, $ok: ID!) { nodes(ids: $ids) { id } fine: node(id: $ok) { id } }`, { ids: [project.id, malformed], ok: project.id }, org.owner.token);
    });
    expect(result.body.errors?.[0]?.extensions?.code, result.text).toBe('BAD_USER_INPUT');
    expect(result.body.errors?.[0]?.extensions?.issues).toEqual([{ path: ['ids', '1'], message: 'is not a valid id' }]);
    expect(result.text).not.toMatch(/uuid|prisma|xyz/i);
  });
});

describe('large columns are loaded only when selected', () => {
  it('answers the F1 attack (15 aliases of nodes with 100 execution ids) without loading one payload', async () => {
    const org = await newOrg(t.app, { plan: 'TEAM' });
    const member = await addMember(t.app, org, 'MEMBER');
    const { ids } = await seedExecutions(org, 100, 60 * 1024);
    const attack = `query($ids: [ID!]!) { ${aliases(15, 'nodes(ids: $ids) { ... on WorkflowExecution { id } }')} }`;

    let result!: Awaited<ReturnType<typeof post>>;
    const rows = await rowsLoaded('WorkflowExecution', async () => {
      result = await post(attack, { ids }, member.token);
    });
    expect(result.status, result.text.slice(0, 300)).toBe(200);
    expect(result.body.errors).toBeUndefined();
    expect(Object.values(result.body.data!).flatMap((list) => (list as { id: string }[]).map((n) => n.id))).toEqual(Array(15).fill(ids).flat());
    expect(rows.length).toBeGreaterThanOrEqual(100);
    expect(rows.filter((row) => 'payload' in row)).toEqual([]);

    // The payload still comes when it is asked for.
    const selected = await rowsLoaded('WorkflowExecution', () =>
      post(`query($id: ID!) { node(id: $id) { ... on WorkflowExecution { payload } } }`, { id: ids[0] }, member.token).then((r) =>
        expect((r.body.data?.node as { payload: { i: number } }).payload.i).toBe(0),
      ),
    );
    expect(selected.some((row) => 'payload' in row)).toBe(true);
  });

  it('lists executions, audit events and webhook deliveries without their payloads or changes unless selected', async () => {
    const org = await newOrg(t.app, { plan: 'TEAM' });
    const { project } = await seedExecutions(org, 3, 1024);
    const endpoint = await post(
      `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { __typename ... on Error { message } } }`,
      { input: { organizationId: org.id, url: 'http://127.0.0.1:9/hook', events: ['API_KEY_CREATED'] } },
      org.owner.token,
    );
    expect(endpoint.text).toContain('CreateWebhookEndpointPayload');
    await projectKey(t.app, org.owner, project.id); // an audit event and a delivery (not sent: delivery is off here)

    const query = `query($slug: String!, $project: ID!) {
      organization(slug: $slug) {
        auditEvents(first: 20) { edges { node { id action } } }
        webhookEndpoints(first: 5) { edges { node { id recentDeliveries { id status } } } }
      }
      node(id: $project) { ... on Project { executions(first: 10) { edges { node { id status } } } } }
    }`;
    loaded.length = 0;
    const result = await post(query, { slug: org.slug, project: project.id }, org.owner.token);
    expect(result.body.errors, result.text).toBeUndefined();
    // Prisma nests related rows in their parent's result (an organization's auditEvents, an endpoint's deliveries).
    const nested = (key: string): Record<string, unknown>[] => {
      const found: Record<string, unknown>[] = [];
      const walk = (value: unknown) => {
        if (Array.isArray(value)) return value.forEach(walk);
        if (!value || typeof value !== 'object' || value instanceof Date) return;
        for (const [k, v] of Object.entries(value)) {
          if (k === key && Array.isArray(v)) found.push(...(v as Record<string, unknown>[]));
          walk(v);
        }
      };
      walk(loaded.map((l) => l.row));
      return found;
    };
    const of = (model: string) => loaded.filter((l) => l.model === model).map((l) => l.row);
    const audit = [...nested('auditEvents'), ...of('AuditEvent')];
    const deliveries = [...nested('deliveries'), ...of('WebhookDelivery')];
    const executions = [...nested('executions'), ...of('WorkflowExecution')];
    const all = [...audit, ...deliveries, ...executions];
    // Each kind was loaded by this request …
    expect(audit.length).toBeGreaterThan(0);
    expect(deliveries.length).toBeGreaterThan(0);
    expect(executions.length).toBe(3);
    // … and none carries its large column.
    expect(all.filter((row) => 'payload' in row || 'changes' in row || 'lastError' in row)).toEqual([]);
  });
});

describe('the cost model counts loaded rows', () => {
  const refusedForRows = (result: { status: number; text: string; body: Body }) => {
    expect(result.status, result.text).toBe(400);
    expect(result.body.data ?? null).toBeNull();
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'rows' });
    expect(result.body.errors?.[0]?.message).toMatch(/^Query loads too many objects/);
  };

  it("refuses two aliases over 100 keys' projects (each key may reach 100) before loading anything", async () => {
    const org = await newOrg(t.app, { plan: 'TEAM' });
    await newProject(t.app, org);
    const { apiKey } = await orgKey(t.app, org, { all: true });
    const ids = Array(100).fill(apiKey.id);
    const query = `query($ids: [ID!]!) { ${aliases(2, 'nodes(ids: $ids) { ... on ApiKey { projectAccess { projects { id name } } } }')} }`;
    const rows = await rowsLoaded('ApiKey', async () => refusedForRows(await post(query, { ids }, org.owner.token)));
    expect(rows).toEqual([]);
    // One alias over 20 keys is an ordinary page, and answers.
    const page = await post(query.replace(/ a1: .*\} \}$/, ' }'), { ids: ids.slice(0, 20) }, org.owner.token);
    expect(page.body.errors, page.text).toBeUndefined();
  });

  it("counts a scope's narrowed workflows and an endpoint's recent deliveries at their bounds", async () => {
    const org = await newOrg(t.app, { plan: 'TEAM' });
    const { apiKey } = await orgKey(t.app, org, { all: true });
    const workflows = await post(
      `query($ids: [ID!]!) { nodes(ids: $ids) { ... on ApiKey { scopes { workflows { id } } } } }`,
      { ids: Array(100).fill(apiKey.id) },
      org.owner.token,
    );
    refusedForRows(workflows);
    const deliveries = await post(
      `query($ids: [ID!]!) { ${aliases(5, 'nodes(ids: $ids) { ... on WebhookEndpoint { recentDeliveries { id } } }')} }`,
      { ids: Array(100).fill(apiKey.id) },
      org.owner.token,
    );
    refusedForRows(deliveries);
  });
});

describe('projects per organization', () => {
  it(`allows ${MAX_PROJECTS_PER_ORGANIZATION} projects and refuses the next with a ValidationError, creating nothing`, async () => {
    const org = await newOrg(t.app, { plan: 'TEAM' });
    const create = (slug: string) =>
      post(
        `mutation($input: CreateProjectInput!) { createProject(input: $input) { __typename ... on ValidationError { issues { path message } } } }`,
        { input: { organizationId: org.id, name: slug, slug } },
        org.owner.token,
      );
    // Concurrent creations near the bound: the organization row lock lets exactly the allowed number through.
    for (let i = 0; i < MAX_PROJECTS_PER_ORGANIZATION - 5; i++) await create(`p${i}`);
    const racing = await Promise.all(Array.from({ length: 8 }, (_, i) => create(`r${i}`)));
    const outcomes = racing.map((r) => (r.body.data?.createProject as { __typename: string }).__typename);
    expect(outcomes.filter((o) => o === 'ProjectPayload')).toHaveLength(5);
    expect(outcomes.filter((o) => o === 'ValidationError')).toHaveLength(3);

    const refused = await create('one-more');
    expect(refused.body.data?.createProject).toEqual({
      __typename: 'ValidationError',
      issues: [{ path: ['input', 'organizationId'], message: `an organization can have at most ${MAX_PROJECTS_PER_ORGANIZATION} projects` }],
    });
    const counted = await post(`query($slug: String!) { organization(slug: $slug) { projects(first: 1) { totalCount } } }`, { slug: org.slug }, org.owner.token);
    expect((counted.body.data?.organization as { projects: { totalCount: number } }).projects.totalCount).toBe(MAX_PROJECTS_PER_ORGANIZATION);
  });
});
