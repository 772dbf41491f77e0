import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  buildSchema,
  getNamedType,
  isInputObjectType,
  isObjectType,
  type GraphQLInputType,
  type GraphQLInputObjectType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/config/config.ts';
import { toGlobalId } from '../src/graphql/ids.ts';
import { sharedApp, type TestApp } from './support/app.ts';
import { as, execute, ok } from './support/client.ts';
import { addMember, dbId, newOrg, newProject, newUser, newWorkflow, unique, type TestOrg, type TestUser } from './support/fixtures.ts';
import { orgKey, projectKey } from './support/keys.ts';
import {
  AcceptInvitation,
  DeclineInvitation,
  InviteMember,
  RevokeInvitation,
  ApiKeyAddresses,
  AuditEvents,
  CreateOrganizationApiKey,
  CreateProject,
  CreateProjectApiKey,
  CreateWebhookEndpoint,
  CreateWorkflow,
  DeleteApiKey,
  DeleteApiKeys,
  DeleteProject,
  DeleteWebhookEndpoint,
  DeleteWorkflow,
  Node,
  Nodes,
  OrganizationApiKeys,
  OrganizationBySlug,
  ProjectApiKeys,
  ProjectBySlug,
  RemoveMember,
  LeaveOrganization,
  RevokeApiKey,
  RotateApiKey,
  RedeliverWebhookEvent,
  RotateWebhookEndpointSecret,
  TriggerWorkflow,
  UpdateApiKey,
  UpdateMember,
  UpdateOrganization,
  UpdateProject,
  UpdateWebhookEndpoint,
  UpdateWorkflow,
  WorkflowExecution,
} from './support/operations.ts';

// Cross-tenant isolation: for every query and mutation that takes an id, a member (here: the OWNER) of organization
// A who sends ids of organization B gets not-found, exactly as for an id that never existed, and nothing changes in
// either organization. The table below is checked against schema.graphql, so a new id-taking field fails the guard
// tests until it gets a row here.

let t: TestApp;

type Key = { id: string; secret: string };
/** The attacker: OWNER of organization A (TEAM plan, so key management is allowed in A). */
let a: { org: TestOrg; project: { id: string }; workflow: { id: string }; projectKey: Key; orgKey: Key; colleague: TestUser };
/** The victim: organization B with one of everything. */
let b: {
  org: TestOrg;
  project: { id: string; slug: string };
  workflow: { id: string };
  projectKey: Key;
  orgKey: Key;
  member: TestUser & { memberId: string };
  ownerMemberId: string;
  executionId: string;
  auditEventId: string;
  webhookEndpointId: string;
  webhookDeliveryId: string;
  /** A pending invitation of B, to someone who is not the attacker. */
  invitationId: string;
};
let initial: { a: unknown; b: unknown };

// ——— Helpers ———

/** Sends an operation as the attacker (OWNER of A); GraphQL-level errors fail the test. */
async function asAttacker<R, V>(document: TypedDocumentNode<R, V>, variables: V): Promise<R> {
  return ok(await execute(t.app, document, variables, { token: a.org.owner.token }));
}

const asKey = <R, V>(secret: string, document: TypedDocumentNode<R, V>, variables: V) =>
  execute(t.app, document, variables, { authorization: `Bearer ${secret}` });

type NodeType = 'Organization' | 'Member' | 'User' | 'Project' | 'Workflow' | 'ApiKey' | 'WorkflowExecution' | 'AuditEvent' | 'WebhookEndpoint' | 'WebhookDelivery' | 'Invitation';

/** A well-formed global id of `type` that never existed. */
const ghostId = (type: NodeType) => () => toGlobalId(type, randomUUID());

const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? String(v) : v)));

/**
 * Everything an organization consists of, read straight from the database. API-key usage fields are left out: a
 * key-authenticated call may count usage (that is not a change made through the foreign id).
 */
async function snapshot(orgGlobalId: string) {
  const organizationId = dbId(orgGlobalId);
  const db = t.db.prisma;
  const byId = { orderBy: { id: 'asc' as const } };
  const projectIds = (await db.project.findMany({ where: { organizationId }, select: { id: true } })).map((p) => p.id);
  return json({
    organization: await db.organization.findUnique({ where: { id: organizationId } }),
    memberships: await db.membership.findMany({ where: { organizationId }, ...byId }),
    users: await db.user.findMany({ where: { memberships: { some: { organizationId } } }, ...byId }),
    projects: await db.project.findMany({ where: { organizationId }, ...byId }),
    workflows: await db.workflow.findMany({ where: { projectId: { in: projectIds } }, ...byId }),
    apiKeys: await db.apiKey.findMany({
      where: { organizationId },
      omit: { usageCount: true, lastUsedAt: true, lastUsedIp: true },
      ...byId,
    }),
    // Written only by the usage flush for calls that carry a client address; none of this file's calls do.
    apiKeyAddresses: await db.apiKeyAddress.findMany({
      where: { apiKey: { organizationId } },
      orderBy: [{ apiKeyId: 'asc' }, { address: 'asc' }],
    }),
    apiKeyProjects: await db.apiKeyProject.findMany({
      where: { apiKey: { organizationId } },
      orderBy: [{ apiKeyId: 'asc' }, { projectId: 'asc' }],
    }),
    executions: await db.workflowExecution.findMany({ where: { projectId: { in: projectIds } }, ...byId }),
    auditEvents: await db.auditEvent.findMany({ where: { organizationId }, ...byId }),
    webhookEndpoints: await db.webhookEndpoint.findMany({ where: { organizationId }, ...byId }),
    webhookDeliveries: await db.webhookDelivery.findMany({ where: { organizationId }, ...byId }),
    invitations: await db.invitation.findMany({ where: { organizationId }, ...byId }),
  });
}

