import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { wrongSecret } from './support/keys.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from './support/manual-clock.ts';
import { allowsAddress, normalizeAllowlist, normalizeEntry } from '../src/domains/api-keys/allowlist.ts';
import { ValidationError } from '../src/errors.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { as, execute, ok } from './support/client.ts';
import { dbId, newOrg, newProject, newWorkflow } from './support/fixtures.ts';
import {
  ApiKeyAddresses,
  AuditEvents,
  CreateOrganizationApiKey,
  CreateProjectApiKey,
  CurrentApiKeyAllowlist,
  RotateApiKey,
  TriggerWorkflow,
  UpdateApiKey,
} from './support/operations.ts';

// ——— Pure logic: parsing, normalizing and matching entries ———

describe('allowlist entries', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    [' 203.0.113.7 ', '203.0.113.7'],
    ['10.0.0.0/8', '10.0.0.0/8'],
    ['10.0.0.0/08', '10.0.0.0/8'],
    ['0.0.0.0/0', '0.0.0.0/0'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['2001:db8::/32', '2001:db8::/32'],
    ['::/0', '::/0'],
    ['::1', '::1'],
    // IPv4-mapped IPv6 is stored as the IPv4 address or range it stands for.
    ['::ffff:10.0.0.1', '10.0.0.1'],
    ['::ffff:10.0.0.0/104', '10.0.0.0/8'],
  ])('normalizes %j to %j', (raw, normalized) => {
    expect(normalizeEntry(raw)).toEqual({ entry: normalized });
  });

  it.each([
    ['10.0.0.0/33', /"10\.0\.0\.0\/33" is not an IPv4 or IPv6 address or CIDR range/],
    ['2001:db8::/129', /is not an IPv4 or IPv6 address or CIDR range/],
    ['::g', /"::g" is not an IPv4 or IPv6 address/],
    ['', /must not be empty/],
    ['   ', /must not be empty/],
    ['10.1', /is not an IPv4/], // classful shorthand
    ['010.0.0.1', /is not an IPv4/], // octal-looking octet
    ['0x0a.0.0.1', /is not an IPv4/],
    ['256.0.0.1', /is not an IPv4/],
    ['10.0.0.0/8/8', /is not an IPv4/],
    ['10.0.0.0/', /is not an IPv4/],
    ['10.0.0.0/-1', /is not an IPv4/],
    ['fe80::1%eth0', /is not an IPv4/], // zone ids mean nothing to a remote client
    ['example.com', /is not an IPv4/],
    ['10.0.0.1/8', /bits set after its \/8 prefix: write the range as 10\.0\.0\.0\/8/],
    ['2001:db8::1/32', /write the range as 2001:db8::\/32/],
  ])('refuses %j', (raw, message) => {
    const result = normalizeEntry(raw);
    expect(result).toHaveProperty('error');
    expect((result as { error: string }).error).toMatch(message);
  });

  it('reports every bad entry by index, duplicates after normalization, and more than 100 entries', () => {
    const path = ['input', 'ipAllowlist'];
    const issues = (entries: string[]) => {
      try {
        normalizeAllowlist(entries, path);
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        return (error as ValidationError).issues.map((i) => [i.path.join('.'), i.message]);
      }
      throw new Error('accepted');
    };
    expect(issues(['10.0.0.0/8', '::g', '10.0.0.0/33'])).toEqual([
      ['input.ipAllowlist.1', expect.stringContaining('"::g"')],
      ['input.ipAllowlist.2', expect.stringContaining('"10.0.0.0/33"')],
    ]);
    expect(issues(['10.0.0.1', '::ffff:10.0.0.1'])).toEqual([['input.ipAllowlist.1', '10.0.0.1 is already listed (entry 0)']]);
    expect(issues(Array.from({ length: 101 }, (_, i) => `10.0.0.${i}`))).toEqual([
      ['input.ipAllowlist', 'must list at most 100 addresses or ranges (got 101)'],
    ]);
    expect(normalizeAllowlist(Array.from({ length: 100 }, (_, i) => `10.0.0.${i}`), path)).toHaveLength(100);
  });

  it('matches IPv4 and IPv6 addresses and ranges; IPv4-mapped clients as IPv4; unknown clients never', () => {
    const list = normalizeAllowlist(['10.0.0.0/8', '203.0.113.7', '2001:db8::/32', '::1'], []);
    for (const ip of ['10.0.0.1', '10.255.255.255', '203.0.113.7', '::ffff:10.1.2.3', '::ffff:203.0.113.7', '2001:db8::1', '2001:db8:ffff::9', '::1']) {
      expect(allowsAddress(list, ip), ip).toBe(true);
    }
    for (const ip of ['11.0.0.1', '203.0.113.8', '::ffff:11.0.0.1', '2001:db9::1', '::2', 'garbage', '', '10.1']) {
      expect(allowsAddress(list, ip), ip).toBe(false);
    }
    expect(allowsAddress(list, null)).toBe(false);
    // An IPv6 range never admits an IPv4 client, nor the reverse.
    expect(allowsAddress(normalizeAllowlist(['::/0'], []), '10.0.0.1')).toBe(false);
    expect(allowsAddress(normalizeAllowlist(['0.0.0.0/0'], []), '2001:db8::1')).toBe(false);
    // No list: every address, even an unknown one.
    expect(allowsAddress([], null)).toBe(true);
    expect(allowsAddress([], '198.51.100.1')).toBe(true);
  });
});

