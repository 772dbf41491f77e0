import { describe, expect } from 'vitest';
import { as, execute, ok } from './support/client.ts';
import { dbId, test } from './support/fixtures.ts';
import { projectKey } from './support/keys.ts';
import type { AuditEventFilter } from './generated/graphql.ts';
import { AuditEventNode, AuditEvents, CreateWebhookEndpoint, CurrentApiKey, DeleteApiKey, RotateApiKey, UpdateApiKey } from './support/operations.ts';

describe('who reads the audit log', () => {
  test('OWNER and ADMIN read the list and single events; a MEMBER gets FORBIDDEN and no event, a stranger nothing', async ({
    t,
    org,
    owner,
    admin,
    member,
    stranger,
    key,
  }) => {
    const events = async (token: string) => execute(t.app, AuditEvents, { slug: org.slug, filter: { targetType: 'ApiKey' } }, { token });
    const asOwner = ok(await events(owner.token)).organization!.auditEvents!.edges.map((e) => e.node);
    expect(asOwner.map((e) => [e.action, e.targetId])).toEqual([['API_KEY_CREATE', key.apiKey.id]]);
    const asAdmin = ok(await events(admin.token)).organization!.auditEvents!.edges.map((e) => e.node);
    expect(asAdmin).toEqual(asOwner);

    const eventId = asOwner[0].id;
    for (const reader of [owner, admin]) {
      const single = ok(await execute(t.app, AuditEventNode, { id: eventId }, { token: reader.token }));
      expect(single.node).toMatchObject({ __typename: 'AuditEvent', id: eventId, action: 'API_KEY_CREATE' });
    }

    const denied = await events(member.token);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(denied.body).not.toContain('api_key.create');
    expect(denied.data?.organization?.auditEvents ?? null).toBeNull();
    expect(ok(await execute(t.app, AuditEventNode, { id: eventId }, { token: member.token })).node).toBeNull();

    expect(ok(await events(stranger.token)).organization).toBeNull();
    expect(ok(await execute(t.app, AuditEventNode, { id: eventId }, { token: stranger.token })).node).toBeNull();
  });
});

describe('AuditEventFilter', () => {
  test('targetId (global or database id) and actorId select exactly the events of that target and that actor', async ({
    t,
    org,
    owner,
    admin,
    project,
  }) => {
    const first = await projectKey(t.app, owner, project.id, { name: 'first' });
    const second = await projectKey(t.app, admin, project.id, { name: 'second' });
    as(ok(await execute(t.app, UpdateApiKey, { input: { id: first.apiKey.id, name: 'first renamed' } }, { token: admin.token })).updateApiKey, 'UpdateApiKeyPayload');
    as(ok(await execute(t.app, UpdateApiKey, { input: { id: second.apiKey.id, note: 'by the owner' } }, { token: owner.token })).updateApiKey, 'UpdateApiKeyPayload');

    const list = async (filter: AuditEventFilter) =>
      ok(await execute(t.app, AuditEvents, { slug: org.slug, filter }, { token: owner.token })).organization!.auditEvents!.edges.map((e) => ({
        action: e.node.action,
        target: e.node.targetId,
        actor: e.node.actor?.id,
      }));
    // Events name their targets by global id; the filter takes a global or a database id.
    const [firstId, secondId] = [first.apiKey.id, second.apiKey.id];

    const ofFirst = [
      { action: 'API_KEY_UPDATE', target: firstId, actor: admin.id },
      { action: 'API_KEY_CREATE', target: firstId, actor: owner.id },
    ];
    expect(await list({ targetId: first.apiKey.id })).toEqual(ofFirst);
    expect(await list({ targetId: dbId(firstId) })).toEqual(ofFirst);
    expect(await list({ targetId: second.apiKey.id })).toEqual([
      { action: 'API_KEY_UPDATE', target: secondId, actor: owner.id },
      { action: 'API_KEY_CREATE', target: secondId, actor: admin.id },
    ]);
    // The admin joined by accepting an invitation: that is their first event.
    expect(await list({ actorId: admin.id })).toEqual([
      { action: 'API_KEY_UPDATE', target: firstId, actor: admin.id },
      { action: 'API_KEY_CREATE', target: secondId, actor: admin.id },
      { action: 'MEMBER_INVITATION_ACCEPT', target: admin.memberId, actor: admin.id },
    ]);
    expect(await list({ actorId: admin.id, targetId: second.apiKey.id })).toEqual([{ action: 'API_KEY_CREATE', target: secondId, actor: admin.id }]);
    // Unfiltered, the owner's other events (organization, membership, project) are there too.
    expect((await list({})).length).toBeGreaterThan(4);
  });

  test('a targetId or actorId that cannot be an id is a BAD_USER_INPUT naming the field, not an empty log', async ({ t, org, owner, project }) => {
    await projectKey(t.app, owner, project.id);
    for (const [field, value, expected] of [
      ['targetId', 'not-an-id', 'is not a valid ApiKey or Project or Workflow or Member or Organization or WebhookEndpoint or Invitation id'],
      ['actorId', 'not-an-id', 'is not a valid User id'],
      ['actorId', project.id, 'is not a valid User id'],
    ] as const) {
      const read = await execute(t.app, AuditEvents, { slug: org.slug, filter: { [field]: value } }, { token: owner.token });
      expect(read.data?.organization?.auditEvents ?? null).toBeNull();
      expect(read.errors).toMatchObject([
        { path: ['organization', 'auditEvents'], extensions: { code: 'BAD_USER_INPUT', issues: [{ path: ['filter', field], message: expected }] } },
      ]);
    }
  });
});

