import fs from 'node:fs';
import net from 'node:net';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TEST_JWT_SECRET, sharedApp, startTestApp, type TestApp } from './support/app.ts';
import { dbId, newOrg, newProject, newWorkflow, midWindowClock } from './support/fixtures.ts';
import { projectKey, wrongSecret } from './support/keys.ts';
import { migratedPgliteDir, remote, startServerProcess, type ServerProcess } from './support/process.ts';

type Client = { fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response> };
type Body = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };

async function gql(client: Client, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await client.fetch('http://keysmith.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as Body };
}

const TRIGGER = `mutation Trigger($input: TriggerWorkflowInput!) {
  triggerWorkflow(input: $input) { __typename ... on Error { message } }
}`;

/** A TEAM organization with one project whose workflow has `count` executions carrying `payloadBytes` of JSON each. */
async function seedExecutions(client: Client, count: number, payloadBytes: number) {
  const org = await newOrg(client, { plan: 'TEAM' });
  const project = await newProject(client, org);
  const workflow = await newWorkflow(client, org, project.id);
  const { secret } = await projectKey(client, org.owner, project.id);
  const blob = 'x'.repeat(payloadBytes - 20);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      const result = await gql(client, TRIGGER, { input: { workflowId: workflow.id, payload: { blob } } }, secret);
      expect(result.text).toContain('TriggerWorkflowPayload');
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return { org, project };
}

/** `aliases` copies of a project's executions page, page size and project id passed as variables. */
function executionsQuery(aliases: number): string {
  const fields = Array.from(
    { length: aliases },
    (_, i) => `p${i}: node(id: $project) { ... on Project { executions(first: $n) { edges { node { payload } } } } }`,
  );
  return `query Executions($project: ID!, $n: Int) { ${fields.join(' ')} }`;
}

function nodesQuery(aliases: number): string {
  const fields = Array.from({ length: aliases }, (_, i) => `n${i}: nodes(ids: $ids) { id }`);
  return `query Nodes($ids: [ID!]!) { ${fields.join(' ')} }`;
}

const repeated = (id: string, n: number): string[] => Array.from({ length: n }, () => id);

// One app for the file (sharedApp), closed once at the end; the describes with special settings start their own.
let t: TestApp;
beforeAll(async () => {
  t = await sharedApp();
});
afterAll(() => t.close());

describe('query limits count variables and bound lists', () => {
  const nested = (n: string) =>
    `query Nested($slug: String!${n.startsWith('$') ? ', $n: Int' : ''}) { organization(slug: $slug) { projects(first: ${n}) { edges { node { workflows(first: ${n}) { edges { node { id name slug } } } apiKeys(first: ${n}) { edges { node { id name prefix } } } } } } } }`;

  it('counts first/last given as variables like literals', async () => {
    const org = await newOrg(t.app);
    const literal = await gql(t.app, nested('100'), { slug: org.slug }, org.owner.token);
    expect(literal.body.errors?.[0]?.extensions?.limit, literal.text).toBe('cost');
    const variable = await gql(t.app, nested('$n'), { slug: org.slug, n: 100 }, org.owner.token);
    expect(variable.status).toBe(400);
    expect(variable.body.data ?? null).toBeNull();
    expect(variable.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    // A default value counts too.
    const byDefault = await gql(t.app, nested('$n').replace('$n: Int', '$n: Int = 100'), { slug: org.slug }, org.owner.token);
    expect(byDefault.body.errors?.[0]?.extensions?.limit, byDefault.text).toBe('cost');
    const small = await gql(t.app, nested('$n'), { slug: org.slug, n: 3 }, org.owner.token);
    expect(small.status, small.text).toBe(200);
    expect(small.body.errors).toBeUndefined();
  });

  it('counts a connection without first/last at its default page size', async () => {
    const org = await newOrg(t.app);
    // 20 × 20 × 20 rows by default: far over the limit, although no page size is written.
    const query = `query($slug: String!) { organization(slug: $slug) { projects { edges { node { workflows { edges { node { id name } } } apiKeys { edges { node { id name } } } } } } } }`;
    const result = await gql(t.app, query, { slug: org.slug }, org.owner.token);
    expect(result.body.errors?.[0]?.extensions?.limit, result.text).toBe('cost');
  });

  it('states which limit was exceeded in plain words, without "Syntax Error" or internal figures', async () => {
    const org = await newOrg(t.app);
    const cases: [string, string, RegExp][] = [
      ['cost', nested('100'), /cost limit exceeded/],
      ['depth', `{ viewer { organizations { edges { node { organization { projects { edges { node { organization { projects { edges { node { id } } } } } } } } } } } } }`, /depth limit exceeded: nest fields at most 12 levels/],
      ['aliases', `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: viewer { subject }`).join(' ')} }`, /at most 15 aliases/],
      ['directives', `{ ${Array.from({ length: 11 }, (_, i) => `a${i}: __typename @include(if: true)`).join(' ')} }`, /at most 10 directives/],
      ['tokens', `{ ${'__typename '.repeat(2001)} }`, /at most 2000 tokens/],
    ];
    for (const [limit, query, message] of cases) {
      const result = await gql(t.app, query, { slug: org.slug }, org.owner.token);
      const error = result.body.errors?.[0];
      expect(result.body.data ?? null, `${limit}: ${result.text}`).toBeNull();
      expect(error?.message).toMatch(message);
      expect(error?.message).not.toMatch(/Syntax Error|found \d/);
      expect(error?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit });
    }
    const cost = await gql(t.app, nested('100'), { slug: org.slug }, org.owner.token);
    expect(cost.body.errors?.[0]?.message).not.toMatch(/\d/);
  });

  it('refuses nodes(ids:) with more than 100 ids, as a literal or a variable, and serves 100', async () => {
    const org = await newOrg(t.app);
    const project = await newProject(t.app, org);
    const ids = repeated(project.id, 101);
    const asVariable = await gql(t.app, nodesQuery(1), { ids }, org.owner.token);
    expect(asVariable.status, asVariable.text).toBe(400);
    expect(asVariable.body.errors?.[0]).toMatchObject({
      message: '"ids" of nodes must have at most 100 items',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const literal = await gql(t.app, `{ nodes(ids: ${JSON.stringify(ids)}) { id } }`, {}, org.owner.token);
    expect(literal.body.errors?.[0]?.message, literal.text).toBe('"ids" of nodes must have at most 100 items');
    const hundred = await gql(t.app, nodesQuery(1), { ids: ids.slice(1) }, org.owner.token);
    expect(hundred.status, hundred.text).toBe(200);
    expect((hundred.body.data?.n0 as unknown[]).length).toBe(100);
  });

  it('counts the ids of nodes(ids:) in the cost', async () => {
    const org = await newOrg(t.app);
    const project = await newProject(t.app, org);
    // 100 projects × their default page of 20 executions each: over the limit though it has no page size.
    const query = `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Project { workflows { edges { node { id name slug } } } } } }`;
    const result = await gql(t.app, query, { ids: repeated(project.id, 100) }, org.owner.token);
    expect(result.body.errors?.[0]?.extensions?.limit, result.text).toBe('cost');
  });
});

describe('response-size budget', () => {
  let budgeted: TestApp;
  beforeAll(async () => {
    budgeted = await startTestApp({ env: { MAX_RESPONSE_BYTES: String(128 * 1024) } });
  });
  afterAll(() => budgeted.close());

  const expectTooLarge = (result: Awaited<ReturnType<typeof gql>>) => {
    expect(result.status, result.text.slice(0, 300)).toBe(400);
    expect(result.body.data ?? null).toBeNull();
    expect(result.body.errors).toHaveLength(1);
    expect(result.body.errors![0].message).toMatch(/^Response too large: it would exceed the limit of 128 KiB per request/);
    expect(result.body.errors![0].extensions?.code).toBe('RESPONSE_TOO_LARGE');
    expect(result.text.length).toBeLessThan(1000);
  };

  it('refuses, before loading anything, a query whose payloads could exceed the budget (64 KiB each)', async () => {
    const { org, project } = await seedExecutions(budgeted.app, 3, 1024);
    // Three small payloads exist, but three may be 64 KiB each: 192 KiB > 128 KiB.
    expectTooLarge(await gql(budgeted.app, executionsQuery(1), { project: project.id, n: 3 }, org.owner.token));
    const under = await gql(budgeted.app, executionsQuery(1), { project: project.id, n: 2 }, org.owner.token);
    expect(under.status, under.text).toBe(200);
    expect((under.body.data?.p0 as { executions: { edges: unknown[] } }).executions.edges).toHaveLength(2);
  });

  it('stops a response that grows over the budget while it runs, with one clear error', async () => {
    const org = await newOrg(budgeted.app, { plan: 'TEAM' });
    const project = await newProject(budgeted.app, org);
    const { apiKey } = await projectKey(budgeted.app, org.owner, project.id, { name: 'n'.repeat(100) });
    await gql(
      budgeted.app,
      `mutation($input: UpdateApiKeyInput!) { updateApiKey(input: $input) { __typename } }`,
      { input: { id: apiKey.id, note: 'x'.repeat(500) } },
      org.owner.token,
    );
    const notes = (aliases: number) =>
      `query($ids: [ID!]!) { ${Array.from({ length: aliases }, (_, i) => `k${i}: nodes(ids: $ids) { ... on ApiKey { name note } }`).join(' ')} }`;
    const ids = repeated(apiKey.id, 100);
    // 3 × 100 × ~600 bytes ≈ 180 KB > 128 KiB; one alias (≈ 60 KB) is fine.
    expectTooLarge(await gql(budgeted.app, notes(3), { ids }, org.owner.token));
    const under = await gql(budgeted.app, notes(1), { ids }, org.owner.token);
    expect(under.status, under.text.slice(0, 300)).toBe(200);
    expect((under.body.data?.k0 as { note: string }[])[99].note).toHaveLength(500);
  });
});

describe('a server under resource attacks', () => {
  let server: ServerProcess;
  let client: Client;
  beforeAll(async () => {
    const database = inject('database');
    server = await startServerProcess({
      NODE_ENV: 'production',
      JWT_SECRET: TEST_JWT_SECRET,
      // A loose cost limit, so that the response budget (16 MiB by default) is what stops the third attack.
      GRAPHQL_MAX_COST: '20000',
      ...(database.kind === 'postgres'
        ? { DATABASE_URL: database.url, DATABASE_SCHEMA: database.schema }
        : { PGLITE_DATA_DIR: migratedPgliteDir() }),
    });
    client = remote(server.url);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('refuses each attack with a clear error while /health answers in under 100 ms', async () => {
    const { org, project } = await seedExecutions(client, 100, 60 * 1024);
    const token = org.owner.token;
    const variables = { project: project.id, n: 100 };

    // /health is probed from a worker thread, so that this process's own work (sending the attacks, reading their
    // answers) does not count against the server's response time.
    const probe = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
      let attacking = true;
      parentPort.on('message', () => { attacking = false; });
      (async () => {
        // One untimed request first: the worker's first fetch loads and compiles its HTTP client (undici), which is
        // the probe's own cost (up to ~150 ms here), not the server's.
        await (await fetch(workerData.url)).text();
        const times = [];
        while (attacking) {
          const started = performance.now();
          const response = await fetch(workerData.url);
          await response.text();
          if (response.status !== 200) throw new Error('/health answered ' + response.status);
          times.push(performance.now() - started);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        parentPort.postMessage(times);
      })();`,
      { eval: true, workerData: { url: `${server.url}/health` } },
    );
    const probed = new Promise<number[]>((resolve, reject) => {
      probe.once('message', resolve);
      probe.once('error', reject);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));

    const peakRss = () => Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${server.child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    const rssBefore = peakRss();
    const ids = repeated(project.id, 3000);
    const started = performance.now();
    const results: { attack: string; status: number; text: string; body: Body }[] = [];
    const attack = async (name: string, count: number, send: () => ReturnType<typeof gql>) => {
      for (const result of await Promise.all(Array.from({ length: count }, send))) results.push({ attack: name, ...result });
    };
    for (let round = 0; round < 3; round++) {
      // 1. Fifteen aliases of a 100-item page of 60 KB payloads, the page size as a variable; five at once.
      await attack('cost', 5, () => gql(client, executionsQuery(15), variables, token));
      // 2. Fifteen aliases of nodes(ids:) with 3,000 ids (one variable); five at once.
      await attack('list', 5, () => gql(client, nodesQuery(15), { ids }, token));
      // 3. Under the (loosened) cost limit, but 5 × 100 payloads of up to 64 KiB: over the response budget.
      await attack('size', 5, () => gql(client, executionsQuery(5), variables, token));
    }
    const attackMs = performance.now() - started;
    probe.postMessage('stop');
    const healthTimes = await probed;
    await probe.terminate();

    for (const result of results) {
      expect(result.status, `${result.attack}: ${result.text.slice(0, 300)}`).toBe(400);
      expect(result.text.length).toBeLessThan(1000);
      const error = result.body.errors?.[0];
      if (result.attack === 'cost') expect(error?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
      if (result.attack === 'list') expect(error?.message).toBe('"ids" of nodes must have at most 100 items');
      if (result.attack === 'size') expect(error?.extensions?.code).toBe('RESPONSE_TOO_LARGE');
    }
    // The server still serves a normal page.
    const page = await gql(client, executionsQuery(1), { project: project.id, n: 10 }, token);
    expect(page.status).toBe(200);

    const worst = Math.max(...healthTimes);
    console.log(
      `${results.length} attacks took ${Math.round(attackMs)} ms; /health probed ${healthTimes.length} times, slowest ${worst.toFixed(1)} ms (${healthTimes.map((t) => t.toFixed(0)).join(', ')}); ` +
        `server peak RSS ${Math.round(rssBefore)} MB before the attacks, ${Math.round(peakRss())} MB after`,
    );
    expect(healthTimes.length).toBeGreaterThan(3);
    expect(worst).toBeLessThan(100);
  }, 180_000);
});

