import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { buildSchema, print, type GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/config/config.ts';
import { sharedApp, type TestApp } from './support/app.ts';
import { as, execute, ok, type Result } from './support/client.ts';
import { addMember, dbId, newOrg, newProject, newUser, newWorkflow, type TestOrg, type TestUser } from './support/fixtures.ts';
import { orgKey, projectKey } from './support/keys.ts';
import {
  AcceptInvitation,
  DeclineInvitation,
  InviteMember,
  RevokeInvitation,
  CreateOrganization,
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
  RemoveMember,
  LeaveOrganization,
  RevokeApiKey,
  RotateApiKey,
  RedeliverWebhookEvent,
  RotateWebhookEndpointSecret,
  SetOrganizationPlan,
  TriggerWorkflow,
  UpdateApiKey,
  UpdateMember,
  UpdateOrganization,
  UpdateProject,
  UpdateWebhookEndpoint,
  UpdateWorkflow,
} from './support/operations.ts';

// A bad-input matrix for every mutation of the contract: empty, whitespace-only, too long, control characters, wrong
// types, malformed global ids, past and far-future dates, unknown enum values, duplicates, out-of-range numbers and
// over-long lists. Each case must come back as a typed error (a member of the mutation's result union, or a GraphQL
// 400 for what the schema itself refuses), never as a masked "Unexpected error", and must change nothing: after every
// case, every row belonging to this file's organizations and users is compared with the rows before it.

let t: TestApp;

// ——— Documents: the shared operation of each mutation (each selects ErrorFields) ———

const documents = {
  createOrganization: CreateOrganization,
  updateOrganization: UpdateOrganization,
  setOrganizationPlan: SetOrganizationPlan,
  inviteMember: InviteMember,
  revokeInvitation: RevokeInvitation,
  acceptInvitation: AcceptInvitation,
  declineInvitation: DeclineInvitation,
  updateMember: UpdateMember,
  removeMember: RemoveMember,
  leaveOrganization: LeaveOrganization,
  createProject: CreateProject,
  updateProject: UpdateProject,
  deleteProject: DeleteProject,
  createWorkflow: CreateWorkflow,
  updateWorkflow: UpdateWorkflow,
  deleteWorkflow: DeleteWorkflow,
  createProjectApiKey: CreateProjectApiKey,
  createOrganizationApiKey: CreateOrganizationApiKey,
  updateApiKey: UpdateApiKey,
  rotateApiKey: RotateApiKey,
  revokeApiKey: RevokeApiKey,
  deleteApiKey: DeleteApiKey,
  deleteApiKeys: DeleteApiKeys,
  triggerWorkflow: TriggerWorkflow,
  createWebhookEndpoint: CreateWebhookEndpoint,
  updateWebhookEndpoint: UpdateWebhookEndpoint,
  rotateWebhookEndpointSecret: RotateWebhookEndpointSecret,
  deleteWebhookEndpoint: DeleteWebhookEndpoint,
  redeliverWebhookEvent: RedeliverWebhookEvent,
};

type MutationName = keyof typeof documents;

/** What every document selects, whatever its union: enough to tell which typed error came back and why. */
type Outcome = {
  __typename: string;
  message?: string;
  issues?: { path: string[]; message: string }[];
  resource?: string;
  failures?: { id: string; reason: string; message: string }[];
};
type AnyDocument = TypedDocumentNode<Record<string, Outcome>, { input: never }>;

// ——— Fixtures ———

type Fx = {
  org: TestOrg;
  /** A second organization of the same owner: a taken slug, and a maximum key lifetime of 30 days. */
  other: TestOrg;
  ownerMemberId: string;
  admin: TestUser & { memberId: string };
  member: TestUser & { memberId: string };
  /** Signed in, member of nothing. */
  outsider: TestUser;
  operator: TestUser;
  p1: { id: string; slug: string };
  p2: { id: string; slug: string };
  otherProject: { id: string; slug: string };
  w1: { id: string; slug: string };
  w2: { id: string; slug: string };
  /** In p2, outside the reach of p1's keys. */
  w3: { id: string; slug: string };
  otherWorkflow: { id: string; slug: string };
  /** Project-level key of p1, both scopes, never expires: the API key of triggerWorkflow. */
  key: { id: string; secret: string };
  /** Organization-level key reaching p1 only, TRIGGER_WORKFLOWS narrowed to w1. */
  narrowOrgKey: { id: string };
  revokedKey: { id: string };
  /** A webhook endpoint of `org`. */
  webhook: { id: string };
  /** A delivery (outbox row) of `webhook`. */
  delivery: { id: string };
  /** A pending invitation of `org` to the outsider's email, as MEMBER. */
  invitation: { id: string };
};

let fx: Fx;

const gid = (typename: string, id: string) => Buffer.from(`${typename}:${id}`).toString('base64');
/** A well-formed uuid that names nothing. */
const ghost = randomUUID();
/** Slugs no case may manage to create (each would show up in the snapshot if it did). */
const freshSlug = `bad-input-${randomUUID().slice(0, 8)}`;
const futureDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
/** Emails this file tries to add: none of them may ever exist as a user. */
const unknownEmails = new Set<string>();

// ——— The database snapshot: every row of this file's organizations and users ———

const stable = (rows: unknown) =>
  JSON.parse(JSON.stringify(rows, (_key, value) => (typeof value === 'bigint' ? value.toString() : value))) as unknown;

async function snapshot() {
  const p = t.db.prisma;
  const orgIds = [fx.org.id, fx.other.id].map(dbId);
  const userIds = [fx.org.owner, fx.admin, fx.member, fx.outsider, fx.operator].map((u) => dbId(u.id));
  const inOrgs = { organizationId: { in: orgIds } };
  const byId = { id: 'asc' } as const;
  const [organizations, memberships, projects, workflows, apiKeys, apiKeyProjects, executions, auditEvents, users, strangers, webhookEndpoints, webhookDeliveries, invitations] =
    await Promise.all([
      // Also any organization one of these users has joined or created since (a wrongly accepted createOrganization).
      p.organization.findMany({ where: { OR: [{ id: { in: orgIds } }, { memberships: { some: { userId: { in: userIds } } } }] }, orderBy: byId }),
      p.membership.findMany({ where: { OR: [inOrgs, { userId: { in: userIds } }] }, orderBy: byId }),
      p.project.findMany({ where: inOrgs, orderBy: byId }),
      p.workflow.findMany({ where: { project: inOrgs }, orderBy: byId }),
      // Usage fields move with every authenticated triggerWorkflow call (and are flushed in the background).
      p.apiKey.findMany({ where: inOrgs, omit: { usageCount: true, lastUsedAt: true, lastUsedIp: true }, orderBy: byId }),
      p.apiKeyProject.findMany({ where: { apiKey: inOrgs }, orderBy: [{ apiKeyId: 'asc' }, { projectId: 'asc' }] }),
      p.workflowExecution.findMany({ where: { project: inOrgs }, orderBy: byId }),
      p.auditEvent.findMany({ where: inOrgs, orderBy: byId }),
      p.user.findMany({ where: { id: { in: userIds } }, orderBy: byId }),
      // (An email with a NUL byte cannot be stored, nor even looked up.)
      p.user.count({ where: { email: { in: [...unknownEmails].filter((e) => !e.includes('\u0000')) } } }),
      p.webhookEndpoint.findMany({ where: inOrgs, orderBy: byId }),
      p.webhookDelivery.findMany({ where: inOrgs, orderBy: byId }),
      p.invitation.findMany({ where: inOrgs, orderBy: byId }),
    ]);
  return stable({ organizations, memberships, projects, workflows, apiKeys, apiKeyProjects, executions, auditEvents, users, strangers, webhookEndpoints, webhookDeliveries, invitations });
}

let initial: unknown;
let previous: unknown;

beforeAll(async () => {
  t = await sharedApp();
  const org = await newOrg(t.app, { plan: 'TEAM' });
  const other = await newOrg(t.app, { plan: 'TEAM', owner: org.owner });
  const admin = await addMember(t.app, org, 'ADMIN');
  const member = await addMember(t.app, org, 'MEMBER');
  const outsider = await newUser(t.app);
  const operator = await newUser(t.app, { operator: true });
  const [p1, p2, otherProject] = [await newProject(t.app, org), await newProject(t.app, org), await newProject(t.app, other)];
  const [w1, w2, w3, otherWorkflow] = [
    await newWorkflow(t.app, org, p1.id),
    await newWorkflow(t.app, org, p1.id),
    await newWorkflow(t.app, org, p2.id),
    await newWorkflow(t.app, other, otherProject.id),
  ];
  const key = await projectKey(t.app, org.owner, p1.id);
  const narrow = await orgKey(t.app, org, { projectIds: [p1.id] }, { scopes: [{ scope: 'TRIGGER_WORKFLOWS', workflowIds: [w1.id] }] });
  const revoked = await projectKey(t.app, org.owner, p1.id, { name: 'revoked' });
  as(ok(await execute(t.app, RevokeApiKey, { input: { id: revoked.apiKey.id } }, { token: org.owner.token })).revokeApiKey, 'RevokeApiKeyPayload');
  as(
    ok(await execute(t.app, UpdateOrganization, { input: { id: other.id, maxKeyLifetimeDays: 30 } }, { token: org.owner.token })).updateOrganization,
    'OrganizationPayload',
  );
  const ownerMembership = await t.db.prisma.membership.findFirstOrThrow({ where: { organizationId: dbId(org.id), role: 'OWNER' } });
  const webhook = ok(
    await execute(t.app, CreateWebhookEndpoint, { input: { organizationId: org.id, url: 'https://hooks.example.com/fx', events: ['API_KEY_CREATED'] } }, { token: org.owner.token }),
  );
  const webhookId = as(webhook.createWebhookEndpoint, 'CreateWebhookEndpointPayload').webhookEndpoint.id;
  await projectKey(t.app, org.owner, p1.id, { name: 'delivered' });
  const delivery = await t.db.prisma.webhookDelivery.findFirstOrThrow({ where: { endpointId: dbId(webhookId) } });
  const invited = ok(
    await execute(t.app, InviteMember, { input: { organizationId: org.id, email: outsider.email, role: 'MEMBER' } }, { token: org.owner.token }),
  );
  fx = {
    invitation: { id: as(invited.inviteMember, 'InvitationPayload').invitation.id },
    webhook: { id: webhookId },
    delivery: { id: gid('WebhookDelivery', delivery.id) },
    org,
    other,
    ownerMemberId: gid('Member', ownerMembership.id),
    admin,
    member,
    outsider,
    operator,
    p1,
    p2,
    otherProject,
    w1,
    w2,
    w3,
    otherWorkflow,
    key: { id: key.apiKey.id, secret: key.secret },
    narrowOrgKey: { id: narrow.apiKey.id },
    revokedKey: { id: revoked.apiKey.id },
  };
  initial = await snapshot();
  previous = initial;
});
afterAll(() => t.close());

// ——— Cases ———

type Category =
  | 'shape'
  | 'empty'
  | 'whitespace only'
  | 'too long'
  | 'control characters'
  | 'wrong type'
  | 'bad format'
  | 'malformed id'
  | 'unknown id'
  | 'date'
  | 'unknown enum'
  | 'duplicate'
  | 'out of range'
  | 'too many items'
  | 'rule';

type Expectation =
  | { typename: 'ValidationError'; path: string | RegExp }
  | { typename: 'NotFoundError' | 'ConflictError' }
  | { typename: 'BulkOperationError'; reasons: string[] }
  | { status: 400 | 413; message: RegExp }
  | { status: 403; code: string };

type Input = Record<string, unknown>;
/** An input sent as this JSON text, verbatim (for what the client's JSON.stringify cannot produce). */
class RawJson {
  constructor(readonly text: string) {}
}
type Case = { mutation: MutationName; category: Category; label: string; input: (f: Fx) => unknown; expect: Expectation };

const invalid = (path: string | RegExp): Expectation => ({ typename: 'ValidationError', path });
const rejected = (message: RegExp): Expectation => ({ status: 400, message });
const notFound: Expectation = { typename: 'NotFoundError' };
const conflict: Expectation = { typename: 'ConflictError' };
const bulk = (...reasons: string[]): Expectation => ({ typename: 'BulkOperationError', reasons });
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const cases: Case[] = [];
function add(mutation: MutationName, category: Category, label: string, input: (f: Fx) => unknown, expectation: Expectation) {
  cases.push({ mutation, category, label, input, expect: expectation });
}

/** Input-level mistakes GraphQL refuses before execution: null, not an object, unknown and missing fields. */
function shapeCases(m: MutationName, inputType: string, base: (f: Fx) => Input, required: string[]) {
  add(m, 'shape', 'input null', () => null, rejected(new RegExp(`"\\$input" of non-null type "${inputType}!" must not be null`)));
  add(m, 'shape', 'input a string', () => 'input', rejected(new RegExp(`Expected type "${inputType}" to be an object`)));
  add(m, 'shape', 'input a number', () => 7, rejected(new RegExp(`Expected type "${inputType}" to be an object`)));
  add(m, 'shape', 'an unknown field', (f) => ({ ...base(f), isAdmin: true }), rejected(new RegExp(`Field "isAdmin" is not defined by type "${inputType}"`)));
  for (const field of required) {
    add(m, 'shape', `${field} missing`, (f) => omit(base(f), field), rejected(new RegExp(`Field "${field}" of required type "[^"]+!" was not provided`)));
    add(m, 'shape', `${field} null`, (f) => ({ ...base(f), [field]: null }), rejected(new RegExp(`at "input\\.${field}"; Expected non-nullable type "[^"]+!" not to be null`)));
  }
}

function omit(input: Input, field: string): Input {
  const copy = { ...input };
  delete copy[field];
  return copy;
}

/**
 * A required or optional global id at the top level of the input. `wrong` is a valid id of another type; `unknown`
 * is what a well-formed id of the right type that names nothing answers.
 */
function idCases(
  m: MutationName,
  field: string,
  typename: string,
  base: (f: Fx) => Input,
  wrong: { label: string; id: (f: Fx) => string },
  unknown: Expectation,
  options: { required?: boolean } = {},
) {
  const path = `input.${field}`;
  const set = (value: unknown) => (f: Fx) => ({ ...base(f), [field]: value });
  add(m, 'empty', `${field} ""`, set(''), invalid(path));
  add(m, 'whitespace only', `${field} "   "`, set('   '), invalid(path));
  add(m, 'malformed id', `${field} garbage`, set('garbage!!'), invalid(path));
  add(m, 'malformed id', `${field} base64 without a type`, set(Buffer.from('just-some-text').toString('base64')), invalid(path));
  add(m, 'malformed id', `${field} base64 of '${typename}:not-a-uuid'`, set(gid(typename, 'not-a-uuid')), invalid(path));
  add(m, 'malformed id', `${field} base64 of '${typename}:42'`, set(gid(typename, '42')), invalid(path));
  add(m, 'malformed id', `${field} base64 of '${typename}:<uuid>:extra'`, set(gid(typename, `${ghost}:extra`)), invalid(path));
  add(m, 'malformed id', `${field} base64 of an SQL fragment`, set(gid(typename, "' OR '1'='1")), invalid(path));
  add(m, 'malformed id', `${field} a raw uuid`, set(ghost), invalid(path));
  add(m, 'malformed id', `${field} lower-case type name`, set(gid(typename.toLowerCase(), ghost)), invalid(path));
  add(m, 'malformed id', `${field} ${wrong.label} (valid id of the wrong type)`, (f) => ({ ...base(f), [field]: wrong.id(f) }), invalid(path));
  add(m, 'control characters', `${field} with a NUL byte`, set(`${gid(typename, ghost)}\u0000`), invalid(path));
  add(m, 'too long', `${field} of 10,000 characters`, set('QUJD'.repeat(2500)), invalid(path));
  add(m, 'wrong type', `${field} a number (coerced to an ID string)`, set(12345), invalid(path));
  add(m, 'wrong type', `${field} a boolean`, set(true), rejected(new RegExp(`at "input\\.${field}"; ID cannot represent value: true`)));
  add(m, 'wrong type', `${field} an object`, set({ id: 1 }), rejected(new RegExp(`at "input\\.${field}"; ID cannot represent value`)));
  if (options.required !== false) {
    add(m, 'wrong type', `${field} null`, set(null), rejected(new RegExp(`at "input\\.${field}"; Expected non-nullable type "ID!" not to be null`)));
  }
  add(m, 'unknown id', `${field} well-formed but unknown`, set(gid(typename, ghost)), unknown);
}

/** A name-like text: trimmed, 1..max characters, no control or invisible-only content. */
function nameCases(m: MutationName, field: string, max: number, base: (f: Fx) => Input, options: { required: boolean }) {
  const path = `input.${field}`;
  const set = (value: unknown) => (f: Fx) => ({ ...base(f), [field]: value });
  add(m, 'empty', `${field} ""`, set(''), invalid(path));
  add(m, 'whitespace only', `${field} "   "`, set('   '), invalid(path));
  add(m, 'whitespace only', `${field} tabs and newlines`, set(' \t\n\r '), invalid(path));
  add(m, 'whitespace only', `${field} zero-width characters only`, set('\u200b\u200c\ufeff'), invalid(path));
  add(m, 'too long', `${field} of ${max + 1} characters`, set('x'.repeat(max + 1)), invalid(path));
  add(m, 'too long', `${field} of ${max + 1} emoji`, set('🔑'.repeat(max + 1)), invalid(path));
  add(m, 'too long', `${field} of 100,000 characters`, set('y'.repeat(100_000)), invalid(path));
  for (const [label, char] of [
    ['NUL \\u0000', '\u0000'],
    ['BEL \\u0007', '\u0007'],
    ['newline \\n', '\n'],
    ['carriage return \\r', '\r'],
    ['tab \\t', '\t'],
    ['ESC \\u001b', '\u001b'],
    ['DEL \\u007f', '\u007f'],
    ['C1 CSI \\u009b', '\u009b'],
  ] as const) {
    add(m, 'control characters', `${field} with ${label}`, set(`Valid${char}name`), invalid(path));
  }
  add(m, 'control characters', `${field} made of control characters only`, set('\u0000\u0001\u0002'), invalid(path));
  add(m, 'control characters', `${field} with a lone surrogate \\ud800`, set('Valid\ud800name'), invalid(path));
  add(m, 'wrong type', `${field} a number`, set(123), rejected(new RegExp(`at "input\\.${field}"; String cannot represent a non string value: 123`)));
  add(m, 'wrong type', `${field} a boolean`, set(false), rejected(new RegExp(`at "input\\.${field}"; String cannot represent a non string value: false`)));
  add(m, 'wrong type', `${field} an object`, set({ text: 'x' }), rejected(new RegExp(`at "input\\.${field}"; String cannot represent a non string value`)));
  add(m, 'wrong type', `${field} a list`, set(['a', 'b']), rejected(new RegExp(`at "input\\.${field}"; String cannot represent a non string value`)));
  if (!options.required) add(m, 'wrong type', `${field} null (not clearable)`, set(null), invalid(path));
}

/** An optional free text (notes): at most `max` characters, no control characters other than tab and line breaks. */
function noteCases(m: MutationName, max: number, base: (f: Fx) => Input) {
  const set = (value: unknown) => (f: Fx) => ({ ...base(f), note: value });
  add(m, 'too long', `note of ${max + 1} characters`, set('n'.repeat(max + 1)), invalid('input.note'));
  add(m, 'too long', `note of ${max + 1} emoji`, set('📝'.repeat(max + 1)), invalid('input.note'));
  for (const [label, char] of [
    ['NUL \\u0000', '\u0000'],
    ['BEL \\u0007', '\u0007'],
    ['ESC \\u001b', '\u001b'],
    ['DEL \\u007f', '\u007f'],
  ] as const) {
    add(m, 'control characters', `note with ${label}`, set(`a note${char}here`), invalid('input.note'));
  }
  add(m, 'control characters', 'note with a lone surrogate \\udc00', set('a note\udc00here'), invalid('input.note'));
  add(m, 'wrong type', 'note a number', set(500), rejected(/at "input\.note"; String cannot represent a non string value: 500/));
}

/** A slug: 1-50 lower-case letters, digits or inner hyphens, unique among its siblings. */
function slugCases(
  m: MutationName,
  base: (f: Fx) => Input,
  taken: { label: string; slug: (f: Fx) => string },
  options: { required: boolean },
) {
  const set = (value: unknown) => (f: Fx) => ({ ...base(f), slug: value });
  add(m, 'empty', 'slug ""', set(''), invalid('input.slug'));
  add(m, 'whitespace only', 'slug "   "', set('   '), invalid('input.slug'));
  add(m, 'too long', 'slug of 51 characters', set('s'.repeat(51)), invalid('input.slug'));
  add(m, 'too long', 'slug of 10,000 characters', set('s'.repeat(10_000)), invalid('input.slug'));
  for (const [label, value] of [
    ['upper-case letters', 'Bad-Slug'],
    ['a leading hyphen', '-bad'],
    ['a trailing hyphen', 'bad-'],
    ['an inner space', 'bad slug'],
    ['an underscore', 'bad_slug'],
    ['non-ASCII letters', 'slüg'],
    ['a slash', 'bad/slug'],
  ] as const) {
    add(m, 'bad format', `slug with ${label}`, set(value), invalid('input.slug'));
  }
  add(m, 'control characters', 'slug with NUL \\u0000', set('bad\u0000slug'), invalid('input.slug'));
  add(m, 'control characters', 'slug with BEL \\u0007', set('bad\u0007slug'), invalid('input.slug'));
  add(m, 'control characters', 'slug with newline \\n', set('bad\nslug'), invalid('input.slug'));
  add(m, 'wrong type', 'slug a number', set(42), rejected(/at "input\.slug"; String cannot represent a non string value: 42/));
  if (!options.required) add(m, 'wrong type', 'slug null (not clearable)', set(null), invalid('input.slug'));
  add(m, 'duplicate', `slug of ${taken.label}`, (f) => ({ ...base(f), slug: taken.slug(f) }), conflict);
  add(m, 'duplicate', `slug of ${taken.label}, padded with spaces`, (f) => ({ ...base(f), slug: `  ${taken.slug(f)}  ` }), conflict);
  add(m, 'duplicate', `slug of ${taken.label}, upper-cased`, (f) => ({ ...base(f), slug: taken.slug(f).toUpperCase() }), invalid('input.slug'));
}

/** An enum field: GraphQL refuses unknown values, wrong case and non-strings before execution. */
function enumCases(m: MutationName, field: string, enumName: string, base: (f: Fx) => Input, unknownValues: string[], fieldPath = `input.${field}`) {
  const set = (value: unknown) => (f: Fx) => setPath(base(f), fieldPath, value);
  for (const value of unknownValues) {
    add(m, 'unknown enum', `${field} "${value}"`, set(value), rejected(new RegExp(`Value "${esc(value)}" does not exist in "${enumName}" enum`)));
  }
  add(m, 'unknown enum', `${field} ""`, set(''), rejected(new RegExp(`Value "" does not exist in "${enumName}" enum`)));
  add(m, 'wrong type', `${field} a number`, set(1), rejected(new RegExp(`Enum "${enumName}" cannot represent non-string value: 1`)));
}

/** Sets a dotted path (`input.expiry.policy`; the leading `input` is the input itself) in a copy of `input`. */
function setPath(input: Input, dotted: string, value: unknown): Input {
  const keys = dotted.split('.').slice(1);
  const copy: Input = structuredClone(input);
  let cursor: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    const next = cursor[key];
    cursor[key] = Array.isArray(next) ? [...next] : { ...(next as Input) };
    cursor = cursor[key] as Record<string, unknown>;
  }
  cursor[keys[keys.length - 1]] = value;
  return copy;
}

