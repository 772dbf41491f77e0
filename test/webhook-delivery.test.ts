import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { ManualClock } from './support/manual-clock.ts';
import { projectRoot } from '../src/config/config.ts';
import type { Context } from '../src/context.ts';
import { revokeKey } from '../src/domains/api-keys/service.ts';
import { DELIVERY_RETENTION_MS, DISABLE_AFTER_FAILING_MS, MAX_ATTEMPTS, nextAttemptAfterFailure, RETRY_SCHEDULE_MS } from '../src/domains/webhooks/delivery.ts';
import { webhookIdOf } from '../src/domains/webhooks/events.ts';
import { openIsolatedTestDatabase, startTestApp, type TestApp } from './support/app.ts';
import { documentedEvent, shapeOf } from './support/readme-events.ts';
import { Receiver } from './support/webhook-receiver.ts';
import { as, execute, ok } from './support/client.ts';
import { addMember, dbId, newOrg, newProject, type TestOrg } from './support/fixtures.ts';
import { toGlobalId } from '../src/graphql/ids.ts';
import { projectKey } from './support/keys.ts';
import {
  CreateWebhookEndpoint,
  DeleteApiKey,
  AuditEvents,
  OrganizationWebhookEndpoints,
  RedeliverWebhookEvent,
  RevokeApiKey,
  RotateApiKey,
  UpdateApiKey,
  UpdateWebhookEndpoint,
} from './support/operations.ts';

// Webhook delivery end to end: key mutations through the API, the outbox rows they write, the delivery loop (driven
// here with `drain()` and a ManualClock for the retry schedule) and a receiver on 127.0.0.1 that verifies every
// request with the standardwebhooks package, as a real receiver would.

const ALL_EVENTS = ['API_KEY_CREATED', 'API_KEY_UPDATED', 'API_KEY_ROTATED', 'API_KEY_REVOKED', 'API_KEY_DELETED'] as const;

let t: TestApp;
let database: Awaited<ReturnType<typeof openIsolatedTestDatabase>>;
const clock = new ManualClock(new Date());
const receiver = new Receiver();

beforeAll(async () => {
  // A long poll interval: the test drives the loop itself with drain().
  // drain() takes every due delivery in the database: this file's deliveries must be the only ones there.
  database = await openIsolatedTestDatabase('webhooks');
  t = await startTestApp({ db: database.db, clock, env: { WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: 'true', WEBHOOK_POLL_INTERVAL_MS: '600000' } });
  await receiver.start();
});
afterAll(async () => {
  await t?.close();
  await database?.close();
  await receiver.stop();
});

async function endpointFor(org: TestOrg, url: string, events: readonly (typeof ALL_EVENTS)[number][] = ALL_EVENTS) {
  const result = ok(await execute(t.app, CreateWebhookEndpoint, { input: { organizationId: org.id, url, events: [...events] } }, { token: org.owner.token }));
  return as(result.createWebhookEndpoint, 'CreateWebhookEndpointPayload');
}

