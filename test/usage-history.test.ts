import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchema, parse } from 'graphql';
import fs from 'node:fs';
import { ManualClock } from './support/manual-clock.ts';
import { projectRoot } from '../src/config/config.ts';
import {
  DAY_MS,
  fillBuckets,
  HOUR_MS,
  retentionStart,
  usageRange,
} from '../src/domains/api-keys/usage-buckets.ts';
import { analyzeOperation } from '../src/graphql/query-cost.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { execute, ok } from './support/client.ts';
import { addMember, dbId, newOrg, newProject, newUser } from './support/fixtures.ts';
import { projectKey } from './support/keys.ts';
import { ApiKeyUsage, CurrentApiKey } from './support/operations.ts';

type Bucket = { start: string; count: number };

/** Real time, frozen: JWTs are checked against the app's clock, so it stays near the moment they were signed. */
const t0 = new Date();
const hour0 = Math.floor(t0.getTime() / HOUR_MS) * HOUR_MS;
const day0 = Math.floor(t0.getTime() / DAY_MS) * DAY_MS;
const iso = (ms: number) => new Date(ms).toISOString();

/** Two instances on one database, one clock (in-process, so PGlite works too; multi-instance.test.ts uses processes). */
let a: TestApp;
let b: TestApp;
const clock = new ManualClock(t0);