/** A list of global ids (`workflowIds`, `projectIds`, `ids`): bad items, duplicates, emptiness, over 100 items. */
function idListItemCases(
  m: MutationName,
  listPath: string,
  typename: string,
  base: (f: Fx) => Input,
  wrong: { label: string; id: (f: Fx) => string },
) {
  const field = listPath.split('.').pop()!;
  // graphql-js names list items `input.scopes[0].workflowIds[0]`; FieldIssue paths are `input.scopes.0.workflowIds.0`.
  const coercionPath = esc(`${listPath.replace(/\.(\d+)/g, '[$1]')}[0]`);
  const set = (list: (f: Fx) => unknown) => (f: Fx) => setPath(base(f), listPath, list(f));
  add(m, 'empty', `${field} item ""`, set(() => ['']), invalid(`${listPath}.0`));
  add(m, 'malformed id', `${field} item garbage`, set(() => ['garbage!!']), invalid(`${listPath}.0`));
  add(m, 'malformed id', `${field} item base64 of '${typename}:not-a-uuid'`, set(() => [gid(typename, 'not-a-uuid')]), invalid(`${listPath}.0`));
  add(m, 'malformed id', `${field} item ${wrong.label} (valid id of the wrong type)`, set((f) => [wrong.id(f)]), invalid(`${listPath}.0`));
  add(m, 'control characters', `${field} item with a NUL byte`, set(() => [`${gid(typename, ghost)}\u0000`]), invalid(`${listPath}.0`));
  add(m, 'wrong type', `${field} item a number`, set(() => [7]), invalid(`${listPath}.0`));
  add(m, 'wrong type', `${field} item null`, set(() => [null]), rejected(new RegExp(`at "${coercionPath}"; Expected non-nullable type "ID!" not to be null`)));
  add(m, 'wrong type', `${field} item a boolean`, set(() => [false]), rejected(new RegExp(`at "${coercionPath}"; ID cannot represent value: false`)));
  add(m, 'empty', `${field} []`, set(() => []), invalid(listPath));
  add(m, 'too many items', `${field} of 101 items`, set(() => Array.from({ length: 101 }, () => gid(typename, randomUUID()))), invalid(listPath));
  add(m, 'too many items', `${field} of 1,000 items`, set(() => Array.from({ length: 1000 }, () => gid(typename, ghost))), invalid(listPath));
}

