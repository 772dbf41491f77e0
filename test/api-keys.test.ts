import { describe, expect } from 'vitest';
import type { TestApp } from './support/app.ts';
import { as, execute, ok } from './support/client.ts';
import { dbId, newOrg, newProject, newWorkflow, test, type TestOrg } from './support/fixtures.ts';
import { orgKey, projectKey } from './support/keys.ts';
import {
  ApiKeyNode,
  AuditEvents,
  CreateOrganizationApiKey,
  CreateProjectApiKey,
  DeleteApiKey,
  DeleteApiKeys,
  OrganizationApiKeys,
  ProjectApiKeys,
  RevokeApiKey,
  RotateApiKey,
  SetOrganizationPlan,
  UpdateApiKey,
  UpdateOrganization,
} from './support/operations.ts';

const teamOrg = (t: TestApp): Promise<TestOrg> => newOrg(t.app, { plan: 'TEAM' });
const keyCount = (t: TestApp, org: TestOrg) => t.db.prisma.apiKey.count({ where: { organizationId: dbId(org.id) } });
const auditCount = (t: TestApp, org: TestOrg) => t.db.prisma.auditEvent.count({ where: { organizationId: dbId(org.id) } });

describe('the secret', () => {
  test('is returned once at creation and never again: no field, list, audit entry or log line; the database holds only an argon2id hash', async ({ t, org, project }) => {
    const created = await projectKey(t.app, org.owner, project.id);
    expect(created.secret).toMatch(/^ksk_[0-9A-Za-z]{12}_[0-9A-Za-z]{38}$/);
    expect(created.secret.startsWith(created.apiKey.prefix)).toBe(true);

    const reads = [
      await execute(t.app, OrganizationApiKeys, { slug: org.slug }, { token: org.owner.token }),
      await execute(t.app, ApiKeyNode, { id: created.apiKey.id }, { token: org.owner.token }),
      await execute(t.app, ProjectApiKeys, { id: project.id }, { token: org.owner.token }),
      await execute(t.app, AuditEvents, { slug: org.slug }, { token: org.owner.token }),
    ];
    for (const read of reads) {
      expect(read.errors).toBeUndefined();
      expect(read.body).not.toContain(created.secret);
      expect(read.body).not.toContain(created.secret.slice(17)); // the secret part alone
    }
    expect(t.logs.join('\n')).not.toContain(created.secret.slice(17));

    const row = await t.db.prisma.apiKey.findFirstOrThrow({ where: { publicId: created.apiKey.prefix.slice(4) } });
    expect(row.secretHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(JSON.stringify(row, (_k, v) => (typeof v === 'bigint' ? String(v) : v))).not.toContain(created.secret.slice(17));
    const audit = await t.db.prisma.auditEvent.findMany({ where: { targetId: row.id } });
    expect(JSON.stringify(audit)).not.toContain(created.secret.slice(17));
    expect(JSON.stringify(audit)).not.toContain(row.secretHash);
  });
});

describe('where keys are visible', () => {
  test('shows project keys only in their project, and all keys in the organization list', async ({ t, org }) => {
    const a = await newProject(t.app, org);
    const b = await newProject(t.app, org);
    const keyA = await projectKey(t.app, org.owner, a.id, { name: 'A key' });

    const inA = ok(await execute(t.app, ProjectApiKeys, { id: a.id }, { token: org.owner.token }));
    const inB = ok(await execute(t.app, ProjectApiKeys, { id: b.id }, { token: org.owner.token }));
    const ids = (r: typeof inA) => (r.node && 'apiKeys' in r.node ? r.node.apiKeys.edges.map((e) => e.node.id) : []);
    expect(ids(inA)).toEqual([keyA.apiKey.id]);
    expect(ids(inB)).toEqual([]);
    const all = ok(await execute(t.app, OrganizationApiKeys, { slug: org.slug }, { token: org.owner.token }));
    expect(all.organization!.apiKeys!.edges.map((e) => e.node.id)).toEqual([keyA.apiKey.id]);
  });

  test('shows an All Projects key in a project created after it, marked inherited and read-only there', async ({ t, org }) => {
    const key = await orgKey(t.app, org, { all: true });
    const later = await newProject(t.app, org);
    const own = await projectKey(t.app, org.owner, later.id);

    const view = ok(await execute(t.app, ProjectApiKeys, { id: later.id }, { token: org.owner.token }));
    const edges = view.node && 'apiKeys' in view.node ? view.node.apiKeys.edges : [];
    const byId = new Map(edges.map((e) => [e.node.id, e]));
    expect(byId.get(key.apiKey.id)).toMatchObject({ inherited: true, viewerCanManage: false, node: { level: 'ORGANIZATION' } });
    expect(byId.get(own.apiKey.id)).toMatchObject({ inherited: false, viewerCanManage: true, node: { level: 'PROJECT' } });

    const detail = ok(await execute(t.app, ApiKeyNode, { id: key.apiKey.id }, { token: org.owner.token }));
    expect(detail.node && 'projectAccess' in detail.node && detail.node.projectAccess.projects.map((p) => p.id)).toContain(later.id);
  });

  test("shows a Selected Projects key only in the selected ones, and cannot select another organization's project", async ({ t, org }) => {
    const [p1, p2] = [await newProject(t.app, org), await newProject(t.app, org)];
    const key = await orgKey(t.app, org, { projectIds: [p1.id] });
    const in1 = ok(await execute(t.app, ProjectApiKeys, { id: p1.id }, { token: org.owner.token }));
    const in2 = ok(await execute(t.app, ProjectApiKeys, { id: p2.id }, { token: org.owner.token }));
    expect(in1.node && 'apiKeys' in in1.node && in1.node.apiKeys.edges.map((e) => e.node.id)).toEqual([key.apiKey.id]);
    expect(in2.node && 'apiKeys' in in2.node && in2.node.apiKeys.edges).toEqual([]);

    const other = await teamOrg(t);
    const foreign = await newProject(t.app, other);
    const before = await keyCount(t, org);
    const result = ok(
      await execute(
        t.app,
        CreateOrganizationApiKey,
        {
          input: {
            organizationId: org.id,
            name: 'Sneaky',
            scopes: [{ scope: 'TRIGGER_WORKFLOWS' }],
            expiry: { policy: 'NEVER' },
            projectAccess: { projectIds: [p1.id, foreign.id] },
          },
        },
        { token: org.owner.token },
      ),
    );
    expect(result.createOrganizationApiKey.__typename).toBe('NotFoundError');
    expect(await keyCount(t, org)).toBe(before);
  });

  test('filters, searches, orders and paginates the organization list', async ({ t, org }) => {
    const p = await newProject(t.app, org);
    for (const name of ['alpha', 'bravo', 'charlie']) await projectKey(t.app, org.owner, p.id, { name });
    const orgLevel = await orgKey(t.app, org, { all: true });

    const page1 = ok(
      await execute(t.app, OrganizationApiKeys, { slug: org.slug, first: 2, orderBy: { field: 'NAME', direction: 'ASC' }, filter: { level: 'PROJECT' } }, { token: org.owner.token }),
    );
    expect(page1.organization!.apiKeys!.edges.map((e) => e.node.name)).toEqual(['alpha', 'bravo']);
    expect(page1.organization!.apiKeys!.pageInfo.hasNextPage).toBe(true);
    const page2 = ok(
      await execute(
        t.app,
        OrganizationApiKeys,
        { slug: org.slug, first: 2, after: page1.organization!.apiKeys!.pageInfo.endCursor, orderBy: { field: 'NAME', direction: 'ASC' }, filter: { level: 'PROJECT' } },
        { token: org.owner.token },
      ),
    );
    expect(page2.organization!.apiKeys!.edges.map((e) => e.node.name)).toEqual(['charlie']);

    const search = ok(await execute(t.app, OrganizationApiKeys, { slug: org.slug, filter: { search: 'RAV' } }, { token: org.owner.token }));
    expect(search.organization!.apiKeys!.edges.map((e) => e.node.name)).toEqual(['bravo']);
    const byPrefix = ok(await execute(t.app, OrganizationApiKeys, { slug: org.slug, filter: { search: orgLevel.apiKey.prefix } }, { token: org.owner.token }));
    expect(byPrefix.organization!.apiKeys!.edges.map((e) => e.node.id)).toEqual([orgLevel.apiKey.id]);
    const level = ok(await execute(t.app, OrganizationApiKeys, { slug: org.slug, filter: { level: 'ORGANIZATION' } }, { token: org.owner.token }));
    expect(level.organization!.apiKeys!.edges.map((e) => e.node.id)).toEqual([orgLevel.apiKey.id]);
  });
});

describe('who may change keys', () => {
  test('lets a MEMBER list and read keys but answers ForbiddenError to every change, changing nothing', async ({ t, org, key, project, member }) => {
    const auditBefore = await auditCount(t, org);

    const listed = ok(await execute(t.app, OrganizationApiKeys, { slug: org.slug }, { token: member.token }));
    expect(listed.organization!.apiKeys!.edges[0].node).toMatchObject({ id: key.apiKey.id, viewerCanManage: false });

    const create = ok(
      await execute(t.app, CreateProjectApiKey, { input: { projectId: project.id, name: 'x', scopes: [{ scope: 'TRIGGER_WORKFLOWS' }], expiry: { policy: 'NEVER' } } }, { token: member.token }),
    );
    const update = ok(await execute(t.app, UpdateApiKey, { input: { id: key.apiKey.id, name: 'renamed' } }, { token: member.token }));
    const rotate = ok(await execute(t.app, RotateApiKey, { input: { id: key.apiKey.id } }, { token: member.token }));
    const revoke = ok(await execute(t.app, RevokeApiKey, { input: { id: key.apiKey.id } }, { token: member.token }));
    const del = ok(await execute(t.app, DeleteApiKey, { input: { id: key.apiKey.id } }, { token: member.token }));
    const bulk = ok(await execute(t.app, DeleteApiKeys, { input: { ids: [key.apiKey.id] } }, { token: member.token }));
    expect([
      create.createProjectApiKey.__typename,
      update.updateApiKey.__typename,
      rotate.rotateApiKey.__typename,
      revoke.revokeApiKey.__typename,
      del.deleteApiKey.__typename,
    ]).toEqual(['ForbiddenError', 'ForbiddenError', 'ForbiddenError', 'ForbiddenError', 'ForbiddenError']);
    expect(as(bulk.deleteApiKeys, 'BulkOperationError').failures.map(({ id, reason }) => ({ id, reason }))).toEqual([{ id: key.apiKey.id, reason: 'FORBIDDEN' }]);

    const after = ok(await execute(t.app, ApiKeyNode, { id: key.apiKey.id }, { token: org.owner.token }));
    expect(after.node).toMatchObject({ name: 'CI key', status: 'ACTIVE', rotatedTo: null });
    expect(await keyCount(t, org)).toBe(1);
    expect(await auditCount(t, org)).toBe(auditBefore);
  });

  test('hides keys from non-members entirely (not found)', async ({ t, key, stranger }) => {
    expect(ok(await execute(t.app, ApiKeyNode, { id: key.apiKey.id }, { token: stranger.token })).node).toBeNull();
    const revoke = ok(await execute(t.app, RevokeApiKey, { input: { id: key.apiKey.id } }, { token: stranger.token }));
    expect(revoke.revokeApiKey.__typename).toBe('NotFoundError');
  });

  test('answers create and rotate with UpgradeRequiredError on the FREE plan, while listing and deleting still work', async ({ t, org, project, key, operator }) => {
    ok(await execute(t.app, SetOrganizationPlan, { input: { organizationId: org.id, plan: 'FREE' } }, { token: operator.token }));

    const create = ok(
      await execute(t.app, CreateProjectApiKey, { input: { projectId: project.id, name: 'x', scopes: [{ scope: 'TRIGGER_WORKFLOWS' }], expiry: { policy: 'NEVER' } } }, { token: org.owner.token }),
    );
    const upgrade = as(create.createProjectApiKey, 'UpgradeRequiredError');
    expect(upgrade.message).toContain('FREE');
    const rotate = ok(await execute(t.app, RotateApiKey, { input: { id: key.apiKey.id } }, { token: org.owner.token }));
    expect(rotate.rotateApiKey.__typename).toBe('UpgradeRequiredError');

    const listed = ok(await execute(t.app, OrganizationApiKeys, { slug: org.slug }, { token: org.owner.token }));
    expect(listed.organization!.apiKeys!.edges).toHaveLength(1);
    const del = ok(await execute(t.app, DeleteApiKey, { input: { id: key.apiKey.id } }, { token: org.owner.token }));
    expect(del.deleteApiKey.__typename).toBe('DeleteApiKeyPayload');
    expect(await keyCount(t, org)).toBe(0);
  });
});

describe('rotation, revocation, deletion', () => {
  test('rotates without grace: a successor with the same settings, the old key ends now', async ({ t, org, project }) => {
    const wf = await newWorkflow(t.app, org, project.id);
    const key = await projectKey(t.app, org.owner, project.id, { scopes: [{ scope: 'TRIGGER_WORKFLOWS', workflowIds: [wf.id] }], policy: 'DAYS_30', name: 'rotating' });
    const rotated = as(ok(await execute(t.app, RotateApiKey, { input: { id: key.apiKey.id } }, { token: org.owner.token })).rotateApiKey, 'RotateApiKeyPayload');

    expect(rotated.secret).not.toBe(key.secret);
    expect(rotated.apiKey).toMatchObject({ name: 'rotating', level: 'PROJECT', expiryPolicy: 'DAYS_30', status: 'ACTIVE', rotatedFrom: { id: key.apiKey.id } });
    expect(rotated.apiKey.scopes).toEqual(key.apiKey.scopes);
    expect(rotated.apiKey.prefix).not.toBe(key.apiKey.prefix);
    expect(rotated.previousApiKey).toMatchObject({ status: 'EXPIRED', rotatedTo: { id: rotated.apiKey.id } });

    const again = ok(await execute(t.app, RotateApiKey, { input: { id: key.apiKey.id } }, { token: org.owner.token }));
    expect(again.rotateApiKey.__typename).toBe('ConflictError');
  });

  test('keeps the old key for the grace period, but never past its own expiry', async ({ t, org, project }) => {
    const longLived = await projectKey(t.app, org.owner, project.id, { policy: 'DAYS_30' });
    const r1 = as(ok(await execute(t.app, RotateApiKey, { input: { id: longLived.apiKey.id, gracePeriodSeconds: 3600 } }, { token: org.owner.token })).rotateApiKey, 'RotateApiKeyPayload');
    const graceMs = Date.parse(r1.previousApiKey.graceEndsAt!) - Date.now();
    expect(graceMs).toBeGreaterThan(3500_000);
    expect(graceMs).toBeLessThanOrEqual(3600_000);
    expect(r1.previousApiKey.status).toBe('ACTIVE');

    const soon = new Date(Date.now() + 10 * 60_000).toISOString();
    const shortLived = await projectKey(t.app, org.owner, project.id, { policy: 'CUSTOM', expiresAt: soon });
    const r2 = as(ok(await execute(t.app, RotateApiKey, { input: { id: shortLived.apiKey.id, gracePeriodSeconds: 86_400 } }, { token: org.owner.token })).rotateApiKey, 'RotateApiKeyPayload');
    expect(r2.previousApiKey.graceEndsAt).toBe(soon);

    const tooLong = ok(await execute(t.app, RotateApiKey, { input: { id: r1.apiKey.id, gracePeriodSeconds: 86_401 } }, { token: org.owner.token }));
    expect(tooLong.rotateApiKey.__typename).toBe('ValidationError');
  });

  test('makes revocation irreversible; the key stays listed as REVOKED', async ({ t, org, key }) => {
    const revoked = ok(await execute(t.app, RevokeApiKey, { input: { id: key.apiKey.id } }, { token: org.owner.token }));
    expect(as(revoked.revokeApiKey, 'RevokeApiKeyPayload').apiKey.status).toBe('REVOKED');
    const reactivate = ok(await execute(t.app, UpdateApiKey, { input: { id: key.apiKey.id, status: 'ACTIVE' } }, { token: org.owner.token }));
    expect(reactivate.updateApiKey.__typename).toBe('ValidationError');
    const rotate = ok(await execute(t.app, RotateApiKey, { input: { id: key.apiKey.id } }, { token: org.owner.token }));
    expect(rotate.rotateApiKey.__typename).toBe('ConflictError');
    const listed = ok(await execute(t.app, OrganizationApiKeys, { slug: org.slug, filter: { status: 'REVOKED' } }, { token: org.owner.token }));
    expect(listed.organization!.apiKeys!.edges.map((e) => e.node.id)).toEqual([key.apiKey.id]);
  });

  test('switches a key INACTIVE and back, and changes its owner to another member', async ({ t, org, key, admin, stranger }) => {
    const off = ok(await execute(t.app, UpdateApiKey, { input: { id: key.apiKey.id, status: 'INACTIVE', ownerId: admin.id } }, { token: org.owner.token }));
    expect(as(off.updateApiKey, 'UpdateApiKeyPayload').apiKey).toMatchObject({ status: 'INACTIVE', owner: { id: admin.id } });
    const on = ok(await execute(t.app, UpdateApiKey, { input: { id: key.apiKey.id, status: 'ACTIVE' } }, { token: admin.token }));
    expect(as(on.updateApiKey, 'UpdateApiKeyPayload').apiKey.status).toBe('ACTIVE');
    const badOwner = ok(await execute(t.app, UpdateApiKey, { input: { id: key.apiKey.id, ownerId: stranger.id } }, { token: org.owner.token }));
    expect(badOwner.updateApiKey.__typename).toBe('ValidationError');
  });

  test('bulk-deletes all or nothing: one foreign id and nothing is deleted', async ({ t, org, project }) => {
    const mine = [await projectKey(t.app, org.owner, project.id), await projectKey(t.app, org.owner, project.id)];
    const other = await teamOrg(t);
    const theirs = await projectKey(t.app, other.owner, (await newProject(t.app, other)).id);
    const auditBefore = await auditCount(t, org);

    const mixed = ok(await execute(t.app, DeleteApiKeys, { input: { ids: [mine[0].apiKey.id, theirs.apiKey.id, mine[1].apiKey.id] } }, { token: org.owner.token }));
    expect(as(mixed.deleteApiKeys, 'BulkOperationError').failures.map(({ id, reason }) => ({ id, reason }))).toEqual([{ id: theirs.apiKey.id, reason: 'NOT_FOUND' }]);
    expect(await keyCount(t, org)).toBe(2);
    expect(await keyCount(t, other)).toBe(1);
    expect(await auditCount(t, org)).toBe(auditBefore);

    const tooMany = ok(await execute(t.app, DeleteApiKeys, { input: { ids: Array.from({ length: 101 }, () => mine[0].apiKey.id) } }, { token: org.owner.token }));
    expect(tooMany.deleteApiKeys.__typename).toBe('ValidationError');

    const clean = ok(await execute(t.app, DeleteApiKeys, { input: { ids: mine.map((k) => k.apiKey.id) } }, { token: org.owner.token }));
    expect(as(clean.deleteApiKeys, 'DeleteApiKeysPayload').deletedApiKeyIds.sort()).toEqual(mine.map((k) => k.apiKey.id).sort());
    expect(await keyCount(t, org)).toBe(0);
    expect(await auditCount(t, org)).toBe(auditBefore + 2);
  });
});

describe('validation', () => {
  const futureDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

  test.for([
    ['an empty name', { name: '   ' }, 'input.name'],
    ['a name over 100 characters', { name: 'x'.repeat(101) }, 'input.name'],
    ['a control character in the name', { name: 'line\nbreak' }, 'input.name'],
    ['a note over 500 characters', { note: 'n'.repeat(501) }, 'input.note'],
    ['a past CUSTOM date', { expiry: { policy: 'CUSTOM', expiresAt: new Date(Date.now() - 1000).toISOString() } }, 'input.expiry.expiresAt'],
    ['a CUSTOM policy without a date', { expiry: { policy: 'CUSTOM' } }, 'input.expiry.expiresAt'],
    ['a date with a non-CUSTOM policy', { expiry: { policy: 'DAYS_7', expiresAt: futureDays(3) } }, 'input.expiry.expiresAt'],
    ['a far-future date', { expiry: { policy: 'CUSTOM', expiresAt: futureDays(4000) } }, 'input.expiry.expiresAt'],
    ['no scopes', { scopes: [] }, 'input.scopes'],
    ['a scope listed twice', { scopes: [{ scope: 'TRIGGER_WORKFLOWS' }, { scope: 'TRIGGER_WORKFLOWS' }] }, 'input.scopes.1.scope'],
  ] as const)('rejects %s with ValidationError and creates nothing', async ([, override, path], { t, org, project }) => {
    const auditBefore = await auditCount(t, org);
    const input = { projectId: project.id, name: 'valid', scopes: [{ scope: 'TRIGGER_WORKFLOWS' as const }], expiry: { policy: 'NEVER' as const }, ...override };
    const result = ok(await execute(t.app, CreateProjectApiKey, { input: input as never }, { token: org.owner.token }));
    const error = as(result.createProjectApiKey, 'ValidationError');
    expect(error.issues.map((i) => i.path.join('.'))).toContain(path);
    expect(await keyCount(t, org)).toBe(0);
    expect(await auditCount(t, org)).toBe(auditBefore);
  });

  test("enforces the organization's maximum key lifetime", async ({ t, org, project }) => {
    ok(await execute(t.app, UpdateOrganization, { input: { id: org.id, maxKeyLifetimeDays: 30 } }, { token: org.owner.token }));
    const base = { projectId: project.id, name: 'k', scopes: [{ scope: 'TRIGGER_WORKFLOWS' as const }] };
    for (const expiry of [{ policy: 'NEVER' as const }, { policy: 'DAYS_60' as const }, { policy: 'CUSTOM' as const, expiresAt: futureDays(31) }]) {
      const result = ok(await execute(t.app, CreateProjectApiKey, { input: { ...base, expiry } }, { token: org.owner.token }));
      expect(result.createProjectApiKey.__typename).toBe('ValidationError');
    }
    const allowed = ok(await execute(t.app, CreateProjectApiKey, { input: { ...base, expiry: { policy: 'DAYS_30' } } }, { token: org.owner.token }));
    expect(allowed.createProjectApiKey.__typename).toBe('CreateApiKeyPayload');
    expect(await keyCount(t, org)).toBe(1);
  });

  test('rejects workflows outside the key reach and unknown scopes', async ({ t, org }) => {
    const [p1, p2] = [await newProject(t.app, org), await newProject(t.app, org)];
    const elsewhere = await newWorkflow(t.app, org, p2.id);
    const narrowed = ok(
      await execute(t.app, CreateProjectApiKey, { input: { projectId: p1.id, name: 'k', scopes: [{ scope: 'TRIGGER_WORKFLOWS', workflowIds: [elsewhere.id] }], expiry: { policy: 'NEVER' } } }, { token: org.owner.token }),
    );
    expect(as(narrowed.createProjectApiKey, 'ValidationError').issues[0].path).toEqual(['input', 'scopes', '0', 'workflowIds']);

    const unknownScope = await execute(
      t.app,
      CreateProjectApiKey,
      { input: { projectId: p1.id, name: 'k', scopes: [{ scope: 'DELETE_EVERYTHING' as never }], expiry: { policy: 'NEVER' } } },
      { token: org.owner.token },
    );
    expect(unknownScope.status).toBe(400);
    expect(unknownScope.errors?.[0]?.message).toMatch(/DELETE_EVERYTHING/);
    expect(await keyCount(t, org)).toBe(0);
  });
});

describe('audit trail', () => {
  test('writes one event per change, in order, with actor and request id, and none for failures', async ({ t, org, key, member }) => {
    ok(await execute(t.app, UpdateApiKey, { input: { id: key.apiKey.id, name: 'renamed' } }, { token: org.owner.token }));
    const rotated = as(ok(await execute(t.app, RotateApiKey, { input: { id: key.apiKey.id } }, { token: org.owner.token })).rotateApiKey, 'RotateApiKeyPayload');
    ok(await execute(t.app, RevokeApiKey, { input: { id: rotated.apiKey.id } }, { token: org.owner.token }));
    ok(await execute(t.app, RevokeApiKey, { input: { id: rotated.apiKey.id } }, { token: org.owner.token })); // fails: already revoked
    ok(await execute(t.app, DeleteApiKey, { input: { id: key.apiKey.id } }, { token: org.owner.token }));

    const events = ok(await execute(t.app, AuditEvents, { slug: org.slug, filter: { targetType: 'ApiKey' } }, { token: org.owner.token }));
    const list = events.organization!.auditEvents!.edges.map((e) => e.node);
    expect(list.map((e) => e.action)).toEqual(['API_KEY_DELETE', 'API_KEY_REVOKE', 'API_KEY_ROTATE', 'API_KEY_UPDATE', 'API_KEY_CREATE']);
    expect(list.every((e) => e.actor?.id === org.owner.id && e.actorLabel === org.owner.email && e.requestId)).toBe(true);
    expect(list[3].changes).toEqual({ name: { from: 'CI key', to: 'renamed' } });

    const denied = await execute(t.app, AuditEvents, { slug: org.slug }, { token: member.token });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
