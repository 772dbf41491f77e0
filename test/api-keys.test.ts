import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/gql.ts';
import { sharedApp, type TestApp } from './support/app.ts';
import { as, execute, ok } from './support/client.ts';
import { addMember, dbId, newOrg, newProject, newUser, newWorkflow, type TestOrg } from './support/fixtures.ts';
import { CreateOrgKey, CreateProjectKey, orgKey, projectKey } from './support/keys.ts';

let t: TestApp;
beforeAll(async () => {
  t = await sharedApp();
});
afterAll(() => t.close());

const OrgKeys = graphql(`
  query KeysOrgKeys($slug: String!, $filter: ApiKeyFilter, $orderBy: ApiKeyOrder, $first: Int, $after: String) {
    organization(slug: $slug) {
      apiKeys(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
        edges {
          cursor
          node {
            ...KeyFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

const ProjectKeys = graphql(`
  query KeysProjectKeys($id: ID!) {
    node(id: $id) {
      ... on Project {
        apiKeys {
          edges {
            inherited
            viewerCanManage
            node {
              id
              level
              name
            }
          }
        }
      }
    }
  }
`);

const KeyNode = graphql(`
  query KeysNode($id: ID!) {
    node(id: $id) {
      ... on ApiKey {
        ...KeyFields
      }
    }
  }
`);

const AuditEvents = graphql(`
  query KeysAudit($slug: String!, $filter: AuditEventFilter) {
    organization(slug: $slug) {
      auditEvents(filter: $filter) {
        edges {
          node {
            action
            targetType
            targetId
            changes
            requestId
            actorLabel
            actor {
              id
            }
          }
        }
      }
    }
  }
`);

const UpdateKey = graphql(`
  mutation KeysUpdate($input: UpdateApiKeyInput!) {
    updateApiKey(input: $input) {
      __typename
      ... on UpdateApiKeyPayload {
        apiKey {
          ...KeyFields
        }
      }
      ... on ValidationError {
        issues {
          path
          message
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

const RotateKey = graphql(`
  mutation KeysRotate($input: RotateApiKeyInput!) {
    rotateApiKey(input: $input) {
      __typename
      ... on RotateApiKeyPayload {
        secret
        apiKey {
          ...KeyFields
        }
        previousApiKey {
          ...KeyFields
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

const RevokeKey = graphql(`
  mutation KeysRevoke($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      __typename
      ... on RevokeApiKeyPayload {
        apiKey {
          status
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

const DeleteKey = graphql(`
  mutation KeysDelete($input: DeleteApiKeyInput!) {
    deleteApiKey(input: $input) {
      __typename
      ... on DeleteApiKeyPayload {
        deletedApiKeyId
      }
      ... on Error {
        message
      }
    }
  }
`);

const DeleteKeys = graphql(`
  mutation KeysBulkDelete($input: DeleteApiKeysInput!) {
    deleteApiKeys(input: $input) {
      __typename
      ... on DeleteApiKeysPayload {
        deletedApiKeyIds
      }
      ... on BulkOperationError {
        failures {
          id
          reason
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

const UpdateOrg = graphql(`
  mutation KeysUpdateOrg($input: UpdateOrganizationInput!) {
    updateOrganization(input: $input) {
      __typename
    }
  }
`);

async function teamOrg(): Promise<TestOrg> {
  return newOrg(t.app, { plan: 'TEAM' });
}

const keyCount = (orgId: string) => t.db.prisma.apiKey.count({ where: { organizationId: dbId(orgId) } });
const auditCount = (orgId: string) => t.db.prisma.auditEvent.count({ where: { organizationId: dbId(orgId) } });

describe('the secret', () => {
  it('is returned once at creation and never again: no field, list, audit entry or log line; the database holds only an argon2id hash', async () => {
    const org = await teamOrg();
    const project = await newProject(t.app, org);
    const created = await projectKey(t.app, org.owner, project.id);
    expect(created.secret).toMatch(/^ksk_[0-9A-Za-z]{12}_[0-9A-Za-z]{38}$/);
    expect(created.secret.startsWith(created.apiKey.prefix)).toBe(true);

    const reads = [
      await execute(t.app, OrgKeys, { slug: org.slug }, { token: org.owner.token }),
      await execute(t.app, KeyNode, { id: created.apiKey.id }, { token: org.owner.token }),
      await execute(t.app, ProjectKeys, { id: project.id }, { token: org.owner.token }),
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
  it('shows project keys only in their project, and all keys in the organization list', async () => {
    const org = await teamOrg();
    const a = await newProject(t.app, org);
    const b = await newProject(t.app, org);
    const keyA = await projectKey(t.app, org.owner, a.id, { name: 'A key' });

    const inA = ok(await execute(t.app, ProjectKeys, { id: a.id }, { token: org.owner.token }));
    const inB = ok(await execute(t.app, ProjectKeys, { id: b.id }, { token: org.owner.token }));
    const ids = (r: typeof inA) => (r.node && 'apiKeys' in r.node ? r.node.apiKeys.edges.map((e) => e.node.id) : []);
    expect(ids(inA)).toEqual([keyA.apiKey.id]);
    expect(ids(inB)).toEqual([]);
    const all = ok(await execute(t.app, OrgKeys, { slug: org.slug }, { token: org.owner.token }));
    expect(all.organization!.apiKeys.edges.map((e) => e.node.id)).toEqual([keyA.apiKey.id]);
  });

  it('shows an All Projects key in a project created after it, marked inherited and read-only there', async () => {
    const org = await teamOrg();
    const key = await orgKey(t.app, org, { all: true });
    const later = await newProject(t.app, org);
    const own = await projectKey(t.app, org.owner, later.id);

    const view = ok(await execute(t.app, ProjectKeys, { id: later.id }, { token: org.owner.token }));
    const edges = view.node && 'apiKeys' in view.node ? view.node.apiKeys.edges : [];
    const byId = new Map(edges.map((e) => [e.node.id, e]));
    expect(byId.get(key.apiKey.id)).toMatchObject({ inherited: true, viewerCanManage: false, node: { level: 'ORGANIZATION' } });
    expect(byId.get(own.apiKey.id)).toMatchObject({ inherited: false, viewerCanManage: true, node: { level: 'PROJECT' } });

    const detail = ok(await execute(t.app, KeyNode, { id: key.apiKey.id }, { token: org.owner.token }));
    expect(detail.node && 'projectAccess' in detail.node && detail.node.projectAccess.projects.map((p) => p.id)).toContain(later.id);
  });

  it("shows a Selected Projects key only in the selected ones, and cannot select another organization's project", async () => {
    const org = await teamOrg();
    const [p1, p2] = [await newProject(t.app, org), await newProject(t.app, org)];
    const key = await orgKey(t.app, org, { projectIds: [p1.id] });
    const in1 = ok(await execute(t.app, ProjectKeys, { id: p1.id }, { token: org.owner.token }));
    const in2 = ok(await execute(t.app, ProjectKeys, { id: p2.id }, { token: org.owner.token }));
    expect(in1.node && 'apiKeys' in in1.node && in1.node.apiKeys.edges.map((e) => e.node.id)).toEqual([key.apiKey.id]);
    expect(in2.node && 'apiKeys' in in2.node && in2.node.apiKeys.edges).toEqual([]);

    const other = await teamOrg();
    const foreign = await newProject(t.app, other);
    const before = await keyCount(org.id);
    const result = ok(
      await execute(
        t.app,
        CreateOrgKey,
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
    expect(await keyCount(org.id)).toBe(before);
  });

  it('filters, searches, orders and paginates the organization list', async () => {
    const org = await teamOrg();
    const p = await newProject(t.app, org);
    for (const name of ['alpha', 'bravo', 'charlie']) await projectKey(t.app, org.owner, p.id, { name });
    const orgLevel = await orgKey(t.app, org, { all: true });

    const page1 = ok(
      await execute(t.app, OrgKeys, { slug: org.slug, first: 2, orderBy: { field: 'NAME', direction: 'ASC' }, filter: { level: 'PROJECT' } }, { token: org.owner.token }),
    );
    expect(page1.organization!.apiKeys.edges.map((e) => e.node.name)).toEqual(['alpha', 'bravo']);
    expect(page1.organization!.apiKeys.pageInfo.hasNextPage).toBe(true);
    const page2 = ok(
      await execute(
        t.app,
        OrgKeys,
        { slug: org.slug, first: 2, after: page1.organization!.apiKeys.pageInfo.endCursor, orderBy: { field: 'NAME', direction: 'ASC' }, filter: { level: 'PROJECT' } },
        { token: org.owner.token },
      ),
    );
    expect(page2.organization!.apiKeys.edges.map((e) => e.node.name)).toEqual(['charlie']);

    const search = ok(await execute(t.app, OrgKeys, { slug: org.slug, filter: { search: 'RAV' } }, { token: org.owner.token }));
    expect(search.organization!.apiKeys.edges.map((e) => e.node.name)).toEqual(['bravo']);
    const byPrefix = ok(await execute(t.app, OrgKeys, { slug: org.slug, filter: { search: orgLevel.apiKey.prefix } }, { token: org.owner.token }));
    expect(byPrefix.organization!.apiKeys.edges.map((e) => e.node.id)).toEqual([orgLevel.apiKey.id]);
    const level = ok(await execute(t.app, OrgKeys, { slug: org.slug, filter: { level: 'ORGANIZATION' } }, { token: org.owner.token }));
    expect(level.organization!.apiKeys.edges.map((e) => e.node.id)).toEqual([orgLevel.apiKey.id]);
  });
});

describe('who may change keys', () => {
  it('lets a MEMBER list and read keys but answers ForbiddenError to every change, changing nothing', async () => {
    const org = await teamOrg();
    const project = await newProject(t.app, org);
    const key = await projectKey(t.app, org.owner, project.id);
    const member = await addMember(t.app, org, 'MEMBER');
    const auditBefore = await auditCount(org.id);

    const listed = ok(await execute(t.app, OrgKeys, { slug: org.slug }, { token: member.token }));
    expect(listed.organization!.apiKeys.edges[0].node).toMatchObject({ id: key.apiKey.id, viewerCanManage: false });

    const create = ok(
      await execute(t.app, CreateProjectKey, { input: { projectId: project.id, name: 'x', scopes: [{ scope: 'TRIGGER_WORKFLOWS' }], expiry: { policy: 'NEVER' } } }, { token: member.token }),
    );
    const update = ok(await execute(t.app, UpdateKey, { input: { id: key.apiKey.id, name: 'renamed' } }, { token: member.token }));
    const rotate = ok(await execute(t.app, RotateKey, { input: { id: key.apiKey.id } }, { token: member.token }));
    const revoke = ok(await execute(t.app, RevokeKey, { input: { id: key.apiKey.id } }, { token: member.token }));
    const del = ok(await execute(t.app, DeleteKey, { input: { id: key.apiKey.id } }, { token: member.token }));
    const bulk = ok(await execute(t.app, DeleteKeys, { input: { ids: [key.apiKey.id] } }, { token: member.token }));
    expect([
      create.createProjectApiKey.__typename,
      update.updateApiKey.__typename,
      rotate.rotateApiKey.__typename,
      revoke.revokeApiKey.__typename,
      del.deleteApiKey.__typename,
    ]).toEqual(['ForbiddenError', 'ForbiddenError', 'ForbiddenError', 'ForbiddenError', 'ForbiddenError']);
    expect(as(bulk.deleteApiKeys, 'BulkOperationError').failures).toEqual([{ id: key.apiKey.id, reason: 'FORBIDDEN' }]);

    const after = ok(await execute(t.app, KeyNode, { id: key.apiKey.id }, { token: org.owner.token }));
    expect(after.node).toMatchObject({ name: 'CI key', status: 'ACTIVE', rotatedTo: null });
    expect(await keyCount(org.id)).toBe(1);
    expect(await auditCount(org.id)).toBe(auditBefore);
  });

  it('hides keys from non-members entirely (not found)', async () => {
    const org = await teamOrg();
    const key = await projectKey(t.app, org.owner, (await newProject(t.app, org)).id);
    const stranger = await newUser(t.app);
    expect(ok(await execute(t.app, KeyNode, { id: key.apiKey.id }, { token: stranger.token })).node).toBeNull();
    const revoke = ok(await execute(t.app, RevokeKey, { input: { id: key.apiKey.id } }, { token: stranger.token }));
    expect(revoke.revokeApiKey.__typename).toBe('NotFoundError');
  });

  it('answers create and rotate with UpgradeRequiredError on the FREE plan, while listing and deleting still work', async () => {
    const org = await teamOrg();
    const project = await newProject(t.app, org);
    const key = await projectKey(t.app, org.owner, project.id);
    const operator = await newUser(t.app, { operator: true });
    const SetPlan = graphql(`
      mutation KeysDowngrade($input: SetOrganizationPlanInput!) {
        setOrganizationPlan(input: $input) {
          __typename
        }
      }
    `);
    ok(await execute(t.app, SetPlan, { input: { organizationId: org.id, plan: 'FREE' } }, { token: operator.token }));

    const create = ok(
      await execute(t.app, CreateProjectKey, { input: { projectId: project.id, name: 'x', scopes: [{ scope: 'TRIGGER_WORKFLOWS' }], expiry: { policy: 'NEVER' } } }, { token: org.owner.token }),
    );
    const upgrade = as(create.createProjectApiKey, 'UpgradeRequiredError');
    expect(upgrade.message).toContain('FREE');
    const rotate = ok(await execute(t.app, RotateKey, { input: { id: key.apiKey.id } }, { token: org.owner.token }));
    expect(rotate.rotateApiKey.__typename).toBe('UpgradeRequiredError');

    const listed = ok(await execute(t.app, OrgKeys, { slug: org.slug }, { token: org.owner.token }));
    expect(listed.organization!.apiKeys.edges).toHaveLength(1);
    const del = ok(await execute(t.app, DeleteKey, { input: { id: key.apiKey.id } }, { token: org.owner.token }));
    expect(del.deleteApiKey.__typename).toBe('DeleteApiKeyPayload');
    expect(await keyCount(org.id)).toBe(0);
  });
});

describe('rotation, revocation, deletion', () => {
  it('rotates without grace: a successor with the same settings, the old key ends now', async () => {
    const org = await teamOrg();
    const project = await newProject(t.app, org);
    const wf = await newWorkflow(t.app, org, project.id);
    const key = await projectKey(t.app, org.owner, project.id, { scopes: [{ scope: 'TRIGGER_WORKFLOWS', workflowIds: [wf.id] }], policy: 'DAYS_30', name: 'rotating' });
    const rotated = as(ok(await execute(t.app, RotateKey, { input: { id: key.apiKey.id } }, { token: org.owner.token })).rotateApiKey, 'RotateApiKeyPayload');

    expect(rotated.secret).not.toBe(key.secret);
    expect(rotated.apiKey).toMatchObject({ name: 'rotating', level: 'PROJECT', expiryPolicy: 'DAYS_30', status: 'ACTIVE', rotatedFrom: { id: key.apiKey.id } });
    expect(rotated.apiKey.scopes).toEqual(key.apiKey.scopes);
    expect(rotated.apiKey.prefix).not.toBe(key.apiKey.prefix);
    expect(rotated.previousApiKey).toMatchObject({ status: 'EXPIRED', rotatedTo: { id: rotated.apiKey.id } });

    const again = ok(await execute(t.app, RotateKey, { input: { id: key.apiKey.id } }, { token: org.owner.token }));
    expect(again.rotateApiKey.__typename).toBe('ConflictError');
  });

  it('keeps the old key for the grace period, but never past its own expiry', async () => {
    const org = await teamOrg();
    const project = await newProject(t.app, org);
    const longLived = await projectKey(t.app, org.owner, project.id, { policy: 'DAYS_30' });
    const r1 = as(ok(await execute(t.app, RotateKey, { input: { id: longLived.apiKey.id, gracePeriodSeconds: 3600 } }, { token: org.owner.token })).rotateApiKey, 'RotateApiKeyPayload');
    const graceMs = Date.parse(r1.previousApiKey.graceEndsAt!) - Date.now();
    expect(graceMs).toBeGreaterThan(3500_000);
    expect(graceMs).toBeLessThanOrEqual(3600_000);
    expect(r1.previousApiKey.status).toBe('ACTIVE');

    const soon = new Date(Date.now() + 10 * 60_000).toISOString();
    const shortLived = await projectKey(t.app, org.owner, project.id, { policy: 'CUSTOM', expiresAt: soon });
    const r2 = as(ok(await execute(t.app, RotateKey, { input: { id: shortLived.apiKey.id, gracePeriodSeconds: 86_400 } }, { token: org.owner.token })).rotateApiKey, 'RotateApiKeyPayload');
    expect(r2.previousApiKey.graceEndsAt).toBe(soon);

    const tooLong = ok(await execute(t.app, RotateKey, { input: { id: r1.apiKey.id, gracePeriodSeconds: 86_401 } }, { token: org.owner.token }));
    expect(tooLong.rotateApiKey.__typename).toBe('ValidationError');
  });

  it('makes revocation irreversible; the key stays listed as REVOKED', async () => {
    const org = await teamOrg();
    const key = await projectKey(t.app, org.owner, (await newProject(t.app, org)).id);
    const revoked = ok(await execute(t.app, RevokeKey, { input: { id: key.apiKey.id } }, { token: org.owner.token }));
    expect(as(revoked.revokeApiKey, 'RevokeApiKeyPayload').apiKey.status).toBe('REVOKED');
    const reactivate = ok(await execute(t.app, UpdateKey, { input: { id: key.apiKey.id, status: 'ACTIVE' } }, { token: org.owner.token }));
    expect(reactivate.updateApiKey.__typename).toBe('ValidationError');
    const rotate = ok(await execute(t.app, RotateKey, { input: { id: key.apiKey.id } }, { token: org.owner.token }));
    expect(rotate.rotateApiKey.__typename).toBe('ConflictError');
    const listed = ok(await execute(t.app, OrgKeys, { slug: org.slug, filter: { status: 'REVOKED' } }, { token: org.owner.token }));
    expect(listed.organization!.apiKeys.edges.map((e) => e.node.id)).toEqual([key.apiKey.id]);
  });

  it('switches a key INACTIVE and back, and changes its owner to another member', async () => {
    const org = await teamOrg();
    const key = await projectKey(t.app, org.owner, (await newProject(t.app, org)).id);
    const admin = await addMember(t.app, org, 'ADMIN');
    const off = ok(await execute(t.app, UpdateKey, { input: { id: key.apiKey.id, status: 'INACTIVE', ownerId: admin.id } }, { token: org.owner.token }));
    expect(as(off.updateApiKey, 'UpdateApiKeyPayload').apiKey).toMatchObject({ status: 'INACTIVE', owner: { id: admin.id } });
    const on = ok(await execute(t.app, UpdateKey, { input: { id: key.apiKey.id, status: 'ACTIVE' } }, { token: admin.token }));
    expect(as(on.updateApiKey, 'UpdateApiKeyPayload').apiKey.status).toBe('ACTIVE');
    const stranger = await newUser(t.app);
    const badOwner = ok(await execute(t.app, UpdateKey, { input: { id: key.apiKey.id, ownerId: stranger.id } }, { token: org.owner.token }));
    expect(badOwner.updateApiKey.__typename).toBe('ValidationError');
  });

  it('bulk-deletes all or nothing: one foreign id and nothing is deleted', async () => {
    const org = await teamOrg();
    const project = await newProject(t.app, org);
    const mine = [await projectKey(t.app, org.owner, project.id), await projectKey(t.app, org.owner, project.id)];
    const other = await teamOrg();
    const theirs = await projectKey(t.app, other.owner, (await newProject(t.app, other)).id);
    const auditBefore = await auditCount(org.id);

    const mixed = ok(await execute(t.app, DeleteKeys, { input: { ids: [mine[0].apiKey.id, theirs.apiKey.id, mine[1].apiKey.id] } }, { token: org.owner.token }));
    expect(as(mixed.deleteApiKeys, 'BulkOperationError').failures).toEqual([{ id: theirs.apiKey.id, reason: 'NOT_FOUND' }]);
    expect(await keyCount(org.id)).toBe(2);
    expect(await keyCount(other.id)).toBe(1);
    expect(await auditCount(org.id)).toBe(auditBefore);

    const tooMany = ok(await execute(t.app, DeleteKeys, { input: { ids: Array.from({ length: 101 }, () => mine[0].apiKey.id) } }, { token: org.owner.token }));
    expect(tooMany.deleteApiKeys.__typename).toBe('ValidationError');

    const clean = ok(await execute(t.app, DeleteKeys, { input: { ids: mine.map((k) => k.apiKey.id) } }, { token: org.owner.token }));
    expect(as(clean.deleteApiKeys, 'DeleteApiKeysPayload').deletedApiKeyIds.sort()).toEqual(mine.map((k) => k.apiKey.id).sort());
    expect(await keyCount(org.id)).toBe(0);
    expect(await auditCount(org.id)).toBe(auditBefore + 2);
  });
});

describe('validation', () => {
  const futureDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

  it.each([
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
  ] as const)('rejects %s with ValidationError and creates nothing', async (_label, override, path) => {
    const org = await teamOrg();
    const project = await newProject(t.app, org);
    const auditBefore = await auditCount(org.id);
    const input = { projectId: project.id, name: 'valid', scopes: [{ scope: 'TRIGGER_WORKFLOWS' as const }], expiry: { policy: 'NEVER' as const }, ...override };
    const result = ok(await execute(t.app, CreateProjectKey, { input: input as never }, { token: org.owner.token }));
    const error = as(result.createProjectApiKey, 'ValidationError');
    expect(error.issues.map((i) => i.path.join('.'))).toContain(path);
    expect(await keyCount(org.id)).toBe(0);
    expect(await auditCount(org.id)).toBe(auditBefore);
  });

  it("enforces the organization's maximum key lifetime", async () => {
    const org = await teamOrg();
    const project = await newProject(t.app, org);
    ok(await execute(t.app, UpdateOrg, { input: { id: org.id, maxKeyLifetimeDays: 30 } }, { token: org.owner.token }));
    const base = { projectId: project.id, name: 'k', scopes: [{ scope: 'TRIGGER_WORKFLOWS' as const }] };
    for (const expiry of [{ policy: 'NEVER' as const }, { policy: 'DAYS_60' as const }, { policy: 'CUSTOM' as const, expiresAt: futureDays(31) }]) {
      const result = ok(await execute(t.app, CreateProjectKey, { input: { ...base, expiry } }, { token: org.owner.token }));
      expect(result.createProjectApiKey.__typename).toBe('ValidationError');
    }
    const allowed = ok(await execute(t.app, CreateProjectKey, { input: { ...base, expiry: { policy: 'DAYS_30' } } }, { token: org.owner.token }));
    expect(allowed.createProjectApiKey.__typename).toBe('CreateApiKeyPayload');
    expect(await keyCount(org.id)).toBe(1);
  });

  it('rejects workflows outside the key reach and unknown scopes', async () => {
    const org = await teamOrg();
    const [p1, p2] = [await newProject(t.app, org), await newProject(t.app, org)];
    const elsewhere = await newWorkflow(t.app, org, p2.id);
    const narrowed = ok(
      await execute(t.app, CreateProjectKey, { input: { projectId: p1.id, name: 'k', scopes: [{ scope: 'TRIGGER_WORKFLOWS', workflowIds: [elsewhere.id] }], expiry: { policy: 'NEVER' } } }, { token: org.owner.token }),
    );
    expect(as(narrowed.createProjectApiKey, 'ValidationError').issues[0].path).toEqual(['input', 'scopes', '0', 'workflowIds']);

    const unknownScope = await execute(
      t.app,
      CreateProjectKey,
      { input: { projectId: p1.id, name: 'k', scopes: [{ scope: 'DELETE_EVERYTHING' as never }], expiry: { policy: 'NEVER' } } },
      { token: org.owner.token },
    );
    expect(unknownScope.status).toBe(400);
    expect(unknownScope.errors?.[0]?.message).toMatch(/DELETE_EVERYTHING/);
    expect(await keyCount(org.id)).toBe(0);
  });
});

describe('audit trail', () => {
  it('writes one event per change, in order, with actor and request id, and none for failures', async () => {
    const org = await teamOrg();
    const project = await newProject(t.app, org);
    const key = await projectKey(t.app, org.owner, project.id);
    ok(await execute(t.app, UpdateKey, { input: { id: key.apiKey.id, name: 'renamed' } }, { token: org.owner.token }));
    const rotated = as(ok(await execute(t.app, RotateKey, { input: { id: key.apiKey.id } }, { token: org.owner.token })).rotateApiKey, 'RotateApiKeyPayload');
    ok(await execute(t.app, RevokeKey, { input: { id: rotated.apiKey.id } }, { token: org.owner.token }));
    ok(await execute(t.app, RevokeKey, { input: { id: rotated.apiKey.id } }, { token: org.owner.token })); // fails: already revoked
    ok(await execute(t.app, DeleteKey, { input: { id: key.apiKey.id } }, { token: org.owner.token }));

    const events = ok(await execute(t.app, AuditEvents, { slug: org.slug, filter: { targetType: 'ApiKey' } }, { token: org.owner.token }));
    const list = events.organization!.auditEvents.edges.map((e) => e.node);
    expect(list.map((e) => e.action)).toEqual(['api_key.delete', 'api_key.revoke', 'api_key.rotate', 'api_key.update', 'api_key.create']);
    expect(list.every((e) => e.actor?.id === org.owner.id && e.actorLabel === org.owner.email && e.requestId)).toBe(true);
    expect(list[3].changes).toEqual({ name: { from: 'CI key', to: 'renamed' } });

    const member = await addMember(t.app, org, 'MEMBER');
    const denied = await execute(t.app, AuditEvents, { slug: org.slug }, { token: member.token });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