// ——— The matrix ———

const scopes = [{ scope: 'TRIGGER_WORKFLOWS' }];

// createOrganization
{
  const m = 'createOrganization';
  const base = () => ({ name: 'Valid organization', slug: freshSlug });
  shapeCases(m, 'CreateOrganizationInput', base, ['name', 'slug']);
  nameCases(m, 'name', 100, base, { required: true });
  slugCases(m, base, { label: 'an existing organization', slug: (f) => f.org.slug }, { required: true });
}

// updateOrganization
{
  const m = 'updateOrganization';
  const base = (f: Fx) => ({ id: f.org.id });
  shapeCases(m, 'UpdateOrganizationInput', base, ['id']);
  idCases(m, 'id', 'Organization', base, { label: 'a Project id', id: (f) => f.p1.id }, notFound);
  nameCases(m, 'name', 100, base, { required: false });
  slugCases(m, base, { label: 'another organization', slug: (f) => f.other.slug }, { required: false });
  for (const days of [0, -1, 3651, 100_000, -2_147_483_648]) {
    add(m, 'out of range', `maxKeyLifetimeDays ${days}`, (f) => ({ ...base(f), maxKeyLifetimeDays: days }), invalid('input.maxKeyLifetimeDays'));
  }
  add(m, 'out of range', 'maxKeyLifetimeDays 2^31', (f) => ({ ...base(f), maxKeyLifetimeDays: 2 ** 31 }), rejected(/Int cannot represent non 32-bit signed integer value: 2147483648/));
  add(m, 'wrong type', 'maxKeyLifetimeDays 1.5', (f) => ({ ...base(f), maxKeyLifetimeDays: 1.5 }), rejected(/Int cannot represent non-integer value: 1\.5/));
  add(m, 'wrong type', 'maxKeyLifetimeDays "30"', (f) => ({ ...base(f), maxKeyLifetimeDays: '30' }), rejected(/Int cannot represent non-integer value: "30"/));
  add(m, 'wrong type', 'maxKeyLifetimeDays true', (f) => ({ ...base(f), maxKeyLifetimeDays: true }), rejected(/Int cannot represent non-integer value: true/));
  enumCases(m, 'leakedKeyAction', 'LeakedKeyAction', base, ['DELETE', 'revoke', 'FLAG ', 'REVOKED']);
  add(m, 'wrong type', 'leakedKeyAction null (not clearable)', (f) => ({ ...base(f), leakedKeyAction: null }), invalid('input.leakedKeyAction'));
}

