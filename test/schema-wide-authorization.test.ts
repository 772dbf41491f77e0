import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import {
  buildSchema,
  getNamedType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLNamedType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { projectRoot } from '../src/config/config.ts';
import { toGlobalId } from '../src/graphql/ids.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { signToken } from './support/client.ts';
import { dbId } from './support/fixtures.ts';

/**
 * Every field of every object type reachable from every root field and every mutation payload, selected by every
 * kind of principal. The operations are derived from the committed `schema.graphql`: a new field is selected the day
 * it is added, and a new root field or required argument without an entry below fails the test until it has one.
 *
 * Each piece of seeded data carries a marker saying who may read it; a response may contain only the markers of its
 * principal, must never be a 5xx or INTERNAL_SERVER_ERROR, and together each principal's responses must show every
 * marker it may read (so the selections really reach the data).
 */

const schema = buildSchema(fs.readFileSync(`${projectRoot}/schema.graphql`, 'utf8'));
const run = randomUUID().replaceAll('-', '').slice(0, 10);

const MARKERS = {
  aOrg: `aorg${run}`, // organization A's name and slug: its members and operators
  aContent: `acontent${run}`, // A's projects, workflows, keys, members' emails: A's members
  aAudit: `aaudit${run}`, // only in A's audit log (a key's former name): A's OWNER and ADMIN
  aKeyName: `akeyname${run}`, // the name of the API key that calls: A's members and that key
  aPayload: `apayload${run}`, // payload of an execution of A: A's members and the key that made it
  aWebhook: `awebhook${run}`, // A's webhook endpoints (URL, description): A's OWNER and ADMIN
  aInvite: `ainvite${run}`, // the emails A's invitations are addressed to: A's OWNER and ADMIN, and the invited person
  bOrg: `borg${run}`, // organization B's name and slug: B's owner (the stranger) and operators
  bContent: `bcontent${run}`, // everything else of B: B's owner
  // Addresses cannot carry the text markers: each tenant's key has these (normalized) values of its own.
  aAddress: '2001:db8:aaaa::a1', // a client address A's key was used from (lastUsedAddresses): A's members
  aAllowlist: '2001:db8:a11a::/48', // an entry of an A key's IP allowlist: A's members
  bAddress: '2001:db8:bbbb::b1', // a client address B's key was used from: B's owner
} as const;
type Marker = keyof typeof MARKERS;

const PRINCIPALS = ['anonymous', 'stranger', 'invitee', 'member', 'admin', 'owner', 'operator', 'apiKey'] as const;
type Principal = (typeof PRINCIPALS)[number];

const A_MEMBER: Marker[] = ['aOrg', 'aContent', 'aKeyName', 'aPayload', 'aAddress', 'aAllowlist'];
const MAY_READ: Record<Principal, Marker[]> = {
  anonymous: [],
  stranger: ['bOrg', 'bContent', 'bAddress'],
  // Signed in with the email of a pending invitation of A: that invitation, with A's name, and nothing else of A.
  invitee: ['aOrg', 'aInvite'],
  member: A_MEMBER,
  admin: [...A_MEMBER, 'aAudit', 'aWebhook', 'aInvite'],
  owner: [...A_MEMBER, 'aAudit', 'aWebhook', 'aInvite'],
  operator: ['aOrg', 'bOrg'],
  apiKey: ['aKeyName', 'aPayload'],
};

let t: TestApp;
const credentials = {} as Record<Principal, string | null>;
const seen = Object.fromEntries(PRINCIPALS.map((p) => [p, new Set<Marker>()])) as Record<Principal, Set<Marker>>;
type Ids = Record<string, string>;
const a: Ids = {};
const b: Ids = {};

type Answer = { status: number; body: string; json: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] } };

async function post(authorization: string | null, query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization) headers.authorization = `Bearer ${authorization}`;
  const response = await t.app.fetch('http://keysmith.test/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = await response.text();
  return { status: response.status, body, json: JSON.parse(body) };
}

/** Setup calls: must succeed with the expected payload type; returns that payload. */
async function must(token: string, query: string, variables: Record<string, unknown>, typename: string) {
  const answer = await post(token, query, variables);
  const field = answer.json.data && Object.values(answer.json.data)[0];
  if (answer.json.errors || (field as { __typename?: string } | undefined)?.__typename !== typename) {
    throw new Error(`setup failed: ${answer.body}`);
  }
  return field as Record<string, Record<string, string> & { id: string }> & { secret?: string };
}

