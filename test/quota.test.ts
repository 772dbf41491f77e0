import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/gql.ts';
import { as, execute, ok } from './support/client.ts';
import { dbId, newOrg } from './support/fixtures.ts';
import { CreateMeteredKey, meteredTenant } from './support/metered-keys.ts';
import { ManualClock } from './support/manual-clock.ts';
import { CreateWebhookEndpoint, ErrorFields } from './support/operations.ts';
import { currentQuota, lastRefillAt, nextRefillAt, quotaEvents } from '../src/domains/api-keys/quota.ts';

void ErrorFields;

type QuotaIn = { remaining: number; lowThreshold?: number; refill?: { amount: number; interval: 'DAILY' | 'MONTHLY'; dayOfMonth?: number } };

const UpdateQuota = graphql(`
  mutation UpdateQuota($input: UpdateApiKeyInput!) {
    updateApiKey(input: $input) {
      __typename
      ...ErrorFields
    }
  }
`);

const KeyQuota = graphql(`
  query KeyQuota($id: ID!) {
    node(id: $id) {
      ... on ApiKey {
        quota {
          remaining
          lowThreshold
          lastRefillAt
          nextRefillAt
          refill {
            amount
            interval
            dayOfMonth
          }
        }
      }
    }
  }
`);

describe('quota refill arithmetic', () => {
  const d = (s: string) => Date.parse(s);
  it('daily refills at 00:00 UTC; monthly on its day, or the last day of a shorter month', () => {
    const daily = { amount: 5, interval: 'DAILY' as const, dayOfMonth: null };
    expect(lastRefillAt(daily, d('2027-03-10T13:00:00Z'))).toBe(d('2027-03-10T00:00:00Z'));
    expect(nextRefillAt(daily, d('2027-03-10T13:00:00Z'))).toBe(d('2027-03-11T00:00:00Z'));
    const on31 = { amount: 5, interval: 'MONTHLY' as const, dayOfMonth: 31 };
    expect(nextRefillAt(on31, d('2027-02-10T00:00:00Z'))).toBe(d('2027-02-28T00:00:00Z'));
    expect(lastRefillAt(on31, d('2027-03-10T00:00:00Z'))).toBe(d('2027-02-28T00:00:00Z'));
    expect(nextRefillAt(on31, d('2027-02-28T00:00:00Z'))).toBe(d('2027-03-31T00:00:00Z'));
    const on15 = { amount: 5, interval: 'MONTHLY' as const, dayOfMonth: 15 };
    expect(lastRefillAt(on15, d('2027-01-15T00:00:00Z'))).toBe(d('2027-01-15T00:00:00Z'));
    expect(lastRefillAt(on15, d('2027-01-14T23:59:59Z'))).toBe(d('2026-12-15T00:00:00Z'));
    const state = { refill: on15, lowThreshold: null, remaining: 0, refilledAt: new Date('2027-01-15T00:00:00Z') };
    expect(currentQuota(state, new Date('2027-02-14T23:59:59.999Z')).remaining).toBe(0);
    expect(currentQuota(state, new Date('2027-02-15T00:00:00Z'))).toMatchObject({ remaining: 5, refilledAt: new Date('2027-02-15T00:00:00Z') });
  });
  it('events: low once when crossing the threshold, exhausted at zero', () => {
    expect(quotaEvents(5, 3, 3)).toEqual(['api_key.quota_low']);
    expect(quotaEvents(3, 2, 3)).toEqual([]);
    expect(quotaEvents(2, 0, 3)).toEqual(['api_key.quota_exhausted']);
    expect(quotaEvents(5, 4, null)).toEqual([]);
  });
});

