import { describe, expect } from 'vitest';
import { as, execute, ok } from './support/client.ts';
import { newProject, test } from './support/fixtures.ts';
import { orgKey, projectKey } from './support/keys.ts';
import {
  ApiKeyNode,
  CurrentApiKey,
  OrganizationApiKeys,
  ProjectApiKeys,
  RevokeApiKey,
  RotateApiKey,
  UpdateApiKey,
} from './support/operations.ts';
import type { ApiKeyFilter, ApiKeyOrder } from './generated/graphql.ts';

// The key lists: each filter and each order is checked against a set of keys built so that a filter that matches
// nothing, a filter that is ignored, and an order that is ignored (or reversed) all give a different answer.

describe('ApiKeyFilter', () => {
  test('projectId: keys that reach the project (its own, All Projects, selecting it), in both lists, and no others', async ({ t, org, owner }) => {
    const [p, q] = [await newProject(t.app, org), await newProject(t.app, org)];
    const ownP = await projectKey(t.app, owner, p.id, { name: 'own P' });
    const ownQ = await projectKey(t.app, owner, q.id, { name: 'own Q' });
    const all = await orgKey(t.app, org, { all: true });
    const selectsP = await orgKey(t.app, org, { projectIds: [p.id, q.id] });
    const selectsQ = await orgKey(t.app, org, { projectIds: [q.id] });

    const inOrg = async (filter: ApiKeyFilter) =>
      ok(await execute(t.app, OrganizationApiKeys, { slug: org.slug, filter }, { token: owner.token })).organization!.apiKeys!.edges.map(
        (e) => e.node.id,
      );
    const inProject = async (projectId: string, filter: ApiKeyFilter) => {
      const node = ok(await execute(t.app, ProjectApiKeys, { id: projectId, filter }, { token: owner.token })).node;
      return node && 'apiKeys' in node ? node.apiKeys.edges.map((e) => e.node.id) : null;
    };
    const reachP = [selectsP, all, ownP].map((k) => k.apiKey.id); // newest first
    expect(await inOrg({ projectId: p.id })).toEqual(reachP);
    expect(await inOrg({ projectId: q.id })).toEqual([selectsQ, selectsP, all, ownQ].map((k) => k.apiKey.id));
    expect(await inOrg({})).toHaveLength(5);
    // In a project's list the filter narrows further: Q's list filtered by P keeps the keys reaching both.
    expect(await inProject(q.id, { projectId: p.id })).toEqual([selectsP, all].map((k) => k.apiKey.id));
    expect(await inProject(p.id, { projectId: p.id })).toEqual(reachP);
  });

  test('projectId that cannot be a project id is a BAD_USER_INPUT naming filter.projectId, not an empty list', async ({ t, org, owner, project }) => {
    for (const projectId of ['not-an-id', owner.id, Buffer.from('Project:42').toString('base64url')]) {
      const inOrg = await execute(t.app, OrganizationApiKeys, { slug: org.slug, filter: { projectId } }, { token: owner.token });
      expect(inOrg.data?.organization?.apiKeys ?? null).toBeNull();
      expect(inOrg.errors).toMatchObject([
        { path: ['organization', 'apiKeys'], extensions: { code: 'BAD_USER_INPUT', issues: [{ path: ['filter', 'projectId'], message: 'is not a valid Project id' }] } },
      ]);
      const inProject = await execute(t.app, ProjectApiKeys, { id: project.id, filter: { projectId } }, { token: owner.token });
      expect(inProject.errors).toMatchObject([{ extensions: { code: 'BAD_USER_INPUT', issues: [{ path: ['filter', 'projectId'] }] } }]);
    }
  });

  test('status: ACTIVE, INACTIVE, REVOKED and EXPIRED each select exactly their keys', async ({ t, org, owner, project }) => {
    const active = await projectKey(t.app, owner, project.id, { name: 'active' });
    const inactive = await projectKey(t.app, owner, project.id, { name: 'inactive' });
    as(ok(await execute(t.app, UpdateApiKey, { input: { id: inactive.apiKey.id, status: 'INACTIVE' } }, { token: owner.token })).updateApiKey, 'UpdateApiKeyPayload');
    const revoked = await projectKey(t.app, owner, project.id, { name: 'revoked' });
    as(ok(await execute(t.app, RevokeApiKey, { input: { id: revoked.apiKey.id } }, { token: owner.token })).revokeApiKey, 'RevokeApiKeyPayload');
    const rotated = await projectKey(t.app, owner, project.id, { name: 'rotated' });
    const successor = as(
      ok(await execute(t.app, RotateApiKey, { input: { id: rotated.apiKey.id, gracePeriodSeconds: 0 } }, { token: owner.token })).rotateApiKey,
      'RotateApiKeyPayload',
    );

    const withStatus = async (status: NonNullable<ApiKeyFilter['status']>) =>
      ok(await execute(t.app, OrganizationApiKeys, { slug: org.slug, filter: { status } }, { token: owner.token })).organization!.apiKeys!.edges.map(
        (e) => ({ name: e.node.name, id: e.node.id, status: e.node.status }),
      );
    expect(await withStatus('ACTIVE')).toEqual([
      { name: 'rotated', id: successor.apiKey.id, status: 'ACTIVE' },
      { name: 'active', id: active.apiKey.id, status: 'ACTIVE' },
    ]);
    expect(await withStatus('INACTIVE')).toEqual([{ name: 'inactive', id: inactive.apiKey.id, status: 'INACTIVE' }]);
    expect(await withStatus('REVOKED')).toEqual([{ name: 'revoked', id: revoked.apiKey.id, status: 'REVOKED' }]);
    expect(await withStatus('EXPIRED')).toEqual([{ name: 'rotated', id: rotated.apiKey.id, status: 'EXPIRED' }]);
  });
});