// ——— The table ———

type Row = {
  /** Schema coordinate of the field under test, e.g. `Mutation.updateProject` or `Organization.apiKeys`. */
  field: string;
  label: string;
  /** The id (or slug) of organization B this row sends. */
  foreign: () => string;
  /** The same kind of value for something that never existed: the answer must be identical. */
  ghost: () => string;
  call: (id: string) => Promise<unknown>;
  /** Matched with toMatchObject (so nulls and arrays must match exactly). */
  expected: unknown;
};

const notFound = (resource: string) => ({ __typename: 'NotFoundError', resource });

const rows: Row[] = [];

// Query.node and Query.nodes, for one object of every type organization B has.
const foreignObjects: { what: string; type: NodeType; id: () => string }[] = [
  { what: "B's organization", type: 'Organization', id: () => b.org.id },
  { what: "B's OWNER membership", type: 'Member', id: () => b.ownerMemberId },
  { what: "B's MEMBER membership", type: 'Member', id: () => b.member.memberId },
  { what: "B's owner (a user only in B)", type: 'User', id: () => b.org.owner.id },
  { what: "B's member (a user only in B)", type: 'User', id: () => b.member.id },
  { what: "B's project", type: 'Project', id: () => b.project.id },
  { what: "B's workflow", type: 'Workflow', id: () => b.workflow.id },
  { what: "B's project key", type: 'ApiKey', id: () => b.projectKey.id },
  { what: "B's organization key", type: 'ApiKey', id: () => b.orgKey.id },
  { what: "B's execution", type: 'WorkflowExecution', id: () => b.executionId },
  { what: "B's audit event", type: 'AuditEvent', id: () => b.auditEventId },
  { what: "B's webhook endpoint", type: 'WebhookEndpoint', id: () => b.webhookEndpointId },
  { what: "B's webhook delivery", type: 'WebhookDelivery', id: () => b.webhookDeliveryId },
  { what: "B's pending invitation", type: 'Invitation', id: () => b.invitationId },
];
for (const object of foreignObjects) {
  rows.push({
    field: 'Query.node',
    label: object.what,
    foreign: object.id,
    ghost: ghostId(object.type),
    call: async (id) => (await asAttacker(Node, { id })).node,
    expected: null,
  });
  rows.push({
    field: 'Query.nodes',
    label: `${object.what}, next to A's own project`,
    foreign: object.id,
    ghost: ghostId(object.type),
    call: async (id) => (await asAttacker(Nodes, { ids: [id, a.project.id] })).nodes,
    expected: [null, { __typename: 'Project' }],
  });
}

