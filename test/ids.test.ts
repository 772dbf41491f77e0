import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeGlobalId, encodeGlobalId } from '../src/graphql/ids.ts';
import { graphql } from './generated/gql.ts';
import { sharedApp, type TestApp } from './support/app.ts';
import { as, execute, ok } from './support/client.ts';
import { newOrg, newProject } from './support/fixtures.ts';
import { projectKey } from './support/keys.ts';

const NodeById = graphql(`
  query IdsNode($id: ID!) {
    node(id: $id) {
      __typename
      id
    }
  }
`);

const CreateProjectById = graphql(`
  mutation IdsCreateProject($input: CreateProjectInput!) {
    createProject(input: $input) {
      __typename
      ... on ProjectPayload {
        project {
          id
        }
      }
      ... on ValidationError {
        issues {
          path
          message
        }
      }
    }
  }
`);

const AuditTrail = graphql(`
  query IdsAuditTrail($slug: String!, $filter: AuditEventFilter) {
    organization(slug: $slug) {
      auditEvents(filter: $filter) {
        edges {
          node {
            action
            targetType
            targetId
            changes
          }
        }
      }
    }
  }
`);

const URL_SAFE_UNPADDED = /^[A-Za-z0-9_-]+$/;
/** The form ids had before: standard base64 with `=` padding. */
const padded = (id: string) => Buffer.from(id, 'base64url').toString('base64');

let t: TestApp;
beforeAll(async () => {
  t = await sharedApp();
});
afterAll(async () => {
  await t.close();
});

describe('global ids', () => {
  it('are URL-safe and unpadded, so a double-click copy is the whole id; the old padded form is still accepted', async () => {
    const org = await newOrg(t.app, { plan: 'TEAM' });
    // `Organization:<uuid>` is 49 bytes: standard base64 ends it with `==`.
    expect(padded(org.id)).toMatch(/==$/);
    expect(org.id).toMatch(URL_SAFE_UNPADDED);

    const byNew = ok(await execute(t.app, NodeById, { id: org.id }, { token: org.owner.token }));
    const byOld = ok(await execute(t.app, NodeById, { id: padded(org.id) }, { token: org.owner.token }));
    expect(byNew.node).toEqual({ __typename: 'Organization', id: org.id });
    expect(byOld.node).toEqual({ __typename: 'Organization', id: org.id });

    const created = ok(
      await execute(
        t.app,
        CreateProjectById,
        { input: { organizationId: padded(org.id), name: 'Old id', slug: `old-${Date.now()}` } },
        { token: org.owner.token },
      ),
    );
    expect(as(created.createProject, 'ProjectPayload').project.id).toMatch(URL_SAFE_UNPADDED);
  });

  it('audit events name their target and the ids in their changes by global id, which node() and the filter take', async () => {
    const org = await newOrg(t.app, { plan: 'TEAM' });
    const project = await newProject(t.app, org);
    const key = await projectKey(t.app, org.owner, project.id);

    const trail = ok(await execute(t.app, AuditTrail, { slug: org.slug, filter: { action: 'API_KEY_CREATE' } }, { token: org.owner.token }));
    const [event] = trail.organization!.auditEvents!.edges.map((e) => e.node);
    expect(event.targetType).toBe('ApiKey');
    expect(event.targetId).toBe(key.apiKey.id);
    expect((event.changes as { projectId: string }).projectId).toBe(project.id);

    const target = ok(await execute(t.app, NodeById, { id: event.targetId }, { token: org.owner.token }));
    expect(target.node).toEqual({ __typename: 'ApiKey', id: key.apiKey.id });

    const filtered = ok(await execute(t.app, AuditTrail, { slug: org.slug, filter: { targetId: event.targetId } }, { token: org.owner.token }));
    expect(filtered.organization!.auditEvents!.edges.map((e) => e.node.action)).toEqual(['API_KEY_CREATE']);
  });
});

describe('global id codec', () => {
  it('round-trips, reads the padded standard-base64 form, and rejects what is not a global id', () => {
    const id = encodeGlobalId('ApiKey', '0b6f3c1e-2f2a-4c49-9d47-3f7a3c0b9e11');
    expect(id).toMatch(URL_SAFE_UNPADDED);
    expect(decodeGlobalId(id)).toEqual({ typename: 'ApiKey', id: '0b6f3c1e-2f2a-4c49-9d47-3f7a3c0b9e11' });
    expect(decodeGlobalId(padded(id))).toEqual(decodeGlobalId(id));
    for (const bad of ['', 'not an id', 'QXBpS2V5', Buffer.from(':123').toString('base64url'), Buffer.from('1x:2').toString('base64url')]) {
      expect(() => decodeGlobalId(bad), bad).toThrow(/Invalid global ID/);
    }
  });
});