async function signIn(sub: string, email: string, operator = false): Promise<string> {
  const token = await signToken({ sub, email, ...(operator ? { roles: ['operator'] } : {}) });
  await post(token, '{ viewer { user { id } } }');
  return token;
}

/** The way people join A: the owner invites their email, they accept. Returns the member id. */
async function join(owner: string, token: string, email: string, role: string): Promise<string> {
  const invitation = (await must(owner, M.invite, { input: { organizationId: a.org, email, role } }, 'InvitationPayload')).invitation.id;
  return (await must(token, M.accept, { input: { id: invitation } }, 'MemberPayload')).member.id;
}

const M = {
  createOrg: `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { __typename ... on OrganizationPayload { organization { id } } } }`,
  setPlan: `mutation($input: SetOrganizationPlanInput!) { setOrganizationPlan(input: $input) { __typename } }`,
  invite: `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { __typename ... on InvitationPayload { invitation { id } } } }`,
  accept: `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { __typename ... on MemberPayload { member { id } } } }`,
  createProject: `mutation($input: CreateProjectInput!) { createProject(input: $input) { __typename ... on ProjectPayload { project { id } } } }`,
  createWorkflow: `mutation($input: CreateWorkflowInput!) { createWorkflow(input: $input) { __typename ... on WorkflowPayload { workflow { id } } } }`,
  createKey: `mutation($input: CreateProjectApiKeyInput!) { createProjectApiKey(input: $input) { __typename ... on CreateApiKeyPayload { secret apiKey { id } } } }`,
  updateKey: `mutation($input: UpdateApiKeyInput!) { updateApiKey(input: $input) { __typename } }`,
  trigger: `mutation($input: TriggerWorkflowInput!) { triggerWorkflow(input: $input) { __typename ... on TriggerWorkflowPayload { execution { id } } } }`,
  createWebhook: `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { __typename ... on CreateWebhookEndpointPayload { webhookEndpoint { id } } } }`,
  audit: `query($slug: String!) { organization(slug: $slug) { auditEvents(first: 1) { edges { node { id } } } } }`,
};

const webhookInput = (organizationId: string, marker: string) => ({
  organizationId,
  url: `https://${marker}.example.com/hook`,
  description: `hook ${marker}`,
  events: ['API_KEY_CREATED'],
});

const ALL_SCOPES = [{ scope: 'TRIGGER_WORKFLOWS' }, { scope: 'READ_EXECUTIONS' }];

/** The global id of a delivery (outbox row) of the endpoint. */
const deliveryOf = async (endpointId: string) =>
  toGlobalId('WebhookDelivery', (await t.db.prisma.webhookDelivery.findFirstOrThrow({ where: { endpointId: dbId(endpointId) } })).id);

/** One tenant: an organization on TEAM with a project, a workflow, a key and an execution. */
async function seedTenant(ids: Ids, owner: string, operator: string, org: string, content: string, keyName: string, payload: string) {
  ids.slug = org;
  ids.org = (await must(owner, M.createOrg, { input: { name: `Org ${org}`, slug: org } }, 'OrganizationPayload')).organization.id;
  await must(operator, M.setPlan, { input: { organizationId: ids.org, plan: 'TEAM' } }, 'OrganizationPayload');
  ids.project = (await must(owner, M.createProject, { input: { organizationId: ids.org, name: `P ${content}`, slug: `p-${run}` } }, 'ProjectPayload')).project.id;
  ids.projectSlug = `p-${run}`;
  ids.workflow = (await must(owner, M.createWorkflow, { input: { projectId: ids.project, name: `W ${content}`, slug: `w-${run}` } }, 'WorkflowPayload')).workflow.id;
  // The endpoint first, so that the key's creation gives it a delivery.
  ids.webhook = (await must(owner, M.createWebhook, { input: webhookInput(ids.org, org === MARKERS.aOrg ? MARKERS.aWebhook : content) }, 'CreateWebhookEndpointPayload')).webhookEndpoint.id;
  const key = await must(owner, M.createKey, { input: { projectId: ids.project, name: keyName, note: `note ${content}`, scopes: ALL_SCOPES, expiry: { policy: 'NEVER' } } }, 'CreateApiKeyPayload');
  ids.key = key.apiKey.id;
  ids.secret = key.secret!;
  ids.delivery = await deliveryOf(ids.webhook);
  ids.execution = (await must(ids.secret, M.trigger, { input: { workflowId: ids.workflow, payload: { note: payload } } }, 'TriggerWorkflowPayload')).execution.id;
  ids.auditEvent = ((await post(owner, M.audit, { slug: org })).json.data as { organization: { auditEvents: { edges: { node: { id: string } }[] } } }).organization.auditEvents.edges[0].node.id;
}