async function deliveriesOf(org: TestOrg) {
  return t.db.prisma.webhookDelivery.findMany({ where: { organizationId: dbId(org.id) }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
}

describe('the delivery loop', () => {
  it('runs on an instance with WEBHOOKS_DELIVER (the default) without being asked, and not on one with WEBHOOKS_DELIVER=false', async () => {
    const org = await newOrg(t.app, { plan: 'TEAM' });
    const project = await newProject(t.app, org);
    const { secret } = await endpointFor(org, receiver.url, ['API_KEY_CREATED']);
    receiver.secret = secret;
    receiver.received.length = 0;
    await projectKey(t.app, org.owner, project.id, { name: 'Looped' });
    // An instance with WEBHOOKS_DELIVER=false, however often it would poll, sends nothing.
    const quiet = await startTestApp({ db: t.db, clock, env: { WEBHOOKS_DELIVER: 'false', WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: 'true', WEBHOOK_POLL_INTERVAL_MS: '50' } });
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(receiver.received).toEqual([]);
    } finally {
      await quiet.close();
    }
    const delivering = await startTestApp({ db: t.db, clock, env: { WEBHOOKS_DELIVER: 'true', WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: 'true', WEBHOOK_POLL_INTERVAL_MS: '50' } });
    try {
      await expect.poll(() => receiver.received.map((r) => r.type), { timeout: 10_000 }).toEqual(['api_key.created']);
    } finally {
      await delivering.close();
    }
  });
});

describe('key events', () => {
  it('each event type is delivered once, signed (verified with standardwebhooks), with the documented shape and no secret', async () => {
    const org = await newOrg(t.app, { plan: 'TEAM' });
    const project = await newProject(t.app, org);
    const { secret } = await endpointFor(org, receiver.url);
    receiver.secret = secret;
    receiver.received.length = 0;
    const token = org.owner.token;

    const key = await projectKey(t.app, org.owner, project.id, { name: 'Deploy' });
    as(ok(await execute(t.app, UpdateApiKey, { input: { id: key.apiKey.id, name: 'Deploy bot' } }, { token })).updateApiKey, 'UpdateApiKeyPayload');
    const rotated = as(ok(await execute(t.app, RotateApiKey, { input: { id: key.apiKey.id, gracePeriodSeconds: 60 } }, { token })).rotateApiKey, 'RotateApiKeyPayload');
    as(ok(await execute(t.app, RevokeApiKey, { input: { id: rotated.apiKey.id } }, { token })).revokeApiKey, 'RevokeApiKeyPayload');
    as(ok(await execute(t.app, DeleteApiKey, { input: { id: key.apiKey.id } }, { token })).deleteApiKey, 'DeleteApiKeyPayload');
    // A failed change (revoking twice) writes no event.
    expect(ok(await execute(t.app, RevokeApiKey, { input: { id: rotated.apiKey.id } }, { token })).revokeApiKey.__typename).toBe('ConflictError');

    await t.app.webhooks!.drain();
    expect(receiver.rejected).toEqual([]);
    // Deliveries of one round go out in parallel: no order is promised (receivers order by `timestamp`).
    expect(receiver.received.map((r) => r.type).sort()).toEqual(['api_key.created', 'api_key.deleted', 'api_key.revoked', 'api_key.rotated', 'api_key.updated']);
    expect(new Set(receiver.received.map((r) => r.id)).size).toBe(5);
    const byType = (type: string) => receiver.received.find((r) => r.type === type)!.payload;
    const [created, rotation, revocation] = [byType('api_key.created'), byType('api_key.rotated'), byType('api_key.revoked')];
    expect(created).toEqual({
      type: 'api_key.created',
      timestamp: clock.now().toISOString(),
      data: {
        id: key.apiKey.id,
        prefix: key.apiKey.prefix,
        name: 'Deploy',
        organizationId: org.id,
        projectId: project.id,
        actor: { id: org.owner.id, label: org.owner.email },
      },
    });
    expect(rotation.data).toMatchObject({ id: key.apiKey.id, successorId: rotated.apiKey.id });
    // As the README documents it, key for key.
    expect(shapeOf(rotation)).toEqual(shapeOf(documentedEvent('api_key.rotated')));
    expect(revocation.data).toMatchObject({ id: rotated.apiKey.id, name: 'Deploy bot' });
    for (const r of receiver.received) {
      expect(r.body).not.toContain(key.secret);
      expect(r.body).not.toContain(rotated.secret);
      expect(r.body).not.toMatch(/argon2|secretHash|secretTag/);
    }

    // Delivered is delivered: another round sends nothing, and the API shows each delivery's outcome.
    await t.app.webhooks!.drain();
    expect(receiver.received).toHaveLength(5);
    const read = ok(await execute(t.app, OrganizationWebhookEndpoints, { slug: org.slug }, { token }));
    const deliveries = read.organization!.webhookEndpoints!.edges[0].node.recentDeliveries;
    expect(deliveries).toHaveLength(5);
    for (const d of deliveries) {
      expect(d).toMatchObject({ status: 'SUCCEEDED', attempts: 1, responseStatus: 200, nextAttemptAt: null, lastError: null });
      expect(d.durationMs).toBeGreaterThanOrEqual(0);
    }
    expect(deliveries.map((d) => d.webhookId).sort()).toEqual(receiver.received.map((r) => r.id).sort());
  });

  it('only endpoints subscribed to the event, and only enabled ones, get a delivery', async () => {
    const org = await newOrg(t.app, { plan: 'TEAM' });
    const project = await newProject(t.app, org);
    await endpointFor(org, receiver.url, ['API_KEY_REVOKED']);
    const disabled = await endpointFor(org, receiver.url);
    as(ok(await execute(t.app, UpdateWebhookEndpoint, { input: { id: disabled.webhookEndpoint.id, enabled: false } }, { token: org.owner.token })).updateWebhookEndpoint, 'WebhookEndpointPayload');
    await projectKey(t.app, org.owner, project.id);
    expect(await deliveriesOf(org)).toEqual([]);
    const subscribed = await endpointFor(org, receiver.url, ['API_KEY_CREATED']);
    await projectKey(t.app, org.owner, project.id);
    expect((await deliveriesOf(org)).map((d) => [d.endpointId, d.eventType])).toEqual([[dbId(subscribed.webhookEndpoint.id), 'api_key.created']]);
  });

  it('a change that rolls back leaves no event', async () => {
    const org = await newOrg(t.app, { plan: 'TEAM' });
    const project = await newProject(t.app, org);
    await endpointFor(org, receiver.url);
    const key = await projectKey(t.app, org.owner, project.id);
    const before = (await deliveriesOf(org)).length;
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { id: dbId(org.owner.id) } });
    const ctx = { prisma: t.db.prisma, requestId: 'rollback-test', clock, principal: { kind: 'user', user, isOperator: false }, clientIp: null, secretTags: null } as unknown as Context;
    await expect(
      t.db.prisma.$transaction(async (tx) => {
        await revokeKey(ctx, tx, dbId(key.apiKey.id));
        // The revocation and its outbox row are written; then the transaction fails.
        expect(await tx.webhookDelivery.count({ where: { organizationId: dbId(org.id), eventType: 'api_key.revoked' } })).toBe(1);
        throw new Error('fails after the change');
      }),
    ).rejects.toThrow('fails after the change');
    expect(await deliveriesOf(org)).toHaveLength(before);
    expect((await t.db.prisma.apiKey.findUniqueOrThrow({ where: { id: dbId(key.apiKey.id) } })).status).toBe('ACTIVE');
  });
});