rows.push(
  {
    field: 'Query.node',
    label: "B's organization key, selecting its ipAllowlist and lastUsedAddresses",
    foreign: () => b.orgKey.id,
    ghost: ghostId('ApiKey'),
    call: async (id) => (await asAttacker(ApiKeyAddresses, { id })).node,
    expected: null,
  },
  {
    field: 'Query.organization',
    label: "B's slug",
    foreign: () => b.org.slug,
    ghost: () => unique('org'),
    call: async (slug) => (await asAttacker(OrganizationBySlug, { slug })).organization,
    expected: null,
  },
  {
    field: 'Organization.project',
    label: "A's organization, B's project slug",
    foreign: () => b.project.slug,
    ghost: () => unique('proj'),
    call: async (projectSlug) => (await asAttacker(ProjectBySlug, { slug: a.org.slug, projectSlug })).organization?.project,
    expected: null,
  },
  // "Keys that reach this project" for a project outside the organization: none of the organization's keys reach
  // it, so the answer is empty. (The filter must not treat a foreign or unknown project as one of the organization's
  // projects, e.g. by matching the organization's All Projects keys.)
  {
    field: 'Organization.apiKeys',
    label: "A's organization, filter.projectId = B's project",
    foreign: () => b.project.id,
    ghost: ghostId('Project'),
    call: async (projectId) =>
      (await asAttacker(OrganizationApiKeys, { slug: a.org.slug, filter: { projectId } })).organization?.apiKeys?.edges.map((e) => e.node.id),
    expected: [],
  },
  {
    field: 'Project.apiKeys',
    label: "A's project, filter.projectId = B's project",
    foreign: () => b.project.id,
    ghost: ghostId('Project'),
    call: async (projectId) => {
      const node = (await asAttacker(ProjectApiKeys, { id: a.project.id, filter: { projectId } })).node;
      return node && 'apiKeys' in node ? node.apiKeys.edges.map((e) => e.node.id) : 'A project not visible';
    },
    expected: [],
  },
  {
    field: 'Organization.auditEvents',
    label: "A's organization, filter.targetId = B's project (global id)",
    foreign: () => b.project.id,
    ghost: ghostId('Project'),
    call: async (targetId) =>
      (await asAttacker(AuditEvents, { slug: a.org.slug, filter: { targetId } })).organization?.auditEvents?.edges,
    expected: [],
  },
  {
    field: 'Organization.auditEvents',
    label: "A's organization, filter.targetId = B's organization (raw database id)",
    foreign: () => dbId(b.org.id),
    ghost: () => randomUUID(),
    call: async (targetId) =>
      (await asAttacker(AuditEvents, { slug: a.org.slug, filter: { targetId } })).organization?.auditEvents?.edges,
    expected: [],
  },
  {
    field: 'Organization.auditEvents',
    label: "A's organization, filter.actorId = B's owner",
    foreign: () => b.org.owner.id,
    ghost: ghostId('User'),
    call: async (actorId) =>
      (await asAttacker(AuditEvents, { slug: a.org.slug, filter: { actorId } })).organization?.auditEvents?.edges,
    expected: [],
  },
);

