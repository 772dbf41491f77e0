// The webhook row of `npm run bench` (BENCH_ONLY=webhooks, PostgreSQL): one delivering instance and a fast receiver
// on loopback (200 at once, nothing verified: the receiver's own cost stays out of the figure).
// - throughput: BENCH_WEBHOOK_EVENTS events (default 10,000) written at once with SQL into the outbox of
//   BENCH_WEBHOOK_ENDPOINTS endpoints (default 8; the statement's trigger notifies as a mutation's would), and the
//   time until the receiver has them all: events/s delivered by the instance (goal ≥ 1,000);
// - latency: BENCH_WEBHOOK_TRIALS (default 200) key updates through the API one after another, each waiting for its
//   event, with the queue empty: from the moment the mutation is sent (before its commit, so an over-estimate) to the
//   receiver's arrival; p50 / p99 / max (goal p99 ≤ 100 ms).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { cpuSeconds } from './mixed.ts';

type Gql = (url: string, query: string, variables: unknown, authorization?: string) => Promise<Record<string, Record<string, unknown>>>;

export type WebhookBenchSetup = {
  url: string;
  /** The delivering server's process id (its CPU time is read from /proc). */
  pid: number;
  databaseUrl: string;
  schema: string;
  owner: string;
  organizationId: string;
  projectId: string;
  gql: Gql;
};

/** Receives webhooks on loopback: answers 200 at once and notes when each arrived. */
async function fastReceiver() {
  const arrivals: number[] = [];
  let waiting: { count: number; resolve: () => void } | null = null;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      arrivals.push(performance.now());
      res.writeHead(200, { 'content-length': '2' });
      res.end('ok');
      if (waiting && arrivals.length >= waiting.count) {
        waiting.resolve();
        waiting = null;
      }
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path: string) => `http://127.0.0.1:${port}/${path}`,
    arrivals,
    until: (count: number, timeoutMs: number) =>
      new Promise<boolean>((resolve) => {
        if (arrivals.length >= count) return resolve(true);
        const timer = setTimeout(() => resolve(false), timeoutMs);
        waiting = {
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve(true);
          },
        };
      }),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const at = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

export async function webhooksBench(setup: WebhookBenchSetup): Promise<string[]> {
  const events = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 10_000);
  const endpoints = Number(process.env.BENCH_WEBHOOK_ENDPOINTS ?? 8);
  const trials = Number(process.env.BENCH_WEBHOOK_TRIALS ?? 200);
  const receiver = await fastReceiver();
  const client = new pg.Client({ connectionString: setup.databaseUrl });
  await client.connect();
  try {
    await client.query(`SET search_path TO "${setup.schema}"`);
    const { url, owner, organizationId, projectId, gql } = setup;
    for (let i = 0; i < endpoints; i++) {
      const made = await gql(url, 'mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { __typename ... on Error { message } } }', { i: { organizationId, url: receiver.url(`hook-${i}`), events: ['API_KEY_UPDATED'] } }, owner);
      if (made.createWebhookEndpoint.__typename !== 'CreateWebhookEndpointPayload') throw new Error(JSON.stringify(made));
    }
    const dbOrg = Buffer.from(organizationId, 'base64url').toString('utf8').split(':')[1];

    // Latency first, queue empty: one key update at a time, each waiting for its event.
    const created = (await gql(url, 'mutation($i: CreateProjectApiKeyInput!) { createProjectApiKey(input: $i) { ... on CreateApiKeyPayload { apiKey { id } } } }', { i: { projectId, name: 'webhook bench', scopes: [{ scope: 'TRIGGER_WORKFLOWS' }], expiry: { policy: 'NEVER' } } }, owner)).createProjectApiKey as { apiKey: { id: string } };
    const latencies: number[] = [];
    for (let i = 0; i < trials; i++) {
      const expected = receiver.arrivals.length + endpoints;
      const sent = performance.now();
      await gql(url, 'mutation($i: UpdateApiKeyInput!) { updateApiKey(input: $i) { __typename } }', { i: { id: created.apiKey.id, name: `webhook bench ${i}` } }, owner);
      if (!(await receiver.until(expected, 10_000))) throw new Error(`trial ${i}: the event did not arrive within 10 s`);
      // Every endpoint's copy counts: the slowest of them is the figure.
      latencies.push(receiver.arrivals[expected - 1] - sent);
    }
    latencies.sort((a, b) => a - b);
    console.error(`  webhooks: ${trials} trials, p99 ${at(latencies, 0.99).toFixed(1)} ms`);

    // Throughput: a burst written at once.
    const before = receiver.arrivals.length;
    const perEndpoint = Math.ceil(events / endpoints);
    const cpuBefore = cpuSeconds(setup.pid);
    const written = performance.now();
    const inserted = await client.query(
      `INSERT INTO "WebhookDelivery" (id, "organizationId", "endpointId", "eventId", "eventType", payload, "nextAttemptAt", "createdAt")
       SELECT gen_random_uuid(), e."organizationId", e.id, gen_random_uuid(), 'api_key.updated',
              jsonb_build_object('apiKey', jsonb_build_object('name', 'burst ' || i)), now(), now()
       FROM "WebhookEndpoint" e, generate_series(1, $2::int) AS i WHERE e."organizationId" = $1::uuid`,
      [dbOrg, perEndpoint],
    );
    const total = inserted.rowCount ?? 0;
    const arrived = await receiver.until(before + total, 600_000);
    const seconds = ((arrived ? receiver.arrivals[before + total - 1] : performance.now()) - written) / 1000;
    const got = receiver.arrivals.length - before;
    const perCpuSecond = got / (cpuSeconds(setup.pid) - cpuBefore);
    const rate = got / seconds;
    const pending = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "WebhookDelivery" WHERE status = 'PENDING'`);
    console.table([
      { measure: `burst of ${total.toLocaleString('en')} events over ${endpoints} endpoints`, value: `${got} delivered in ${seconds.toFixed(2)} s: ${Math.round(rate)} events/s; ${Math.round(perCpuSecond)} per CPU-second of the server`, 'left pending': pending.rows[0].n },
      { measure: `commit → receiver, queue empty (${trials} trials, all ${endpoints} copies)`, value: `p50 ${at(latencies, 0.5).toFixed(1)} ms, p99 ${at(latencies, 0.99).toFixed(1)} ms, max ${latencies[latencies.length - 1].toFixed(1)} ms` },
    ]);
    return [
      `webhooks: ${Math.round(rate)} events/s delivered by one instance to a loopback receiver (${total.toLocaleString('en')} events, ${endpoints} endpoints; goal ≥ 1,000) ${rate >= 1000 && got === total ? 'MET' : 'NOT MET'}`,
      `webhooks: from the mutation's request (before its commit) to the receiver, queue empty: p50 ${at(latencies, 0.5).toFixed(1)} ms, p99 ${at(latencies, 0.99).toFixed(1)} ms (goal p99 ≤ 100 ms) ${at(latencies, 0.99) <= 100 ? 'MET' : 'NOT MET'}`,
    ];
  } finally {
    await client.end();
    await receiver.close();
  }
}