// setOrganizationPlan (platform operator)
{
  const m = 'setOrganizationPlan';
  const base = (f: Fx) => ({ organizationId: f.org.id, plan: 'ENTERPRISE' });
  shapeCases(m, 'SetOrganizationPlanInput', base, ['organizationId', 'plan']);
  idCases(m, 'organizationId', 'Organization', base, { label: 'a User id', id: (f) => f.org.owner.id }, notFound);
  enumCases(m, 'plan', 'Plan', base, ['PLATINUM', 'team', 'FREE ', 'ENTERPRISE\u0000']);
}

// inviteMember
{
  const m = 'inviteMember';
  const base = (f: Fx) => ({ organizationId: f.org.id, email: `invitee-${ghost}@example.com`, role: 'MEMBER' });
  shapeCases(m, 'InviteMemberInput', base, ['organizationId', 'email', 'role']);
  idCases(m, 'organizationId', 'Organization', base, { label: 'a Project id', id: (f) => f.p1.id }, notFound);
  const email = (value: string) => {
    unknownEmails.add(value.trim().toLowerCase());
    return (f: Fx) => ({ ...base(f), email: value });
  };
  add(m, 'empty', 'email ""', email(''), invalid('input.email'));
  add(m, 'whitespace only', 'email "   "', email('   '), invalid('input.email'));
  add(m, 'bad format', 'email not an address', email('not-an-email'), invalid('input.email'));
  add(m, 'bad format', 'email without a domain', email('someone@'), invalid('input.email'));
  add(m, 'control characters', 'email with NUL \\u0000', email('bad\u0000input@example.com'), invalid('input.email'));
  add(m, 'control characters', 'email with newline \\n', email('bad\ninput@example.com'), invalid('input.email'));
  add(m, 'too long', 'email of 400 characters', email(`${'a'.repeat(388)}@example.com`), invalid('input.email'));
  add(m, 'wrong type', 'email a number', (f) => ({ ...base(f), email: 42 }), rejected(/at "input\.email"; String cannot represent a non string value: 42/));
  enumCases(m, 'role', 'MemberRole', base, ['SUPERUSER', 'admin', 'Owner']);
  add(m, 'duplicate', 'email of an existing member', (f) => ({ ...base(f), email: f.admin.email }), conflict);
  add(m, 'duplicate', 'email of the owner, upper-cased', (f) => ({ ...base(f), email: f.org.owner.email.toUpperCase() }), conflict);
  add(m, 'duplicate', 'email of an existing member, padded with spaces', (f) => ({ ...base(f), email: `  ${f.member.email}  ` }), conflict);
  add(m, 'duplicate', 'email with a pending invitation, another role', (f) => ({ ...base(f), email: f.outsider.email, role: 'ADMIN' }), conflict);
}

// revokeInvitation, acceptInvitation, declineInvitation: an invitation id (the owner is not the invited person)
for (const [m, inputType] of [
  ['revokeInvitation', 'RevokeInvitationInput'],
  ['acceptInvitation', 'AcceptInvitationInput'],
  ['declineInvitation', 'DeclineInvitationInput'],
] as const) {
  const base = (f: Fx) => ({ id: f.invitation.id });
  shapeCases(m, inputType, base, ['id']);
  idCases(m, 'id', 'Invitation', base, { label: 'a Member id', id: (f) => f.member.memberId }, notFound);
  if (m !== 'revokeInvitation') add(m, 'rule', 'an invitation to someone else', base, notFound);
}


// updateMember
{
  const m = 'updateMember';
  const base = (f: Fx) => ({ id: f.member.memberId, role: 'ADMIN' });
  shapeCases(m, 'UpdateMemberInput', base, ['id', 'role']);
  idCases(m, 'id', 'Member', base, { label: "the member's User id", id: (f) => f.member.id }, notFound);
  enumCases(m, 'role', 'MemberRole', base, ['GOD', 'admin', 'REVOKED']);
  add(m, 'rule', 'the last OWNER demoting themselves', (f) => ({ id: f.ownerMemberId, role: 'ADMIN' }), invalid('input.role'));
}

// removeMember
{
  const m = 'removeMember';
  const base = (f: Fx) => ({ id: f.member.memberId });
  shapeCases(m, 'RemoveMemberInput', base, ['id']);
  idCases(m, 'id', 'Member', base, { label: "the member's User id", id: (f) => f.member.id }, notFound);
  add(m, 'rule', 'the last OWNER removing themselves', (f) => ({ id: f.ownerMemberId }), invalid('input.id'));
}

// leaveOrganization (the person's own membership; the last OWNER is a rule, tested in organizations.test.ts)
{
  const m = 'leaveOrganization';
  const base = (f: Fx) => ({ organizationId: f.org.id });
  shapeCases(m, 'LeaveOrganizationInput', base, ['organizationId']);
  idCases(m, 'organizationId', 'Organization', base, { label: 'a Project id', id: (f) => f.p1.id }, notFound);
}

// createProject
{
  const m = 'createProject';
  const base = (f: Fx) => ({ organizationId: f.org.id, name: 'Valid project', slug: freshSlug });
  shapeCases(m, 'CreateProjectInput', base, ['organizationId', 'name', 'slug']);
  idCases(m, 'organizationId', 'Organization', base, { label: 'a Project id', id: (f) => f.p1.id }, notFound);
  nameCases(m, 'name', 100, base, { required: true });
  slugCases(m, base, { label: 'an existing project', slug: (f) => f.p1.slug }, { required: true });
}

// updateProject
{
  const m = 'updateProject';
  const base = (f: Fx) => ({ id: f.p1.id });
  shapeCases(m, 'UpdateProjectInput', base, ['id']);
  idCases(m, 'id', 'Project', base, { label: 'an Organization id', id: (f) => f.org.id }, notFound);
  nameCases(m, 'name', 100, base, { required: false });
  slugCases(m, base, { label: 'a sibling project', slug: (f) => f.p2.slug }, { required: false });
}

// deleteProject
{
  const m = 'deleteProject';
  const base = (f: Fx) => ({ id: f.p2.id });
  shapeCases(m, 'DeleteProjectInput', base, ['id']);
  idCases(m, 'id', 'Project', base, { label: 'a Workflow id', id: (f) => f.w3.id }, notFound);
}

// createWorkflow
{
  const m = 'createWorkflow';
  const base = (f: Fx) => ({ projectId: f.p1.id, name: 'Valid workflow', slug: freshSlug });
  shapeCases(m, 'CreateWorkflowInput', base, ['projectId', 'name', 'slug']);
  idCases(m, 'projectId', 'Project', base, { label: 'an Organization id', id: (f) => f.org.id }, notFound);
  nameCases(m, 'name', 100, base, { required: true });
  slugCases(m, base, { label: 'an existing workflow', slug: (f) => f.w1.slug }, { required: true });
}

// updateWorkflow
{
  const m = 'updateWorkflow';
  const base = (f: Fx) => ({ id: f.w1.id });
  shapeCases(m, 'UpdateWorkflowInput', base, ['id']);
  idCases(m, 'id', 'Workflow', base, { label: 'a Project id', id: (f) => f.p1.id }, notFound);
  nameCases(m, 'name', 100, base, { required: false });
  slugCases(m, base, { label: 'a sibling workflow', slug: (f) => f.w2.slug }, { required: false });
}

// deleteWorkflow
{
  const m = 'deleteWorkflow';
  const base = (f: Fx) => ({ id: f.w2.id });
  shapeCases(m, 'DeleteWorkflowInput', base, ['id']);
  idCases(m, 'id', 'Workflow', base, { label: 'a Project id', id: (f) => f.p1.id }, notFound);
}

