import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { graphql } from './generated/gql.ts';
import { TEST_JWT_SECRET } from './support/app.ts';
import { as, execute, ok } from './support/client.ts';
import { newOrg, newProject } from './support/fixtures.ts';
import { ManualClock } from './support/manual-clock.ts';
import { limitHeaders, meteredKey, meteredTenant } from './support/metered-keys.ts';
import { CurrentApiKey } from './support/operations.ts';
import { remote, startServerProcess, type ServerProcess } from './support/process.ts';
import { leaseSize } from '../src/domains/api-keys/rate-limiter.ts';

const SetKeyLimits = graphql(`
  mutation SetKeyLimits($input: UpdateApiKeyInput!) {
    updateApiKey(input: $input) {
      __typename
    }
  }
`);

type Limit = { name: string; limit: number; durationSeconds: number };

/** A key that triggers and reads executions, under these limits. */
const limitedSettings = (rateLimits: Limit[]) => ({ name: 'limited', rateLimits, permissions: [{ permission: 'workflow:trigger' }, { permission: 'execution:read' }] });

describe('rate limits enforced on the key path', () => {
  // Windows are aligned to the epoch: start 3 s into a minute (and into a day's 10 s window), far from the real clock.
  const start = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000 + 400 * 86_400_000 + Math.floor(Math.random() * 1000) * 60_000 + 3_000);
  const clock = new ManualClock(start);
  const m = meteredTenant({ clock, ownDatabase: 'rate_limits' });
  const limitedKey = (rateLimits: Limit[]) => m.key(limitedSettings(rateLimits));
  const call = (secret: string) => m.call(secret);
  const trigger = (secret: string) => m.trigger(secret);

  it('admits exactly `limit` calls in a window with the draft headers, then 429 naming the limit, and again in the next window', async () => {
    const key = await limitedKey([{ name: 'burst', limit: 3, durationSeconds: 10 }]);
    for (let i = 1; i <= 3; i++) {
      const r = await call(key.secret);
      expect(r.status).toBe(200);
      expect(limitHeaders(r)).toEqual({ policy: '"burst";q=3;w=10', limit: `"burst";r=${3 - i};t=7`, retryAfter: null });
    }
    clock.advance(2_000); // 5 s into the window: 5 s left
    const refused = await call(key.secret);
    expect(refused.status).toBe(429);
    expect(limitHeaders(refused)).toEqual({ policy: '"burst";q=3;w=10', limit: '"burst";r=0;t=5', retryAfter: '5' });
    expect(refused.data).toBeNull();
    expect(refused.errors).toEqual([
      expect.objectContaining({
        message: 'This API key is over its rate limit "burst" (3 calls per 10 s); retry in 5 s',
        extensions: expect.objectContaining({ code: 'RATE_LIMITED', reason: 'KEY_RATE_LIMITED', limit: { name: 'burst', limit: 3, durationSeconds: 10 }, retryAfterSeconds: 5 }),
      }),
    ]);
    clock.advance(4_999); // the last millisecond of the window: still refused
    expect((await call(key.secret)).status).toBe(429);
    clock.advance(1); // the next window
    const again = await call(key.secret);
    expect(again.status).toBe(200);
    expect(limitHeaders(again).limit).toBe('"burst";r=2;t=10');
  });

  it('a refused trigger starts nothing; the limit that blocks is named and Retry-After waits for it', async () => {
    clock.set(new Date(Math.ceil(clock.now().getTime() / 60_000) * 60_000 + 1_000)); // 1 s into a minute
    const key = await limitedKey([
      { name: 'per-10s', limit: 5, durationSeconds: 10 },
      { name: 'per-minute', limit: 2, durationSeconds: 60 },
    ]);
    for (let i = 0; i < 2; i++) expect(as(ok(await trigger(key.secret)).triggerWorkflow, 'TriggerWorkflowPayload').execution.id).toBeTruthy();
    const refused = await trigger(key.secret);
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0].extensions).toMatchObject({ reason: 'KEY_RATE_LIMITED', limit: { name: 'per-minute' } });
    expect(limitHeaders(refused)).toMatchObject({ limit: '"per-10s";r=3;t=9, "per-minute";r=0;t=59', retryAfter: '59' });
    expect(await m.executions(key.apiKey.id)).toBe(2);
    // A refused call uses none of the other limit: after the minute, per-10s still has what it had (a new window now).
    clock.advance(59_000);
    expect((await trigger(key.secret)).status).toBe(200);
    expect(await m.executions(key.apiKey.id)).toBe(3);
  });

  it('an edit of the limits applies on the next request; a key without limits sends no rate-limit headers', async () => {
    const key = await limitedKey([]);
    const free = await call(key.secret);
    expect(free.status).toBe(200);
    expect(limitHeaders(free)).toEqual({ policy: null, limit: null, retryAfter: null });
    expect(ok(await execute(m.t.app, SetKeyLimits, { input: { id: key.apiKey.id, rateLimits: [{ name: 'one', limit: 1, durationSeconds: 86_400 }] } }, { token: m.org.owner.token })).updateApiKey.__typename).toBe(
      'UpdateApiKeyPayload',
    );
    expect((await call(key.secret)).status).toBe(200);
    expect((await call(key.secret)).status).toBe(429);
    ok(await execute(m.t.app, SetKeyLimits, { input: { id: key.apiKey.id, rateLimits: [] } }, { token: m.org.owner.token }));
    expect((await call(key.secret)).status).toBe(200);
  });

  it('the warm path asks the database once per lease, not once per call', async () => {
    const limit = 10_000;
    const key = await limitedKey([{ name: 'hourly', limit, durationSeconds: 3600 }]);
    const before = m.t.app.limiter.leases;
    const calls = 3 * leaseSize(limit); // 1500 calls, 500 per lease
    for (let i = 0; i < calls; i += 50) await Promise.all(Array.from({ length: 50 }, () => call(key.secret).then((r) => expect(r.status).toBe(200))));
    expect(m.t.app.limiter.leases - before).toBe(3);
  }, 120_000);
});

