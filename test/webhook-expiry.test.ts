import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { ManualClock } from './support/manual-clock.ts';
import { openIsolatedTestDatabase, startTestApp, type TestApp } from './support/app.ts';
import { as, execute, ok } from './support/client.ts';
import { dbId, newOrg, newProject, type TestOrg } from './support/fixtures.ts';
import { projectKey } from './support/keys.ts';
import { CreateWebhookEndpoint, RevokeApiKey, RotateApiKey } from './support/operations.ts';
import { documentedEvent, shapeOf } from './support/readme-events.ts';
import { Receiver } from './support/webhook-receiver.ts';
import type { WebhookEventType } from './generated/graphql.ts';

// `api_key.expiring` and `api_key.expired` end to end: keys made through the API, time moved with a ManualClock, the
// expiry scan run by two instances at once (as many servers would), delivery to a receiver that verifies signatures.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let database: Awaited<ReturnType<typeof openIsolatedTestDatabase>>;
let one: TestApp;
let two: TestApp;
const clock = new ManualClock(new Date());
const env = { WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: 'true', WEBHOOK_POLL_INTERVAL_MS: '600000' };

beforeAll(async () => {
  // drain() takes every due delivery in the database: this file's deliveries must be the only ones there.
  database = await openIsolatedTestDatabase('webhook_expiry');
  one = await startTestApp({ db: database.db, clock, env });
  two = await startTestApp({ db: database.db, clock, env });
});
afterAll(async () => {
  await one?.close();
  await two?.close();
  await database?.close();
});

async function receiverFor(org: TestOrg, events: WebhookEventType[] = ['API_KEY_EXPIRING', 'API_KEY_EXPIRED']) {
  const receiver = new Receiver();
  await receiver.start();
  onTestFinished(() => receiver.stop());
  const created = ok(await execute(one.app, CreateWebhookEndpoint, { input: { organizationId: org.id, url: receiver.url, events } }, { token: org.owner.token }));
  receiver.secret = as(created.createWebhookEndpoint, 'CreateWebhookEndpointPayload').secret;
  return receiver;
}

/** Both instances scan, three times each, all at once; then the deliveries go out. */
async function scanEverywhere() {
  await Promise.all([1, 2, 3].flatMap(() => [one.app.webhooks!.runChores(), two.app.webhooks!.runChores()]));
  await Promise.all([one.app.webhooks!.drain(), two.app.webhooks!.drain()]);
}