beforeAll(async () => {
  // Authorization, not query limits, is under test here: the generated selections are deliberately exhaustive.
  t = await startTestApp({ env: { GRAPHQL_MAX_DEPTH: '40', GRAPHQL_MAX_ALIASES: '1000', GRAPHQL_MAX_TOKENS: '100000', GRAPHQL_MAX_COST: '1000000', GRAPHQL_MAX_ROWS: '1000000', MAX_BODY_BYTES: '1048576', MAX_RESPONSE_BYTES: '1073741824' } });
  const email = (label: string, marker: string) => `${marker}-${label}@example.com`;
  const owner = await signIn(`owner-${run}`, email('owner', MARKERS.aContent));
  const admin = await signIn(`admin-${run}`, email('admin', MARKERS.aContent));
  const member = await signIn(`member-${run}`, email('member', MARKERS.aContent));
  const stranger = await signIn(`stranger-${run}`, email('stranger', MARKERS.bContent));
  const invitee = await signIn(`invitee-${run}`, email('invitee', MARKERS.aInvite));
  const operator = await signIn(`operator-${run}`, `operator-${run}@example.com`, true);

  await seedTenant(a, owner, operator, MARKERS.aOrg, MARKERS.aContent, MARKERS.aKeyName, MARKERS.aPayload);
  await seedTenant(b, stranger, operator, MARKERS.bOrg, MARKERS.bContent, `key ${MARKERS.bContent}`, MARKERS.bContent);
  a.admin = await join(owner, admin, email('admin', MARKERS.aContent), 'ADMIN');
  a.member = await join(owner, member, email('member', MARKERS.aContent), 'MEMBER');
  a.invitation = (await must(owner, M.invite, { input: { organizationId: a.org, email: email('invitee', MARKERS.aInvite), role: 'MEMBER' } }, 'InvitationPayload')).invitation.id;
  b.invitation = (await must(stranger, M.invite, { input: { organizationId: b.org, email: email('invitee', MARKERS.bContent), role: 'MEMBER' } }, 'InvitationPayload')).invitation.id;
  // A second key whose former name survives only in the audit log.
  const renamed = await must(owner, M.createKey, { input: { projectId: a.project, name: `old ${MARKERS.aAudit}`, scopes: ALL_SCOPES, expiry: { policy: 'NEVER' } } }, 'CreateApiKeyPayload');
  await must(owner, M.updateKey, { input: { id: renamed.apiKey.id, name: `renamed ${MARKERS.aContent}`, ipAllowlist: [MARKERS.aAllowlist] } }, 'UpdateApiKeyPayload');
  // Recent client addresses, as the usage flush writes them (the seeding calls had no client address).
  await t.db.prisma.apiKeyAddress.createMany({
    data: [
      { apiKeyId: dbId(a.key), address: MARKERS.aAddress, lastSeenAt: new Date() },
      { apiKeyId: dbId(b.key), address: MARKERS.bAddress, lastSeenAt: new Date() },
    ],
  });
  a.renamedKey = renamed.apiKey.id;
  // An endpoint with no delivery, fetched by id: its own read rule alone decides who reads it. (An endpoint with a
  // delivery the viewer may not read is nulled by that delivery, which would hide a loosened endpoint rule.)
  a.quietWebhook = (await must(owner, M.createWebhook, { input: webhookInput(a.org, MARKERS.aWebhook) }, 'CreateWebhookEndpointPayload')).webhookEndpoint.id;
  // A failed attempt, as the delivery loop records it: its error names the endpoint (OWNER and ADMIN only).
  await t.db.prisma.webhookDelivery.update({ where: { id: dbId(a.delivery) }, data: { attempts: 1, lastError: `getaddrinfo ENOTFOUND ${MARKERS.aWebhook}.example.com` } });
  await t.db.prisma.webhookDelivery.update({ where: { id: dbId(b.delivery) }, data: { attempts: 1, lastError: `getaddrinfo ENOTFOUND ${MARKERS.bContent}.example.com` } });

  Object.assign(credentials, { anonymous: null, stranger, invitee, member, admin, owner, operator, apiKey: a.secret });
}, 120_000);