/** What both key-creating mutations share: name, note, scopes (with narrowed workflows) and expiry. */
function keyCreationCases(m: 'createProjectApiKey' | 'createOrganizationApiKey', base: (f: Fx) => Input) {
  nameCases(m, 'name', 100, base, { required: true });
  noteCases(m, 500, base);
  const withScopes = (list: (f: Fx) => unknown) => (f: Fx) => ({ ...base(f), scopes: list(f) });
  add(m, 'empty', 'scopes []', withScopes(() => []), invalid('input.scopes'));
  add(m, 'duplicate', 'a scope listed twice', withScopes(() => [{ scope: 'TRIGGER_WORKFLOWS' }, { scope: 'TRIGGER_WORKFLOWS' }]), invalid('input.scopes.1.scope'));
  add(
    m,
    'duplicate',
    'a scope listed twice, once narrowed',
    withScopes((f) => [{ scope: 'READ_EXECUTIONS' }, { scope: 'READ_EXECUTIONS', workflowIds: [f.w1.id] }]),
    invalid('input.scopes.1.scope'),
  );
  add(m, 'too many items', 'scopes of 101 items', withScopes(() => Array.from({ length: 101 }, () => ({ scope: 'READ_EXECUTIONS' }))), invalid('input.scopes.1.scope'));
  add(m, 'wrong type', 'scopes a string', withScopes(() => 'TRIGGER_WORKFLOWS'), rejected(/at "input\.scopes"; Expected type "ApiKeyScopeInput" to be an object/));
  add(m, 'wrong type', 'scopes [null]', withScopes(() => [null]), rejected(/at "input\.scopes\[0\]"; Expected non-nullable type "ApiKeyScopeInput!" not to be null/));
  add(m, 'wrong type', 'a scope without its name', withScopes(() => [{}]), rejected(/Field "scope" of required type "ApiKeyScope!" was not provided/));
  enumCases(m, 'scope', 'ApiKeyScope', (f) => ({ ...base(f), scopes: [{ scope: 'TRIGGER_WORKFLOWS' }] }), ['DELETE_EVERYTHING', 'trigger_workflows', 'ADMIN'], 'input.scopes.0.scope');

  // Narrowed workflows: each must be a Workflow id within the key's reach, listed once, 1..100 of them.
  const narrowed = (f: Fx) => ({ ...base(f), scopes: [{ scope: 'TRIGGER_WORKFLOWS', workflowIds: [f.w1.id] }] });
  idListItemCases(m, 'input.scopes.0.workflowIds', 'Workflow', narrowed, { label: 'a Project id', id: (f) => f.p1.id });
  add(m, 'duplicate', 'workflowIds listing a workflow twice', (f) => setPath(narrowed(f), 'input.scopes.0.workflowIds', [f.w1.id, f.w1.id]), invalid('input.scopes.0.workflowIds'));
  add(
    m,
    'duplicate',
    'workflowIds listing a workflow twice (upper-case uuid)',
    (f) => setPath(narrowed(f), 'input.scopes.0.workflowIds', [f.w1.id, gid('Workflow', dbId(f.w1.id).toUpperCase())]),
    invalid('input.scopes.0.workflowIds'),
  );
  add(m, 'unknown id', 'workflowIds with an unknown workflow', (f) => setPath(narrowed(f), 'input.scopes.0.workflowIds', [gid('Workflow', ghost)]), invalid('input.scopes.0.workflowIds'));
  add(
    m,
    'unknown id',
    "workflowIds with another organization's workflow",
    (f) => setPath(narrowed(f), 'input.scopes.0.workflowIds', [f.otherWorkflow.id]),
    invalid('input.scopes.0.workflowIds'),
  );

  // Expiry.
  const expiry = (value: unknown) => (f: Fx) => ({ ...base(f), expiry: value });
  add(m, 'date', 'CUSTOM a second ago', expiry({ policy: 'CUSTOM', expiresAt: new Date(Date.now() - 1000).toISOString() }), invalid('input.expiry.expiresAt'));
  add(m, 'date', 'CUSTOM in 1970', expiry({ policy: 'CUSTOM', expiresAt: '1970-01-01T00:00:00Z' }), invalid('input.expiry.expiresAt'));
  add(m, 'date', 'CUSTOM in year 1', expiry({ policy: 'CUSTOM', expiresAt: '0001-01-01T00:00:00Z' }), invalid('input.expiry.expiresAt'));
  add(m, 'date', 'CUSTOM 30 seconds ahead (under a minute)', expiry({ policy: 'CUSTOM', expiresAt: new Date(Date.now() + 30_000).toISOString() }), invalid('input.expiry.expiresAt'));
  add(m, 'date', 'CUSTOM 3651 days ahead', expiry({ policy: 'CUSTOM', expiresAt: futureDays(3651) }), invalid('input.expiry.expiresAt'));
  add(m, 'date', 'CUSTOM in year 9999', expiry({ policy: 'CUSTOM', expiresAt: '9999-12-31T23:59:59.999Z' }), invalid('input.expiry.expiresAt'));
  add(m, 'date', 'CUSTOM without a date', expiry({ policy: 'CUSTOM' }), invalid('input.expiry.expiresAt'));
  add(m, 'date', 'CUSTOM with a null date', expiry({ policy: 'CUSTOM', expiresAt: null }), invalid('input.expiry.expiresAt'));
  add(m, 'date', 'NEVER with a date', expiry({ policy: 'NEVER', expiresAt: futureDays(10) }), invalid('input.expiry.expiresAt'));
  add(m, 'date', 'DAYS_30 with a date', expiry({ policy: 'DAYS_30', expiresAt: futureDays(10) }), invalid('input.expiry.expiresAt'));
  for (const [label, value] of [
    ['not a date', 'tomorrow'],
    ['an impossible day', '2030-02-30T00:00:00Z'],
    ['no time zone', '2030-01-01T00:00:00'],
    ['a date without a time', '2030-01-01'],
    ['an empty string', ''],
    ['a year beyond 9999', '+275760-09-13T00:00:00.000Z'],
  ] as const) {
    add(m, 'date', `expiresAt ${label}`, expiry({ policy: 'CUSTOM', expiresAt: value }), rejected(/at "input\.expiry\.expiresAt"; DateTime cannot represent an invalid date-time-string/));
  }
  add(m, 'wrong type', 'expiresAt a Unix timestamp', expiry({ policy: 'CUSTOM', expiresAt: 1_900_000_000 }), rejected(/at "input\.expiry\.expiresAt"; DateTime cannot represent non string or Date type/));
  enumCases(m, 'policy', 'ExpiryPolicy', (f) => ({ ...base(f), expiry: { policy: 'NEVER' } }), ['DAYS_365', 'never', 'FOREVER'], 'input.expiry.policy');
  add(m, 'wrong type', 'expiry without a policy', expiry({ expiresAt: futureDays(10) }), rejected(/Field "policy" of required type "ExpiryPolicy!" was not provided/));
  add(m, 'wrong type', 'expiry a string', expiry('NEVER'), rejected(/at "input\.expiry"; Expected type "ApiKeyExpiryInput" to be an object/));
}

/** IP allowlist entries: addresses and CIDR ranges, IPv4 or IPv6, at most 100, each named by its index when refused. */
function ipAllowlistCases(m: 'createProjectApiKey' | 'createOrganizationApiKey' | 'updateApiKey', base: (f: Fx) => Input) {
  const list = (...entries: unknown[]) => (f: Fx) => ({ ...base(f), ipAllowlist: entries });
  add(m, 'bad format', 'ipAllowlist prefix /33', list('10.0.0.0/33'), invalid('input.ipAllowlist.0'));
  add(m, 'bad format', 'ipAllowlist IPv6 prefix /129', list('2001:db8::/129'), invalid('input.ipAllowlist.0'));
  add(m, 'bad format', 'ipAllowlist "::g"', list('::g'), invalid('input.ipAllowlist.0'));
  add(m, 'bad format', 'ipAllowlist a host name', list('10.0.0.1', 'example.com'), invalid('input.ipAllowlist.1'));
  add(m, 'bad format', 'ipAllowlist classful shorthand "10.1"', list('10.1'), invalid('input.ipAllowlist.0'));
  add(m, 'bad format', 'ipAllowlist with a zone id', list('fe80::1%eth0'), invalid('input.ipAllowlist.0'));
  add(m, 'bad format', 'ipAllowlist a range with host bits set', list('10.0.0.1/8'), invalid('input.ipAllowlist.0'));
  add(m, 'empty', 'ipAllowlist [""]', list(''), invalid('input.ipAllowlist.0'));
  add(m, 'whitespace only', 'ipAllowlist ["   "]', list('192.0.2.1', '   '), invalid('input.ipAllowlist.1'));
  add(m, 'control characters', 'ipAllowlist entry with a NUL byte', list('192.0.2.1\u0000'), invalid('input.ipAllowlist.0'));
  add(m, 'too long', 'ipAllowlist entry of 100,000 characters', list('1'.repeat(100_000)), invalid('input.ipAllowlist.0'));
  add(m, 'duplicate', 'ipAllowlist listing an address twice (once IPv4-mapped)', list('192.0.2.1', '::ffff:192.0.2.1'), invalid('input.ipAllowlist.1'));
  add(m, 'too many items', 'ipAllowlist of 101 entries', list(...Array.from({ length: 101 }, (_, i) => `10.0.0.${i}`)), invalid('input.ipAllowlist'));
  add(m, 'wrong type', 'ipAllowlist [null]', list(null), rejected(/at "input\.ipAllowlist\[0\]"; Expected non-nullable type "String!" not to be null/));
  add(m, 'wrong type', 'ipAllowlist entry a number', list(167772161), rejected(/at "input\.ipAllowlist\[0\]"; String cannot represent a non string value: 167772161/));
}

// createProjectApiKey
{
  const m = 'createProjectApiKey';
  const base = (f: Fx) => ({ projectId: f.p1.id, name: 'Valid key', scopes, expiry: { policy: 'NEVER' } });
  shapeCases(m, 'CreateProjectApiKeyInput', base, ['projectId', 'name', 'expiry']);
  // `permissions` or the deprecated `scopes`: neither given is a typed error naming `permissions`.
  add(m, 'shape', 'neither permissions nor scopes', (f) => omit(base(f), 'scopes'), invalid('input.permissions'));
  add(m, 'shape', 'scopes null', (f) => ({ ...base(f), scopes: null }), invalid('input.permissions'));
  idCases(m, 'projectId', 'Project', base, { label: 'an Organization id', id: (f) => f.org.id }, notFound);
  keyCreationCases(m, base);
  ipAllowlistCases(m, base);
  add(m, 'unknown id', "workflowIds with a sibling project's workflow", (f) => ({ ...base(f), scopes: [{ scope: 'TRIGGER_WORKFLOWS', workflowIds: [f.w3.id] }] }), invalid('input.scopes.0.workflowIds'));
  // The other organization allows keys of at most 30 days.
  const limited = (expiry: unknown) => (f: Fx) => ({ ...base(f), projectId: f.otherProject.id, expiry });
  add(m, 'date', 'NEVER where keys must expire within 30 days', limited({ policy: 'NEVER' }), invalid('input.expiry.policy'));
  add(m, 'date', 'DAYS_60 where keys must expire within 30 days', limited({ policy: 'DAYS_60' }), invalid('input.expiry.policy'));
  add(m, 'date', 'CUSTOM 31 days ahead where keys must expire within 30 days', limited({ policy: 'CUSTOM', expiresAt: futureDays(31) }), invalid('input.expiry.expiresAt'));
}

