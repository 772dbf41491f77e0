import { describe, expect } from 'vitest';
import { graphql } from './generated/gql.ts';
import { as, execute, ok } from './support/client.ts';
import { newOrg, newProject, test } from './support/fixtures.ts';
import { projectKey } from './support/keys.ts';
import { AuditEvents, ErrorFields } from './support/operations.ts';
import { checkRateLimits } from '../src/domains/api-keys/rate-limits.ts';
import { ValidationError } from '../src/errors.ts';

void ErrorFields;

const KeyLimits = graphql(`
  query KeyLimits($id: ID!) {
    node(id: $id) {
      ... on ApiKey {
        rateLimits {
          name
          limit
          durationSeconds
        }
      }
    }
  }
`);

const CreateLimitedKey = graphql(`
  mutation CreateLimitedKey($input: CreateProjectApiKeyInput!) {
    createProjectApiKey(input: $input) {
      __typename
      ... on CreateApiKeyPayload {
        secret
        apiKey {
          id
          rateLimits {
            name
            limit
            durationSeconds
          }
        }
      }
      ...ErrorFields
    }
  }
`);

const CreateLimitedOrgKey = graphql(`
  mutation CreateLimitedOrgKey($input: CreateOrganizationApiKeyInput!) {
    createOrganizationApiKey(input: $input) {
      __typename
      ... on CreateApiKeyPayload {
        apiKey {
          rateLimits {
            name
            limit
            durationSeconds
          }
        }
      }
      ...ErrorFields
    }
  }
`);

const UpdateKeyLimits = graphql(`
  mutation UpdateKeyLimits($input: UpdateApiKeyInput!) {
    updateApiKey(input: $input) {
      __typename
      ... on UpdateApiKeyPayload {
        apiKey {
          rateLimits {
            name
            limit
            durationSeconds
          }
        }
      }
      ...ErrorFields
    }
  }
`);

const SetDefaults = graphql(`
  mutation SetDefaultKeyRateLimits($input: UpdateOrganizationInput!) {
    updateOrganization(input: $input) {
      __typename
      ... on OrganizationPayload {
        organization {
          defaultKeyRateLimits {
            name
            limit
            durationSeconds
          }
        }
      }
      ...ErrorFields
    }
  }
`);

const OrgDefaults = graphql(`
  query OrgDefaultKeyRateLimits($id: ID!) {
    node(id: $id) {
      ... on Organization {
        defaultKeyRateLimits {
          name
          limit
          durationSeconds
        }
      }
    }
  }
`);

const perSecond = { name: 'per-second', limit: 100, durationSeconds: 1 };
const daily = { name: 'daily', limit: 10_000, durationSeconds: 86_400 };
const expiry = { policy: 'NEVER' as const };
const permissions = [{ permission: 'workflow:trigger' }];