afterAll(() => t?.close());

// ——— Selections derived from the schema ———

/** Values for required arguments below the root (root arguments are the variants of each root field). */
const NESTED_ARGS: Record<string, () => string> = {
  'Organization.project.slug': () => JSON.stringify(a.projectSlug),
  'ApiKey.usage.granularity': () => 'DAY',
  'ApiKey.usage.last': () => '2',
  'ApiKey.usageTotals.granularity': () => 'DAY',
  'ApiKey.usageTotals.last': () => '2',
  'Organization.usageOverview.from': () => JSON.stringify(new Date(Date.now() - 86_400_000).toISOString()),
  'Organization.usageExport.granularity': () => 'DAY',
  'Organization.usageExport.from': () => JSON.stringify(new Date(Date.now() - 86_400_000).toISOString()),
};

function argumentsOf(parent: string, field: GraphQLField<unknown, unknown>): string {
  const parts: string[] = [];
  for (const arg of field.args) {
    const key = `${parent}.${field.name}.${arg.name}`;
    if (NESTED_ARGS[key]) parts.push(`${arg.name}: ${NESTED_ARGS[key]()}`);
    else if (arg.name === 'first' && !isNonNullType(arg.type)) parts.push('first: 3');
    else if (isNonNullType(arg.type) && arg.defaultValue === undefined) throw new Error(`no value for the required argument ${key}`);
  }
  return parts.length ? `(${parts.join(', ')})` : '';
}

/**
 * Every field, recursively; an object type already on the path, or deeper than MAX_OBJECT_DEPTH, is cut to its `id`
 * (its own fields are selected nearer the root; the cut keeps the query within the cost limit). Fields inside a union's or interface's fragments are aliased by type, since two members may
 * have same-named fields of different types.
 */
const MAX_OBJECT_DEPTH = 5;
/** Object types whose every field some generated operation selected. */
const expanded = new Set<string>();

function selectionOf(type: GraphQLNamedType, path: string[] = [], aliasPrefix = ''): string {
  if (isLeafType(type)) return '';
  if (isUnionType(type) || isInterfaceType(type)) {
    const members = isUnionType(type) ? type.getTypes() : schema.getPossibleTypes(type);
    return `__typename ${members.map((m) => `... on ${m.name} { ${selectionOf(m, path, `${m.name}_`)} }`).join(' ')}`;
  }
  if (!isObjectType(type)) throw new Error(`unexpected type ${type.name}`);
  const fields = Object.values(type.getFields());
  const alias = (name: string) => (aliasPrefix ? `${aliasPrefix}${name}: ${name}` : name);
  if (path.includes(type.name) || path.length >= MAX_OBJECT_DEPTH) return fields.some((f) => f.name === 'id') ? `__typename ${alias('id')}` : '__typename';
  expanded.add(type.name);
  const inner = fields.map((field) => {
    const named = getNamedType(field.type);
    const sub = isLeafType(named) ? '' : ` { ${selectionOf(named, [...path, type.name])} }`;
    return `${alias(field.name)}${argumentsOf(type.name, field)}${sub}`;
  });
  return `__typename ${inner.join(' ')}`;
}

// ——— Root fields and their argument variants ———

const everyId = () => [a.org, a.project, a.workflow, a.execution, a.key, a.renamedKey, a.admin, a.member, a.auditEvent, a.webhook, a.quietWebhook, a.delivery, a.invitation, b.org, b.project, b.workflow, b.execution, b.key, b.auditEvent, b.webhook, b.delivery, b.invitation];

const QUERY_VARIANTS: Record<string, () => Record<string, unknown>[]> = {
  viewer: () => [{}],
  currentApiKey: () => [{}],
  node: () => everyId().map((id) => ({ id })),
  // Every id with every field, in two requests (one per organization): all of them in one exceeds the cost limit.
  nodes: () => [{ ids: everyId().slice(0, 13) }, { ids: everyId().slice(13) }],
  organization: () => [{ slug: a.slug }, { slug: b.slug }],
  organizations: () => [{ search: run }],
  workflowExecution: () => [{ id: a.execution }, { id: b.execution }],
  availablePermissions: () => [{}],
  rolePermissions: () => [{}],
};