beforeAll(async () => {
  // Flushed only when a test says so.
  a = await startTestApp({ clock, env: { USAGE_FLUSH_INTERVAL_MS: '60000' } });
  b = await startTestApp({ clock, env: { USAGE_FLUSH_INTERVAL_MS: '60000' }, db: a.db });
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

async function setup() {
  clock.set(t0);
  const org = await newOrg(a.app, { plan: 'TEAM' });
  const project = await newProject(a.app, org);
  const key = await projectKey(a.app, org.owner, project.id);
  return { org, project, key };
}

/** `n` calls with the key at `at`, alternating between the two instances, all at once. */
async function callsAt(at: number, n: number, secret: string) {
  clock.set(new Date(at));
  const results = await Promise.all(
    Array.from({ length: n }, (_, i) => execute(i % 2 ? a.app : b.app, CurrentApiKey, {}, { authorization: `Bearer ${secret}` })),
  );
  expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
}

async function flushBoth() {
  await Promise.all([a.app.usage.flush(), b.app.usage.flush()]);
}

async function usage(token: string, id: string, granularity: 'HOUR' | 'DAY', last: number, before?: string) {
  clock.set(t0);
  return execute(a.app, ApiKeyUsage, { id, granularity, last, before }, { token });
}

async function series(token: string, id: string, granularity: 'HOUR' | 'DAY', last: number, before?: string) {
  const node = ok(await usage(token, id, granularity, last, before)).node;
  if (node?.__typename !== 'ApiKey') throw new Error(`not a key: ${JSON.stringify(node)}`);
  return node;
}

const nonZero = (buckets: Bucket[]) => Object.fromEntries(buckets.filter((x) => x.count > 0).map((x) => [x.start, x.count]));

describe('ApiKey.usage', () => {
  it('places requests from two instances in their hour and UTC day, exactly, zero-filled, oldest first', async () => {
    const { org, key } = await setup();
    // Four hours and days, each with calls spread over both instances, at odd minutes inside the hour.
    await callsAt(hour0 - 30 * HOUR_MS + 59 * 60_000, 7, key.secret); // 30 hours ago
    await callsAt(hour0 - 5 * HOUR_MS, 10, key.secret); // the first millisecond of an hour
    await callsAt(hour0 - 1, 4, key.secret); // the last millisecond of the previous hour
    await callsAt(t0.getTime(), 3, key.secret); // now
    await callsAt(day0 - 10 * DAY_MS + 12 * HOUR_MS, 6, key.secret); // ten days ago, only in the daily series
    await flushBoth();

    const hourly = await series(org.owner.token, key.apiKey.id, 'HOUR', 48);
    expect(hourly.usageCount).toBe(30);
    expect(hourly.usage).toHaveLength(48);
    expect(hourly.usage[47].start).toBe(iso(hour0)); // ends with the current hour
    expect(hourly.usage.map((x) => Date.parse(x.start))).toEqual(Array.from({ length: 48 }, (_, i) => hour0 - (47 - i) * HOUR_MS));
    expect(nonZero(hourly.usage)).toEqual({
      [iso(hour0 - 30 * HOUR_MS)]: 7,
      [iso(hour0 - 5 * HOUR_MS)]: 10,
      [iso(hour0 - HOUR_MS)]: 4,
      [iso(hour0)]: 3,
    });

    const daily = await series(org.owner.token, key.apiKey.id, 'DAY', 30);
    expect(daily.usage).toHaveLength(30);
    expect(daily.usage[29].start).toBe(iso(day0)); // UTC midnight today
    const expected: Record<string, number> = { [iso(day0 - 10 * DAY_MS)]: 6 };
    for (const [at, n] of [[hour0 - 30 * HOUR_MS, 7], [hour0 - 5 * HOUR_MS, 10], [hour0 - HOUR_MS, 4], [hour0, 3]]) {
      const day = iso(Math.floor(at / DAY_MS) * DAY_MS);
      expected[day] = (expected[day] ?? 0) + n;
    }
    expect(nonZero(daily.usage)).toEqual(expected);
    expect(daily.usage.reduce((n, x) => n + x.count, 0)).toBe(daily.usageCount);

    // A flush adds to the stored hours: more calls in an hour already written, from both instances again.
    await callsAt(hour0 - 5 * HOUR_MS + 30 * 60_000, 5, key.secret);
    await flushBoth();
    const again = await series(org.owner.token, key.apiKey.id, 'HOUR', 6);
    expect(again.usage.map((x) => x.count)).toEqual([15, 0, 0, 0, 4, 3]);
    expect(again.usageCount).toBe(35);
  });

  it('ends the series before `before`: a period start ends it with the period before', async () => {
    const { org, key } = await setup();
    await callsAt(day0 - 3 * DAY_MS + HOUR_MS, 2, key.secret);
    await callsAt(day0 - 2 * DAY_MS, 5, key.secret);
    await flushBoth();
    const endedAtMidnight = await series(org.owner.token, key.apiKey.id, 'DAY', 2, iso(day0 - 2 * DAY_MS));
    expect(endedAtMidnight.usage).toEqual([
      { start: iso(day0 - 4 * DAY_MS), count: 0 },
      { start: iso(day0 - 3 * DAY_MS), count: 2 },
    ]);
    const endedJustAfter = await series(org.owner.token, key.apiKey.id, 'DAY', 2, iso(day0 - 2 * DAY_MS + 1));
    expect(endedJustAfter.usage.map((x) => x.count)).toEqual([2, 5]);
    const hours = await series(org.owner.token, key.apiKey.id, 'HOUR', 3, iso(day0 - 2 * DAY_MS + HOUR_MS));
    expect(hours.usage).toEqual([
      { start: iso(day0 - 2 * DAY_MS - 2 * HOUR_MS), count: 0 },
      { start: iso(day0 - 2 * DAY_MS - HOUR_MS), count: 0 },
      { start: iso(day0 - 2 * DAY_MS), count: 5 },
    ]);
  });

  it.each([
    ['HOUR', 0, undefined, 'last'],
    ['HOUR', 49, undefined, 'last'],
    ['HOUR', -1, undefined, 'last'],
    ['DAY', 91, undefined, 'last'],
    ['DAY', 1, iso(retentionStart(t0).getTime()), 'before'], // the day before the oldest one kept
    ['HOUR', 48, iso(retentionStart(t0).getTime() + 47 * HOUR_MS), 'before'],
  ] as const)('refuses %s × %s before %s with a BAD_USER_INPUT error naming `%s`', async (granularity, last, before, argument) => {
    const { org, key } = await setup();
    const result = await usage(org.owner.token, key.apiKey.id, granularity, last, before);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: [argument] }] });
    expect(result.errors?.[0].message).toMatch(new RegExp(`^${argument}: `));
    expect(result.errors?.[0].path).toEqual(['node', 'usage']);
  });

  it('accepts the bounds: 48 hours, 90 days, a series starting at the oldest day kept', async () => {
    const { org, key } = await setup();
    expect((await series(org.owner.token, key.apiKey.id, 'HOUR', 48)).usage).toHaveLength(48);
    const days = (await series(org.owner.token, key.apiKey.id, 'DAY', 90)).usage;
    expect(days).toHaveLength(90);
    expect(days[0].start).toBe(retentionStart(t0).toISOString());
    const oldest = (await series(org.owner.token, key.apiKey.id, 'HOUR', 1, iso(retentionStart(t0).getTime() + 1))).usage;
    expect(oldest).toEqual([{ start: retentionStart(t0).toISOString(), count: 0 }]);
  });

  it("is read by the key organization's members; another organization's user gets null, and so does a key without api_key:read", async () => {
    const { org, key } = await setup();
    await callsAt(t0.getTime(), 2, key.secret);
    await flushBoth();
    const member = await addMember(a.app, org, 'MEMBER');
    expect((await series(member.token, key.apiKey.id, 'HOUR', 1)).usage[0].count).toBe(2);

    clock.set(t0);
    const stranger = await newUser(a.app);
    const otherOrg = await newOrg(a.app, { plan: 'TEAM' });
    for (const token of [stranger.token, otherOrg.owner.token]) {
      const result = await usage(token, key.apiKey.id, 'DAY', 30);
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ node: null });
    }
    // A key reads keys (and their usage) only with api_key:read and usage:read: this one holds neither, so to it the
    // key is not there.
    const asKey = await execute(a.app, ApiKeyUsage, { id: key.apiKey.id, granularity: 'DAY', last: 1 }, { authorization: `Bearer ${key.secret}` });
    expect(asKey.errors).toBeUndefined();
    expect(asKey.data).toEqual({ node: null });
  });

  it('prunes hours older than the retention (at most once an hour per instance)', async () => {
    const { key } = await setup();
    const old = day0 - 100 * DAY_MS;
    await callsAt(old, 3, key.secret);
    clock.set(new Date(old)); // flushed while the clock is still then: nothing is old yet
    await flushBoth();
    const rows = () => a.db.prisma.apiKeyUsageBucket.findMany({ where: { apiKeyId: dbId(key.apiKey.id) }, select: { bucketStart: true, count: true } });
    expect(await rows()).toEqual([{ bucketStart: new Date(Math.floor(old / HOUR_MS) * HOUR_MS), count: 3n }]);
    clock.set(t0);
    await callsAt(t0.getTime(), 1, key.secret);
    await flushBoth();
    expect(await rows()).toEqual([{ bucketStart: new Date(hour0), count: 1n }]);
    const row = await a.db.prisma.apiKey.findUniqueOrThrow({ where: { id: dbId(key.apiKey.id) }, select: { usageCount: true } });
    expect(row.usageCount).toBe(4n); // the total is not pruned
  });

  it('counts each requested bucket in the query cost: usage of 100 keys × 90 days is refused, × 1 day passes', async () => {
    const { org } = await setup();
    const query = (last: number) => `query($slug: String!) { organization(slug: $slug) { apiKeys(first: 100) { edges { node { id usage(granularity: DAY, last: ${last}) { start count } } } } } }`;
    const post = async (last: number) => {
      const body = JSON.stringify({ query: query(last), variables: { slug: org.slug } });
      const response = await a.app.fetch('http://keysmith.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), authorization: `Bearer ${org.owner.token}` },
        body,
      });
      return (await response.json()) as { errors?: { extensions?: { code?: string; limit?: string } }[] };
    };
    expect((await post(90)).errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    expect((await post(1)).errors).toBeUndefined();
  });
});