// Mutations. Every one takes `input`; the row sends B's id where the input asks for one.
rows.push(
  {
    field: 'Mutation.updateOrganization',
    label: "B's organization",
    foreign: () => b.org.id,
    ghost: ghostId('Organization'),
    call: async (id) => (await asAttacker(UpdateOrganization, { input: { id, name: 'Hijacked', maxKeyLifetimeDays: 1 } })).updateOrganization,
    expected: notFound('Organization'),
  },
  {
    field: 'Mutation.inviteMember',
    label: "organizationId = B's organization",
    foreign: () => b.org.id,
    ghost: ghostId('Organization'),
    call: async (organizationId) =>
      (await asAttacker(InviteMember, { input: { organizationId, email: a.colleague.email, role: 'OWNER' } })).inviteMember,
    expected: notFound('Organization'),
  },
  {
    field: 'Mutation.revokeInvitation',
    label: "B's pending invitation",
    foreign: () => b.invitationId,
    ghost: ghostId('Invitation'),
    call: async (id) => (await asAttacker(RevokeInvitation, { input: { id } })).revokeInvitation,
    expected: notFound('Invitation'),
  },
  {
    field: 'Mutation.acceptInvitation',
    label: "B's pending invitation (to another email)",
    foreign: () => b.invitationId,
    ghost: ghostId('Invitation'),
    call: async (id) => (await asAttacker(AcceptInvitation, { input: { id } })).acceptInvitation,
    expected: notFound('Invitation'),
  },
  {
    field: 'Mutation.declineInvitation',
    label: "B's pending invitation (to another email)",
    foreign: () => b.invitationId,
    ghost: ghostId('Invitation'),
    call: async (id) => (await asAttacker(DeclineInvitation, { input: { id } })).declineInvitation,
    expected: notFound('Invitation'),
  },
  {
    field: 'Mutation.updateMember',
    label: "B's MEMBER membership",
    foreign: () => b.member.memberId,
    ghost: ghostId('Member'),
    call: async (id) => (await asAttacker(UpdateMember, { input: { id, role: 'OWNER' } })).updateMember,
    expected: notFound('Member'),
  },
  {
    field: 'Mutation.updateMember',
    label: "B's OWNER membership",
    foreign: () => b.ownerMemberId,
    ghost: ghostId('Member'),
    call: async (id) => (await asAttacker(UpdateMember, { input: { id, role: 'MEMBER' } })).updateMember,
    expected: notFound('Member'),
  },
  {
    field: 'Mutation.removeMember',
    label: "B's MEMBER membership",
    foreign: () => b.member.memberId,
    ghost: ghostId('Member'),
    call: async (id) => (await asAttacker(RemoveMember, { input: { id } })).removeMember,
    expected: notFound('Member'),
  },
  {
    field: 'Mutation.removeMember',
    label: "B's OWNER membership",
    foreign: () => b.ownerMemberId,
    ghost: ghostId('Member'),
    call: async (id) => (await asAttacker(RemoveMember, { input: { id } })).removeMember,
    expected: notFound('Member'),
  },
  {
    field: 'Mutation.leaveOrganization',
    label: "B's organization (A's owner is no member of it)",
    foreign: () => b.org.id,
    ghost: ghostId('Organization'),
    call: async (id) => (await asAttacker(LeaveOrganization, { input: { organizationId: id } })).leaveOrganization,
    expected: notFound('Organization'),
  },
  {
    field: 'Mutation.createProject',
    label: "organizationId = B's organization",
    foreign: () => b.org.id,
    ghost: ghostId('Organization'),
    call: async (organizationId) =>
      (await asAttacker(CreateProject, { input: { organizationId, name: 'Planted', slug: 'planted' } })).createProject,
    expected: notFound('Organization'),
  },
  {
    field: 'Mutation.updateProject',
    label: "B's project",
    foreign: () => b.project.id,
    ghost: ghostId('Project'),
    call: async (id) => (await asAttacker(UpdateProject, { input: { id, name: 'Hijacked', slug: 'hijacked' } })).updateProject,
    expected: notFound('Project'),
  },
  {
    field: 'Mutation.deleteProject',
    label: "B's project",
    foreign: () => b.project.id,
    ghost: ghostId('Project'),
    call: async (id) => (await asAttacker(DeleteProject, { input: { id } })).deleteProject,
    expected: notFound('Project'),
  },
  {
    field: 'Mutation.createWorkflow',
    label: "projectId = B's project",
    foreign: () => b.project.id,
    ghost: ghostId('Project'),
    call: async (projectId) => (await asAttacker(CreateWorkflow, { input: { projectId, name: 'Planted', slug: 'planted' } })).createWorkflow,
    expected: notFound('Project'),
  },
  {
    field: 'Mutation.updateWorkflow',
    label: "B's workflow",
    foreign: () => b.workflow.id,
    ghost: ghostId('Workflow'),
    call: async (id) => (await asAttacker(UpdateWorkflow, { input: { id, name: 'Hijacked', slug: 'hijacked' } })).updateWorkflow,
    expected: notFound('Workflow'),
  },
  {
    field: 'Mutation.deleteWorkflow',
    label: "B's workflow",
    foreign: () => b.workflow.id,
    ghost: ghostId('Workflow'),
    call: async (id) => (await asAttacker(DeleteWorkflow, { input: { id } })).deleteWorkflow,
    expected: notFound('Workflow'),
  },
  {
    field: 'Mutation.createProjectApiKey',
    label: "projectId = B's project",
    foreign: () => b.project.id,
    ghost: ghostId('Project'),
    call: async (projectId) =>
      (
        await asAttacker(CreateProjectApiKey, {
          input: { projectId, name: 'Planted', scopes: [{ scope: 'TRIGGER_WORKFLOWS' }], expiry: { policy: 'NEVER' } },
        })
      ).createProjectApiKey,
    expected: notFound('Project'),
  },
  {
    // Documented exception: workflowIds are checked against the new key's reach, and a workflow outside it (B's,
    // or one that does not exist) is a ValidationError on the scope by design, not a NotFoundError. It is still
    // indistinguishable from a never-existing workflow and creates nothing.
    field: 'Mutation.createProjectApiKey',
    label: "A's project, scope narrowed to B's workflow (ValidationError by design)",
    foreign: () => b.workflow.id,
    ghost: ghostId('Workflow'),
    call: async (workflowId) =>
      (
        await asAttacker(CreateProjectApiKey, {
          input: {
            projectId: a.project.id,
            name: 'Narrowed',
            scopes: [{ scope: 'TRIGGER_WORKFLOWS', workflowIds: [workflowId] }],
            expiry: { policy: 'NEVER' },
          },
        })
      ).createProjectApiKey,
    expected: { __typename: 'ValidationError', issues: [{ path: ['input', 'scopes', '0', 'workflowIds'] }] },
  },
  {
    field: 'Mutation.createOrganizationApiKey',
    label: "organizationId = B's organization",
    foreign: () => b.org.id,
    ghost: ghostId('Organization'),
    call: async (organizationId) =>
      (
        await asAttacker(CreateOrganizationApiKey, {
          input: { organizationId, name: 'Planted', scopes: [{ scope: 'TRIGGER_WORKFLOWS' }], expiry: { policy: 'NEVER' }, projectAccess: { all: true } },
        })
      ).createOrganizationApiKey,
    expected: notFound('Organization'),
  },
  {
    field: 'Mutation.createOrganizationApiKey',
    label: "A's organization, projectAccess.projectIds = [A's project, B's project]",
    foreign: () => b.project.id,
    ghost: ghostId('Project'),
    call: async (projectId) =>
      (
        await asAttacker(CreateOrganizationApiKey, {
          input: {
            organizationId: a.org.id,
            name: 'Reaching',
            scopes: [{ scope: 'TRIGGER_WORKFLOWS' }],
            expiry: { policy: 'NEVER' },
            projectAccess: { projectIds: [a.project.id, projectId] },
          },
        })
      ).createOrganizationApiKey,
    expected: notFound('Project'),
  },
  {
    // Documented exception, as for createProjectApiKey: a narrowed workflow outside the key's reach is a
    // ValidationError on the scope by design.
    field: 'Mutation.createOrganizationApiKey',
    label: "A's organization (all projects), scope narrowed to B's workflow (ValidationError by design)",
    foreign: () => b.workflow.id,
    ghost: ghostId('Workflow'),
    call: async (workflowId) =>
      (
        await asAttacker(CreateOrganizationApiKey, {
          input: {
            organizationId: a.org.id,
            name: 'Narrowed',
            scopes: [{ scope: 'READ_EXECUTIONS', workflowIds: [a.workflow.id, workflowId] }],
            expiry: { policy: 'NEVER' },
            projectAccess: { all: true },
          },
        })
      ).createOrganizationApiKey,
    expected: { __typename: 'ValidationError', issues: [{ path: ['input', 'scopes', '0', 'workflowIds'] }] },
  },
  {
    field: 'Mutation.updateApiKey',
    label: "B's project key",
    foreign: () => b.projectKey.id,
    ghost: ghostId('ApiKey'),
    call: async (id) => (await asAttacker(UpdateApiKey, { input: { id, name: 'Hijacked', note: 'x', status: 'INACTIVE' } })).updateApiKey,
    expected: notFound('ApiKey'),
  },
  {
    field: 'Mutation.updateApiKey',
    label: "B's organization key, ipAllowlist = [] (lifting B's allowlist)",
    foreign: () => b.orgKey.id,
    ghost: ghostId('ApiKey'),
    call: async (id) => (await asAttacker(UpdateApiKey, { input: { id, ipAllowlist: [] } })).updateApiKey,
    expected: notFound('ApiKey'),
  },
  {
    field: 'Mutation.updateApiKey',
    label: "B's project key, ipAllowlist = A's office range",
    foreign: () => b.projectKey.id,
    ghost: ghostId('ApiKey'),
    call: async (id) => (await asAttacker(UpdateApiKey, { input: { id, ipAllowlist: ['203.0.113.0/24'] } })).updateApiKey,
    expected: notFound('ApiKey'),
  },
  {
    field: 'Mutation.updateApiKey',
    label: "B's organization key, ownerId = A's owner and projectAccess = all",
    foreign: () => b.orgKey.id,
    ghost: ghostId('ApiKey'),
    call: async (id) =>
      (await asAttacker(UpdateApiKey, { input: { id, ownerId: a.org.owner.id, projectAccess: { all: true } } })).updateApiKey,
    expected: notFound('ApiKey'),
  },
  {
    field: 'Mutation.updateApiKey',
    label: "A's organization key, projectAccess.projectIds = [B's project]",
    foreign: () => b.project.id,
    ghost: ghostId('Project'),
    call: async (projectId) =>
      (await asAttacker(UpdateApiKey, { input: { id: a.orgKey.id, projectAccess: { projectIds: [projectId] } } })).updateApiKey,
    expected: notFound('Project'),
  },
  {
    // Documented exception: ownerId must be a member of the key's organization; anyone else (a user only in B, or
    // nobody) is a ValidationError on ownerId by design.
    field: 'Mutation.updateApiKey',
    label: "A's project key, ownerId = a user only in B (ValidationError by design)",
    foreign: () => b.member.id,
    ghost: ghostId('User'),
    call: async (ownerId) => (await asAttacker(UpdateApiKey, { input: { id: a.projectKey.id, ownerId } })).updateApiKey,
    expected: { __typename: 'ValidationError', issues: [{ path: ['input', 'ownerId'] }] },
  },
  {
    field: 'Mutation.rotateApiKey',
    label: "B's project key",
    foreign: () => b.projectKey.id,
    ghost: ghostId('ApiKey'),
    call: async (id) => (await asAttacker(RotateApiKey, { input: { id, gracePeriodSeconds: 3600 } })).rotateApiKey,
    expected: notFound('ApiKey'),
  },
  {
    field: 'Mutation.rotateApiKey',
    label: "B's organization key",
    foreign: () => b.orgKey.id,
    ghost: ghostId('ApiKey'),
    call: async (id) => (await asAttacker(RotateApiKey, { input: { id } })).rotateApiKey,
    expected: notFound('ApiKey'),
  },
  {
    field: 'Mutation.createWebhookEndpoint',
    label: "B's organization",
    foreign: () => b.org.id,
    ghost: ghostId('Organization'),
    call: async (organizationId) =>
      (await asAttacker(CreateWebhookEndpoint, { input: { organizationId, url: 'https://hooks.example.com/a', events: ['API_KEY_CREATED'] } })).createWebhookEndpoint,
    expected: notFound('Organization'),
  },
  {
    field: 'Mutation.updateWebhookEndpoint',
    label: "B's webhook endpoint",
    foreign: () => b.webhookEndpointId,
    ghost: ghostId('WebhookEndpoint'),
    call: async (id) => (await asAttacker(UpdateWebhookEndpoint, { input: { id, url: 'https://attacker.example.com/', enabled: false } })).updateWebhookEndpoint,
    expected: notFound('WebhookEndpoint'),
  },
  {
    field: 'Mutation.rotateWebhookEndpointSecret',
    label: "B's webhook endpoint",
    foreign: () => b.webhookEndpointId,
    ghost: ghostId('WebhookEndpoint'),
    call: async (id) => (await asAttacker(RotateWebhookEndpointSecret, { input: { id } })).rotateWebhookEndpointSecret,
    expected: notFound('WebhookEndpoint'),
  },
  {
    field: 'Mutation.redeliverWebhookEvent',
    label: "B's webhook delivery",
    foreign: () => b.webhookDeliveryId,
    ghost: ghostId('WebhookDelivery'),
    call: async (deliveryId) => (await asAttacker(RedeliverWebhookEvent, { input: { deliveryId } })).redeliverWebhookEvent,
    expected: notFound('WebhookDelivery'),
  },
  {
    field: 'Mutation.deleteWebhookEndpoint',
    label: "B's webhook endpoint",
    foreign: () => b.webhookEndpointId,
    ghost: ghostId('WebhookEndpoint'),
    call: async (id) => (await asAttacker(DeleteWebhookEndpoint, { input: { id } })).deleteWebhookEndpoint,
    expected: notFound('WebhookEndpoint'),
  },
  {
    field: 'Mutation.revokeApiKey',
    label: "B's project key",
    foreign: () => b.projectKey.id,
    ghost: ghostId('ApiKey'),
    call: async (id) => (await asAttacker(RevokeApiKey, { input: { id } })).revokeApiKey,
    expected: notFound('ApiKey'),
  },
  {
    field: 'Mutation.revokeApiKey',
    label: "B's organization key",
    foreign: () => b.orgKey.id,
    ghost: ghostId('ApiKey'),
    call: async (id) => (await asAttacker(RevokeApiKey, { input: { id } })).revokeApiKey,
    expected: notFound('ApiKey'),
  },
  {
    field: 'Mutation.deleteApiKey',
    label: "B's project key",
    foreign: () => b.projectKey.id,
    ghost: ghostId('ApiKey'),
    call: async (id) => (await asAttacker(DeleteApiKey, { input: { id } })).deleteApiKey,
    expected: notFound('ApiKey'),
  },
  {
    field: 'Mutation.deleteApiKey',
    label: "B's organization key",
    foreign: () => b.orgKey.id,
    ghost: ghostId('ApiKey'),
    call: async (id) => (await asAttacker(DeleteApiKey, { input: { id } })).deleteApiKey,
    expected: notFound('ApiKey'),
  },
  {
    field: 'Mutation.deleteApiKeys',
    label: "[B's project key]",
    foreign: () => b.projectKey.id,
    ghost: ghostId('ApiKey'),
    call: async (id) => {
      const result = (await asAttacker(DeleteApiKeys, { input: { ids: [id] } })).deleteApiKeys;
      return 'failures' in result ? { ...result, failures: result.failures.map((f) => ({ ...f, id: f.id === id ? '<sent>' : f.id })) } : result;
    },
    expected: { __typename: 'BulkOperationError', failures: [{ id: '<sent>', reason: 'NOT_FOUND' }] },
  },
  {
    field: 'Mutation.deleteApiKeys',
    label: "[A's project key, B's organization key]: all or nothing, A's key survives",
    foreign: () => b.orgKey.id,
    ghost: ghostId('ApiKey'),
    call: async (id) => {
      const result = (await asAttacker(DeleteApiKeys, { input: { ids: [a.projectKey.id, id] } })).deleteApiKeys;
      return 'failures' in result ? { ...result, failures: result.failures.map((f) => ({ ...f, id: f.id === id ? '<sent>' : f.id })) } : result;
    },
    expected: { __typename: 'BulkOperationError', failures: [{ id: '<sent>', reason: 'NOT_FOUND' }] },
  },
);