type Prepare = (owner: string) => Promise<Record<string, unknown>>;
const fresh = () => `x${randomUUID().slice(0, 8)}`;
const newKey = async (owner: string) =>
  (await must(owner, M.createKey, { input: { projectId: a.project, name: `k ${MARKERS.aContent}`, scopes: ALL_SCOPES, expiry: { policy: 'DAYS_30' } } }, 'CreateApiKeyPayload')).apiKey.id;
const newProject = async (owner: string) =>
  (await must(owner, M.createProject, { input: { organizationId: a.org, name: `p ${MARKERS.aContent}`, slug: fresh() } }, 'ProjectPayload')).project.id;
const newWorkflow = async (owner: string) =>
  (await must(owner, M.createWorkflow, { input: { projectId: a.project, name: `w ${MARKERS.aContent}`, slug: fresh() } }, 'WorkflowPayload')).workflow.id;
const newWebhook = async (owner: string) =>
  (await must(owner, M.createWebhook, { input: webhookInput(a.org, MARKERS.aWebhook) }, 'CreateWebhookEndpointPayload')).webhookEndpoint.id;
const newMember = async (owner: string) => {
  const email = `${MARKERS.aContent}-${fresh()}@example.com`;
  return join(owner, await signIn(fresh(), email), email, 'MEMBER');
};
/** An invitation of A to an address nobody here signs in with: every principal's accept or decline is refused. */
const newInvitation = async (owner: string) =>
  (await must(owner, M.invite, { input: { organizationId: a.org, email: `${MARKERS.aInvite}-${fresh()}@example.com`, role: 'MEMBER' } }, 'InvitationPayload')).invitation.id;

/** A valid input for each mutation, aimed at organization A; targets that a mutation consumes are made fresh. */
const MUTATION_INPUTS: Record<string, Prepare> = {
  createOrganization: async () => ({ name: 'Another', slug: fresh() }),
  updateOrganization: async () => ({ id: a.org, name: `Org ${MARKERS.aOrg}` }),
  setOrganizationPlan: async () => ({ organizationId: a.org, plan: 'TEAM' }),
  inviteMember: async () => ({ organizationId: a.org, email: `${MARKERS.aInvite}-${fresh()}@example.com`, role: 'MEMBER' }),
  revokeInvitation: async (owner) => ({ id: await newInvitation(owner) }),
  acceptInvitation: async (owner) => ({ id: await newInvitation(owner) }),
  declineInvitation: async (owner) => ({ id: await newInvitation(owner) }),
  updateMember: async (owner) => ({ id: await newMember(owner), role: 'ADMIN' }),
  removeMember: async (owner) => ({ id: await newMember(owner) }),
  // An organization of A's owner alone: they are its last OWNER (refused), anyone else is no member (not found), so
  // no principal leaves A and the later checks still read as before.
  leaveOrganization: async (owner) => ({
    organizationId: (await must(owner, M.createOrg, { input: { name: 'Solo', slug: fresh() } }, 'OrganizationPayload')).organization.id,
  }),
  createProject: async () => ({ organizationId: a.org, name: `p ${MARKERS.aContent}`, slug: fresh() }),
  updateProject: async (owner) => ({ id: await newProject(owner), name: `q ${MARKERS.aContent}` }),
  deleteProject: async (owner) => ({ id: await newProject(owner) }),
  createWorkflow: async () => ({ projectId: a.project, name: `w ${MARKERS.aContent}`, slug: fresh() }),
  updateWorkflow: async (owner) => ({ id: await newWorkflow(owner), name: `v ${MARKERS.aContent}` }),
  deleteWorkflow: async (owner) => ({ id: await newWorkflow(owner) }),
  createProjectApiKey: async () => ({ projectId: a.project, name: `k ${MARKERS.aContent}`, scopes: ALL_SCOPES, expiry: { policy: 'NEVER' } }),
  createOrganizationApiKey: async () => ({
    organizationId: a.org,
    name: `k ${MARKERS.aContent}`,
    scopes: ALL_SCOPES,
    expiry: { policy: 'NEVER' },
    projectAccess: { all: true },
  }),
  updateApiKey: async (owner) => ({ id: await newKey(owner), note: `n ${MARKERS.aContent}` }),
  rotateApiKey: async (owner) => ({ id: await newKey(owner), gracePeriodSeconds: 60 }),
  revokeApiKey: async (owner) => ({ id: await newKey(owner) }),
  deleteApiKey: async (owner) => ({ id: await newKey(owner) }),
  deleteApiKeys: async (owner) => ({ ids: [await newKey(owner)] }),
  createWebhookEndpoint: async () => webhookInput(a.org, MARKERS.aWebhook),
  updateWebhookEndpoint: async (owner) => ({ id: await newWebhook(owner), description: `d ${MARKERS.aWebhook}` }),
  rotateWebhookEndpointSecret: async (owner) => ({ id: await newWebhook(owner) }),
  deleteWebhookEndpoint: async (owner) => ({ id: await newWebhook(owner) }),
  redeliverWebhookEvent: async (owner) => {
    const endpoint = await newWebhook(owner);
    await newKey(owner);
    return { deliveryId: await deliveryOf(endpoint) };
  },
  triggerWorkflow: async () => ({ workflowId: a.workflow, payload: { note: MARKERS.aPayload } }),
};