describe('retries', () => {
  it('a receiver that is down is retried on the schedule and gets the event once it is back, with the same webhook-id', async () => {
    const down = new Receiver();
    await down.start();
    const org = await newOrg(t.app, { plan: 'TEAM' });
    const project = await newProject(t.app, org);
    const { secret } = await endpointFor(org, down.url);
    down.secret = secret;
    const port = down.port;
    await down.stop();

    await projectKey(t.app, org.owner, project.id);
    await t.app.webhooks!.drain();
    let [delivery] = await deliveriesOf(org);
    expect(delivery).toMatchObject({ status: 'PENDING', attempts: 1, responseStatus: null });
    expect(delivery.lastError).toMatch(/ECONNREFUSED/);
    expect(delivery.nextAttemptAt!.getTime() - delivery.lastAttemptAt!.getTime()).toBe(5_000);

    // Not yet due: nothing is attempted.
    clock.advance(4_000);
    await t.app.webhooks!.drain();
    expect((await deliveriesOf(org))[0].attempts).toBe(1);

    await down.start(port);
    try {
      clock.advance(1_000);
      await t.app.webhooks!.drain();
      [delivery] = await deliveriesOf(org);
      expect(delivery).toMatchObject({ status: 'SUCCEEDED', attempts: 2, responseStatus: 200, nextAttemptAt: null });
      expect(down.received.map((r) => r.id)).toEqual([webhookIdOf(delivery.eventId)]);
      expect(down.rejected).toEqual([]);
    } finally {
      await down.stop();
    }
  });

  it('an endpoint that keeps failing is attempted once per step of the schedule, then given up', async () => {
    const failing = new Receiver();
    failing.answer = 500;
    await failing.start();
    try {
      const org = await newOrg(t.app, { plan: 'TEAM' });
      const project = await newProject(t.app, org);
      failing.secret = (await endpointFor(org, failing.url)).secret;
      await projectKey(t.app, org.owner, project.id);
      await t.app.webhooks!.drain();
      for (const wait of RETRY_SCHEDULE_MS) {
        clock.advance(wait);
        await t.app.webhooks!.drain();
      }
      clock.advance(7 * 24 * 3_600_000);
      await t.app.webhooks!.drain();
      const [delivery] = await deliveriesOf(org);
      expect(delivery).toMatchObject({ status: 'FAILED', attempts: MAX_ATTEMPTS, responseStatus: 500, nextAttemptAt: null, lastError: 'HTTP 500' });
      expect(failing.received).toHaveLength(MAX_ATTEMPTS);
      expect(new Set(failing.received.map((r) => r.id)).size).toBe(1);
    } finally {
      await failing.stop();
    }
  });

  it('the schedule: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 24 h, then none', () => {
    const now = new Date('2030-01-01T00:00:00Z');
    const waits = Array.from({ length: MAX_ATTEMPTS }, (_, i) => nextAttemptAfterFailure(i + 1, now)?.getTime() ?? null).map((v) => (v === null ? null : v - now.getTime()));
    expect(waits).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 86_400_000, null]);
  });
});