describe('usage series (pure logic)', () => {
  const now = new Date('2026-03-10T10:30:00.000Z');

  it('ends with the period that contains now, or the latest period starting before `before`', () => {
    expect(usageRange('HOUR', 2, null, now)).toMatchObject({ start: Date.parse('2026-03-10T09:00:00Z'), buckets: 2 });
    expect(usageRange('DAY', 1, null, now)).toMatchObject({ start: Date.parse('2026-03-10T00:00:00Z') });
    expect(usageRange('DAY', 1, new Date('2026-03-10T00:00:00Z'), now)).toMatchObject({ start: Date.parse('2026-03-09T00:00:00Z') });
    expect(usageRange('DAY', 1, new Date('2026-03-10T00:00:00.001Z'), now)).toMatchObject({ start: Date.parse('2026-03-10T00:00:00Z') });
  });

  it('sums hours into their UTC day by outcome and zero-fills, ignoring rows outside the range; `count` is the admitted calls', () => {
    const range = usageRange('DAY', 3, null, now);
    const rows = [
      { bucketStart: new Date('2026-03-08T00:00:00Z'), outcome: 'SUCCESS' as const, count: 1n },
      { bucketStart: new Date('2026-03-08T23:00:00Z'), outcome: 'SUCCESS' as const, count: 2n },
      { bucketStart: new Date('2026-03-08T23:00:00Z'), outcome: 'FORBIDDEN' as const, count: 5n },
      { bucketStart: new Date('2026-03-08T23:00:00Z'), outcome: 'RATE_LIMITED' as const, count: 7n },
      { bucketStart: new Date('2026-03-10T10:00:00Z'), outcome: 'SUCCESS' as const, count: 4n },
      { bucketStart: new Date('2026-03-11T00:00:00Z'), outcome: 'SUCCESS' as const, count: 100n },
      { bucketStart: new Date('2026-03-07T23:00:00Z'), outcome: 'SUCCESS' as const, count: 100n },
    ];
    const zero = { SUCCESS: 0, RATE_LIMITED: 0, QUOTA_EXCEEDED: 0, FORBIDDEN: 0, IP_REFUSED: 0, EXPIRED: 0, REVOKED: 0, INACTIVE: 0, INVALID: 0 };
    expect(fillBuckets(range, rows)).toEqual([
      { start: new Date('2026-03-08T00:00:00Z'), count: 8, outcomes: { ...zero, SUCCESS: 3, FORBIDDEN: 5, RATE_LIMITED: 7 } },
      { start: new Date('2026-03-09T00:00:00Z'), count: 0, outcomes: zero },
      { start: new Date('2026-03-10T00:00:00Z'), count: 4, outcomes: { ...zero, SUCCESS: 4 } },
    ]);
  });

  it('costs a usage list as its number of buckets', () => {
    const schema = buildSchema(fs.readFileSync(`${projectRoot}/schema.graphql`, 'utf8'));
    const cost = (last: number) =>
      analyzeOperation(schema, parse(`query($id: ID!, $n: Int!) { node(id: $id) { ... on ApiKey { usage(granularity: HOUR, last: $n) { start count } } } }`), null, { id: 'x', n: last })!.cost;
    expect(cost(48) - cost(1)).toBe(47 * (cost(2) - cost(1)));
    expect(cost(2)).toBeGreaterThan(cost(1));
  });
});
