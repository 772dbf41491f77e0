// npm run bench — starts Keysmith (PGlite by default; DATABASE_URL for PostgreSQL), drives it with autocannon and
// prints one table from a single run on the same server. Options: BENCH_DURATION (s, default 8), BENCH_CONNECTIONS (32).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { SignJWT } from 'jose';
import pg from 'pg';
import { projectRoot } from '../src/config.ts';
import { checksumOf } from '../src/domains/api-keys/key-format.ts';

const DURATION = Number(process.env.BENCH_DURATION ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const SECRET = randomBytes(32).toString('hex');
const METRICS_TOKEN = randomBytes(16).toString('hex');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function startServer() {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    JWT_SECRET: SECRET,
    METRICS_TOKEN: METRICS_TOKEN,
    LOG_LEVEL: 'info', // request logging stays on: it is part of what a production request costs
    // The failure throttle would turn the wrong-secret flood into cheap 429s within a second (tests cover that);
    // raised here so that the rows measure what bounds an unthrottled flood: argon2 concurrency.
    AUTH_FAILURES_PER_KEY_PER_MINUTE: '100000',
    AUTH_FAILURES_PER_IP_PER_MINUTE: '100000',
  };
  let cleanup = async () => {};
  if (process.env.DATABASE_URL) {
    const schema = `bench_${Date.now()}`;
    Object.assign(env, { DATABASE_URL: process.env.DATABASE_URL, DATABASE_SCHEMA: schema });
    cleanup = async () => {
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keysmith-bench-'));
    env.PGLITE_DATA_DIR = dir;
    const previous = cleanup;
    cleanup = async () => {
      await previous();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 600) throw new Error('server did not become ready');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    database: process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite',
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.on('exit', r));
      await cleanup();
    },
  };
}

async function gql(url: string, query: string, variables: unknown, authorization?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, Record<string, unknown>>; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

async function token(sub: string, roles: string[] = []) {
  return `Bearer ${await new SignJWT({ email: `${sub}@bench.test`, roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(SECRET))}`;
}

async function setup(url: string) {
  const owner = await token('bench-owner');
  const operator = await token('bench-operator', ['operator']);
  const org = (await gql(url, 'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { ... on OrganizationPayload { organization { id } } } }', { i: { name: 'Bench', slug: `bench-${Date.now()}` } }, owner)).createOrganization.organization as { id: string };
  await gql(url, 'mutation($i: SetOrganizationPlanInput!) { setOrganizationPlan(input: $i) { __typename } }', { i: { organizationId: org.id, plan: 'TEAM' } }, operator);
  const project = (await gql(url, 'mutation($i: CreateProjectInput!) { createProject(input: $i) { ... on ProjectPayload { project { id } } } }', { i: { organizationId: org.id, name: 'Bench', slug: 'bench' } }, owner)).createProject.project as { id: string };
  const workflow = (await gql(url, 'mutation($i: CreateWorkflowInput!) { createWorkflow(input: $i) { ... on WorkflowPayload { workflow { id } } } }', { i: { projectId: project.id, name: 'Bench', slug: 'bench' } }, owner)).createWorkflow.workflow as { id: string };
  const created = (await gql(url, 'mutation($i: CreateProjectApiKeyInput!) { createProjectApiKey(input: $i) { ... on CreateApiKeyPayload { secret } } }', { i: { projectId: project.id, name: 'bench', scopes: [{ scope: 'TRIGGER_WORKFLOWS' }], expiry: { policy: 'NEVER' } } }, owner)).createProjectApiKey as { secret: string };
  return { workflowId: workflow.id, secret: created.secret };
}

async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : NaN;
}

type Row = { name: string; rps: number; p50: number; p99: number; non2xx: number; statuses: string };

function load(name: string, url: string, options: Partial<autocannon.Options>): Promise<Row> {
  return new Promise((resolve, reject) => {
    autocannon(
      { url: `${url}/graphql`, method: 'POST', connections: CONNECTIONS, duration: DURATION, ...options },
      (error, result) => {
        if (error) return reject(error);
        const statuses = Object.entries(result.statusCodeStats ?? {})
          .map(([code, s]) => `${code}×${(s as { count: number }).count}`)
          .join(' ');
        resolve({ name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, statuses });
      },
    );
  });
}

/** Rounds of one scenario as one row: mean throughput, median of the rounds' percentiles, summed statuses. */
function combine(name: string, rounds: Row[]): Row {
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const counts = new Map<string, number>();
  for (const r of rounds) {
    for (const part of r.statuses.split(' ').filter(Boolean)) {
      const [code, n] = part.split('×');
      counts.set(code, (counts.get(code) ?? 0) + Number(n));
    }
  }
  return {
    name: `${name} (${rounds.length} alternating rounds)`,
    rps: rounds.reduce((sum, r) => sum + r.rps, 0) / rounds.length,
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    non2xx: rounds.reduce((sum, r) => sum + r.non2xx, 0),
    statuses: [...counts].map(([code, n]) => `${code}×${n}`).join(' '),
  };
}