const database = inject('database');

// Two real server processes on one PostgreSQL share one limit. (PGlite is a single-process database.)
describe.skipIf(database.kind !== 'postgres')('one rate limit across two server processes on PostgreSQL', () => {
  let a: ServerProcess;
  let b: ServerProcess;
  beforeAll(async () => {
    if (database.kind !== 'postgres') return;
    const env = { DATABASE_URL: database.url, DATABASE_SCHEMA: database.schema, JWT_SECRET: TEST_JWT_SECRET };
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('calls admitted by both together never exceed the limit and fall short of it by at most 2 × (lease − 1)', async () => {
    const org = await newOrg(remote(a.url), { plan: 'TEAM' });
    const project = await newProject(remote(a.url), org);
    const limit = 400; // leases of 20 calls
    // A day's window, so that the burst cannot straddle two windows (unless run across midnight UTC: checked below).
    const key = await meteredKey(remote(a.url), org, project.id, limitedSettings([{ name: 'daily', limit, durationSeconds: 86_400 }]));
    const day = () => Math.floor(Date.now() / 86_400_000);
    const firstDay = day();
    const statuses: number[] = [];
    // 3 × the limit, 40 at a time on each instance.
    for (let round = 0; round < 15; round++) {
      const batch = await Promise.all(
        Array.from({ length: 80 }, (_, i) => execute(remote((i % 2 ? a : b).url), CurrentApiKey, {}, { authorization: `Bearer ${key.secret}` }).then((r) => r.status)),
      );
      statuses.push(...batch);
    }
    if (day() !== firstDay) return; // crossed midnight UTC: two windows, nothing to compare
    const admitted = statuses.filter((s) => s === 200).length;
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    console.log(`two instances, limit ${limit}: admitted ${admitted} (${(admitted / limit).toFixed(3)} of the limit), lease ${leaseSize(limit)}`);
    expect(admitted).toBeLessThanOrEqual(limit);
    expect(admitted).toBeGreaterThanOrEqual(limit - 2 * (leaseSize(limit) - 1));
  }, 120_000);
});
