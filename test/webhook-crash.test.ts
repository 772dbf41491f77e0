import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIsolatedTestDatabase, TEST_JWT_SECRET } from './support/app.ts';
import { as, execute, ok } from './support/client.ts';
import { newOrg, newProject } from './support/fixtures.ts';
import { projectKey } from './support/keys.ts';
import { CreateWebhookEndpoint } from './support/operations.ts';
import { migratedPgliteDir, remote, startServerProcess } from './support/process.ts';
import { Receiver } from './support/webhook-receiver.ts';

// The outbox survives a crash: a server process is killed (SIGKILL, no shutdown code runs) right after a key change
// committed and before its event went out; a new process on the same database delivers it.

let database: Awaited<ReturnType<typeof openIsolatedTestDatabase>> | null = null;
let dataDir: string | null = null;
let env: NodeJS.ProcessEnv;
const receiver = new Receiver();

beforeAll(async () => {
  database = await openIsolatedTestDatabase('webhook_crash');
  if (database.env) env = database.env;
  else {
    // PGlite: an in-memory database cannot be shared with other processes; a data directory can (one at a time).
    // Already migrated: what is under test is the outbox across a crash, not the first start.
    await database.close();
    database = null;
    dataDir = migratedPgliteDir();
    env = { PGLITE_DATA_DIR: dataDir };
  }
  Object.assign(env, { JWT_SECRET: TEST_JWT_SECRET, WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: 'true' });
  await receiver.start();
});
afterAll(async () => {
  await receiver.stop();
  await database?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a crash between commit and delivery', () => {
  it('the event of a committed change is delivered by the next process, once, signed', async () => {
    // The first process does not deliver (a delivering one is woken by the commit and would usually be quicker than
    // the kill): the committed event is still in the outbox when the process dies.
    const first = await startServerProcess({ ...env, WEBHOOKS_DELIVER: 'false' });
    let keyId = '';
    try {
      const api = remote(first.url);
      const org = await newOrg(api, { plan: 'TEAM' });
      const project = await newProject(api, org);
      const created = ok(await execute(api, CreateWebhookEndpoint, { input: { organizationId: org.id, url: receiver.url, events: ['API_KEY_CREATED'] } }, { token: org.owner.token }));
      receiver.secret = as(created.createWebhookEndpoint, 'CreateWebhookEndpointPayload').secret;
      keyId = (await projectKey(api, org.owner, project.id, { name: 'Survivor' })).apiKey.id;
    } finally {
      // The mutation answered: its transaction committed. Now the process dies without running any shutdown code.
      await first.stop('SIGKILL');
    }
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(receiver.received).toEqual([]);

    const second = await startServerProcess({ ...env, WEBHOOKS_DELIVER: 'true', WEBHOOK_POLL_INTERVAL_MS: '100' });
    try {
      await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(1);
      // A few more rounds: delivered is delivered.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(receiver.rejected).toEqual([]);
      expect(receiver.received.map((r) => [r.type, r.payload.data.id, r.payload.data.name])).toEqual([['api_key.created', keyId, 'Survivor']]);
    } finally {
      await second.stop();
    }
  }, 120_000);
});