describe('target names', () => {
  const hook = (organizationId: string, description: string) => ({
    organizationId,
    url: 'https://hooks.example.com/keysmith',
    description,
    events: ['API_KEY_CREATED' as const],
  });

  test('targetName is what the target is called now, or what its deletion recorded', async ({ t, org, owner, project }) => {
    const key = await projectKey(t.app, owner, project.id, { name: 'Billing sync' });
    as(ok(await execute(t.app, UpdateApiKey, { input: { id: key.apiKey.id, name: 'Billing export' } }, { token: owner.token })).updateApiKey, 'UpdateApiKeyPayload');
    const gone = await projectKey(t.app, owner, project.id, { name: 'Old importer' });
    as(ok(await execute(t.app, DeleteApiKey, { input: { id: gone.apiKey.id } }, { token: owner.token })).deleteApiKey, 'DeleteApiKeyPayload');
    const endpoint = as(ok(await execute(t.app, CreateWebhookEndpoint, { input: hook(org.id, 'Slack alerts') }, { token: owner.token })).createWebhookEndpoint, 'CreateWebhookEndpointPayload');

    const events = ok(await execute(t.app, AuditEvents, { slug: org.slug }, { token: owner.token })).organization!.auditEvents!.edges.map((e) => e.node);
    const named = (targetId: string) => [...new Set(events.filter((e) => e.targetId === targetId).map((e) => e.targetName))];
    // Every event of the renamed key carries its current name; the deleted key's events the name its events recorded.
    expect(named(key.apiKey.id)).toEqual(['Billing export']);
    expect(named(gone.apiKey.id)).toEqual(['Old importer']);
    expect(named(endpoint.webhookEndpoint.id)).toEqual(['Slack alerts']);
    expect(named(project.id)).toEqual([`Project ${project.slug}`]);
    expect(named(org.id)).toEqual([`Org ${org.slug}`]);
  });

  test('filter.targetName finds the events of keys and endpoints by name, case-insensitive, deleted keys included', async ({ t, org, owner, admin, project }) => {
    const sync = await projectKey(t.app, owner, project.id, { name: 'Billing sync' });
    as(ok(await execute(t.app, UpdateApiKey, { input: { id: sync.apiKey.id, note: 'nightly' } }, { token: admin.token })).updateApiKey, 'UpdateApiKeyPayload');
    await projectKey(t.app, owner, project.id, { name: 'Storefront reader' });
    const gone = await projectKey(t.app, owner, project.id, { name: 'Billing importer' });
    as(ok(await execute(t.app, DeleteApiKey, { input: { id: gone.apiKey.id } }, { token: owner.token })).deleteApiKey, 'DeleteApiKeyPayload');
    as(ok(await execute(t.app, CreateWebhookEndpoint, { input: hook(org.id, 'BILLING alerts') }, { token: owner.token })).createWebhookEndpoint, 'CreateWebhookEndpointPayload');

    const list = async (filter: AuditEventFilter, token = owner.token) =>
      ok(await execute(t.app, AuditEvents, { slug: org.slug, filter }, { token })).organization!.auditEvents!.edges.map((e) => [e.node.action, e.node.targetName]);
    expect(await list({ targetName: 'billing' })).toEqual([
      ['WEBHOOK_ENDPOINT_CREATE', 'BILLING alerts'],
      ['API_KEY_DELETE', 'Billing importer'],
      ['API_KEY_CREATE', 'Billing importer'],
      ['API_KEY_UPDATE', 'Billing sync'],
      ['API_KEY_CREATE', 'Billing sync'],
    ]);
    // With the other conditions; and a name nothing has.
    expect(await list({ targetName: 'SYNC', action: 'API_KEY_UPDATE' })).toEqual([['API_KEY_UPDATE', 'Billing sync']]);
    expect(await list({ targetName: 'reader' })).toEqual([['API_KEY_CREATE', 'Storefront reader']]);
    expect(await list({ targetName: 'nothing-is-called-this' })).toEqual([]);
    // LIKE's wildcards are plain characters.
    expect(await list({ targetName: 'B%ing' })).toEqual([]);
  });

  test('filter.targetName is refused beyond 100 characters (ValidationError at the argument) and returns nothing', async ({ t, org, owner }) => {
    const answer = await execute(t.app, AuditEvents, { slug: org.slug, filter: { targetName: 'x'.repeat(101) } }, { token: owner.token });
    expect(answer.errors?.[0]?.message).toContain('at most 100 characters');
    expect(answer.data?.organization?.auditEvents ?? null).toBeNull();
  });
});

