import { describe, expect } from 'vitest';
import type { CreateWebhookEndpointInput } from './generated/graphql.ts';
import { as, execute, ok } from './support/client.ts';
import { dbId, newOrg, test } from './support/fixtures.ts';
import type { TestApp } from './support/app.ts';
import { MAX_ENDPOINTS_PER_ORGANIZATION } from '../src/domains/webhooks/service.ts';
import {
  AuditEvents,
  CreateWebhookEndpoint,
  DeleteWebhookEndpoint,
  OrganizationWebhookEndpoints,
  RotateWebhookEndpointSecret,
  UpdateWebhookEndpoint,
} from './support/operations.ts';

const URL_OK = 'https://hooks.example.com/keysmith';
const input = (organizationId: string, overrides: Record<string, unknown> = {}): CreateWebhookEndpointInput => ({
  organizationId,
  url: URL_OK,
  description: 'CI hook',
  events: ['API_KEY_CREATED', 'API_KEY_REVOKED'] as CreateWebhookEndpointInput['events'],
  ...overrides,
});

describe('webhook endpoints', () => {
  test('an OWNER creates one: the whsec_ secret is returned once, stored only encrypted, and the change is audited', async ({ t, org }) => {
    const created = as(ok(await execute(t.app, CreateWebhookEndpoint, { input: input(org.id) }, { token: org.owner.token })).createWebhookEndpoint, 'CreateWebhookEndpointPayload');
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(created.webhookEndpoint).toMatchObject({ url: URL_OK, description: 'CI hook', events: ['API_KEY_CREATED', 'API_KEY_REVOKED'], enabled: true, recentDeliveries: [] });

    const row = await t.db.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: dbId(created.webhookEndpoint.id) } });
    expect(row.events).toEqual(['api_key.created', 'api_key.revoked']);
    expect(row.secretCiphertext).not.toContain(created.secret.slice(6));
    expect(row.secretCiphertext).toMatch(/^v1\./);

    const list = ok(await execute(t.app, OrganizationWebhookEndpoints, { slug: org.slug }, { token: org.owner.token }));
    expect(list.organization?.webhookEndpoints?.totalCount).toBe(1);
    const audit = await execute(t.app, AuditEvents, { slug: org.slug }, { token: org.owner.token });
    expect(audit.body).toContain('WEBHOOK_ENDPOINT_CREATE');
    expect(list && audit.body + JSON.stringify(list)).not.toContain(created.secret);
  });

  test('update, rotate and delete: each audited, rotate returns a new secret', async ({ t, org }) => {
    const token = org.owner.token;
    const { webhookEndpoint, secret } = as(ok(await execute(t.app, CreateWebhookEndpoint, { input: input(org.id) }, { token })).createWebhookEndpoint, 'CreateWebhookEndpointPayload');
    const updated = as(
      ok(await execute(t.app, UpdateWebhookEndpoint, { input: { id: webhookEndpoint.id, events: ['API_KEY_DELETED'], enabled: false, description: '' } }, { token })).updateWebhookEndpoint,
      'WebhookEndpointPayload',
    );
    expect(updated.webhookEndpoint).toMatchObject({ events: ['API_KEY_DELETED'], enabled: false, description: null });
    const rotated = as(ok(await execute(t.app, RotateWebhookEndpointSecret, { input: { id: webhookEndpoint.id } }, { token })).rotateWebhookEndpointSecret, 'RotateWebhookEndpointSecretPayload');
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(secret);
    const deleted = as(ok(await execute(t.app, DeleteWebhookEndpoint, { input: { id: webhookEndpoint.id } }, { token })).deleteWebhookEndpoint, 'DeleteWebhookEndpointPayload');
    expect(deleted.deletedWebhookEndpointId).toBe(webhookEndpoint.id);
    const actions = (await t.db.prisma.auditEvent.findMany({ where: { organizationId: dbId(org.id) }, orderBy: { createdAt: 'asc' } })).map((e) => e.action);
    expect(actions.filter((a) => a.startsWith('webhook_endpoint.'))).toEqual([
      'webhook_endpoint.create',
      'webhook_endpoint.update',
      'webhook_endpoint.rotate_secret',
      'webhook_endpoint.delete',
    ]);
    expect(await t.db.prisma.webhookEndpoint.count({ where: { organizationId: dbId(org.id) } })).toBe(0);
  });

  test('a MEMBER may neither manage nor read them; a FREE organization needs an upgrade', async ({ t, org, member }) => {
    const refused = ok(await execute(t.app, CreateWebhookEndpoint, { input: input(org.id) }, { token: member.token })).createWebhookEndpoint;
    expect(refused.__typename).toBe('ForbiddenError');
    const read = await execute(t.app, OrganizationWebhookEndpoints, { slug: org.slug }, { token: member.token });
    expect(read.data?.organization?.webhookEndpoints).toBeNull();
    expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const free = await newOrg(t.app);
    const upgrade = ok(await execute(t.app, CreateWebhookEndpoint, { input: input(free.id) }, { token: free.owner.token })).createWebhookEndpoint;
    expect(upgrade.__typename).toBe('UpgradeRequiredError');
    expect(await t.db.prisma.webhookEndpoint.count({ where: { organizationId: { in: [dbId(org.id), dbId(free.id)] } } })).toBe(0);
  });

  test('another organization\'s endpoint is not found', async ({ t, org }) => {
    const other = await newOrg(t.app, { plan: 'TEAM' });
    const { webhookEndpoint } = as(ok(await execute(t.app, CreateWebhookEndpoint, { input: input(other.id) }, { token: other.owner.token })).createWebhookEndpoint, 'CreateWebhookEndpointPayload');
    for (const result of [
      ok(await execute(t.app, UpdateWebhookEndpoint, { input: { id: webhookEndpoint.id, enabled: false } }, { token: org.owner.token })).updateWebhookEndpoint,
      ok(await execute(t.app, RotateWebhookEndpointSecret, { input: { id: webhookEndpoint.id } }, { token: org.owner.token })).rotateWebhookEndpointSecret,
      ok(await execute(t.app, DeleteWebhookEndpoint, { input: { id: webhookEndpoint.id } }, { token: org.owner.token })).deleteWebhookEndpoint,
    ]) {
      expect(result.__typename).toBe('NotFoundError');
    }
    expect((await t.db.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: dbId(webhookEndpoint.id) } })).enabled).toBe(true);
  });

  describe('bad input is a ValidationError naming the field, and nothing is stored', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['a malformed URL', { url: 'not a url' }, 'url'],
      ['a disallowed scheme', { url: 'ftp://hooks.example.com/x' }, 'url'],
      ['credentials in the URL', { url: 'https://user:pw@hooks.example.com/x' }, 'url'],
      ['loopback', { url: 'https://127.0.0.1/hook' }, 'url'],
      ['localhost', { url: 'http://localhost:8080/hook' }, 'url'],
      ['a private address', { url: 'https://10.1.2.3/hook' }, 'url'],
      ['IPv6 loopback', { url: 'https://[::1]/hook' }, 'url'],
      ['IPv4-mapped private', { url: 'https://[::ffff:192.168.0.1]/hook' }, 'url'],
      ['IPv4-compatible loopback', { url: 'https://[::127.0.0.1]/hook' }, 'url'],
      ['IPv4-mapped loopback', { url: 'https://[::ffff:7f00:1]/hook' }, 'url'],
      ['localhost with a trailing dot', { url: 'https://localhost./hook' }, 'url'],
      ['a name under localhost with a trailing dot', { url: 'https://api.localhost../hook' }, 'url'],
      ['the metadata address', { url: 'http://169.254.169.254/latest/meta-data' }, 'url'],
      ['a description over 500 characters', { description: 'x'.repeat(501) }, 'description'],
      ['no events', { events: [] }, 'events'],
      ['duplicate events', { events: ['API_KEY_CREATED', 'API_KEY_CREATED'] }, 'events'],
    ];
    test.for(cases)('%s', async ([, overrides, field], { t, org }) => {
      const result = ok(await execute(t.app, CreateWebhookEndpoint, { input: input(org.id, overrides) }, { token: org.owner.token })).createWebhookEndpoint;
      const error = as(result, 'ValidationError');
      expect(error.issues.map((i) => i.path.join('.'))).toContain(`input.${field}`);
      expect(await t.db.prisma.webhookEndpoint.count({ where: { organizationId: dbId(org.id) } })).toBe(0);
    });

    test('an unknown event type is refused by the schema', async ({ t, org }) => {
      const result = await execute(t.app, CreateWebhookEndpoint, { input: input(org.id, { events: ['API_KEY_EXPLODED'] }) }, { token: org.owner.token });
      expect(result.status).toBe(400);
      expect(result.body).toContain('events');
      expect(await t.db.prisma.webhookEndpoint.count({ where: { organizationId: dbId(org.id) } })).toBe(0);
    });

    test('update checks the URL the same way', async ({ t, org }) => {
      const { webhookEndpoint } = as(ok(await execute(t.app, CreateWebhookEndpoint, { input: input(org.id) }, { token: org.owner.token })).createWebhookEndpoint, 'CreateWebhookEndpointPayload');
      const result = ok(await execute(t.app, UpdateWebhookEndpoint, { input: { id: webhookEndpoint.id, url: 'http://169.254.169.254/' } }, { token: org.owner.token })).updateWebhookEndpoint;
      expect(as(result, 'ValidationError').issues[0].path).toEqual(['input', 'url']);
      expect((await t.db.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: dbId(webhookEndpoint.id) } })).url).toBe(URL_OK);
    });
  });
});