/**
 * Mutation fields without a table row, and why. Keep in sync with schema.graphql (the guard test below fails
 * otherwise).
 */
const MUTATIONS_WITHOUT_ROW: Record<string, string> = {
  createOrganization: 'takes no id',
  setOrganizationPlan: 'platform operators only (a member of A gets 403 whatever the id): not a tenant-scoped field',
  triggerWorkflow: 'API keys only: covered by "API keys of organization A" below',
};

/** Non-mutation fields that take an id but are covered outside the table. */
const FIELDS_COVERED_ELSEWHERE: Record<string, string> = {
  'Query.workflowExecution': 'API keys only: covered by "API keys of organization A" below',
};

// ——— Setup ———

beforeAll(async () => {
  t = await sharedApp();

  const bOrg = await newOrg(t.app, { plan: 'TEAM' });
  const bProject = await newProject(t.app, bOrg);
  const bWorkflow = await newWorkflow(t.app, bOrg, bProject.id);
  const bProjectKey = await projectKey(t.app, bOrg.owner, bProject.id, { name: 'B project key' });
  const bOrgKey = await orgKey(t.app, bOrg, { projectIds: [bProject.id] });
  const bMember = await addMember(t.app, bOrg, 'MEMBER');
  // Something to leak: an allowlist and a recorded client address on B's organization key.
  as(
    ok(await execute(t.app, UpdateApiKey, { input: { id: bOrgKey.apiKey.id, ipAllowlist: ['198.51.100.0/24'] } }, { token: bOrg.owner.token })).updateApiKey,
    'UpdateApiKeyPayload',
  );
  await t.db.prisma.apiKeyAddress.create({ data: { apiKeyId: dbId(bOrgKey.apiKey.id), address: '198.51.100.7', lastSeenAt: new Date() } });
  const bOwnerMembership = await t.db.prisma.membership.findFirstOrThrow({ where: { organizationId: dbId(bOrg.id), role: 'OWNER' } });
  const triggered = await asKey(bProjectKey.secret, TriggerWorkflow, { input: { workflowId: bWorkflow.id, payload: { order: 1 }, idempotencyKey: 'b-1' } });
  const execution = as(ok(triggered).triggerWorkflow, 'TriggerWorkflowPayload').execution;
  const webhook = ok(
    await execute(t.app, CreateWebhookEndpoint, { input: { organizationId: bOrg.id, url: 'https://hooks.example.com/b', events: ['API_KEY_CREATED'] } }, { token: bOrg.owner.token }),
  );
  const webhookEndpointId = as(webhook.createWebhookEndpoint, 'CreateWebhookEndpointPayload').webhookEndpoint.id;
  await projectKey(t.app, bOrg.owner, bProject.id, { name: 'B key with an event' });
  const delivery = await t.db.prisma.webhookDelivery.findFirstOrThrow({ where: { endpointId: dbId(webhookEndpointId) } });
  const auditEvent = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { organizationId: dbId(bOrg.id) }, orderBy: { createdAt: 'asc' } });
  const invited = ok(
    await execute(t.app, InviteMember, { input: { organizationId: bOrg.id, email: `${unique('invitee')}@example.com`, role: 'ADMIN' } }, { token: bOrg.owner.token }),
  );
  b = {
    invitationId: as(invited.inviteMember, 'InvitationPayload').invitation.id,
    org: bOrg,
    project: bProject,
    workflow: bWorkflow,
    projectKey: { id: bProjectKey.apiKey.id, secret: bProjectKey.secret },
    orgKey: { id: bOrgKey.apiKey.id, secret: bOrgKey.secret },
    member: bMember,
    ownerMemberId: toGlobalId('Member', bOwnerMembership.id),
    executionId: execution.id,
    auditEventId: toGlobalId('AuditEvent', auditEvent.id),
    webhookEndpointId,
    webhookDeliveryId: toGlobalId('WebhookDelivery', delivery.id),
  };

  const aOrg = await newOrg(t.app, { plan: 'TEAM' });
  const aProject = await newProject(t.app, aOrg);
  const aWorkflow = await newWorkflow(t.app, aOrg, aProject.id);
  const aProjectKey = await projectKey(t.app, aOrg.owner, aProject.id, { name: 'A project key' });
  const aOrgKey = await orgKey(t.app, aOrg, { all: true });
  a = {
    org: aOrg,
    project: aProject,
    workflow: aWorkflow,
    projectKey: { id: aProjectKey.apiKey.id, secret: aProjectKey.secret },
    orgKey: { id: aOrgKey.apiKey.id, secret: aOrgKey.secret },
    colleague: await newUser(t.app),
  };

  // Sanity: B is populated the way the table assumes, and B's ids work for B's owner.
  const own = ok(await execute(t.app, Nodes, { ids: foreignObjects.map((o) => o.id()) }, { token: b.org.owner.token }));
  expect(own.nodes.map((n) => n?.__typename)).toEqual(foreignObjects.map((o) => o.type));
  expect(ok(await execute(t.app, ApiKeyAddresses, { id: bOrgKey.apiKey.id }, { token: bOrg.owner.token })).node).toMatchObject({
    ipAllowlist: ['198.51.100.0/24'],
    lastUsedAddresses: [{ address: '198.51.100.7' }],
  });

  initial = { a: await snapshot(a.org.id), b: await snapshot(b.org.id) };
});
afterAll(() => t.close());

