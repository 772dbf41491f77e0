import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RETRY_SCHEDULE_MS } from '../src/domains/webhooks/delivery.ts';
import { openIsolatedTestDatabase, startTestApp, type TestApp } from './support/app.ts';
import { as, execute, ok } from './support/client.ts';
import { newOrg, newProject, type TestOrg } from './support/fixtures.ts';
import { projectKey } from './support/keys.ts';
import { ManualClock } from './support/manual-clock.ts';
import { CreateWebhookEndpoint } from './support/operations.ts';
import { Receiver } from './support/webhook-receiver.ts';

// Webhook delivery on /metrics, scraped as Prometheus would (GET with the metrics token): what this instance
// delivered, gave up and retried, and the shared queue's depth and oldest waiting age. The queue gauges count every
// delivery in the database, so this file has its own; the loop is driven with drain() and a ManualClock.

const METRICS_TOKEN = 'metrics-token-for-webhook-tests';
let t: TestApp;
let database: Awaited<ReturnType<typeof openIsolatedTestDatabase>>;
const clock = new ManualClock(new Date());
const healthy = new Receiver();
const failing = new Receiver();

beforeAll(async () => {
  database = await openIsolatedTestDatabase('webhook_metrics');
  t = await startTestApp({ db: database.db, clock, env: { WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: 'true', METRICS_TOKEN } });
  failing.answer = 500;
  await Promise.all([healthy.start(), failing.start()]);
});
afterAll(async () => {
  await t?.close();
  await database?.close();
  await Promise.all([healthy.stop(), failing.stop()]);
});

const NAMES = {
  delivered: 'keysmith_webhook_deliveries_delivered_total',
  failed: 'keysmith_webhook_deliveries_failed_total',
  retried: 'keysmith_webhook_attempts_retried_total',
  depth: 'keysmith_webhook_queue_depth',
  oldest: 'keysmith_webhook_oldest_pending_age_seconds',
} as const;

/** One scrape of /metrics: each webhook series by its short name, after checking its Prometheus type. */
async function scrape(): Promise<Record<keyof typeof NAMES, number>> {
  const response = await t.app.fetch('http://keysmith.test/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(response.status).toBe(200);
  const text = await response.text();
  const read = (name: string, type: 'counter' | 'gauge') => {
    expect(text).toContain(`# TYPE ${name} ${type}`);
    const value = new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1];
    expect(value, name).toBeDefined();
    return Number(value);
  };
  return {
    delivered: read(NAMES.delivered, 'counter'),
    failed: read(NAMES.failed, 'counter'),
    retried: read(NAMES.retried, 'counter'),
    depth: read(NAMES.depth, 'gauge'),
    oldest: read(NAMES.oldest, 'gauge'),
  };
}

async function endpoint(org: TestOrg, receiver: Receiver) {
  const created = ok(await execute(t.app, CreateWebhookEndpoint, { input: { organizationId: org.id, url: receiver.url, events: ['API_KEY_CREATED'] } }, { token: org.owner.token }));
  receiver.secret = as(created.createWebhookEndpoint, 'CreateWebhookEndpointPayload').secret;
}

describe('webhook delivery metrics', () => {
  it('count deliveries, retries and give-ups, and show the queue and how long its oldest due delivery has waited', async () => {
    expect(await scrape()).toEqual({ delivered: 0, failed: 0, retried: 0, depth: 0, oldest: 0 });
    const org = await newOrg(t.app, { plan: 'TEAM' });
    const project = await newProject(t.app, org);
    await endpoint(org, healthy);
    await endpoint(org, failing);
    await projectKey(t.app, org.owner, project.id, { name: 'Metered' }); // one event, one delivery per endpoint

    // Nothing delivers yet: both wait, for as long as the clock says.
    clock.advance(42_000);
    expect(await scrape()).toEqual({ delivered: 0, failed: 0, retried: 0, depth: 2, oldest: 42 });

    // One delivered; the other failed and waits for its retry (not due: no waiting age).
    await t.app.webhooks!.drain();
    expect(healthy.received).toHaveLength(1);
    expect(await scrape()).toEqual({ delivered: 1, failed: 0, retried: 1, depth: 1, oldest: 0 });


    // Its retry is due and unclaimed for 60 s: a stall shows.
    clock.advance(RETRY_SCHEDULE_MS[0] + 60_000);
    expect(await scrape()).toMatchObject({ depth: 1, oldest: 60 });

    // Every retry fails: each counts once, and the last attempt gives the delivery up and empties the queue.
    for (const wait of RETRY_SCHEDULE_MS.slice(1)) {
      await t.app.webhooks!.drain();
      clock.advance(wait);
    }
    await t.app.webhooks!.drain();
    expect(await scrape()).toEqual({ delivered: 1, failed: 1, retried: RETRY_SCHEDULE_MS.length, depth: 0, oldest: 0 });
    // Scraping again adds nothing.
    expect(await scrape()).toEqual({ delivered: 1, failed: 1, retried: RETRY_SCHEDULE_MS.length, depth: 0, oldest: 0 });
  });
});