// ——— Through the API ———

const METRICS_TOKEN = 'metrics-token-0123456789abcdef';
const metric = async (reason: string) => {
  const text = await (await t.app.fetch('http://keysmith.test/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  return Number(new RegExp(`keysmith_api_key_auth_failures_total\\{reason="${reason}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
};

/** A clock the test moves, so that every call is seen at a distinct time. */
const clock = new ManualClock(new Date('2030-01-01T00:00:00.000Z'));
let t: TestApp;
beforeAll(async () => {
  // Behind a proxy (TRUST_PROXY): the last X-Forwarded-For entry is the client. Usage is flushed when a test says so.
  t = await startTestApp({ clock, env: { TRUST_PROXY: 'true', USAGE_FLUSH_INTERVAL_MS: '60000', METRICS_TOKEN } });
});
afterAll(() => t.close());

async function setup(ipAllowlist?: string[]) {
  const org = await newOrg(t.app, { plan: 'TEAM' });
  const project = await newProject(t.app, org);
  const workflow = await newWorkflow(t.app, org, project.id);
  const created = ok(
    await execute(
      t.app,
      CreateProjectApiKey,
      { input: { projectId: project.id, name: 'Allowlisted', scopes: [{ scope: 'TRIGGER_WORKFLOWS' }], expiry: { policy: 'NEVER' }, ipAllowlist } },
      { token: org.owner.token },
    ),
  ).createProjectApiKey;
  const key = as(created, 'CreateApiKeyPayload');
  return { org, project, workflow, key };
}

/** `currentApiKey` with this secret, as the client at `ip` behind the proxy (the proxy appends the last entry). */
const callFrom = (secret: string, ip: string | null, forwardedFor?: string) =>
  execute(t.app, CurrentApiKeyAllowlist, undefined, {
    authorization: `Bearer ${secret}`,
    headers: forwardedFor ?? ip ? { 'x-forwarded-for': forwardedFor ?? ip! } : {},
  });

const statusFrom = async (secret: string, ip: string | null, forwardedFor?: string) => (await callFrom(secret, ip, forwardedFor)).status;

const readAddresses = async (app: TestApp['app'], id: string, token: string) => {
  const node = ok(await execute(app, ApiKeyAddresses, { id }, { token })).node;
  return node && node.__typename === 'ApiKey' ? node : null;
};


describe('a key with an IP allowlist (behind a proxy, TRUST_PROXY=true)', () => {
  it('stores the list normalized, shows it to members and to the key itself, and admits only the listed addresses', async () => {
    const { org, key } = await setup(['10.0.0.0/8', '203.0.113.7', '2001:DB8::/32', '::ffff:192.0.2.0/120']);
    const expected = ['10.0.0.0/8', '203.0.113.7', '2001:db8::/32', '192.0.2.0/24'];
    expect((await readAddresses(t.app, key.apiKey.id, org.owner.token))?.ipAllowlist).toEqual(expected);

    const allowed = await callFrom(key.secret, '10.20.30.40');
    expect(allowed.status).toBe(200);
    expect(ok(allowed).currentApiKey).toEqual({ prefix: key.apiKey.prefix, ipAllowlist: expected });

    for (const ip of ['10.0.0.1', '203.0.113.7', '2001:db8::1', '2001:db8:abcd::42', '::ffff:10.0.0.1', '192.0.2.200', '::ffff:192.0.2.1']) {
      expect(await statusFrom(key.secret, ip), ip).toBe(200);
    }
    for (const ip of ['11.0.0.1', '203.0.113.8', '2001:db9::1', '::1', '::ffff:11.0.0.1', '192.0.3.1']) {
      const refused = await callFrom(key.secret, ip);
      expect(refused.status, ip).toBe(403);
      expect(refused.errors?.[0]).toMatchObject({
        message: `This API key may not be used from ${ip}: the address is not in the key's IP allowlist`,
        extensions: { code: 'FORBIDDEN', reason: 'ADDRESS_NOT_ALLOWED' },
      });
      expect(refused.data).toBeNull();
    }
  });

  it('takes the client address from the last X-Forwarded-For entry only (the one the proxy appended)', async () => {
    const { key } = await setup(['10.0.0.0/8']);
    expect(await statusFrom(key.secret, null, '11.0.0.1, 10.0.0.1')).toBe(200);
    // A client cannot get in by writing an allowed address to the left of what the proxy appended.
    expect(await statusFrom(key.secret, null, '10.0.0.1, 11.0.0.1')).toBe(403);
    // No address at all (no header, no socket): refused, never assumed to be inside.
    expect(await statusFrom(key.secret, null)).toBe(403);
  });

  it('checks the identity first: a wrong secret from outside the list is 401, a right one 403 (counted apart)', async () => {
    const { key } = await setup(['10.0.0.0/8']);
    const before = { identity: await metric('identity'), address: await metric('address') };
    const wrong = await callFrom(wrongSecret(key.secret), '11.0.0.1');
    expect(wrong.status).toBe(401);
    expect(wrong.errors?.[0]).toMatchObject({ message: 'Unauthenticated', extensions: { code: 'UNAUTHENTICATED' } });
    expect(await statusFrom(wrongSecret(key.secret), '10.0.0.1')).toBe(401);
    expect(await statusFrom(key.secret, '11.0.0.1')).toBe(403);
    expect({ identity: await metric('identity'), address: await metric('address') }).toEqual({ identity: before.identity + 2, address: before.address + 1 });
  });

  it('refuses a trigger from outside the list without starting an execution or counting usage', async () => {
    const { org, workflow, key } = await setup(['198.51.100.0/24']);
    const trigger = (ip: string) =>
      execute(t.app, TriggerWorkflow, { input: { workflowId: workflow.id, payload: { n: 1 } } }, {
        authorization: `Bearer ${key.secret}`,
        headers: { 'x-forwarded-for': ip },
      });
    expect((await trigger('198.51.100.9')).status).toBe(200);
    expect((await trigger('203.0.113.9')).status).toBe(403);
    await t.app.usage.flush();
    expect(await t.db.prisma.workflowExecution.count({ where: { workflowId: dbId(workflow.id) } })).toBe(1);
    const row = await t.db.prisma.apiKey.findUniqueOrThrow({ where: { id: dbId(key.apiKey.id) } });
    expect(row.usageCount).toBe(1n);
    expect((await readAddresses(t.app, key.apiKey.id, org.owner.token))?.lastUsedAddresses.map((a) => a.address)).toEqual(['198.51.100.9']);
  });

  it('applies a changed allowlist on the next request, audits it, and lets an empty list admit everyone again', async () => {
    const { org, key } = await setup();
    expect(await statusFrom(key.secret, '203.0.113.50')).toBe(200); // key state now cached by this instance

    const update = async (ipAllowlist: string[]) =>
      as(ok(await execute(t.app, UpdateApiKey, { input: { id: key.apiKey.id, ipAllowlist } }, { token: org.owner.token })).updateApiKey, 'UpdateApiKeyPayload');
    await update(['2001:db8::/48', '192.0.2.1']);
    expect(await statusFrom(key.secret, '203.0.113.50')).toBe(403);
    expect(await statusFrom(key.secret, '2001:db8:0:1::1')).toBe(200);
    expect(await statusFrom(key.secret, '2001:db8:1::1')).toBe(403);

    // The same entries in another order (and spelling) are no change: no audit event.
    await update(['192.0.2.1', '2001:DB8:0::/48']);
    await update([]);
    expect(await statusFrom(key.secret, '203.0.113.50')).toBe(200);

    const events = ok(await execute(t.app, AuditEvents, { slug: org.slug, filter: { action: 'API_KEY_UPDATE' } }, { token: org.owner.token }));
    const changes = events.organization?.auditEvents?.edges.map((e) => e.node.changes);
    expect(changes).toHaveLength(2);
    expect(changes).toEqual(
      expect.arrayContaining([
        { ipAllowlist: { from: [], to: ['2001:db8::/48', '192.0.2.1'] } },
        { ipAllowlist: { from: ['2001:db8::/48', '192.0.2.1'], to: [] } },
      ]),
    );
  });

  it('refuses bad entries with a ValidationError naming each, and changes nothing', async () => {
    const { org, project, key } = await setup(['10.0.0.0/8']);
    const before = await t.db.prisma.apiKey.findMany({ where: { organizationId: dbId(org.id) }, orderBy: { id: 'asc' } });
    const updated = ok(
      await execute(t.app, UpdateApiKey, { input: { id: key.apiKey.id, name: 'Renamed', ipAllowlist: ['192.0.2.1', '10.0.0.0/33', '::g', ''] } }, { token: org.owner.token }),
    ).updateApiKey;
    expect(updated).toMatchObject({
      __typename: 'ValidationError',
      issues: [
        { path: ['input', 'ipAllowlist', '1'], message: expect.stringContaining('"10.0.0.0/33" is not an IPv4 or IPv6 address or CIDR range') },
        { path: ['input', 'ipAllowlist', '2'], message: expect.stringContaining('"::g" is not') },
        { path: ['input', 'ipAllowlist', '3'], message: 'must not be empty' },
      ],
    });
    const created = ok(
      await execute(
        t.app,
        CreateOrganizationApiKey,
        {
          input: {
            organizationId: org.id,
            name: 'Too many',
            scopes: [{ scope: 'READ_EXECUTIONS' }],
            expiry: { policy: 'NEVER' },
            projectAccess: { projectIds: [project.id] },
            ipAllowlist: Array.from({ length: 101 }, (_, i) => `10.1.0.${i}`),
          },
        },
        { token: org.owner.token },
      ),
    ).createOrganizationApiKey;
    expect(created).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'ipAllowlist'], message: expect.stringMatching(/at most 100/) }] });
    expect(await t.db.prisma.apiKey.findMany({ where: { organizationId: dbId(org.id) }, orderBy: { id: 'asc' } })).toEqual(before);
    expect(await statusFrom(key.secret, '10.0.0.1')).toBe(200);
  });

  it('copies the allowlist to the successor on rotation', async () => {
    const { org, key } = await setup(['198.51.100.0/24', '2001:db8::/32']);
    const rotated = as(ok(await execute(t.app, RotateApiKey, { input: { id: key.apiKey.id } }, { token: org.owner.token })).rotateApiKey, 'RotateApiKeyPayload');
    expect((await readAddresses(t.app, rotated.apiKey.id, org.owner.token))?.ipAllowlist).toEqual(['198.51.100.0/24', '2001:db8::/32']);
    expect(await statusFrom(rotated.secret, '198.51.100.1')).toBe(200);
    expect(await statusFrom(rotated.secret, '203.0.113.1')).toBe(403);
  });
});

