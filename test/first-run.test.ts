import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../src/db/data-dir-lock.ts';
import { graphql } from './generated/gql.ts';
import { TEST_JWT_SECRET } from './support/app.ts';
import { execute, ok } from './support/client.ts';
import { newOrg, newProject } from './support/fixtures.ts';
import { projectKey } from './support/keys.ts';
import { remote, runServerExpectingExit, startServerProcess, type ServerProcess } from './support/process.ts';

const KeyUsage = graphql(`
  query FirstRunKeyUsage($id: ID!) {
    node(id: $id) {
      ... on ApiKey {
        usageCount
        usage(granularity: HOUR, last: 1) {
          outcomes {
            success
            total
          }
        }
      }
    }
  }
`);

const OrganizationBySlug = graphql(`
  query FirstRunOrganization($slug: String!) {
    organization(slug: $slug) {
      id
      slug
    }
  }
`);

const env = (dataDir: string) => ({ PGLITE_DATA_DIR: dataDir, JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'info' });

const started: ServerProcess[] = [];
const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keysmith-first-run-'));
  dirs.push(dir);
  return dir;
}
async function start(processEnv: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const server = await startServerProcess(processEnv, 150_000);
  started.push(server);
  return server;
}

async function cleanUp() {
  await Promise.all(started.splice(0).map((s) => s.stop('SIGKILL')));
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
}

// Real server processes, each paying a cold start on a shared machine.
describe('first run', { timeout: 180_000 }, () => {
  afterEach(cleanUp);

  it('refuses a second process on one PGlite directory, and after a crash takes the stale lock over with every acknowledged write', async () => {
    const dataDir = path.join(tempDir(), 'pglite');
    const first = await start(env(dataDir));
    const org = await newOrg(remote(first.url));

    const second = await runServerExpectingExit({ ...env(dataDir), PORT: '0', HOST: '127.0.0.1' });
    expect(second.code).toBe(1);
    expect(second.stderr.trim().split('\n')).toEqual([
      `The database directory ${dataDir} is in use by another Keysmith process (pid ${first.child.pid}); stop it first, or set PGLITE_DATA_DIR to another directory.`,
    ]);

    // The first process is unharmed and still sees its write.
    const before = ok(await execute(remote(first.url), OrganizationBySlug, { slug: org.slug }, { token: org.owner.token }));
    expect(before.organization?.id).toBe(org.id);

    // A crash leaves the lock file behind; its pid is dead, so the next start takes it over.
    await first.stop('SIGKILL');
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')).pid).toBe(first.child.pid);
    const third = await start(env(dataDir));
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')).pid).toBe(third.child.pid);
    const after = ok(await execute(remote(third.url), OrganizationBySlug, { slug: org.slug }, { token: org.owner.token }));
    expect(after.organization).toEqual({ id: org.id, slug: org.slug });

    // A graceful stop releases the lock.
    expect(await third.stop('SIGTERM')).toBe(0);
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
  });

});

// One server process (in-memory database) for the two checks below; the second one stops it.
describe('a running server', { timeout: 180_000 }, () => {
  afterAll(cleanUp);
  let server: ServerProcess;
  beforeAll(async () => {
    server = await start({ ...env('memory'), USAGE_FLUSH_INTERVAL_MS: '200' });
  }, 180_000);

  it("counts a key's calls on the database it has just migrated (what `npm start` does on a fresh machine)", async () => {
    // The tests' other databases are loaded from a dump migrated by another process; this one the server migrated
    // itself. Its usage flush once bound a parameter type these migrations had just created, and failed forever here.
    const api = remote(server.url);
    const org = await newOrg(api, { plan: 'TEAM' });
    const key = await projectKey(api, org.owner, (await newProject(api, org)).id);
    for (let i = 0; i < 3; i++) {
      const response = await api.fetch('http://keysmith.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key.secret}` },
        body: JSON.stringify({ query: '{ currentApiKey { id } }' }),
      });
      expect(response.status).toBe(200);
    }
    const read = async () => ok(await execute(api, KeyUsage, { id: key.apiKey.id }, { token: org.owner.token })).node;
    await expect.poll(async () => (await read())?.usageCount, { timeout: 10_000 }).toBe(3);
    expect(await read()).toMatchObject({ usage: [{ outcomes: { success: 3, total: 3 } }] });
  });

  it('a second server on a busy port stops with one line, before it opens a database', async () => {
    const port = new URL(server.url).port;
    const untouched = path.join(tempDir(), 'never-opened');

    const second = await runServerExpectingExit({ ...env(untouched), PORT: port, HOST: '127.0.0.1' });
    expect(second.code).toBe(1);
    expect(second.stderr.trim().split('\n')).toEqual([
      `Port ${port} on 127.0.0.1 is already in use (is Keysmith already running?): stop that process or set PORT.`,
    ]);
    expect(fs.existsSync(untouched)).toBe(false);
  });

  it('SIGTERM closes idle and never-used keep-alive connections at once, without an in-flight warning', async () => {
    const { port, hostname } = new URL(server.url);

    // A keep-alive connection that served a request (a GraphiQL tab) ...
    const agent = new http.Agent({ keepAlive: true });
    await new Promise<void>((resolve, reject) => {
      http
        .get({ host: hostname, port, path: '/health', agent }, (res) => {
          res.resume();
          res.on('end', resolve);
        })
        .on('error', reject);
    });
    // ... and one a browser opened ahead of time and never used.
    const spare = net.connect(Number(port), hostname);
    await new Promise((resolve) => spare.once('connect', resolve));
    const spareClosed = new Promise((resolve) => spare.once('close', resolve));
    spare.on('error', () => {});

    const signalled = performance.now();
    const code = await server.stop('SIGTERM');
    const ms = performance.now() - signalled;
    await spareClosed;
    agent.destroy();

    expect(code).toBe(0);
    expect(server.output()).toContain('"msg":"stopped"');
    expect(server.output()).not.toContain('did not finish');
    // The forced close would come after 10 s; without idle connections to wait for, stopping takes well under that.
    expect(ms).toBeLessThan(5000);
  });
});
