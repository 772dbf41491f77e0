import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type dns from 'node:dns';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { systemClock } from '../src/clock.ts';
import { ManualClock } from './support/manual-clock.ts';
import { guardedLookup, SIGNING_SECRETS_INFO, WebhookDispatcher, type DispatcherOptions } from '../src/domains/webhooks/delivery.ts';
import { createLogger } from '../src/logger.ts';
import { SecretBox } from '../src/lib/secret-box.ts';
import { RefusedAddressError } from '../src/lib/url-policy.ts';
import { openIsolatedTestDatabase, startTestApp, type TestApp } from './support/app.ts';
import { as, execute, ok } from './support/client.ts';
import { dbId, newOrg, newProject, type TestOrg } from './support/fixtures.ts';
import { projectKey } from './support/keys.ts';
import { CreateWebhookEndpoint, OrganizationWebhookEndpoints } from './support/operations.ts';
import { Receiver } from './support/webhook-receiver.ts';

// The delivery loop itself: how it claims, wakes, shares its slots between endpoints, stops, and what it records when
// an attempt cannot be made or its instance was paused. Dispatchers are built here on this file's own database (the
// loop takes every due delivery there), with the options a test needs; events come from the API as a client's would.

let t: TestApp;
let database: Awaited<ReturnType<typeof openIsolatedTestDatabase>>;
const receiver = new Receiver();

beforeAll(async () => {
  database = await openIsolatedTestDatabase('webhook_loop');
  t = await startTestApp({ db: database.db, env: { WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: 'true' } });
  await receiver.start();
});
// What a test leaves pending (held by a slow receiver, never claimed) is finished, so that the next test's claims
// find only its own deliveries.
afterEach(async () => {
  await t.db.prisma.webhookDelivery.updateMany({ where: { status: 'PENDING' }, data: { status: 'FAILED', nextAttemptAt: null, leaseToken: null } });
});
afterAll(async () => {
  await t?.close();
  await database?.close();
  await receiver.stop();
});

const logger = createLogger('silent');
const box = () => SecretBox.derive(t.config.webhooks.secretKey!, SIGNING_SECRETS_INFO);

/** A dispatcher on this file's database: never polls on its own within a test unless asked. */
function dispatcher(overrides: Partial<DispatcherOptions> = {}): WebhookDispatcher {
  const instance = new WebhookDispatcher({
    prisma: t.db.prisma,
    logger,
    clock: systemClock,
    secrets: box(),
    policy: { requireHttps: false, allowPrivateAddresses: true },
    pollIntervalMs: 600_000,
    scheduledEvents: async () => 0,
    expiryScanIntervalMs: 3_600_000,
    ...overrides,
  });
  onTestFinished(() => instance.stop());
  return instance;
}

async function tenantWithEndpoint(url: string) {
  const org = await newOrg(t.app, { plan: 'TEAM' });
  const project = await newProject(t.app, org);
  const created = ok(await execute(t.app, CreateWebhookEndpoint, { input: { organizationId: org.id, url, events: ['API_KEY_CREATED'] } }, { token: org.owner.token }));
  const { secret, webhookEndpoint } = as(created.createWebhookEndpoint, 'CreateWebhookEndpointPayload');
  return { org, project, secret, endpointId: webhookEndpoint.id };
}

const deliveriesOf = (org: TestOrg) =>
  t.db.prisma.webhookDelivery.findMany({ where: { organizationId: dbId(org.id) }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });

/** A receiver that holds every request until released (answers 200 then); counts what it got. */
async function holdingReceiver() {
  const held: http.ServerResponse[] = [];
  const ids: string[] = [];
  const server = http.createServer((req, res) => {
    ids.push(String(req.headers['webhook-id']));
    req.resume();
    held.push(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(async () => {
    for (const res of held) res.writeHead(200).end();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    ids,
    held,
    releaseAll: () => {
      for (const res of held.splice(0)) res.writeHead(200).end();
    },
  };
}

describe('the loop', () => {
  it('drains a batch larger than its claim size without waiting for a poll interval', async () => {
    const { org, project, secret } = await tenantWithEndpoint(receiver.url);
    receiver.secret = secret;
    for (let i = 0; i < 12; i++) await projectKey(t.app, org.owner, project.id, { name: `k${i}` });
    // Claims of 5 and a poll interval of 10 minutes: only claiming again while claims come back full delivers all 12.
    dispatcher({ batchSize: 5 }).start();
    // 60 s: on PostgreSQL the loop also claims the other test files' deliveries (one database for the whole suite).
    await expect.poll(async () => (await deliveriesOf(org)).filter((d) => d.status === 'SUCCEEDED').length, { timeout: 60_000 }).toBe(12);
  }, 90_000);

  it("wakes on the outbox's notification: an event written while it sleeps goes out without a poll", async () => {
    const { org, project, secret } = await tenantWithEndpoint(receiver.url);
    receiver.secret = secret;
    const loop = dispatcher({ listen: (channel, onNotify, onStatus) => t.db.listen(channel, onNotify, onStatus) });
    loop.start();
    // Let it claim nothing and fall asleep for its 10-minute poll interval.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const key = await projectKey(t.app, org.owner, project.id, { name: 'Woken' });
    await expect.poll(() => receiver.received.some((r) => r.payload.data.id === key.apiKey.id), { timeout: 20_000 }).toBe(true);
  });

  it("one slow endpoint does not hold up another organization's delivery", async () => {
    const slow = await holdingReceiver();
    const stuck = await tenantWithEndpoint(slow.url);
    for (let i = 0; i < 6; i++) await projectKey(t.app, stuck.org.owner, stuck.project.id);
    const loop = dispatcher({ concurrency: 8, concurrencyPerEndpoint: 3, listen: (channel, onNotify, onStatus) => t.db.listen(channel, onNotify, onStatus) });
    loop.start();
    // The slow endpoint holds its 3 slots (and only those) with requests that do not end.
    await expect.poll(() => slow.held.length, { timeout: 20_000 }).toBe(3);

    const other = await tenantWithEndpoint(receiver.url);
    receiver.secret = other.secret;
    const key = await projectKey(t.app, other.org.owner, other.project.id);
    await expect.poll(() => receiver.received.some((r) => r.payload.data.id === key.apiKey.id), { timeout: 20_000 }).toBe(true);
    // Delivered while every request to the slow endpoint was still waiting for its answer.
    expect(slow.held).toHaveLength(3);
    expect(slow.ids).toHaveLength(3);
    slow.releaseAll();
    await expect.poll(() => slow.ids.length, { timeout: 20_000 }).toBe(6);
  });

  it('makes no claim once stop() has resolved, even when stop() came during its chores', async () => {
    const { org, project, secret } = await tenantWithEndpoint(receiver.url);
    receiver.secret = secret;
    await projectKey(t.app, org.owner, project.id);
    let release: () => void = () => {};
    let choresStarted: () => void = () => {};
    const inChores = new Promise<void>((resolve) => (choresStarted = resolve));
    const loop = dispatcher({
      scheduledEvents: () => {
        choresStarted();
        return new Promise<number>((resolve) => (release = () => resolve(0)));
      },
    });
    loop.start();
    await inChores;
    const stopped = loop.stop();
    release();
    await stopped;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await deliveriesOf(org)).map((d) => [d.status, d.attempts])).toEqual([['PENDING', 0]]);
    expect(await loop.runOnce()).toBe(0);
  });
});

describe('an instance paused past its lease (SIGSTOP) and resumed', () => {
  it('the second request the receiver gets is recorded as a second attempt; the late outcome does not overwrite it', async () => {
    const ids: string[] = [];
    let holdFirst: http.ServerResponse | null = null;
    const server = http.createServer((req, res) => {
      ids.push(String(req.headers['webhook-id']));
      req.resume();
      // The paused instance's request: answered only after the other instance delivered.
      if (!holdFirst) holdFirst = res;
      else res.writeHead(200).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const { org, project } = await tenantWithEndpoint(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await projectKey(t.app, org.owner, project.id);
    const clock = new ManualClock(new Date());
    const paused = dispatcher({ clock });
    const other = dispatcher({ clock });

    const pausedRound = paused.runOnce();
    await expect.poll(() => ids.length, { timeout: 20_000 }).toBe(1);
    // Its lease runs out while it is stopped; the other instance claims the delivery again and delivers it.
    clock.advance(60_001);
    await other.drain();
    expect(ids).toHaveLength(2);
    expect((await deliveriesOf(org))[0]).toMatchObject({ status: 'SUCCEEDED', attempts: 2, responseStatus: 200 });
    expect((await deliveriesOf(org))[0].lastError).toBeNull();
    // Resumed: its answer arrives and its outcome is fenced out by the newer claim.
    (holdFirst as http.ServerResponse | null)?.writeHead(500).end();
    expect(await pausedRound).toBe(1);
    const [delivery] = await deliveriesOf(org);
    expect(delivery).toMatchObject({ status: 'SUCCEEDED', attempts: 2, responseStatus: 200 });
    expect(new Set(ids).size).toBe(1);
    expect(ids.length).toBe(delivery.attempts);
  });
});

describe('a signing secret this server cannot decrypt', () => {
  it('each attempt is recorded as failed (the API shows why) and retried; with the old key as WEBHOOK_SECRET_KEY_PREVIOUS it goes out and is sealed again under the new key', async () => {
    const { org, project, secret, endpointId } = await tenantWithEndpoint(receiver.url);
    receiver.secret = secret;
    const key = await projectKey(t.app, org.owner, project.id);
    const clock = new ManualClock(new Date());
    // The server's key material changed (e.g. JWT_SECRET rotated, WEBHOOK_SECRET_KEY unset).
    const newMaterial = 'a-new-webhook-secret-key-material-0123456789';
    const rotated = dispatcher({ clock, secrets: SecretBox.derive(newMaterial, SIGNING_SECRETS_INFO) });
    await rotated.drain();
    let [delivery] = await deliveriesOf(org);
    expect(delivery).toMatchObject({ status: 'PENDING', attempts: 1, responseStatus: null });
    expect(delivery.lastError).toMatch(/^not sent: the signing secret cannot be decrypted on this server/);
    expect(delivery.nextAttemptAt!.getTime() - clock.now().getTime()).toBe(5_000);
    const read = ok(await execute(t.app, OrganizationWebhookEndpoints, { slug: org.slug }, { token: org.owner.token }));
    expect(read.organization!.webhookEndpoints!.edges[0].node.recentDeliveries[0].lastError).toBe(delivery.lastError);
    // Not the endpoint's fault: it is not counted as failing.
    expect((await t.db.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: dbId(endpointId) } })).failingSince).toBeNull();

    clock.advance(5_000);
    await rotated.drain();
    [delivery] = await deliveriesOf(org);
    expect(delivery).toMatchObject({ status: 'PENDING', attempts: 2 });
    expect(receiver.received.some((r) => r.payload.data.id === key.apiKey.id)).toBe(false);

    const before = (await t.db.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: dbId(endpointId) } })).secretCiphertext;
    const withPrevious = dispatcher({ clock, secrets: SecretBox.derive(newMaterial, SIGNING_SECRETS_INFO, t.config.webhooks.secretKey) });
    clock.advance(5 * 60_000);
    await withPrevious.drain();
    [delivery] = await deliveriesOf(org);
    expect(delivery).toMatchObject({ status: 'SUCCEEDED', attempts: 3, responseStatus: 200 });
    expect(receiver.received.filter((r) => r.payload.data.id === key.apiKey.id)).toHaveLength(1);
    const after = (await t.db.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: dbId(endpointId) } })).secretCiphertext;
    expect(after).not.toBe(before);
    expect(SecretBox.derive(newMaterial, SIGNING_SECRETS_INFO).open(after)).toBe(secret);
  });
});