describe('api_key.expiring and api_key.expired', () => {
  it('a 90-day key gets its 30-, 7- and 1-day warnings and then expired, each once with two instances scanning, signed and documented', async () => {
    const org = await newOrg(one.app, { plan: 'TEAM' });
    const project = await newProject(one.app, org);
    const receiver = await receiverFor(org);
    const key = await projectKey(one.app, org.owner, project.id, { name: 'Quarterly', policy: 'DAYS_90' });
    const expiresAt = key.apiKey.expiresAt;
    const seen = () => receiver.received.map((r) => `${r.type} ${(r.payload.data.expiry as { warning: string | null }).warning}`);

    await scanEverywhere();
    expect(seen()).toEqual([]);
    clock.advance(60 * DAY);
    await scanEverywhere();
    expect(seen()).toEqual(['api_key.expiring P30D']);
    clock.advance(10 * DAY);
    await scanEverywhere();
    expect(seen()).toHaveLength(1);
    clock.advance(13 * DAY);
    await scanEverywhere();
    clock.advance(6 * DAY);
    await scanEverywhere();
    await scanEverywhere();
    expect(seen()).toEqual(['api_key.expiring P30D', 'api_key.expiring P7D', 'api_key.expiring P1D']);
    clock.advance(DAY);
    await scanEverywhere();
    expect(seen()).toEqual(['api_key.expiring P30D', 'api_key.expiring P7D', 'api_key.expiring P1D', 'api_key.expired null']);
    clock.advance(DAY);
    await scanEverywhere();
    expect(receiver.received).toHaveLength(4);
    expect(receiver.rejected).toEqual([]);
    expect(new Set(receiver.received.map((r) => r.id)).size).toBe(4);

    expect(receiver.received[1].payload).toEqual({
      type: 'api_key.expiring',
      timestamp: expect.any(String),
      data: {
        id: key.apiKey.id,
        prefix: key.apiKey.prefix,
        name: 'Quarterly',
        organizationId: org.id,
        projectId: project.id,
        actor: { id: null, label: 'system' },
        expiresAt,
        expiry: { reason: 'EXPIRY', warning: 'P7D' },
      },
    });
    // As the README documents it, key for key.
    expect(shapeOf(receiver.received[1].payload)).toEqual(shapeOf(documentedEvent('api_key.expiring')));
    expect(receiver.received[3].payload.data).toMatchObject({ expiresAt, expiry: { reason: 'EXPIRY', warning: null } });
    // It did stop working.
    const trigger = await one.app.fetch('http://keysmith.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key.secret}` },
      body: JSON.stringify({ query: 'query { currentApiKey { id } }' }),
    });
    expect(trigger.status).toBe(401);
    for (const r of receiver.received) expect(r.body).not.toContain(key.secret);
  });

  it('a rotated key whose grace period is longer than 1 h gets a warning 1 h before it ends, then expired; the successor nothing', async () => {
    const org = await newOrg(one.app, { plan: 'TEAM' });
    const project = await newProject(one.app, org);
    const receiver = await receiverFor(org);
    const key = await projectKey(one.app, org.owner, project.id, { name: 'Rotated' });
    const rotated = as(
      ok(await execute(one.app, RotateApiKey, { input: { id: key.apiKey.id, gracePeriodSeconds: 3 * 3600 } }, { token: org.owner.token })).rotateApiKey,
      'RotateApiKeyPayload',
    );
    const graceEnd = new Date(clock.now().getTime() + 3 * HOUR).toISOString();
    clock.advance(HOUR);
    await scanEverywhere();
    expect(receiver.received).toEqual([]);
    clock.advance(HOUR);
    await scanEverywhere();
    clock.advance(HOUR / 2);
    await scanEverywhere();
    expect(receiver.received.map((r) => [r.type, r.payload.data.id, r.payload.data.expiresAt, r.payload.data.expiry])).toEqual([
      ['api_key.expiring', key.apiKey.id, graceEnd, { reason: 'GRACE_END', warning: 'PT1H' }],
    ]);
    clock.advance(HOUR / 2);
    await scanEverywhere();
    expect(receiver.received.map((r) => [r.type, r.payload.data.id])).toEqual([
      ['api_key.expiring', key.apiKey.id],
      ['api_key.expired', key.apiKey.id],
    ]);
    expect(receiver.received.some((r) => r.payload.data.id === rotated.apiKey.id)).toBe(false);
  });

  it('revoked keys, and organizations with no endpoint subscribed to these events, get nothing (not even a notice row)', async () => {
    const org = await newOrg(one.app, { plan: 'TEAM' });
    const project = await newProject(one.app, org);
    const receiver = await receiverFor(org);
    const revoked = await projectKey(one.app, org.owner, project.id, { policy: 'DAYS_30' });
    as(ok(await execute(one.app, RevokeApiKey, { input: { id: revoked.apiKey.id } }, { token: org.owner.token })).revokeApiKey, 'RevokeApiKeyPayload');
    const quiet = await newOrg(one.app, { plan: 'TEAM' });
    const quietProject = await newProject(one.app, quiet);
    const other = await receiverFor(quiet, ['API_KEY_CREATED', 'API_KEY_REVOKED']);
    const unwatched = await projectKey(one.app, quiet.owner, quietProject.id, { policy: 'DAYS_30' });
    clock.advance(29 * DAY);
    await scanEverywhere();
    clock.advance(2 * DAY);
    await scanEverywhere();
    expect(receiver.received.filter((r) => r.payload.data.id === revoked.apiKey.id)).toEqual([]);
    expect(other.received.map((r) => r.type)).toEqual(['api_key.created']);
    expect(await database.db.prisma.apiKeyNotice.count({ where: { apiKeyId: { in: [dbId(revoked.apiKey.id), dbId(unwatched.apiKey.id)] } } })).toBe(0);
  });

  it('a warning is not used up while no endpoint takes it: subscribing to api_key.expiring later still gets the due one', async () => {
    const org = await newOrg(one.app, { plan: 'TEAM' });
    const project = await newProject(one.app, org);
    const expiredOnly = await receiverFor(org, ['API_KEY_EXPIRED']);
    const key = await projectKey(one.app, org.owner, project.id, { policy: 'DAYS_30' });
    clock.advance(23 * DAY);
    await scanEverywhere();
    expect(expiredOnly.received).toEqual([]);
    expect(await database.db.prisma.apiKeyNotice.count({ where: { apiKeyId: dbId(key.apiKey.id) } })).toBe(0);
    const warnings = await receiverFor(org, ['API_KEY_EXPIRING']);
    clock.advance(DAY);
    await scanEverywhere();
    expect(warnings.received.map((r) => [r.type, r.payload.data.id, (r.payload.data.expiry as { warning: string }).warning])).toEqual([
      ['api_key.expiring', key.apiKey.id, 'P7D'],
    ]);
    expect(expiredOnly.received).toEqual([]);
  });

  it('an instance that delivers scans on its own, every KEY_EXPIRY_SCAN_INTERVAL_MS', async () => {
    const org = await newOrg(one.app, { plan: 'TEAM' });
    const project = await newProject(one.app, org);
    const receiver = await receiverFor(org);
    await projectKey(one.app, org.owner, project.id, { policy: 'DAYS_7' });
    clock.advance(7 * DAY);
    const delivering = await startTestApp({
      db: database.db,
      clock,
      env: { ...env, WEBHOOKS_DELIVER: 'true', WEBHOOK_POLL_INTERVAL_MS: '50', KEY_EXPIRY_SCAN_INTERVAL_MS: '1000' },
    });
    try {
      await expect.poll(() => receiver.received.map((r) => r.type), { timeout: 10_000 }).toEqual(['api_key.expired']);
    } finally {
      await delivering.close();
    }
  });
});