describe('lastUsedAddresses', () => {
  it('keeps the last five distinct addresses, most recent first, merged across flushes', async () => {
    const { org, key } = await setup();
    const seen = async (ip: string) => {
      clock.advance(1000);
      expect(await statusFrom(key.secret, ip)).toBe(200);
      return clock.now().toISOString();
    };
    const a1 = await seen('198.51.100.1');
    const b = await seen('2001:db8::b');
    const a2 = await seen('::ffff:198.51.100.1'); // the same address as a1, seen later
    const c = await seen('198.51.100.3');
    // Nothing is written per request: before the flush there is nothing to see.
    expect((await readAddresses(t.app, key.apiKey.id, org.owner.token))?.lastUsedAddresses).toEqual([]);
    await t.app.usage.flush();
    expect((await readAddresses(t.app, key.apiKey.id, org.owner.token))?.lastUsedAddresses).toEqual([
      { address: '198.51.100.3', lastSeenAt: c },
      { address: '198.51.100.1', lastSeenAt: a2 },
      { address: '2001:db8::b', lastSeenAt: b },
    ]);
    expect(a1 < a2).toBe(true);

    const d = await seen('198.51.100.4');
    const e = await seen('198.51.100.5');
    const b2 = await seen('2001:db8::b');
    const f = await seen('198.51.100.6');
    await t.app.usage.flush();
    expect((await readAddresses(t.app, key.apiKey.id, org.owner.token))?.lastUsedAddresses).toEqual([
      { address: '198.51.100.6', lastSeenAt: f },
      { address: '2001:db8::b', lastSeenAt: b2 },
      { address: '198.51.100.5', lastSeenAt: e },
      { address: '198.51.100.4', lastSeenAt: d },
      { address: '198.51.100.3', lastSeenAt: c },
    ]);
    // The flush also trims what it stores, not only what is shown.
    expect(await t.db.prisma.apiKeyAddress.count({ where: { apiKeyId: dbId(key.apiKey.id) } })).toBe(5);
  });

  it('merges the sightings of two instances sharing one database', async () => {
    const { org, key } = await setup();
    const other = await startTestApp({ db: t.db, clock, env: { TRUST_PROXY: 'true', USAGE_FLUSH_INTERVAL_MS: '60000' } });
    try {
      const from = async (app: TestApp['app'], ip: string) => {
        clock.advance(1000);
        const result = await execute(app, CurrentApiKeyAllowlist, undefined, { authorization: `Bearer ${key.secret}`, headers: { 'x-forwarded-for': ip } });
        expect(result.status).toBe(200);
        return clock.now().toISOString();
      };
      await from(t.app, '192.0.2.1');
      const x = await from(other.app, '192.0.2.2');
      const y = await from(t.app, '192.0.2.3');
      const z = await from(other.app, '192.0.2.1');
      // The later instance flushes first: order of flushes does not matter, the latest sighting wins.
      await other.app.usage.flush();
      await t.app.usage.flush();
      expect((await readAddresses(t.app, key.apiKey.id, org.owner.token))?.lastUsedAddresses).toEqual([
        { address: '192.0.2.1', lastSeenAt: z },
        { address: '192.0.2.3', lastSeenAt: y },
        { address: '192.0.2.2', lastSeenAt: x },
      ]);
    } finally {
      await other.close();
    }
  });
});