// ——— Tests ———

describe('a member of organization A using ids of organization B', () => {
  it.each(rows)('$field — $label', async (row) => {
    const before = { a: await snapshot(a.org.id), b: await snapshot(b.org.id) };

    const got = await row.call(row.foreign());
    // Soft, so that a wrong answer still gets the existence and no-change checks below reported too.
    expect.soft({ got }, 'answer to the foreign id').toMatchObject({ got: row.expected });
    // Not found, never forbidden: a ForbiddenError would reveal that the object exists.
    expect(JSON.stringify(got)).not.toContain('ForbiddenError');
    // Exactly the answer for something that never existed (same type, same message, same shape).
    expect(got).toEqual(await row.call(row.ghost()));

    expect(await snapshot(b.org.id)).toEqual(before.b);
    expect(await snapshot(a.org.id)).toEqual(before.a);
  });

  it('has left organizations A and B exactly as they were after the whole table', async () => {
    expect(await snapshot(b.org.id)).toEqual(initial.b);
    expect(await snapshot(a.org.id)).toEqual(initial.a);
  });
});

describe('API keys of organization A', () => {
  it("cannot trigger B's workflow (403, as for a workflow that does not exist) nor read B's execution (null)", async () => {
    const before = await snapshot(b.org.id);
    for (const secret of [a.orgKey.secret, a.projectKey.secret]) {
      const foreign = await asKey(secret, TriggerWorkflow, { input: { workflowId: b.workflow.id, idempotencyKey: 'b-1' } });
      expect(foreign.status, foreign.body).toBe(403);
      expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const ghost = await asKey(secret, TriggerWorkflow, { input: { workflowId: ghostId('Workflow')(), idempotencyKey: 'b-1' } });
      expect(foreign.body).toBe(ghost.body);

      const read = await asKey(secret, WorkflowExecution, { id: b.executionId });
      expect(ok(read).workflowExecution).toBeNull();
      expect(ok(await asKey(secret, WorkflowExecution, { id: ghostId('WorkflowExecution')() })).workflowExecution).toBeNull();
    }
    expect(await snapshot(b.org.id)).toEqual(before);

    // The keys themselves work in A, and B's key reads its own execution: the nulls above are isolation, not breakage.
    expect((await asKey(a.orgKey.secret, TriggerWorkflow, { input: { workflowId: a.workflow.id } })).status).toBe(200);
    expect(ok(await asKey(b.projectKey.secret, WorkflowExecution, { id: b.executionId })).workflowExecution).toEqual({ id: b.executionId, status: 'QUEUED' });
  });
});