describe('redelivery', () => {
  it('redeliverWebhookEvent sends a delivered event again with the same webhook-id, audited; a pending one is brought forward', async () => {
    // A receiver of its own: deliveries other tests left pending go to the shared one.
    const receiver = new Receiver();
    await receiver.start();
    onTestFinished(() => receiver.stop());
    const org = await newOrg(t.app, { plan: 'TEAM' });
    const project = await newProject(t.app, org);
    const { secret, webhookEndpoint } = await endpointFor(org, receiver.url, ['API_KEY_CREATED']);
    receiver.secret = secret;
    const token = org.owner.token;
    await projectKey(t.app, org.owner, project.id, { name: 'Again' });
    await t.app.webhooks!.drain();
    expect(receiver.received).toHaveLength(1);
    const [first] = await deliveriesOf(org);

    const again = as(ok(await execute(t.app, RedeliverWebhookEvent, { input: { deliveryId: toGlobalId('WebhookDelivery', first.id) } }, { token })).redeliverWebhookEvent, 'RedeliverWebhookEventPayload');
    expect(again.delivery).toMatchObject({ status: 'PENDING', attempts: 0, webhookId: receiver.received[0].id, nextAttemptAt: clock.now().toISOString() });
    expect(again.delivery.id).not.toBe(toGlobalId('WebhookDelivery', first.id));
    // Asking twice before it went out does not send it twice: the pending one is returned.
    const twice = as(ok(await execute(t.app, RedeliverWebhookEvent, { input: { deliveryId: toGlobalId('WebhookDelivery', first.id) } }, { token })).redeliverWebhookEvent, 'RedeliverWebhookEventPayload');
    expect(twice.delivery.id).toBe(again.delivery.id);
    await t.app.webhooks!.drain();
    expect(receiver.rejected).toEqual([]);
    expect(receiver.received.map((r) => r.id)).toEqual([receiver.received[0].id, receiver.received[0].id]);
    expect(receiver.received[1].body).toBe(receiver.received[0].body);

    const read = ok(await execute(t.app, OrganizationWebhookEndpoints, { slug: org.slug }, { token }));
    const log = read.organization!.webhookEndpoints!.edges.find((e) => e.node.id === webhookEndpoint.id)!.node.recentDeliveries;
    expect(log.map((d) => [d.status, d.webhookId])).toEqual([
      ['SUCCEEDED', receiver.received[0].id],
      ['SUCCEEDED', receiver.received[0].id],
    ]);
    expect(log[0].payload).toEqual(receiver.received[0].payload);
    const audit = ok(await execute(t.app, AuditEvents, { slug: org.slug, filter: { action: 'WEBHOOK_ENDPOINT_REDELIVER' } }, { token }));
    expect(audit.organization!.auditEvents!.edges.map((e) => e.node)).toMatchObject([{ actorLabel: org.owner.email }, { actorLabel: org.owner.email }]);
  });

  it('redelivery leaves a delivery that an instance is attempting right now to that attempt (never sent twice at once)', async () => {
    const org = await newOrg(t.app, { plan: 'TEAM' });
    const project = await newProject(t.app, org);
    await endpointFor(org, receiver.url, ['API_KEY_CREATED']);
    await projectKey(t.app, org.owner, project.id);
    const [delivery] = await deliveriesOf(org);
    // As a claim leaves it: pending, leased for 60 s (what attemptDue writes).
    const lease = new Date(clock.now().getTime() + 60_000);
    await t.db.prisma.webhookDelivery.update({ where: { id: delivery.id }, data: { nextAttemptAt: lease, leasedUntil: lease } });
    const again = as(
      ok(await execute(t.app, RedeliverWebhookEvent, { input: { deliveryId: toGlobalId('WebhookDelivery', delivery.id) } }, { token: org.owner.token })).redeliverWebhookEvent,
      'RedeliverWebhookEventPayload',
    );
    expect(again.delivery).toMatchObject({ id: toGlobalId('WebhookDelivery', delivery.id), nextAttemptAt: lease.toISOString() });
    expect(await deliveriesOf(org)).toHaveLength(1);
  });

  it('redelivery: a disabled endpoint, a MEMBER, another organization and a malformed id are refused, and nothing is queued', async () => {
    const org = await newOrg(t.app, { plan: 'TEAM' });
    const member = await addMember(t.app, org, 'MEMBER');
    const other = await newOrg(t.app, { plan: 'TEAM' });
    const project = await newProject(t.app, org);
    const { webhookEndpoint } = await endpointFor(org, receiver.url, ['API_KEY_CREATED']);
    await projectKey(t.app, org.owner, project.id);
    const [delivery] = await deliveriesOf(org);
    const deliveryId = toGlobalId('WebhookDelivery', delivery.id);
    const redeliver = async (token: string, id = deliveryId) => ok(await execute(t.app, RedeliverWebhookEvent, { input: { deliveryId: id } }, { token })).redeliverWebhookEvent;

    expect(await redeliver(member.token)).toMatchObject({ __typename: 'ForbiddenError' });
    expect(await redeliver(other.owner.token)).toMatchObject({ __typename: 'NotFoundError' });
    expect(await redeliver(org.owner.token, 'not-an-id')).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'deliveryId'] }] });
    as(ok(await execute(t.app, UpdateWebhookEndpoint, { input: { id: webhookEndpoint.id, enabled: false } }, { token: org.owner.token })).updateWebhookEndpoint, 'WebhookEndpointPayload');
    expect(await redeliver(org.owner.token)).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'deliveryId'] }] });
    expect(await deliveriesOf(org)).toHaveLength(1);
  });
});