describe('quotas through the API', () => {
  const clock = new ManualClock(new Date(Date.UTC(2027, 0, 10, 12)));
  const m = meteredTenant({ clock });
  beforeAll(async () => {
    as(
      ok(
        await execute(
          m.t.app,
          CreateWebhookEndpoint,
          { input: { organizationId: m.org.id, url: 'https://hooks.example.com/quota', events: ['API_KEY_QUOTA_LOW', 'API_KEY_QUOTA_EXHAUSTED'] } },
          { token: m.org.owner.token },
        ),
      ).createWebhookEndpoint,
      'CreateWebhookEndpointPayload',
    );
  }, 60_000);

  const quotaKey = (quota: QuotaIn) => m.key({ permissions: [{ permission: 'workflow:trigger' }], quota });
  const trigger = (secret: string, extra: { cost?: number; idempotencyKey?: string } = {}) => m.trigger(secret, extra);
  const executions = (keyId: string) => m.executions(keyId);
  const events = async (keyId: string) =>
    (await m.t.db.prisma.webhookDelivery.findMany({ where: { organizationId: dbId(m.org.id) }, orderBy: { createdAt: 'asc' } }))
      .filter((d) => (d.payload as { data: { id: string } }).data.id === keyId)
      .map((d) => `${d.eventType}:${(d.payload as { data: { quota: { remaining: number } } }).data.quota.remaining}`);

  it('each started execution costs its cost; too few credits is QuotaExceededError and starts nothing; low and exhausted are sent once each', async () => {
    const key = await quotaKey({ remaining: 10, lowThreshold: 4, refill: { amount: 10, interval: 'DAILY' } });
    expect(as(ok(await trigger(key.secret)).triggerWorkflow, 'TriggerWorkflowPayload').replayed).toBe(false); // 9
    ok(await trigger(key.secret, { cost: 5 })); // 4: low
    ok(await trigger(key.secret, { cost: 3 })); // 1
    const refused = ok(await trigger(key.secret, { cost: 2 })).triggerWorkflow;
    expect(refused).toEqual({
      __typename: 'QuotaExceededError',
      remaining: 1,
      cost: 2,
      refillsAt: '2027-01-11T00:00:00.000Z',
      message: 'This API key has 1 credit left, fewer than the 2 this trigger costs; its quota refills at 2027-01-11T00:00:00.000Z',
    });
    expect(await executions(key.apiKey.id)).toBe(3);
    ok(await trigger(key.secret)); // 0: exhausted
    expect(ok(await trigger(key.secret)).triggerWorkflow.__typename).toBe('QuotaExceededError');
    expect(await executions(key.apiKey.id)).toBe(4);
    expect(await events(key.apiKey.id)).toEqual(['api_key.quota_low:4', 'api_key.quota_exhausted:0']);
    expect(ok(await execute(m.t.app, KeyQuota, { id: key.apiKey.id }, { token: m.org.owner.token })).node).toEqual({
      quota: { remaining: 0, lowThreshold: 4, lastRefillAt: '2027-01-10T12:00:00.000Z', nextRefillAt: '2027-01-11T00:00:00.000Z', refill: { amount: 10, interval: 'DAILY', dayOfMonth: null } },
    });
    // The refill, at midnight UTC: the credits are back, and the events can fire again.
    clock.set(new Date('2027-01-11T00:00:00Z'));
    expect(ok(await execute(m.t.app, KeyQuota, { id: key.apiKey.id }, { token: m.org.owner.token })).node).toMatchObject({ quota: { remaining: 10, lastRefillAt: '2027-01-11T00:00:00.000Z' } });
    ok(await trigger(key.secret, { cost: 10 }));
    expect(await executions(key.apiKey.id)).toBe(5);
    expect(await events(key.apiKey.id)).toEqual(['api_key.quota_low:4', 'api_key.quota_exhausted:0', 'api_key.quota_exhausted:0']);
    clock.set(new Date(Date.UTC(2027, 0, 10, 12)));
  });

  it('a replay costs nothing, even at zero; concurrent triggers never overspend', async () => {
    const key = await quotaKey({ remaining: 5 });
    ok(await trigger(key.secret, { idempotencyKey: 'order-1', cost: 5 }));
    const replay = as(ok(await trigger(key.secret, { idempotencyKey: 'order-1', cost: 5 })).triggerWorkflow, 'TriggerWorkflowPayload');
    expect(replay.replayed).toBe(true);
    const other = await quotaKey({ remaining: 7 });
    const results = await Promise.all(Array.from({ length: 20 }, () => trigger(other.secret).then((r) => ok(r).triggerWorkflow.__typename)));
    expect(results.filter((r) => r === 'TriggerWorkflowPayload')).toHaveLength(7);
    expect(results.filter((r) => r === 'QuotaExceededError')).toHaveLength(13);
    expect(await executions(other.apiKey.id)).toBe(7);
    expect(ok(await execute(m.t.app, KeyQuota, { id: other.apiKey.id }, { token: m.org.owner.token })).node).toMatchObject({ quota: { remaining: 0, refill: null, nextRefillAt: null } });
  });

  it('set on a key without one takes effect at once; removed, the key is unmetered again', async () => {
    const key = await quotaKey({ remaining: 1 });
    ok(await trigger(key.secret));
    expect(ok(await trigger(key.secret)).triggerWorkflow.__typename).toBe('QuotaExceededError');
    expect(ok(await execute(m.t.app, UpdateQuota, { input: { id: key.apiKey.id, removeQuota: true } }, { token: m.org.owner.token })).updateApiKey.__typename).toBe('UpdateApiKeyPayload');
    expect(ok(await execute(m.t.app, KeyQuota, { id: key.apiKey.id }, { token: m.org.owner.token })).node).toEqual({ quota: null });
    ok(await trigger(key.secret));
    ok(await execute(m.t.app, UpdateQuota, { input: { id: key.apiKey.id, quota: { remaining: 0 } } }, { token: m.org.owner.token }));
    expect(ok(await trigger(key.secret)).triggerWorkflow.__typename).toBe('QuotaExceededError');
    expect(await executions(key.apiKey.id)).toBe(2);
  });

  it('bad quota input and a bad cost are typed errors naming the field, and change nothing', async () => {
    const bad = async (quota: QuotaIn) => ok(await execute(m.t.app, CreateMeteredKey, { input: { projectId: m.project.id, name: 'bad', expiry: { policy: 'NEVER' }, permissions: [{ permission: 'workflow:trigger' }], quota } }, { token: m.org.owner.token })).createProjectApiKey;
    expect(await bad({ remaining: -1 })).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'quota', 'remaining'] }] });
    expect(await bad({ remaining: 1, refill: { amount: 0, interval: 'DAILY' } })).toMatchObject({ issues: [{ path: ['input', 'quota', 'refill', 'amount'] }] });
    expect(await bad({ remaining: 1, refill: { amount: 5, interval: 'MONTHLY' } })).toMatchObject({ issues: [{ path: ['input', 'quota', 'refill', 'dayOfMonth'] }] });
    expect(await bad({ remaining: 1, refill: { amount: 5, interval: 'MONTHLY', dayOfMonth: 32 } })).toMatchObject({ issues: [{ path: ['input', 'quota', 'refill', 'dayOfMonth'] }] });
    expect(await bad({ remaining: 1, refill: { amount: 5, interval: 'DAILY', dayOfMonth: 3 } })).toMatchObject({ issues: [{ path: ['input', 'quota', 'refill', 'dayOfMonth'] }] });
    expect(await bad({ remaining: 1, lowThreshold: 0 })).toMatchObject({ issues: [{ path: ['input', 'quota', 'lowThreshold'] }] });
    const key = await quotaKey({ remaining: 3 });
    const both = ok(await execute(m.t.app, UpdateQuota, { input: { id: key.apiKey.id, quota: { remaining: 9 }, removeQuota: true } }, { token: m.org.owner.token })).updateApiKey;
    expect(both).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'removeQuota'] }] });
    for (const cost of [0, 1001]) {
      const r = ok(await trigger(key.secret, { cost })).triggerWorkflow;
      expect(r).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'cost'] }] });
    }
    expect(ok(await execute(m.t.app, KeyQuota, { id: key.apiKey.id }, { token: m.org.owner.token })).node).toMatchObject({ quota: { remaining: 3 } });
    expect(await executions(key.apiKey.id)).toBe(0);
    // Another organization's owner cannot set it: not found.
    const other = await newOrg(m.t.app, { plan: 'TEAM' });
    expect(ok(await execute(m.t.app, UpdateQuota, { input: { id: key.apiKey.id, quota: { remaining: 1000 } } }, { token: other.owner.token })).updateApiKey.__typename).toBe('NotFoundError');
  });
});