describe('rate limits: pure checks', () => {
  const issues = (limits: Parameters<typeof checkRateLimits>[0], plan: 'TEAM' | 'ENTERPRISE' = 'TEAM') => {
    try {
      checkRateLimits(limits, ['input', 'rateLimits'], plan);
      return [];
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    }
  };
  test('accepts the boundaries: 1 s and 1 day, limit 1', () => {
    expect(issues([{ name: 'a', limit: 1, durationSeconds: 1 }, { name: 'b', limit: 1, durationSeconds: 86_400 }])).toEqual([]);
  });
  test.each([
    [{ name: 'x', limit: 1, durationSeconds: 0 }, 'input.rateLimits.0.durationSeconds'],
    [{ name: 'x', limit: 1, durationSeconds: 86_401 }, 'input.rateLimits.0.durationSeconds'],
    [{ name: 'x', limit: 0, durationSeconds: 1 }, 'input.rateLimits.0.limit'],
    [{ name: 'x', limit: -5, durationSeconds: 1 }, 'input.rateLimits.0.limit'],
    [{ name: '', limit: 1, durationSeconds: 1 }, 'input.rateLimits.0.name'],
    [{ name: 'with space', limit: 1, durationSeconds: 1 }, 'input.rateLimits.0.name'],
    [{ name: 'quote"d', limit: 1, durationSeconds: 1 }, 'input.rateLimits.0.name'],
    [{ name: 'x'.repeat(33), limit: 1, durationSeconds: 1 }, 'input.rateLimits.0.name'],
  ])('refuses %j at %s', (limit, path) => {
    expect(issues([limit])).toEqual([expect.stringMatching(new RegExp(`^${path.replaceAll('.', '\\.')}: `))]);
  });
  test('refuses a name twice (ignoring case), more than five limits, and a rate over the plan cap', () => {
    expect(issues([perSecond, { ...perSecond, name: 'PER-SECOND' }])).toEqual([expect.stringMatching(/^input\.rateLimits\.1\.name: "PER-SECOND" is listed twice/)]);
    expect(issues(Array.from({ length: 6 }, (_, i) => ({ name: `l${i}`, limit: 1, durationSeconds: 1 })))).toEqual([expect.stringMatching(/at most 5 rate limits/)]);
    expect(issues([{ name: 'fast', limit: 1001, durationSeconds: 1 }])).toEqual([expect.stringMatching(/^input\.rateLimits\.0\.limit: the Team plan allows at most 1000 calls per second/)]);
    expect(issues([{ name: 'fast', limit: 1001, durationSeconds: 1 }], 'ENTERPRISE')).toEqual([]);
    expect(issues([{ name: 'slow', limit: 60_000, durationSeconds: 60 }])).toEqual([]);
  });
});