describe('wrong-secret throttle under concurrency', () => {

  it('lets exactly 20 of 33 concurrent wrong secrets for one untagged key id reach argon2', async () => {
    const own = await startTestApp({
      clock: midWindowClock(),
      env: { AUTH_FAILURES_PER_KEY_PER_MINUTE: '20', AUTH_FAILURES_PER_IP_PER_MINUTE: '1000' },
    });
    try {
      const org = await newOrg(own.app, { plan: 'TEAM' });
      const { secret, apiKey } = await projectKey(own.app, org.owner, (await newProject(own.app, org)).id);
      // A key from before verification tags (or from another tag secret): argon2 decides its secrets.
      await own.db.prisma.apiKey.update({ where: { id: dbId(apiKey.id) }, data: { secretTag: null } });
      const before = own.app.verifier.stats.argon2Verifications;
      const results = await Promise.all(
        Array.from({ length: 33 }, () => gql(own.app, '{ currentApiKey { prefix } }', {}, wrongSecret(secret))),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(20);
      expect(statuses.filter((s) => s === 429)).toHaveLength(13);
      expect(own.app.verifier.stats.argon2Verifications - before).toBe(20);
      // Untagged and not verified yet on this instance, the real secret cannot be told from a guess without argon2,
      // and the budget is spent: it waits for the window too. (Tagged keys never do: test/key-verification.test.ts.)
      expect((await gql(own.app, '{ currentApiKey { prefix } }', {}, secret)).status).toBe(429);
    } finally {
      await own.close();
    }
  }, 60_000);
});

describe('input hygiene', () => {
  it('treats % and _ in ApiKeyFilter.search as plain characters', async () => {
    const org = await newOrg(t.app, { plan: 'TEAM' });
    const project = await newProject(t.app, org);
    for (const name of ['deploy key', '100% coverage', 'ci_bot', 'cixbot']) await projectKey(t.app, org.owner, project.id, { name });
    const search = async (text: string) => {
      const result = await gql(
        t.app,
        `query($slug: String!, $search: String!) { organization(slug: $slug) { apiKeys(filter: { search: $search }) { edges { node { name } } } } }`,
        { slug: org.slug, search: text },
        org.owner.token,
      );
      const edges = (result.body.data?.organization as { apiKeys: { edges: { node: { name: string } }[] } }).apiKeys.edges;
      return edges.map((e) => e.node.name).sort();
    };
    expect(await search('%')).toEqual(['100% coverage']);
    expect(await search('ci_')).toEqual(['ci_bot']);
    expect(await search('_')).toEqual(['ci_bot']);
    expect(await search('\\')).toEqual([]);
  });

  it('answers a global id of an unknown type like any other id that does not resolve', async () => {
    const org = await newOrg(t.app);
    const project = await newProject(t.app, org);
    const foreign = Buffer.from(`Bogus:${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`).toString('base64');
    const single = await gql(t.app, `query($id: ID!) { node(id: $id) { id } }`, { id: foreign }, org.owner.token);
    expect(single.text).not.toMatch(/implemented|Bogus/);
    expect(single.body.data).toEqual({ node: null });
    const many = await gql(t.app, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [foreign, project.id] }, org.owner.token);
    expect(many.text).not.toMatch(/implemented|Bogus/);
    expect(many.body.data).toEqual({ nodes: [null, { id: project.id }] });
  });

  it('does not echo the request body in the invalid-JSON error', async () => {
    const response = await t.app.fetch('http://keysmith.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": "{ viewer { subject } }", "secretish": sk_live_abcdef',
    });
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(text).not.toMatch(/sk_live|secretish|viewer/);
    expect(JSON.parse(text).errors[0]).toEqual({ message: 'POST body sent invalid JSON.', extensions: { code: 'BAD_REQUEST' } });
  });

  it('keeps a well-formed x-request-id, and replaces any other with its own', async () => {
    const org = await newOrg(t.app);
    const create = async (requestId: string) => {
      const response = await t.app.fetch('http://keysmith.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${org.owner.token}`, 'x-request-id': requestId },
        body: JSON.stringify({
          query: `mutation($input: CreateProjectInput!) { createProject(input: $input) { __typename } }`,
          variables: { input: { organizationId: org.id, name: 'P', slug: `p-${Math.random().toString(36).slice(2, 10)}` } },
        }),
      });
      expect(await response.text()).toContain('ProjectPayload');
      return response.headers.get('x-request-id');
    };
    const accepted = ['trace:4bf92f35-00f067aa0ba902b7', 'a', 'x'.repeat(64)];
    const refused = ['<script>alert(1)</script>', 'x'.repeat(65), 'two words', 'ünï'];
    for (const id of accepted) expect(await create(id)).toBe(id);
    for (const id of refused) expect(await create(id)).toMatch(/^[0-9a-f-]{36}$/);
    const audit = await gql(
      t.app,
      `query($slug: String!) { organization(slug: $slug) { auditEvents(first: 20) { edges { node { action requestId } } } } }`,
      { slug: org.slug },
      org.owner.token,
    );
    const stored = (audit.body.data?.organization as { auditEvents: { edges: { node: { action: string; requestId: string } }[] } }).auditEvents.edges
      .filter((e) => e.node.action === 'PROJECT_CREATE')
      .map((e) => e.node.requestId);
    expect(stored).toHaveLength(accepted.length + refused.length);
    for (const id of accepted) expect(stored).toContain(id);
    for (const id of stored) expect(id).toMatch(/^[A-Za-z0-9._:-]{1,64}$/);
  });
});

