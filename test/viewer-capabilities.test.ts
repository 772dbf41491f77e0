import { describe, expect } from 'vitest';
import { graphql } from './generated/gql.ts';
import { as, execute, ok } from './support/client.ts';
import { dbId, test, type TestUser } from './support/fixtures.ts';
import { AuditEvents, CreateWebhookEndpoint } from './support/operations.ts';

// The console shows or hides actions by `Organization.viewerCan` and flags failing webhook endpoints by `disablesAt`,
// instead of keeping its own copies of the rules: these tests pin both to what the server enforces.

const ViewerCan = graphql(`
  query ViewerCapabilities($slug: String!) {
    organization(slug: $slug) {
      viewerRole
      viewerCan {
        manageKeys
        manageProjects
        manageWorkflows
        manageMembers
        readWebhooks
        manageWebhooks
        readAudit
        updateOrganization
      }
    }
  }
`);

const CapabilityProbeKey = graphql(`
  mutation CapabilityProbeKey($input: CreateOrganizationApiKeyInput!) {
    createOrganizationApiKey(input: $input) {
      __typename
    }
  }
`);

const CapabilityProbeWorkflow = graphql(`
  mutation CapabilityProbeWorkflow($input: CreateWorkflowInput!) {
    createWorkflow(input: $input) {
      __typename
    }
  }
`);

const CapabilityProbeWebhooks = graphql(`
  query CapabilityProbeWebhooks($slug: String!) {
    organization(slug: $slug) {
      webhookEndpoints(first: 1) {
        totalCount
      }
    }
  }
`);

const EndpointDisablesAt = graphql(`
  query EndpointDisablesAt($id: ID!) {
    node(id: $id) {
      ... on WebhookEndpoint {
        enabled
        failingSince
        autoDisabledAt
        disablesAt
      }
    }
  }
`);

const ALL = { manageKeys: true, manageProjects: true, manageWorkflows: true, manageMembers: true, readWebhooks: true, manageWebhooks: true, readAudit: true, updateOrganization: true };
const NONE = { manageKeys: false, manageProjects: false, manageWorkflows: false, manageMembers: false, readWebhooks: false, manageWebhooks: false, readAudit: false, updateOrganization: false };

describe('Organization.viewerCan', () => {
  test('an OWNER and an ADMIN may do everything; a MEMBER nothing; an operator outside the organization nothing', async ({ t, org, owner, admin, member, operator }) => {
    const capabilities = async (user: TestUser) => ok(await execute(t.app, ViewerCan, { slug: org.slug }, { token: user.token })).organization;
    expect(await capabilities(owner)).toEqual({ viewerRole: 'OWNER', viewerCan: ALL });
    expect(await capabilities(admin)).toEqual({ viewerRole: 'ADMIN', viewerCan: ALL });
    expect(await capabilities(member)).toEqual({ viewerRole: 'MEMBER', viewerCan: NONE });
    expect(await capabilities(operator)).toEqual({ viewerRole: null, viewerCan: NONE });
  });

  test('a stranger gets no organization, so no capabilities either', async ({ t, org, stranger }) => {
    expect(ok(await execute(t.app, ViewerCan, { slug: org.slug }, { token: stranger.token })).organization).toBeNull();
  });

  test('each role’s answers agree with what the server then allows: keys, workflows, webhooks, audit log', async ({ t, org, owner, admin, member, project }) => {
    for (const user of [owner, admin, member]) {
      const can = ok(await execute(t.app, ViewerCan, { slug: org.slug }, { token: user.token })).organization!.viewerCan;
      const created = ok(
        await execute(
          t.app,
          CapabilityProbeKey,
          { input: { organizationId: org.id, name: 'probe', scopes: [{ scope: 'READ_EXECUTIONS' }], expiry: { policy: 'DAYS_7' }, projectAccess: { all: true } } },
          { token: user.token },
        ),
      ).createOrganizationApiKey.__typename;
      expect(created).toBe(can.manageKeys ? 'CreateApiKeyPayload' : 'ForbiddenError');
      const workflow = ok(
        await execute(t.app, CapabilityProbeWorkflow, { input: { projectId: project.id, name: 'Probe', slug: `probe-${user.sub}` } }, { token: user.token }),
      ).createWorkflow.__typename;
      expect(workflow).toBe(can.manageWorkflows ? 'WorkflowPayload' : 'ForbiddenError');
      const webhooks = (await execute(t.app, CapabilityProbeWebhooks, { slug: org.slug }, { token: user.token })).data?.organization?.webhookEndpoints;
      expect(webhooks != null).toBe(can.readWebhooks);
      const audit = (await execute(t.app, AuditEvents, { slug: org.slug }, { token: user.token })).data?.organization?.auditEvents;
      expect(audit != null).toBe(can.readAudit);
    }
  });
});

describe('WebhookEndpoint.disablesAt', () => {
  test('is 5 days after failingSince while an enabled endpoint fails, and null when it is healthy or already disabled', async ({ t, org }) => {
    const { webhookEndpoint } = as(
      ok(
        await execute(
          t.app,
          CreateWebhookEndpoint,
          { input: { organizationId: org.id, url: 'https://hooks.example.com/keysmith', events: ['API_KEY_CREATED'] } },
          { token: org.owner.token },
        ),
      ).createWebhookEndpoint,
      'CreateWebhookEndpointPayload',
    );
    const read = async () => ok(await execute(t.app, EndpointDisablesAt, { id: webhookEndpoint.id }, { token: org.owner.token })).node;
    expect(await read()).toMatchObject({ enabled: true, failingSince: null, disablesAt: null });

    const failingSince = new Date('2031-03-01T10:00:00.000Z');
    await t.db.prisma.webhookEndpoint.update({ where: { id: dbId(webhookEndpoint.id) }, data: { failingSince, lastFailedAt: failingSince } });
    expect(await read()).toMatchObject({ enabled: true, failingSince: failingSince.toISOString(), disablesAt: '2031-03-06T10:00:00.000Z' });

    const disabledAt = new Date('2031-03-06T10:05:00.000Z');
    await t.db.prisma.webhookEndpoint.update({ where: { id: dbId(webhookEndpoint.id) }, data: { enabled: false, autoDisabledAt: disabledAt } });
    expect(await read()).toMatchObject({ enabled: false, autoDisabledAt: disabledAt.toISOString(), disablesAt: null });
  });
});
