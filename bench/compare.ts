// Before/after in one run: the warm authenticated path ({ __typename } with a valid API key, 32 connections) on two
// checkouts of Keysmith (each with its node_modules and generated client), alternating rounds on two servers started
// side by side (PGlite, or DATABASE_URL), with each server's CPU time per request from /proc.
// Usage: npx tsx bench/compare.ts <checkout A> <checkout B>   (AB_ROUNDS, default 4; AB_NODE_ARGS for node flags)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { SignJWT } from 'jose';

const SECRET = randomBytes(32).toString('hex');
const free = () => new Promise<number>((r) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as net.AddressInfo).port; s.close(() => r(p)); }); });
async function start(dir: string) {
  const port = await free();
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'hscale-ab-'));
  const nodeArgs = (process.env.AB_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'bench/server.ts'], { cwd: dir, env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', JWT_SECRET: SECRET, PGLITE_DATA_DIR: data, WEBHOOKS_DELIVER: 'false', ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL, DATABASE_SCHEMA: `ab_${port}` } : {}) }, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (;;) { try { if ((await fetch(`${url}/ready`)).ok) break; } catch { /* not listening yet */ } await new Promise((r) => setTimeout(r, 200)); }
  return { url, pid: child.pid!, stop: () => new Promise((r) => { child.once('exit', r); child.kill('SIGTERM'); }) };
}
async function gql(url: string, query: string, variables: unknown, authorization: string) {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data: Record<string, Record<string, Record<string, Record<string, string>>>>; errors?: unknown }; if (body.errors) throw new Error(JSON.stringify(body.errors)); return body.data;
}
const tok = async (sub: string, roles: string[] = []) => `Bearer ${await new SignJWT({ email: `${sub}@b.test`, roles }).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setExpirationTime('1h').sign(new TextEncoder().encode(SECRET))}`;
async function key(url: string) {
  const owner = await tok('o'); const op = await tok('op', ['operator']);
  const org = (await gql(url, 'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { ... on OrganizationPayload { organization { id } } } }', { i: { name: 'AB', slug: `ab-${Date.now()}` } }, owner)).createOrganization.organization.id;
  await gql(url, 'mutation($i: SetOrganizationPlanInput!) { setOrganizationPlan(input: $i) { __typename } }', { i: { organizationId: org, plan: 'TEAM' } }, op);
  const project = (await gql(url, 'mutation($i: CreateProjectInput!) { createProject(input: $i) { ... on ProjectPayload { project { id } } } }', { i: { organizationId: org, name: 'AB', slug: 'ab' } }, owner)).createProject.project.id;
  return (await gql(url, 'mutation($i: CreateProjectApiKeyInput!) { createProjectApiKey(input: $i) { ... on CreateApiKeyPayload { secret } } }', { i: { projectId: project, name: 'ab', scopes: [{ scope: 'TRIGGER_WORKFLOWS' }], expiry: { policy: 'NEVER' } } }, owner)).createProjectApiKey.secret as unknown as string;
}
const cpu = (pid: number) => { const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) / 100; };
const cpuMs: Record<string, number[]> = {};
const load = (url: string, secret: string, duration: number, pid?: number) => { const before = pid ? cpu(pid) : 0; return new Promise<number>((resolve, reject) => autocannon({ url: `${url}/graphql`, method: 'POST', connections: 32, duration, headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` }, body: JSON.stringify({ query: '{ __typename }' }) }, (e, r) => { if (e) return reject(e); if (pid && r.requests.total > 0) (cpuMs[url] ??= []).push(((cpu(pid) - before) * 1000) / r.requests.total); resolve(r.requests.average); })); };
const [dirA, dirB] = process.argv.slice(2);
const a = await start(dirA); const b = await start(dirB);
const [ka, kb] = [await key(a.url), await key(b.url)];
await load(a.url, ka, 2); await load(b.url, kb, 2);
const ra: number[] = [], rb: number[] = [];
for (let i = 0; i < Number(process.env.AB_ROUNDS ?? 4); i++) { ra.push(await load(a.url, ka, 4, a.pid)); rb.push(await load(b.url, kb, 4, b.pid)); }
const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
console.log(`A ${dirA}: ${ra.map(Math.round).join(' ')} mean ${Math.round(mean(ra))} req/s`);
console.log(`B ${dirB}: ${rb.map(Math.round).join(' ')} mean ${Math.round(mean(rb))} req/s`);
console.log(`server CPU ms per request: A ${mean(cpuMs[a.url]).toFixed(3)}, B ${mean(cpuMs[b.url]).toFixed(3)}; B ÷ A ${(mean(cpuMs[b.url]) / mean(cpuMs[a.url])).toFixed(3)}`);
console.log(`B ÷ A ${(mean(rb) / mean(ra)).toFixed(3)}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
await a.stop(); await b.stop();
process.exit(0);