describe('payload depth (unit)', () => {
  const arrays = (levels: number) => JSON.parse('['.repeat(levels) + ']'.repeat(levels));
  const objects = (levels: number) => JSON.parse(`${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`);

  it.each([
    ['arrays', arrays],
    ['objects', objects],
  ])('accepts %s nested 32 levels deep and refuses 33', async (_kind, nest) => {
    const { payloadJson, MAX_PAYLOAD_DEPTH } = await import('../src/domains/executions/payload.ts');
    expect(MAX_PAYLOAD_DEPTH).toBe(32);
    expect(() => payloadJson(nest(32))).not.toThrow();
    expect(() => payloadJson(nest(33))).toThrow(/at most 32 levels/);
    // Inside an object, a list adds its own levels to the object's.
    expect(() => payloadJson({ list: nest(31) })).not.toThrow();
    expect(() => payloadJson({ list: nest(32) })).toThrow(/at most 32 levels/);
  });
});

describe('slow clients', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess({
      NODE_ENV: 'test',
      JWT_SECRET: TEST_JWT_SECRET,
      PGLITE_DATA_DIR: migratedPgliteDir(),
      HTTP_HEADERS_TIMEOUT_MS: '1000',
      HTTP_REQUEST_TIMEOUT_MS: '2000',
    });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  /** Opens a connection, sends `first`, then one more byte every 200 ms; resolves with how long the server kept it open. */
  function trickle(first: string, drip: string): Promise<{ ms: number; answer: string }> {
    const { port } = new URL(server.url);
    return new Promise((resolve) => {
      const started = performance.now();
      let answer = '';
      const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(first));
      const timer = setInterval(() => socket.writable && socket.write(drip), 200);
      socket.on('data', (d) => (answer += d));
      socket.on('error', () => {});
      socket.on('close', () => {
        clearInterval(timer);
        resolve({ ms: performance.now() - started, answer });
      });
    });
  }

  it('closes a connection whose headers trickle in, after HTTP_HEADERS_TIMEOUT_MS', async () => {
    const { ms, answer } = await trickle('POST /graphql HTTP/1.1\r\nHost: x\r\n', 'X');
    console.log(`slow headers: closed after ${Math.round(ms)} ms`);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeLessThan(4000);
  }, 20_000);

  it('closes a request whose body trickles in, after HTTP_REQUEST_TIMEOUT_MS', async () => {
    const head = 'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{';
    const { ms, answer } = await trickle(head, ' ');
    console.log(`slow body: closed after ${Math.round(ms)} ms`);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeLessThan(5000);
  }, 20_000);
});