const REFUSALS = ['UNAUTHENTICATED', 'FORBIDDEN', 'UPGRADE_REQUIRED'];

function check(principal: Principal, operation: string, answer: Answer) {
  const where = `${principal}: ${operation.slice(0, 160)}…\n→ ${answer.status} ${answer.body.slice(0, 600)}`;
  expect(answer.status, where).toBeLessThan(500);
  // Refusals only: no INTERNAL_SERVER_ERROR, and no error that would mean the operation never ran (validation, limits).
  for (const error of answer.json.errors ?? []) expect(REFUSALS, where).toContain(error.extensions?.code);
  for (const [marker, text] of Object.entries(MARKERS) as [Marker, string][]) {
    if (!answer.body.includes(text)) continue;
    expect(MAY_READ[principal], `${principal} read ${marker} data — ${where}`).toContain(marker);
    seen[principal].add(marker);
  }
}

const queryType = schema.getQueryType()!;
const mutationType = schema.getMutationType()!;

describe('every field of every type, for every principal', () => {
  test('each root field and mutation has a way to be called here', () => {
    expect(Object.keys(queryType.getFields()).sort()).toEqual(Object.keys(QUERY_VARIANTS).sort());
    expect(Object.keys(mutationType.getFields()).sort()).toEqual(Object.keys(MUTATION_INPUTS).sort());
  });

  // Queries first for everyone: the mutations add objects that would push the seeded ones off the first pages.
  describe.each(PRINCIPALS)('queries as %s', (principal) => {
    test.each(Object.keys(QUERY_VARIANTS))('query %s', async (name) => {
      const field = queryType.getFields()[name];
      for (const variables of QUERY_VARIANTS[name]()) {
        const declared = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`);
        const passed = field.args.map((arg) => `${arg.name}: $${arg.name}`);
        const operation = `query${declared.length ? `(${declared.join(', ')})` : ''} { ${name}${passed.length ? `(${passed.join(', ')})` : ''} { ${selectionOf(getNamedType(field.type))} } }`;
        check(principal, `${name}(${JSON.stringify(variables)})`, await post(credentials[principal], operation, variables));
      }
    });
  });

  describe.each(PRINCIPALS)('mutations as %s', (principal) => {
    test.each(Object.keys(MUTATION_INPUTS))('mutation %s', async (name) => {
      const field = mutationType.getFields()[name];
      const input = await MUTATION_INPUTS[name](credentials.owner!);
      const operation = `mutation($input: ${field.args[0].type.toString()}) { ${name}(input: $input) { ${selectionOf(getNamedType(field.type))} } }`;
      check(principal, name, await post(credentials[principal], operation, { input }));
    });

  });

  test('every object type reachable from a root field had all its fields selected', () => {
    const reachable = new Set<string>();
    const visit = (type: GraphQLNamedType) => {
      if (reachable.has(type.name) || isLeafType(type)) return;
      if (isUnionType(type) || isInterfaceType(type)) {
        (isUnionType(type) ? type.getTypes() : schema.getPossibleTypes(type)).forEach(visit);
        return;
      }
      if (!isObjectType(type)) return;
      reachable.add(type.name);
      for (const field of Object.values(type.getFields())) visit(getNamedType(field.type));
    };
    for (const root of [queryType, mutationType]) for (const field of Object.values(root.getFields())) visit(getNamedType(field.type));
    expect([...reachable].filter((name) => !expanded.has(name))).toEqual([]);
    expect(reachable.size).toBeGreaterThan(30);
  });

  test.each(PRINCIPALS)('%s saw every kind of data it may read', (principal) => {
    expect([...seen[principal]].sort()).toEqual([...MAY_READ[principal]].sort());
  });
});

// ——— Keys: every operation declares a permission, and a key's grants decide ———

/** The permission a root field declares in the committed SDL (`@requiresPermission`), or null. */
function declaredPermission(field: GraphQLField<unknown, unknown>): string | null {
  const directive = field.astNode?.directives?.find((d) => d.name.value === 'requiresPermission');
  const arg = directive?.arguments?.find((a) => a.name.value === 'permission');
  return arg && arg.value.kind === 'StringValue' ? arg.value.value : null;
}

const CREATE_ORG_KEY = `mutation($input: CreateOrganizationApiKeyInput!) { createOrganizationApiKey(input: $input) { __typename ... on CreateApiKeyPayload { secret } } }`;

/** An organization-level key of the tenant (all projects) holding exactly `permissions`. */
async function keyWith(owner: string, organizationId: string, permissions: Record<string, unknown>[]): Promise<string> {
  const input = { organizationId, name: `perm ${fresh()}`, permissions, expiry: { policy: 'DAYS_7' }, projectAccess: { all: true } };
  return (await must(owner, CREATE_ORG_KEY, { input }, 'CreateApiKeyPayload')).secret!;
}

type Outcome = 'allowed' | 'forbidden' | 'not-found';

/** What a key's call came to: refused for a missing permission, not found, or let through (any other answer). */
function outcomeOf(answer: Answer, name: string): { outcome: Outcome; detail: string } {
  const detail = `${answer.status} ${answer.body.slice(0, 400)}`;
  const errors = answer.json.errors ?? [];
  if (answer.status >= 500 || errors.some((e) => !REFUSALS.includes(e.extensions?.code ?? '') && e.extensions?.code !== 'NOT_FOUND')) {
    throw new Error(`${name}: unexpected answer ${detail}`);
  }
  if (errors.some((e) => e.extensions?.code === 'FORBIDDEN')) return { outcome: 'forbidden', detail };
  const value = answer.json.data?.[name] as { __typename?: string } | null | undefined;
  if (value?.__typename === 'ForbiddenError') return { outcome: 'forbidden', detail };
  const failures = (value as { failures?: { reason: string }[] } | null | undefined)?.failures;
  if (failures?.some((f) => f.reason === 'FORBIDDEN')) return { outcome: 'forbidden', detail };
  if (failures?.some((f) => f.reason === 'NOT_FOUND')) return { outcome: 'not-found', detail };
  if (value === null || value?.__typename === 'NotFoundError') return { outcome: 'not-found', detail };
  return { outcome: 'allowed', detail };
}

describe('API keys: for every operation, the permission it declares decides', () => {
  let otherProject: string;
  let bOwner: string;
  beforeAll(async () => {
    otherProject = await newProject(credentials.owner!);
    bOwner = credentials.stranger!;
  }, 60_000);

  const declared = [...Object.values(queryType.getFields()), ...Object.values(mutationType.getFields())]
    .map((field) => ({ field, permission: declaredPermission(field), mutation: mutationType.getFields()[field.name] === field }))
    .filter((f): f is { field: GraphQLField<unknown, unknown>; permission: string; mutation: boolean } => f.permission !== null);

  test('every root field says who may call it', () => {
    const declarations = new Set(['requiresPermission', 'requiresUser', 'requiresOperator', 'requiresApiKey', 'requiresCaller']);
    const undeclared = [...Object.values(queryType.getFields()), ...Object.values(mutationType.getFields())]
      .filter((f) => !['node', 'nodes'].includes(f.name))
      .filter((f) => !f.astNode?.directives?.some((d) => declarations.has(d.name.value)))
      .map((f) => f.name);
    expect(undeclared).toEqual([]);
    expect(declared.length).toBeGreaterThan(25);
  });

  async function call(secret: string, field: GraphQLField<unknown, unknown>, mutation: boolean, owner: string): Promise<Answer> {
    if (mutation) {
      const input = { ...(await MUTATION_INPUTS[field.name](owner)), ...KEY_INPUT_OVERRIDES[field.name] };
      // Mutations without ForbiddenError in their result (triggerWorkflow) refuse with a top-level error.
      const result = getNamedType(field.type);
      const spreads = [
        isUnionType(result) && result.getTypes().some((t) => t.name === 'ForbiddenError') ? '... on ForbiddenError { permission }' : '',
        isUnionType(result) && result.getTypes().some((t) => t.name === 'BulkOperationError') ? '... on BulkOperationError { failures { reason message } }' : '',
      ].join(' ');
      const operation = `mutation($input: ${field.args[0].type.toString()}) { ${field.name}(input: $input) { __typename ${spreads} } }`;
      return post(secret, operation, { input });
    }
    const variables = QUERY_VARIANTS[field.name]()[0];
    const declaredArgs = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`);
    const passed = field.args.map((arg) => `${arg.name}: $${arg.name}`);
    return post(secret, `query${declaredArgs.length ? `(${declaredArgs.join(', ')})` : ''} { ${field.name}${passed.length ? `(${passed.join(', ')})` : ''} { __typename } }`, variables);
  }

  test.each(declared.map((d) => [d.field.name, d.permission, d] as const))('%s needs %s', async (name, permission, { field, mutation }) => {
    const owner = credentials.owner!;
    const other = permission === 'organization:read' ? 'audit:read' : 'organization:read';
    // Exactly its permission: let through (whatever the operation then answers).
    const exact = await keyWith(owner, a.org, [{ permission }]);
    const allowed = outcomeOf(await call(exact, field, mutation, owner), name);
    expect(allowed.outcome, `${name} with ${permission}: ${allowed.detail}`).toBe('allowed');
    // The same key without it: refused, naming the permission.
    const without = await keyWith(owner, a.org, [{ permission: other }]);
    const refused = await call(without, field, mutation, owner);
    expect(outcomeOf(refused, name).outcome, `${name} without ${permission}`).toBe('forbidden');
    expect(refused.body).toContain(permission);
    // Narrowed to another project (where the permission can be narrowed): refused on this one.
    if (PROJECT_LEVEL.has(permission) && name !== 'createProject') {
      const elsewhere = await keyWith(owner, a.org, [{ permission, projectIds: [otherProject] }]);
      // A change is refused; a read by id answers as if the object were not there.
      expect(outcomeOf(await call(elsewhere, field, mutation, owner), name).outcome, `${name} narrowed elsewhere`).toBe(mutation ? 'forbidden' : 'not-found');
    }
    // Another organization's key with the permission: A's objects are not found (never "forbidden").
    if (name !== 'availablePermissions' && name !== 'rolePermissions') {
      const foreign = await keyWith(bOwner, b.org, [{ permission }]);
      const answer = await call(foreign, field, mutation, owner);
      if (name === 'triggerWorkflow') {
        // triggerWorkflow answers every workflow outside the key's reach, unknown or another tenant's, with the same
        // 403 and message (README, "Triggering workflows"): nothing tells the two apart.
        expect(JSON.parse(answer.body).errors?.[0]?.message).toBe('This key cannot trigger this workflow');
      } else {
        const { outcome, detail } = outcomeOf(answer, name);
        expect(outcome, `${name} by another organization's key: ${detail}`).toBe('not-found');
      }
    }
  });
});

/** A key grants only what it holds: a key holding just `api_key:create` creates keys that read keys (implied). */
const KEY_INPUT_OVERRIDES: Record<string, Record<string, unknown>> = {
  createProjectApiKey: { scopes: undefined, permissions: [{ permission: 'api_key:read' }] },
  createOrganizationApiKey: { scopes: undefined, permissions: [{ permission: 'api_key:read' }] },
};

/** Permissions that a grant can narrow to projects (the catalog's levels, as the API lists them). */
const PROJECT_LEVEL = new Set([
  'project:read', 'project:update', 'project:delete', 'workflow:read', 'workflow:create', 'workflow:update', 'workflow:delete',
  'workflow:trigger', 'execution:read', 'api_key:read', 'api_key:create', 'api_key:update', 'api_key:rotate', 'api_key:revoke',
  'api_key:delete', 'usage:read',
]);