// createOrganizationApiKey
{
  const m = 'createOrganizationApiKey';
  const base = (f: Fx) => ({ organizationId: f.org.id, name: 'Valid key', scopes, expiry: { policy: 'NEVER' }, projectAccess: { all: true } });
  shapeCases(m, 'CreateOrganizationApiKeyInput', base, ['organizationId', 'name', 'expiry', 'projectAccess']);
  add(m, 'shape', 'neither permissions nor scopes', (f) => omit(base(f), 'scopes'), invalid('input.permissions'));
  add(m, 'shape', 'scopes null', (f) => ({ ...base(f), scopes: null }), invalid('input.permissions'));
  const withPermissions = (permissions: (f: Fx) => unknown) => (f: Fx) => ({ ...omit(base(f), 'scopes'), permissions: permissions(f) });
  add(m, 'wrong type', 'a permission not in the catalog', withPermissions(() => [{ permission: 'everything:all' }]), invalid('input.permissions.0.permission'));
  add(m, 'duplicate', 'a permission listed twice', withPermissions(() => [{ permission: 'project:read' }, { permission: 'project:read' }]), invalid('input.permissions.1.permission'));
  add(m, 'empty', 'permissions []', withPermissions(() => []), invalid('input.permissions'));
  add(m, 'out of range', 'an organization-wide permission narrowed to projects', withPermissions((f) => [{ permission: 'member:manage', projectIds: [f.p1.id] }]), invalid('input.permissions.0.projectIds'));
  add(m, 'wrong type', 'both permissions and scopes', (f) => ({ ...base(f), permissions: [{ permission: 'project:read' }] }), invalid('input.scopes'));
  idCases(m, 'organizationId', 'Organization', base, { label: 'a Project id', id: (f) => f.p1.id }, notFound);
  keyCreationCases(m, base);
  add(
    m,
    'unknown id',
    'workflowIds outside the selected projects',
    (f) => ({ ...base(f), projectAccess: { projectIds: [f.p1.id] }, scopes: [{ scope: 'TRIGGER_WORKFLOWS', workflowIds: [f.w3.id] }] }),
    invalid('input.scopes.0.workflowIds'),
  );
  projectAccessCases(m, base);
  ipAllowlistCases(m, base);
}

/** ProjectAccessInput is @oneOf: exactly one of `all: true` or 1..100 distinct projects of the organization. */
function projectAccessCases(m: 'createOrganizationApiKey' | 'updateApiKey', base: (f: Fx) => Input) {
  const access = (value: (f: Fx) => unknown) => (f: Fx) => ({ ...base(f), projectAccess: value(f) });
  add(m, 'empty', 'projectAccess {}', access(() => ({})), rejected(/Exactly one key must be specified for OneOf type "ProjectAccessInput"/));
  add(m, 'wrong type', 'projectAccess with both all and projectIds', access((f) => ({ all: true, projectIds: [f.p1.id] })), rejected(/Exactly one key must be specified for OneOf type "ProjectAccessInput"/));
  add(m, 'wrong type', 'projectAccess { all: null }', access(() => ({ all: null })), rejected(/Field "all" must be non-null/));
  add(m, 'wrong type', 'projectAccess { all: false }', access(() => ({ all: false })), invalid('input.projectAccess.all'));
  add(m, 'wrong type', 'projectAccess { all: "yes" }', access(() => ({ all: 'yes' })), rejected(/at "input\.projectAccess\.all"; Boolean cannot represent a non boolean value: "yes"/));
  add(m, 'wrong type', 'projectAccess a string', access(() => 'all'), rejected(/at "input\.projectAccess"; Expected type "ProjectAccessInput" to be an object/));
  idListItemCases(m, 'input.projectAccess.projectIds', 'Project', (f) => ({ ...base(f), projectAccess: { projectIds: [f.p1.id] } }), {
    label: 'a Workflow id',
    id: (f) => f.w1.id,
  });
  add(m, 'duplicate', 'projectIds listing a project twice', access((f) => ({ projectIds: [f.p1.id, f.p2.id, f.p1.id] })), invalid('input.projectAccess.projectIds'));
  add(
    m,
    'duplicate',
    'projectIds listing a project twice (upper-case uuid)',
    access((f) => ({ projectIds: [f.p1.id, gid('Project', dbId(f.p1.id).toUpperCase())] })),
    invalid('input.projectAccess.projectIds'),
  );
  add(m, 'unknown id', 'projectIds with an unknown project', access((f) => ({ projectIds: [f.p1.id, gid('Project', ghost)] })), notFound);
  add(m, 'unknown id', "projectIds with another organization's project", access((f) => ({ projectIds: [f.otherProject.id] })), notFound);
}

// updateApiKey
{
  const m = 'updateApiKey';
  const base = (f: Fx) => ({ id: f.narrowOrgKey.id });
  shapeCases(m, 'UpdateApiKeyInput', base, ['id']);
  idCases(m, 'id', 'ApiKey', base, { label: 'a Project id', id: (f) => f.p1.id }, notFound);
  nameCases(m, 'name', 100, base, { required: false });
  noteCases(m, 500, base);
  idCases(m, 'ownerId', 'User', base, { label: "a Member id (the admin's membership)", id: (f) => f.admin.memberId }, invalid('input.ownerId'), { required: false });
  add(m, 'wrong type', 'ownerId null (not clearable)', (f) => ({ ...base(f), ownerId: null }), invalid('input.ownerId'));
  add(m, 'unknown id', 'ownerId of a user outside the organization', (f) => ({ ...base(f), ownerId: f.outsider.id }), invalid('input.ownerId'));
  enumCases(m, 'status', 'ApiKeyUpdatableStatus', base, ['REVOKED', 'EXPIRED', 'active']);
  add(m, 'wrong type', 'status null (not clearable)', (f) => ({ ...base(f), status: null }), invalid('input.status'));
  projectAccessCases(m, base);
  add(m, 'wrong type', 'projectAccess null (not clearable)', (f) => ({ ...base(f), projectAccess: null }), invalid('input.projectAccess'));
  add(m, 'rule', 'projectAccess on a project-level key', (f) => ({ id: f.key.id, projectAccess: { all: true } }), invalid('input.projectAccess'));
  add(
    m,
    'rule',
    'projectAccess that leaves a narrowed workflow out of reach',
    (f) => ({ ...base(f), projectAccess: { projectIds: [f.p2.id] } }),
    // The offending field is the new project selection (UpdateApiKeyInput has no `scopes`).
    invalid(/^input\.projectAccess(\.projectIds)?$/),
  );
  add(m, 'rule', 'reactivating a revoked key', (f) => ({ id: f.revokedKey.id, status: 'ACTIVE' }), invalid('input.status'));
  ipAllowlistCases(m, base);
  add(m, 'wrong type', 'ipAllowlist null (clear it with [])', (f) => ({ ...base(f), ipAllowlist: null }), invalid('input.ipAllowlist'));
  add(m, 'rule', 'an allowlist for a revoked key', (f) => ({ id: f.revokedKey.id, ipAllowlist: ['192.0.2.1'] }), invalid('input.ipAllowlist'));
}

// rotateApiKey
{
  const m = 'rotateApiKey';
  const base = (f: Fx) => ({ id: f.key.id });
  shapeCases(m, 'RotateApiKeyInput', base, ['id']);
  idCases(m, 'id', 'ApiKey', base, { label: 'a Project id', id: (f) => f.p1.id }, notFound);
  for (const seconds of [-1, 86_401, -2_147_483_648, 2_147_483_647]) {
    add(m, 'out of range', `gracePeriodSeconds ${seconds}`, (f) => ({ ...base(f), gracePeriodSeconds: seconds }), invalid('input.gracePeriodSeconds'));
  }
  add(m, 'out of range', 'gracePeriodSeconds 2^31', (f) => ({ ...base(f), gracePeriodSeconds: 2 ** 31 }), rejected(/Int cannot represent non 32-bit signed integer value: 2147483648/));
  add(m, 'wrong type', 'gracePeriodSeconds 1.5', (f) => ({ ...base(f), gracePeriodSeconds: 1.5 }), rejected(/Int cannot represent non-integer value: 1\.5/));
  add(m, 'wrong type', 'gracePeriodSeconds "60"', (f) => ({ ...base(f), gracePeriodSeconds: '60' }), rejected(/Int cannot represent non-integer value: "60"/));
  add(m, 'duplicate', 'rotating a revoked key', (f) => ({ id: f.revokedKey.id }), conflict);
}

// revokeApiKey
{
  const m = 'revokeApiKey';
  const base = (f: Fx) => ({ id: f.key.id });
  shapeCases(m, 'RevokeApiKeyInput', base, ['id']);
  idCases(m, 'id', 'ApiKey', base, { label: 'a Project id', id: (f) => f.p1.id }, notFound);
  add(m, 'duplicate', 'revoking an already revoked key', (f) => ({ id: f.revokedKey.id }), conflict);
}

// deleteApiKey
{
  const m = 'deleteApiKey';
  const base = (f: Fx) => ({ id: f.key.id });
  shapeCases(m, 'DeleteApiKeyInput', base, ['id']);
  idCases(m, 'id', 'ApiKey', base, { label: 'a Project id', id: (f) => f.p1.id }, notFound);
}