describe('rate limits on keys, through the API', () => {
  test('a key is created with its limits, shows them, and an edit replaces them (audited)', async ({ t, org, project }) => {
    const created = as(
      ok(await execute(t.app, CreateLimitedKey, { input: { projectId: project.id, name: 'limited', permissions, expiry, rateLimits: [perSecond, daily] } }, { token: org.owner.token })).createProjectApiKey,
      'CreateApiKeyPayload',
    );
    expect(created.apiKey.rateLimits).toEqual([perSecond, daily]);
    const id = created.apiKey.id;
    const updated = as(
      ok(await execute(t.app, UpdateKeyLimits, { input: { id, rateLimits: [{ name: 'per-minute', limit: 50, durationSeconds: 60 }] } }, { token: org.owner.token })).updateApiKey,
      'UpdateApiKeyPayload',
    );
    expect(updated.apiKey.rateLimits).toEqual([{ name: 'per-minute', limit: 50, durationSeconds: 60 }]);
    const events = ok(await execute(t.app, AuditEvents, { slug: org.slug }, { token: org.owner.token }));
    const update = events.organization!.auditEvents!.edges.map((e) => e.node).find((e) => e.action === 'API_KEY_UPDATE')!;
    expect(update.changes).toMatchObject({ rateLimits: { from: [perSecond, daily], to: [{ name: 'per-minute', limit: 50, durationSeconds: 60 }] } });
    // An empty list removes them.
    const cleared = as(ok(await execute(t.app, UpdateKeyLimits, { input: { id, rateLimits: [] } }, { token: org.owner.token })).updateApiKey, 'UpdateApiKeyPayload');
    expect(cleared.apiKey.rateLimits).toEqual([]);
  });

  test('new keys inherit the organization defaults unless they name their own (or none); existing keys keep theirs', async ({ t, org, project, admin }) => {
    const before = await projectKey(t.app, org.owner, project.id);
    const set = as(ok(await execute(t.app, SetDefaults, { input: { id: org.id, defaultKeyRateLimits: [perSecond] } }, { token: admin.token })).updateOrganization, 'OrganizationPayload');
    expect(set.organization!.defaultKeyRateLimits).toEqual([perSecond]);
    const inherited = as(ok(await execute(t.app, CreateLimitedKey, { input: { projectId: project.id, name: 'inherits', permissions, expiry } }, { token: org.owner.token })).createProjectApiKey, 'CreateApiKeyPayload');
    expect(inherited.apiKey.rateLimits).toEqual([perSecond]);
    const orgKey = as(
      ok(await execute(t.app, CreateLimitedOrgKey, { input: { organizationId: org.id, name: 'org', permissions, expiry, projectAccess: { all: true } } }, { token: org.owner.token })).createOrganizationApiKey,
      'CreateApiKeyPayload',
    );
    expect(orgKey.apiKey.rateLimits).toEqual([perSecond]);
    const own = as(ok(await execute(t.app, CreateLimitedKey, { input: { projectId: project.id, name: 'own', permissions, expiry, rateLimits: [daily] } }, { token: org.owner.token })).createProjectApiKey, 'CreateApiKeyPayload');
    expect(own.apiKey.rateLimits).toEqual([daily]);
    const none = as(ok(await execute(t.app, CreateLimitedKey, { input: { projectId: project.id, name: 'none', permissions, expiry, rateLimits: [] } }, { token: org.owner.token })).createProjectApiKey, 'CreateApiKeyPayload');
    expect(none.apiKey.rateLimits).toEqual([]);
    const old = ok(await execute(t.app, KeyLimits, { id: before.apiKey.id }, { token: org.owner.token }));
    expect(old.node).toEqual({ rateLimits: [] });
  });

  test('bad limits on create, edit and defaults are typed errors naming the field, and change nothing', async ({ t, org, project, key }) => {
    const bad = [{ name: 'ok', limit: 10, durationSeconds: 1 }, { name: 'bad', limit: 10, durationSeconds: 86_401 }];
    const create = ok(await execute(t.app, CreateLimitedKey, { input: { projectId: project.id, name: 'bad', permissions, expiry, rateLimits: bad } }, { token: org.owner.token })).createProjectApiKey;
    expect(create).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'rateLimits', '1', 'durationSeconds'] }] });
    const update = ok(await execute(t.app, UpdateKeyLimits, { input: { id: key.apiKey.id, rateLimits: bad } }, { token: org.owner.token })).updateApiKey;
    expect(update).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'rateLimits', '1', 'durationSeconds'] }] });
    expect(ok(await execute(t.app, KeyLimits, { id: key.apiKey.id }, { token: org.owner.token })).node).toEqual({ rateLimits: [] });
    const overPlan = ok(await execute(t.app, SetDefaults, { input: { id: org.id, defaultKeyRateLimits: [{ name: 'fast', limit: 5000, durationSeconds: 1 }] } }, { token: org.owner.token })).updateOrganization;
    expect(overPlan).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'defaultKeyRateLimits', '0', 'limit'] }] });
    const nulled = await execute(t.app, UpdateKeyLimits, { input: { id: key.apiKey.id, rateLimits: null } }, { token: org.owner.token });
    expect(JSON.stringify(nulled.data ?? nulled.errors)).toMatch(/rateLimits/);
    expect(ok(await execute(t.app, OrgDefaults, { id: org.id }, { token: org.owner.token })).node).toEqual({ defaultKeyRateLimits: [] });
    // Nothing was created by the refused create.
    const events = ok(await execute(t.app, AuditEvents, { slug: org.slug }, { token: org.owner.token }));
    expect(events.organization!.auditEvents!.edges.filter((e) => e.node.action === 'API_KEY_CREATE')).toHaveLength(1);
  });

  test('a MEMBER cannot set the defaults; another organization\'s key is not found', async ({ t, org, member, key }) => {
    const refused = ok(await execute(t.app, SetDefaults, { input: { id: org.id, defaultKeyRateLimits: [perSecond] } }, { token: member.token })).updateOrganization;
    expect(refused.__typename).toBe('ForbiddenError');
    const other = await newOrg(t.app, { plan: 'TEAM' });
    await newProject(t.app, other);
    const foreign = ok(await execute(t.app, UpdateKeyLimits, { input: { id: key.apiKey.id, rateLimits: [perSecond] } }, { token: other.owner.token })).updateApiKey;
    expect(foreign).toMatchObject({ __typename: 'NotFoundError' });
    expect(ok(await execute(t.app, KeyLimits, { id: key.apiKey.id }, { token: org.owner.token })).node).toEqual({ rateLimits: [] });
  });
});