describe('secrets in the audit log', () => {
  test("never records a rotated successor's secret: not in the events, not in their rows, not in the log", async ({ t, org, owner, key }) => {
    const rotated = as(
      ok(await execute(t.app, RotateApiKey, { input: { id: key.apiKey.id, gracePeriodSeconds: 60 } }, { token: owner.token })).rotateApiKey,
      'RotateApiKeyPayload',
    );
    // Use both keys once, so that authentication (and its logging) has seen them.
    for (const secret of [key.secret, rotated.secret]) {
      expect((await execute(t.app, CurrentApiKey, {}, { authorization: `Bearer ${secret}` })).status).toBe(200);
    }
    const secretParts = [rotated.secret, rotated.secret.slice(17, 49), key.secret.slice(17, 49)];

    const read = await execute(t.app, AuditEvents, { slug: org.slug }, { token: owner.token });
    const rotation = ok(read).organization!.auditEvents!.edges.find((e) => e.node.action === 'API_KEY_ROTATE');
    expect(rotation?.node.changes).toMatchObject({ successorId: rotated.apiKey.id, successorPrefix: rotated.apiKey.prefix });
    const rows = JSON.stringify(await t.db.prisma.auditEvent.findMany({ where: { organizationId: dbId(org.id) } }));
    const logs = t.logs.join('\n');
    for (const part of secretParts) {
      expect(read.body).not.toContain(part);
      expect(rows).not.toContain(part);
      expect(logs).not.toContain(part);
    }
  });
});