// deleteApiKeys: all or nothing, so one bad id among good ones must leave the good ones in place.
{
  const m = 'deleteApiKeys';
  const base = (f: Fx) => ({ ids: [f.key.id] });
  shapeCases(m, 'DeleteApiKeysInput', base, ['ids']);
  const ids = (list: (f: Fx) => unknown) => (f: Fx) => ({ ids: list(f) });
  add(m, 'empty', 'ids []', ids(() => []), invalid('input.ids'));
  add(m, 'too many items', 'ids of 101 unknown keys', ids(() => Array.from({ length: 101 }, () => gid('ApiKey', randomUUID()))), invalid('input.ids'));
  add(m, 'too many items', 'ids of 101 times the same key', ids((f) => Array.from({ length: 101 }, () => f.key.id)), invalid('input.ids'));
  add(m, 'duplicate', 'ids listing a key twice', ids((f) => [f.key.id, f.narrowOrgKey.id, f.key.id]), bulk('DUPLICATE'));
  add(m, 'duplicate', 'ids listing a key twice (upper-case uuid)', ids((f) => [f.key.id, gid('ApiKey', dbId(f.key.id).toUpperCase())]), bulk('DUPLICATE'));
  add(m, 'unknown id', 'ids with an unknown key among real ones', ids((f) => [f.key.id, gid('ApiKey', ghost)]), bulk('NOT_FOUND'));
  for (const [category, label, bad] of [
    ['empty', '""', () => ''],
    ['whitespace only', '"   "', () => '   '],
    ['malformed id', 'garbage', () => 'garbage!!'],
    ['malformed id', "base64 of 'ApiKey:not-a-uuid'", () => gid('ApiKey', 'not-a-uuid')],
    ['malformed id', 'a Project id (valid id of the wrong type)', (f: Fx) => f.p1.id],
    ['control characters', 'an id with a NUL byte', (f: Fx) => `${f.key.id}\u0000`],
    ['wrong type', 'a number', () => 99],
  ] as const) {
    add(m, category, `ids with ${label} after a real key`, ids((f) => [f.key.id, bad(f)]), invalid('input.ids.1'));
  }
  add(m, 'wrong type', 'ids a single garbage string (list coercion)', ids(() => 'garbage!!'), invalid('input.ids.0'));
  add(m, 'wrong type', 'ids [null]', ids(() => [null]), rejected(/at "input\.ids\[0\]"; Expected non-nullable type "ID!" not to be null/));
  add(m, 'wrong type', 'ids [true]', ids(() => [true]), rejected(/at "input\.ids\[0\]"; ID cannot represent value: true/));
  add(m, 'wrong type', 'ids an object', ids(() => ({ id: 'x' })), rejected(/at "input\.ids"; ID cannot represent value/));
}

// triggerWorkflow (API keys only)
{
  const m = 'triggerWorkflow';
  const base = (f: Fx) => ({ workflowId: f.w1.id });
  const forbidden: Expectation = { status: 403, code: 'FORBIDDEN' };
  shapeCases(m, 'TriggerWorkflowInput', base, []);
  // The workflow is named by exactly one of workflowId and workflowPath.
  add(m, 'shape', 'workflowId missing (and no workflowPath)', () => ({ payload: {} }), invalid('input.workflowId'));
  add(m, 'shape', 'workflowId null', () => ({ workflowId: null }), invalid('input.workflowId'));
  add(m, 'shape', 'workflowId and workflowPath both', (f) => ({ workflowId: f.w1.id, workflowPath: `${f.org.slug}/${f.p1.slug}/${f.w1.slug}` }), invalid('input.workflowPath'));
  const workflowPath = (value: unknown) => () => ({ workflowPath: value });
  add(m, 'empty', 'workflowPath ""', workflowPath(''), invalid('input.workflowPath'));
  add(m, 'bad format', 'workflowPath of two slugs', workflowPath('acme/checkout'), invalid('input.workflowPath'));
  add(m, 'bad format', 'workflowPath of four slugs', workflowPath('acme/checkout/sync/more'), invalid('input.workflowPath'));
  add(m, 'bad format', 'workflowPath with an empty slug', workflowPath('acme//sync'), invalid('input.workflowPath'));
  add(m, 'bad format', 'workflowPath with a space', workflowPath('acme/check out/sync'), invalid('input.workflowPath'));
  add(m, 'too long', 'workflowPath of 201 characters', workflowPath(`a/b/${'c'.repeat(197)}`), invalid('input.workflowPath'));
  add(m, 'wrong type', 'workflowPath a number', workflowPath(42), rejected(/at "input\.workflowPath"; String cannot represent a non string value: 42/));
  add(m, 'unknown id', 'workflowPath naming no workflow', (f) => ({ workflowPath: `${f.org.slug}/${f.p1.slug}/no-such-workflow` }), forbidden);
  add(m, 'unknown id', "workflowPath of another organization's workflow", (f) => ({ workflowPath: `${f.other.slug}/${f.otherProject.slug}/${f.otherWorkflow.slug}` }), forbidden);
  // Unknown and unreachable workflows deliberately look alike: both are outside the key's reach (403).
  idCases(m, 'workflowId', 'Workflow', base, { label: 'a Project id', id: (f) => f.p1.id }, forbidden, { required: false });
  add(m, 'unknown id', "workflowId of another organization's workflow", (f) => ({ workflowId: f.otherWorkflow.id }), forbidden);
  const payload = (value: unknown) => (f: Fx) => ({ ...base(f), payload: value });
  add(m, 'too long', 'payload over 64 KiB', payload({ blob: 'p'.repeat(64 * 1024) }), invalid('input.payload'));
  add(m, 'too long', 'payload over 64 KiB in multi-byte characters', payload({ blob: 'é'.repeat(33 * 1024) }), invalid('input.payload'));
  add(m, 'too long', 'payload over 64 KiB as a bare string', payload('s'.repeat(65 * 1024)), invalid('input.payload'));
  add(m, 'too long', 'payload over the 256 KiB request limit', payload({ blob: 'p'.repeat(300 * 1024) }), { status: 413, message: /Request body exceeds the limit/ });
  // Too deep for JSON.stringify on the client: the input is written out by hand.
  const nested = (depth: number) => (f: Fx) => new RawJson(`{"workflowId":${JSON.stringify(f.w1.id)},"payload":${'['.repeat(depth)}${']'.repeat(depth)}}`);
  add(m, 'too long', 'payload nested 100,000 levels deep', nested(100_000), invalid('input.payload'));
  add(m, 'too long', 'payload nested 5,000 levels deep', nested(5_000), invalid('input.payload'));
  add(m, 'control characters', 'payload string with NUL \\u0000', payload({ text: 'a\u0000b' }), invalid('input.payload'));
  add(m, 'control characters', 'payload key with NUL \\u0000', payload({ 'a\u0000b': 1 }), invalid('input.payload'));
  add(m, 'control characters', 'payload string with a lone surrogate \\ud800', payload({ text: 'a\ud800b' }), invalid('input.payload'));
  const idem = (value: unknown) => (f: Fx) => ({ ...base(f), idempotencyKey: value });
  add(m, 'empty', 'idempotencyKey ""', idem(''), invalid('input.idempotencyKey'));
  add(m, 'whitespace only', 'idempotencyKey "   "', idem('   '), invalid('input.idempotencyKey'));
  add(m, 'too long', 'idempotencyKey of 201 characters', idem('k'.repeat(201)), invalid('input.idempotencyKey'));
  add(m, 'bad format', 'idempotencyKey with a space', idem('order 42'), invalid('input.idempotencyKey'));
  add(m, 'bad format', 'idempotencyKey with non-ASCII letters', idem('ключ-42'), invalid('input.idempotencyKey'));
  add(m, 'control characters', 'idempotencyKey with NUL \\u0000', idem('order\u000042'), invalid('input.idempotencyKey'));
  add(m, 'control characters', 'idempotencyKey with newline \\n', idem('order\n42'), invalid('input.idempotencyKey'));
  add(m, 'control characters', 'idempotencyKey with DEL \\u007f', idem('order\u007f42'), invalid('input.idempotencyKey'));
  add(m, 'wrong type', 'idempotencyKey a number', idem(42), rejected(/at "input\.idempotencyKey"; String cannot represent a non string value: 42/));
  add(m, 'wrong type', 'idempotencyKey an object', idem({ key: 'x' }), rejected(/at "input\.idempotencyKey"; String cannot represent a non string value/));
}