/** A well-formed key with the real public id and a random wrong secret (valid checksum): only argon2 can reject it. */
function wrongSecretFor(secret: string): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  const body = `${secret.slice(0, 17)}${Array.from(randomBytes(32), (b) => alphabet[b % 62]).join('')}`;
  return body + checksumOf(body);
}

const server = await startServer();
try {
  const { workflowId, secret } = await setup(server.url);
  const minimal = JSON.stringify({ query: '{ __typename }' });
  const triggerBody = JSON.stringify({
    query: 'mutation($i: TriggerWorkflowInput!) { triggerWorkflow(input: $i) { __typename } }',
    variables: { i: { workflowId, payload: { bench: true } } },
  });
  const json = { 'content-type': 'application/json' };
  const rows: Row[] = [];
  const run = async (row: Promise<Row>) => {
    const r = await row;
    rows.push(r);
    console.error(`  done: ${r.name} (${Math.round(r.rps)} req/s)`);
    return r;
  };

  console.error(`Keysmith benchmark on ${server.database}: ${CONNECTIONS} connections, ${DURATION} s per row, one server process`);
  await run(load('warm-up (discarded)', server.url, { headers: json, body: minimal, duration: 2 }));
  rows.pop();
  const argonBefore = await metric(server.url, 'keysmith_argon2_verifications_total');
  // The two rows of the ratio alternate in short rounds, so that neither gains from running later (warmer JIT,
  // fuller caches) or loses to a burst of background work.
  const ROUNDS = 4;
  const bareRounds: Row[] = [];
  const keyedRounds: Row[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    bareRounds.push(await load('bare', server.url, { headers: json, body: minimal, duration: DURATION / 2 }));
    keyedRounds.push(await load('keyed', server.url, { headers: { ...json, authorization: `Bearer ${secret}` }, body: minimal, duration: DURATION / 2 }));
  }
  const bare = await run(Promise.resolve(combine('minimal query, no credentials', bareRounds)));
  const keyed = await run(Promise.resolve(combine('minimal query, valid API key', keyedRounds)));
  await run(load('triggerWorkflow, valid API key', server.url, { headers: { ...json, authorization: `Bearer ${secret}` }, body: triggerBody }));
  const argonForValid = (await metric(server.url, 'keysmith_argon2_verifications_total')) - argonBefore;
  await run(load('malformed key (401, no database)', server.url, { headers: { ...json, authorization: 'Bearer ksk_not_a_real_key' }, body: minimal }));
  await run(
    load('wrong secrets, distinct (401, argon2-bound)', server.url, {
      headers: json,
      body: minimal,
      requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, authorization: `Bearer ${wrongSecretFor(secret)}` } }) }],
    }),
  );

  // Valid traffic while a flood of distinct wrong secrets (each one an argon2 verification) hits the same server.
  const half = Math.max(1, Math.floor(CONNECTIONS / 2));
  const validAlone = await run(load(`valid API key alone (${half} connections)`, server.url, { headers: { ...json, authorization: `Bearer ${secret}` }, body: minimal, connections: half }));
  const [validUnderFlood, flood] = await Promise.all([
    load(`valid API key under wrong-secret flood (${half} + ${half} connections)`, server.url, { headers: { ...json, authorization: `Bearer ${secret}` }, body: minimal, connections: half }),
    load(`  the flood itself (distinct wrong secrets)`, server.url, {
      headers: json,
      body: minimal,
      connections: half,
      requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, authorization: `Bearer ${wrongSecretFor(secret)}` } }) }],
    }),
  ]);
  rows.push(validUnderFlood, flood);
  const argonQueue = await metric(server.url, 'keysmith_argon2_queue_length');

  const pct = (n: number) => `${(n * 100).toFixed(0)} %`;
  const table = rows.map((r) => ({
    scenario: r.name,
    'req/s': Math.round(r.rps),
    'p50 ms': r.p50,
    'p99 ms': r.p99,
    statuses: r.statuses,
  }));
  console.log(`\nKeysmith benchmark — ${server.database}, ${CONNECTIONS} connections, ${DURATION} s per row, ${os.cpus().length} CPUs`);
  console.table(table);
  console.log(`ratio authenticated ÷ unauthenticated (throughput): ${(keyed.rps / bare.rps).toFixed(3)} (goal ≥ 0.85)`);
  console.log(`p99 authenticated vs unauthenticated: ${keyed.p99} ms vs ${bare.p99} ms`);
  console.log(`argon2 verifications for the one valid key over all its requests above: ${argonForValid} (goal: exactly 1)`);
  console.log(
    `valid traffic under flood: p99 ${validUnderFlood.p99} ms vs ${validAlone.p99} ms alone (×${(validUnderFlood.p99 / Math.max(1, validAlone.p99)).toFixed(2)}), throughput ${pct(validUnderFlood.rps / validAlone.rps)} of alone; argon2 queue after the flood: ${argonQueue}`,
  );
} finally {
  await server.stop();
}