describe('the table covers the contract', () => {
  const contract = buildSchema(fs.readFileSync(path.join(projectRoot, 'schema.graphql'), 'utf8'));

  /** Whether an argument of this type can carry an ID anywhere inside it. */
  const carriesId = (type: GraphQLInputType, seen = new Set<GraphQLInputObjectType>()): boolean => {
    const named = getNamedType(type);
    if (named.name === 'ID') return true;
    if (!isInputObjectType(named) || seen.has(named)) return false;
    seen.add(named);
    return Object.values(named.getFields()).some((f) => carriesId(f.type, seen));
  };

  it('has a row for every Mutation field, or an explicit reason why not', () => {
    const mutation = contract.getMutationType();
    expect(mutation).toBeDefined();
    const inSchema = Object.keys(mutation!.getFields()).sort();
    const inTable = rows.filter((r) => r.field.startsWith('Mutation.')).map((r) => r.field.slice('Mutation.'.length));
    const listed = [...new Set([...inTable, ...Object.keys(MUTATIONS_WITHOUT_ROW)])].sort();
    expect(listed).toEqual(inSchema);
    // An exemption must not hide a row either.
    expect(inTable.filter((name) => name in MUTATIONS_WITHOUT_ROW)).toEqual([]);
    // Every exempted mutation other than createOrganization does take an id: the reason is the access model.
    expect(Object.keys(MUTATIONS_WITHOUT_ROW).filter((name) => !mutation!.getFields()[name].args.some((arg) => carriesId(arg.type)))).toEqual([
      'createOrganization',
    ]);
  });

  it('has a row for every other field that takes an id (queries and nested lists)', () => {
    const takingIds: string[] = [];
    for (const type of Object.values(contract.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || type === contract.getMutationType()) continue;
      for (const field of Object.values(type.getFields())) {
        if (field.args.some((arg) => carriesId(arg.type))) takingIds.push(`${type.name}.${field.name}`);
      }
    }
    const covered = new Set([...rows.map((r) => r.field), ...Object.keys(FIELDS_COVERED_ELSEWHERE)]);
    expect(takingIds.filter((coordinate) => !covered.has(coordinate))).toEqual([]);
    expect(takingIds).toEqual(expect.arrayContaining(['Query.node', 'Query.nodes', 'Query.workflowExecution']));
  });
});