// Webhook endpoints: the URL (format, scheme, addresses), description, events.
function webhookUrlCases(m: MutationName, base: (f: Fx) => Input) {
  const set = (value: unknown) => (f: Fx) => ({ ...base(f), url: value });
  add(m, 'empty', 'url ""', set(''), invalid('input.url'));
  add(m, 'whitespace only', 'url "   "', set('   '), invalid('input.url'));
  add(m, 'bad format', 'url not a URL', set('hooks.example.com/x'), invalid('input.url'));
  add(m, 'bad format', 'url ftp://', set('ftp://hooks.example.com/x'), invalid('input.url'));
  add(m, 'bad format', 'url javascript:', set('javascript:alert(1)'), invalid('input.url'));
  add(m, 'bad format', 'url file:', set('file:///etc/passwd'), invalid('input.url'));
  add(m, 'bad format', 'url with credentials', set('https://user:secret@hooks.example.com/x'), invalid('input.url'));
  add(m, 'rule', 'url on loopback 127.0.0.1', set('https://127.0.0.1/x'), invalid('input.url'));
  add(m, 'rule', 'url on loopback written in hex', set('https://0x7f.0.0.1/x'), invalid('input.url'));
  add(m, 'rule', 'url on localhost', set('https://localhost/x'), invalid('input.url'));
  add(m, 'rule', 'url on a private address 10.x', set('https://10.0.0.8/x'), invalid('input.url'));
  add(m, 'rule', 'url on the metadata address', set('http://169.254.169.254/latest/meta-data'), invalid('input.url'));
  add(m, 'rule', 'url on IPv6 loopback', set('https://[::1]/x'), invalid('input.url'));
  add(m, 'too long', 'url of 2,001 characters', set(`https://hooks.example.com/${'a'.repeat(1975)}`), invalid('input.url'));
  add(m, 'control characters', 'url with a newline', set('https://hooks.example.com/a\nb'), invalid('input.url'));
  add(m, 'control characters', 'url with NUL \\u0000', set('https://hooks.example.com/a\u0000b'), invalid('input.url'));
  add(m, 'wrong type', 'url a number', set(42), rejected(/at "input\.url"; String cannot represent a non string value: 42/));
  const description = (value: unknown) => (f: Fx) => ({ ...base(f), description: value });
  add(m, 'too long', 'description of 501 characters', description('d'.repeat(501)), invalid('input.description'));
  add(m, 'control characters', 'description with NUL \\u0000', description('a\u0000b'), invalid('input.description'));
  const events = (value: unknown) => (f: Fx) => ({ ...base(f), events: value });
  add(m, 'empty', 'events []', events([]), invalid('input.events'));
  add(m, 'duplicate', 'events listing one twice', events(['API_KEY_CREATED', 'API_KEY_CREATED']), invalid('input.events'));
  add(m, 'unknown enum', 'events ["API_KEY_EXPLODED"]', events(['API_KEY_EXPLODED']), rejected(/Value "API_KEY_EXPLODED" does not exist in "WebhookEventType" enum/));
  add(m, 'unknown enum', 'events ["api_key.created"] (the stored form)', events(['api_key.created']), rejected(/Value "api_key.created" does not exist in "WebhookEventType" enum/));
  add(m, 'wrong type', 'events a number', events(1), rejected(/Enum "WebhookEventType" cannot represent non-string value: 1/));
}

// createWebhookEndpoint
{
  const m = 'createWebhookEndpoint';
  const base = (f: Fx) => ({ organizationId: f.org.id, url: 'https://hooks.example.com/new', events: ['API_KEY_CREATED'] });
  shapeCases(m, 'CreateWebhookEndpointInput', base, ['organizationId', 'url', 'events']);
  idCases(m, 'organizationId', 'Organization', base, { label: 'a Project id', id: (f) => f.p1.id }, notFound);
  webhookUrlCases(m, base);
}

// updateWebhookEndpoint
{
  const m = 'updateWebhookEndpoint';
  const base = (f: Fx) => ({ id: f.webhook.id });
  shapeCases(m, 'UpdateWebhookEndpointInput', base, ['id']);
  idCases(m, 'id', 'WebhookEndpoint', base, { label: 'a Project id', id: (f) => f.p1.id }, notFound);
  webhookUrlCases(m, base);
  add(m, 'wrong type', 'url null (not clearable)', (f) => ({ ...base(f), url: null }), invalid('input.url'));
  add(m, 'wrong type', 'events null', (f) => ({ ...base(f), events: null }), invalid('input.events'));
  add(m, 'wrong type', 'enabled null', (f) => ({ ...base(f), enabled: null }), invalid('input.enabled'));
  add(m, 'wrong type', 'enabled "false"', (f) => ({ ...base(f), enabled: 'false' }), rejected(/at "input\.enabled"; Boolean cannot represent a non boolean value/));
}

// rotateWebhookEndpointSecret, deleteWebhookEndpoint
for (const [m, inputType] of [
  ['rotateWebhookEndpointSecret', 'RotateWebhookEndpointSecretInput'],
  ['deleteWebhookEndpoint', 'DeleteWebhookEndpointInput'],
] as const) {
  const base = (f: Fx) => ({ id: f.webhook.id });
  shapeCases(m, inputType, base, ['id']);
  idCases(m, 'id', 'WebhookEndpoint', base, { label: 'an ApiKey id', id: (f) => f.key.id }, notFound);
}

// redeliverWebhookEvent
{
  const m = 'redeliverWebhookEvent';
  const base = (f: Fx) => ({ deliveryId: f.delivery.id });
  shapeCases(m, 'RedeliverWebhookEventInput', base, ['deliveryId']);
  idCases(m, 'deliveryId', 'WebhookDelivery', base, { label: 'a WebhookEndpoint id', id: (f) => f.webhook.id }, notFound);
}

// ——— Running ———

async function send(c: Case, f: Fx): Promise<Result<Record<string, Outcome>>> {
  const document = documents[c.mutation] as unknown as AnyDocument;
  const input = c.input(f);
  if (!(input instanceof RawJson)) return execute(t.app, document, { input: input as never }, credentials(c, f));
  const { token, authorization } = credentials(c, f);
  const response = await t.app.fetch('http://keysmith.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: authorization ?? `Bearer ${token}` },
    body: `{"query":${JSON.stringify(print(document))},"variables":{"input":${input.text}}}`,
  });
  const body = await response.text();
  let parsed: Pick<Result<Record<string, Outcome>>, 'data' | 'errors'> = { data: null };
  try {
    parsed = JSON.parse(body);
  } catch {
    // checked through `body`
  }
  return { status: response.status, data: parsed.data ?? null, errors: parsed.errors, response, body };
}

function credentials(c: Case, f: Fx): { token?: string; authorization?: string } {
  if (c.mutation === 'triggerWorkflow') return { authorization: `Bearer ${f.key.secret}` };
  if (c.mutation === 'setOrganizationPlan') return { token: f.operator.token };
  return { token: f.org.owner.token };
}

/** For a masked error, what the server logged about it (the cause a client never sees). */
function serverError(body: string): string {
  const requestId = /Request id: ([0-9a-f-]{36})/.exec(body)?.[1];
  const line = requestId && t.logs.find((l) => l.includes(requestId) && l.includes('unexpected error'));
  if (!line) return '';
  const err = (JSON.parse(line) as { err?: { type?: string; message?: string; stack?: string } }).err;
  const message = (err?.message ?? '').split('\n').map((l) => l.trim()).filter(Boolean).slice(-2).join(' ');
  const at = (err?.stack ?? '').split('\n').find((l) => l.includes('/src/'))?.trim().replace(/[^\s(]*\/src\//, 'src/') ?? '';
  return ` — server log: ${err?.type ?? 'Error'}: ${message.slice(0, 400)} ${at}`;
}

function checkOutcome(c: Case, result: Result<Record<string, Outcome>>) {
  const where = `${c.mutation} / ${c.category} / ${c.label} → HTTP ${result.status} ${result.body.slice(0, 600)}${serverError(result.body)}`;
  expect(result.status, where).toBeLessThan(500);
  expect(result.body, `masked error: ${where}`).not.toMatch(/Unexpected error|INTERNAL_SERVER_ERROR/);
  const e = c.expect;
  if ('status' in e) {
    expect(result.status, where).toBe(e.status);
    expect(result.data?.[c.mutation] ?? null, where).toBeNull();
    const messages = (result.errors ?? []).map((error) => error.message).join('\n');
    expect(messages, where).not.toBe('');
    if ('message' in e) expect(messages, where).toMatch(e.message);
    if ('code' in e) expect(result.errors?.[0]?.extensions?.code, where).toBe(e.code);
    return;
  }
  expect(result.status, where).toBe(200);
  expect(result.errors, where).toBeUndefined();
  const outcome = result.data?.[c.mutation];
  expect(outcome?.__typename, where).toBe(e.typename);
  expect(outcome?.message, where).toBeTruthy();
  if ('path' in e) {
    const issues = outcome?.issues ?? [];
    expect(issues.length, where).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(issue.path[0], where).toBe('input');
      expect(issue.message, where).toBeTruthy();
    }
    const paths = issues.map((i) => i.path.join('.'));
    if (typeof e.path === 'string') expect(paths, where).toContain(e.path);
    else expect(paths.some((p) => (e.path as RegExp).test(p)), `${where}: no issue path matches ${e.path}`).toBe(true);
  }
  if ('reasons' in e) {
    expect([...new Set((outcome?.failures ?? []).map((failure) => failure.reason))].sort(), where).toEqual([...e.reasons].sort());
  }
}

describe('bad input to every mutation', () => {
  it('covers every mutation of the contract', () => {
    const contract = buildSchema(fs.readFileSync(path.join(projectRoot, 'schema.graphql'), 'utf8'));
    const mutations = Object.keys((contract.getMutationType() as GraphQLObjectType).getFields()).sort();
    expect(Object.keys(documents).sort()).toEqual(mutations);
    for (const name of mutations) {
      const categories = new Set(cases.filter((c) => c.mutation === name).map((c) => c.category));
      const required: Category[] = ['shape', 'empty', 'wrong type', ...(name === 'createOrganization' ? [] : (['malformed id', 'unknown id'] as const))];
      for (const category of required) expect(categories.has(category), `${name} has no "${category}" case`).toBe(true);
    }
  });

  it.each(cases.map((c) => [`${c.mutation} › ${c.category} › ${c.label}`, c] as const))('%s', async (_label, c) => {
    const result = await send(c, fx);
    // Compared with the state after the previous case, so that a case that does change something is the one named.
    const after = await snapshot();
    const before = previous;
    previous = after;
    expect.soft(after, `${c.mutation} / ${c.label} changed the database`).toEqual(before);
    checkOutcome(c, result);
  });

  it('left every row of its organizations and users exactly as before the matrix, and created no user', async () => {
    const now = (await snapshot()) as { strangers: number };
    expect(now.strangers).toBe(0);
    expect(now).toEqual(initial);
  });
});
