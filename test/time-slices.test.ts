// Issue 22, F1: a request that resolves many objects gives the event loop back between time slices, so `/health`
// and other requests are answered during it rather than after it (src/lib/time-slice.ts, time-slice-plugin.ts).
// What is observable without timing: how many turns of the event loop pass while a query completes objects it has
// already loaded. With slices of 0 ms every resolver waits for a turn; without slicing, none pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, startTestApp, type TestApp } from './support/app.ts';
import { addMember, newOrg, newProject, newWorkflow } from './support/fixtures.ts';
import { projectKey } from './support/keys.ts';
import type { Database } from '../src/db/client.ts';
import { requestScope } from '../src/request-context.ts';
import { TimeSlicer } from '../src/lib/time-slice.ts';

let t: TestApp;
let db: Database;
/** Turns of the event loop counted by a chain of immediates while a test watches. */
let turns = 0;
/** `turns` when the request's executions came back from the database. */
let turnsAtLoad: number | null = null;

beforeAll(async () => {
  db = await openTestDatabase();
  const watched = db.prisma.$extends({
    query: {
      $allOperations: async ({ model, operation, args, query }) => {
        const result = await query(args);
        if (model === 'WorkflowExecution' && operation === 'findMany' && requestScope.getStore()) turnsAtLoad = turns;
        return result;
      },
    },
  }) as unknown as Database['prisma'];
  t = await startTestApp({ db: { ...db, prisma: watched }, env: { GRAPHQL_TIME_SLICE_MS: '0', METRICS_TOKEN: 'metrics-token-for-time-slices' } });
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
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

/** Runs `request` while an immediate chain counts turns of the event loop. */
async function countingTurns<T>(request: () => Promise<T>): Promise<T> {
  turns = 0;
  turnsAtLoad = null;
  let counting = true;
  const count = () => {
    turns++;
    if (counting) setImmediate(count);
  };
  setImmediate(count);
  try {
    return await request();
  } finally {
    counting = false;
  }
}

describe('resolvers run in time slices', () => {
  it('lets the event loop turn between the objects of one request (15 aliases of nodes over 20 executions), answering the same', { timeout: 120_000 }, async () => {
    const org = await newOrg(t.app, { plan: 'TEAM' });
    const member = await addMember(t.app, org, 'MEMBER');
    const project = await newProject(t.app, org);
    const workflow = await newWorkflow(t.app, org, project.id);
    const { secret } = await projectKey(t.app, org.owner, project.id);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const triggered = await post(
        'mutation($input: TriggerWorkflowInput!) { triggerWorkflow(input: $input) { ... on TriggerWorkflowPayload { execution { id } } } }',
        { input: { workflowId: workflow.id, payload: { i } } },
        secret,
      );
      ids.push((triggered.data?.triggerWorkflow as { execution: { id: string } }).execution.id);
    }
    const fields = Array.from({ length: 15 }, (_, i) => `a${i}: nodes(ids: $ids) { ... on WorkflowExecution { id } }`).join(' ');

    const result = await countingTurns(() => post(`query($ids: [ID!]!) { ${fields} }`, { ids }, member.token));

    expect(result.errors).toBeUndefined();
    for (let i = 0; i < 15; i++) expect(result.data![`a${i}`]).toEqual(ids.map((id) => ({ id })));
    expect(turnsAtLoad).not.toBeNull();
    // Each alias's 20 objects, and each object's fields, waited for a turn: far more than one turn per alias.
    expect(turns - turnsAtLoad!).toBeGreaterThan(15);
    const metrics = await (await t.app.fetch('http://keysmith.test/metrics', { headers: { authorization: 'Bearer metrics-token-for-time-slices' } })).text();
    expect(Number(/^keysmith_graphql_time_slice_pauses_total (\d+)$/m.exec(metrics)?.[1])).toBeGreaterThan(300);
  });
});

describe('TimeSlicer', () => {
  it('runs steps at once while the slice lasts, then in a later turn, asking again on resumption', async () => {
    const slicer = new TimeSlicer(5);
    const order: string[] = [];
    expect(slicer.run(() => order.push('first'))).toBe(1); // the first step of a turn starts its slice
    const started = performance.now();
    while (performance.now() - started < 6) {
      // spend the slice
    }
    setImmediate(() => order.push('other work'));
    const later = [slicer.run(() => order.push('a')), slicer.run(() => order.push('b'))];
    expect(later.every((r) => r instanceof Promise)).toBe(true);
    await Promise.all(later);
    // Work waiting for the next turn (as a socket's would) ran before the paused steps, which kept their order.
    expect(order).toEqual(['first', 'other work', 'a', 'b']);
    expect(slicer.pauses).toBeGreaterThanOrEqual(2);
  });
});