describe("the receiver's answer", () => {
  it('is read up to 64 KiB: an endless body does not hold the attempt', async () => {
    let sent = 0;
    const server = http.createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(16 * 1024, 'x');
      // Never ends: writes whenever the connection takes more.
      const pump = () => {
        while (!res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return;
        }
      };
      res.on('drain', pump);
      pump();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    onTestFinished(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });
    const { org, project } = await tenantWithEndpoint(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await projectKey(t.app, org.owner, project.id);
    // Without the cap only the time-out (here an hour) would end the attempt.
    await dispatcher({ attemptTimeoutMs: 3_600_000 }).drain();
    expect((await deliveriesOf(org))[0]).toMatchObject({ status: 'SUCCEEDED', attempts: 1, responseStatus: 200 });
    expect(sent).toBeGreaterThan(64 * 1024);
  });
});

describe('the delivery-time DNS check', () => {
  const answers = (...addresses: string[]) =>
    ((_host: string, _options: dns.LookupAllOptions, callback: (e: null, a: dns.LookupAddress[]) => void) =>
      callback(null, addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })))) as Parameters<typeof guardedLookup>[1];
  const lookup = (policy: { allowPrivateAddresses: boolean }, resolve: Parameters<typeof guardedLookup>[1]) =>
    new Promise<{ error: Error | null; address: unknown }>((done) =>
      guardedLookup({ requireHttps: false, ...policy }, resolve)('hooks.example.test', { all: true }, (error, address) => done({ error, address })),
    );

  it('refuses a name when any of its answers is not public, whichever comes first', async () => {
    for (const resolve of [answers('93.184.216.34', '127.0.0.1'), answers('10.0.0.7', '93.184.216.34'), answers('93.184.216.34', '2606:2800:220:1::1', '::1')]) {
      const { error } = await lookup({ allowPrivateAddresses: false }, resolve);
      expect(error).toBeInstanceOf(RefusedAddressError);
    }
  });

  it('passes every answer on when all are public, or when private addresses are allowed', async () => {
    expect((await lookup({ allowPrivateAddresses: false }, answers('93.184.216.34', '2606:2800:220:1::1'))).address).toHaveLength(2);
    expect((await lookup({ allowPrivateAddresses: true }, answers('93.184.216.34', '127.0.0.1'))).address).toHaveLength(2);
  });
});