describe('retention', () => {
  it('finished deliveries are pruned after 30 days by the loop\'s chores; pending ones and recent ones are kept', async () => {
    const org = await newOrg(t.app, { plan: 'TEAM' });
    const project = await newProject(t.app, org);
    const { secret } = await endpointFor(org, receiver.url, ['API_KEY_CREATED']);
    receiver.secret = secret;
    await projectKey(t.app, org.owner, project.id);
    await t.app.webhooks!.drain();
    const [old] = await deliveriesOf(org);
    expect(old.status).toBe('SUCCEEDED');
    // A pending delivery as old, not due within this test.
    const pending = await t.db.prisma.webhookDelivery.create({
      data: { ...old, id: undefined, payload: old.payload as object, status: 'PENDING', nextAttemptAt: new Date(clock.now().getTime() + 2 * DELIVERY_RETENTION_MS) },
    });
    clock.advance(DELIVERY_RETENTION_MS);
    await projectKey(t.app, org.owner, project.id);
    await t.app.webhooks!.drain();
    await t.app.webhooks!.runChores();
    expect((await deliveriesOf(org)).map((d) => d.id)).toContain(old.id); // exactly 30 days: kept
    clock.advance(1);
    await t.app.webhooks!.runChores();
    const left = await deliveriesOf(org);
    expect(left.map((d) => d.id)).not.toContain(old.id);
    expect(left.map((d) => d.id)).toContain(pending.id);
    expect(left.filter((d) => d.status === 'SUCCEEDED')).toHaveLength(1);
  });
});