describe('without TRUST_PROXY (the default): the socket peer is the client address', () => {
  let own: TestApp;
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    own = await startTestApp({ env: { USAGE_FLUSH_INTERVAL_MS: '60000' } });
    expect(own.config.trustProxy).toBe(false);
    server = http.createServer(own.app.listener);
    // Dual stack: an IPv4 peer shows up as ::ffff:127.0.0.1, an IPv6 one as ::1.
    await new Promise<void>((resolve) => server.listen(0, '::', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await own.close();
  });

  async function keyWith(ipAllowlist: string[]) {
    const org = await newOrg(own.app, { plan: 'TEAM' });
    const project = await newProject(own.app, org);
    const created = ok(
      await execute(
        own.app,
        CreateProjectApiKey,
        { input: { projectId: project.id, name: 'Socket', scopes: [{ scope: 'READ_EXECUTIONS' }], expiry: { policy: 'NEVER' }, ipAllowlist } },
        { token: org.owner.token },
      ),
    ).createProjectApiKey;
    return { org, key: as(created, 'CreateApiKeyPayload') };
  }

  // Through app.fetch: no socket at all.
  const withoutSocket = (secret: string, forwardedFor: string) =>
    execute(own.app, CurrentApiKeyAllowlist, undefined, { authorization: `Bearer ${secret}`, headers: { 'x-forwarded-for': forwardedFor } }).then((r) => r.status);
  // A real HTTP request over a socket to the server.
  const overSocket = async (host: string, secret: string, forwardedFor: string) =>
    (
      await fetch(`http://${host}:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}`, 'x-forwarded-for': forwardedFor },
        body: JSON.stringify({ query: '{ currentApiKey { prefix } }' }),
      })
    ).status;

  it('ignores X-Forwarded-For, matching the IPv4 loopback peer (IPv4-mapped on a dual-stack socket) and ::1', async () => {
    const v4 = await keyWith(['127.0.0.0/8']);
    expect(await overSocket('127.0.0.1', v4.key.secret, '203.0.113.1')).toBe(200);
    expect(await overSocket('[::1]', v4.key.secret, '127.0.0.1')).toBe(403);

    const v6 = await keyWith(['::1']);
    expect(await overSocket('[::1]', v6.key.secret, '203.0.113.1')).toBe(200);
    expect(await overSocket('127.0.0.1', v6.key.secret, '::1')).toBe(403);

    // A header naming an allowed address does not help when the socket peer is outside the list.
    const elsewhere = await keyWith(['203.0.113.0/24']);
    expect(await overSocket('127.0.0.1', elsewhere.key.secret, '203.0.113.1')).toBe(403);
    // Through app.fetch there is no socket at all: no address, refused.
    expect(await withoutSocket(elsewhere.key.secret, '203.0.113.1')).toBe(403);

    await own.app.usage.flush();
    expect((await readAddresses(own.app, v4.key.apiKey.id, v4.org.owner.token))?.lastUsedAddresses.map((a) => a.address)).toEqual(['127.0.0.1']);
  });
});