describe('at most 50 endpoints per organization', () => {
  /** Endpoints stored directly (the cap is what is tested, not how they got there). */
  async function storeEndpoints(t: TestApp, organizationId: string, count: number) {
    await t.db.prisma.webhookEndpoint.createMany({
      data: Array.from({ length: count }, (_, i) => ({ organizationId, url: `${URL_OK}/${i}`, events: ['api_key.created'], secretCiphertext: 'v1.x.y.z' })),
    });
  }

  test('the 50th is created, the 51st refused with a ValidationError naming the organization', async ({ t, org }) => {
    await storeEndpoints(t, dbId(org.id), MAX_ENDPOINTS_PER_ORGANIZATION - 1);
    const fiftieth = ok(await execute(t.app, CreateWebhookEndpoint, { input: input(org.id) }, { token: org.owner.token })).createWebhookEndpoint;
    expect(fiftieth.__typename).toBe('CreateWebhookEndpointPayload');
    const refused = ok(await execute(t.app, CreateWebhookEndpoint, { input: input(org.id) }, { token: org.owner.token })).createWebhookEndpoint;
    expect(as(refused, 'ValidationError').issues).toEqual([{ path: ['input', 'organizationId'], message: 'an organization can have at most 50 webhook endpoints' }]);
    expect(await t.db.prisma.webhookEndpoint.count({ where: { organizationId: dbId(org.id) } })).toBe(MAX_ENDPOINTS_PER_ORGANIZATION);
  });

  test('10 concurrent creates on top of 48 stored: exactly 2 pass, 50 stored (the organization row lock serialises the count)', async ({ t, org }) => {
    await storeEndpoints(t, dbId(org.id), MAX_ENDPOINTS_PER_ORGANIZATION - 2);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => execute(t.app, CreateWebhookEndpoint, { input: input(org.id) }, { token: org.owner.token }).then((r) => ok(r).createWebhookEndpoint.__typename)),
    );
    expect(results.filter((r) => r === 'CreateWebhookEndpointPayload')).toHaveLength(2);
    expect(results.filter((r) => r === 'ValidationError')).toHaveLength(8);
    expect(await t.db.prisma.webhookEndpoint.count({ where: { organizationId: dbId(org.id) } })).toBe(MAX_ENDPOINTS_PER_ORGANIZATION);
  });
});