describe('ApiKeyOrder', () => {
  test('orders by creation (default newest first), name, last use and expiry, both directions, keys without a value last', async ({ t, org, owner, project }) => {
    // Created in this order; names, expiries and last uses are deliberately shuffled against it.
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const k1 = await projectKey(t.app, owner, project.id, { name: 'charlie', policy: 'DAYS_30' });
    await projectKey(t.app, owner, project.id, { name: 'alpha', policy: 'NEVER' });
    const k3 = await projectKey(t.app, owner, project.id, { name: 'bravo', policy: 'DAYS_7' });
    const k4 = await projectKey(t.app, owner, project.id, { name: 'delta', policy: 'CUSTOM', expiresAt: inTwoDays });
    for (const key of [k3, k1, k4]) expect((await execute(t.app, CurrentApiKey, {}, { authorization: `Bearer ${key.secret}` })).status).toBe(200);
    await t.app.usage.flush();

    const names = async (orderBy?: ApiKeyOrder) =>
      ok(await execute(t.app, OrganizationApiKeys, { slug: org.slug, orderBy }, { token: owner.token })).organization!.apiKeys!.edges.map(
        (e) => e.node.name,
      );
    expect(await names()).toEqual(['delta', 'bravo', 'alpha', 'charlie']);
    expect(await names({ field: 'CREATED_AT', direction: 'DESC' })).toEqual(['delta', 'bravo', 'alpha', 'charlie']);
    expect(await names({ field: 'CREATED_AT', direction: 'ASC' })).toEqual(['charlie', 'alpha', 'bravo', 'delta']);
    expect(await names({ field: 'NAME', direction: 'ASC' })).toEqual(['alpha', 'bravo', 'charlie', 'delta']);
    expect(await names({ field: 'NAME', direction: 'DESC' })).toEqual(['delta', 'charlie', 'bravo', 'alpha']);
    // Used in the order bravo, charlie, delta; alpha never.
    expect(await names({ field: 'LAST_USED_AT', direction: 'DESC' })).toEqual(['delta', 'charlie', 'bravo', 'alpha']);
    expect(await names({ field: 'LAST_USED_AT', direction: 'ASC' })).toEqual(['bravo', 'charlie', 'delta', 'alpha']);
    // Expiring in 2 (delta), 7 (bravo), 30 (charlie) days; alpha never.
    expect(await names({ field: 'EXPIRES_AT', direction: 'ASC' })).toEqual(['delta', 'bravo', 'charlie', 'alpha']);
    expect(await names({ field: 'EXPIRES_AT', direction: 'DESC' })).toEqual(['charlie', 'bravo', 'delta', 'alpha']);

    // The project view orders the same way.
    const node = ok(await execute(t.app, ProjectApiKeys, { id: project.id, orderBy: { field: 'EXPIRES_AT', direction: 'DESC' } }, { token: owner.token })).node;
    expect(node && 'apiKeys' in node && node.apiKeys.edges.map((e) => e.node.name)).toEqual(['charlie', 'bravo', 'delta', 'alpha']);
  });
});

describe('viewerCanManage', () => {
  test('is true for OWNER and ADMIN and false for MEMBER, on the key and on the project list edge', async ({ t, org, owner, admin, member, project }) => {
    const own = await projectKey(t.app, owner, project.id);
    const inherited = await orgKey(t.app, org, { all: true });
    for (const [user, expected] of [
      [owner, true],
      [admin, true],
      [member, false],
    ] as const) {
      const node = ok(await execute(t.app, ApiKeyNode, { id: own.apiKey.id }, { token: user.token })).node;
      expect(node && 'viewerCanManage' in node ? node.viewerCanManage : 'not visible').toBe(expected);
      const listed = ok(await execute(t.app, OrganizationApiKeys, { slug: org.slug }, { token: user.token })).organization!.apiKeys!.edges;
      expect(listed.map((e) => e.node.viewerCanManage)).toEqual([expected, expected]);
      const view = ok(await execute(t.app, ProjectApiKeys, { id: project.id }, { token: user.token })).node;
      const edges = view && 'apiKeys' in view ? view.apiKeys.edges : [];
      const byId = new Map(edges.map((e) => [e.node.id, e]));
      // In the project view an inherited organization key is read-only for everyone.
      expect(byId.get(own.apiKey.id)).toMatchObject({ inherited: false, viewerCanManage: expected, node: { viewerCanManage: expected } });
      expect(byId.get(inherited.apiKey.id)).toMatchObject({ inherited: true, viewerCanManage: false, node: { viewerCanManage: expected } });
    }
  });
});
