// The mixed-load row of `npm run bench` (BENCH_ONLY=mixed, PostgreSQL): an organization of BENCH_MIX_KEYS keys (default
// 10,000, seeded with SQL), then
// - 80/20: of BENCH_CONNECTIONS connections, 80 % send triggerWorkflow and 20 % ask for the organization's first key
//   page (the console's page of 20, newest first) back to back; each group alone, then both at once, in alternating
//   rounds: list p99 under the mix ÷ alone (goal ≤ 3), trigger throughput under the mix ÷ alone (goal ≥ 0.9);
// - server CPU per request: BENCH_MIX_CPU_REQUESTS (default 300) list pages, then as many triggers, one at a time,
//   and the server process's CPU time (user + system, /proc) for each: a list page ÷ a trigger (goal ≤ 2).
import fs from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';
import { SecretTags } from '../src/lib/secret-tag.ts';
import { seedKeys } from './key-cache.ts';
import { ORG_PAGE } from './lists.ts';

export type MixedBenchSetup = {
  url: string;
  pid: number;
  databaseUrl: string;
  schema: string;
  tagSecret: string;
  owner: string;
  organizationId: string;
  workflowId: string;
  secret: string;
  duration: number;
  connections: number;
};

type Load = { rps: number; p99: number; p50: number; statuses: string };

function run(url: string, connections: number, seconds: number, headers: Record<string, string>, body: string): Promise<Load> {
  return new Promise((resolve, reject) =>
    autocannon({ url: `${url}/graphql`, method: 'POST', connections, duration: seconds, headers: { 'content-type': 'application/json', ...headers }, body }, (error, r) => {
      if (error) return reject(error);
      const statuses = Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => `${code}×${(s as { count: number }).count}`).join(' ');
      resolve({ rps: r.requests.average, p99: r.latency.p99, p50: r.latency.p50, statuses });
    }),
  );
}

/** CPU seconds (user + system) the process has used, from /proc (Linux). */
export function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100 per second)
}

export async function mixedBench(setup: MixedBenchSetup): Promise<string[]> {
  const keys = Number(process.env.BENCH_MIX_KEYS ?? 10_000);
  const cpuRequests = Number(process.env.BENCH_MIX_CPU_REQUESTS ?? 300);
  const client = new pg.Client({ connectionString: setup.databaseUrl });
  await client.connect();
  try {
    await client.query(`SET search_path TO "${setup.schema}"`);
    const started = performance.now();
    await seedKeys(client, setup.secret.slice(4, 16), SecretTags.derive(setup.tagSecret, 'keysmith api-key secret tags'), keys);
    console.error(`  mixed: ${keys.toLocaleString('en')} keys seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await client.end();
  }
  const trigger = {
    headers: { authorization: `Bearer ${setup.secret}` },
    body: JSON.stringify({ query: 'mutation($i: TriggerWorkflowInput!) { triggerWorkflow(input: $i) { __typename } }', variables: { i: { workflowId: setup.workflowId, payload: { bench: true } } } }),
  };
  const list = { headers: { authorization: setup.owner }, body: JSON.stringify({ query: ORG_PAGE, variables: { org: setup.organizationId, first: 20 } }) };
  const check = await (await fetch(`${setup.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...list.headers }, body: list.body })).json() as { data?: { node?: { apiKeys?: { edges: unknown[] } } } };
  if (check.data?.node?.apiKeys?.edges.length !== 20) throw new Error(`the list page did not answer 20 keys: ${JSON.stringify(check).slice(0, 300)}`);

  // Server CPU per request, one at a time (warmed first).
  const cpuPer = async (what: typeof trigger, n: number) => {
    for (let i = 0; i < 20; i++) await (await fetch(`${setup.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...what.headers }, body: what.body })).text();
    const before = cpuSeconds(setup.pid);
    for (let i = 0; i < n; i++) {
      const response = await fetch(`${setup.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...what.headers }, body: what.body });
      if (!response.ok) throw new Error(`status ${response.status}`);
      await response.text();
    }
    return ((cpuSeconds(setup.pid) - before) / n) * 1000;
  };
  const listCpu: number[] = [];
  const triggerCpu: number[] = [];
  for (let round = 0; round < 2; round++) {
    listCpu.push(await cpuPer(list, cpuRequests / 2));
    triggerCpu.push(await cpuPer(trigger, cpuRequests / 2));
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const cpuRatio = mean(listCpu) / mean(triggerCpu);

  const triggerConnections = Math.max(1, Math.round(setup.connections * 0.8));
  const listConnections = Math.max(1, setup.connections - triggerConnections);
  const seconds = setup.duration / 2;
  const alone = { trigger: [] as Load[], list: [] as Load[] };
  const mixed = { trigger: [] as Load[], list: [] as Load[] };
  await run(setup.url, triggerConnections, 2, trigger.headers, trigger.body); // warm-up
  for (let round = 0; round < 2; round++) {
    alone.trigger.push(await run(setup.url, triggerConnections, seconds, trigger.headers, trigger.body));
    alone.list.push(await run(setup.url, listConnections, seconds, list.headers, list.body));
    const [t, l] = await Promise.all([
      run(setup.url, triggerConnections, seconds, trigger.headers, trigger.body),
      run(setup.url, listConnections, seconds, list.headers, list.body),
    ]);
    mixed.trigger.push(t);
    mixed.list.push(l);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const p99 = (xs: Load[]) => median(xs.map((x) => x.p99));
  const rps = (xs: Load[]) => mean(xs.map((x) => x.rps));
  console.table([
    { scenario: `triggers alone (${triggerConnections} connections)`, 'req/s': Math.round(rps(alone.trigger)), 'p99 ms': p99(alone.trigger), statuses: alone.trigger.map((x) => x.statuses).join(' ') },
    { scenario: `list pages alone (${listConnections} connections)`, 'req/s': Math.round(rps(alone.list)), 'p99 ms': p99(alone.list), statuses: alone.list.map((x) => x.statuses).join(' ') },
    { scenario: 'triggers under the mix', 'req/s': Math.round(rps(mixed.trigger)), 'p99 ms': p99(mixed.trigger), statuses: mixed.trigger.map((x) => x.statuses).join(' ') },
    { scenario: 'list pages under the mix', 'req/s': Math.round(rps(mixed.list)), 'p99 ms': p99(mixed.list), statuses: mixed.list.map((x) => x.statuses).join(' ') },
  ]);
  const listRatio = p99(mixed.list) / Math.max(1, p99(alone.list));
  const triggerRatio = rps(mixed.trigger) / rps(alone.trigger);
  return [
    `mixed 80/20 (${keys.toLocaleString('en')} keys, 2 alternating rounds): list p99 under the mix ÷ alone ${listRatio.toFixed(2)} (${p99(mixed.list)} vs ${p99(alone.list)} ms; goal ≤ 3) ${listRatio <= 3 ? 'MET' : 'NOT MET'}; ` +
      `trigger throughput under the mix ÷ alone ${triggerRatio.toFixed(3)} (goal ≥ 0.9) ${triggerRatio >= 0.9 ? 'MET' : 'NOT MET'}`,
    `server CPU per request, one at a time: a key list page ${mean(listCpu).toFixed(2)} ms, a trigger ${mean(triggerCpu).toFixed(2)} ms: ratio ${cpuRatio.toFixed(2)} (goal ≤ 2) ${cpuRatio <= 2 ? 'MET' : 'NOT MET'}`,
  ];
}