describe("the README's receiver, run as pasted", () => {
  it('verifies each delivery and, given the same event twice (a redelivery), handles it once', async () => {
    const readme = fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
    const example = [...readme.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((m) => m[1]!).find((b) => b.includes("from 'standardwebhooks'"));
    expect(example).toBeDefined();
    // Inside the project, so that its `import 'standardwebhooks'` resolves as it would in the reader's project.
    fs.mkdirSync(path.join(projectRoot, 'test-results'), { recursive: true });
    const dir = fs.mkdtempSync(path.join(projectRoot, 'test-results', 'readme-receiver-'));
    fs.writeFileSync(path.join(dir, 'receiver.mjs'), example!);
    const org = await newOrg(t.app, { plan: 'TEAM' });
    const project = await newProject(t.app, org);
    const port = await new Promise<number>((resolve) => {
      const probe = http.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const { secret } = await endpointFor(org, `http://127.0.0.1:${port}/`, ['API_KEY_CREATED']);
    const child = spawn(process.execPath, [path.join(dir, 'receiver.mjs')], { env: { PATH: process.env.PATH, PORT: String(port), KEYSMITH_WEBHOOK_SECRET: secret } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    try {
      await expect.poll(async () => fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: '{}' }).then((r) => r.status, () => 0)).toBe(400);
      const key = await projectKey(t.app, org.owner, project.id, { name: 'Pasted' });
      await t.app.webhooks!.drain();
      const [delivery] = await deliveriesOf(org);
      expect(delivery).toMatchObject({ status: 'SUCCEEDED', responseStatus: 204 });
      as(ok(await execute(t.app, RedeliverWebhookEvent, { input: { deliveryId: toGlobalId('WebhookDelivery', delivery.id) } }, { token: org.owner.token })).redeliverWebhookEvent, 'RedeliverWebhookEventPayload');
      await t.app.webhooks!.drain();
      expect((await deliveriesOf(org)).map((d) => [d.status, d.responseStatus])).toEqual([['SUCCEEDED', 204], ['SUCCEEDED', 204]]);
      expect(out.trim().split('\n')).toEqual([`api_key.created ${key.apiKey.prefix} Pasted`]);
    } finally {
      child.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('an endpoint that fails for 5 days', () => {
  it('is disabled, with an audit event by the platform; a success before then resets the count; enabling it again starts over', async () => {
    const flaky = new Receiver();
    flaky.answer = 503;
    await flaky.start();
    try {
      const org = await newOrg(t.app, { plan: 'TEAM' });
      const project = await newProject(t.app, org);
      const token = org.owner.token;
      const { secret, webhookEndpoint } = await endpointFor(org, flaky.url, ['API_KEY_CREATED']);
      flaky.secret = secret;
      const endpointRow = () => t.db.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: dbId(webhookEndpoint.id) } });
      const newEvent = async () => {
        await projectKey(t.app, org.owner, project.id);
        await t.app.webhooks!.drain();
      };

      const DAY = 86_400_000;
      await newEvent();
      const started = clock.now();
      expect(await endpointRow()).toMatchObject({ enabled: true, failingSince: started, lastFailedAt: started, autoDisabledAt: null });
      // Failing every day for four days, then one success: the run of failures ends.
      for (let day = 0; day < 4; day++) {
        clock.advance(DAY);
        await newEvent();
      }
      expect(await endpointRow()).toMatchObject({ enabled: true, failingSince: started });
      flaky.answer = 200;
      await newEvent();
      expect((await endpointRow()).failingSince).toBeNull();

      // A failure, then nothing to send for two days, then another: the endpoint was not failing all along.
      flaky.answer = 503;
      await newEvent();
      clock.advance(2 * DAY);
      await newEvent();
      expect((await endpointRow()).failingSince).toEqual(clock.now());

      // A new run, failing every day: just under 5 days keeps it enabled; at 5 days it is disabled.
      const runStart = clock.now();
      for (let day = 0; day < 4; day++) {
        clock.advance(DAY);
        await newEvent();
      }
      clock.advance(DISABLE_AFTER_FAILING_MS - 4 * DAY - 1);
      await newEvent();
      expect(await endpointRow()).toMatchObject({ enabled: true, failingSince: runStart });
      clock.advance(1);
      await newEvent();
      expect(await endpointRow()).toMatchObject({ enabled: false, failingSince: runStart, autoDisabledAt: clock.now() });
      // Disabled: new events write no delivery for it.
      const count = (await deliveriesOf(org)).length;
      await newEvent();
      expect(await deliveriesOf(org)).toHaveLength(count);

      const audit = ok(await execute(t.app, AuditEvents, { slug: org.slug, filter: { action: 'WEBHOOK_ENDPOINT_AUTO_DISABLE' } }, { token }));
      expect(audit.organization!.auditEvents!.edges.map((e) => e.node)).toMatchObject([{ actor: null, actorLabel: 'system', targetId: webhookEndpoint.id }]);
      const read = ok(await execute(t.app, OrganizationWebhookEndpoints, { slug: org.slug }, { token }));
      expect(read.organization!.webhookEndpoints!.edges[0].node).toMatchObject({ enabled: false, autoDisabledAt: clock.now().toISOString() });

      as(ok(await execute(t.app, UpdateWebhookEndpoint, { input: { id: webhookEndpoint.id, enabled: true } }, { token })).updateWebhookEndpoint, 'WebhookEndpointPayload');
      expect(await endpointRow()).toMatchObject({ enabled: true, failingSince: null, autoDisabledAt: null });
      // Pointed at another URL, an endpoint starts over too.
      await newEvent();
      expect((await endpointRow()).failingSince).toEqual(clock.now());
      as(ok(await execute(t.app, UpdateWebhookEndpoint, { input: { id: webhookEndpoint.id, url: `${flaky.url}/v2` } }, { token })).updateWebhookEndpoint, 'WebhookEndpointPayload');
      expect(await endpointRow()).toMatchObject({ enabled: true, failingSince: null, lastFailedAt: null });
    } finally {
      await flaky.stop();
    }
  });
});

describe('shutdown and crashes', () => {
  it('stop() waits for the attempt in flight, which is recorded', async () => {
    const slow = http.createServer((_req, res) => setTimeout(() => res.writeHead(200).end(), 400));
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const instance = await startTestApp({ db: t.db, clock, env: { WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: 'true', WEBHOOK_POLL_INTERVAL_MS: '600000' } });
    try {
      const org = await newOrg(t.app, { plan: 'TEAM' });
      const project = await newProject(t.app, org);
      await endpointFor(org, `http://127.0.0.1:${(slow.address() as AddressInfo).port}/`);
      await projectKey(t.app, org.owner, project.id);
      const round = instance.app.webhooks!.runOnce();
      await new Promise((resolve) => setTimeout(resolve, 100));
      await instance.close();
      // Recorded by the time stop() returns, not later.
      expect((await deliveriesOf(org))[0]).toMatchObject({ status: 'SUCCEEDED', attempts: 1, responseStatus: 200 });
      expect(await round).toBe(1);
    } finally {
      await new Promise((resolve) => slow.close(resolve));
    }
  });

  it('a delivery claimed by an instance that died is attempted again once its lease has run out', async () => {
    const org = await newOrg(t.app, { plan: 'TEAM' });
    const project = await newProject(t.app, org);
    receiver.received.length = 0;
    receiver.secret = (await endpointFor(org, receiver.url)).secret;
    await projectKey(t.app, org.owner, project.id);
    // What a claim leaves behind when its instance is killed before recording the outcome: a lease 60 s ahead.
    await t.db.prisma.webhookDelivery.updateMany({ where: { organizationId: dbId(org.id) }, data: { nextAttemptAt: new Date(clock.now().getTime() + 60_000) } });
    await t.app.webhooks!.drain();
    expect(receiver.received).toEqual([]);
    clock.advance(60_000);
    await t.app.webhooks!.drain();
    expect(receiver.received).toHaveLength(1);
    expect((await deliveriesOf(org))[0]).toMatchObject({ status: 'SUCCEEDED', attempts: 1 });
  });
});

describe('several instances', () => {
  it('two instances draining at once send each delivery once (SKIP LOCKED claims)', async () => {
    const other = await startTestApp({ db: t.db, clock, env: { WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: 'true', WEBHOOK_POLL_INTERVAL_MS: '600000' } });
    try {
      const org = await newOrg(t.app, { plan: 'TEAM' });
      const project = await newProject(t.app, org);
      receiver.received.length = 0;
      receiver.secret = (await endpointFor(org, receiver.url)).secret;
      for (let i = 0; i < 12; i++) await projectKey(t.app, org.owner, project.id, { name: `k${i}` });
      await Promise.all([t.app.webhooks!.drain(), other.app.webhooks!.drain(), t.app.webhooks!.drain()]);
      const ids = receiver.received.map((r) => r.id);
      expect(ids).toHaveLength(12);
      expect(new Set(ids).size).toBe(12);
      expect((await deliveriesOf(org)).every((d) => d.status === 'SUCCEEDED' && d.attempts === 1)).toBe(true);
    } finally {
      await other.close();
    }
  });
});

describe('SSRF at delivery time', () => {
  it('without WEBHOOKS_ALLOW_PRIVATE_ADDRESSES, a loopback address (literal or after DNS) is refused and never contacted', async () => {
    const strict = await startTestApp({ db: t.db, clock, env: { WEBHOOK_POLL_INTERVAL_MS: '600000' } });
    try {
      const org = await newOrg(t.app, { plan: 'TEAM' });
      const project = await newProject(t.app, org);
      receiver.received.length = 0;
      // Created where private addresses are allowed (an instance configured so, or before the setting changed).
      receiver.secret = (await endpointFor(org, receiver.url)).secret;
      await endpointFor(org, `http://localhost:${receiver.port}/hook`);
      await endpointFor(org, `http://[::127.0.0.1]:${receiver.port}/hook`);
      await endpointFor(org, `http://localhost.:${receiver.port}/hook`);
      await projectKey(t.app, org.owner, project.id);
      await strict.app.webhooks!.drain();
      const deliveries = await deliveriesOf(org);
      expect(deliveries).toHaveLength(4);
      for (const d of deliveries) {
        expect(d, JSON.stringify(d)).toMatchObject({ status: "FAILED", attempts: 1, responseStatus: null, nextAttemptAt: null });
        expect(d.lastError).toMatch(/^refused: /);
      }
      expect(receiver.received).toEqual([]);
    } finally {
      await strict.close();
    }
  });

  it('in production, http URLs are refused at creation and at delivery', async () => {
    const production = await startTestApp({ db: t.db, clock, env: { NODE_ENV: 'production', WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: 'true', WEBHOOK_POLL_INTERVAL_MS: '600000' } });
    try {
      const org = await newOrg(t.app, { plan: 'TEAM' });
      const project = await newProject(t.app, org);
      const refused = ok(
        await execute(production.app, CreateWebhookEndpoint, { input: { organizationId: org.id, url: receiver.url, events: ['API_KEY_CREATED'] } }, { token: org.owner.token }),
      ).createWebhookEndpoint;
      expect(as(refused, 'ValidationError').issues).toEqual([{ path: ['input', 'url'], message: 'must be an https URL' }]);

      receiver.received.length = 0;
      receiver.secret = (await endpointFor(org, receiver.url)).secret;
      await projectKey(t.app, org.owner, project.id);
      await production.app.webhooks!.drain();
      const [delivery] = await deliveriesOf(org);
      expect(delivery).toMatchObject({ status: 'FAILED', lastError: 'refused: not an https URL' });
      expect(receiver.received).toEqual([]);
    } finally {
      await production.close();
    }
  });
});
