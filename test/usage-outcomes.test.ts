import { describe, expect, it } from 'vitest';
import { graphql } from './generated/gql.ts';
import { execute, ok, type Result } from './support/client.ts';
import { newOrg, type TestOrg } from './support/fixtures.ts';
import { wrongSecret } from './support/keys.ts';
import { generateKey } from '../src/lib/key-format.ts';
import { ManualClock } from './support/manual-clock.ts';
import { meteredTenant, type MeteredKey } from './support/metered-keys.ts';
import { ErrorFields } from './support/operations.ts';

void ErrorFields;

const OutcomeFields = graphql(`
  fragment OutcomeFields on UsageOutcomeCounts {
    success
    rateLimited
    quotaExceeded
    forbidden
    ipRefused
    expired
    revoked
    inactive
    invalid
    admitted
    refused
    total
  }
`);
void OutcomeFields;

const KeyUsageByOutcome = graphql(`
  query KeyUsageByOutcome($id: ID!, $granularity: UsageGranularity!, $last: Int!, $before: DateTime) {
    node(id: $id) {
      __typename
      ... on ApiKey {
        usageCount
        usage(granularity: $granularity, last: $last, before: $before) {
          start
          count
          outcomes {
            ...OutcomeFields
          }
        }
        usageTotals(granularity: $granularity, last: $last, before: $before) {
          ...OutcomeFields
        }
      }
    }
  }
`);

const OrgUsageOverview = graphql(`
  query OrgUsageOverview($id: ID!, $from: DateTime!, $to: DateTime, $first: Int) {
    node(id: $id) {
      __typename
      ... on Organization {
        usageOverview(from: $from, to: $to) {
          from
          to
          totals {
            ...OutcomeFields
          }
          topKeysByCalls(first: $first) {
            apiKey {
              id
              name
            }
            outcomes {
              total
              refused
            }
          }
          topKeysByRefusals(first: $first) {
            apiKey {
              id
            }
            outcomes {
              total
              refused
            }
          }
        }
      }
    }
  }
`);

const OrgUsageExport = graphql(`
  query OrgUsageExport($id: ID!, $granularity: UsageGranularity!, $from: DateTime!, $to: DateTime, $first: Int, $after: String, $last: Int, $before: String) {
    node(id: $id) {
      __typename
      ... on Organization {
        usageExport(granularity: $granularity, from: $from, to: $to, first: $first, after: $after, last: $last, before: $before) {
          edges {
            cursor
            node {
              apiKeyId
              apiKeyName
              start
              outcome
              count
            }
          }
          pageInfo {
            hasNextPage
            hasPreviousPage
            endCursor
            startCursor
          }
        }
      }
    }
  }
`);

const OrgBySlug = graphql(`
  query UsageOrgBySlug($slug: String!) {
    organization(slug: $slug) {
      id
    }
  }
`);

const KeyCreatesKey = graphql(`
  mutation UsageKeyCreatesKey($input: CreateProjectApiKeyInput!) {
    createProjectApiKey(input: $input) {
      __typename
      ...ErrorFields
    }
  }
`);

const SetKeyStatus = graphql(`
  mutation UsageSetKeyStatus($input: UpdateApiKeyInput!) {
    updateApiKey(input: $input) {
      __typename
      ...ErrorFields
    }
  }
`);

const Revoke = graphql(`
  mutation UsageRevokeKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      __typename
      ...ErrorFields
    }
  }
`);

type Counts = {
  success: number;
  rateLimited: number;
  quotaExceeded: number;
  forbidden: number;
  ipRefused: number;
  expired: number;
  revoked: number;
  inactive: number;
  invalid: number;
};
const ZERO: Counts = { success: 0, rateLimited: 0, quotaExceeded: 0, forbidden: 0, ipRefused: 0, expired: 0, revoked: 0, inactive: 0, invalid: 0 };
/** The counts a response reports: the given ones, zero elsewhere, and their sums. */
function counts(given: Partial<Counts>) {
  const c = { ...ZERO, ...given };
  const total = Object.values(c).reduce((a, b) => a + b, 0);
  return { ...c, admitted: c.success + c.forbidden + c.quotaExceeded, refused: total - c.success, total };
}

const ALLOWED = { 'x-forwarded-for': '203.0.113.7' };
const OUTSIDE = { 'x-forwarded-for': '198.51.100.9' };
const HOUR = 3_600_000;

describe('usage counted by outcome, through the API', () => {
  // Frozen 10 minutes into an hour near real time (the retention is relative to it); every call lands in that hour.
  const hourStart = Math.floor(Date.now() / HOUR) * HOUR;
  const clock = new ManualClock(new Date(hourStart + 10 * 60_000));
  // Behind a proxy, so that a test chooses the client address; usage is flushed when a test says so.
  const m = meteredTenant({ clock, env: { TRUST_PROXY: 'true', USAGE_FLUSH_INTERVAL_MS: '60000' } });
  const owner = () => ({ token: m.org.owner.token });
  const statusOf = (r: Result<unknown>) => r.status;

  /** K: 7 calls a day, 2 credits, one allowed range, trigger only. */
  let k: MeteredKey;
  /** K2 expires 2 minutes in; K3 is switched inactive. */
  let k2: MeteredKey;
  let k3: MeteredKey;
  let made: Record<'k' | 'k2' | 'k3', Counts>;

  const readKey = async (id: string, granularity: 'HOUR' | 'DAY' = 'HOUR') => {
    const node = ok(await execute(m.t.app, KeyUsageByOutcome, { id, granularity, last: 1 }, owner())).node;
    if (node?.__typename !== 'ApiKey') throw new Error('key not readable');
    return node;
  };
  const overview = (variables: { from: string; to?: string; first?: number }, org: TestOrg = m.org, id = m.org.id) =>
    execute(m.t.app, OrgUsageOverview, { id, ...variables }, { token: org.owner.token });
  const exportPageOf = (variables: { granularity: 'HOUR' | 'DAY'; from: string; to?: string; first?: number; after?: string; last?: number; before?: string }) =>
    execute(m.t.app, OrgUsageExport, { id: m.org.id, ...variables }, owner());
  const from = new Date(hourStart).toISOString();

  it('counts each call of a known key once, under the outcome it got, exactly', async () => {
    k = await m.key({ permissions: [{ permission: 'workflow:trigger' }], rateLimits: [{ name: 'daily', limit: 7, durationSeconds: 86_400 }], quota: { remaining: 2 }, ipAllowlist: ['203.0.113.0/24'] });
    k2 = await m.key({ name: 'expiring', permissions: [{ permission: 'workflow:trigger' }], expiry: { policy: 'CUSTOM', expiresAt: new Date(clock.now().getTime() + 2 * 60_000).toISOString() } });
    k3 = await m.key({ name: 'paused', permissions: [{ permission: 'workflow:trigger' }] });

    // K: admitted calls, seven of them (its daily limit).
    expect(statusOf(await m.call(k.secret, ALLOWED))).toBe(200); // SUCCESS
    expect(ok(await m.trigger(k.secret, {}, ALLOWED)).triggerWorkflow.__typename).toBe('TriggerWorkflowPayload'); // SUCCESS
    expect(ok(await m.trigger(k.secret, {}, ALLOWED)).triggerWorkflow.__typename).toBe('TriggerWorkflowPayload'); // SUCCESS
    expect(ok(await m.trigger(k.secret, {}, ALLOWED)).triggerWorkflow.__typename).toBe('QuotaExceededError'); // QUOTA_EXCEEDED
    // Without organization:read: a FORBIDDEN error (the field's scope).
    const scoped = await execute(m.t.app, OrgBySlug, { slug: m.org.slug }, { authorization: `Bearer ${k.secret}`, headers: ALLOWED });
    expect(scoped.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'organization:read' });
    // Without api_key:create: the mutation's typed ForbiddenError.
    const typed = ok(
      await execute(m.t.app, KeyCreatesKey, { input: { projectId: m.project.id, name: 'child', expiry: { policy: 'NEVER' }, permissions: [{ permission: 'workflow:trigger' }] } }, {
        authorization: `Bearer ${k.secret}`,
        headers: ALLOWED,
      }),
    ).createProjectApiKey;
    expect(typed.__typename).toBe('ForbiddenError');
    expect(statusOf(await m.call(k.secret, ALLOWED))).toBe(200); // SUCCESS: the seventh call
    // K: refused calls.
    expect(statusOf(await m.call(k.secret, ALLOWED))).toBe(429); // RATE_LIMITED
    expect(statusOf(await m.trigger(k.secret, {}, ALLOWED))).toBe(429); // RATE_LIMITED
    expect(statusOf(await m.call(k.secret, OUTSIDE))).toBe(403); // IP_REFUSED
    expect(statusOf(await m.call(wrongSecret(k.secret), ALLOWED))).toBe(401); // INVALID
    expect(statusOf(await m.call(wrongSecret(k.secret), ALLOWED))).toBe(401); // INVALID
    expect(ok(await execute(m.t.app, Revoke, { input: { id: k.apiKey.id } }, owner())).revokeApiKey.__typename).toBe('RevokeApiKeyPayload');
    expect((await m.call(k.secret, ALLOWED)).errors?.[0].extensions).toMatchObject({ reason: 'KEY_REVOKED' }); // REVOKED

    // K2: five calls, then past its expiry one more.
    for (let i = 0; i < 5; i++) expect(statusOf(await m.call(k2.secret))).toBe(200);
    clock.advance(3 * 60_000);
    expect((await m.call(k2.secret)).errors?.[0].extensions).toMatchObject({ reason: 'KEY_EXPIRED' }); // EXPIRED

    // K3: switched inactive, then two calls.
    expect(ok(await execute(m.t.app, SetKeyStatus, { input: { id: k3.apiKey.id, status: 'INACTIVE' } }, owner())).updateApiKey.__typename).toBe('UpdateApiKeyPayload');
    for (let i = 0; i < 2; i++) expect((await m.call(k3.secret)).errors?.[0].extensions).toMatchObject({ reason: 'KEY_INACTIVE' }); // INACTIVE

    // Calls that belong to no key: a malformed key, an unknown id, a person's token.
    expect(statusOf(await m.call(`${k.secret.slice(0, -1)}${k.secret.endsWith('A') ? 'B' : 'A'}`))).toBe(401);
    expect(statusOf(await m.call(generateKey().key))).toBe(401);
    expect(statusOf(await execute(m.t.app, OrgBySlug, { slug: m.org.slug }, owner()))).toBe(200);

    made = {
      k: { ...ZERO, success: 4, quotaExceeded: 1, forbidden: 2, rateLimited: 2, ipRefused: 1, invalid: 2, revoked: 1 },
      k2: { ...ZERO, success: 5, expired: 1 },
      k3: { ...ZERO, inactive: 2 },
    };
    await m.t.app.usage.flush();

    const keyUsage = await readKey(k.apiKey.id);
    expect(keyUsage.usage).toEqual([{ start: from, count: 7, outcomes: counts(made.k) }]);
    expect(keyUsage.usageTotals).toEqual(counts(made.k));
    // `usageCount` (and each bucket's `count`) keeps meaning the admitted calls.
    expect(keyUsage.usageCount).toBe(7);
    expect((await readKey(k.apiKey.id, 'DAY')).usageTotals).toEqual(counts(made.k));
    const k2Usage = await readKey(k2.apiKey.id);
    expect(k2Usage.usage[0].outcomes).toEqual(counts(made.k2));
    expect(k2Usage.usageCount).toBe(5);
    const k3Usage = await readKey(k3.apiKey.id);
    expect(k3Usage.usage[0]).toEqual({ start: from, count: 0, outcomes: counts(made.k3) });
    expect(k3Usage.usageCount).toBe(0);
    // Nothing started by the refused triggers: the two credits' worth only.
    expect(await m.executions(k.apiKey.id)).toBe(2);
  });

  it('the organization overview: totals, top keys by calls and by refusals in order, bounded by `first`', async () => {
    const o = ok(await overview({ from })).node;
    if (o?.__typename !== 'Organization') throw new Error('organization not readable');
    const all = counts({
      success: 9,
      quotaExceeded: 1,
      forbidden: 2,
      rateLimited: 2,
      ipRefused: 1,
      invalid: 2,
      revoked: 1,
      expired: 1,
      inactive: 2,
    });
    expect(o.usageOverview!.totals).toEqual(all);
    expect(o.usageOverview!.from).toBe(from);
    expect(o.usageOverview!.to).toBe(new Date(hourStart + HOUR).toISOString()); // `to` defaults to now, rounded up
    // By calls: K (13), K2 (6), K3 (2). By refusals: K (9), K3 (2), K2 (1).
    expect(o.usageOverview!.topKeysByCalls.map((r) => [r.apiKey?.id, r.outcomes.total])).toEqual([
      [k.apiKey.id, 13],
      [k2.apiKey.id, 6],
      [k3.apiKey.id, 2],
    ]);
    expect(o.usageOverview!.topKeysByRefusals.map((r) => [r.apiKey?.id, r.outcomes.refused])).toEqual([
      [k.apiKey.id, 9],
      [k3.apiKey.id, 2],
      [k2.apiKey.id, 1],
    ]);
    const two = ok(await overview({ from, first: 2 })).node;
    if (two?.__typename !== 'Organization') throw new Error('organization not readable');
    expect(two.usageOverview!.topKeysByCalls.map((r) => r.apiKey?.id)).toEqual([k.apiKey.id, k2.apiKey.id]);
    expect(two.usageOverview!.topKeysByRefusals.map((r) => r.apiKey?.id)).toEqual([k.apiKey.id, k3.apiKey.id]);
    // A range that ends before these calls holds none of them.
    const before = ok(await overview({ from: new Date(hourStart - 5 * HOUR).toISOString(), to: from })).node;
    if (before?.__typename !== 'Organization') throw new Error('organization not readable');
    expect(before.usageOverview!.totals.total).toBe(0);
    expect(before.usageOverview!.topKeysByCalls).toEqual([]);
  });

  it('the export pages through every row exactly once, forwards and backwards, hourly and daily', async () => {
    const expected = [
      ...Object.entries(made.k).map(([o, n]) => [k.apiKey.id, 'metered', o, n] as const),
      ...Object.entries(made.k2).map(([o, n]) => [k2.apiKey.id, 'expiring', o, n] as const),
      ...Object.entries(made.k3).map(([o, n]) => [k3.apiKey.id, 'paused', o, n] as const),
    ]
      .filter(([, , , n]) => n > 0)
      .map(([id, name, o, n]) => `${id} ${name} ${o.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()} ${n}`)
      .sort();
    expect(expected).toHaveLength(10);
    for (const granularity of ['HOUR', 'DAY'] as const) {
      const start = granularity === 'HOUR' ? from : new Date(Math.floor(hourStart / 86_400_000) * 86_400_000).toISOString();
      const seen: string[] = [];
      let after: string | undefined;
      let pages = 0;
      for (;;) {
        const node = ok(await exportPageOf({ granularity, from, first: 3, after })).node;
        if (node?.__typename !== 'Organization') throw new Error('organization not readable');
        const page = node.usageExport!;
        pages++;
        for (const e of page.edges) {
          expect(e.node.start).toBe(start);
          seen.push(`${e.node.apiKeyId} ${e.node.apiKeyName} ${e.node.outcome} ${e.node.count}`);
        }
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor ?? undefined;
        expect(pages).toBeLessThan(10);
      }
      expect(pages).toBe(4); // 3 + 3 + 3 + 1
      expect(new Set(seen).size).toBe(seen.length);
      expect([...seen].sort()).toEqual(expected);
      // Backwards from the end gives the same rows in the same order.
      const back: string[] = [];
      let before: string | undefined;
      for (;;) {
        const node = ok(await exportPageOf({ granularity, from, last: 4, before })).node;
        if (node?.__typename !== 'Organization') throw new Error('organization not readable');
        back.unshift(...node.usageExport!.edges.map((e) => `${e.node.apiKeyId} ${e.node.apiKeyName} ${e.node.outcome} ${e.node.count}`));
        if (!node.usageExport!.pageInfo.hasPreviousPage) break;
        before = node.usageExport!.pageInfo.startCursor ?? undefined;
      }
      expect(back).toEqual(seen);
    }
  });

  it('refuses every bad argument with BAD_USER_INPUT naming it', async () => {
    const now = clock.now().getTime();
    const tooOld = new Date(Math.floor(now / 86_400_000) * 86_400_000 - 90 * 86_400_000).toISOString();
    const badArg = (r: Result<unknown>, argument: string) => {
      // Nothing answered: the field is null (with the error).
      const node = (r.data as { node?: Record<string, unknown> | null } | null)?.node;
      expect(Object.entries(node ?? {}).filter(([name, value]) => name !== '__typename' && value !== null)).toEqual([]);
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0].message).toContain(argument);
    };
    const expectIssue = (r: Result<unknown>, argument: string) => {
      badArg(r, argument);
      expect(r.errors?.[0].extensions?.issues).toEqual([expect.objectContaining({ path: [argument] })]);
    };
    // Overview: the range, and `first` of each list.
    expectIssue(await overview({ from: tooOld }), 'from');
    expectIssue(await overview({ from, to: new Date(hourStart - HOUR).toISOString() }), 'to');
    expectIssue(await overview({ from, to: new Date(hourStart + 91 * 86_400_000).toISOString() }), 'to');
    badArg(await overview({ from, first: 101 }), 'first');
    badArg(await overview({ from, first: -1 }), 'first');
    // Export: the range, the page size, the cursors.
    expectIssue(await exportPageOf({ granularity: 'HOUR', from: tooOld }), 'from');
    expectIssue(await exportPageOf({ granularity: 'DAY', from, to: new Date(hourStart - 2 * 86_400_000).toISOString() }), 'to');
    badArg(await exportPageOf({ granularity: 'HOUR', from, first: 101 }), 'first');
    badArg(await exportPageOf({ granularity: 'HOUR', from, last: 101 }), 'last');
    expectIssue(await exportPageOf({ granularity: 'HOUR', from, after: 'not-a-cursor' }), 'after');
    expectIssue(await exportPageOf({ granularity: 'HOUR', from, last: 2, before: 'bm90LWEtY3Vyc29y' }), 'before');
    const hourly = ok(await exportPageOf({ granularity: 'HOUR', from, first: 1 })).node;
    if (hourly?.__typename !== 'Organization') throw new Error('organization not readable');
    expectIssue(await exportPageOf({ granularity: 'DAY', from, after: hourly.usageExport!.pageInfo.endCursor ?? '' }), 'after');
    // A key's totals take `usage`'s arguments and their bounds.
    for (const [variables, argument] of [
      [{ granularity: 'HOUR' as const, last: 0 }, 'last'],
      [{ granularity: 'HOUR' as const, last: 49 }, 'last'],
      [{ granularity: 'DAY' as const, last: 3, before: tooOld }, 'before'],
    ] as const) {
      const r = await execute(m.t.app, KeyUsageByOutcome, { id: k.apiKey.id, ...variables }, owner());
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [expect.objectContaining({ path: [argument] })] });
    }
  });

  it("keeps organizations apart: another organization's usage is not found, and its own overview has none of these calls", async () => {
    const other = await newOrg(m.t.app, { plan: 'TEAM' });
    // Our organization, asked by the other owner: not found (null), not forbidden.
    const theirs = await overview({ from }, other, m.org.id);
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data?.node).toBeNull();
    const exported = await execute(m.t.app, OrgUsageExport, { id: m.org.id, granularity: 'HOUR', from }, { token: other.owner.token });
    expect(exported.errors).toBeUndefined();
    expect(exported.data?.node).toBeNull();
    const node = ok(await overview({ from }, other, other.id)).node;
    if (node?.__typename !== 'Organization') throw new Error('organization not readable');
    expect(node.usageOverview!.totals.total).toBe(0);
    expect(node.usageOverview!.topKeysByCalls).toEqual([]);
    // Our key's own usage, by global id, for the other owner: not found.
    expect(ok(await execute(m.t.app, KeyUsageByOutcome, { id: k.apiKey.id, granularity: 'HOUR', last: 1 }, { token: other.owner.token })).node).toBeNull();
  });
});
